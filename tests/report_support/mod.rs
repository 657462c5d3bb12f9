//! Shared by the report tests and benchmark: photos as a phone takes them, the sample document,
//! the request of the period most tests print.
// Each test crate that includes this uses only part of it.
#![allow(dead_code)]

pub mod sample;

use enlace::report::{Lang, PeriodRequest};

/// The second semester of 2021 for the office of the samples, generated at a fixed moment.
pub fn second_semester_2021(lang: Lang) -> PeriodRequest {
    PeriodRequest {
        lang,
        ..PeriodRequest::new(
            chrono::NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
            "Coordinación General de Asuntos Internacionales",
            chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
        )
    }
}

/// A 2000 × 1500 JPEG as a phone takes them: smooth light and shade, edges and fine detail, and
/// sensor noise (a flat picture would compress to nothing and prove nothing about size).
pub fn phone_photo(seed: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(2000, 1500, |x, y| {
        let (fx, fy, s) = (x as f32, y as f32, seed as f32);
        let light = 110.0 + 60.0 * (fx / 310.0 + s).sin() * (fy / 240.0).cos();
        let detail = 25.0 * ((fx + 2.0 * fy) / 9.0 + s).sin() * ((fx - fy) / 41.0).sin();
        let edge = if (x / 250 + y / 190 + seed) % 3 == 0 { 35.0 } else { 0.0 };
        let noise = (x.wrapping_mul(2_654_435_761).wrapping_add(y.wrapping_mul(40_503)).wrapping_add(seed) >> 27) as f32 - 16.0;
        let v = light + detail + edge + noise;
        image::Rgb([v.clamp(0.0, 255.0) as u8, (v * 0.9 + 20.0).clamp(0.0, 255.0) as u8, (v * 0.7 + 30.0).clamp(0.0, 255.0) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

//! Photographs: decoded once per rendering and scaled down to a sensible
//! resolution before embedding, so a phone's 12-megapixel picture does not
//! turn a two-page brief into a 10 MB file.

use printpdf::{RawImage, RawImageData, RawImageFormat};

use super::labels::PHOTO_CREDIT;
use super::{Block, Lang, Photo};
use crate::domain::Activity;

/// Photos printed after an activity's entry in the period report, at most.
pub const PHOTOS_PER_ENTRY: usize = 2;

/// An activity's photos marked for the period report, the first [`PHOTOS_PER_ENTRY`] of them,
/// side by side, each captioned with its caption and "Foto: credit". `read` gives a stored
/// file's bytes by its hash (none when this copy lacks the file: it prints as unreadable).
pub(crate) fn marked(lang: Lang, activity: &Activity, read: &dyn Fn(&str) -> Vec<u8>) -> Block {
    let photos = activity
        .attachments
        .iter()
        .filter(|a| a.in_report && a.is_photo())
        .take(PHOTOS_PER_ENTRY)
        .map(|a| {
            let credit = a.credit.as_ref().map(|c| format!("{} {c}", PHOTO_CREDIT.pick(lang)));
            let caption = [a.caption.clone(), credit].into_iter().flatten().collect::<Vec<_>>().join("\n");
            Photo { data: read(&a.hash), caption }
        })
        .collect();
    Block::Photos(photos)
}

/// Longest side, in pixels, of an embedded photo: about 200 dpi across the
/// text width of a Letter page.
const MAX_PIXELS: u32 = 1400;

/// A photo ready to embed, with its size in pixels.
pub(crate) struct Prepared {
    pub raw: RawImage,
    pub width: u32,
    pub height: u32,
}

/// Decodes a JPEG or PNG and scales it down; `None` when it cannot be read.
fn decode(data: &[u8]) -> Option<image::RgbImage> {
    let image = image::load_from_memory(data).ok()?;
    let image = if image.width().max(image.height()) > MAX_PIXELS { image.thumbnail(MAX_PIXELS, MAX_PIXELS) } else { image };
    Some(image.to_rgb8())
}

/// A photo as the PDF embeds it: decoded and scaled down.
pub(crate) fn prepare(data: &[u8]) -> Option<Prepared> {
    let rgb = decode(data)?;
    let (width, height) = rgb.dimensions();
    let raw = RawImage {
        pixels: RawImageData::U8(rgb.into_raw()),
        width: width as usize,
        height: height as usize,
        data_format: RawImageFormat::RGB8,
        tag: Vec::new(),
    };
    Some(Prepared { raw, width, height })
}

/// A photo as the Word document embeds it: scaled down, as a JPEG, with its size in pixels.
pub(crate) fn jpeg(data: &[u8]) -> Option<(Vec<u8>, u32, u32)> {
    let rgb = decode(data)?;
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&rgb).ok()?;
    Some((out, rgb.width(), rgb.height()))
}

/// Every photo of the document, in reading order.
pub(crate) fn prepare_all(blocks: &[Block]) -> Vec<Option<Prepared>> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Photos(photos) => Some(photos.iter().map(|p| prepare(&p.data))),
            _ => None,
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([30, 60, 100]));
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn large_photos_are_scaled_down_keeping_their_proportions() {
        let p = prepare(&png(4000, 3000)).unwrap();
        assert_eq!((p.width, p.height), (1400, 1050));
        let small = prepare(&png(300, 200)).unwrap();
        assert_eq!((small.width, small.height), (300, 200));
        assert!(prepare(b"not an image").is_none());
        let (jpeg, w, h) = jpeg(&png(4000, 3000)).unwrap();
        assert_eq!((w, h), (1400, 1050));
        assert_eq!(image::guess_format(&jpeg).unwrap(), image::ImageFormat::Jpeg);
    }
}

//! Drawings as pictures: a [`Sheet`] (text, boxes and rules placed in points, as the layout
//! places them on a PDF page) painted into a PNG at print resolution, for the Word document,
//! where a chart is a picture. Text is painted from the outlines of the bundled Noto Sans, the
//! glyphs the PDF embeds, each advanced by the width the layout measured it with, so a label
//! sits where the PDF puts it and nothing depends on the machine's fonts.
//!
//! A sheet holds what a chart draws: text, filled boxes, and horizontal or vertical rules.
//! Coverage is blended straight into sRGB, which at print resolution reads as the PDF does.

use ab_glyph::{point, Font, FontRef, Glyph, PxScale};

use super::fonts::{Face, Fonts};
use super::layout::theme::Rgb;
use super::layout::{Draw, Sheet};
use super::RenderError;

/// Dots per inch of a picture at the size it is placed: print resolution.
pub(crate) const DPI: f32 = 300.0;
const PX_PER_PT: f32 = DPI / 72.0;

/// The pixel size of a sheet at [`DPI`].
pub(crate) fn pixels(sheet: &Sheet) -> (u32, u32) {
    let px = |points: f32| ((points * PX_PER_PT).round() as u32).max(1);
    (px(sheet.width), px(sheet.height))
}

/// Paints sheets with the outlines of the bundled faces and the metrics the layout used.
pub(crate) struct Painter<'f> {
    fonts: &'f Fonts,
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl<'f> Painter<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Result<Painter<'f>, RenderError> {
        let outlines = |face: Face, name: &str| {
            FontRef::try_from_slice(face.ttf()).map_err(|_| RenderError::Font(name.to_string()))
        };
        Ok(Painter { fonts, regular: outlines(Face::Regular, "NotoSans-Regular")?, bold: outlines(Face::Bold, "NotoSans-Bold")? })
    }

    /// The sheet as a PNG at [`DPI`] on white, its resolution recorded in the file.
    pub(crate) fn png(&self, sheet: &Sheet) -> Vec<u8> {
        let mut canvas = Canvas::white(pixels(sheet));
        for draw in &sheet.draws {
            self.paint(&mut canvas, draw);
        }
        canvas.png()
    }

    fn paint(&self, canvas: &mut Canvas, draw: &Draw) {
        match draw {
            Draw::Rect { x, y, w, h, fill } => canvas.fill((*x, *y), (x + w, y + h), *fill),
            Draw::Line { x1, y1, x2, y2, width, color, .. } => {
                // A rule is horizontal or vertical: the box its width covers along it.
                let half = width / 2.0;
                let (across_x, across_y) = if x1 == x2 { (half, 0.0) } else { (0.0, half) };
                let top_left = (x1.min(*x2) - across_x, y1.min(*y2) - across_y);
                canvas.fill(top_left, (x1.max(*x2) + across_x, y1.max(*y2) + across_y), *color);
            }
            Draw::Shape { rings, fill, outline } => {
                canvas.fill_rings(rings, *fill);
                canvas.trace_rings(rings, *outline);
            }
            Draw::Text { x, baseline, face, size, color, text } => self.text(canvas, (*x, *baseline), *face, *size, *color, text),
            // Photos and links belong to pages; a sheet has none.
            Draw::Image { .. } | Draw::Link { .. } => {}
        }
    }

    /// Text from `(x, baseline)` in points, upright (charts set no italic).
    fn text(&self, canvas: &mut Canvas, (x, baseline): (f32, f32), face: Face, size: f32, color: Rgb, text: &str) {
        let font = if face.upright() == Face::Bold { &self.bold } else { &self.regular };
        // ab_glyph scales by the font's height (ascent − descent); the size is in em.
        let em = font.units_per_em().unwrap_or(1000.0);
        let scale = PxScale::from(size * PX_PER_PT * font.height_unscaled() / em);
        let mut pen = x;
        for c in text.chars() {
            let glyph = Glyph { id: font.glyph_id(c), scale, position: point(pen * PX_PER_PT, baseline * PX_PER_PT) };
            if let Some(outline) = font.outline_glyph(glyph) {
                let origin = outline.px_bounds().min;
                outline.draw(|gx, gy, coverage| {
                    canvas.blend(origin.x as i64 + i64::from(gx), origin.y as i64 + i64::from(gy), color, coverage)
                });
            }
            pen += self.fonts.width(face, c.encode_utf8(&mut [0; 4]), size);
        }
    }
}

/// RGB pixels, row by row.
struct Canvas {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

impl Canvas {
    fn white((width, height): (u32, u32)) -> Canvas {
        Canvas { width, height, rgb: vec![255; width as usize * height as usize * 3] }
    }

    /// Mixes `color` into the pixel at `(x, y)` by `coverage` (0–1); outside the canvas, nothing.
    fn blend(&mut self, x: i64, y: i64, color: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return;
        }
        let at = (y as usize * self.width as usize + x as usize) * 3;
        let coverage = coverage.clamp(0.0, 1.0);
        for (channel, target) in self.rgb[at..at + 3].iter_mut().zip([color.0, color.1, color.2]) {
            let now = f32::from(*channel);
            *channel = (now + (target * 255.0 - now) * coverage).round() as u8;
        }
    }

    /// Fills the box between two corners given in points; pixels its edges cross get their share.
    fn fill(&mut self, (x0, y0): (f32, f32), (x1, y1): (f32, f32), color: Rgb) {
        let (x0, y0, x1, y1) = (x0 * PX_PER_PT, y0 * PX_PER_PT, x1 * PX_PER_PT, y1 * PX_PER_PT);
        let share = |pixel: f32, from: f32, to: f32| (to.min(pixel + 1.0) - from.max(pixel)).max(0.0);
        for py in (y0.floor() as i64)..(y1.ceil() as i64) {
            let cover_y = share(py as f32, y0, y1);
            for px in (x0.floor() as i64)..(x1.ceil() as i64) {
                self.blend(px, py, color, cover_y * share(px as f32, x0, x1));
            }
        }
    }

    /// Fills closed rings given in points by the even-odd rule, pixel by pixel (a pixel is in
    /// when its centre is).
    fn fill_rings(&mut self, rings: &[Vec<(f32, f32)>], color: Rgb) {
        let edges: Vec<((f32, f32), (f32, f32))> = rings
            .iter()
            .flat_map(|ring| ring.iter().zip(ring.iter().cycle().skip(1)).map(|(a, b)| (*a, *b)))
            .map(|((x0, y0), (x1, y1))| ((x0 * PX_PER_PT, y0 * PX_PER_PT), (x1 * PX_PER_PT, y1 * PX_PER_PT)))
            .collect();
        let (top, bottom) = edges.iter().fold((f32::MAX, f32::MIN), |(lo, hi), ((_, a), (_, b))| (lo.min(a.min(*b)), hi.max(a.max(*b))));
        if top > bottom {
            return;
        }
        let mut crossings: Vec<f32> = Vec::new();
        for py in (top.floor().max(0.0) as i64)..=(bottom.ceil().min(self.height as f32) as i64) {
            let y = py as f32 + 0.5;
            crossings.clear();
            for &((x0, y0), (x1, y1)) in &edges {
                if (y0 <= y) != (y1 <= y) {
                    crossings.push(x0 + (y - y0) / (y1 - y0) * (x1 - x0));
                }
            }
            crossings.sort_by(f32::total_cmp);
            for span in crossings.chunks_exact(2) {
                for px in ((span[0] - 0.5).ceil() as i64)..=((span[1] - 0.5).floor() as i64) {
                    self.blend(px, py, color, 1.0);
                }
            }
        }
    }

    /// Draws the rings' edges one pixel wide.
    fn trace_rings(&mut self, rings: &[Vec<(f32, f32)>], color: Rgb) {
        for ring in rings {
            for ((x0, y0), (x1, y1)) in ring.iter().zip(ring.iter().cycle().skip(1)) {
                let (x0, y0, x1, y1) = (x0 * PX_PER_PT, y0 * PX_PER_PT, x1 * PX_PER_PT, y1 * PX_PER_PT);
                let steps = (x1 - x0).abs().max((y1 - y0).abs()).ceil().max(1.0);
                for i in 0..=steps as i64 {
                    let t = i as f32 / steps;
                    self.blend((x0 + (x1 - x0) * t) as i64, (y0 + (y1 - y0) * t) as i64, color, 1.0);
                }
            }
        }
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // Flat colours compress well even at the fast setting; the better ones cost ten times as long.
        encoder.set_compression(png::Compression::Fast);
        let per_metre = (DPI / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
        // Writing into memory, with the data sized from the header, cannot fail.
        let mut writer = encoder.write_header().expect("a PNG header in memory");
        writer.write_image_data(&self.rgb).expect("PNG data of the header's size");
        writer.finish().expect("a PNG in memory");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::BarChart;
    use crate::report::layout::chart_sheets;
    use crate::report::layout::theme::{ACCENT, TEXT};

    struct Picture {
        width: usize,
        height: usize,
        rgb: Vec<u8>,
        per_metre: Option<png::PixelDimensions>,
    }

    impl Picture {
        fn decode(bytes: &[u8]) -> Picture {
            let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a valid PNG");
            let per_metre = reader.info().pixel_dims;
            let mut rgb = vec![0; reader.output_buffer_size().expect("a sane size")];
            let frame = reader.next_frame(&mut rgb).unwrap();
            assert_eq!(frame.color_type, png::ColorType::Rgb);
            Picture { width: frame.width as usize, height: frame.height as usize, rgb, per_metre }
        }

        fn at(&self, x: usize, y: usize) -> [u8; 3] {
            let i = (y * self.width + x) * 3;
            [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
        }
    }

    fn bytes(c: Rgb) -> [u8; 3] {
        [c.0, c.1, c.2].map(|v| (v * 255.0).round() as u8)
    }

    fn dark(p: [u8; 3]) -> bool {
        p.iter().map(|&v| u32::from(v)).sum::<u32>() < 3 * 110
    }

    /// Bars measured on the picture itself: where each one's rows are and how long it is, found
    /// by scanning for the accent colour, stand in the values' proportions.
    #[test]
    fn a_chart_paints_bars_to_scale_labels_beside_them_on_white() {
        let fonts = Fonts::load().unwrap();
        let chart = BarChart::new("")
            .bar("Año de la niñez", 40.0)
            .bar("¿Acción climática? Ñuñoa, Perú y Bogotá con ciudades hermanas de América Latina", 100.0)
            .bar("Ciencia", 25.0);
        let sheets = chart_sheets(&fonts, &chart, 480.0, 600.0);
        assert_eq!(sheets.len(), 1);
        let png = Painter::new(&fonts).unwrap().png(&sheets[0]);
        let picture = Picture::decode(&png);
        assert_eq!((picture.width as u32, picture.height as u32), pixels(&sheets[0]));
        assert_eq!(picture.width, 2000, "480 points at 300 dpi");
        let per_metre = picture.per_metre.expect("the resolution is recorded");
        assert_eq!((per_metre.xppu, per_metre.unit), (11811, png::Unit::Meter));

        let accent = bytes(ACCENT);
        // The column where the bars start: the first accent pixel on any row.
        let start = (0..picture.width)
            .find(|&x| (0..picture.height).any(|y| picture.at(x, y) == accent))
            .expect("bars painted");
        let column = start + 3;
        let mut rows = Vec::new();
        let mut y = 0;
        while y < picture.height {
            if picture.at(column, y) == accent {
                let top = y;
                while y < picture.height && picture.at(column, y) == accent {
                    y += 1;
                }
                rows.push((top + y) / 2);
            }
            y += 1;
        }
        assert_eq!(rows.len(), 3, "one bar per value");
        let lengths: Vec<usize> =
            rows.iter().map(|&y| (start..picture.width).take_while(|&x| picture.at(x, y) == accent).count()).collect();
        for (length, bar) in lengths.iter().zip(&chart.bars) {
            let expected = lengths[1] as f64 * bar.value / 100.0;
            assert!((*length as f64 - expected).abs() <= 2.0, "bar {}: {length} px, {expected} expected", bar.label);
        }
        // Labels: dark text left of the bars on each bar's row band, and white around.
        for &y in &rows {
            let band = y.saturating_sub(20)..y + 20;
            assert!(band.clone().any(|y| (0..start - 10).any(|x| dark(picture.at(x, y)))), "a label beside the bar at {y}");
        }
        assert_eq!(picture.at(0, 0), [255; 3]);
        assert_eq!(picture.at(picture.width - 1, 0), [255; 3]);
        let between = (rows[0] + rows[1]) / 2;
        assert_eq!(picture.at(start + lengths[1] / 3 + 1, between), [255; 3], "white between bars");
        // The value after the longest bar is printed in the text colour, right of it.
        let end = start + lengths[1];
        assert!((end..end + 80).any(|x| (rows[1] - 15..rows[1] + 15).any(|y| picture.at(x, y) == bytes(TEXT))));
    }

    #[test]
    fn spanish_letters_have_their_own_glyphs() {
        let fonts = Fonts::load().unwrap();
        let painter = Painter::new(&fonts).unwrap();
        for font in [&painter.regular, &painter.bold] {
            for c in "ñÑáéíóúÁÉÍÓÚüÜ¿¡".chars() {
                assert_ne!(font.glyph_id(c).0, 0, "{c} would print as a missing glyph");
            }
        }
    }

    #[test]
    fn a_chart_taller_than_the_room_comes_in_sheets_that_fit() {
        let fonts = Fonts::load().unwrap();
        let chart = (1..=60).fold(BarChart::new(""), |c, n| c.bar(format!("Eje {n}"), n as f64));
        let sheets = chart_sheets(&fonts, &chart, 480.0, 500.0);
        assert!(sheets.len() >= 2);
        assert!(sheets.iter().all(|s| s.height <= 500.0 && s.width == 480.0));
        let labels: Vec<String> = sheets
            .iter()
            .flat_map(|s| &s.draws)
            .filter_map(|d| match d {
                Draw::Text { text, .. } if text.starts_with("Eje") => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, (1..=60).map(|n| format!("Eje {n}")).collect::<Vec<_>>(), "every bar once, in order");
    }
}

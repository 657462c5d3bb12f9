//! The fonts shipped with Enlace (Noto Sans, SIL OFL 1.1, see
//! `assets/fonts/OFL.txt`) and their metrics, used to measure text for
//! wrapping exactly as the PDF will draw it.

use printpdf::ParsedFont;

use super::RenderError;

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Noto Sans' cap height (OS/2 `sCapHeight` 714 of 1000 units): used to
/// centre a line of text vertically in its box.
pub(crate) const CAP_HEIGHT: f32 = 0.714;

/// Code points below this get their advance cached in a table; covers Latin,
/// Latin Extended, Greek, Cyrillic and general punctuation.
const CACHED_CODEPOINTS: usize = 0x2100;

/// A typeface. Only upright faces are bundled: the italic ones are the upright glyphs drawn
/// slanted (same widths), which is how the PDF writer sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub(crate) fn styled(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The bundled face whose glyphs it draws.
    pub(crate) fn upright(self) -> Face {
        match self {
            Face::Regular | Face::Italic => Face::Regular,
            Face::Bold | Face::BoldItalic => Face::Bold,
        }
    }

    pub(crate) fn slanted(self) -> bool {
        self != self.upright()
    }

    /// The bundled TrueType file of the face whose glyphs it draws (pictures drawn with the
    /// same outlines the PDF embeds).
    pub(crate) fn ttf(self) -> &'static [u8] {
        match self.upright() {
            Face::Bold => BOLD_TTF,
            _ => REGULAR_TTF,
        }
    }
}

/// One parsed font and its advance widths in em.
pub(crate) struct FontFace {
    pub(crate) parsed: ParsedFont,
    advances: Vec<f32>,
    units_per_em: f32,
}

impl FontFace {
    fn load(bytes: &[u8], name: &str) -> Result<FontFace, RenderError> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .ok_or_else(|| RenderError::Font(name.to_string()))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let mut face = FontFace { parsed, advances: Vec::new(), units_per_em };
        face.advances = (0..CACHED_CODEPOINTS as u32)
            .map(|cp| char::from_u32(cp).map_or(0.0, |c| face.lookup_advance(c)))
            .collect();
        Ok(face)
    }

    fn lookup_advance(&self, c: char) -> f32 {
        // A missing glyph prints as .notdef (glyph 0), which has an advance too.
        let glyph = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.parsed.get_horizontal_advance(glyph)) / self.units_per_em
    }

    /// Advance width of `c` in em.
    fn advance(&self, c: char) -> f32 {
        match self.advances.get(c as usize) {
            Some(width) => *width,
            None => self.lookup_advance(c),
        }
    }

    /// Width of `text` set at `size` points, in points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

/// The regular and bold faces used by every document.
pub(crate) struct Fonts {
    pub(crate) regular: FontFace,
    pub(crate) bold: FontFace,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, RenderError> {
        Ok(Fonts {
            regular: FontFace::load(REGULAR_TTF, "NotoSans-Regular")?,
            bold: FontFace::load(BOLD_TTF, "NotoSans-Bold")?,
        })
    }

    pub(crate) fn face(&self, face: Face) -> &FontFace {
        match face.upright() {
            Face::Bold => &self.bold,
            _ => &self.regular,
        }
    }

    pub(crate) fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        self.face(face).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_cover_latin_extended_and_measure_sensibly() {
        let fonts = Fonts::load().unwrap();
        for c in "Terézia Šajgalíková Päivi ñ — Perú año “·•”".chars() {
            for face in [&fonts.regular, &fonts.bold] {
                assert!(face.parsed.lookup_glyph_index(c as u32).is_some(), "no glyph for {c:?}");
            }
        }
        let w = fonts.width(Face::Regular, "Perú", 10.0);
        assert!(w > 15.0 && w < 30.0, "{w}");
        assert!(fonts.width(Face::Bold, "Perú", 10.0) > w);
        assert_eq!(fonts.width(Face::Regular, "ab", 10.0), fonts.width(Face::Regular, "a", 10.0) + fonts.width(Face::Regular, "b", 10.0));
    }
}

//! The page as Word sets it: paper size and the PDF's margins, in twentieths of a point.

use super::xml::Xml;
use crate::report::layout::theme::{MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP};
use crate::report::Paper;

/// Twips (1/20 pt) per point.
pub(super) const TWIPS: f32 = 20.0;
/// EMUs (DrawingML's unit) per twip.
pub(super) const EMU_PER_TWIP: u64 = 635;

/// Where the running header and footer sit, from the paper's edge: inside the margins, as in the PDF.
const FURNITURE_DISTANCE: f32 = 36.0;

#[derive(Clone, Copy)]
pub(super) struct Geometry {
    width: u32,
    height: u32,
}

impl Geometry {
    pub(super) fn of(paper: Paper) -> Geometry {
        let (w, h) = paper.size_pt();
        Geometry { width: twips(w), height: twips(h) }
    }

    /// Width between the side margins.
    pub(super) fn text_width(&self) -> u32 {
        self.width - 2 * twips(MARGIN_SIDE)
    }

    /// Height between the top and bottom margins.
    pub(super) fn text_height(&self) -> u32 {
        self.height - twips(MARGIN_TOP) - twips(MARGIN_BOTTOM)
    }

    /// A section's properties: page size and margins, and the running header and footer
    /// (`furniture`, by their relationship ids) unless it is the cover's.
    pub(super) fn section(&self, x: &mut Xml, furniture: Option<(&str, &str)>) {
        x.open("w:sectPr", &[]);
        if let Some((header, footer)) = furniture {
            x.empty("w:headerReference", &[("w:type", "default"), ("r:id", header)]);
            x.empty("w:footerReference", &[("w:type", "default"), ("r:id", footer)]);
        }
        x.empty("w:type", &[("w:val", "nextPage")]);
        let (w, h) = (self.width.to_string(), self.height.to_string());
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
        let side = twips(MARGIN_SIDE).to_string();
        let (top, bottom, edge) =
            (twips(MARGIN_TOP).to_string(), twips(MARGIN_BOTTOM).to_string(), twips(FURNITURE_DISTANCE).to_string());
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &top),
                ("w:right", &side),
                ("w:bottom", &bottom),
                ("w:left", &side),
                ("w:header", &edge),
                ("w:footer", &edge),
                ("w:gutter", "0"),
            ],
        );
        x.close("w:sectPr");
    }
}

pub(super) fn twips(points: f32) -> u32 {
    (points * TWIPS).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_and_a4_in_twips() {
        let letter = Geometry::of(Paper::Letter);
        assert_eq!((letter.width, letter.height), (12240, 15840));
        assert_eq!(letter.text_width(), 12240 - 2 * 1320);
        let a4 = Geometry::of(Paper::A4);
        assert_eq!((a4.width, a4.height), (11906, 16838));
    }
}

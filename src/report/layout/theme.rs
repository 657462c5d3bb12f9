//! The look of every document: colours, type sizes and margins, in one
//! place. Restrained on purpose: one dark-blue accent, greys, white space.

use crate::report::fonts::Face;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// As Word writes a colour: `1D3A62`.
    pub(crate) fn hex(self) -> String {
        let byte = |c: f32| (c * 255.0).round() as u8;
        format!("{:02X}{:02X}{:02X}", byte(self.0), byte(self.1), byte(self.2))
    }
}

/// Dark institutional blue: headings, table headers, bars.
pub(crate) const ACCENT: Rgb = Rgb(0.114, 0.227, 0.384);
/// Pale blue-grey fills: figure boxes, totals rows.
pub(crate) const ACCENT_PALE: Rgb = Rgb(0.906, 0.925, 0.953);
/// Body text, near black.
pub(crate) const TEXT: Rgb = Rgb(0.13, 0.14, 0.16);
/// Secondary text: notes, running header and footer, axis labels.
pub(crate) const MUTED: Rgb = Rgb(0.38, 0.42, 0.48);
/// Hairlines: table row separators, gridlines.
pub(crate) const RULE: Rgb = Rgb(0.80, 0.83, 0.87);
/// Alternate table rows.
pub(crate) const ZEBRA: Rgb = Rgb(0.957, 0.965, 0.976);
pub(crate) const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);
/// Minor titles (level-3 headings, chart titles).
pub(crate) const SLATE: Rgb = Rgb(0.25, 0.29, 0.35);

/// How a run of text is set: face, size, line height and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub face: Face,
    pub size: f32,
    pub line: f32,
    pub color: Rgb,
}

impl TextStyle {
    pub(crate) const fn new(face: Face, size: f32, line: f32, color: Rgb) -> TextStyle {
        TextStyle { face, size, line, color }
    }
}

/// Body text size and line height, in points.
pub(crate) const BODY_SIZE: f32 = 10.0;
pub(crate) const BODY_LINE: f32 = 14.5;
/// Small text (notes, tables, chart labels).
pub(crate) const SMALL_SIZE: f32 = 8.5;
pub(crate) const SMALL_LINE: f32 = 11.5;
pub(crate) const BODY: TextStyle = TextStyle::new(Face::Regular, BODY_SIZE, BODY_LINE, TEXT);
pub(crate) const NOTE: TextStyle = TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, MUTED);
/// Running header and footer.
pub(crate) const FURNITURE_SIZE: f32 = 7.5;
/// Space between consecutive blocks.
pub(crate) const BLOCK_GAP: f32 = 8.0;

/// Page margins in points: the running header and footer sit inside the
/// top and bottom margins.
pub(crate) const MARGIN_SIDE: f32 = 66.0;
pub(crate) const MARGIN_TOP: f32 = 76.0;
pub(crate) const MARGIN_BOTTOM: f32 = 70.0;

/// How a heading level looks.
pub(crate) struct HeadingStyle {
    pub size: f32,
    pub line: f32,
    pub face: Face,
    pub color: Rgb,
    pub space_before: f32,
    pub space_after: f32,
    /// A rule under the heading (parts only).
    pub rule: bool,
}

impl HeadingStyle {
    pub(crate) fn text(&self) -> TextStyle {
        TextStyle::new(self.face, self.size, self.line, self.color)
    }
}

pub(crate) fn heading_style(level: u8) -> HeadingStyle {
    match level {
        0 | 1 => HeadingStyle {
            size: 16.0,
            line: 21.0,
            face: Face::Bold,
            color: ACCENT,
            space_before: 22.0,
            space_after: 10.0,
            rule: true,
        },
        2 => HeadingStyle {
            size: 12.5,
            line: 17.0,
            face: Face::Bold,
            color: ACCENT,
            space_before: 16.0,
            space_after: 5.0,
            rule: false,
        },
        3 => HeadingStyle {
            size: 11.0,
            line: 15.0,
            face: Face::Bold,
            color: SLATE,
            space_before: 12.0,
            space_after: 3.0,
            rule: false,
        },
        _ => HeadingStyle {
            size: BODY_SIZE,
            line: BODY_LINE,
            face: Face::Bold,
            color: TEXT,
            space_before: 10.0,
            space_after: 1.0,
            rule: false,
        },
    }
}

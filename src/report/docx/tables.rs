//! The blocks Word sets as tables: data tables (header row repeated on every page), the
//! boxed figures, the signature boxes, the photo rows and the bar charts (a picture, its caption
//! and the chart's data).

use super::body::{field_end, field_start, Body, Para};
use super::media::{self, Picture};
use super::page::{twips, TWIPS};
use crate::report::document::{Align, BarChart, Choropleth, Column, Figure, Photo, Run, Signature, Table};
use crate::report::layout::chart_sheets;
use crate::report::layout::map::map_sheet;
use crate::report::layout::theme::{ACCENT, ACCENT_PALE, ZEBRA};
use crate::report::numbers::format_count;
use crate::report::photos;

const FIGURES_PER_ROW: usize = 4;
const PHOTOS_PER_ROW: usize = 2;
/// Left plus right cell margin of the tables without a style of their own (Word's default).
const CELL_MARGINS: u32 = 2 * 108;
/// Room a chart's caption takes below its picture (points): a picture taller than the page
/// less this is split.
const CAPTION_ROOM: f32 = 40.0;

/// How a cell looks: its fill and, for figures, the accent bar at its left.
#[derive(Default, Clone, Copy)]
struct CellLook<'a> {
    fill: Option<&'a str>,
    accent_bar: bool,
}

/// Splits `total` in proportion to `weights`; the last share takes the rounding.
fn shares(total: u32, weights: &[f32]) -> Vec<u32> {
    let sum: f32 = weights.iter().map(|w| w.max(0.0)).sum();
    let mut out: Vec<u32> = weights
        .iter()
        .map(|w| if sum > 0.0 { (total as f32 * w.max(0.0) / sum) as u32 } else { total / weights.len().max(1) as u32 })
        .collect();
    let rest = total.saturating_sub(out.iter().sum());
    if let Some(last) = out.last_mut() {
        *last += rest;
    }
    out
}

impl Body<'_> {
    /// Opens a table of fixed column widths (twips) in `style` ("" for none).
    fn open_table(&mut self, style: &str, widths: &[u32], cell_spacing: Option<u32>) {
        self.before_table();
        let x = &mut self.x;
        x.open("w:tbl", &[]);
        x.open("w:tblPr", &[]);
        if !style.is_empty() {
            x.empty("w:tblStyle", &[("w:val", style)]);
        }
        let total: u32 = widths.iter().sum();
        x.empty("w:tblW", &[("w:w", &total.to_string()), ("w:type", "dxa")]);
        if let Some(spacing) = cell_spacing {
            x.empty("w:tblCellSpacing", &[("w:w", &spacing.to_string()), ("w:type", "dxa")]);
        }
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        x.empty("w:tblLook", &[("w:val", "0020"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")]);
        x.close("w:tblPr");
        x.open("w:tblGrid", &[]);
        for w in widths {
            x.empty("w:gridCol", &[("w:w", &w.to_string())]);
        }
        x.close("w:tblGrid");
    }

    /// Closes a table and leaves a gap after it (which also keeps the next table apart).
    fn close_table(&mut self) {
        self.x.close("w:tbl");
        self.spacer(6.0);
    }

    /// Opens a row; `header` rows repeat at the top of every page the table runs onto.
    fn open_row(&mut self, header: bool) {
        self.x.open("w:tr", &[]);
        self.x.open("w:trPr", &[]);
        self.x.empty("w:cantSplit", &[]);
        if header {
            self.x.empty("w:tblHeader", &[]);
        }
        self.x.close("w:trPr");
    }

    fn open_cell(&mut self, width: u32, look: CellLook) {
        let x = &mut self.x;
        x.open("w:tc", &[]);
        x.open("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        if look.accent_bar {
            x.open("w:tcBorders", &[]);
            x.empty("w:left", &[("w:val", "single"), ("w:sz", "24"), ("w:space", "0"), ("w:color", &ACCENT.hex())]);
            x.close("w:tcBorders");
        }
        if let Some(fill) = look.fill {
            x.empty("w:shd", &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)]);
        }
        x.close("w:tcPr");
    }

    /// A cell holding one paragraph of text.
    fn text_cell(&mut self, width: u32, look: CellLook, para: Para, run: &Run) {
        self.open_cell(width, look);
        self.paragraph(para, std::slice::from_ref(run));
        self.x.close("w:tc");
    }
}

/// A data table: the header row in the accent colour, repeated on every page; alternate
/// rows tinted; numbers right-aligned; the totals row bold on a pale fill.
pub(super) fn table(b: &mut Body, t: &Table) {
    let weights: Vec<f32> = t.columns.iter().map(|c| c.width).collect();
    let widths = shares(b.geometry.text_width(), &weights);
    b.open_table("ReportTable", &widths, None);
    let accent = ACCENT.hex();
    b.open_row(true);
    for (column, width) in t.columns.iter().zip(&widths) {
        let para = cell_para("TableHeading", column);
        b.text_cell(*width, CellLook { fill: Some(&accent), ..CellLook::default() }, para, &Run::plain(column.header.as_str()));
    }
    b.x.close("w:tr");
    let (zebra, pale) = (ZEBRA.hex(), ACCENT_PALE.hex());
    let rows = t.rows.iter().enumerate().map(|(n, row)| (row, n % 2 == 1, false));
    for (row, tinted, totals) in rows.chain(t.totals.iter().map(|row| (row, false, true))) {
        let fill = if totals { Some(pale.as_str()) } else { tinted.then_some(zebra.as_str()) };
        b.open_row(false);
        for (i, (column, width)) in t.columns.iter().zip(&widths).enumerate() {
            let text = row.get(i).map_or("", String::as_str);
            let run = Run { text: text.to_string(), bold: totals, italic: false };
            b.text_cell(*width, CellLook { fill, ..CellLook::default() }, cell_para("TableText", column), &run);
        }
        b.x.close("w:tr");
    }
    b.close_table();
}

fn cell_para<'s>(style: &'s str, column: &Column) -> Para<'s> {
    Para { right: column.align == Align::Right, ..Para::style(style) }
}

/// The "numeralia": rows of four pale boxes, a big number over what it counts.
pub(super) fn figures(b: &mut Body, figures: &[Figure]) {
    let gap = twips(5.0);
    let width = b.geometry.text_width() / FIGURES_PER_ROW as u32 - gap;
    b.open_table("", &[width; FIGURES_PER_ROW], Some(gap));
    let pale = ACCENT_PALE.hex();
    let look = CellLook { fill: Some(&pale), accent_bar: true };
    for chunk in figures.chunks(FIGURES_PER_ROW) {
        b.open_row(false);
        for figure in chunk {
            b.open_cell(width, look);
            b.text(Para::style("FigureValue"), &figure.value);
            b.text(Para::style("FigureLabel"), &figure.label);
            b.x.close("w:tc");
        }
        // A short last row keeps the grid: empty, unpainted cells.
        for _ in chunk.len()..FIGURES_PER_ROW {
            b.text_cell(width, CellLook::default(), Para::style("TableText"), &Run::default());
        }
        b.x.close("w:tr");
    }
    b.close_table();
}

/// Signature boxes side by side, kept on one page: the role, room to sign, a line, the name
/// and post under it.
pub(super) fn sign_off(b: &mut Body, signatures: &[Signature]) {
    let widths = shares(b.geometry.text_width(), &vec![1.0; signatures.len()]);
    b.open_table("", &widths, None);
    b.open_row(false);
    for (s, width) in signatures.iter().zip(&widths) {
        b.open_cell(*width, CellLook::default());
        b.paragraph(Para::style("Signature"), &[Run { text: s.role.clone(), bold: true, italic: false }]);
        b.paragraph(Para { space_before: Some(42.0), rule_above: true, ..Para::style("Signature") }, &[Run::plain(s.name.as_str())]);
        b.text(Para::style("Signature"), &s.post);
        b.x.close("w:tc");
    }
    b.x.close("w:tr");
    b.close_table();
}

/// A bar chart as Word sets a figure: the chart the PDF draws, as a picture as wide as the text
/// (a PNG at print resolution; a chart taller than a page comes in pieces, as in the PDF), the
/// caption under it ("Gráfica 1. Actividades por eje", numbered by a SEQ field Word keeps in
/// order, named by the chart's title or else the heading above it), then the chart's data as a
/// table of label and value: the numbers stay readable as text and editable, and Word can chart
/// them anew.
pub(super) fn bar_chart(b: &mut Body, chart: &BarChart) {
    b.charts += 1;
    let word = b.doc.lang.chart();
    let named = if chart.title.trim().is_empty() { b.last_heading.trim() } else { chart.title.trim() };
    let after_number = if named.is_empty() { String::new() } else { format!(". {named}") };
    let description = format!("{word} {}{after_number}", b.charts);
    let width = b.geometry.text_width() as f32 / TWIPS;
    let room = b.geometry.text_height() as f32 / TWIPS - CAPTION_ROOM;
    for sheet in chart_sheets(b.fonts, chart, width, room) {
        b.open_paragraph(Para::style("Picture"));
        let picture = Picture { data: b.painter.png(&sheet), extension: "png", stem: "chart" };
        media::inline(&mut b.x, &mut b.media, picture, (twips(sheet.width), twips(sheet.height)), &description);
        b.x.close("w:p");
    }
    b.open_paragraph(Para::style("Caption"));
    b.run(&Run::plain(format!("{word} ")));
    field_start(&mut b.x, &format!(" SEQ {word} \\* ARABIC "));
    b.run(&Run::plain(b.charts.to_string()));
    field_end(&mut b.x);
    if !after_number.is_empty() {
        b.run(&Run::plain(after_number));
    }
    b.x.close("w:p");

    let columns = [Column::new("", 3.0), Column::numeric("", 1.0)];
    let widths = shares(b.geometry.text_width(), &[3.0, 1.0]);
    b.open_table("ReportTable", &widths, None);
    for bar in &chart.bars {
        b.open_row(false);
        for ((text, column), width) in [bar.label.clone(), format_count(bar.value)].iter().zip(&columns).zip(&widths) {
            b.text_cell(*width, CellLook::default(), cell_para("TableText", column), &Run::plain(text.as_str()));
        }
        b.x.close("w:tr");
    }
    b.close_table();
}

/// The world map as a picture as wide as the text, the PDF's drawing painted at print
/// resolution, described by its alternative text.
pub(super) fn map(b: &mut Body, map: &Choropleth) {
    let width = b.geometry.text_width() as f32 / TWIPS;
    let sheet = map_sheet(b.fonts, map, width);
    b.open_paragraph(Para::style("Picture"));
    let picture = Picture { data: b.painter.png(&sheet), extension: "png", stem: "map" };
    media::inline(&mut b.x, &mut b.media, picture, (twips(sheet.width), twips(sheet.height)), &map.description);
    b.x.close("w:p");
}

/// Photos two to a row, each fitted to its column (under half the page high, never past
/// 100 dpi) with its caption and credit under it; one that cannot be read shows the
/// unreadable label instead.
pub(super) fn photos(b: &mut Body, photos: &[Photo]) {
    let column = b.geometry.text_width() / PHOTOS_PER_ROW as u32;
    let room = (column - CELL_MARGINS, b.geometry.text_height() * 45 / 100);
    let unreadable = b.doc.lang.unreadable_photo();
    b.open_table("", &[column; PHOTOS_PER_ROW], None);
    for row in photos.chunks(PHOTOS_PER_ROW) {
        b.open_row(false);
        for photo in row {
            b.open_cell(column, CellLook::default());
            let caption = match photos::jpeg(&photo.data) {
                Some((jpeg, w, h)) => {
                    b.open_paragraph(Para { keep_next: true, ..Para::style("Caption") });
                    let picture = Picture { data: jpeg, extension: "jpeg", stem: "image" };
                    media::inline(&mut b.x, &mut b.media, picture, fit((w, h), room), photo.caption.trim());
                    b.x.close("w:p");
                    photo.caption.clone()
                }
                None => format!("{unreadable}\n{}", photo.caption),
            };
            b.text(Para::style("Caption"), caption.trim());
            b.x.close("w:tc");
        }
        for _ in row.len()..PHOTOS_PER_ROW {
            b.text_cell(column, CellLook::default(), Para::style("Caption"), &Run::default());
        }
        b.x.close("w:tr");
    }
    b.close_table();
}

/// The size in twips of a `pixels` picture fitted inside `room`, never past 100 dpi.
fn fit(pixels: (u32, u32), room: (u32, u32)) -> (u32, u32) {
    let (w, h) = (pixels.0.max(1) as f32, pixels.1.max(1) as f32);
    let scale = (room.0 as f32 / w).min(room.1 as f32 / h).min(twips(72.0) as f32 / 100.0);
    ((w * scale).round() as u32, (h * scale).round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_whole() {
        let s = shares(9000, &[1.0, 2.0, 1.5]);
        assert_eq!(s.iter().sum::<u32>(), 9000);
        assert!(s[1] > s[2] && s[2] > s[0]);
    }

    #[test]
    fn photos_fit_their_room_and_never_pass_100_dpi() {
        assert_eq!(fit((2000, 1000), (4000, 4000)), (4000, 2000));
        // 100 px at 100 dpi is an inch: 1440 twips.
        assert_eq!(fit((100, 50), (4000, 4000)), (1440, 720));
    }
}

//! The document's blocks as WordprocessingML (`word/document.xml`): styled paragraphs in
//! reading order, the cover in a section of its own, a contents field Word updates.

use super::media::Media;
use super::page::{twips, Geometry};
use super::tables;
use super::xml::Xml;
use crate::report::document::{Block, Cover, Document, Run};
use crate::report::fonts::{Face, Fonts};
use crate::report::layout::theme::BODY_SIZE;
use crate::report::raster::Painter;

pub(super) const NAMESPACES: [(&str, &str); 5] = [
    ("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    ("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
    ("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
];

pub(super) const HEADER_REL: &str = "rIdHeader";
pub(super) const FOOTER_REL: &str = "rIdFooter";

/// How one paragraph is set: its style and the few direct properties the blocks need.
#[derive(Default, Clone, Copy)]
pub(super) struct Para<'s> {
    pub(super) style: &'s str,
    pub(super) right: bool,
    pub(super) keep_next: bool,
    /// A rule above the text (the line a signature goes on).
    pub(super) rule_above: bool,
    /// A hanging label column of this width (twips), the label and value separated by a tab.
    pub(super) label_column: Option<u32>,
    /// Extra space before, in points.
    pub(super) space_before: Option<f32>,
    /// An exact line height in points, no space around (an empty paragraph as vertical space).
    pub(super) height: Option<f32>,
}

impl<'s> Para<'s> {
    pub(super) fn style(style: &'s str) -> Para<'s> {
        Para { style, ..Para::default() }
    }
}

pub(super) struct Body<'d> {
    pub(super) x: Xml,
    pub(super) doc: &'d Document,
    pub(super) fonts: &'d Fonts,
    /// Draws the charts' pictures.
    pub(super) painter: &'d Painter<'d>,
    pub(super) geometry: Geometry,
    pub(super) media: Media,
    /// Charts placed so far (their captions are numbered).
    pub(super) charts: usize,
    /// The last heading written: a chart without a title of its own is captioned with it.
    pub(super) last_heading: String,
    /// Nothing written on the current page yet.
    at_top: bool,
    /// A page break the next paragraph must start with.
    break_owed: bool,
}

/// Writes the document's body; returns the part and the images it embeds.
pub(super) fn document<'d>(doc: &'d Document, fonts: &'d Fonts, painter: &'d Painter<'d>) -> (Vec<u8>, Media) {
    let mut body = Body {
        x: Xml::new(),
        doc,
        fonts,
        painter,
        geometry: Geometry::of(doc.paper),
        media: Media::default(),
        charts: 0,
        last_heading: String::new(),
        at_top: true,
        break_owed: false,
    };
    body.x.open("w:document", &NAMESPACES);
    body.x.open("w:body", &[]);
    for block in doc.blocks() {
        body.block(block);
    }
    body.geometry.section(&mut body.x, Some((HEADER_REL, FOOTER_REL)));
    body.x.close("w:body");
    body.x.close("w:document");
    (body.x.finish(), body.media)
}

impl Body<'_> {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Cover(cover) => self.cover(cover),
            Block::TableOfContents => self.contents(),
            Block::Heading { level, text } => {
                self.text(Para { keep_next: true, ..Para::style(heading_style(*level)) }, text);
                self.last_heading.clone_from(text);
            }
            Block::Paragraph(text) => self.text(Para::style("BodyText"), text),
            Block::Note(text) => self.text(Para::style("Note"), text),
            Block::LabelledLines(pairs) => self.labelled_lines(pairs),
            Block::BulletList(items) => {
                for item in items.iter().filter(|i| !i.trim().is_empty()) {
                    self.text(Para::style("ListBullet"), item);
                }
            }
            Block::Styled(runs) => self.paragraph(Para::style("BodyText"), runs),
            Block::StyledList(items) => {
                for item in items.iter().filter(|i| i.iter().any(|r| !r.text.trim().is_empty())) {
                    self.paragraph(Para::style("ListBullet"), item);
                }
            }
            Block::SignOff(signatures) => tables::sign_off(self, signatures),
            Block::Table(table) => tables::table(self, table),
            Block::Figures(figures) => tables::figures(self, figures),
            Block::BarChart(chart) => tables::bar_chart(self, chart),
            Block::Map(map) => tables::map(self, map),
            Block::Photos(photos) => tables::photos(self, photos),
            Block::PageBreak => self.break_owed |= !self.at_top,
            Block::Spacer(points) => self.spacer(*points),
        }
    }

    /// Opens a paragraph and writes its properties (taking any page break owed).
    pub(super) fn open_paragraph(&mut self, para: Para) {
        let x = &mut self.x;
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", para.style)]);
        if para.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if std::mem::take(&mut self.break_owed) {
            x.empty("w:pageBreakBefore", &[]);
        }
        if para.rule_above {
            x.open("w:pBdr", &[]);
            x.empty("w:top", &[("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", "auto")]);
            x.close("w:pBdr");
        }
        if let Some(width) = para.label_column {
            x.open("w:tabs", &[]);
            x.empty("w:tab", &[("w:val", "left"), ("w:pos", &width.to_string())]);
            x.close("w:tabs");
        }
        if let Some(points) = para.height {
            let line = twips(points).to_string();
            x.empty("w:spacing", &[("w:before", "0"), ("w:after", "0"), ("w:line", &line), ("w:lineRule", "exact")]);
        } else if let Some(points) = para.space_before {
            x.empty("w:spacing", &[("w:before", &twips(points).to_string())]);
        }
        if let Some(width) = para.label_column {
            let width = width.to_string();
            x.empty("w:ind", &[("w:left", &width), ("w:hanging", &width)]);
        }
        if para.right {
            x.empty("w:jc", &[("w:val", "right")]);
        }
        x.close("w:pPr");
        self.at_top = false;
    }

    pub(super) fn paragraph(&mut self, para: Para, runs: &[Run]) {
        self.open_paragraph(para);
        for run in runs {
            self.run(run);
        }
        self.x.close("w:p");
    }

    pub(super) fn text(&mut self, para: Para, text: &str) {
        self.open_paragraph(para);
        self.run(&Run::plain(text));
        self.x.close("w:p");
    }

    pub(super) fn run(&mut self, run: &Run) {
        write_run(&mut self.x, run);
    }

    /// Before a table: a page break owed cannot ride on a table, so it gets a paragraph.
    pub(super) fn before_table(&mut self) {
        if self.break_owed {
            self.open_paragraph(Para::style("Normal"));
            self.x.close("w:p");
        }
        self.at_top = false;
    }

    /// Vertical space as an empty paragraph of that height (also keeps two tables apart).
    pub(super) fn spacer(&mut self, points: f32) {
        self.open_paragraph(Para { height: Some(points.max(1.0)), ..Para::style("Normal") });
        self.x.close("w:p");
    }

    /// `Label<tab>value` lines with a hanging label column as wide as the widest label (at
    /// most a third of the text), the labels bold, empty values left out: as the PDF sets them.
    fn labelled_lines(&mut self, pairs: &[(String, String)]) {
        let widest = pairs
            .iter()
            .map(|(label, _)| self.fonts.width(Face::Bold, label, BODY_SIZE))
            .fold(0.0, f32::max);
        // Room past the widest label for a substitute font a little wider than Noto Sans.
        let column = twips(widest + 14.0).min(self.geometry.text_width() / 3);
        for (label, value) in pairs.iter().filter(|(_, v)| !v.trim().is_empty()) {
            let runs = [Run { text: format!("{label}\t"), bold: true, italic: false }, Run::plain(value.as_str())];
            self.paragraph(Para { label_column: Some(column), ..Para::style("BodyText") }, &runs);
        }
    }

    /// The cover: office, title, subtitle and details, then a section break, so the cover has
    /// no running header or footer and its own page.
    fn cover(&mut self, cover: &Cover) {
        if !cover.kicker.trim().is_empty() {
            self.text(Para::style("CoverKicker"), &cover.kicker);
        }
        self.text(Para::style("Title"), &cover.title);
        if !cover.subtitle.trim().is_empty() {
            self.text(Para::style("Subtitle"), &cover.subtitle);
        }
        let mut space_before = Some(self.geometry.text_height() as f32 / 20.0 * 0.25);
        for line in &cover.details {
            self.text(Para { space_before: space_before.take(), ..Para::style("CoverDetails") }, line);
        }
        self.x.open("w:p", &[]);
        self.x.open("w:pPr", &[]);
        self.geometry.section(&mut self.x, None);
        self.x.close("w:pPr");
        self.x.close("w:p");
        self.at_top = true;
        self.break_owed = false;
    }

    /// "Contenido" and a TOC field over the headings up to the document's depth. The field's
    /// result is filled with the headings (without page numbers) so the contents read right
    /// before Word updates the field (it offers to on opening: see settings.xml).
    fn contents(&mut self) {
        let depth = self.doc.toc_depth.clamp(1, 3);
        let entries: Vec<(u8, &str)> = self
            .doc
            .blocks()
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } if *level <= depth => Some((*level, text.as_str())),
                _ => None,
            })
            .collect();
        self.text(Para::style("TOCHeading"), self.doc.lang.contents());
        let instruction = format!(" TOC \\o \"1-{depth}\" \\h \\z \\u ");
        let last = entries.len().saturating_sub(1);
        if entries.is_empty() {
            self.open_paragraph(Para::style("TOC1"));
            field_start(&mut self.x, &instruction);
            field_end(&mut self.x);
            self.x.close("w:p");
        }
        for (n, (level, text)) in entries.iter().enumerate() {
            self.open_paragraph(Para::style(["TOC1", "TOC2", "TOC3"][usize::from(*level).clamp(1, 3) - 1]));
            if n == 0 {
                field_start(&mut self.x, &instruction);
            }
            self.run(&Run::plain(*text));
            if n == last {
                field_end(&mut self.x);
            }
            self.x.close("w:p");
        }
        self.break_owed = true;
    }
}

/// The style of a heading level: Word's own headings for 1–3 (outline levels, so the
/// navigation pane and the contents see them), a bold entry title for 4.
fn heading_style(level: u8) -> &'static str {
    match level {
        0 | 1 => "Heading1",
        2 => "Heading2",
        3 => "Heading3",
        _ => "ItemTitle",
    }
}

/// The start of a field and its instruction, up to where its shown result begins.
pub(super) fn field_start(x: &mut Xml, instruction: &str) {
    x.open("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "begin")]);
    x.close("w:r");
    x.open("w:r", &[]);
    x.leaf("w:instrText", &[("xml:space", "preserve")], instruction);
    x.close("w:r");
    x.open("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
    x.close("w:r");
}

pub(super) fn field_end(x: &mut Xml) {
    x.open("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "end")]);
    x.close("w:r");
}

/// One run; a `\n` is a line break and a `\t` a tab, as the model means them.
pub(super) fn write_run(x: &mut Xml, run: &Run) {
    x.open("w:r", &[]);
    if run.bold || run.italic {
        x.open("w:rPr", &[]);
        if run.bold {
            x.empty("w:b", &[]);
        }
        if run.italic {
            x.empty("w:i", &[]);
        }
        x.close("w:rPr");
    }
    for (n, line) in run.text.split('\n').enumerate() {
        if n > 0 {
            x.empty("w:br", &[]);
        }
        for (m, piece) in line.split('\t').enumerate() {
            if m > 0 {
                x.empty("w:tab", &[]);
            }
            if !piece.is_empty() {
                x.leaf("w:t", &[("xml:space", "preserve")], piece);
            }
        }
    }
    x.close("w:r");
}

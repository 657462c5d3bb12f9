//! Pagination: turns the blocks of a [`Document`] into pages of positioned
//! text, rules and boxes. Coordinates here run from the top-left corner of
//! the page, in points; the PDF writer flips them.
//!
//! The table of contents needs the pages its headings land on, and those
//! depend on how long the contents are: the document is laid out with the
//! page numbers unknown, then again with the pages found, until they agree
//! (the contents reserve a fixed column for numbers, so the second pass
//! normally confirms the first).

mod chart;
mod front;
pub(crate) mod map;
mod signatures;
mod table;
pub(crate) mod theme;

pub(crate) use chart::chart_sheets;

use super::document::{Block, Document, Photo, Run};
use super::fonts::{Face, Fonts, CAP_HEIGHT};
use super::wrap::{truncate, wrap, wrap_styled, Piece};
use theme::*;

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Draw {
    /// Text with its baseline at `baseline`.
    Text { x: f32, baseline: f32, face: Face, size: f32, color: Rgb, text: String },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Rgb },
    /// Closed rings filled by the even-odd rule (a country: its islands and lakes), outlined.
    Shape { rings: Vec<Vec<(f32, f32)>>, fill: Rgb, outline: Rgb },
    /// A straight line; `dotted` draws it as a row of dots (contents leaders).
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb, dotted: bool },
    /// The `index`-th photo of the document, scaled into this box.
    Image { x: f32, y: f32, w: f32, h: f32, index: usize },
    /// A clickable area that jumps to `page` (1-based).
    Link { x: f32, y: f32, w: f32, h: f32, page: usize },
}

impl Draw {
    /// Text set in `style` in a line box whose top is `top`; nothing for empty text.
    pub(crate) fn text(x: f32, top: f32, style: TextStyle, text: &str) -> Option<Draw> {
        if text.is_empty() {
            return None;
        }
        let baseline = Composer::baseline(top, style.line, style.size);
        let TextStyle { face, size, color, .. } = style;
        Some(Draw::Text { x, baseline, face, size, color, text: text.to_string() })
    }
}

/// Something drawn on a sheet of its own rather than placed on a page (a chart for a Word
/// document, rasterised by [`raster`](crate::report::raster)): its size and what it draws,
/// from its top-left corner, in points.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    pub width: f32,
    pub height: f32,
    pub draws: Vec<Draw>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub draws: Vec<Draw>,
    /// Running header and footer (every page but the cover).
    pub furniture: bool,
}

/// Where a heading listed in the contents landed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Anchor {
    pub level: u8,
    pub text: String,
    /// 1-based page number.
    pub page: usize,
    /// Top of the heading, from the top of the page.
    pub y: f32,
}

pub(crate) struct Layout {
    pub pages: Vec<Page>,
    pub anchors: Vec<Anchor>,
    pub width: f32,
    pub height: f32,
}

/// Lays the document out, settling the page numbers the contents print.
/// `photos` holds the pixel size of each photo, in order (`None` when it
/// could not be read).
pub(crate) fn layout(doc: &Document, fonts: &Fonts, photos: &[Option<(u32, u32)>]) -> Layout {
    let mut known: Option<Vec<usize>> = None;
    let mut attempts = 0;
    loop {
        let laid = compose(doc, fonts, photos, known.as_deref());
        let found: Vec<usize> = laid.anchors.iter().map(|a| a.page).collect();
        attempts += 1;
        if known.as_ref() == Some(&found) || attempts == 3 {
            return laid;
        }
        known = Some(found);
    }
}

fn compose(doc: &Document, fonts: &Fonts, photos: &[Option<(u32, u32)>], toc_pages: Option<&[usize]>) -> Layout {
    let mut c = Composer::new(doc, fonts, toc_pages);
    c.photos = photos;
    let blocks = doc.blocks();
    let mut i = 0;
    while i < blocks.len() {
        let headings = blocks[i..].iter().take_while(|b| matches!(b, Block::Heading { .. })).count();
        if headings == 0 {
            c.block(&blocks[i], &blocks[i + 1..]);
            i += 1;
        } else {
            c.keep_with_next(&blocks[i..], headings);
            i = (i + headings + 1).min(blocks.len());
        }
    }
    let total = c.pages.len();
    for (index, page) in c.pages.iter_mut().enumerate() {
        if page.furniture {
            furniture(page, doc, fonts, index + 1, total, c.width, c.height);
        }
    }
    Layout { pages: c.pages, anchors: c.anchors, width: c.width, height: c.height }
}

/// Indent of a bulleted item's text.
const BULLET_INDENT: f32 = 14.0;

/// Photos side by side in a row, and the space between them.
const PHOTOS_PER_ROW: usize = 2;
const PHOTO_GAP: f32 = 12.0;

/// Lines the running footer may take; the bottom margin has room for two.
const FOOTER_LINES: usize = 2;

/// Running header (document header text, hairline) and footer (hairline,
/// footer text, "Página N de M").
fn furniture(page: &mut Page, doc: &Document, fonts: &Fonts, number: usize, total: usize, width: f32, height: f32) {
    let left = MARGIN_SIDE;
    let right = width - MARGIN_SIDE;
    let size = FURNITURE_SIZE;
    let page_label = doc.lang.page_of(number, total);
    let label_width = fonts.width(Face::Regular, &page_label, size);

    let header_rule = MARGIN_TOP - 24.0;
    if !doc.header.is_empty() {
        let header = truncate(fonts, Face::Regular, size, &doc.header, right - left);
        page.draws.push(Draw::Text { x: left, baseline: header_rule - 5.0, face: Face::Regular, size, color: MUTED, text: header });
    }
    page.draws.push(Draw::Line { x1: left, y1: header_rule, x2: right, y2: header_rule, width: 0.5, color: RULE, dotted: false });

    let footer_rule = height - MARGIN_BOTTOM + 26.0;
    let baseline = footer_rule + 12.0;
    page.draws.push(Draw::Line { x1: left, y1: footer_rule, x2: right, y2: footer_rule, width: 0.5, color: RULE, dotted: false });
    // A footer too long for one line (a long office name beside the date) takes a second line
    // inside the margins rather than being cut short.
    let room = right - left - label_width - 18.0;
    // Its parts ("office · Generado el …") start lines of their own when it does not fit whole.
    let lines: Vec<String> = if fonts.width(Face::Regular, &doc.footer, size) <= room {
        vec![doc.footer.clone()]
    } else {
        doc.footer.split(" · ").flat_map(|part| wrap(fonts, Face::Regular, size, part, room)).collect()
    };
    for (i, line) in lines.into_iter().take(FOOTER_LINES).enumerate() {
        let line = truncate(fonts, Face::Regular, size, &line, room);
        page.draws.push(Draw::Text { x: left, baseline: baseline + i as f32 * (size + 2.0), face: Face::Regular, size, color: MUTED, text: line });
    }
    page.draws.push(Draw::Text { x: right - label_width, baseline, face: Face::Regular, size, color: MUTED, text: page_label });
}

/// A position of the [`Composer`] to return to (see [`Composer::keep_with_next`]).
#[derive(Clone)]
struct Mark {
    pages: usize,
    draws: usize,
    y: f32,
    gap: f32,
    break_owed: bool,
    anchors: usize,
    photos_placed: usize,
    last_heading: String,
    at_top: bool,
}

/// The cursor that places blocks down the page and starts new pages.
pub(crate) struct Composer<'a> {
    pub fonts: &'a Fonts,
    pub doc: &'a Document,
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    pub pages: Vec<Page>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// Space owed before the next thing placed (dropped at a page top).
    gap: f32,
    /// A page break owed before the next thing placed, so that a break
    /// with nothing after it leaves no blank page.
    break_owed: bool,
    pub anchors: Vec<Anchor>,
    /// Pages of the contents' headings found by the previous pass.
    toc_pages: Option<&'a [usize]>,
    /// Pixel sizes of the document's photos, and how many were placed.
    photos: &'a [Option<(u32, u32)>],
    photos_placed: usize,
    /// The last heading placed: a chart split across pages with no title of its own names its
    /// continuation after it.
    pub last_heading: String,
}

impl<'a> Composer<'a> {
    fn new(doc: &'a Document, fonts: &'a Fonts, toc_pages: Option<&'a [usize]>) -> Composer<'a> {
        let (width, height) = doc.paper.size_pt();
        Composer {
            fonts,
            doc,
            width,
            height,
            left: MARGIN_SIDE,
            right: width - MARGIN_SIDE,
            top: MARGIN_TOP,
            bottom: height - MARGIN_BOTTOM,
            pages: Vec::new(),
            y: MARGIN_TOP,
            gap: 0.0,
            break_owed: false,
            anchors: Vec::new(),
            toc_pages,
            photos: &[],
            photos_placed: 0,
            last_heading: String::new(),
        }
    }

    /// Width of the text column.
    pub fn text_width(&self) -> f32 {
        self.right - self.left
    }

    /// Height of the text column of a whole page.
    pub fn column_height(&self) -> f32 {
        self.bottom - self.top
    }

    pub fn draw(&mut self, draw: Draw) {
        if self.pages.is_empty() {
            self.new_page();
        }
        self.pages.last_mut().expect("a page exists").draws.push(draw);
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page { draws: Vec::new(), furniture: true });
        self.y = self.top;
        self.gap = 0.0;
        self.break_owed = false;
    }

    /// 1-based number of the current page.
    pub fn page_number(&self) -> usize {
        self.pages.len().max(1)
    }

    fn at_page_top(&self) -> bool {
        self.pages.is_empty() || self.y <= self.top + 0.01
    }

    /// Owe at least `space` points before the next thing placed.
    pub fn space(&mut self, space: f32) {
        self.gap = self.gap.max(space);
    }

    /// Makes room for `height` points: pays the owed space, or starts a new
    /// page when it does not fit (a block taller than a page starts at the
    /// top of one and breaks wherever it must).
    pub fn reserve(&mut self, height: f32) {
        if self.pages.is_empty() {
            self.new_page();
        }
        if std::mem::take(&mut self.break_owed) && !self.at_page_top() {
            self.new_page();
        }
        if self.at_page_top() {
            self.gap = 0.0;
            return;
        }
        if self.y + self.gap + height > self.bottom {
            self.new_page();
        } else {
            self.y += self.gap;
            self.gap = 0.0;
        }
    }

    /// Room left on the current page below the cursor.
    pub fn room(&self) -> f32 {
        self.bottom - self.y
    }

    /// Baseline that centres capital letters of `size` in a line box of
    /// height `line` whose top is `top`.
    pub fn baseline(top: f32, line: f32, size: f32) -> f32 {
        top + (line + CAP_HEIGHT * size) / 2.0
    }

    /// Text in a line box whose top is `top`.
    pub fn text_at(&mut self, x: f32, top: f32, style: TextStyle, text: &str) {
        if let Some(draw) = Draw::text(x, top, style, text) {
            self.draw(draw);
        }
    }

    /// Wrapped lines of running text at `x`, breaking pages between lines;
    /// the first two lines are kept together.
    fn lines(&mut self, x: f32, lines: &[String], style: TextStyle) {
        let pieces: Vec<Vec<Piece>> =
            lines.iter().map(|text| vec![Piece { x: 0.0, face: style.face, text: text.clone() }]).collect();
        self.styled_lines(x, &pieces, style);
    }

    /// [`Composer::lines`] for lines of pieces, each in its own face.
    fn styled_lines(&mut self, x: f32, lines: &[Vec<Piece>], style: TextStyle) {
        self.reserve(style.line * lines.len().min(2) as f32);
        for line in lines {
            self.reserve(style.line);
            for piece in line {
                self.text_at(x + piece.x, self.y, TextStyle { face: piece.face, ..style }, &piece.text);
            }
            self.y += style.line;
        }
    }

    /// Body text with bold and italic runs, wrapped to `width`.
    fn wrap_runs(&self, runs: &[Run], width: f32) -> Vec<Vec<Piece>> {
        let runs: Vec<(Face, &str)> = runs.iter().map(|r| (Face::styled(r.bold, r.italic), r.text.as_str())).collect();
        wrap_styled(self.fonts, BODY_SIZE, &runs, width)
    }

    /// How much of the blocks that follow a heading must fit below it for
    /// the heading to stay on this page: their first lines, all of a chart,
    /// and through a run of headings, what follows the last one.
    fn lead_height(&self, rest: &[Block]) -> f32 {
        match rest.first() {
            Some(Block::BarChart(chart)) => chart::lead_height(self, chart) + BLOCK_GAP,
            Some(Block::Table(t)) => table::start_height(self, t) + BLOCK_GAP,
            Some(Block::Figures(_)) => 70.0,
            Some(Block::Map(m)) => map::height(self.fonts, m, self.text_width()) + BLOCK_GAP,
            Some(Block::Heading { level, .. }) => {
                let next = heading_style(*level);
                next.space_before + next.line + next.space_after + self.lead_height(&rest[1..])
            }
            Some(Block::Note(_)) => 2.0 * SMALL_LINE + self.lead_height(&rest[1..]),
            Some(Block::Photos(_)) => match self.photos.get(self.photos_placed).copied().flatten() {
                Some((w, h)) => self.photo_size(w, h, self.photo_column()).1 + BLOCK_GAP + 2.0 * SMALL_LINE,
                None => 2.0 * SMALL_LINE,
            },
            _ => 2.0 * BODY_LINE,
        }
    }

    /// Places the first `headings` blocks of `blocks` (a run of headings) and the block after
    /// them so that the block starts on the last heading's page. The room a heading keeps below
    /// it is worked out from estimates; when the block's first line still lands on a later page,
    /// the run is taken back and moves there too, so no heading is ever the last thing on a page.
    fn keep_with_next(&mut self, blocks: &[Block], headings: usize) {
        let mark = self.mark();
        for attempt in 0..2 {
            for (n, heading) in blocks[..headings].iter().enumerate() {
                self.block(heading, &blocks[n + 1..]);
            }
            let (page, drawn) = (self.pages.len(), self.pages.last().map_or(0, |p| p.draws.len()));
            let Some(next) = blocks.get(headings).filter(|b| !matches!(b, Block::PageBreak | Block::Spacer(_))) else { return };
            self.block(next, &blocks[headings + 1..]);
            let stranded = self.pages.len() > page && self.pages[page - 1].draws.len() == drawn;
            if !stranded || mark.at_top || attempt == 1 {
                return;
            }
            self.rollback(mark.clone());
            self.new_page();
        }
    }

    /// Where the composer stands, to take back what is placed after it.
    fn mark(&self) -> Mark {
        Mark {
            pages: self.pages.len(),
            draws: self.pages.last().map_or(0, |p| p.draws.len()),
            y: self.y,
            gap: self.gap,
            break_owed: self.break_owed,
            anchors: self.anchors.len(),
            photos_placed: self.photos_placed,
            last_heading: self.last_heading.clone(),
            at_top: self.at_page_top(),
        }
    }

    fn rollback(&mut self, mark: Mark) {
        self.pages.truncate(mark.pages);
        if let Some(page) = self.pages.last_mut() {
            page.draws.truncate(mark.draws);
        }
        self.anchors.truncate(mark.anchors);
        self.y = mark.y;
        self.gap = mark.gap;
        self.break_owed = mark.break_owed;
        self.photos_placed = mark.photos_placed;
        self.last_heading = mark.last_heading;
    }

    fn block(&mut self, block: &Block, rest: &[Block]) {
        match block {
            Block::Cover(cover) => front::cover(self, cover),
            Block::TableOfContents => front::contents(self),
            Block::Heading { level, text } => self.heading(*level, text, self.lead_height(rest)),
            Block::Paragraph(text) => self.paragraph(text, BODY),
            Block::Note(text) => self.paragraph(text, NOTE),
            Block::LabelledLines(pairs) => self.labelled_lines(pairs),
            Block::BulletList(items) => {
                let width = self.text_width() - BULLET_INDENT;
                self.bullets(items.iter().map(|i| self.wrap_runs(&[Run::plain(i.as_str())], width)).collect())
            }
            Block::Styled(runs) => {
                let lines = self.wrap_runs(runs, self.text_width());
                self.space(BLOCK_GAP * 0.75);
                self.styled_lines(self.left, &lines, BODY);
                self.space(BLOCK_GAP * 0.75);
            }
            Block::StyledList(items) => {
                let width = self.text_width() - BULLET_INDENT;
                self.bullets(items.iter().map(|runs| self.wrap_runs(runs, width)).collect())
            }
            Block::SignOff(signatures) => signatures::sign_off(self, signatures),
            Block::Table(t) => table::table(self, t),
            Block::Figures(figures) => chart::figures(self, figures),
            Block::BarChart(bar_chart) => chart::bar_chart(self, bar_chart),
            Block::Map(m) => map::map(self, m),
            Block::Photos(photos) => photos.chunks(PHOTOS_PER_ROW).for_each(|row| self.photo_row(row)),
            Block::PageBreak => self.break_owed = true,
            Block::Spacer(points) => self.space(*points),
        }
    }

    /// A heading, kept on one page with the first `lead` points of what
    /// follows it.
    fn heading(&mut self, level: u8, text: &str, lead: f32) {
        let style = heading_style(level);
        let lines = wrap(self.fonts, style.face, style.size, text, self.text_width());
        let height = style.line * lines.len() as f32;
        self.space(style.space_before);
        self.reserve(height + style.space_after + lead);
        if level <= self.doc.toc_depth {
            self.anchors.push(Anchor { level, text: text.to_string(), page: self.page_number(), y: self.y });
        }
        for line in &lines {
            self.text_at(self.left, self.y, style.text(), line);
            self.y += style.line;
        }
        self.last_heading = text.to_string();
        if style.rule {
            self.y += 3.0;
            let (left, right, y) = (self.left, self.right, self.y);
            self.draw(Draw::Line { x1: left, y1: y, x2: right, y2: y, width: 1.0, color: ACCENT, dotted: false });
        }
        self.space(style.space_after);
    }

    fn paragraph(&mut self, text: &str, style: TextStyle) {
        let lines = wrap(self.fonts, style.face, style.size, text, self.text_width());
        self.space(BLOCK_GAP * 0.75);
        self.lines(self.left, &lines, style);
        self.space(BLOCK_GAP * 0.75);
    }

    /// The width of a photo's column in a row of photos.
    fn photo_column(&self) -> f32 {
        let n = PHOTOS_PER_ROW as f32;
        (self.text_width() - PHOTO_GAP * (n - 1.0)) / n
    }

    /// The printed size of a photo: as large as fits `width` and under half a page high, never
    /// enlarged past 100 dpi, proportions kept.
    fn photo_size(&self, px_w: u32, px_h: u32, width: f32) -> (f32, f32) {
        let (px_w, px_h) = (px_w.max(1) as f32, px_h.max(1) as f32);
        let scale = (width / px_w).min(self.column_height() * 0.45 / px_h).min(72.0 / 100.0);
        (px_w * scale, px_h * scale)
    }

    /// A row of photos, centred, each in its column with its caption centred below; one that
    /// cannot be read prints the unreadable label over its caption instead.
    fn photo_row(&mut self, row: &[Photo]) {
        let column = self.photo_column();
        let unreadable = self.doc.lang.unreadable_photo();
        let mut items = Vec::with_capacity(row.len());
        for photo in row {
            let index = self.photos_placed;
            self.photos_placed += 1;
            let size = self.photos.get(index).copied().flatten().map(|(w, h)| self.photo_size(w, h, column));
            let caption = if size.is_some() { photo.caption.clone() } else { format!("{unreadable}\n{}", photo.caption) };
            items.push((index, size, wrap(self.fonts, NOTE.face, NOTE.size, caption.trim(), column)));
        }
        let image_h = items.iter().filter_map(|(_, size, _)| size.map(|s| s.1)).fold(0.0, f32::max);
        let image_room = if image_h > 0.0 { image_h + 4.0 } else { 0.0 };
        let caption_h = NOTE.line * items.iter().map(|(_, _, lines)| lines.len()).max().unwrap_or(0) as f32;
        self.space(BLOCK_GAP + 2.0);
        self.reserve(image_room + caption_h);
        let top = self.y;
        let used = column * row.len() as f32 + PHOTO_GAP * (row.len() as f32 - 1.0);
        let first_x = self.left + (self.text_width() - used) / 2.0;
        for (n, (index, size, lines)) in items.into_iter().enumerate() {
            let x = first_x + n as f32 * (column + PHOTO_GAP);
            if let Some((w, h)) = size {
                // Photos of a row stand on one line, their captions level below them.
                self.draw(Draw::Image { x: x + (column - w) / 2.0, y: top + image_h - h, w, h, index });
            }
            for (k, line) in lines.iter().enumerate() {
                let line_x = x + (column - self.fonts.width(NOTE.face, line, NOTE.size)) / 2.0;
                self.text_at(line_x, top + image_room + k as f32 * NOTE.line, NOTE, line);
            }
        }
        self.y = top + image_room + caption_h;
        self.space(BLOCK_GAP + 2.0);
    }

    /// Bulleted items, each given as its wrapped lines (empty items are skipped).
    fn bullets(&mut self, items: Vec<Vec<Vec<Piece>>>) {
        self.space(BLOCK_GAP * 0.75);
        for lines in items.iter().filter(|lines| lines.iter().flatten().any(|p| !p.text.trim().is_empty())) {
            self.reserve(BODY_LINE * lines.len().min(2) as f32);
            self.text_at(self.left + 3.0, self.y, TextStyle::new(Face::Regular, BODY_SIZE, BODY_LINE, ACCENT), "•");
            self.styled_lines(self.left + BULLET_INDENT, lines, BODY);
            self.space(2.5);
        }
        self.space(BLOCK_GAP * 0.75);
    }

    /// `Label:` value rows: bold labels in a column sized to the longest
    /// label (at most a third of the width), values wrapped beside them.
    fn labelled_lines(&mut self, pairs: &[(String, String)]) {
        let fonts = self.fonts;
        let widest = pairs
            .iter()
            .map(|(label, _)| fonts.width(Face::Bold, label, BODY_SIZE))
            .fold(0.0, f32::max);
        let label_width = widest.min(self.text_width() / 3.0);
        let value_x = self.left + label_width + 8.0;
        let value_width = self.right - value_x;
        self.space(BLOCK_GAP * 0.75);
        for (label, value) in pairs.iter().filter(|(_, v)| !v.trim().is_empty()) {
            let labels = wrap(fonts, Face::Bold, BODY_SIZE, label, label_width);
            let values = wrap(fonts, Face::Regular, BODY_SIZE, value, value_width);
            let rows = labels.len().max(values.len());
            self.reserve(BODY_LINE * rows.min(2) as f32);
            for row in 0..rows {
                self.reserve(BODY_LINE);
                let top = self.y;
                if let Some(text) = labels.get(row) {
                    self.text_at(self.left, top, TextStyle::new(Face::Bold, BODY_SIZE, BODY_LINE, ACCENT), text);
                }
                if let Some(text) = values.get(row) {
                    self.text_at(value_x, top, TextStyle::new(Face::Regular, BODY_SIZE, BODY_LINE, TEXT), text);
                }
                self.y += BODY_LINE;
            }
            self.space(1.5);
        }
        self.space(BLOCK_GAP * 0.75);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{BarChart, Column, Figure, Lang, Metadata, Paper, Table};

    fn doc() -> Document {
        let metadata = Metadata {
            author: String::new(),
            subject: String::new(),
            keywords: vec![],
            created: chrono::DateTime::from_timestamp(0, 0).unwrap(),
        };
        Document::new("Prueba", Lang::Es, metadata)
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.draws
            .iter()
            .filter_map(|d| match d {
                Draw::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_with_every_line_printed() {
        let fonts = Fonts::load().unwrap();
        let mut d = doc();
        let mut table = Table::new(vec![Column::new("Tema", 1.0), Column::new("Descripción", 1.0)]);
        let long: Vec<String> = (0..150).map(|n| format!("línea{n:03}")).collect();
        table.row(["único".to_string(), long.join("\n")]);
        d.push(Block::Table(table));
        let laid = layout(&d, &fonts, &[]);
        assert!(laid.pages.len() >= 3);
        let printed: Vec<&str> = laid.pages.iter().flat_map(texts).filter(|t| t.starts_with("línea")).collect();
        assert_eq!(printed, long, "every line once, in order");
        for page in &laid.pages {
            assert!(texts(page).contains(&"Descripción"), "header repeated");
            for draw in &page.draws {
                if let Draw::Text { baseline, .. } = draw {
                    assert!(*baseline < laid.height - MARGIN_BOTTOM + 40.0, "nothing runs into the footer");
                }
            }
        }
    }

    /// A long office name and the date fit inside the margins on Letter and A4, in both
    /// languages: nothing cut, nothing past the page number or the page's foot.
    #[test]
    fn a_long_footer_takes_two_lines_inside_the_margins() {
        let fonts = Fonts::load().unwrap();
        for paper in [Paper::Letter, Paper::A4] {
            for (lang, footer) in [
                (Lang::Es, "Coordinación General de Asuntos Internacionales de la Jefatura de Gobierno de la Ciudad de México · Generado el 30 de noviembre de 2026"),
                (Lang::En, "General Coordination of International Affairs of the Head of Government of Mexico City · Generated on November 30, 2026"),
            ] {
                let mut d = doc();
                d.lang = lang;
                d.paper = paper;
                d.footer = footer.into();
                d.push(Block::Paragraph("Texto".into()));
                let laid = layout(&d, &fonts, &[]);
                let page = &laid.pages[0];
                let lines: Vec<(f32, f32, &str)> = page.draws.iter().filter_map(|draw| match draw {
                    Draw::Text { x, baseline, text, size, face, .. } if *baseline > laid.height - MARGIN_BOTTOM => {
                        Some((*x + fonts.width(*face, text, *size), *baseline, text.as_str()))
                    }
                    _ => None,
                }).collect();
                let footer_lines: Vec<&str> = lines.iter().map(|l| l.2).filter(|t| !t.starts_with("Página") && !t.starts_with("Page")).collect();
                assert_eq!(footer_lines.join(" "), footer.replace(" · ", " "), "{paper:?} {lang:?}: the whole footer, uncut");
                assert!(footer_lines[1].starts_with("Genera"), "{paper:?} {lang:?}: the date starts its own line: {footer_lines:?}");
                for (end, baseline, text) in &lines {
                    assert!(*end <= laid.width - MARGIN_SIDE + 0.01, "{paper:?}: «{text}» runs past the margin");
                    assert!(*baseline <= laid.height - 18.0, "{paper:?}: «{text}» sits too close to the page's foot");
                }
            }
        }
    }

    #[test]
    fn page_breaks_never_leave_blank_pages() {
        let fonts = Fonts::load().unwrap();
        let mut d = doc();
        d.push(Block::PageBreak);
        d.push(Block::Heading { level: 1, text: "Uno".into() });
        d.push(Block::PageBreak);
        d.push(Block::PageBreak);
        d.push(Block::Heading { level: 1, text: "Dos".into() });
        d.push(Block::PageBreak);
        let laid = layout(&d, &fonts, &[]);
        let pages: Vec<usize> = laid.anchors.iter().map(|a| a.page).collect();
        assert_eq!(pages, [1, 2]);
        assert_eq!(laid.pages.len(), 2);
    }

    /// A chart of thirty axes, as an office with many axis sets has.
    fn axes_chart(bars: usize) -> Block {
        let chart = (1..=bars).fold(BarChart::new(""), |chart, n| chart.bar(format!("Eje {n:02}: Ciudad sustentable, resiliente y con derechos plenos"), n as f64));
        Block::BarChart(chart)
    }

    /// The page (0-based) of the first text drawn that starts with `start`.
    fn page_of(laid: &Layout, start: &str) -> usize {
        laid.pages.iter().position(|p| texts(p).iter().any(|t| t.starts_with(start))).unwrap_or_else(|| panic!("«{start}» printed"))
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        let fonts = Fonts::load().unwrap();
        let figures = Block::Figures(vec![Figure::new("1,024", "Actividades registradas en el periodo que se informa"); 4]);
        let table = {
            let mut t = Table::new(vec![Column::new("País", 3.0), Column::numeric("Actividades", 1.0)]);
            (0..40).for_each(|n| t.row([format!("País {n}"), n.to_string()]));
            Block::Table(t)
        };
        let paragraph = Block::Paragraph("Primera línea del texto que sigue.".into());
        for (what, next, first) in [("chart", axes_chart(30), "Eje 01"), ("figures", figures, "1,024"), ("table", table, "País 0"), ("text", paragraph, "Primera")] {
            // The heading pair lands at every height of the page in turn.
            for lines in 0..48 {
                let mut d = doc();
                d.push(Block::Paragraph(vec!["Relleno"; lines + 1].join("\n")));
                d.push(Block::Heading { level: 2, text: "Resumen del periodo".into() });
                d.push(Block::Heading { level: 3, text: "Actividades por eje".into() });
                d.push(next.clone());
                let laid = layout(&d, &fonts, &[]);
                let heading = page_of(&laid, "Actividades por eje");
                assert_eq!(heading, page_of(&laid, "Resumen del periodo"), "{what}, {lines} lines: the headings stay together");
                assert_eq!(heading, page_of(&laid, first), "{what}, {lines} lines: the heading stays with its first {what}");
            }
        }
    }

    #[test]
    fn a_chart_taller_than_a_page_is_split_above_the_footer_with_its_title_continued() {
        let fonts = Fonts::load().unwrap();
        for bars in [30, 90] {
            let mut d = doc();
            d.push(Block::Heading { level: 2, text: "Actividades por eje".into() });
            d.push(axes_chart(bars));
            let laid = layout(&d, &fonts, &[]);
            let bottom = laid.height - MARGIN_BOTTOM;
            for (n, page) in laid.pages.iter().enumerate() {
                for draw in &page.draws {
                    let foot = match draw {
                        Draw::Rect { y, h, .. } => y + h,
                        Draw::Line { y1, y2, .. } if y1 != y2 => y1.max(*y2),
                        Draw::Text { baseline, text, .. } if text.starts_with("Eje") || text.parse::<f64>().is_ok() => *baseline,
                        _ => continue,
                    };
                    assert!(foot <= bottom + 0.01, "{bars} bars, page {}: {draw:?} runs into the footer", n + 1);
                }
            }
            let labels: Vec<String> =
                laid.pages.iter().flat_map(texts).filter(|t| t.starts_with("Eje")).map(|t| t[..6].to_string()).collect();
            let expected: Vec<String> = (1..=bars).map(|n| format!("Eje {n:02}")).collect();
            assert_eq!(labels, expected, "every bar once, in order");
            assert!(laid.pages.len() >= 2);
            for page in &laid.pages[1..] {
                assert!(texts(page).contains(&"Actividades por eje (continúa)"), "{bars} bars: the continuation is named");
            }
        }
    }

    #[test]
    fn a_heading_near_the_page_foot_moves_to_the_next_page() {
        let fonts = Fonts::load().unwrap();
        let d = doc();
        let mut c = Composer::new(&d, &fonts, None);
        c.new_page();
        c.y = c.bottom - 2.5 * BODY_LINE;
        c.heading(2, "Tres", 2.0 * BODY_LINE);
        assert_eq!(c.anchors[0].page, 2, "a heading is kept with the lines that follow it");
        c.paragraph("Primer párrafo.", BODY);
        assert_eq!(c.pages.len(), 2);
    }
}

//! The declarative document model: what a report says, in order, with no
//! positions. [`super::render_pdf`] turns it into pages.
//!
//! Callers build a [`Document`] from [`Section`]s; a section with nothing in
//! it (no blocks, no non-empty subsections) is dropped, and empty blocks
//! (a table without rows, a list without items) are never added, so a report
//! never prints a heading over nothing.

use chrono::{DateTime, Utc};

use super::Lang;

/// Paper size. Letter is the default (the offices print on it); A4 on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    /// Parses `letter` / `a4` (as given on the command line), case-insensitive.
    pub fn parse(name: &str) -> Option<Paper> {
        match name.trim().to_ascii_lowercase().as_str() {
            "letter" | "carta" => Some(Paper::Letter),
            "a4" => Some(Paper::A4),
            _ => None,
        }
    }

    /// The name [`Paper::parse`] reads back: `letter` / `a4`.
    pub fn code(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
        }
    }

    /// Width and height in PDF points (1/72 in).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.28, 841.89),
        }
    }
}

/// Document information written into the PDF (not printed on the pages).
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Creation and modification date of the file.
    pub created: DateTime<Utc>,
}

/// A whole document: page furniture plus the blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub lang: Lang,
    pub paper: Paper,
    pub metadata: Metadata,
    /// Running header, top left of every page but the cover (e.g. the period).
    pub header: String,
    /// Running footer, bottom left of every page but the cover (e.g. the
    /// generation date); "Página N de M" goes bottom right.
    pub footer: String,
    /// Headings up to this level appear in the table of contents and in the
    /// PDF bookmarks.
    pub toc_depth: u8,
    blocks: Vec<Block>,
}

impl Document {
    pub fn new(title: impl Into<String>, lang: Lang, metadata: Metadata) -> Document {
        let title = title.into();
        Document {
            header: title.clone(),
            title,
            lang,
            paper: Paper::default(),
            metadata,
            footer: String::new(),
            toc_depth: 2,
            blocks: Vec::new(),
        }
    }

    /// Appends a block unless it is empty (see [`Block::is_empty`]).
    pub fn push(&mut self, block: Block) {
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    /// Appends a top-level section (heading level 1) unless it is empty.
    pub fn push_section(&mut self, section: Section) {
        section.flatten_into(1, &mut self.blocks);
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
}

/// A heading with its content and subsections. Its heading level is given
/// by its nesting depth when it is added to the document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub title: String,
    blocks: Vec<Block>,
    subsections: Vec<Section>,
}

impl Section {
    pub fn new(title: impl Into<String>) -> Section {
        Section { title: title.into(), ..Section::default() }
    }

    /// Appends a block unless it is empty.
    pub fn push(&mut self, block: Block) {
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    /// Builder form of [`Section::push`].
    pub fn with(mut self, block: Block) -> Section {
        self.push(block);
        self
    }

    /// Appends a subsection unless it is empty.
    pub fn push_section(&mut self, section: Section) {
        if !section.is_empty() {
            self.subsections.push(section);
        }
    }

    /// True when printing it would show only headings.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty() && self.subsections.iter().all(Section::is_empty)
    }

    fn flatten_into(self, level: u8, out: &mut Vec<Block>) {
        if self.is_empty() {
            return;
        }
        out.push(Block::Heading { level, text: self.title });
        out.extend(self.blocks);
        for sub in self.subsections {
            sub.flatten_into(level + 1, out);
        }
    }
}

/// One unit of content. Text is plain; wrapping, page breaks and positions
/// are the renderer's business.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A page of its own with no running header or footer.
    Cover(Cover),
    /// "Contenido" with the page of every heading up to `Document::toc_depth`.
    TableOfContents,
    /// Level 1 titles a part, 2 and 3 are sub-headings, 4 is the bold title
    /// of an item (e.g. one activity). Put a [`Block::PageBreak`] before a
    /// part that should start on a new page.
    Heading { level: u8, text: String },
    /// Running text; a `\n` starts a new line.
    Paragraph(String),
    /// Small grey text (dates under an item title, sources, notes).
    Note(String),
    /// `Label:` value pairs, labels in bold, values wrapped beside them.
    LabelledLines(Vec<(String, String)>),
    BulletList(Vec<String>),
    /// Running text with bold and italic stretches (text written in the app).
    Styled(Vec<Run>),
    /// A bulleted list whose items have bold and italic stretches.
    StyledList(Vec<Vec<Run>>),
    /// Signature boxes side by side ("Elaboró / Revisó / Autorizó"), kept on one page.
    SignOff(Vec<Signature>),
    Table(Table),
    /// A row of boxed big numbers with their labels ("numeralia").
    Figures(Vec<Figure>),
    BarChart(BarChart),
    /// A world map shading each country by its value.
    Map(Choropleth),
    /// Photographs side by side, two to a row, each scaled to fit its column (never stretched)
    /// with its caption under it.
    Photos(Vec<Photo>),
    /// Continue on a new page (ignored at the top of a page).
    PageBreak,
    /// Vertical space, in points.
    Spacer(f32),
}

impl Block {
    /// Blocks that would print nothing (or only a frame) are empty.
    pub fn is_empty(&self) -> bool {
        match self {
            Block::Paragraph(text) | Block::Note(text) => text.trim().is_empty(),
            Block::Heading { text, .. } => text.trim().is_empty(),
            Block::LabelledLines(lines) => lines.iter().all(|(_, v)| v.trim().is_empty()),
            Block::BulletList(items) => items.iter().all(|i| i.trim().is_empty()),
            Block::Styled(runs) => runs_empty(runs),
            Block::StyledList(items) => items.iter().all(|i| runs_empty(i)),
            Block::SignOff(signatures) => signatures.is_empty(),
            // A photo whose file cannot be read still prints, as unreadable.
            Block::Photos(photos) => photos.is_empty(),
            Block::Table(table) => table.rows.is_empty(),
            Block::Figures(figures) => figures.is_empty(),
            Block::BarChart(chart) => chart.bars.is_empty(),
            Block::Map(map) => map.values.iter().all(|(_, v)| *v <= 0.0),
            Block::Cover(_) | Block::TableOfContents | Block::PageBreak | Block::Spacer(_) => false,
        }
    }
}

fn runs_empty(runs: &[Run]) -> bool {
    runs.iter().all(|r| r.text.trim().is_empty())
}

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), ..Run::default() }
    }
}

/// One box of a [`Block::SignOff`]: the role above the line for the signature, the name and
/// post below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub role: String,
    pub name: String,
    pub post: String,
}

/// A JPEG or PNG photograph and its caption.
#[derive(Clone, PartialEq)]
pub struct Photo {
    pub data: Vec<u8>,
    pub caption: String,
}

impl std::fmt::Debug for Photo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Photo").field("bytes", &self.data.len()).field("caption", &self.caption).finish()
    }
}

/// The cover page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cover {
    /// Small line above the title (the office or government).
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    /// Lines at the foot of the cover (period, place and date, edition).
    pub details: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
}

/// A table column: header text, relative width and alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// Relative width; the widths of all columns share the text width.
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(header: impl Into<String>, width: f32) -> Column {
        Column { header: header.into(), width, align: Align::Left }
    }

    /// A right-aligned column (amounts, counts).
    pub fn numeric(header: impl Into<String>, width: f32) -> Column {
        Column { align: Align::Right, ..Column::new(header, width) }
    }
}

/// A table whose cells wrap; when it breaks across pages the header row is
/// repeated. An optional totals row closes it in bold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub totals: Option<Vec<String>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table { columns, ..Table::default() }
    }

    /// Appends a row; missing cells print empty, extra cells are ignored.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

/// One boxed figure: a big value and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: String,
    pub label: String,
}

impl Figure {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Figure {
        Figure { value: value.into(), label: label.into() }
    }
}

/// A horizontal bar chart drawn as vector graphics: one labelled bar per
/// item, its value at its end, and a value axis with gridlines. The title
/// may be empty when a heading above already names the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
}

impl BarChart {
    pub fn new(title: impl Into<String>) -> BarChart {
        BarChart { title: title.into(), bars: Vec::new() }
    }

    pub fn bar(mut self, label: impl Into<String>, value: f64) -> BarChart {
        self.bars.push(Bar { label: label.into(), value });
        self
    }
}

/// A world map with each country shaded by its value (activities with it): the more, the
/// darker, in a few classes a legend names; countries without a value stay pale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Choropleth {
    /// ISO alpha-2 code and value.
    pub values: Vec<(String, f64)>,
    /// What the values count, over the legend ("Actividades").
    pub legend: String,
    /// The picture's description in a Word document (its alternative text).
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let meta = Metadata {
            author: "Coordinación".into(),
            subject: String::new(),
            keywords: vec![],
            created: DateTime::from_timestamp(0, 0).unwrap(),
        };
        Document::new("Informe", Lang::Es, meta)
    }

    #[test]
    fn empty_sections_and_blocks_are_left_out() {
        let mut d = doc();
        let mut axis = Section::new("Ciudad Sustentable");
        axis.push_section(Section::new("Convenios").with(Block::Table(Table::new(vec![Column::new("Fecha", 1.0)]))));
        axis.push_section(Section::new("Capacitaciones").with(Block::BulletList(vec![" ".into()])));
        d.push_section(axis);
        assert!(d.blocks().is_empty(), "{:?}", d.blocks());

        let mut axis = Section::new("Capital Cultural");
        axis.push_section(Section::new("Vacía"));
        axis.push_section(Section::new("Iluminaciones").with(Block::Paragraph("27 de julio: Perú".into())));
        d.push_section(axis);
        let headings: Vec<_> = d
            .blocks()
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(headings, [(1, "Capital Cultural"), (2, "Iluminaciones")]);
    }

    #[test]
    fn paper_names_parse() {
        assert_eq!(Paper::parse("A4"), Some(Paper::A4));
        assert_eq!(Paper::parse("letter"), Some(Paper::Letter));
        assert_eq!(Paper::parse("legal"), None);
    }
}

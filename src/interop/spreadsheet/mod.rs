//! Spreadsheets in: a CSV or XLSX file becomes a [`Table`] of cells, a [`Mapping`] says which
//! column feeds which field, and [`rows::read_rows`] turns each row into an
//! [`crate::domain::ActivityInput`] with its problems located by line and column.

pub mod csv;
pub mod limits;
pub mod mapping;
pub mod proposal;
pub mod rows;
pub mod xlsx;

use std::path::Path;

use chrono::NaiveDate;

use crate::text::size_text;
use crate::{ErrorCode, Explain, Text};
pub use limits::Limits;
pub use mapping::{Mapping, Target};
pub use proposal::{ColumnReason, Proposal};
pub use rows::{preview, read_rows, render_preview, CellError, RowDraft};

/// One cell as the file stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell typed as a date in a workbook, with its time of day when it has one.
    Date(NaiveDate, Option<String>),
    Bool(bool),
}

impl Cell {
    /// The cell as text, trimmed; `None` when empty. Whole numbers print without ".0".
    pub fn text(&self) -> Option<String> {
        let text = match self {
            Cell::Empty => return None,
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d, None) => d.to_string(),
            Cell::Date(d, Some(t)) => format!("{d} {t}"),
            Cell::Bool(b) => b.to_string(),
        };
        (!text.is_empty()).then_some(text)
    }
}

/// A row of data with its line number in the file (1-based, as a spreadsheet shows it).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<Cell>,
}

/// A sheet of data: a header row and the rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// How the file was read ("UTF-8, delimitador «;»", "hoja «2021»"), for the preview.
    pub read_as: crate::Text,
}

/// Why a file could not be read as a table.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no se pudo leer «{path}»: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("línea {line}: el CSV no se puede leer: {message}")]
    Csv { line: usize, message: String },
    #[error("el libro de Excel no se puede leer: {0}")]
    Workbook(String),
    #[error("el libro no tiene la hoja «{wanted}»; hojas: {available}")]
    NoSuchSheet { wanted: String, available: String },
    #[error("el archivo no tiene fila de encabezados (está vacío)")]
    Empty,
    #[error("formato no reconocido «{0}»: use .csv, .txt, .tsv, .xlsx, .xls u .ods")]
    UnknownFormat(String),
    #[error("el archivo pesa {}; el máximo que se importa es {}: divídalo en partes", size_text(*.size), size_text(*.limit))]
    FileTooLarge { size: u64, limit: u64 },
    #[error("la parte «{part}» del libro ocupa {} al descomprimirla; el máximo es {} (¿archivo dañado o malicioso?)", size_text(*.size), size_text(*.limit))]
    PartTooLarge { part: String, size: u64, limit: u64 },
    #[error("la parte «{part}» del libro declara {count} textos, más de los que caben en {}: el archivo está dañado", size_text(*.size))]
    StringCountTooLarge { part: String, count: u64, size: u64 },
    #[error("fila {line}, columna {column}: la hoja pasa del límite de {limit} filas; divídala en partes")]
    TooManyRows { line: usize, column: usize, limit: usize },
    #[error("fila {line}, columna {column}: la hoja pasa del límite de {limit} columnas")]
    TooManyColumns { line: usize, column: usize, limit: usize },
    #[error("fila {line}, columna {column}: la celda tiene {} de texto; el máximo es {}", size_text(*.size as u64), size_text(*.limit as u64))]
    CellTooLarge { line: usize, column: usize, size: usize, limit: usize },
}

impl ReadError {
    /// The message in both languages as the command line prints it (the Spanish is `Display`).
    pub fn brief(&self) -> Text {
        Text::new(self.to_string(), self.english())
    }

    fn english(&self) -> String {
        match self {
            ReadError::Io { path, source } => format!("cannot read «{path}»: {source}"),
            ReadError::Csv { line, message } => format!("line {line}: the CSV cannot be read: {message}"),
            ReadError::Workbook(m) => format!("the workbook cannot be read: {m}"),
            ReadError::NoSuchSheet { wanted, available } => format!("the workbook has no sheet «{wanted}»; sheets: {available}"),
            ReadError::Empty => "the file has no header row (it is empty)".into(),
            ReadError::UnknownFormat(e) => format!("unknown format «{e}»: use .csv, .txt, .tsv, .xlsx, .xls or .ods"),
            ReadError::FileTooLarge { size, limit } => {
                format!("the file is {}; the largest imported is {}: split it", size_text(*size), size_text(*limit))
            }
            ReadError::PartTooLarge { part, size, limit } => format!(
                "the workbook part «{part}» unpacks to {}; the maximum is {} (damaged or malicious file?)",
                size_text(*size),
                size_text(*limit)
            ),
            ReadError::StringCountTooLarge { part, count, size } => {
                format!("the workbook part «{part}» declares {count} texts, more than {} can hold: the file is damaged", size_text(*size))
            }
            ReadError::TooManyRows { line, column, limit } => {
                format!("row {line}, column {column}: the sheet goes past the limit of {limit} rows; split it")
            }
            ReadError::TooManyColumns { line, column, limit } => {
                format!("row {line}, column {column}: the sheet goes past the limit of {limit} columns")
            }
            ReadError::CellTooLarge { line, column, size, limit } => format!(
                "row {line}, column {column}: the cell holds {} of text; the maximum is {}",
                size_text(*size as u64),
                size_text(*limit as u64)
            ),
        }
    }
}

impl Explain for ReadError {
    fn text(&self) -> Text {
        let brief = self.brief();
        Text::new(format!("El archivo no se pudo leer: {}.", brief.es), format!("The file could not be read: {}.", brief.en))
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }
}

/// Reads a CSV or workbook by its extension; `sheet` picks a workbook's sheet (default: first).
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    read_table_within(path, sheet, &Limits::default())
}

/// [`read_table`] with other bounds than the default ones.
pub fn read_table_within(path: &Path, sheet: Option<&str>, limits: &Limits) -> Result<Table, ReadError> {
    match extension(path).as_str() {
        "csv" | "txt" | "tsv" => {
            limits.check_file(path)?;
            let bytes = std::fs::read(path).map_err(|source| ReadError::Io { path: path.display().to_string(), source })?;
            csv::read_csv_within(&bytes, limits)
        }
        "xlsx" | "xlsm" | "xls" | "ods" => xlsx::read_workbook(path, sheet, limits),
        other => Err(ReadError::UnknownFormat(other.to_string())),
    }
}

/// The sheets a person can choose from: a workbook's sheet names; none for a CSV.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    match extension(path).as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => xlsx::sheet_names(path),
        _ => Ok(Vec::new()),
    }
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Splits off the header row: the first row filled at least halfway as wide as the widest of
/// the first rows, so a title line above the headers ("Agenda internacional 2021") is skipped.
fn split_header(mut rows: Vec<Row>) -> Result<(Vec<String>, Vec<Row>), ReadError> {
    let filled = |r: &Row| r.cells.iter().filter(|c| c.text().is_some()).count();
    let widest = rows.iter().take(10).map(filled).max().filter(|w| *w > 0).ok_or(ReadError::Empty)?;
    let at = rows.iter().position(|r| filled(r) * 2 >= widest).ok_or(ReadError::Empty)?;
    let header = rows.drain(..=at).next_back().ok_or(ReadError::Empty)?;
    // Rows keep no trailing empty cells, so a column with data under a blank header cell past
    // the header's last name still gets a header.
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(header.cells.len());
    let mut names: Vec<String> = header.cells.iter().map(|c| c.text().unwrap_or_default()).collect();
    names.resize(width, String::new());
    Ok((name_headers(names), rows))
}

/// Names blank headers "Columna N" so every column can be mapped and reported.
fn name_headers(headers: Vec<String>) -> Vec<String> {
    headers
        .into_iter()
        .enumerate()
        .map(|(i, h)| if h.trim().is_empty() { format!("Columna {}", i + 1) } else { h.trim().to_string() })
        .collect()
}

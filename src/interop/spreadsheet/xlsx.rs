//! Workbooks (XLSX, and XLS/ODS which calamine reads too): typed dates stay dates, numbers
//! stay numbers; line numbers are the sheet's row numbers.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::{split_header, Cell, ReadError, Row, Table};
use crate::interop::spanish_dates::from_excel_serial;

/// The workbook's sheet names, in the order the workbook shows them.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    Ok(open_workbook_auto(path).map_err(|e| ReadError::Workbook(e.to_string()))?.sheet_names())
}

/// Reads one sheet (by name, or the first); see [`split_header`] for which row holds the headers.
pub fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    let mut book = open_workbook_auto(path).map_err(|e| ReadError::Workbook(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| crate::text::fold(n) == crate::text::fold(wanted))
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet { wanted: wanted.to_string(), available: names.join(", ") })?,
        None => names.first().cloned().ok_or(ReadError::Empty)?,
    };
    let range = book.worksheet_range(&name).map_err(|e| ReadError::Workbook(e.to_string()))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: first_row + i + 1,
            // Columns left of the used range are empty; keep them so column numbers match the sheet.
            cells: std::iter::repeat_n(Cell::Empty, first_col).chain(cells.iter().map(cell)).collect(),
        })
        .collect();
    let (headers, rows) = split_header(rows)?;
    Ok(Table { headers, rows, read_as: format!("hoja «{name}»") })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match from_excel_serial(dt.as_f64()) {
            Some((date, time)) => Cell::Date(date, time),
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => Cell::Text(s.replace('T', " ")),
    }
}

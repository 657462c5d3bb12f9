//! Workbooks (XLSX, and XLS/ODS which calamine reads too): typed dates stay dates, numbers
//! stay numbers; line numbers are the sheet's row numbers.
//!
//! XLSX sheets are read cell by cell, so only filled cells take memory and the first one past
//! the [`Limits`] stops the reading; XLS and ODS, which calamine only reads whole, are checked
//! cell by cell after.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader, Sheets};

use super::{split_header, Cell, Limits, ReadError, Row, Table};
use crate::interop::spanish_dates::from_excel_serial;

fn workbook_error(e: impl std::fmt::Display) -> ReadError {
    ReadError::Workbook(e.to_string())
}

/// The workbook's sheet names, in the order the workbook shows them.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    Limits::default().check_parts(path)?;
    Ok(open_workbook_auto(path).map_err(workbook_error)?.sheet_names())
}

/// Reads one sheet (by name, or the first); see [`split_header`] for which row holds the headers.
pub fn read_workbook(path: &Path, sheet: Option<&str>, limits: &Limits) -> Result<Table, ReadError> {
    limits.check_parts(path)?;
    let mut book = open_workbook_auto(path).map_err(workbook_error)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| crate::text::fold(n) == crate::text::fold(wanted))
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet { wanted: wanted.to_string(), available: names.join(", ") })?,
        None => names.first().cloned().ok_or(ReadError::Empty)?,
    };
    let mut grid = Grid::default();
    if let Sheets::Xlsx(xlsx) = &mut book {
        let mut cells = xlsx.worksheet_cells_reader(&name).map_err(workbook_error)?;
        while let Some(c) = cells.next_cell().map_err(workbook_error)? {
            let (row, column) = c.get_position();
            grid.put(row, column, Data::from(c.get_value().clone()), limits)?;
        }
    } else {
        let range = book.worksheet_range(&name).map_err(workbook_error)?;
        let (first_row, first_col) = range.start().unwrap_or_default();
        for (r, c, data) in range.cells() {
            grid.put(first_row + r as u32, first_col + c as u32, data.clone(), limits)?;
        }
    }
    let (headers, rows) = split_header(grid.rows())?;
    Ok(Table { headers, rows, read_as: crate::Text::new(format!("hoja «{name}»"), format!("sheet «{name}»")) })
}

/// Filled cells by row and column (0-based, as the workbook numbers them).
#[derive(Default)]
struct Grid(BTreeMap<u32, BTreeMap<u32, Cell>>);

impl Grid {
    fn put(&mut self, row: u32, column: u32, data: Data, limits: &Limits) -> Result<(), ReadError> {
        let cell = cell(data);
        limits.check_cell(row as usize + 1, column as usize + 1, &cell)?;
        if cell != Cell::Empty {
            self.0.entry(row).or_default().insert(column, cell);
        }
        Ok(())
    }

    /// Rows with at least one filled cell; cells left of the first filled one are kept empty
    /// so column numbers match the sheet.
    fn rows(self) -> Vec<Row> {
        self.0
            .into_iter()
            .map(|(row, filled)| {
                let width = filled.keys().next_back().map_or(0, |last| *last as usize + 1);
                let mut cells = vec![Cell::Empty; width];
                for (column, cell) in filled {
                    cells[column as usize] = cell;
                }
                Row { line: row as usize + 1, cells }
            })
            .collect()
    }
}

fn cell(data: Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(f) => Cell::Number(f),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(dt) => match from_excel_serial(dt.as_f64()) {
            Some((date, time)) => Cell::Date(date, time),
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => Cell::Text(s.replace('T', " ")),
    }
}

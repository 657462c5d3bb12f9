//! How much of a spreadsheet is read. A file is refused, naming the row and column where it
//! goes past a limit, rather than filling memory: a workbook is a zip whose few kilobytes can
//! unpack to gigabytes, and a sheet with one cell at A1 and one at XFD1048576 would otherwise
//! become a grid of seventeen billion cells.

use std::io::Read;
use std::path::Path;

use super::{Cell, ReadError};

/// The bounds; [`Limits::default`] is generous for an office's activity record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest CSV file, read whole.
    pub max_file_bytes: u64,
    /// Largest part of a workbook once unpacked (shared strings, a sheet), as its zip declares
    /// it; the zip reader stops at the declared size, so the declaration cannot lie.
    pub max_part_bytes: u64,
    /// Highest row number (as the spreadsheet numbers it) holding a value.
    pub max_rows: usize,
    /// Highest column number holding a value.
    pub max_columns: usize,
    /// Largest text in one cell, in bytes.
    pub max_cell_bytes: usize,
}

const MIB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 100 * MIB, max_part_bytes: 256 * MIB, max_rows: 100_000, max_columns: 1_000, max_cell_bytes: MIB as usize }
    }
}

impl Limits {
    /// Refuses a CSV larger than the limit before reading it.
    pub(super) fn check_file(&self, path: &Path) -> Result<(), ReadError> {
        let size = std::fs::metadata(path).map_err(|source| ReadError::Io { path: path.display().to_string(), source })?.len();
        if size > self.max_file_bytes {
            return Err(ReadError::FileTooLarge { size, limit: self.max_file_bytes });
        }
        Ok(())
    }

    /// Refuses a workbook with a part that unpacks past the limit, before the workbook reader
    /// loads any of it. Files that are not zips (old .xls) are left to that reader.
    pub(super) fn check_parts(&self, path: &Path) -> Result<(), ReadError> {
        let io = |source| ReadError::Io { path: path.display().to_string(), source };
        let Ok(mut archive) = zip::ZipArchive::new(std::fs::File::open(path).map_err(io)?) else { return Ok(()) };
        for index in 0..archive.len() {
            let mut part = archive.by_index(index).map_err(|e| ReadError::Workbook(e.to_string()))?;
            let name = String::from_utf8_lossy(part.name_raw()).into_owned();
            let size = part.size();
            if size > self.max_part_bytes {
                return Err(ReadError::PartTooLarge { part: name, size, limit: self.max_part_bytes });
            }
            if name.ends_with("sharedStrings.xml") {
                check_string_count(&mut part, &name, size)?;
            }
        }
        Ok(())
    }

    /// Refuses a filled cell past the last row or column read, or with too long a text; an
    /// empty one holds nothing to refuse. `line` and `column` count from 1.
    pub(super) fn check_cell(&self, line: usize, column: usize, cell: &Cell) -> Result<(), ReadError> {
        if *cell == Cell::Empty {
            return Ok(());
        }
        if line > self.max_rows {
            return Err(ReadError::TooManyRows { line, column, limit: self.max_rows });
        }
        if column > self.max_columns {
            return Err(ReadError::TooManyColumns { line, column, limit: self.max_columns });
        }
        match cell {
            Cell::Text(t) if t.len() > self.max_cell_bytes => {
                Err(ReadError::CellTooLarge { line, column, size: t.len(), limit: self.max_cell_bytes })
            }
            _ => Ok(()),
        }
    }
}

/// calamine reserves room for the `uniqueCount` the shared strings declare before reading
/// them, and a count of billions aborts the process. No count can exceed the part's size over
/// the five bytes of the shortest string element (`<si/>`), so a larger one is refused.
fn check_string_count(part: &mut impl Read, name: &str, size: u64) -> Result<(), ReadError> {
    let mut head = Vec::new();
    part.take(4096).read_to_end(&mut head).map_err(|e| ReadError::Workbook(e.to_string()))?;
    let head = String::from_utf8_lossy(&head);
    let declared = head
        .split_once("uniqueCount=")
        .and_then(|(_, rest)| rest.get(1..))
        .map(|rest| rest.bytes().take_while(u8::is_ascii_digit).fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))));
    match declared {
        Some(count) if count > size / 5 => Err(ReadError::StringCountTooLarge { part: name.to_string(), count, size }),
        _ => Ok(()),
    }
}
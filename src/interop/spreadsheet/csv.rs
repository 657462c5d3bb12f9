//! CSV as offices export it: comma, semicolon (Excel in Spanish), tab or pipe; UTF-8 (with or
//! without BOM) or Windows-1252 (older Excel on Windows).

use std::borrow::Cow;

use super::{split_header, Cell, Limits, ReadError, Row, Table};
use crate::interop::formula_guard::unguard;
use crate::Text;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Reads CSV bytes: detects the encoding and the delimiter, then splits off the header row.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    read_csv_within(bytes, &Limits::default())
}

/// [`read_csv`] refusing the first cell past `limits`.
pub fn read_csv_within(bytes: &[u8], limits: &Limits) -> Result<Table, ReadError> {
    let (text, encoding) = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Line numbers are counted here: with CRLF line ends the reader places a record's start on
    // the previous line's "\n", so its own count is one short. Counted incrementally.
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0, 0);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let mut start = record.position().map_or(counted_to, |p| p.byte() as usize);
        while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            start += 1;
        }
        let start = start.min(bytes.len()).max(counted_to);
        newlines += bytes[counted_to..start].iter().filter(|b| **b == b'\n').count();
        counted_to = start;
        let line = newlines + 1;
        // Trailing empty fields are dropped: a line of a million delimiters holds nothing.
        let filled = (0..record.len()).rev().find(|&i| !record[i].trim().is_empty()).map_or(0, |last| last + 1);
        let mut cells = Vec::with_capacity(filled);
        for (column, v) in record.iter().take(filled).enumerate() {
            let cell = if v.trim().is_empty() { Cell::Empty } else { Cell::Text(unguard(v).to_string()) };
            limits.check_cell(line, column + 1, &cell)?;
            cells.push(cell);
        }
        rows.push(Row { line, cells });
    }
    let (headers, rows) = split_header(rows)?;
    let (es, en) = match delimiter {
        b'\t' => ("tabulador".to_string(), "tab".to_string()),
        d => ((d as char).to_string(), (d as char).to_string()),
    };
    let read_as = Text::new(format!("CSV {encoding}, delimitador «{es}»"), format!("CSV {encoding}, delimiter «{en}»"));
    Ok(Table { headers, rows, read_as })
}

fn csv_error(e: ::csv::Error) -> ReadError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    ReadError::Csv { line, message: e.to_string() }
}

/// UTF-8 when the bytes are valid UTF-8 (BOM removed), else Windows-1252, which decodes any byte.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), "UTF-8"),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0, "Windows-1252"),
    }
}

/// The delimiter that splits the first lines into the same number of fields, the most fields
/// winning; quotes are honoured because the csv reader itself does the splitting.
fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let score = |d: u8| -> usize {
        let mut reader = ::csv::ReaderBuilder::new().delimiter(d).has_headers(false).flexible(true).from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader.records().filter_map(Result::ok).map(|r| r.len()).collect();
        let Some(first) = counts.first().copied() else { return 0 };
        let consistent = counts.iter().filter(|c| **c == first).count();
        if first < 2 {
            0
        } else {
            // Consistency matters most; among consistent candidates, more fields win.
            consistent * 100 + first
        }
    };
    DELIMITERS.into_iter().max_by_key(|d| (score(*d), std::cmp::Reverse(*d == b'|'))).unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table, row: usize) -> Vec<Option<String>> {
        table.rows[row].cells.iter().map(Cell::text).collect()
    }

    #[test]
    fn semicolons_with_commas_inside_values() {
        let t = read_csv("Fecha;Título;Monto\n27/07/2021;Reunión, de trabajo;\"308,000 USD\"\n".as_bytes()).unwrap();
        assert_eq!(t.headers, vec!["Fecha", "Título", "Monto"]);
        assert_eq!(texts(&t, 0), vec![Some("27/07/2021".into()), Some("Reunión, de trabajo".into()), Some("308,000 USD".into())]);
        assert_eq!(t.rows[0].line, 2);
        assert!(t.read_as.es.contains("«;»"));
    }

    #[test]
    fn commas_and_quoted_semicolons() {
        let t = read_csv(b"Fecha,Pa\xC3\xADs\n2021-07-27,\"Per\xC3\xBA; Chile\"\n2021-08-01,Francia\n").unwrap();
        assert_eq!(t.headers, vec!["Fecha", "País"]);
        assert_eq!(texts(&t, 0)[1].as_deref(), Some("Perú; Chile"));
        assert!(t.read_as.es.contains("UTF-8"));
    }

    #[test]
    fn windows_1252_and_tabs() {
        // "Reunión" and "Perú" as Windows-1252 bytes.
        let t = read_csv(b"Actividad\tPa\xEDs\nReuni\xF3n\tPer\xFA\n").unwrap();
        assert_eq!(t.headers, vec!["Actividad", "País"]);
        assert_eq!(texts(&t, 0), vec![Some("Reunión".into()), Some("Perú".into())]);
        assert!(t.read_as.es.contains("Windows-1252") && t.read_as.es.contains("tabulador"));
    }

    #[test]
    fn bom_blank_headers_and_multiline_cells() {
        let t = read_csv("\u{FEFF}Título,,Descripción\nA,x,\"línea 1\nlínea 2\"\nB,,\n".as_bytes()).unwrap();
        assert_eq!(t.headers, vec!["Título", "Columna 2", "Descripción"]);
        assert_eq!(texts(&t, 0)[2].as_deref(), Some("línea 1\nlínea 2"));
        assert_eq!(t.rows[1].line, 4, "line numbers count the newline inside the quoted cell");
        assert_eq!(texts(&t, 1), vec![Some("B".into())], "trailing empty cells are dropped");
    }

    #[test]
    fn crlf_line_numbers_and_a_title_line_above_the_header() {
        let t = read_csv(b"Agenda 2021;;\r\nFecha;Tipo;T\xC3\xADtulo\r\n2021-07-27;Reuni\xC3\xB3n;Uno\r\n\r\n2021-07-28;Reuni\xC3\xB3n;Dos\r\n").unwrap();
        assert_eq!(t.headers, vec!["Fecha", "Tipo", "Título"]);
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 5]);
    }

    #[test]
    fn empty_file_is_an_error() {
        assert!(matches!(read_csv(b""), Err(ReadError::Empty)));
    }
}

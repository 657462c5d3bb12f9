//! Records to an XLSX workbook: bold frozen header row, column widths, real dates for days
//! (months as words, years as numbers, so precision survives a round trip), numbers as
//! numbers, an autofilter.

use std::path::Path;

use chrono::Datelike;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{columns_for, ExportError, Value};
use crate::interop::formula_guard::needs_guard;
use crate::domain::{Activity, Precision};
use crate::job::Progress;
use crate::Lang;

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Xlsx(e.to_string())
    }
}

/// The cell formats of a sheet: header, text (wrapped or not, guarded or not), days, money.
struct Formats {
    header: Format,
    wrap: Format,
    top: Format,
    wrap_guarded: Format,
    top_guarded: Format,
    day: Format,
    money: Format,
}

impl Formats {
    fn new() -> Formats {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new().set_bold().set_align(FormatAlign::Top),
            // Text a spreadsheet would run as a formula is marked as text (Excel's
            // leading-apostrophe style): shown and read back as written, never run, even once
            // the cell is edited.
            wrap_guarded: wrap.clone().set_quote_prefix(),
            top_guarded: top.clone().set_quote_prefix(),
            wrap,
            top,
            day: Format::new().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Top),
            money: Format::new().set_num_format("#,##0.00").set_align(FormatAlign::Top),
        }
    }
}

/// Writes one typed value into a cell.
fn write_value(sheet: &mut Worksheet, row: u32, c: u16, value: Value, f: &Formats, lang: Lang) -> Result<(), ExportError> {
    match value {
        Value::Empty => {}
        Value::Text(t) => {
            let format = match (t.contains('\n') || t.len() > 60, needs_guard(&t)) {
                (true, false) => &f.wrap,
                (true, true) => &f.wrap_guarded,
                (false, false) => &f.top,
                (false, true) => &f.top_guarded,
            };
            sheet.write_string_with_format(row, c, t, format)?;
        }
        Value::Integer(n) => {
            sheet.write_number_with_format(row, c, n as f64, &f.top)?;
        }
        Value::Decimal(d) => {
            sheet.write_number_with_format(row, c, d.to_f64().unwrap_or_default(), &f.money)?;
        }
        Value::Date(d) => {
            let first = d.first_day();
            let date = ExcelDateTime::from_ymd(first.year() as u16, first.month() as u8, first.day() as u8)?;
            // Only a day is a spreadsheet date; a month written as the 1st would read back as
            // that day, so it is written as words the importer reads as a month.
            match d.precision() {
                Precision::Day => sheet.write_datetime_with_format(row, c, &date, &f.day)?,
                Precision::Month => sheet.write_string_with_format(row, c, lang.pick(&d.format_es(), &d.format_en()), &f.top)?,
                Precision::Year => sheet.write_number_with_format(row, c, first.year() as f64, &f.top)?,
            };
        }
    }
    Ok(())
}

/// One sheet named `name`: a bold frozen header row of `headers` (with their widths), the
/// rows of typed values, an autofilter; then the workbook as bytes.
pub(crate) fn sheet_bytes(
    name: &str,
    headers: &[(String, f64)],
    rows: impl ExactSizeIterator<Item = Vec<Value>>,
    lang: Lang,
    progress: Progress,
) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let formats = Formats::new();
    for (c, (header, width)) in headers.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, header, &formats.header)?;
        sheet.set_column_width(c, *width)?;
    }
    let total = rows.len();
    for (i, values) in rows.enumerate() {
        if i % 100 == 0 && !progress(i as u64, total as u64) {
            return Err(ExportError::Cancelled);
        }
        for (c, value) in values.into_iter().enumerate() {
            write_value(sheet, i as u32 + 1, c as u16, value, &formats, lang)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, total as u32, headers.len().saturating_sub(1) as u16)?;
    let bytes = book.save_to_buffer()?;
    progress(total as u64, total as u64);
    Ok(bytes)
}

/// The workbook as bytes.
pub fn xlsx_bytes(activities: &[Activity], lang: Lang, progress: Progress) -> Result<Vec<u8>, ExportError> {
    let columns = columns_for(activities);
    let headers: Vec<(String, f64)> = columns.iter().map(|c| (c.header(lang), c.width())).collect();
    let rows = activities.iter().map(|a| columns.iter().map(|c| c.value(a, lang)).collect());
    sheet_bytes(lang.pick("Actividades", "Activities"), &headers, rows, lang, progress)
}

/// Writes the workbook to a file.
pub fn write_xlsx(activities: &[Activity], lang: Lang, path: &Path, progress: Progress) -> Result<(), ExportError> {
    let bytes = xlsx_bytes(activities, lang, progress)?;
    std::fs::write(path, bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::interop::export::fixtures::activities;

    fn workbook() -> Vec<u8> {
        xlsx_bytes(&activities(), Lang::Es, &mut |_, _| true).unwrap()
    }

    #[test]
    fn dates_and_numbers_are_typed() {
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(workbook())).unwrap();
        let range = book.worksheet_range("Actividades").unwrap();
        let headers: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
        let cell = |row: usize, h: &str| range.get((row, col(h))).cloned().unwrap_or(Data::Empty);
        match cell(1, "Fecha de inicio") {
            Data::DateTime(dt) => assert_eq!(crate::interop::spanish_dates::from_excel_serial(dt.as_f64()).unwrap().0.to_string(), "2021-07-27"),
            other => panic!("start date should be a typed date, got {other:?}"),
        }
        assert_eq!(cell(3, "Fecha de inicio"), Data::String("octubre de 2021".into()), "a month is not a day");
        assert_eq!(cell(3, "Monto otorgado"), Data::Float(308000.0));
        assert_eq!(cell(2, "Participantes"), Data::Float(19.0));
        assert_eq!(cell(1, "Tipo"), Data::String("Reunión".into()));
    }

    #[test]
    fn formulas_are_text_cells_read_back_as_written() {
        let mut records = activities();
        records[0].title = "=HYPERLINK(\"http://x\",\"ver\")".into();
        records[1].place = Some("+52 55 1234".into());
        let bytes = xlsx_bytes(&records, Lang::Es, &mut |_, _| true).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
        assert!(!sheet.contains("<f>"), "no formula cell");
        let mut styles = String::new();
        zip.by_name("xl/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
        assert!(styles.contains(r#"quotePrefix="1""#), "marked as text: {styles}");
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Actividades").unwrap();
        let headers: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
        assert_eq!(range.get((1, col("Título"))), Some(&Data::String(records[0].title.clone())));
        assert_eq!(range.get((2, col("Lugar"))), Some(&Data::String("+52 55 1234".into())));
    }

    #[test]
    fn header_is_bold_and_frozen() {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(workbook())).unwrap();
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
        assert!(sheet.contains(r#"state="frozen""#) && sheet.contains(r#"topLeftCell="A2""#), "frozen first row");
        assert!(sheet.contains("<autoFilter"), "autofilter on the header");
        assert!(sheet.contains("<col ") && sheet.contains("customWidth=\"1\""), "column widths set");
        let mut styles = String::new();
        zip.by_name("xl/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
        assert!(styles.contains("<b/>"), "a bold font for the header");
        assert!(styles.contains("dd/mm/yyyy"));
    }
}

//! Records to CSV: UTF-8 with a BOM so Excel opens accents right, comma-separated, one
//! header row in the person's language, ISO dates; text a spreadsheet would run as a formula
//! leaves guarded ([`crate::interop::formula_guard`]).

use std::io::Write;

use super::{columns_for, ExportError, Value};
use crate::interop::formula_guard::guard;
use crate::domain::Activity;
use crate::job::Progress;
use crate::Lang;

/// Writes the records as CSV.
pub fn write_csv(activities: &[Activity], lang: Lang, out: &mut dyn Write, progress: Progress) -> Result<(), ExportError> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let columns = columns_for(activities);
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(columns.iter().map(|c| c.header(lang)))?;
    for (i, a) in activities.iter().enumerate() {
        if i % 100 == 0 && !progress(i as u64, activities.len() as u64) {
            return Err(ExportError::Cancelled);
        }
        w.write_record(columns.iter().map(|c| match c.value(a, lang) {
            Value::Text(t) => guard(&t).into_owned(),
            v => v.to_text(),
        }))?;
    }
    w.flush()?;
    progress(activities.len() as u64, activities.len() as u64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::export::fixtures::activities;
    use crate::interop::spreadsheet::csv::read_csv;

    #[test]
    fn spanish_headers_iso_dates_and_details_round_trip_through_the_reader() {
        let mut bytes = Vec::new();
        write_csv(&activities(), Lang::Es, &mut bytes, &mut |_, _| true).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let table = read_csv(&bytes).unwrap();
        let col = |h: &str| table.headers.iter().position(|x| x == h).unwrap_or_else(|| panic!("no column {h}: {:?}", table.headers));
        let cell = |row: usize, h: &str| table.rows[row].cells[col(h)].text();
        assert_eq!(cell(0, "Tipo").as_deref(), Some("Reunión"));
        assert_eq!(cell(0, "Título").as_deref(), Some("Reunión con la Embajada de Perú; agenda, cultura y \\ migración"));
        assert_eq!(cell(1, "Fecha de término").as_deref(), Some("2021-08-05"));
        assert_eq!(cell(2, "Fecha de inicio").as_deref(), Some("2021-10"));
        assert_eq!(cell(2, "Monto otorgado").as_deref(), Some("308000.00"));
        assert_eq!(cell(1, "Participantes").as_deref(), Some("19"));
        assert_eq!(cell(2, "Estado").as_deref(), Some("Planeada"));
        assert_eq!(cell(0, "Contrapartes").as_deref(), Some("Embajada del Perú [anfitriona]"));
        assert!(cell(0, "Seguimiento").unwrap().contains("Enviar propuesta de agenda cultural (2021-08-15)"));
        assert!(!table.headers.iter().any(|h| h == "Motivo"), "no column for a detail no record uses");
    }

    #[test]
    fn formulas_leave_as_text_and_read_back_as_written() {
        let mut records = activities();
        records[0].title = "=HYPERLINK(\"http://x\",\"ver\")".into();
        records[1].place = Some("@SUM(A1)".into());
        records[2].title = "'-2+3".into();
        let mut bytes = Vec::new();
        write_csv(&records, Lang::Es, &mut bytes, &mut |_, _| true).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\"'=HYPERLINK(") && text.contains(",'@SUM(A1),") && text.contains(",''-2+3,"), "{text}");
        let table = read_csv(&bytes).unwrap();
        let col = |h: &str| table.headers.iter().position(|x| x == h).unwrap();
        assert_eq!(table.rows[0].cells[col("Título")].text().unwrap(), records[0].title);
        assert_eq!(table.rows[1].cells[col("Lugar")].text().as_deref(), Some("@SUM(A1)"));
        assert_eq!(table.rows[2].cells[col("Título")].text().as_deref(), Some("'-2+3"));
    }

    #[test]
    fn english_headers_and_labels() {
        let mut bytes = Vec::new();
        write_csv(&activities(), Lang::En, &mut bytes, &mut |_, _| true).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let header = text.lines().next().unwrap();
        assert!(header.contains("Title") && header.contains("Amount granted") && header.contains("Start date"), "{header}");
        assert!(text.contains("Meeting") && text.contains("Hybrid") && text.contains("Planned"));
    }
}

//! Spreadsheets in (CSV in Windows-1252 with semicolons, XLSX with typed cells) and the
//! export read back by the importer.

use std::path::Path;

use enlace::domain::{validate, Activity, OrgMention};
use enlace::interop::export::csv::write_csv;
use enlace::interop::export::xlsx::write_xlsx;
use enlace::interop::spreadsheet::{read_rows, read_table, sheet_names, Mapping, RowDraft};
use enlace::interop::Lang;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn import(path: &Path, adjust: &str) -> Vec<RowDraft> {
    let table = read_table(path, None).unwrap();
    let mapping = Mapping::propose(&table.headers).adjusted(&Mapping::from_json(adjust).unwrap());
    read_rows(&table, &mapping, &mut |_, _| true).unwrap()
}

#[test]
fn an_office_csv_in_windows_1252_with_semicolons() {
    let path = Path::new("tests/fixtures/interop/actividades_2021.csv");
    let table = read_table(path, None).unwrap();
    assert!(table.read_as.es.contains("Windows-1252") && table.read_as.en.contains("delimiter «;»"), "{:?}", table.read_as);
    assert!(sheet_names(path).unwrap().is_empty(), "a CSV has no sheets to choose");
    let drafts = import(path, r#"{"default_year": 2021}"#);
    let lines: Vec<usize> = drafts.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6, 8, 9], "the empty line 7 is skipped");
    for d in &drafts[..5] {
        assert!(d.errors.is_empty(), "line {}: {:?}", d.line, d.errors);
        assert!(validate(&d.input).is_ok());
    }
    let meeting = &drafts[0].input;
    assert_eq!((meeting.kind.as_str(), meeting.start_date.as_str(), meeting.date_text.as_deref()), ("meeting", "2021-07-27", Some("27/07/2021")));
    assert_eq!(meeting.organisations, vec![OrgMention::Name("Embajada del Perú".into())]);
    assert_eq!(meeting.axis.as_deref(), Some("Capital Cultural de América"));
    let illumination = &drafts[1].input;
    assert_eq!((illumination.start_date.as_str(), illumination.details.occasion.as_deref()), ("2021-07-28", Some("Fiestas Patrias del Perú")));
    let training = &drafts[2].input;
    assert_eq!((training.start_date.as_str(), training.end_date.as_deref()), ("2021-10-04", Some("2021-10-09")));
    assert_eq!(training.summary.as_deref(), Some("Seis sesiones; 35 participantes."));
    let financing = &drafts[3].input.details;
    assert_eq!(financing.amount.map(|a| a.to_string()).as_deref(), Some("308000"));
    assert_eq!((financing.currency.as_deref(), financing.donor.as_deref()), (Some("USD"), Some("UK PACT")));
    assert_eq!(drafts[3].input.start_date, "2021-08-07");
    let agreement = &drafts[4].input;
    assert_eq!((agreement.start_date.as_str(), agreement.end_date.as_deref()), ("2021-10", Some("2021-11")));
    assert_eq!(agreement.details.agreement_type.as_deref(), Some("memorandum"));

    let slip = &drafts[5].errors;
    assert_eq!(slip.len(), 1, "{slip:?}");
    assert_eq!(slip[0].describe(Lang::Es), "línea 8, columna 1 «Fecha»: el día 81 no existe en agosto de 2021 («81 de agosto»)");
    let bad: Vec<(Option<usize>, &str)> = drafts[6].errors.iter().map(|e| (e.column, e.field.as_str())).collect();
    assert_eq!(bad, vec![(Some(2), "kind"), (Some(4), "countries[0]")]);
}

#[test]
fn a_workbook_with_typed_dates_numbers_and_serials() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("2021").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let time = Format::new().set_num_format("hh:mm");
    for (c, h) in ["Tipo", "Título", "Fecha", "Hora", "Monto", "Moneda", "Donante"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap(); // the header is on row 3, under a title
    }
    sheet.write_string(0, 0, "Agenda internacional 2021").unwrap();
    sheet.write_string(3, 0, "Reunión").unwrap();
    sheet.write_string(3, 1, "Con la Embajada de Francia").unwrap();
    sheet.write_datetime_with_format(3, 2, ExcelDateTime::from_ymd(2021, 7, 27).unwrap(), &date).unwrap();
    sheet.write_datetime_with_format(3, 3, ExcelDateTime::from_hms(10, 30, 0).unwrap(), &time).unwrap();
    sheet.write_string(4, 0, "Financiamiento").unwrap();
    sheet.write_string(4, 1, "Calidad del aire").unwrap();
    sheet.write_number(4, 2, 44404.0).unwrap(); // a serial day number without a date format
    sheet.write_number(4, 4, 20000.0).unwrap();
    sheet.write_string(4, 5, "Dólares").unwrap();
    sheet.write_string(4, 6, "Bloomberg Philanthropies").unwrap();
    sheet.write_string(5, 0, "Reunión").unwrap();
    sheet.write_string(5, 1, "Con la SRE").unwrap();
    sheet.write_string(5, 2, "Ene 20, 2022").unwrap();
    book.add_worksheet().set_name("Notas").unwrap();
    book.save(&path).unwrap();
    assert_eq!(sheet_names(&path).unwrap(), ["2021", "Notas"], "the sheets offered to choose from");

    let table = read_table(&path, Some("2021")).unwrap();
    assert_eq!(table.headers[..3], ["Tipo", "Título", "Fecha"], "the title line above the header is skipped");
    let drafts = read_rows(&table, &Mapping::propose(&table.headers), &mut |_, _| true).unwrap();
    assert_eq!(drafts.iter().map(|d| d.line).collect::<Vec<_>>(), vec![4, 5, 6], "sheet row numbers");
    let meeting = &drafts[0].input;
    assert_eq!((meeting.start_date.as_str(), meeting.start_time.as_deref(), meeting.date_text.as_deref()), ("2021-07-27", Some("10:30"), None));
    let financing = &drafts[1].input;
    assert_eq!(financing.start_date, "2021-07-27", "serial 44404");
    assert_eq!(financing.details.amount.map(|a| a.to_string()).as_deref(), Some("20000"));
    assert_eq!(financing.details.currency.as_deref(), Some("USD"));
    assert_eq!(drafts[2].input.start_date, "2022-01-20");
    assert!(drafts.iter().all(|d| d.errors.is_empty()), "{:?}", drafts.iter().map(|d| &d.errors).collect::<Vec<_>>());
}

#[test]
fn exported_spreadsheets_import_back_to_the_same_records() {
    let activities: Vec<Activity> = serde_json::from_str(include_str!("fixtures/interop/activities.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("export.csv");
    let mut file = std::fs::File::create(&csv_path).unwrap();
    write_csv(&activities, Lang::Es, &mut file, &mut |_, _| true).unwrap();
    let xlsx_path = dir.path().join("export.xlsx");
    write_xlsx(&activities, Lang::Es, &xlsx_path, &mut |_, _| true).unwrap();

    for path in [&csv_path, &xlsx_path] {
        let drafts = import(path, "{}");
        assert_eq!(drafts.len(), activities.len());
        for (d, a) in drafts.iter().zip(&activities) {
            assert!(d.errors.is_empty(), "{}: line {}: {:?}", path.display(), d.line, d.errors);
            let v = validate(&d.input).unwrap();
            assert_eq!((v.kind, &v.title, v.start, v.end), (a.kind, &a.title, a.start, a.end), "{}", path.display());
            assert_eq!((&v.start_time, &v.end_time, v.status, v.modality), (&a.start_time, &a.end_time, a.status, a.modality));
            assert_eq!((v.details.amount, &v.details.currency, v.details.participants), (a.details.amount, &a.details.currency, a.details.participants));
            assert_eq!(v.countries, a.countries);
        }
    }
}

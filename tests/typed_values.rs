//! One table of values as offices type them (tests/fixtures/typed_values.json), read by the
//! app's form and by the spreadsheet import: both keep the same value or ask the same question.

use std::path::Path;

use chrono::NaiveDate;
use enlace::domain::validate;
use enlace::interop::form_input::read_form_input;
use enlace::interop::spreadsheet::{read_rows, read_table, Mapping, RowDraft};
use enlace::reference::resolve_country;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Case {
    typed: String,
    kept: Option<String>,
    #[serde(default)]
    asked: Vec<String>,
}

#[derive(Deserialize)]
struct Table {
    amounts: Vec<Case>,
    dates: Vec<Case>,
    countries: Vec<Case>,
}

fn table() -> Table {
    serde_json::from_str(&std::fs::read_to_string("tests/fixtures/typed_values.json").unwrap()).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// One financing per case, through the spreadsheet import: a CSV as an office would write it.
fn sheet(column: &str, cases: &[Case]) -> Vec<RowDraft> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("valores.csv");
    let mut csv = String::from("Tipo;Título;Fecha;Monto;Moneda;Países;Organización donante\n");
    for (i, case) in cases.iter().enumerate() {
        let (date, amount, country) = match column {
            "date" => (case.typed.as_str(), "100", "Perú"),
            "amount" => ("2021-03-01", case.typed.as_str(), "Perú"),
            _ => ("2021-03-01", "100", case.typed.as_str()),
        };
        csv.push_str(&format!("Financiamiento;\"Donación {i}\";\"{date}\";\"{amount}\";USD;\"{country}\";Fundación\n"));
    }
    std::fs::write(&path, csv).unwrap();
    let table = read_table(Path::new(&path), None).unwrap();
    read_rows(&table, &Mapping::propose(&table.headers), &mut |_, _| true).unwrap()
}

fn form(date: &str, amount: &str, country: &str) -> serde_json::Value {
    json!({"kind": "financing", "title": "Donación", "start_date": date, "countries": [country],
           "details": {"amount": amount, "currency": "USD", "donor": "Fundación"}})
}

fn decimal(text: &str) -> Decimal {
    text.parse::<Decimal>().unwrap().normalize()
}

#[test]
fn amounts_read_alike_in_the_form_and_the_spreadsheet_import() {
    let cases = table().amounts;
    let rows = sheet("amount", &cases);
    for (case, row) in cases.iter().zip(&rows) {
        let by_form = read_form_input(form("2021-03-01", &case.typed, "Perú"), today(), enlace::Lang::Es);
        match &case.kept {
            Some(kept) => {
                let by_form = by_form.unwrap_or_else(|e| panic!("{}: {e}", case.typed)).details.amount.unwrap();
                assert!(row.errors.is_empty(), "{}: {:?}", case.typed, row.errors);
                assert_eq!((by_form.normalize(), row.input.details.amount.unwrap().normalize()), (decimal(kept), decimal(kept)), "{}", case.typed);
            }
            None => {
                let err = by_form.unwrap_err();
                let choices: Vec<&str> = err.errors[0].choices.iter().map(|c| c.value.as_str()).collect();
                assert_eq!(choices, case.asked, "{}", case.typed);
                assert!(row.errors.iter().any(|e| e.message.es.contains("se lee de dos maneras")), "{}: {:?}", case.typed, row.errors);
            }
        }
    }
}

#[test]
fn dates_read_alike_in_the_form_and_the_spreadsheet_import() {
    let cases = table().dates;
    let rows = sheet("date", &cases);
    for (case, row) in cases.iter().zip(&rows) {
        let kept = case.kept.as_deref().unwrap();
        let by_form = read_form_input(form(&case.typed, "100", "Perú"), today(), enlace::Lang::Es).unwrap_or_else(|e| panic!("{}: {e}", case.typed));
        assert!(row.errors.is_empty(), "{}: {:?}", case.typed, row.errors);
        assert_eq!((by_form.start_date.as_str(), row.input.start_date.as_str()), (kept, kept), "{}", case.typed);
    }
}

#[test]
fn countries_read_alike_in_the_form_and_the_spreadsheet_import() {
    let cases = table().countries;
    let rows = sheet("country", &cases);
    for (case, row) in cases.iter().zip(&rows) {
        let by_form = read_form_input(form("2021-03-01", "100", &case.typed), today(), enlace::Lang::Es);
        let by_sheet = validate(&row.input);
        match &case.kept {
            Some(kept) => {
                let by_form = validate(&by_form.unwrap_or_else(|e| panic!("{}: {e}", case.typed))).unwrap();
                assert_eq!((by_form.countries, by_sheet.unwrap().countries), (vec![kept.clone()], vec![kept.clone()]), "{}", case.typed);
            }
            None => {
                let err = by_form.unwrap_err();
                let codes: Vec<String> = err.errors[0].choices.iter().map(|c| resolve_country(&c.value).unwrap().code.clone()).collect();
                assert_eq!(codes, case.asked, "{}", case.typed);
                let sheet_err = by_sheet.unwrap_err();
                assert!(sheet_err.errors[0].message.es.contains("puede ser más de un país"), "{sheet_err:?}");
            }
        }
    }
}

/// A date field reads as the window's language writes figures; words read the same in both.
#[test]
fn a_date_field_reads_figures_in_the_windows_language() {
    use enlace::interop::readings::read_date_field;
    use enlace::Lang;
    let es = read_date_field("27/07/2021", Lang::Es).unwrap();
    assert_eq!((es.first.as_str(), es.last.as_str(), es.shown.es.as_str()), ("2021-07-27", "2021-07-27", "27 de julio de 2021"));
    let en = read_date_field("07/27/2021", Lang::En).unwrap();
    assert_eq!((en.first.as_str(), en.shown.en.as_str()), ("2021-07-27", "27 July 2021"));
    assert_eq!(read_date_field("05/08/2021", Lang::Es).unwrap().first, "2021-08-05");
    assert_eq!(read_date_field("05/08/2021", Lang::En).unwrap().first, "2021-05-08");
    assert_eq!(read_date_field("27 de julio de 2021", Lang::En).unwrap().first, "2021-07-27");

    let month = read_date_field("julio de 2021", Lang::Es).unwrap();
    assert_eq!((month.first.as_str(), month.last.as_str()), ("2021-07-01", "2021-07-31"));
    let span = read_date_field("julio a diciembre de 2021", Lang::Es).unwrap();
    assert_eq!((span.first.as_str(), span.last.as_str(), span.shown.es.as_str()), ("2021-07-01", "2021-12-31", "de julio a diciembre de 2021"));
    let year = read_date_field("2021", Lang::En).unwrap();
    assert_eq!((year.first.as_str(), year.last.as_str()), ("2021-01-01", "2021-12-31"));

    let wrong = read_date_field("mañana", Lang::Es).unwrap_err();
    assert!(wrong.es.contains("mañana"), "{}", wrong.es);
    assert!(read_date_field("13/27/2021", Lang::En).is_err());
}

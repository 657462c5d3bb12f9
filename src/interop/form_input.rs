//! An activity as the app's form sends it: interchange JSON in which dates, amounts, counts
//! and countries may still be the text the person typed ("27/07/2021", "20.000,50 EUR",
//! "corea").
//!
//! Each such value is read by the one reader the importers use ([`super::readings`]). What
//! does not read becomes a field error in Spanish and English, with the ways to read it when
//! there are several, reported together with everything [`validate`] finds in the rest of the
//! record; what reads is reported back as it will be kept ("se guardará: 20,000.50 EUR"), so
//! the form keeps no number or date rules of its own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use ts_rs::TS;

use super::problem::Unread;
use super::readings::{read_country, read_date, read_detail};
use super::spanish_dates::{DateContext, DateSpan};
use crate::domain::{fields_of, validate, ActivityInput, DetailField, Details, FieldError, FieldType, Kind, PartialDate, Status, ValidationErrors};
use crate::report::numbers::format_amount;
use crate::{Lang, Text};

/// What the form's record reads as, field by field: every problem, and how the values typed
/// as text will be kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FormCheck {
    pub errors: Vec<FieldError>,
    pub readings: Vec<FieldReading>,
}

/// How one typed value reads: `start_date` → "27 de julio de 2021".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldReading {
    pub field: String,
    pub shown: Text,
}

/// Every problem with the record the form sent and how the rest reads. `today` decides the
/// status of a record that names none (after today: planned); `lang` is the window's, which
/// says how dates in figures run ("07/27/2021" in English).
pub fn check_form(value: Value, today: NaiveDate, lang: Lang) -> FormCheck {
    let (input, mut check) = read(value, today, lang);
    if let Some(input) = &input {
        add_validation(input, &mut check);
    }
    check
}

/// The input the form sent, ready for the store (which validates it), or every problem with
/// it when a typed value does not read. The record is read once either way.
pub fn read_form_input(value: Value, today: NaiveDate, lang: Lang) -> Result<ActivityInput, ValidationErrors> {
    let (input, mut check) = read(value, today, lang);
    match input {
        Some(input) if check.errors.is_empty() => Ok(input),
        Some(input) => {
            add_validation(&input, &mut check);
            Err(ValidationErrors { errors: check.errors })
        }
        None => Err(ValidationErrors { errors: check.errors }),
    }
}

/// Adds what [`validate`] finds in the rest of the record; a value the reader already named is
/// not named again (as missing, say).
fn add_validation(input: &ActivityInput, check: &mut FormCheck) {
    let named: Vec<String> = check.errors.iter().map(|e| e.field.clone()).collect();
    let rest = validate(input).err().map(|e| e.errors).unwrap_or_default();
    check.errors.extend(rest.into_iter().filter(|e| !named.contains(&e.field)));
}

#[derive(Default)]
struct Reader {
    check: FormCheck,
}

impl Reader {
    fn shown(&mut self, field: impl Into<String>, shown: Text) {
        self.check.readings.push(FieldReading { field: field.into(), shown });
    }

    fn unread(&mut self, field: impl Into<String>, unread: Unread) {
        self.check.errors.push(FieldError { field: field.into(), message: unread.text, choices: unread.choices });
    }

    /// Reads a date field in place: the value becomes its ISO form, or empty if it does not read.
    fn date(&mut self, object: &mut Map<String, Value>, key: &str, field: &str, ctx: &DateContext) -> Option<DateSpan> {
        let text = object.get(key).and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty())?.to_string();
        match read_date(&text, ctx) {
            Ok(span) => Some(span),
            Err(unread) => {
                self.unread(field, unread);
                object.insert(key.into(), json!(""));
                None
            }
        }
    }

    fn set_date(&mut self, object: &mut Map<String, Value>, key: &str, field: &str, date: PartialDate) {
        object.insert(key.into(), json!(date.to_string()));
        self.shown(field, Text::new(date.format_es(), date.format_en()));
    }
}

fn is_blank(object: &Map<String, Value>, key: &str) -> bool {
    object.get(key).and_then(Value::as_str).is_none_or(|t| t.trim().is_empty())
}

fn read(mut value: Value, today: NaiveDate, lang: Lang) -> (Option<ActivityInput>, FormCheck) {
    let mut r = Reader::default();
    let ctx = DateContext::typed_in(lang);
    let Some(object) = value.as_object_mut() else {
        r.unread("", not_a_record("not an object").into());
        return (None, r.check);
    };
    let kind = object.get("kind").and_then(Value::as_str).and_then(Kind::parse);

    let start = r.date(object, "start_date", "start_date", &ctx);
    let end = r.date(object, "end_date", "end_date", &ctx);
    if let Some(span) = &start {
        r.set_date(object, "start_date", "start_date", span.start);
        // "del 3 al 5 de agosto de 2021" typed as the start gives the end too.
        if let (Some(last), None) = (span.end, &end) {
            if is_blank(object, "end_date") {
                r.set_date(object, "end_date", "end_date", last);
            }
        }
        if let Some(time) = span.start_time.as_ref().filter(|_| is_blank(object, "start_time")) {
            object.insert("start_time".into(), json!(time));
        }
    }
    if let Some(span) = end {
        r.set_date(object, "end_date", "end_date", span.end.unwrap_or(span.start));
    }

    if is_blank(object, "status") {
        let planned = start.as_ref().is_some_and(|s| s.start.first_day() > today);
        let status = if planned { Status::Planned } else { Status::Done };
        object.insert("status".into(), json!(status.as_str()));
        if planned {
            r.shown("status", Text::new(
                format!("{}: la fecha aún no llega", Status::Planned.label_es()),
                format!("{}: the date is still to come", Status::Planned.label_en()),
            ));
        }
    }

    if let Some(Value::Array(countries)) = object.get("countries") {
        for (i, name) in countries.iter().enumerate() {
            if let Some(Err(unread)) = name.as_str().map(read_country) {
                r.unread(format!("countries[{i}]"), unread);
            }
        }
    }

    if let Some(Value::Array(follow_ups)) = object.get_mut("follow_ups") {
        for (i, f) in follow_ups.iter_mut().enumerate() {
            let Some(f) = f.as_object_mut() else { continue };
            let field = format!("follow_ups[{i}].due");
            if let Some(span) = r.date(f, "due", &field, &ctx) {
                r.set_date(f, "due", &field, span.start);
            } else if is_blank(f, "due") {
                f.remove("due");
            }
        }
    }

    if let Some(Value::Object(details)) = object.get_mut("details") {
        read_details(&mut r, details, kind, &ctx);
    }

    match serde_json::from_value::<ActivityInput>(value) {
        Ok(input) => (Some(input), r.check),
        Err(e) => {
            r.unread("", not_a_record(&e.to_string()).into());
            (None, r.check)
        }
    }
}

fn not_a_record(why: &str) -> Text {
    Text::new(format!("el registro no se pudo leer: {why}"), format!("the record could not be read: {why}"))
}

/// The field a detail key names, in the record's kind first.
fn detail_field(kind: Option<Kind>, key: &str) -> Option<&'static DetailField> {
    kind.into_iter().chain(Kind::ALL).flat_map(fields_of).find(|f| f.key == key)
}

/// Reads each typed detail as its field's type. An amount that names its currency fills the
/// currency, or is refused if the currency chosen is another.
fn read_details(r: &mut Reader, details: &mut Map<String, Value>, kind: Option<Kind>, ctx: &DateContext) {
    let mut amount = None;
    let keys: Vec<String> = details.keys().cloned().collect();
    for key in keys {
        let field_name = format!("details.{key}");
        let Some(field) = detail_field(kind, &key) else {
            r.unread(field_name, Text::new("campo desconocido", "unknown field").into());
            details.remove(&key);
            continue;
        };
        if details[&key].as_str().is_some_and(|t| t.trim().is_empty()) {
            details.remove(&key);
            continue;
        }
        let typed = matches!(field.field_type, FieldType::Integer | FieldType::Decimal | FieldType::Date | FieldType::Currency | FieldType::Choice);
        let read = match &details[&key] {
            Value::String(text) if typed => read_detail(field, text, ctx),
            other => match serde_json::from_value::<Details>(json!({ key.clone(): other })) {
                Ok(_) => continue,
                Err(_) => Err(Text::new("tipo de valor incorrecto", "wrong type of value").into()),
            },
        };
        match read {
            Ok(read) => {
                if let Some(shown) = read.shown {
                    r.shown(field_name, shown);
                }
                if key == "amount" {
                    amount = Some((read.value.as_str().unwrap_or_default().to_string(), read.currency));
                }
                details.insert(key, read.value);
            }
            Err(unread) => {
                r.unread(field_name, unread);
                details.remove(&key);
            }
        }
    }
    let Some((value, named)) = amount else { return };
    let chosen = details.get("currency").and_then(Value::as_str).map(str::to_string);
    match (named, chosen) {
        (Some(named), Some(chosen)) if named != chosen => r.unread("details.amount", Text::new(
            format!("el monto está en {named}, pero la moneda elegida es {chosen}"),
            format!("the amount is in {named}, but the currency chosen is {chosen}"),
        ).into()),
        (Some(named), None) => {
            details.insert("currency".into(), json!(named));
        }
        _ => {}
    }
    if let (Ok(value), Some(currency)) = (value.parse(), details.get("currency").and_then(Value::as_str)) {
        let shown = format_amount(value, currency);
        r.check.readings.retain(|x| x.field != "details.amount");
        r.shown("details.amount", Text::new(shown.clone(), shown));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn fields(err: ValidationErrors) -> Vec<String> {
        err.errors.into_iter().map(|e| e.field).collect()
    }

    fn financing(amount: &str, currency: &str) -> Value {
        json!({"kind": "financing", "title": "Donación", "start_date": "2021-03-01", "details": {"amount": amount, "currency": currency, "donor": "Fundación"}})
    }

    #[test]
    fn typed_text_in_a_number_or_date_is_named_with_the_rest_of_the_record() {
        let sent = json!({
            "kind": "training", "title": " ", "start_date": "2021-10-04",
            "follow_ups": [{"task": "Enviar constancias", "due": "pronto"}],
            "details": {"participants": "muchos", "hours": "3 horas", "provider": "UK PACT"}
        });
        let err = read_form_input(sent, today(), Lang::Es).unwrap_err();
        let by_field = |f: &str| err.errors.iter().find(|e| e.field == f).unwrap_or_else(|| panic!("{f}: {err:?}"));
        assert!(by_field("details.participants").message.es.contains("«muchos» no es un número entero"));
        assert!(by_field("details.hours").message.es.contains("«horas»"));
        assert!(by_field("follow_ups[0].due").message.es.contains("«pronto»"));
        assert!(by_field("title").message.es.contains("obligatorio"));
    }

    #[test]
    fn a_bad_required_amount_is_named_once() {
        assert_eq!(fields(read_form_input(financing("veinte mil", "USD"), today(), Lang::Es).unwrap_err()), ["details.amount"]);
    }

    #[test]
    fn a_well_typed_record_reads_as_its_input() {
        let sent = json!({
            "kind": "agreement", "title": "Memorándum", "start_date": "2021-11", "status": "done",
            "follow_ups": [{"task": "Firmar", "due": "2022-01"}],
            "details": {"agreement_type": "memorandum", "signed_on": "2021-11", "parties": ["Lima"]}
        });
        let input = read_form_input(sent.clone(), today(), Lang::Es).unwrap();
        assert_eq!(input, serde_json::from_value::<ActivityInput>(sent).unwrap());
    }

    /// Amounts as offices write them: each kept as one value, or asked about.
    #[test]
    fn amounts_as_offices_write_them() {
        for (typed, kept) in [
            ("20,000.50", "20000.50"),
            ("20.000,50", "20000.50"),
            ("20 000,50", "20000.50"),
            ("$20,000", "20000"),
            ("19 mil 500", "19500"),
            ("1.5 millones", "1500000"),
            ("1,500", "1500"),
        ] {
            let input = read_form_input(financing(typed, "USD"), today(), Lang::Es).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(input.details.amount.unwrap().normalize(), kept.parse::<rust_decimal::Decimal>().unwrap().normalize(), "{typed}");
        }
        let err = read_form_input(financing("1.500", "USD"), today(), Lang::Es).unwrap_err();
        let values: Vec<&str> = err.errors[0].choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!((err.errors[0].field.as_str(), values), ("details.amount", vec!["1500", "1.5"]));
    }

    #[test]
    fn an_amount_naming_its_currency_fills_it_and_reads_back() {
        let check = check_form(financing("20.000,50 EUR", ""), today(), Lang::Es);
        assert_eq!(check.errors, []);
        let shown: Vec<_> = check.readings.iter().filter(|r| r.field == "details.amount").map(|r| r.shown.es.as_str()).collect();
        assert_eq!(shown, ["20,000.50 EUR"]);
        let input = read_form_input(financing("20.000,50 EUR", ""), today(), Lang::Es).unwrap();
        assert_eq!(input.details.currency.as_deref(), Some("EUR"));
        let err = read_form_input(financing("20 mil euros", "USD"), today(), Lang::Es).unwrap_err();
        assert!(err.errors[0].message.es.contains("la moneda elegida es USD"), "{err:?}");
    }

    #[test]
    fn dates_as_offices_write_them() {
        for (typed, start, end) in [
            ("27/07/2021", "2021-07-27", None),
            ("27 de julio de 2021", "2021-07-27", None),
            ("julio de 2021", "2021-07", None),
            ("2021", "2021", None),
            ("del 3 al 5 de agosto de 2021", "2021-08-03", Some("2021-08-05")),
        ] {
            let sent = json!({"kind": "meeting", "title": "Reunión", "start_date": typed, "status": "done"});
            let input = read_form_input(sent, today(), Lang::Es).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!((input.start_date.as_str(), input.end_date.as_deref()), (start, end), "{typed}");
        }
        let sent = json!({"kind": "meeting", "title": "Reunión", "start_date": "27/07/2021"});
        let shown = check_form(sent, today(), Lang::Es).readings;
        assert_eq!(shown[0], FieldReading { field: "start_date".into(), shown: Text::new("27 de julio de 2021", "27 July 2021") });
    }

    #[test]
    fn an_ambiguous_country_is_asked_about() {
        let sent = json!({"kind": "meeting", "title": "Reunión", "start_date": "2021", "countries": ["Perú", "corea"]});
        let err = read_form_input(sent, today(), Lang::Es).unwrap_err();
        assert_eq!(err.errors.len(), 1, "{err:?}");
        assert_eq!(err.errors[0].field, "countries[1]");
        let names: Vec<&str> = err.errors[0].choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(names, ["República de Corea", "Corea del Norte"]);
        for typed in ["Corea del Sur", "EEUU", "EE. UU.", "Reino Unido"] {
            let sent = json!({"kind": "meeting", "title": "Reunión", "start_date": "2021", "countries": [typed]});
            assert!(read_form_input(sent, today(), Lang::Es).is_ok(), "{typed}");
        }
    }

    #[test]
    fn the_status_follows_the_date_unless_chosen() {
        let status = |start: &str, status: Option<&str>| {
            let mut sent = json!({"kind": "meeting", "title": "Reunión", "start_date": start});
            if let Some(s) = status {
                sent["status"] = json!(s);
            }
            read_form_input(sent, today(), Lang::Es).unwrap().status.unwrap()
        };
        assert_eq!(status("2027-01-15", None), "planned");
        assert_eq!(status("2026-11-30", None), "done");
        assert_eq!(status("2021-07-27", None), "done");
        assert_eq!(status("2027-01-15", Some("done")), "done");
        let shown = check_form(json!({"kind": "meeting", "title": "Reunión", "start_date": "2027"}), today(), Lang::Es).readings;
        assert!(shown.iter().any(|r| r.field == "status" && r.shown.es == "Planeada: la fecha aún no llega"), "{shown:?}");
    }

    #[test]
    fn figures_run_as_the_windows_language_writes_them() {
        let sent = |typed: &str| json!({"kind": "meeting", "title": "Reunión", "start_date": typed});
        let start = |typed: &str, lang| read_form_input(sent(typed), today(), lang).unwrap().start_date.to_string();
        assert_eq!(start("05/08/2021", Lang::Es), "2021-08-05");
        assert_eq!(start("05/08/2021", Lang::En), "2021-05-08");
        assert_eq!(start("07/27/2021", Lang::En), "2021-07-27");
        assert_eq!(start("27 de julio de 2021", Lang::En), "2021-07-27");
        assert_eq!(start("July 27, 2021", Lang::En), "2021-07-27");
    }
}

//! The agreements register as a workbook: one row per signed agreement with where it stands
//! (the same entries and order as the register's PDF and Word document).

use super::xlsx::sheet_bytes;
use super::{country_name, ExportError, Value};
use crate::domain::field_named;
use crate::job::Progress;
use crate::store::AgreementStanding;
use crate::Lang;

/// Headers (Spanish, English) and widths of the register's columns, in order.
const COLUMNS: [(&str, &str, f64); 11] = [
    ("Situación", "Standing", 18.0),
    ("Días restantes", "Days left", 10.0),
    ("Contraparte", "Counterpart", 40.0),
    ("Países", "Countries", 16.0),
    ("Regiones", "Regions", 24.0),
    ("Tipo de instrumento", "Instrument type", 24.0),
    ("Fecha de firma", "Signed on", 14.0),
    ("Vigencia", "Valid until", 14.0),
    ("Estado del instrumento", "Instrument status", 16.0),
    ("Título", "Title", 50.0),
    ("Id", "Id", 38.0),
];

/// The register as XLSX bytes.
pub fn register_xlsx(register: &[AgreementStanding], lang: Lang, progress: Progress) -> Result<Vec<u8>, ExportError> {
    let headers: Vec<(String, f64)> = COLUMNS.iter().map(|(es, en, w)| (lang.pick(es, en).to_string(), *w)).collect();
    let choice = |key: &str, value: &Option<String>| match (field_named(key), value) {
        (Some(field), Some(v)) => Value::Text(field.shown(v, lang)),
        _ => Value::Empty,
    };
    let rows = register.iter().map(|entry| {
        let a = &entry.activity;
        let d = &a.details;
        let organisations = a.organisations.iter().map(|o| o.name.clone());
        vec![
            Value::Text(entry.validity.label(lang).to_string()),
            entry.days_left.filter(|n| *n >= 0).map_or(Value::Empty, Value::Integer),
            Value::list(if d.parties.is_empty() { organisations.collect() } else { d.parties.clone() }),
            Value::list(a.countries.iter().map(|c| country_name(c, lang))),
            super::Column::Regions.value(a, lang),
            choice("agreement_type", &d.agreement_type),
            Value::Date(d.signed_on.unwrap_or(a.start)),
            d.valid_until.map_or(Value::Empty, Value::Date),
            choice("agreement_status", &d.agreement_status),
            Value::Text(a.title.clone()),
            Value::Text(a.id.to_string()),
        ]
    });
    sheet_bytes(lang.pick("Convenios", "Agreements"), &headers, rows, lang, progress)
}

use enlace::domain::{fields_of, DetailField, Kind};
use enlace::interop::form_input::{check_form, FormCheck};
use enlace::interop::readings::{read_date_field, DateFieldReading};
use enlace::{ErrorCode, Lang};

use crate::error::{CommandError, CommandResult};
use serde::Serialize;
use ts_rs::TS;

/// A kind with its labels and the fields its form shows, from the core's schema.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct KindSchema {
    pub kind: Kind,
    pub label_es: String,
    pub label_en: String,
    pub fields: Vec<DetailField>,
}

#[tauri::command]
pub fn kind_schemas() -> Vec<KindSchema> {
    Kind::ALL
        .iter()
        .map(|&kind| KindSchema {
            kind,
            label_es: kind.label_es().into(),
            label_en: kind.label_en().into(),
            fields: fields_of(kind).to_vec(),
        })
        .collect()
}

/// Checks a form as the person types, and says how its typed values will be kept; the same
/// rules apply again when it is saved. `input` is JSON, not an `ActivityInput`: a number or
/// date typed wrong must come back as that field's error, not refuse the whole call.
#[tauri::command]
pub fn validate_activity(input: serde_json::Value, lang: Lang) -> FormCheck {
    check_form(input, chrono::Local::now().date_naive(), lang)
}

/// Reads what was typed into a date field, in the window's language, with the core's one
/// date reader: the field keeps no date rules of its own.
#[tauri::command]
pub fn read_date(text: String, lang: Lang) -> CommandResult<DateFieldReading> {
    read_date_field(&text, lang).map_err(|problem| CommandError { code: ErrorCode::Invalid, message: problem, fields: Vec::new() })
}

use enlace::domain::{fields_of, read_form_input, validate, DetailField, FieldError, Kind};
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

/// Checks a form as the person types; the same rules apply again when it is saved. `input` is
/// JSON, not an `ActivityInput`: a number or date typed wrong must come back as that field's
/// error, not refuse the whole call.
#[tauri::command]
pub fn validate_activity(input: serde_json::Value) -> Vec<FieldError> {
    match read_form_input(input) {
        Ok(input) => validate(&input).err().map(|e| e.errors).unwrap_or_default(),
        Err(e) => e.errors,
    }
}

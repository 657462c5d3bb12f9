//! The one error shape every command returns to the window: a code the UI can branch on,
//! a message in both languages, and, for a rejected record, the problem of each field.

use enlace::domain::{FieldError, ValidationErrors};
use serde::Serialize;
use ts_rs::TS;

/// What went wrong, as the window receives it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message_es: String,
    pub message_en: String,
    /// Set when a record failed validation: one entry per field problem.
    pub fields: Vec<FieldError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Invalid,
    NotFound,
    Cancelled,
    Storage,
    Io,
}

impl CommandError {
    pub fn new(code: ErrorCode, message_es: impl Into<String>, message_en: impl Into<String>) -> Self {
        CommandError { code, message_es: message_es.into(), message_en: message_en.into(), fields: Vec::new() }
    }

    pub fn cancelled() -> Self {
        CommandError::new(ErrorCode::Cancelled, "Operación cancelada.", "Operation cancelled.")
    }

    pub fn io(what_es: &str, what_en: &str, err: &std::io::Error) -> Self {
        CommandError::new(ErrorCode::Io, format!("{what_es}: {err}"), format!("{what_en}: {err}"))
    }
}

impl From<ValidationErrors> for CommandError {
    fn from(errors: ValidationErrors) -> Self {
        let n = errors.errors.len();
        CommandError {
            code: ErrorCode::Invalid,
            message_es: if n == 1 { "Hay 1 dato por corregir.".into() } else { format!("Hay {n} datos por corregir.") },
            message_en: if n == 1 { "1 field needs fixing.".into() } else { format!("{n} fields need fixing.") },
            fields: errors.errors,
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

impl From<enlace::store::StoreError> for CommandError {
    fn from(err: enlace::store::StoreError) -> Self {
        use enlace::store::StoreError;
        match err {
            StoreError::Invalid(errors) => errors.into(),
            StoreError::NotFound { entity, id } => {
                CommandError::new(ErrorCode::NotFound, format!("No existe {entity} con id {id}."), format!("No {entity} with id {id}."))
            }
            StoreError::TooLarge { es, en } => CommandError::new(ErrorCode::Invalid, es, en),
            other => {
                let text = other.to_string();
                CommandError::new(ErrorCode::Storage, text.clone(), format!("Database error: {text}"))
            }
        }
    }
}

impl From<enlace::store::ImportError> for CommandError {
    fn from(err: enlace::store::ImportError) -> Self {
        use enlace::store::ImportError;
        match err {
            ImportError::Cancelled => CommandError::cancelled(),
            ImportError::Store(e) => e.into(),
            invalid => {
                let text = invalid.to_string();
                CommandError::new(ErrorCode::Invalid, text.clone(), format!("Nothing was imported: {text}"))
            }
        }
    }
}

impl From<enlace::report::RenderError> for CommandError {
    fn from(err: enlace::report::RenderError) -> Self {
        match err {
            enlace::report::RenderError::Cancelled => CommandError::cancelled(),
            other => {
                let text = other.to_string();
                CommandError::new(ErrorCode::Io, text.clone(), text)
            }
        }
    }
}

impl From<enlace::report::ReportError> for CommandError {
    fn from(err: enlace::report::ReportError) -> Self {
        use enlace::report::{Lang, ReportError};
        let code = match err {
            ReportError::Store(e) => return e.into(),
            ReportError::Render(e) => return e.into(),
            ReportError::BackwardPeriod { .. } => ErrorCode::Invalid,
            ReportError::NoActivities { .. } => ErrorCode::NotFound,
        };
        CommandError::new(code, err.message(Lang::Es), err.message(Lang::En))
    }
}

impl From<enlace::interop::spreadsheet::ReadError> for CommandError {
    fn from(err: enlace::interop::spreadsheet::ReadError) -> Self {
        CommandError::new(ErrorCode::Invalid, format!("El archivo no se pudo leer: {err}."), format!("The file could not be read: {}.", err.message_en()))
    }
}

impl From<enlace::interop::spreadsheet::rows::ReadRowsError> for CommandError {
    fn from(err: enlace::interop::spreadsheet::rows::ReadRowsError) -> Self {
        use enlace::interop::spreadsheet::rows::ReadRowsError;
        match err {
            ReadRowsError::Mapping(p) => CommandError::new(ErrorCode::Invalid, sentence(&p.es), sentence(&p.en)),
            ReadRowsError::Cancelled => CommandError::cancelled(),
        }
    }
}

impl From<enlace::store::backup::BackupError> for CommandError {
    fn from(err: enlace::store::backup::BackupError) -> Self {
        use enlace::store::backup::BackupError;
        match err {
            BackupError::Cancelled => CommandError::cancelled(),
            BackupError::Store(e) => e.into(),
            // The core words these in Spanish only; the English message carries its text.
            other => CommandError::new(ErrorCode::Io, sentence(&other.to_string()), format!("The backup operation failed: {other}.")),
        }
    }
}

impl From<enlace::interop::export::ExportError> for CommandError {
    fn from(err: enlace::interop::export::ExportError) -> Self {
        use enlace::interop::export::ExportError;
        match err {
            ExportError::Cancelled => CommandError::cancelled(),
            other => CommandError::new(ErrorCode::Io, sentence(&other.to_string()), format!("The export could not be written: {other}.")),
        }
    }
}

/// The core's lower-case message as a sentence: capital first letter, final full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    let body = format!("{first}{}", chars.as_str());
    if body.ends_with('.') { body } else { format!("{body}.") }
}

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

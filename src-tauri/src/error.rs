//! The one error shape every command returns to the window: a code the UI can branch on,
//! a message in both languages, and, for a rejected record, the problem of each field.

use enlace::domain::FieldError;
pub use enlace::ErrorCode;
use enlace::{Explain, Text};
use serde::Serialize;
use ts_rs::TS;

/// What went wrong, as the window receives it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CommandError {
    pub code: ErrorCode,
    /// What the person reads, in Spanish and English; the window shows the one of its language.
    pub message: Text,
    /// Set when a record failed validation: one entry per field problem.
    pub fields: Vec<FieldError>,
}

impl CommandError {
    pub fn new(code: ErrorCode, es: impl Into<String>, en: impl Into<String>) -> Self {
        CommandError { code, message: Text::new(es, en), fields: Vec::new() }
    }

    pub fn io(what_es: &str, what_en: &str, err: &std::io::Error) -> Self {
        CommandError::new(ErrorCode::Io, format!("{what_es}: {err}"), format!("{what_en}: {err}"))
    }
}

/// Every core error explains itself: its code, its message in both languages and, for a
/// rejected record, each field's problem.
impl<E: Explain> From<E> for CommandError {
    fn from(err: E) -> Self {
        CommandError { code: err.code(), message: err.text(), fields: err.fields() }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

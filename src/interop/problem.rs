//! A problem found while reading outside data, said in Spanish and English.

use serde::Serialize;

/// What went wrong with one value. `Display` shows the Spanish message (es-MX first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{es}")]
pub struct Problem {
    pub es: String,
    pub en: String,
}

impl Problem {
    pub fn new(es: impl Into<String>, en: impl Into<String>) -> Self {
        Problem { es: es.into(), en: en.into() }
    }
}

/// The language a person reads exports and messages in: the same as documents'.
pub use crate::report::Lang;

/// Progress of long work, the store's own type: `(done, total)`; returning `false` stops it.
pub use crate::store::Progress;

/// The "job was cancelled" outcome of a job that takes a [`Progress`] callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("operación cancelada")]
pub struct Cancelled;

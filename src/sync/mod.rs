//! Sync bundles: field laptops (officers) and the central office exchange changes offline, in
//! signed and encrypted files, with nothing lost or duplicated.
//!
//! - [`identity`]: a copy's id, name, role and keys (minisign to sign, age to receive);
//!   [`roster`]: the copies it trusts; [`series`]: the numbered series its changes travel in
//!   and whose signature may carry each.
//! - [`container`]: the `.enlace` file (age-encrypted tar: signed [`manifest`], `changes.jsonl`,
//!   attachments by hash), every check of an incoming one; [`paths`]: safe entry names.
//! - [`hlc`]: clock stamps and the guard against a wrong clock; [`change`]: one change on the
//!   wire; [`merge`]: the per-field, order-independent merge and its conflicts (design there).
//! - [`journal`]: the change log, merge states and this copy's own writes as changes (stored
//!   through `store::SyncBook`, like every sync table);
//!   [`export`], [`import`], [`inspect`]: making, applying and checking bundles; [`conflicts`]: listing and resolving;
//!   [`status`]: what is not yet sent or acknowledged, bundles received and missing, per peer.
//!
//! Flow: an officer exports the changes central has not acknowledged; central imports them
//! (merging, flagging conflicts and duplicate organisations) and its return bundle carries
//! central's acknowledgements, other officers' changes, resolutions and merges back.

pub mod change;
pub mod conflicts;
pub mod container;
pub mod export;
pub mod hlc;
pub mod identity;
pub mod import;
pub mod inspect;
pub mod journal;
pub mod manifest;
pub mod merge;
pub mod paths;
pub mod roster;
pub mod series;
mod shown;
pub mod status;

pub use container::BundleError;
pub use export::{export, export_file, Exported, FileNotSent};
pub use identity::{CopyId, Identity, IdentityError, PublicIdentity, Role};
pub use import::{import, preview, ImportOptions, ImportReport, Preview};
pub use inspect::{inspect, Inspection};

use crate::store::StoreError;
use crate::{ErrorCode, Explain, Text};

/// Why a sync operation did nothing. `Display` says it in Spanish; [`Explain`] in both languages.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("paquete rechazado; nada se modificó: {0}")]
    Bundle(#[from] BundleError),
    #[error("{0}")]
    Identity(#[from] IdentityError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("«{0}» no está en el registro de esta copia (agréguelo con `enlace roster add ARCHIVO.pub`)")]
    NotInRoster(String),
    #[error("paquete rechazado; nada se modificó: el reloj de «{sender}» va {ahead} adelantado (cambios fechados {at}); corrija la fecha de ese equipo o importe con --accept-clock-skew sabiendo que sus cambios ganarán los conflictos")]
    ClockAhead { sender: String, ahead: Text, at: String },
    #[error("el paquete de «{sender}» modificaría {overwritten} y borraría {deleted} de los {total} registros de esta copia; nada se modificó. Si es correcto, importe de nuevo con --confirm")]
    NeedsConfirmation { sender: String, overwritten: usize, deleted: usize, total: usize },
    #[error("paquete rechazado; nada se modificó: el registro {id} no es válido: {message}")]
    InvalidRecord { id: String, message: Text },
    #[error("no existe el conflicto «{0}»")]
    NoSuchConflict(String),
    #[error("datos de sincronización dañados en la base: {0}")]
    Corrupt(String),
    #[error("no se pudo escribir el paquete {0}; no se registró como enviado")]
    Write(String),
    #[error("operación cancelada; no se registró ningún paquete")]
    Cancelled,
}

impl Explain for SyncError {
    fn text(&self) -> Text {
        Text::new(self.to_string(), self.english())
    }

    fn code(&self) -> ErrorCode {
        match self {
            SyncError::Cancelled => ErrorCode::Cancelled,
            SyncError::Store(_) | SyncError::Corrupt(_) => ErrorCode::Storage,
            SyncError::Write(_) => ErrorCode::Io,
            SyncError::NoSuchConflict(_) => ErrorCode::NotFound,
            _ => ErrorCode::Invalid,
        }
    }
}

impl SyncError {
    fn english(&self) -> String {
        match self {
            SyncError::Bundle(e) => format!("bundle rejected; nothing changed: {}", e.brief().en),
            SyncError::Identity(e) => e.brief().en,
            SyncError::Store(e) => e.brief().en,
            SyncError::NotInRoster(n) => format!("“{n}” is not in this copy's roster (add it with `enlace roster add FILE.pub`)"),
            SyncError::ClockAhead { sender, ahead, at } => format!("bundle rejected; nothing changed: “{sender}”'s clock runs {} ahead (changes dated {at}); fix that computer's date or import with --accept-clock-skew", ahead.en),
            SyncError::NeedsConfirmation { sender, overwritten, deleted, total } => format!("the bundle from “{sender}” would change {overwritten} and delete {deleted} of this copy's {total} records; nothing changed. If intended, import again with --confirm"),
            SyncError::InvalidRecord { id, message } => format!("bundle rejected; nothing changed: record {id} is invalid: {}", message.en),
            SyncError::NoSuchConflict(c) => format!("no conflict “{c}”"),
            SyncError::Corrupt(m) => format!("damaged sync data in the database: {m}"),
            SyncError::Write(m) => format!("could not write the bundle {m}; it was not recorded as sent"),
            SyncError::Cancelled => "operation cancelled; no bundle was recorded".into(),
        }
    }
}

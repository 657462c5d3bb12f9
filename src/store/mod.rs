//! The local database: the one place that opens it, and every query over it.
//!
//! SQLite in WAL mode with foreign keys on. Each public write runs in one transaction that
//! validates, writes the rows, the search index, the audit trail and the change feed together,
//! so a failure leaves the database exactly as it was.

mod activities;
mod agenda;
mod agreements;
mod attachments;
mod audit;
mod axes;
pub mod backup;
pub(crate) mod clock;
mod counts;
mod directory;
mod feed;
mod filter;
pub mod for_sync;
mod import;
pub mod key;
pub mod rekey;
pub mod seal;
pub(crate) mod lineage;
mod load;
pub mod migrations;
pub mod paths;
mod report_book;
mod search_index;
mod stats;
mod sync_book;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use agenda::DueFollowUp;
pub use agreements::{AgreementStanding, Validity, EXPIRING_WITHIN_DAYS};
pub use attachments::Attachment;
pub use audit::{AuditEntry, WHOLE_DATABASE};
pub use axes::{Axis, AxisEdit, AxisSet};
pub use directory::{OrgSummary, PersonSummary};
pub use filter::{Filter, Page, Sort};
pub use key::Passphrase;
pub use import::{ImportError, ImportProblem, ImportReport, Progress};
pub use lineage::{Rewind, SeriesRenewal};
pub use report_book::{sha256_hex, GeneratedReport};
pub use stats::{Count, MoneyTotal, PeriodCount, Stats};
pub(crate) use sync_book::{BundleRecord, IdentityRow, PeerRow};
pub use sync_book::SyncBook;

use crate::domain::ValidationErrors;
use crate::{ErrorCode, Explain, Text};

/// Where a write came from; recorded in the audit trail and the change feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Origin {
    App,
    Cli,
    Import,
    Sync,
    Sample,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::App => "app",
            Origin::Cli => "cli",
            Origin::Import => "import",
            Origin::Sync => "sync",
            Origin::Sample => "sample",
        }
    }
}

/// Who is writing, and from where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Actor {
    pub name: String,
    pub origin: Origin,
}

impl Actor {
    pub fn new(name: impl Into<String>, origin: Origin) -> Self {
        Actor { name: name.into(), origin }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("error de la base de datos: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Invalid(#[from] ValidationErrors),
    #[error("no existe {entity} con id {id}")]
    NotFound { entity: &'static str, id: String },
    /// A request that contradicts the record (restoring what is not in the trash).
    #[error("{0}")]
    Conflict(Text),
    #[error("error de archivo: {0}")]
    Io(#[from] std::io::Error),
    #[error("datos dañados en la base: {0}")]
    Corrupt(String),
    /// The database file did not open with the passphrase given (or needs one): said in both
    /// languages, nothing changed.
    #[error("{0}")]
    Locked(Text),
    /// A request refused for its size (a file over the attachment limit, a total past the
    /// decimal ceiling), said in both languages.
    #[error("{0}")]
    TooLarge(Text),
    /// An older database was left as it was: the snapshot that comes before any migration
    /// could not be taken.
    #[error("la base no se actualizó: la instantánea previa falló: {0}")]
    NotUpgraded(Box<backup::BackupError>),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The English name of an entity [`StoreError::NotFound`] names in Spanish.
fn entity_en(entity: &str) -> &str {
    match entity {
        "actividad" => "activity",
        "eje" => "axis",
        "organización" => "organisation",
        other => other,
    }
}

impl StoreError {
    /// The message in both languages as the command line prints it (the Spanish is `Display`).
    pub fn brief(&self) -> Text {
        match self {
            StoreError::Sqlite(e) => Text::new(self.to_string(), format!("database error: {e}")),
            StoreError::Invalid(v) => v.brief(),
            StoreError::NotFound { entity, id } => Text::new(self.to_string(), format!("there is no {} with id {id}", entity_en(entity))),
            StoreError::Conflict(t) => t.clone(),
            StoreError::Io(e) => Text::new(self.to_string(), format!("file error: {e}")),
            StoreError::Corrupt(what) => Text::new(self.to_string(), format!("damaged data in the database: {what}")),
            StoreError::TooLarge(t) | StoreError::Locked(t) => t.clone(),
            StoreError::NotUpgraded(e) => {
                let why = e.text();
                Text::new(
                    format!("La base no se actualizó a esta versión de Enlace: antes hace falta una instantánea y no se pudo guardar ({}). No se modificó nada.", why.es),
                    format!("The database was not upgraded to this version of Enlace: a snapshot must come first and it could not be saved ({}). Nothing was changed.", why.en),
                )
            }
        }
    }
}

impl Explain for StoreError {
    fn text(&self) -> Text {
        match self {
            StoreError::Invalid(v) => v.text(),
            StoreError::NotFound { entity, id } => {
                Text::new(format!("No existe {entity} con id {id}."), format!("No {} with id {id}.", entity_en(entity)))
            }
            other => other.brief(),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            StoreError::Invalid(_) | StoreError::TooLarge(_) => ErrorCode::Invalid,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Locked(_) => ErrorCode::Locked,
            _ => ErrorCode::Storage,
        }
    }

    fn fields(&self) -> Vec<crate::domain::FieldError> {
        match self {
            StoreError::Invalid(v) => v.errors.clone(),
            _ => Vec::new(),
        }
    }
}

/// The current time as stored: RFC 3339 UTC with milliseconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// An open Enlace database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Largest file [`Store::attach`] accepts; see [`Store::set_max_attachment_bytes`].
    max_attachment_bytes: u64,
    /// The passphrase it was opened with: copies it makes (snapshots, archives) are sealed too.
    key: Option<Passphrase>,
    /// Totals of listings, kept until the next change (see [`counts`]).
    counts: counts::Counts,
}

impl Store {
    /// Opens (creating if needed) the plain database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// [`Store::open`] with the office passphrase: an encrypted database (a new one is created
    /// encrypted). A wrong or missing passphrase is [`StoreError::Locked`], the file untouched.
    pub fn open_with(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let conn = key::connect(path, key)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let store = Store::prepare(conn, Some(path.to_path_buf()), key.cloned())?;
        lineage::check(&store.conn, path)?;
        Ok(store)
    }

    /// A throwaway database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?, None, None)
    }

    /// Sets the connection up and brings the schema to the newest. A database file made by an
    /// older Enlace is kept as a snapshot first (an upgrade can always be undone by a restore);
    /// if that snapshot cannot be taken, nothing is migrated.
    fn prepare(conn: Connection, path: Option<PathBuf>, key: Option<Passphrase>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // A page cache of 64 MiB at most (SQLite's default is 2 MiB): with 100,000 activities the
        // indexes a write touches and a list or search reads outgrow 2 MiB, and every page read
        // again costs a system call (and, encrypted, a decryption and an HMAC check).
        conn.pragma_update(None, "cache_size", -65536)?;
        // The planner's choice may not depend on the values bound: otherwise a statement is
        // compiled again whenever a bound value changes (SQLite's STAT4 samples, partial indexes),
        // once per record written in an import (an eighth of its time) and once per list.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        // The write path alone prepares a few dozen statements; keep them all compiled.
        conn.set_prepared_statement_cache_capacity(256);
        let mut store = Store { conn, path, max_attachment_bytes: attachments::DEFAULT_MAX_BYTES, key, counts: Default::default() };
        if let Some(db) = store.path.clone() {
            if migrations::older_schema(&store.conn)? {
                backup::snapshot(&store, &paths::snapshots(&db), backup::SnapshotKind::BeforeMigration).map_err(|e| StoreError::NotUpgraded(Box::new(e)))?;
            }
        }
        migrations::migrate(&mut store.conn)?;
        clock::ensure_copy_id(&store.conn)?;
        Ok(store)
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where attachments are kept: `<database>.files/` beside the database file.
    pub fn attachments_dir(&self) -> Option<PathBuf> {
        self.path.as_deref().map(paths::attachments)
    }

    /// The passphrase the database was opened with, if it is encrypted.
    pub fn passphrase(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    /// This copy's id (UUIDv7), fixed when the database was created.
    pub fn copy_id(&self) -> Result<String> {
        Ok(clock::copy_id(&self.conn)?)
    }

    /// The connection, for the store's own modules: no SQL runs outside `src/store`.
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Writes the write-ahead log into the database file, so that file alone holds everything.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }

    /// Runs `work` in one immediate transaction: all of it is written, or none of it.
    fn with_transaction<T, E>(&mut self, work: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// A setting kept in the database (`meta` table).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )?;
        Ok(())
    }
}

//! Whether this database file is still the one its folder knew: a restored snapshot, an
//! archive opened on another laptop or a file copied by hand carries a past state of a copy
//! whose later changes may already have left the machine.
//!
//! A random token lives both in `meta` and in a small file beside the database
//! (`enlace.db.lineage`). Opening a database whose token differs from the file's (or that has
//! no such file) means it was copied; a restore says so itself ([`Store::note_rewound`]).
//! Either way the copy gets a new *series id* — the origin its next sync changes are numbered
//! under — so no (origin, number) is ever used twice. The token is then renewed, so the next
//! open is quiet.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{now, Result, Store};

const TOKEN: &str = "lineage_token";
const SERIES: &str = "series_id";
const RENEWAL: &str = "series_renewal";

/// How a database came to hold a past state of its copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rewind {
    /// A snapshot or an archive was restored over it.
    Restored,
    /// The file was opened somewhere its folder did not know it (an archive opened on
    /// another computer, a file copied by hand).
    Copied,
}

/// The last time this copy started a new series, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeriesRenewal {
    pub how: Rewind,
    /// RFC 3339 UTC.
    pub at: String,
    /// The new series id (UUIDv7).
    pub series: String,
    /// The one it replaced (the copy's id before the first renewal).
    pub previous: Option<String>,
}

fn sidecar(db: &Path) -> PathBuf {
    super::paths::lineage(db)
}

fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()
}

fn put(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )?;
    Ok(())
}

/// Writes a fresh token to the database and then to the file beside it (through a temporary
/// name, so a crash leaves the old file or the new one: at worst one extra renewal).
fn renew_token(conn: &Connection, db: &Path) -> Result<()> {
    let token = uuid::Uuid::now_v7().to_string();
    put(conn, TOKEN, &token)?;
    let file = sidecar(db);
    let partial = file.with_extension("lineage-partial");
    std::fs::write(&partial, &token)?;
    std::fs::rename(&partial, &file)?;
    Ok(())
}

/// Called on every open of a database file.
pub(super) fn check(conn: &Connection, db: &Path) -> Result<()> {
    let known = get(conn, TOKEN)?;
    let beside = std::fs::read_to_string(sidecar(db)).ok();
    match (known, beside) {
        (Some(k), Some(b)) if k == b.trim() => Ok(()),
        // A new database, or one from before this check existed: nothing to renew.
        (None, _) => renew_token(conn, db),
        (Some(_), _) => {
            start_series(conn, Rewind::Copied)?;
            renew_token(conn, db)
        }
    }
}

fn start_series(conn: &Connection, how: Rewind) -> rusqlite::Result<()> {
    let series = uuid::Uuid::now_v7().to_string();
    let previous = get(conn, SERIES)?;
    let renewal = SeriesRenewal { how, at: now(), series: series.clone(), previous };
    put(conn, SERIES, &series)?;
    put(conn, RENEWAL, &serde_json::to_string(&renewal).expect("renewal serialises"))
}

/// The series id this copy numbers its changes under, once it has been restored or copied;
/// `None` while it still numbers under its original id.
pub fn series_id(conn: &Connection) -> rusqlite::Result<Option<String>> {
    get(conn, SERIES)
}

/// The last renewal of the series, if any.
pub fn last_renewal(conn: &Connection) -> rusqlite::Result<Option<SeriesRenewal>> {
    Ok(get(conn, RENEWAL)?.and_then(|t| serde_json::from_str(&t).ok()))
}

impl Store {
    /// The last time this copy started a new series of sync changes, and why.
    pub fn series_renewal(&self) -> Result<Option<SeriesRenewal>> {
        Ok(last_renewal(&self.conn)?)
    }

    /// Records that this database now holds a past state of its copy (a restore): its next
    /// sync changes are numbered in a new series.
    pub fn note_rewound(&mut self, how: Rewind) -> Result<()> {
        self.with_transaction(|tx| start_series(tx, how).map_err(super::StoreError::from))?;
        if let Some(db) = self.path.clone() {
            renew_token(&self.conn, &db)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(store: &Store) -> Option<String> {
        series_id(store.connection()).unwrap()
    }

    #[test]
    fn a_file_copied_elsewhere_starts_a_new_series_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("enlace.db");
        drop(Store::open(&db).unwrap());
        assert_eq!(series(&Store::open(&db).unwrap()), None, "reopening the same file changes nothing");

        let copy = dir.path().join("otra").join("enlace.db");
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        std::fs::copy(&db, &copy).unwrap();
        let first = series(&Store::open(&copy).unwrap()).expect("a copied file gets a new series");
        assert_eq!(series(&Store::open(&copy).unwrap()), Some(first.clone()), "only once");
        let renewal = last_renewal(Store::open(&copy).unwrap().connection()).unwrap().unwrap();
        assert_eq!((renewal.how, renewal.series, renewal.previous), (Rewind::Copied, first, None));
        assert_eq!(series(&Store::open(&db).unwrap()), None, "the original keeps its series");
    }

    #[test]
    fn a_restore_starts_a_new_series_and_names_the_previous_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("enlace.db")).unwrap();
        store.note_rewound(Rewind::Restored).unwrap();
        let first = series(&store).unwrap();
        store.note_rewound(Rewind::Restored).unwrap();
        let renewal = last_renewal(store.connection()).unwrap().unwrap();
        assert_eq!(renewal.how, Rewind::Restored);
        assert_eq!(renewal.previous, Some(first.clone()));
        assert_ne!(renewal.series, first);
    }
}

//! Setting, changing or removing the office passphrase of a whole copy: the database and every
//! snapshot beside it, so no copy stays readable under the old key (or in clear).
//!
//! A snapshot of the current state is taken first. The database is then copied whole under the
//! new key (`sqlcipher_export` into a file beside it) and that file renamed over the old one;
//! if the result does not open and pass the integrity check, the snapshot is put back. Snapshots
//! already under the new key are left alone, so a change cut short can simply be run again.

use std::fs;
use std::path::Path;

use serde::Serialize;

use super::backup::{list_snapshots, open_checked, put_database, sha256_file, snapshot, with_suffix, write_manifest, BackupError, SnapshotInfo, SnapshotKind};
use super::key::{connect, export_to, Passphrase};
use super::paths::DATABASE;
use super::{Filter, Store};

/// What a passphrase change did.
#[derive(Debug, Clone, Serialize)]
pub struct PassphraseChange {
    /// The snapshot taken before anything changed (rewritten under the new key at the end).
    pub safety_copy: SnapshotInfo,
    /// Snapshots rewritten under the new key (the safety copy among them).
    pub snapshots: usize,
    /// Snapshots under some other key, left as they were.
    pub skipped: Vec<String>,
    pub activities: u64,
}

/// Moves the database at `db` (open nowhere else) and the snapshots in `snapshots_dir` from
/// key `from` to key `to` (`None`: plain SQLite).
pub fn change_passphrase(db: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>, snapshots_dir: &Path) -> Result<PassphraseChange, BackupError> {
    let store = Store::open_with(db, from)?;
    let safety_copy = snapshot(&store, snapshots_dir, SnapshotKind::Manual)?;
    store.checkpoint()?;
    let partial = with_suffix(db, ".rekeying");
    let exported = rewrite(&store, &partial, from, to);
    drop(store);
    exported?;
    let put = put_database(&partial, db);
    let _ = fs::remove_file(&partial);
    put?;
    let store = match open_checked(db, to) {
        Ok(store) => store,
        Err(e) => {
            put_database(&safety_copy.path.join(DATABASE), db)?;
            return Err(BackupError::RolledBack(Box::new(e)));
        }
    };
    let activities = store.list(&Filter { limit: Some(1), ..Filter::default() })?.total;
    let (mut snapshots, mut skipped) = (0, Vec::new());
    for s in list_snapshots(snapshots_dir)? {
        match rekey_snapshot(&s, from, to)? {
            Some(true) => snapshots += 1,
            Some(false) => {}
            None => skipped.push(s.name),
        }
    }
    Ok(PassphraseChange { safety_copy, snapshots, skipped, activities })
}

/// Copies the open database whole into a new file at `target` under `to`.
fn rewrite(store: &Store, target: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<(), BackupError> {
    if target.exists() {
        fs::remove_file(target).map_err(|source| BackupError::Io { path: target.to_path_buf(), source })?;
    }
    Ok(export_to(store.connection(), target, from, to)?)
}

/// Rewrites one snapshot's database under `to`: `Some(true)` if it did, `Some(false)` if it
/// already was, `None` if neither key opens it.
fn rekey_snapshot(s: &SnapshotInfo, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<Option<bool>, BackupError> {
    let file = s.path.join(DATABASE);
    if !file.is_file() || connect(&file, to).is_ok() {
        return Ok(Some(false));
    }
    let Ok(conn) = connect(&file, from) else { return Ok(None) };
    let partial = with_suffix(&file, ".rekeying");
    let _ = fs::remove_file(&partial);
    let exported = export_to(&conn, &partial, from, to);
    drop(conn);
    exported?;
    fs::rename(&partial, &file).map_err(|source| BackupError::Io { path: file.clone(), source })?;
    let mut manifest = s.manifest.clone();
    manifest.sha256 = sha256_file(&file)?;
    write_manifest(&s.path, &manifest)?;
    Ok(Some(true))
}

//! Snapshots and archives of a whole Enlace copy: the database and its attachments.
//!
//! A snapshot is a folder `<db>.snapshots/<timestamp>/` holding `enlace.db` (written by
//! SQLite's `VACUUM INTO`, a consistent copy taken while the app runs), `files/` (the
//! attachments) and `manifest.json` (when, why, and the database's SHA-256). Folders are
//! built under a temporary name and renamed when complete, so a half-written snapshot never
//! lists. Restoring first takes a snapshot of the current state (a byte copy when the
//! database is too damaged to open), then swaps the database file and merges attachments
//! back (they are named by content hash, so nothing is ever overwritten or lost), and writes
//! the restore into the restored database's audit trail.
//! Only automatic snapshots are ever pruned: a manual backup and the copy taken before a
//! restore stay until someone deletes them.
//! An archive is the same content in one zip file, for moving to another computer.
//!
//! With the office passphrase the database copies are as encrypted as the database (SQLCipher
//! keeps the key on `VACUUM INTO`), and the archive is the zip sealed whole with the passphrase
//! ([`super::seal`]), so its attachments and manifest do not show either.

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::key::Passphrase;
use super::paths::{DATABASE, FILES};
use super::seal;
use crate::store::{Actor, Filter, Progress, Rewind, Store, StoreError};
use crate::{ErrorCode, Explain, Text};

const MANIFEST: &str = "manifest.json";
const FORMAT: u32 = 1;

/// Why a backup, restore or archive failed. `Display` says it in Spanish; [`Explain`] in both languages.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("no se pudo usar «{path}»: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("error de la base de datos al copiarla: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("«{0}» no es una copia de Enlace (falta manifest.json o enlace.db)")]
    NotASnapshot(PathBuf),
    #[error("la copia «{path}» está dañada: {reason}")]
    Damaged { path: PathBuf, reason: Text },
    #[error("«{0}» ya existe; elija otro destino o mueva ese archivo")]
    Exists(PathBuf),
    #[error("la base restaurada no pasa la revisión de integridad: {0}")]
    Integrity(String),
    #[error("no se pudo abrir la copia restaurada ({0}); la base anterior quedó en su lugar, sin cambios")]
    RolledBack(Box<BackupError>),
    #[error("el archivo comprimido no se puede leer o escribir: {0}")]
    Zip(String),
    #[error("operación cancelada")]
    Cancelled,
}

impl BackupError {
    /// The message in both languages as the command line prints it (the Spanish is `Display`).
    pub fn brief(&self) -> Text {
        let en = match self {
            BackupError::Io { path, source } => format!("could not use «{}»: {source}", path.display()),
            BackupError::Store(e) => return e.brief(),
            BackupError::Sqlite(e) => format!("database error while copying it: {e}"),
            BackupError::NotASnapshot(p) => format!("«{}» is not an Enlace copy (manifest.json or enlace.db is missing)", p.display()),
            BackupError::Damaged { path, reason } => format!("the copy «{}» is damaged: {}", path.display(), reason.en),
            BackupError::Exists(p) => format!("«{}» already exists; choose another destination or move that file", p.display()),
            BackupError::Integrity(v) => format!("the restored database fails the integrity check: {v}"),
            BackupError::RolledBack(e) => {
                format!("the restored copy could not be opened ({}); the previous database stayed in place, unchanged", e.brief().en)
            }
            BackupError::Zip(m) => format!("the compressed file cannot be read or written: {m}"),
            BackupError::Cancelled => "operation cancelled".into(),
        };
        Text::new(self.to_string(), en)
    }
}

impl Explain for BackupError {
    fn text(&self) -> Text {
        match self {
            BackupError::Cancelled => crate::lang::cancelled(),
            BackupError::Store(e) => e.text(),
            other => other.brief().sentence(),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            BackupError::Cancelled => ErrorCode::Cancelled,
            BackupError::Store(e) => e.code(),
            _ => ErrorCode::Io,
        }
    }

    fn fields(&self) -> Vec<crate::domain::FieldError> {
        match self {
            BackupError::Store(e) => e.fields(),
            _ => Vec::new(),
        }
    }
}

impl From<zip::result::ZipError> for BackupError {
    fn from(e: zip::result::ZipError) -> Self {
        BackupError::Zip(e.to_string())
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { path: path.to_path_buf(), source }
}

/// Who or what took a snapshot; the retention rule only ever removes automatic ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SnapshotKind {
    /// Taken by the app at start and once a day.
    Automatic,
    /// Asked for by someone (a backup now, an archive for moving).
    Manual,
    /// The state a restore replaced.
    BeforeRestore,
    /// A database made by an older Enlace, as it was before this one migrated it.
    BeforeMigration,
}

impl SnapshotKind {
    /// The words written as the manifest's reason.
    fn reason(self) -> &'static str {
        match self {
            SnapshotKind::Automatic => "automática",
            SnapshotKind::Manual => "manual",
            SnapshotKind::BeforeRestore => "antes de restaurar",
            SnapshotKind::BeforeMigration => "antes de actualizar el esquema",
        }
    }

    /// The kind of a manifest written before kinds existed, told by its reason; anything
    /// unrecognised counts as automatic, as the retention rule treated every snapshot then.
    fn from_reason(reason: &str) -> Self {
        if reason == SnapshotKind::Manual.reason() {
            SnapshotKind::Manual
        } else if reason.starts_with(SnapshotKind::BeforeRestore.reason()) {
            SnapshotKind::BeforeRestore
        } else {
            SnapshotKind::Automatic
        }
    }
}

/// What a snapshot or archive says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Manifest {
    pub format: u32,
    pub created_at: DateTime<Utc>,
    pub kind: SnapshotKind,
    /// Why it was taken, in words: "manual", "automática", "antes de restaurar"…
    pub reason: String,
    /// SHA-256 of `enlace.db`, checked before restoring.
    pub sha256: String,
    #[ts(type = "number | null")]
    pub activities: Option<u64>,
    #[ts(type = "number")]
    pub files: u64,
}

/// A snapshot on disk.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SnapshotInfo {
    pub name: String,
    #[serde(skip)]
    #[ts(skip)]
    pub path: PathBuf,
    pub manifest: Manifest,
    /// Size on disk of the database copy and the attachments.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// How many snapshots to keep: the newest of each of the last `daily` days that have one,
/// and the newest of each of the last `weekly` ISO weeks that have one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
}

impl Default for Retention {
    fn default() -> Self {
        Retention { daily: 7, weekly: 4 }
    }
}

/// The snapshots folder beside a database: `<db>.snapshots/`.
pub fn default_snapshots_dir(db: &Path) -> PathBuf {
    super::paths::snapshots(db)
}

/// Takes a snapshot of the open database and its attachments.
pub fn snapshot(store: &Store, dir: &Path, kind: SnapshotKind) -> Result<SnapshotInfo, BackupError> {
    fs::create_dir_all(dir).map_err(io(dir))?;
    let created_at = Utc::now();
    let (name, final_path) = free_name(dir, created_at);
    let partial = dir.join(format!(".{name}.partial"));
    if partial.exists() {
        fs::remove_dir_all(&partial).map_err(io(&partial))?;
    }
    fs::create_dir_all(&partial).map_err(io(&partial))?;
    let db = partial.join(DATABASE);
    vacuum_into(store, &db)?;
    let files = match store.attachments_dir().filter(|d| d.is_dir()) {
        Some(from) => copy_tree(&from, &partial.join(FILES))?,
        None => 0,
    };
    // An older schema is copied as it is: the activity count reads the newest one.
    let activities = if kind == SnapshotKind::BeforeMigration { None } else { Some(count(store)?) };
    let manifest = Manifest { format: FORMAT, created_at, kind, reason: kind.reason().into(), sha256: sha256_file(&db)?, activities, files };
    write_manifest(&partial, &manifest)?;
    fs::rename(&partial, &final_path).map_err(io(&final_path))?;
    let bytes = size_of(&final_path)?;
    Ok(SnapshotInfo { name, path: final_path, manifest, bytes })
}

fn free_name(dir: &Path, at: DateTime<Utc>) -> (String, PathBuf) {
    let base = at.format("%Y-%m-%d_%H%M%S%.3fZ").to_string();
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .map(|name| {
            let path = dir.join(&name);
            (name, path)
        })
        .find(|(_, path)| !path.exists())
        .expect("some free name")
}

fn vacuum_into(store: &Store, target: &Path) -> Result<(), BackupError> {
    let text = target.to_str().ok_or_else(|| BackupError::Io {
        path: target.to_path_buf(),
        source: std::io::Error::other("la ruta no es UTF-8"),
    })?;
    store.connection().execute("VACUUM INTO ?1", [text])?;
    Ok(())
}

fn count(store: &Store) -> Result<u64, StoreError> {
    Ok(store.list(&Filter { limit: Some(1), ..Filter::default() })?.total)
}

pub(super) fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<(), BackupError> {
    let path = dir.join(MANIFEST);
    let text = serde_json::to_string_pretty(manifest).expect("manifest serialises");
    fs::write(&path, text).map_err(io(&path))
}

fn read_manifest(dir: &Path) -> Result<Manifest, BackupError> {
    let path = dir.join(MANIFEST);
    let text = fs::read_to_string(&path).map_err(|_| BackupError::NotASnapshot(dir.to_path_buf()))?;
    parse_manifest(&text).map_err(|e| BackupError::Damaged { path: path.clone(), reason: Text::new(e.to_string(), e.to_string()) })
}

/// Reads a manifest; one without a kind (written before kinds existed) gets it from its reason.
fn parse_manifest(text: &str) -> serde_json::Result<Manifest> {
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    if let Some(fields) = value.as_object_mut().filter(|f| !f.contains_key("kind")) {
        let kind = SnapshotKind::from_reason(fields.get("reason").and_then(|r| r.as_str()).unwrap_or_default());
        fields.insert("kind".into(), serde_json::to_value(kind)?);
    }
    serde_json::from_value(value)
}

/// The snapshots in a folder, newest first.
pub fn list_snapshots(dir: &Path) -> Result<Vec<SnapshotInfo>, BackupError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if path.is_dir() && !name.starts_with('.') {
            if let Ok(manifest) = read_manifest(&path) {
                let bytes = size_of(&path)?;
                out.push(SnapshotInfo { name, path, manifest, bytes });
            }
        }
    }
    out.sort_by(|a, b| b.manifest.created_at.cmp(&a.manifest.created_at).then(b.name.cmp(&a.name)));
    Ok(out)
}

/// Which of these snapshots (newest first) the rule keeps: every one that is not automatic,
/// and, of the automatic ones, the newest and those the rule's days and weeks keep.
pub fn kept_by(snapshots: &[SnapshotInfo], rule: Retention) -> HashSet<String> {
    let (automatic, others): (Vec<&SnapshotInfo>, Vec<&SnapshotInfo>) = snapshots.iter().partition(|s| s.manifest.kind == SnapshotKind::Automatic);
    let mut keep: HashSet<String> = others.iter().chain(automatic.first()).map(|s| s.name.clone()).collect();
    let mut newest_of = |period: &dyn Fn(&DateTime<Utc>) -> (i32, u32), limit: usize| {
        let mut periods = Vec::new();
        for s in &automatic {
            let p = period(&s.manifest.created_at);
            if !periods.contains(&p) && periods.len() < limit {
                periods.push(p);
                keep.insert(s.name.clone());
            }
        }
    };
    newest_of(&|t| (t.year(), t.ordinal()), rule.daily);
    newest_of(&|t| (t.iso_week().year(), t.iso_week().week()), rule.weekly);
    keep
}

/// Deletes the snapshots the rule does not keep; returns their names.
pub fn prune_snapshots(dir: &Path, rule: Retention) -> Result<Vec<String>, BackupError> {
    let all = list_snapshots(dir)?;
    let keep = kept_by(&all, rule);
    let mut removed = Vec::new();
    for s in all.into_iter().filter(|s| !keep.contains(&s.name)) {
        fs::remove_dir_all(&s.path).map_err(io(&s.path))?;
        removed.push(s.name);
    }
    Ok(removed)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    /// The snapshot of the state before the restore.
    pub safety_copy: SnapshotInfo,
    #[ts(type = "number")]
    pub activities: u64,
    #[ts(type = "number")]
    pub files_merged: u64,
}

/// Restores the database at `db` (opened with `key`) from a snapshot folder. The database must
/// not be open. The current state is kept first as a snapshot in `snapshots_dir`; `actor` is
/// recorded in the restored database's audit trail as who restored it.
pub fn restore(db: &Path, key: Option<&Passphrase>, snapshot_dir: &Path, snapshots_dir: &Path, actor: &Actor) -> Result<RestoreReport, BackupError> {
    let manifest = read_manifest(snapshot_dir)?;
    let source = snapshot_dir.join(DATABASE);
    if !source.is_file() {
        return Err(BackupError::NotASnapshot(snapshot_dir.to_path_buf()));
    }
    if sha256_file(&source)? != manifest.sha256 {
        return Err(BackupError::Damaged { path: source, reason: Text::new("su SHA-256 no coincide con el del manifiesto", "its SHA-256 does not match the manifest's") });
    }
    let safety_copy = safety_copy(db, key, snapshots_dir)?;
    put_database(&source, db)?;
    let from = snapshot_dir.file_name().unwrap_or(snapshot_dir.as_os_str()).to_string_lossy();
    let store = open_restored(db, key, &safety_copy, &from, actor)?;
    let files_merged = match store.attachments_dir() {
        Some(dir) if snapshot_dir.join(FILES).is_dir() => copy_tree(&snapshot_dir.join(FILES), &dir)?,
        _ => 0,
    };
    Ok(RestoreReport { safety_copy, activities: count(&store)?, files_merged })
}

/// A snapshot of the current state before it is replaced; a plain byte copy of the database
/// files when SQLite cannot open them. A passphrase that does not open it refuses the restore.
fn safety_copy(db: &Path, key: Option<&Passphrase>, snapshots_dir: &Path) -> Result<SnapshotInfo, BackupError> {
    let kind = SnapshotKind::BeforeRestore;
    match Store::open_with(db, key) {
        Ok(store) => {
            if let Ok(info) = snapshot(&store, snapshots_dir, kind) {
                return Ok(info);
            }
        }
        Err(locked @ StoreError::Locked(_)) => return Err(locked.into()),
        Err(_) => {}
    }
    fs::create_dir_all(snapshots_dir).map_err(io(snapshots_dir))?;
    let created_at = Utc::now();
    let (name, path) = free_name(snapshots_dir, created_at);
    fs::create_dir_all(&path).map_err(io(&path))?;
    for (suffix, target) in [("", DATABASE.to_string()), ("-wal", format!("{DATABASE}-wal")), ("-shm", format!("{DATABASE}-shm"))] {
        let from = with_suffix(db, suffix);
        if from.exists() {
            fs::copy(&from, path.join(&target)).map_err(io(&from))?;
        }
    }
    let sha256 = if path.join(DATABASE).exists() { sha256_file(&path.join(DATABASE))? } else { String::new() };
    let reason = format!("{} (copia byte a byte: la base no se pudo abrir)", kind.reason());
    let manifest = Manifest { format: FORMAT, created_at, kind, reason, sha256, activities: None, files: 0 };
    write_manifest(&path, &manifest)?;
    let bytes = size_of(&path)?;
    Ok(SnapshotInfo { name, path, manifest, bytes })
}

pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Replaces the database file: the copy is written beside it and renamed over it, after the
/// old write-ahead log is removed (SQLite would otherwise replay it onto the restored file).
pub(super) fn put_database(source: &Path, db: &Path) -> Result<(), BackupError> {
    let incoming = with_suffix(db, ".restoring");
    fs::copy(source, &incoming).map_err(io(source))?;
    fs::File::open(&incoming).and_then(|f| f.sync_all()).map_err(io(&incoming))?;
    for suffix in ["-wal", "-shm"] {
        let stale = with_suffix(db, suffix);
        if stale.exists() {
            fs::remove_file(&stale).map_err(io(&stale))?;
        }
    }
    fs::rename(&incoming, db).map_err(io(db))
}

/// Opens a database and runs SQLite's integrity check on it.
pub(super) fn open_checked(db: &Path, key: Option<&Passphrase>) -> Result<Store, BackupError> {
    let store = Store::open_with(db, key)?;
    let verdict: String = store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(BackupError::Integrity(verdict));
    }
    Ok(store)
}

/// Opens a database just put in place by a restore from `from`, records that it holds a past
/// state (its next sync changes are numbered in a new series) and writes the restore into its
/// audit trail. If any of that fails, the state before the restore is put back, so a failed
/// restore never leaves a broken database nor one whose trail misses the restore.
fn open_restored(db: &Path, key: Option<&Passphrase>, before: &SnapshotInfo, from: &str, actor: &Actor) -> Result<Store, BackupError> {
    let opened = open_checked(db, key).and_then(|mut store| {
        store.note_rewound(Rewind::Restored)?;
        store.record_restore(actor, from, &before.name)?;
        Ok(store)
    });
    opened.or_else(|e| {
        let previous = before.path.join(DATABASE);
        if previous.is_file() {
            put_database(&previous, db)?;
        }
        Err(BackupError::RolledBack(Box::new(e)))
    })
}

/// Copies a folder tree, skipping files already present (attachments are named by content).
fn copy_tree(from: &Path, to: &Path) -> Result<u64, BackupError> {
    fs::create_dir_all(to).map_err(io(to))?;
    let mut copied = 0;
    for entry in fs::read_dir(from).map_err(io(from))? {
        let entry = entry.map_err(io(from))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copied += copy_tree(&src, &dst)?;
        } else if !dst.exists() {
            fs::copy(&src, &dst).map_err(io(&src))?;
            copied += 1;
        }
    }
    Ok(copied)
}

pub(super) fn sha256_file(path: &Path) -> Result<String, BackupError> {
    let mut file = fs::File::open(path).map_err(io(path))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(io(path))?;
    Ok(hex::encode(hasher.finalize()))
}

/// Bytes of every file under a folder.
fn size_of(dir: &Path) -> Result<u64, BackupError> {
    files_under(dir)?.iter().map(|f| fs::metadata(f).map(|m| m.len()).map_err(io(f))).sum()
}

fn files_under(dir: &Path) -> Result<Vec<PathBuf>, BackupError> {
    let mut out = Vec::new();
    if dir.is_dir() {
        for entry in fs::read_dir(dir).map_err(io(dir))? {
            let path = entry.map_err(io(dir))?.path();
            if path.is_dir() {
                out.extend(files_under(&path)?);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Writes the database and its attachments into one zip file, for moving to another computer;
/// sealed with the store's passphrase when it has one.
pub fn export_archive(store: &Store, out: &Path, progress: Progress) -> Result<Manifest, BackupError> {
    if out.exists() {
        return Err(BackupError::Exists(out.to_path_buf()));
    }
    let db_copy = with_suffix(out, ".db-tmp");
    if db_copy.exists() {
        fs::remove_file(&db_copy).map_err(io(&db_copy))?;
    }
    vacuum_into(store, &db_copy)?;
    // A sealed archive is zipped beside it first, then sealed into place.
    let zip_path = match store.passphrase() {
        Some(_) => with_suffix(out, ".zip-tmp"),
        None => out.to_path_buf(),
    };
    let result = (|| {
        let attachments = store.attachments_dir().unwrap_or_default();
        let files = files_under(&attachments)?;
        let manifest = Manifest {
            format: FORMAT,
            created_at: Utc::now(),
            // Someone asked for it; archives are files of their own, never pruned.
            kind: SnapshotKind::Manual,
            reason: "archivo para mudanza".into(),
            sha256: sha256_file(&db_copy)?,
            activities: Some(count(store)?),
            files: files.len() as u64,
        };
        let file = fs::File::create(&zip_path).map_err(io(&zip_path))?;
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(MANIFEST, options)?;
        zip.write_all(serde_json::to_string_pretty(&manifest).expect("manifest serialises").as_bytes()).map_err(io(out))?;
        zip.start_file(DATABASE, options)?;
        std::io::copy(&mut fs::File::open(&db_copy).map_err(io(&db_copy))?, &mut zip).map_err(io(out))?;
        let total = files.len() as u64 + 1;
        for (i, f) in files.iter().enumerate() {
            if !progress(i as u64 + 1, total) {
                return Err(BackupError::Cancelled);
            }
            let relative = f.strip_prefix(&attachments).expect("listed under the folder");
            let name = format!("{FILES}/{}", relative.to_string_lossy().replace('\\', "/"));
            zip.start_file(name, options)?;
            std::io::copy(&mut fs::File::open(f).map_err(io(f))?, &mut zip).map_err(io(out))?;
        }
        zip.finish()?;
        if let Some(key) = store.passphrase() {
            let mut plain = fs::File::open(&zip_path).map_err(io(&zip_path))?;
            seal::seal(key, &mut plain, fs::File::create(out).map_err(io(out))?).map_err(io(out))?;
        }
        progress(total, total);
        Ok(manifest)
    })();
    let _ = fs::remove_file(&db_copy);
    if zip_path != out {
        let _ = fs::remove_file(&zip_path);
    }
    if result.is_err() {
        let _ = fs::remove_file(out);
    }
    result
}

/// The archive's zip: the file itself, or, for a sealed archive, the zip unsealed with `key`
/// into `scratch` (removed by the caller).
fn archive_zip(archive: &Path, key: Option<&Passphrase>, scratch: &Path) -> Result<fs::File, BackupError> {
    let mut file = fs::File::open(archive).map_err(io(archive))?;
    let mut head = [0u8; 32];
    let read = file.read(&mut head).map_err(io(archive))?;
    if !seal::is_sealed(&head[..read]) {
        return fs::File::open(archive).map_err(io(archive));
    }
    let Some(key) = key else {
        return Err(StoreError::Locked(Text::new(
            "El archivo está cifrado: hace falta la contraseña de la oficina que lo hizo.",
            "The archive is encrypted: it needs the passphrase of the office that made it.",
        ))
        .into());
    };
    let mut zip = fs::File::options().read(true).write(true).create(true).truncate(true).open(scratch).map_err(io(scratch))?;
    seal::unseal(key, fs::File::open(archive).map_err(io(archive))?, &mut zip).map_err(StoreError::Locked)?;
    Ok(zip)
}

/// Unpacks an archive into a new database at `db` (which must not exist) and its attachments;
/// a sealed archive needs the passphrase it was made with, which then opens its database.
pub fn import_archive(archive: &Path, db: &Path, key: Option<&Passphrase>, progress: Progress) -> Result<Manifest, BackupError> {
    if db.exists() {
        return Err(BackupError::Exists(db.to_path_buf()));
    }
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let scratch = with_suffix(db, ".archive-tmp");
    let result = archive_zip(archive, key, &scratch).and_then(|file| unpack_archive(archive, file, db, key, progress));
    let _ = fs::remove_file(&scratch);
    result
}

fn unpack_archive(archive: &Path, file: fs::File, db: &Path, key: Option<&Passphrase>, progress: Progress) -> Result<Manifest, BackupError> {
    let mut zip = zip::ZipArchive::new(file)?;
    let manifest: Manifest = {
        let mut text = String::new();
        zip.by_name(MANIFEST).map_err(|_| BackupError::NotASnapshot(archive.to_path_buf()))?.read_to_string(&mut text).map_err(io(archive))?;
        parse_manifest(&text).map_err(|e| BackupError::Damaged { path: archive.to_path_buf(), reason: Text::new(e.to_string(), e.to_string()) })?
    };
    let incoming = with_suffix(db, ".restoring");
    {
        let mut entry = zip.by_name(DATABASE).map_err(|_| BackupError::NotASnapshot(archive.to_path_buf()))?;
        let mut out = fs::File::create(&incoming).map_err(io(&incoming))?;
        std::io::copy(&mut entry, &mut out).map_err(io(&incoming))?;
    }
    if sha256_file(&incoming)? != manifest.sha256 {
        let _ = fs::remove_file(&incoming);
        return Err(BackupError::Damaged { path: archive.to_path_buf(), reason: Text::new("la base no coincide con su SHA-256", "the database does not match its SHA-256") });
    }
    fs::rename(&incoming, db).map_err(io(db))?;
    let store = open_checked(db, key)?;
    let attachments = store.attachments_dir().expect("a database on disk has an attachments folder");
    let total = zip.len() as u64;
    for i in 0..zip.len() {
        if !progress(i as u64, total) {
            return Err(BackupError::Cancelled);
        }
        let mut entry = zip.by_index(i)?;
        // Only files under files/, and only names that stay inside it (no "../").
        let Some(relative) = entry.enclosed_name().and_then(|p| p.strip_prefix(FILES).ok().map(Path::to_path_buf)) else { continue };
        if entry.is_dir() || relative.as_os_str().is_empty() {
            continue;
        }
        let target = attachments.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let mut out = fs::File::create(&target).map_err(io(&target))?;
        std::io::copy(&mut entry, &mut out).map_err(io(&target))?;
    }
    progress(total, total);
    Ok(manifest)
}

/// Replaces the database at `db` with the copy inside an archive and merges its attachments:
/// moving to a laptop that already has a database. The archive is unpacked and checked in a
/// folder beside `db` first, so a bad archive changes nothing; only then is the current state
/// kept as a snapshot in `snapshots_dir` and the database swapped. `db` must not be open;
/// `key` opens it and the archive; `actor` is recorded in the restored database's audit trail
/// as who restored it.
pub fn restore_archive(archive: &Path, db: &Path, key: Option<&Passphrase>, snapshots_dir: &Path, actor: &Actor, progress: Progress) -> Result<RestoreReport, BackupError> {
    let staging = with_suffix(db, ".incoming");
    let clear = || match fs::remove_dir_all(&staging) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(BackupError::Io { path: staging.clone(), source: e }),
        _ => Ok(()),
    };
    clear()?;
    let result = (|| {
        let incoming = staging.join(DATABASE);
        import_archive(archive, &incoming, key, progress)?;
        let incoming_files = Store::open_with(&incoming, key)?.attachments_dir();
        let safety_copy = safety_copy(db, key, snapshots_dir)?;
        put_database(&incoming, db)?;
        let store = open_restored(db, key, &safety_copy, &archive.display().to_string(), actor)?;
        let files_merged = match (incoming_files, store.attachments_dir()) {
            (Some(from), Some(to)) if from.is_dir() => copy_tree(&from, &to)?,
            _ => 0,
        };
        Ok(RestoreReport { safety_copy, activities: count(&store)?, files_merged })
    })();
    clear()?;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(text: &str, kind: SnapshotKind) -> SnapshotInfo {
        let created_at: DateTime<Utc> = text.parse().unwrap();
        let manifest = Manifest { format: 1, created_at, kind, reason: kind.reason().into(), sha256: String::new(), activities: None, files: 0 };
        SnapshotInfo { name: text.to_string(), path: PathBuf::from(text), manifest, bytes: 0 }
    }

    fn at(text: &str) -> SnapshotInfo {
        taken(text, SnapshotKind::Automatic)
    }

    #[test]
    fn keeps_seven_days_and_four_weeks() {
        // Two snapshots a day for 40 days, newest first.
        let start: DateTime<Utc> = "2026-10-01T08:00:00Z".parse().unwrap();
        let mut all: Vec<SnapshotInfo> = (0..80)
            .map(|i| at(&(start + chrono::Duration::hours(12 * i)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)))
            .collect();
        all.reverse();
        let keep = kept_by(&all, Retention::default());
        let mut kept: Vec<&str> = keep.iter().map(String::as_str).collect();
        kept.sort();
        // The newest of each of the last 7 days (9 Nov back to 3 Nov); of the last 4 ISO weeks,
        // weeks 46 (9 Nov, a Monday) and 45 (ends 8 Nov) are covered by those days, weeks 44
        // and 43 add 1 Nov and 25 Oct.
        let days: Vec<String> = (3..=9).map(|d| format!("2026-11-{d:02}T20:00:00Z")).collect();
        for d in &days {
            assert!(keep.contains(d), "{d} missing from {kept:?}");
        }
        for week_end in ["2026-11-01T20:00:00Z", "2026-10-25T20:00:00Z"] {
            assert!(keep.contains(week_end), "{week_end} missing from {kept:?}");
        }
        assert_eq!(keep.len(), 7 + 2, "{kept:?}");
    }

    #[test]
    fn a_single_snapshot_is_always_kept() {
        let all = vec![at("2020-01-01T00:00:00Z")];
        assert_eq!(kept_by(&all, Retention { daily: 0, weekly: 0 }).len(), 1);
    }

    #[test]
    fn only_automatic_snapshots_are_ever_pruned() {
        use SnapshotKind::{Automatic as A, BeforeRestore as R, Manual as M};
        // Each case: the snapshots (newest first), the rule, and those kept.
        let cases: &[(&str, &[(&str, SnapshotKind)], Retention, &[&str])] = &[
            (
                "a manual backup and a safety copy older than every kept day stay",
                &[("2026-11-09T08:00:00Z", A), ("2026-11-08T08:00:00Z", A), ("2026-11-01T09:00:00Z", M), ("2026-10-20T09:00:00Z", R), ("2026-10-19T08:00:00Z", A)],
                Retention { daily: 2, weekly: 0 },
                &["2026-11-09T08:00:00Z", "2026-11-08T08:00:00Z", "2026-11-01T09:00:00Z", "2026-10-20T09:00:00Z"],
            ),
            (
                "kept copies take no day's place: the day's automatic one is kept beside them",
                &[("2026-11-09T18:00:00Z", M), ("2026-11-09T12:00:00Z", R), ("2026-11-09T08:00:00Z", A), ("2026-11-08T08:00:00Z", A)],
                Retention { daily: 1, weekly: 0 },
                &["2026-11-09T18:00:00Z", "2026-11-09T12:00:00Z", "2026-11-09T08:00:00Z"],
            ),
            (
                "with no rule at all, the newest automatic one and every other kind stay",
                &[("2026-11-09T08:00:00Z", R), ("2026-11-08T08:00:00Z", A), ("2026-11-07T08:00:00Z", A), ("2026-11-06T08:00:00Z", M)],
                Retention { daily: 0, weekly: 0 },
                &["2026-11-09T08:00:00Z", "2026-11-08T08:00:00Z", "2026-11-06T08:00:00Z"],
            ),
            (
                "the weeks count automatic snapshots only",
                &[("2026-11-09T08:00:00Z", A), ("2026-11-02T08:00:00Z", M), ("2026-10-27T08:00:00Z", A), ("2026-10-20T08:00:00Z", A)],
                Retention { daily: 0, weekly: 2 },
                &["2026-11-09T08:00:00Z", "2026-11-02T08:00:00Z", "2026-10-27T08:00:00Z"],
            ),
        ];
        for (case, snapshots, rule, expected) in cases {
            let all: Vec<SnapshotInfo> = snapshots.iter().map(|(at, kind)| taken(at, *kind)).collect();
            let mut kept: Vec<String> = kept_by(&all, *rule).into_iter().collect();
            kept.sort_by(|a, b| b.cmp(a));
            assert_eq!(kept, *expected, "{case}");
        }
    }

    #[test]
    fn a_manifest_without_a_kind_takes_it_from_its_reason() {
        for (reason, kind) in [
            ("automática", SnapshotKind::Automatic),
            ("manual", SnapshotKind::Manual),
            ("antes de restaurar", SnapshotKind::BeforeRestore),
            ("antes de restaurar (copia byte a byte: la base no se pudo abrir)", SnapshotKind::BeforeRestore),
            ("prueba", SnapshotKind::Automatic),
        ] {
            let text = format!(r#"{{"format": 1, "created_at": "2026-11-09T08:00:00Z", "reason": "{reason}", "sha256": "", "activities": null, "files": 0}}"#);
            assert_eq!(parse_manifest(&text).unwrap().kind, kind, "{reason}");
        }
        let written = serde_json::to_string(&taken("2026-11-09T08:00:00Z", SnapshotKind::Manual).manifest).unwrap();
        assert!(written.contains(r#""kind":"manual""#), "{written}");
        assert_eq!(parse_manifest(&written.replace(r#""reason":"manual""#, r#""reason":"automática""#)).unwrap().kind, SnapshotKind::Manual, "a written kind wins over the reason");
    }
}

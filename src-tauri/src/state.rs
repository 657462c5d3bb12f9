//! What every command can reach: the data folder, the open store, the profile, the drafts and
//! the running jobs. Each workflow keeps its own state in its own module (the undo in `undo`,
//! the spreadsheet being imported in `commands::spreadsheet`, the previewed bundle in
//! `commands::sync`); what of it belongs to the open database is a [`DatabaseCache`],
//! registered here so that replacing the database forgets it.
//!
//! Lock order: the store, then the list of caches, then one workflow's cache. A command that
//! needs the store and its cache takes the store first, as a restore does (store, list, every
//! cache in turn), so the two never wait on each other; only a restore takes the list.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use enlace::store::{paths, Actor, Origin, Store, StoreError};
use tauri::{AppHandle, Manager, Runtime};

use crate::drafts::Drafts;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Jobs;
use crate::profile::{self, Profile};

pub struct AppState {
    pub data_dir: PathBuf,
    pub drafts: Drafts,
    pub jobs: Jobs,
    /// What workflows keep of the open database; see [`AppState::on_database_replaced`].
    caches: Mutex<Vec<Arc<dyn DatabaseCache>>>,
    /// `None` while the database is closed for a restore, and after one if it could not be
    /// opened again: then every command is refused until it opens, rather than working on
    /// something that is not the person's database.
    store: Mutex<Option<Store>>,
    profile: Mutex<Option<Profile>>,
}

/// Something a workflow keeps between commands that belongs to the open database (the undo,
/// a spreadsheet's dry run, a previewed bundle): forgotten when the database is replaced.
pub trait DatabaseCache: Send + Sync {
    fn forget(&self);
}

impl AppState {
    /// Opens (creating on first start) the database in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        std::fs::create_dir_all(data_dir)?;
        let store = open_store(data_dir)?;
        let profile = profile::load(data_dir)?;
        Ok(AppState {
            drafts: Drafts::new(data_dir),
            jobs: Jobs::default(),
            caches: Mutex::new(Vec::new()),
            store: Mutex::new(Some(store)),
            profile: Mutex::new(profile),
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// The open database. If it could not be opened again after a restore, it is tried again
    /// here, so the app carries on as soon as the file can be read, and refuses until then.
    pub fn store(&self) -> CommandResult<OpenStore<'_>> {
        let mut store = self.lock_store();
        if store.is_none() {
            *store = Some(open_store(&self.data_dir).map_err(|e| unavailable(&self.db_path(), &e))?);
        }
        Ok(OpenStore(store))
    }

    fn lock_store(&self) -> MutexGuard<'_, Option<Store>> {
        // A panic while holding the lock leaves SQLite consistent (transactions roll back).
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn db_path(&self) -> PathBuf {
        paths::database(&self.data_dir)
    }

    /// Runs `work` on the database file while no connection holds it, then opens it again.
    ///
    /// A restore swaps the file under SQLite, which must not happen while the store is open: the
    /// old connection would keep reading the replaced file and its write-ahead log could be
    /// replayed onto the restored copy. So the lock is taken (every other command waits), the
    /// store is dropped, which closes the connection, `work` runs on the path, and the database
    /// file is opened again through [`open_store`], the one place that opens it, whether `work`
    /// succeeded or not (a failed restore has put the previous file back). If it cannot be
    /// opened, that is the error returned, and the store stays closed: commands are refused
    /// (see [`AppState::store`]) instead of running on a database that is not the person's.
    /// Every [`DatabaseCache`] is forgotten: it names records of the database that was replaced.
    pub fn with_database_closed<T>(&self, work: impl FnOnce(&Path) -> CommandResult<T>) -> CommandResult<T> {
        let mut store = self.lock_store();
        *store = None;
        self.on_database_replaced();
        let result = work(&self.db_path());
        *store = Some(open_store(&self.data_dir).map_err(|e| unavailable(&self.db_path(), &e))?);
        result
    }

    /// Registers a workflow's cache (at start-up) so that replacing the database forgets it;
    /// the cache is returned to be managed by the app.
    pub fn scoped<C: DatabaseCache + 'static>(&self, cache: C) -> Arc<C> {
        let cache = Arc::new(cache);
        self.caches.lock().expect("caches lock").push(cache.clone());
        cache
    }

    /// Forgets everything workflows keep of the database: the undo, a spreadsheet's dry run, a
    /// previewed bundle. Called with the store locked, whatever replaces the database.
    fn on_database_replaced(&self) {
        for cache in self.caches.lock().expect("caches lock").iter() {
            cache.forget();
        }
    }

    pub fn profile(&self) -> Option<Profile> {
        self.profile.lock().expect("profile lock").clone()
    }

    pub fn set_profile(&self, profile: Profile) -> std::io::Result<()> {
        profile::save(&self.data_dir, &profile)?;
        *self.profile.lock().expect("profile lock") = Some(profile);
        Ok(())
    }

    /// The officer writing from the window: the author of every change.
    pub fn actor(&self) -> CommandResult<Actor> {
        self.profile()
            .map(|p| Actor::new(p.officer, Origin::App))
            .ok_or_else(|| CommandError::new(ErrorCode::Invalid, "Falta el perfil: escriba su nombre en Ajustes.", "No profile yet: enter your name in Settings."))
    }
}

/// The open database, held for one command: every other command waits until it is dropped.
pub struct OpenStore<'a>(MutexGuard<'a, Option<Store>>);

impl Deref for OpenStore<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0.as_ref().expect("made only over an open store")
    }
}

impl DerefMut for OpenStore<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("made only over an open store")
    }
}

/// Why no command can run: the database file does not open.
fn unavailable(db: &Path, err: &StoreError) -> CommandError {
    CommandError::new(
        ErrorCode::Storage,
        format!("No se pudo abrir la base de datos «{}»: {err}. Enlace no trabajará sin ella; revise el archivo o restaure un respaldo en Datos.", db.display()),
        format!("The database «{}» could not be opened: {}. Enlace will not work without it; check the file or restore a backup in Data.", db.display(), err.brief().en),
    )
}

/// Opens (creating on first start) the database of the data folder: the only place the app
/// opens it.
fn open_store(data_dir: &Path) -> Result<Store, StoreError> {
    Store::open(&paths::database(data_dir))
}

/// `ENLACE_DATA_DIR` if set (tests, portable installs), else the platform's app data folder
/// (`~/.local/share/mx.gob.enlace` on Linux).
pub fn data_dir<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    match std::env::var_os("ENLACE_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

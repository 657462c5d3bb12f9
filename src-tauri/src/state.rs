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

use enlace::store::key::is_plain;
use enlace::store::rekey::change_passphrase;
use enlace::store::{paths, Actor, Origin, Passphrase, Store, StoreError};
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
    /// The office passphrase the window unlocked the database with; `None` for a copy without
    /// one, and while the window is locked (then the store is closed too).
    key: Mutex<Option<Passphrase>>,
    profile: Mutex<Option<Profile>>,
}

/// Something a workflow keeps between commands that belongs to the open database (the undo,
/// a spreadsheet's dry run, a previewed bundle): forgotten when the database is replaced.
pub trait DatabaseCache: Send + Sync {
    fn forget(&self);
}

impl AppState {
    /// Opens (creating on first start) the database in `data_dir`. An encrypted one stays
    /// closed, the window locked, until [`AppState::unlock`] is given its passphrase.
    pub fn open(data_dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        std::fs::create_dir_all(data_dir)?;
        let store = match open_store(data_dir, None) {
            Ok(store) => Some(store),
            Err(StoreError::Locked(_)) => None,
            Err(e) => return Err(e.into()),
        };
        let profile = profile::load(data_dir)?;
        Ok(AppState {
            drafts: Drafts::new(data_dir),
            jobs: Jobs::default(),
            caches: Mutex::new(Vec::new()),
            store: Mutex::new(store),
            key: Mutex::new(None),
            profile: Mutex::new(profile),
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// The open database. If it could not be opened again after a restore, it is tried again
    /// here, so the app carries on as soon as the file can be read, and refuses until then.
    pub fn store(&self) -> CommandResult<OpenStore<'_>> {
        let mut store = self.lock_store();
        if store.is_none() {
            *store = Some(self.reopen()?);
        }
        Ok(OpenStore(store))
    }

    /// Opens the database file with the key the window holds: a locked window gets the
    /// core's "locked" error, which the window answers with its lock screen.
    fn reopen(&self) -> CommandResult<Store> {
        open_store(&self.data_dir, self.key().as_ref()).map_err(|e| match e {
            StoreError::Locked(_) => CommandError::from(e),
            e => unavailable(&self.db_path(), &e),
        })
    }

    /// Whether `typed` is the passphrase the window was unlocked with.
    pub fn holds(&self, typed: &str) -> bool {
        self.key().is_some_and(|key| Passphrase::new(typed).is_some_and(|t| t == key))
    }

    fn key(&self) -> Option<Passphrase> {
        self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Whether the database is encrypted: it has an office passphrase.
    pub fn encrypted(&self) -> bool {
        is_plain(&self.db_path()) == Some(false)
    }

    /// Whether the window is locked: an encrypted database not opened with its passphrase.
    pub fn locked(&self) -> bool {
        self.encrypted() && self.key().is_none()
    }

    /// Opens the encrypted database with `key`; a wrong one is refused and nothing changes.
    pub fn unlock(&self, key: Passphrase) -> CommandResult<()> {
        let mut store = self.lock_store();
        *store = Some(open_store(&self.data_dir, Some(&key))?);
        *self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(key);
        Ok(())
    }

    /// Closes the database and forgets its passphrase and everything workflows keep of it:
    /// until [`AppState::unlock`], no command reaches the record.
    pub fn lock(&self) {
        let mut store = self.lock_store();
        *store = None;
        *self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        self.on_database_replaced();
    }

    /// Sets, changes (`to`) or removes (`to` = `None`) the office passphrase: the database and
    /// its snapshots are rewritten under the new key after a safety snapshot (the core's
    /// re-key), and the window keeps working with it.
    pub fn change_passphrase(&self, to: Option<Passphrase>) -> CommandResult<()> {
        let from = self.key();
        let snapshots = enlace::store::backup::default_snapshots_dir(&self.db_path());
        let mut store = self.lock_store();
        *store = None;
        self.on_database_replaced();
        let changed = change_passphrase(&self.db_path(), from.as_ref(), to.as_ref(), &snapshots);
        if changed.is_ok() {
            *self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = to;
        }
        *store = Some(self.reopen()?);
        changed.map(|_| ()).map_err(CommandError::from)
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
        *store = Some(self.reopen()?);
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
fn open_store(data_dir: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
    Store::open_with(&paths::database(data_dir), key)
}

/// `ENLACE_DATA_DIR` if set (tests, portable installs), else the platform's app data folder
/// (`~/.local/share/mx.gob.enlace` on Linux).
pub fn data_dir<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    match std::env::var_os("ENLACE_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enlace::domain::ActivityInput;

    fn count(state: &AppState) -> CommandResult<u64> {
        Ok(state.store()?.list(&enlace::store::Filter::default())?.total)
    }

    #[test]
    fn a_window_locks_and_unlocks_with_the_office_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path()).unwrap();
        let input = ActivityInput { kind: "meeting".into(), title: "Reunión con la Ciudad de Nagoya".into(), start_date: "2021-07-27".into(), ..Default::default() };
        state.store().unwrap().save_activity(&input, &Actor::new("Ana", Origin::App)).unwrap();
        assert!(!state.encrypted() && !state.locked());

        state.change_passphrase(Passphrase::new("flor de cempasúchil")).unwrap();
        assert!(state.encrypted() && !state.locked() && state.holds("flor de cempasúchil"));
        assert_eq!(count(&state).unwrap(), 1);

        state.lock();
        assert!(state.locked());
        assert_eq!(count(&state).unwrap_err().code, ErrorCode::Locked, "a locked window reaches no record");
        assert_eq!(state.unlock(Passphrase::new("otra cosa").unwrap()).unwrap_err().code, ErrorCode::Locked);
        assert!(state.locked());
        state.unlock(Passphrase::new("flor de cempasúchil").unwrap()).unwrap();
        assert_eq!(count(&state).unwrap(), 1);

        drop(state);
        let reopened = AppState::open(dir.path()).unwrap();
        assert!(reopened.locked(), "an encrypted copy starts locked");
        reopened.unlock(Passphrase::new("flor de cempasúchil").unwrap()).unwrap();
        reopened.change_passphrase(None).unwrap();
        assert!(!reopened.encrypted());
        assert_eq!(count(&reopened).unwrap(), 1);
    }
}

//! What every command can reach: the data folder, the open store, the profile, the drafts,
//! the running jobs and the last undoable action.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use enlace::store::{Actor, Origin, Store};
use tauri::{AppHandle, Manager, Runtime};

use crate::drafts::Drafts;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Jobs;
use crate::profile::{self, Profile};
use crate::undo::Undo;

pub struct AppState {
    pub data_dir: PathBuf,
    pub drafts: Drafts,
    pub jobs: Jobs,
    pub undo: Mutex<Option<Undo>>,
    store: Mutex<Store>,
    profile: Mutex<Option<Profile>>,
}

/// The database file inside the data folder.
pub const DB_FILE: &str = "enlace.db";

impl AppState {
    /// Opens (creating on first start) the database in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        std::fs::create_dir_all(data_dir)?;
        let store = Store::open(&data_dir.join(DB_FILE))?;
        let profile = profile::load(data_dir)?;
        Ok(AppState {
            drafts: Drafts::new(data_dir),
            jobs: Jobs::default(),
            undo: Mutex::new(None),
            store: Mutex::new(store),
            profile: Mutex::new(profile),
            data_dir: data_dir.to_path_buf(),
        })
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves SQLite consistent (transactions roll back).
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
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

/// `ENLACE_DATA_DIR` if set (tests, portable installs), else the platform's app data folder
/// (`~/.local/share/mx.gob.enlace` on Linux).
pub fn data_dir<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    match std::env::var_os("ENLACE_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

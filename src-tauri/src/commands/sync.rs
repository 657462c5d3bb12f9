//! Sync bundles from the window: this copy's identity, its roster, sending a bundle, checking
//! one before importing it, and the conflict log. Every rule lives in `enlace::sync`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use enlace::sync::conflicts::{self, Choice as ConflictChoice, ConflictView};
use enlace::sync::status::Status as SyncStatus;
use enlace::sync::{self, identity, roster, CopyId, FileNotSent, ImportOptions, ImportReport as BundleImportReport, Preview as BundlePreview, PublicIdentity, Role, SyncError};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter as FileFilter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Progress;
use crate::state::{AppState, DatabaseCache};

const BUNDLES: &[FileFilter] = &[FileFilter { name: "Paquetes de Enlace", extensions: enlace::opening::BUNDLE_EXTENSIONS }];
const PUBLIC: &[FileFilter] = &[FileFilter { name: "Identidad pública de Enlace", extensions: &["pub", "txt"] }];

/// The bundle the person picked and saw previewed: only it may then be imported, so what is
/// applied is what was shown. The preview described the open database, so a restore forgets it.
#[derive(Default)]
pub struct PendingBundle(Mutex<Option<Vec<u8>>>);

impl DatabaseCache for PendingBundle {
    fn forget(&self) {
        *self.0.lock().expect("pending bundle lock") = None;
    }
}

fn read(path: &Path) -> CommandResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| CommandError::io("No se pudo leer el archivo", "Could not read the file", &e))
}

#[tauri::command]
pub fn sync_status(state: State<'_, AppState>) -> CommandResult<SyncStatus> {
    Ok(sync::status::status(&*state.store()?)?)
}

#[tauri::command]
pub fn create_identity(state: State<'_, AppState>, name: String, role: Role) -> CommandResult<SyncStatus> {
    let store = state.store()?;
    identity::init(&store, &name, role)?;
    Ok(sync::status::status(&store)?)
}

/// Writes this copy's public identity to a file the person picks; where, or `None` if cancelled.
#[tauri::command]
pub async fn save_public_identity(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<String>> {
    let public = sync::Identity::require(&*state.store()?)?.public;
    let name = format!("{}.pub", enlace::text::fold(&public.name).replace(' ', "-"));
    let Some(path) = dialogs::pick_save_path(&app, "Guardar identidad pública", &name, PUBLIC).await else {
        return Ok(None);
    };
    std::fs::write(&path, public.to_string()).map_err(|e| CommandError::io("No se pudo escribir el archivo", "Could not write the file", &e))?;
    Ok(Some(path.display().to_string()))
}

fn accept(state: &AppState, text: &str) -> CommandResult<PublicIdentity> {
    let peer = PublicIdentity::parse(text)?;
    roster::add(&*state.store()?, &peer)?;
    Ok(peer)
}

/// Adds the copy whose public identity the person pasted.
#[tauri::command]
pub fn add_peer(state: State<'_, AppState>, text: String) -> CommandResult<PublicIdentity> {
    accept(&state, &text)
}

/// Adds the copy whose public identity file the person picks; `None` if cancelled.
#[tauri::command]
pub async fn add_peer_file(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<PublicIdentity>> {
    let Some(path) = dialogs::pick_files(&app, "Agregar identidad pública", PUBLIC).await.into_iter().next() else {
        return Ok(None);
    };
    let text = String::from_utf8(read(&path)?).map_err(|_| {
        CommandError::new(ErrorCode::Invalid, "El archivo no es una identidad pública de Enlace.", "The file is not an Enlace public identity.")
    })?;
    accept(&state, &text).map(Some)
}

/// Makes the next bundle for `peer` and writes it where the person chooses, reporting
/// progress; `cancel_job(job)` stops it before anything counts as sent. `None` if the dialog
/// is cancelled.
#[tauri::command]
pub async fn export_bundle(
    app: AppHandle,
    state: State<'_, AppState>,
    peer: CopyId,
    all: bool,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<BundleSent>> {
    let (to, name) = {
        let store = state.store()?;
        let to = roster::get(&*store, &peer)
            .map_err(SyncError::from)?
            .ok_or_else(|| CommandError::new(ErrorCode::NotFound, "Esa copia no está en el registro.", "That copy is not in the roster."))?;
        let name = sync::export::next_file_name(&store, &to)?;
        (to, name)
    };
    let Some(path) = dialogs::pick_save_path(&app, "Guardar paquete", &name, BUNDLES).await else {
        return Ok(None);
    };
    let handle = state.jobs.start(&job, progress);
    let mut report = |done, total| handle.report(done, total).is_ok();
    let exported = sync::export_file(&mut *state.store()?, &to, all, &path, &mut report)?;
    Ok(Some(BundleSent { path: path.display().to_string(), files_not_sent: exported.files_not_sent }))
}

/// A bundle written, and the attachments whose file could not go in it.
#[derive(serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BundleSent {
    pub path: String,
    pub files_not_sent: Vec<FileNotSent>,
}

/// Verifies a bundle file, dropped on the window or chosen in the dialog, and says what
/// importing it would change; nothing is written. `None` if the dialog is cancelled.
#[tauri::command]
pub async fn preview_bundle(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, Arc<PendingBundle>>,
    dropped: Option<Vec<PathBuf>>,
) -> CommandResult<Option<BundlePreview>> {
    let Some(path) = dialogs::dropped_or_picked(&app, dropped, "Importar paquete", BUNDLES).await?.into_iter().next() else {
        return Ok(None);
    };
    let bytes = read(&path)?;
    let mut store = state.store()?;
    let mut slot = pending.0.lock().expect("pending bundle lock");
    *slot = None;
    let preview = sync::preview(&mut store, &bytes, None)?;
    *slot = Some(bytes);
    Ok(Some(preview))
}

/// Imports the bundle last previewed. `confirm` and `accept_clock_skew` are the person's
/// answers to the preview's warnings.
#[tauri::command(async)]
pub fn import_bundle(
    state: State<'_, AppState>,
    pending: State<'_, Arc<PendingBundle>>,
    confirm: bool,
    accept_clock_skew: bool,
) -> CommandResult<BundleImportReport> {
    let mut store = state.store()?;
    let mut slot = pending.0.lock().expect("pending bundle lock");
    let bytes = slot.take().ok_or_else(|| {
        CommandError::new(ErrorCode::Invalid, "Elija primero el paquete que desea importar.", "Choose the bundle to import first.")
    })?;
    let options = ImportOptions { confirm, accept_clock_skew, now_millis: None };
    let imported = sync::import(&mut store, &bytes, &options);
    if imported.is_err() {
        // Nothing was written; the same bundle may be imported once the person answers.
        *slot = Some(bytes);
    }
    Ok(imported?)
}

#[tauri::command]
pub fn list_conflicts(state: State<'_, AppState>) -> CommandResult<Vec<ConflictView>> {
    Ok(conflicts::views(&*state.store()?)?)
}

#[tauri::command]
pub fn resolve_conflict(state: State<'_, AppState>, activity: String, field: String, choice: ConflictChoice) -> CommandResult<()> {
    let actor = state.actor()?;
    Ok(conflicts::resolve(&mut *state.store()?, &activity, &field, choice, &actor)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_errors_reach_the_window_in_both_languages() {
        let refused: CommandError = SyncError::NeedsConfirmation { sender: "Ana López".into(), overwritten: 3, deleted: 12, total: 40 }.into();
        assert_eq!(refused.code, ErrorCode::Invalid);
        assert!(refused.message.es.contains("borraría 12 de los 40"), "{}", refused.message.es);
        assert!(refused.message.en.contains("delete 12 of this copy's 40"), "{}", refused.message.en);
        let cancelled: CommandError = SyncError::Cancelled.into();
        assert_eq!(cancelled.code, ErrorCode::Cancelled);
        let missing: CommandError = identity::IdentityError::Missing.into();
        assert!(missing.message.es.contains("todavía no tiene identidad"));
    }
}

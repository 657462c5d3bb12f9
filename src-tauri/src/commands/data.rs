use enlace::store::{Filter, ImportReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter as FileFilter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Progress;
use crate::state::AppState;

const JSONL: &[FileFilter] = &[FileFilter { name: "Actividades (JSON Lines)", extensions: &["jsonl"] }];

/// Loads the sample data set, reporting progress on `progress`; `cancel_job(job)` stops it
/// and leaves the database as it was.
#[tauri::command(async)]
pub fn load_sample_data(state: State<'_, AppState>, job: String, progress: Channel<Progress>) -> CommandResult<ImportReport> {
    let actor = state.actor()?;
    let handle = state.jobs.start(&job, progress);
    let mut report = |done, total| handle.report(done, total).is_ok();
    Ok(enlace::interop::sample::load(&mut state.store(), &actor.name, &mut report)?)
}

/// Imports an interchange file the person picks: all of it or, if any line is wrong, nothing.
/// `None` when the dialog is cancelled.
#[tauri::command]
pub async fn import_activities(
    app: AppHandle,
    state: State<'_, AppState>,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<ImportReport>> {
    let Some(path) = dialogs::pick_files(&app, "Importar actividades", JSONL).await.into_iter().next() else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| CommandError::io("No se pudo leer el archivo", "Could not read the file", &e))?;
    let items = enlace::interop::interchange::parse(&text).map_err(enlace::store::ImportError::Invalid)?;
    let mut actor = state.actor()?;
    actor.origin = enlace::store::Origin::Import;
    let handle = state.jobs.start(&job, progress);
    let mut report = |done, total| handle.report(done, total).is_ok();
    Ok(Some(state.store().import(&items, &actor, false, &mut report)?))
}

/// Writes the activities matching `filter` to a file the person picks; returns where, or
/// `None` when the dialog is cancelled.
#[tauri::command]
pub async fn export_activities(app: AppHandle, state: State<'_, AppState>, filter: Filter) -> CommandResult<Option<String>> {
    let activities = state.store().list(&Filter { limit: None, offset: 0, ..filter })?.items;
    if activities.is_empty() {
        return Err(CommandError::new(ErrorCode::NotFound, "No hay actividades que exportar.", "There are no activities to export."));
    }
    let Some(path) = dialogs::pick_save_path(&app, "Exportar actividades", "actividades.jsonl", JSONL).await else {
        return Ok(None);
    };
    let write = |path: &std::path::Path| -> std::io::Result<()> {
        let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
        enlace::interop::interchange::write_jsonl(&activities, &mut file)?;
        std::io::Write::flush(&mut file)
    };
    write(&path).map_err(|e| CommandError::io("No se pudo escribir el archivo", "Could not write the file", &e))?;
    Ok(Some(path.display().to_string()))
}

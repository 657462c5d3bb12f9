use std::path::PathBuf;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use enlace::domain::{ActivityId, Attachment, ReportMark};
use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

const ATTACHMENTS: &[Filter] = &[
    Filter { name: "Imágenes y documentos", extensions: &["jpg", "jpeg", "png", "webp", "gif", "pdf", "docx", "xlsx"] },
];

/// Attaches files to an activity: those dropped on it, or those chosen in the native dialog.
/// The store copies each file into the data folder; nothing else outside it is ever read.
#[tauri::command]
pub async fn attach_files(app: AppHandle, state: State<'_, AppState>, id: ActivityId, dropped: Option<Vec<PathBuf>>) -> CommandResult<Vec<Attachment>> {
    let chosen = dialogs::dropped_or_picked(&app, dropped, "Adjuntar archivos", ATTACHMENTS).await?;
    let actor = state.actor()?;
    let mut store = state.store()?;
    chosen.iter().map(|path| store.attach(&id, path, &actor).map_err(CommandError::from)).collect()
}

/// Marks an attached photo for the period report (or takes it out), with its caption and credit.
#[tauri::command]
pub fn mark_attachment(state: State<'_, AppState>, id: ActivityId, hash: String, mark: ReportMark) -> CommandResult<Attachment> {
    let actor = state.actor()?;
    Ok(state.store()?.mark_attachment(&id, &hash, mark, &actor)?)
}

/// Opens an attachment with the system's viewer. The path is the store's own copy inside the
/// data folder, found by its hash; the viewer is started directly (no shell).
#[tauri::command(async)]
pub fn open_attachment(state: State<'_, AppState>, hash: String) -> CommandResult<()> {
    let path = state
        .store()?
        .attachment_path(&hash)
        .ok_or_else(|| CommandError::new(ErrorCode::NotFound, "No se encontró el archivo adjunto.", "Attachment not found."))?;
    open::that_detached(&path).map_err(|e| CommandError::io("No se pudo abrir el adjunto", "Could not open the attachment", &e))
}

/// An attached image as a `data:` URL for its thumbnail (the CSP allows no file URLs).
#[tauri::command(async)]
pub fn attachment_image(state: State<'_, AppState>, hash: String, media_type: String) -> CommandResult<String> {
    if !media_type.starts_with("image/") {
        return Err(CommandError::new(ErrorCode::Invalid, "El archivo no es una imagen.", "The file is not an image."));
    }
    let path = state
        .store()?
        .attachment_path(&hash)
        .ok_or_else(|| CommandError::new(ErrorCode::NotFound, "No se encontró el archivo adjunto.", "Attachment not found."))?;
    let bytes = std::fs::read(&path).map_err(|e| CommandError::io("No se pudo leer el adjunto", "Could not read the attachment", &e))?;
    Ok(format!("data:{media_type};base64,{}", BASE64.encode(&bytes)))
}

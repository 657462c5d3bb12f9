use tauri::State;

use crate::drafts::Draft;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

fn io_error(e: std::io::Error) -> CommandError {
    CommandError::io("No se pudo guardar el borrador", "Could not keep the draft", &e)
}

#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> CommandResult<Vec<Draft>> {
    state.drafts.list().map_err(io_error)
}

#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, draft: Draft) -> CommandResult<()> {
    state.drafts.save(&draft).map_err(io_error)
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, key: String) -> CommandResult<()> {
    state.drafts.discard(&key).map_err(io_error)
}

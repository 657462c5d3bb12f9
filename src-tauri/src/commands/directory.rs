use enlace::domain::LikelyDuplicate;
use enlace::store::{OrgSummary, PersonSummary};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_organisations(state: State<'_, AppState>) -> CommandResult<Vec<OrgSummary>> {
    Ok(state.store()?.organisations()?)
}

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>) -> CommandResult<Vec<PersonSummary>> {
    Ok(state.store()?.people()?)
}

/// Existing organisations a new name would duplicate (same name once accents, case and
/// articles are set aside).
#[tauri::command(async)]
pub fn organisations_like(state: State<'_, AppState>, name: String) -> CommandResult<Vec<OrgSummary>> {
    Ok(state.store()?.organisations_like(&name)?)
}

#[tauri::command(async)]
pub fn likely_duplicate_organisations(state: State<'_, AppState>) -> CommandResult<Vec<LikelyDuplicate>> {
    Ok(state.store()?.likely_duplicate_organisations()?)
}

#[tauri::command(async)]
pub fn merge_organisations(state: State<'_, AppState>, keep: String, drop: String) -> CommandResult<()> {
    let actor = state.actor()?;
    Ok(state.store()?.merge_organisations(&keep, &drop, &actor)?)
}

use std::sync::Arc;

use enlace::domain::{Activity, ActivityId};
use enlace::interop::form_input::read_form_input;
use enlace::report::WorldMap;
use enlace::store::{AgreementStanding, AuditEntry, Count, DueFollowUp, Filter, Page, Stats, EXPIRING_WITHIN_DAYS};
use enlace::Lang;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;
use crate::undo::{LastUndo, Undo, Undone};

/// One page of activities; `filter.text` searches accent- and case-insensitively.
#[tauri::command(async)]
pub fn list_activities(state: State<'_, AppState>, filter: Filter) -> CommandResult<Page<Activity>> {
    Ok(state.store()?.list(&filter)?)
}

/// Follow-up tasks due within `from..=to` (ISO dates), for the calendar.
#[tauri::command(async)]
pub fn follow_ups_due(state: State<'_, AppState>, from: String, to: String) -> CommandResult<Vec<DueFollowUp>> {
    Ok(state.store()?.follow_ups_due(&from, &to)?)
}

#[tauri::command(async)]
pub fn get_activity(state: State<'_, AppState>, id: ActivityId) -> CommandResult<Activity> {
    state.store()?.get(&id)?.ok_or_else(|| not_found(&id))
}

fn not_found(id: &ActivityId) -> crate::error::CommandError {
    enlace::store::StoreError::NotFound { entity: "actividad", id: id.to_string() }.into()
}

/// Creates or updates an activity; the core validates it and answers every problem per field,
/// including a number or date typed wrong in the form (hence JSON, read by the core).
#[tauri::command(async)]
pub fn save_activity(state: State<'_, AppState>, undo: State<'_, Arc<LastUndo>>, input: serde_json::Value, lang: Lang) -> CommandResult<Activity> {
    let input = read_form_input(input, chrono::Local::now().date_naive(), lang)?;
    let actor = state.actor()?;
    let mut store = state.store()?;
    let before = match input.id.as_deref().and_then(|id| id.parse::<ActivityId>().ok()) {
        Some(id) => store.get(&id)?,
        None => None,
    };
    let saved = store.save_activity(&input, &actor)?;
    undo.set(match before {
        Some(before) => Undo::Updated(Box::new(before.to_input())),
        None => Undo::Created(saved.id, saved.title.clone()),
    });
    Ok(saved)
}

#[tauri::command(async)]
pub fn trash_activity(state: State<'_, AppState>, undo: State<'_, Arc<LastUndo>>, id: ActivityId) -> CommandResult<()> {
    let actor = state.actor()?;
    let mut store = state.store()?;
    let title = store.get(&id)?.ok_or_else(|| not_found(&id))?.title;
    store.trash(&id, &actor)?;
    undo.set(Undo::Trashed(id, title));
    Ok(())
}

#[tauri::command(async)]
pub fn restore_activity(state: State<'_, AppState>, undo: State<'_, Arc<LastUndo>>, id: ActivityId) -> CommandResult<()> {
    let actor = state.actor()?;
    let mut store = state.store()?;
    let title = store.get(&id)?.ok_or_else(|| not_found(&id))?.title;
    store.restore(&id, &actor)?;
    undo.set(Undo::Restored(id, title));
    Ok(())
}

/// Reverses the last create, edit, trash or restore made from the window; `None` if there is
/// nothing to undo.
#[tauri::command(async)]
pub fn undo_last(state: State<'_, AppState>, undo: State<'_, Arc<LastUndo>>) -> CommandResult<Option<Undone>> {
    let actor = state.actor()?;
    let mut store = state.store()?;
    let Some(last) = undo.take() else { return Ok(None) };
    Ok(Some(last.apply(&mut store, &actor)?))
}

#[tauri::command(async)]
pub fn activity_history(state: State<'_, AppState>, id: ActivityId) -> CommandResult<Vec<AuditEntry>> {
    Ok(state.store()?.audit_of(&id.to_string())?)
}

#[tauri::command(async)]
pub fn activity_stats(state: State<'_, AppState>, filter: Filter) -> CommandResult<Stats> {
    Ok(state.store()?.stats(&filter)?)
}

/// The dashboard's world map, shaded as the report's, from the counts by country its
/// `activity_stats` already gave (counting the period twice over 100,000 activities costs).
#[tauri::command]
pub fn world_map(by_country: Vec<Count>) -> WorldMap {
    WorldMap::of(&by_country)
}

/// Agreements in force whose validity ends within the register's warning time of today.
#[tauri::command(async)]
pub fn agreements_expiring(state: State<'_, AppState>) -> CommandResult<Vec<AgreementStanding>> {
    Ok(state.store()?.agreements_expiring(chrono::Local::now().date_naive(), EXPIRING_WITHIN_DAYS)?)
}

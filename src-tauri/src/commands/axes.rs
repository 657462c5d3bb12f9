//! Policy axes and their sets, for Ajustes → Ejes and the activity form.

use enlace::store::{AxisEdit, AxisSet};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Every set with its axes in order, the active set first.
#[tauri::command(async)]
pub fn list_axis_sets(state: State<'_, AppState>) -> CommandResult<Vec<AxisSet>> {
    Ok(state.store()?.axis_sets()?)
}

/// Adds, renames, moves, archives or marks an axis, or adds or activates a set; answers the
/// sets as they now stand.
#[tauri::command(async)]
pub fn edit_axes(state: State<'_, AppState>, edit: AxisEdit) -> CommandResult<Vec<AxisSet>> {
    let actor = state.actor()?;
    let mut store = state.store()?;
    store.edit_axes(&edit, &actor)?;
    Ok(store.axis_sets()?)
}

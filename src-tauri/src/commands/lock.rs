//! The office passphrase from the window: unlocking, locking and changing it. The core opens
//! and re-keys the database; these only hand it the passphrase typed.

use enlace::store::Passphrase;
use tauri::State;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

/// Opens the locked database with the passphrase typed; a wrong one changes nothing.
#[tauri::command(async)]
pub fn unlock(state: State<'_, AppState>, passphrase: String) -> CommandResult<()> {
    let key = Passphrase::new(passphrase).ok_or_else(|| CommandError::new(ErrorCode::Invalid, "Escriba la contraseña de la oficina.", "Enter the office passphrase."))?;
    state.unlock(key)
}

/// Locks the window: the database is closed and its passphrase forgotten until unlocked.
#[tauri::command]
pub fn lock(state: State<'_, AppState>) {
    state.lock();
}

/// Sets, changes or (with an empty `new`) removes the office passphrase. A copy that has one
/// asks for it again first, so an unlocked window left alone cannot have it changed.
#[tauri::command(async)]
pub fn change_passphrase(state: State<'_, AppState>, current: String, new: String) -> CommandResult<()> {
    if state.encrypted() && !state.holds(&current) {
        return Err(CommandError::new(ErrorCode::Locked, "La contraseña actual no es correcta.", "The current passphrase is not correct."));
    }
    let new = if new.is_empty() { None } else { Some(Passphrase::chosen(new)?) };
    state.change_passphrase(new)
}

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::profile::Profile;
use crate::state::AppState;

/// What the window needs to know at start.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    /// `None` on first start: the window then asks for the officer's name and office.
    pub profile: Option<Profile>,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir.display().to_string(),
        profile: state.profile(),
    }
}

#[tauri::command]
pub fn save_profile(state: State<'_, AppState>, profile: Profile) -> CommandResult<()> {
    let problems = profile.problems();
    if !problems.is_empty() {
        return Err(CommandError { fields: problems, ..CommandError::new(ErrorCode::Invalid, "Revise los datos del perfil.", "Check the profile.") });
    }
    state.set_profile(profile).map_err(|e| CommandError::io("No se pudo guardar el perfil", "Could not save the profile", &e))
}

/// The window shows its first screen with data. Only under the startup benchmark
/// (`ENLACE_STARTUP_REPORT=FILE`, in a build with the `e2e` feature) does this do anything: it
/// writes the moment, in milliseconds since the Unix epoch, for `scripts/bench-startup.sh` to
/// compare with the launch time.
#[tauri::command]
pub fn startup_ready() {
    #[cfg(feature = "e2e")]
    if let Some(path) = std::env::var_os("ENLACE_STARTUP_REPORT") {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        // A benchmark that cannot write its figure will say so itself; the app carries on.
        let _ = std::fs::write(path, now.as_millis().to_string());
    }
}

#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>, job: String) -> bool {
    state.jobs.cancel(&job)
}

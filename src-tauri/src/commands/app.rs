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
    /// The database has an office passphrase.
    pub encrypted: bool,
    /// It has one and the window has not been given it: the window shows its lock screen.
    pub locked: bool,
    /// Seconds without a touch after which an encrypted copy's window locks.
    pub lock_after_seconds: u32,
}

/// The idle time before the window locks: the profile's, 15 minutes by default; a build for
/// tests may shorten it with `ENLACE_LOCK_AFTER_SECONDS`.
fn lock_after_seconds(profile: Option<&Profile>) -> u32 {
    #[cfg(feature = "e2e")]
    if let Some(seconds) = std::env::var("ENLACE_LOCK_AFTER_SECONDS").ok().and_then(|s| s.parse().ok()) {
        return seconds;
    }
    profile.and_then(|p| p.lock_after_minutes).unwrap_or(15).saturating_mul(60)
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let profile = state.profile();
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir.display().to_string(),
        lock_after_seconds: lock_after_seconds(profile.as_ref()),
        profile,
        encrypted: state.encrypted(),
        locked: state.locked(),
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

/// "Acerca de Enlace": this build, the data folder, and the licenses of what it ships.
#[tauri::command]
pub fn about(state: State<'_, AppState>) -> enlace::about::About {
    enlace::about::About::gather(env!("CARGO_PKG_VERSION"), env!("ENLACE_BUILD_DATE"), &state.data_dir)
}

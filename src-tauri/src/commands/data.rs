use enlace::store::ImportReport;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::CommandResult;
use crate::jobs::Progress;
use crate::state::AppState;

/// Loads the sample data set, reporting progress on `progress`; `cancel_job(job)` stops it
/// and leaves the database as it was.
#[tauri::command(async)]
pub fn load_sample_data(state: State<'_, AppState>, job: String, progress: Channel<Progress>) -> CommandResult<ImportReport> {
    let actor = state.actor()?;
    let handle = state.jobs.start(&job, progress);
    let mut report = |done, total| handle.report(done, total).is_ok();
    Ok(enlace::interop::sample::load(&mut state.store(), &actor.name, &mut report)?)
}

//! The Enlace desktop shell: resolves the data folder, opens the core's store there and
//! exposes thin commands over the core crate `enlace`.
#![deny(unsafe_code)]

mod commands;
mod dialogs;
mod drafts;
mod error;
mod jobs;
mod profile;
mod state;
mod undo;

use commands::{activities::*, app::*, backups::*, data::*, directory::*, drafts::*, files::*, reference::*, report_text::*, schema::*, spreadsheet::*};
use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let data_dir = state::data_dir(app.handle())?;
            app.manage(state::AppState::open(&data_dir)?);
            commands::backups::start_automatic(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info, save_profile, cancel_job,
            list_drafts, save_draft, discard_draft,
            kind_schemas, validate_activity,
            list_activities, get_activity, save_activity, trash_activity, restore_activity, undo_last,
            activity_history, activity_stats, list_axes,
            list_organisations, organisations_like, likely_duplicate_organisations, merge_organisations,
            load_sample_data, attach_files, attachment_image,
            list_countries, illumination_calendar, import_activities, export_activities,
            open_spreadsheet, choose_sheet, mapping_targets, preview_spreadsheet, plan_spreadsheet_import, import_spreadsheet,
            drafts_from_report_text, list_backups, backup_now, restore_backup, export_archive, import_archive,
        ])
        .run(tauri::generate_context!())
        .expect("Enlace no pudo iniciar");
}

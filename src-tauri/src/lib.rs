//! The Enlace desktop shell: resolves the data folder, opens the core's store there and
//! exposes thin commands over the core crate `enlace`.
#![deny(unsafe_code)]

mod commands;
#[cfg(test)]
mod contract;
mod dialogs;
mod drafts;
mod error;
mod jobs;
mod profile;
mod state;
mod undo;
mod window;

use commands::{
    activities::*, app::*, axes::*, backups::*, data::*, directory::*, drafts::*, files::*, lock::*, opened::*, reference::*, report_text::*, reports::*, schema::*,
    spreadsheet::*, sync::*,
};
use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        // Managed before anything runs: a second launch may hand over a file at any moment.
        .manage(OpenedFiles::default())
        // First, so a second launch hands its file to this one and leaves before opening anything.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            commands::opened::receive(app, args.into_iter().map(Into::into), std::path::Path::new(&cwd));
            commands::opened::focus(app);
        }))
        .setup(|app| {
            let data_dir = state::data_dir(app.handle())?;
            if let Some(main) = app.get_webview_window("main") {
                window::remember(&main, &data_dir)?;
            }
            let state = state::AppState::open(&data_dir)?;
            app.manage(state.scoped(undo::LastUndo::default()));
            app.manage(state.scoped(SheetImport::default()));
            app.manage(state.scoped(PendingBundle::default()));
            app.manage(state);
            app.manage(SavedFiles::default());
            commands::opened::receive(app.handle(), std::env::args_os(), &std::env::current_dir()?);
            commands::backups::start_automatic(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info, about, startup_ready, save_profile, cancel_job, unlock, lock, change_passphrase,
            list_drafts, save_draft, discard_draft,
            kind_schemas, validate_activity, read_date,
            list_activities, follow_ups_due, get_activity, save_activity, trash_activity, restore_activity, undo_last,
            activity_history, activity_stats, world_map, agreements_expiring, list_axis_sets, edit_axes,
            list_organisations, list_people, organisations_like, likely_duplicate_organisations, merge_organisations,
            load_sample_data, attach_files, attachment_image, open_attachment, mark_attachment,
            list_countries, list_currencies, illumination_calendar, import_activities, export_activities,
            save_period_report, save_brief, save_country_brief, save_partner_dossier, save_register, open_saved_pdf, list_report_definitions, save_report_definition, list_generated_reports,
            sync_status, create_identity, save_public_identity, add_peer, add_peer_file, export_bundle, preview_bundle, import_bundle, list_conflicts, resolve_conflict,
            open_spreadsheet, choose_sheet, mapping_targets, preview_spreadsheet, plan_spreadsheet_import, import_spreadsheet,
            drafts_from_report_text, list_backups, backup_now, restore_backup, export_archive, import_archive,
            take_opened_file,
        ])
        .run(tauri::generate_context!())
        .expect("Enlace no pudo iniciar");
}

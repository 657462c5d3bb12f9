/// Every command the window may call. tauri-build turns each into an `allow-…` permission;
/// `capabilities/main.json` grants them to the main window and nothing else is reachable.
const COMMANDS: &[&str] = &[
    "app_info", "about", "startup_ready", "save_profile", "cancel_job",
    "list_drafts", "save_draft", "discard_draft",
    "kind_schemas", "validate_activity", "unlock", "lock", "change_passphrase", "read_date",
    "list_activities", "follow_ups_due", "get_activity", "save_activity", "trash_activity", "restore_activity", "undo_last",
    "activity_history", "activity_stats", "world_map", "agreements_expiring", "list_axis_sets", "edit_axes",
    "list_organisations", "list_people", "organisations_like", "likely_duplicate_organisations", "merge_organisations",
    "load_sample_data", "attach_files", "attachment_image", "open_attachment", "mark_attachment",
    "list_countries", "list_currencies", "illumination_calendar", "import_activities", "export_activities",
    "save_period_report", "save_brief", "save_country_brief", "save_partner_dossier", "save_register", "open_saved_pdf", "list_report_definitions", "save_report_definition", "list_generated_reports",
    "sync_status", "create_identity", "save_public_identity", "add_peer", "add_peer_file", "export_bundle", "preview_bundle", "import_bundle", "list_conflicts", "resolve_conflict",
    "open_spreadsheet", "choose_sheet", "mapping_targets", "preview_spreadsheet", "plan_spreadsheet_import", "import_spreadsheet",
    "drafts_from_report_text", "list_backups", "backup_now", "restore_backup", "export_archive", "import_archive",
    "take_opened_file",
];

/// The day of this build, shown in "Acerca de Enlace": `SOURCE_DATE_EPOCH` when set (a
/// reproducible package), else today. Set when the build script runs, which tauri-build asks for
/// whenever the app's configuration or capabilities change.
fn build_date() -> String {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse().ok());
    let when = epoch.and_then(|secs| chrono::DateTime::from_timestamp(secs, 0)).unwrap_or_else(chrono::Utc::now);
    when.format("%Y-%m-%d").to_string()
}

fn main() {
    println!("cargo:rustc-env=ENLACE_BUILD_DATE={}", build_date());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)))
        .expect("tauri build step failed");
}

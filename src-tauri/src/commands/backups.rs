//! Backups from the window: automatic snapshots (at start and daily while the app is open),
//! a snapshot on demand, restoring one, and whole-copy archives for moving to a new laptop.
//! Snapshots live in `enlace.db.snapshots/` in the data folder; the core keeps 7 daily and
//! 4 weekly automatic ones (manual ones and those taken before a restore are never pruned),
//! takes a snapshot of the current state before any restore and writes each restore, with
//! the officer's name, into the restored database's audit trail.

use std::path::PathBuf;
use std::time::Duration;

use enlace::store::backup::{self, Retention, RestoreReport, SnapshotInfo, SnapshotKind};
use enlace::job::Progress as StoreProgress;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::dialogs::{self, Filter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Progress;
use crate::state::AppState;

const ARCHIVES: &[Filter] = &[Filter { name: "Archivo completo de Enlace (ZIP)", extensions: &["zip"] }];

/// How often an open window takes its automatic snapshot.
const DAILY: chrono::TimeDelta = chrono::TimeDelta::hours(24);
/// How often the app looks whether the daily snapshot is due.
const CHECK_EVERY: Duration = Duration::from_secs(15 * 60);

fn snapshots_dir(state: &AppState) -> PathBuf {
    backup::default_snapshots_dir(&state.db_path())
}

/// A snapshot now, then the retention rule.
fn take(state: &AppState, kind: SnapshotKind) -> CommandResult<SnapshotInfo> {
    let dir = snapshots_dir(state);
    let taken = backup::snapshot(&*state.store()?, &dir, kind)?;
    backup::prune_snapshots(&dir, Retention::default())?;
    Ok(taken)
}

/// Whether a day has passed since the newest snapshot (or there is none).
fn daily_due(state: &AppState, now: chrono::DateTime<chrono::Utc>) -> CommandResult<bool> {
    Ok(backup::list_snapshots(&snapshots_dir(state))?.first().is_none_or(|s| now - s.manifest.created_at >= DAILY))
}

/// Starts the automatic snapshots on a thread of their own, so the window appears without
/// waiting: one at start, then one whenever a day has passed since the newest.
pub fn start_automatic<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        if let Err(e) = take(&state, SnapshotKind::Automatic) {
            eprintln!("Enlace: no se pudo tomar el respaldo automático: {}", e.message.es);
        }
        loop {
            std::thread::sleep(CHECK_EVERY);
            match daily_due(&state, chrono::Utc::now()) {
                Ok(true) => {
                    if let Err(e) = take(&state, SnapshotKind::Automatic) {
                        eprintln!("Enlace: no se pudo tomar el respaldo automático: {}", e.message.es);
                    }
                }
                Ok(false) => {}
                Err(e) => eprintln!("Enlace: no se pudieron leer los respaldos: {}", e.message.es),
            }
        }
    });
}

/// The snapshots kept, newest first.
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<SnapshotInfo>> {
    Ok(backup::list_snapshots(&snapshots_dir(&state))?)
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> CommandResult<SnapshotInfo> {
    take(&state, SnapshotKind::Manual)
}

/// Restores the snapshot called `name` (one of [`list_backups`]); the current state is kept
/// as a snapshot first.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, name: String) -> CommandResult<RestoreReport> {
    restore(&state, &name)
}

fn restore(state: &AppState, name: &str) -> CommandResult<RestoreReport> {
    let dir = snapshots_dir(state);
    // Only a listed snapshot: the name never becomes a path of the window's choosing.
    let chosen = backup::list_snapshots(&dir)?
        .into_iter()
        .find(|s| s.name == name)
        .ok_or_else(|| CommandError::new(ErrorCode::NotFound, format!("No existe el respaldo «{name}»."), format!("There is no backup «{name}».")))?;
    let actor = state.actor()?;
    state.with_database_closed(|db| Ok(backup::restore(db, None, &chosen.path, &dir, &actor)?))
}

/// Writes the whole copy (database and attachments) into one ZIP file the person picks.
#[tauri::command]
pub async fn export_archive(app: AppHandle, state: State<'_, AppState>, job: String, progress: Channel<Progress>) -> CommandResult<Option<String>> {
    let name = format!("enlace-{}.zip", chrono::Local::now().format("%Y-%m-%d"));
    let Some(path) = dialogs::pick_save_path(&app, "Guardar archivo completo", &name, ARCHIVES).await else {
        return Ok(None);
    };
    let handle = state.jobs.start(&job, progress);
    backup::export_archive(&*state.store()?, &path, &mut |done, total| handle.report(done, total).is_ok())?;
    Ok(Some(path.display().to_string()))
}

/// Replaces this copy with the one inside an archive the person picks (moving from another
/// laptop); the current state is kept as a snapshot first. `None` when the dialog is cancelled.
#[tauri::command]
pub async fn import_archive(app: AppHandle, state: State<'_, AppState>, job: String, progress: Channel<Progress>) -> CommandResult<Option<RestoreReport>> {
    let Some(path) = dialogs::pick_files(&app, "Abrir archivo completo", ARCHIVES).await.into_iter().next() else {
        return Ok(None);
    };
    let handle = state.jobs.start(&job, progress);
    replace_from_archive(&state, &path, &mut |done, total| handle.report(done, total).is_ok()).map(Some)
}

fn replace_from_archive(state: &AppState, archive: &std::path::Path, progress: StoreProgress) -> CommandResult<RestoreReport> {
    let dir = snapshots_dir(state);
    let actor = state.actor()?;
    state.with_database_closed(|db| Ok(backup::restore_archive(archive, db, None, &dir, &actor, progress)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;
    use enlace::domain::ActivityInput;
    use enlace::store::{Actor, Filter, Origin, WHOLE_DATABASE};
    use sha2::{Digest, Sha256};

    /// The app's state in `dir`, with the officer who restores.
    fn opened(dir: &std::path::Path) -> AppState {
        let state = AppState::open(dir).unwrap();
        state.set_profile(Profile { officer: "Luis Pérez".into(), office: "CGAI".into(), locale: "es-MX".into(), lock_after_minutes: None }).unwrap();
        state
    }

    fn add(state: &AppState, title: &str) {
        let input = ActivityInput { kind: "meeting".into(), title: title.into(), start_date: "2021-07-27".into(), ..Default::default() };
        state.store().unwrap().save_activity(&input, &Actor::new("Ana", Origin::App)).unwrap();
    }

    fn titles(state: &AppState) -> Vec<String> {
        state.store().unwrap().list(&Filter::default()).unwrap().items.into_iter().map(|a| a.title).collect()
    }

    #[test]
    fn a_restore_swaps_the_open_database_and_keeps_the_state_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let state = opened(dir.path());
        assert!(daily_due(&state, chrono::Utc::now()).unwrap(), "no snapshot yet");
        add(&state, "Reunión con la Embajada de Perú");
        let first = take(&state, SnapshotKind::Manual).unwrap();
        assert!(!daily_due(&state, chrono::Utc::now()).unwrap());
        assert!(daily_due(&state, chrono::Utc::now() + DAILY).unwrap());
        add(&state, "Visita técnica al C5");

        let report = restore(&state, &first.name).unwrap();
        assert_eq!(report.activities, 1);
        assert_eq!(report.safety_copy.manifest.activities, Some(2));
        assert_eq!(titles(&state), ["Reunión con la Embajada de Perú"], "the reopened store reads the restored file");
        let restored = state.store().unwrap().audit_of(WHOLE_DATABASE).unwrap();
        assert_eq!(restored.iter().map(|e| (e.action.as_str(), e.actor.as_str())).collect::<Vec<_>>(), [("restore", "Luis Pérez")]);
        add(&state, "Después de restaurar");
        assert_eq!(titles(&state).len(), 2, "and writes to it");
        let listed = backup::list_snapshots(&snapshots_dir(&state)).unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(|s| s.bytes > 0));

        let err = restore(&state, "../../etc").unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
    }

    #[test]
    fn an_archive_from_another_laptop_replaces_this_copy() {
        let dir = tempfile::tempdir().unwrap();
        let old = opened(&dir.path().join("old"));
        add(&old, "Convenio con Lima");
        let archive = dir.path().join("mudanza.zip");
        backup::export_archive(&old.store().unwrap(), &archive, &mut |_, _| true).unwrap();

        let new = opened(&dir.path().join("new"));
        add(&new, "Prueba");
        let report = replace_from_archive(&new, &archive, &mut |_, _| true).unwrap();
        assert_eq!(report.activities, 1);
        assert_eq!(titles(&new), ["Convenio con Lima"]);
        assert_eq!(report.safety_copy.manifest.activities, Some(1));
        assert_eq!(new.store().unwrap().audit_of(WHOLE_DATABASE).unwrap().len(), 1, "the restore is in the audit trail");
    }

    #[test]
    fn a_snapshot_that_cannot_be_opened_leaves_the_app_on_the_previous_database() {
        let dir = tempfile::tempdir().unwrap();
        let state = opened(dir.path());
        add(&state, "Reunión con la Embajada de Perú");
        let taken = take(&state, SnapshotKind::Manual).unwrap();
        add(&state, "Visita técnica al C5");
        // The snapshot's database is damaged after it was taken, and its manifest vouches for
        // the damaged bytes, so only opening it tells.
        let copy = taken.path.join("enlace.db");
        let mut bytes = std::fs::read(&copy).unwrap();
        bytes[100..4096].fill(0xA5);
        std::fs::write(&copy, &bytes).unwrap();
        let manifest = taken.path.join("manifest.json");
        let vouched = std::fs::read_to_string(&manifest).unwrap().replace(&taken.manifest.sha256, &hex::encode(Sha256::digest(&bytes)));
        std::fs::write(&manifest, vouched).unwrap();

        let err = restore(&state, &taken.name).unwrap_err();
        assert!(err.message.es.contains("la base anterior quedó en su lugar"), "{}", err.message.es);
        let mut kept = titles(&state);
        kept.sort();
        assert_eq!(kept, ["Reunión con la Embajada de Perú", "Visita técnica al C5"], "still the previous records");
        assert!(state.store().unwrap().audit_of(WHOLE_DATABASE).unwrap().is_empty(), "nothing was restored");
        add(&state, "Después del intento");
        assert_eq!(titles(&state).len(), 3, "and the app writes to them");
    }

    #[test]
    fn a_database_that_does_not_open_again_stops_the_app_until_it_does() {
        let dir = tempfile::tempdir().unwrap();
        let state = opened(dir.path());
        add(&state, "Reunión con la Embajada de Perú");
        let db = state.db_path();
        let aside = dir.path().join("aparte.db");
        // The file is taken away and a folder stands in its place: SQLite cannot open it.
        let err = state
            .with_database_closed(|db| {
                std::fs::rename(db, &aside).unwrap();
                std::fs::create_dir(db).unwrap();
                Ok(())
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Storage);
        assert!(err.message.es.starts_with("No se pudo abrir la base de datos"), "{}", err.message.es);
        let refused = state.store().err().expect("no command runs without the database");
        assert!(refused.message.en.contains("could not be opened"), "{}", refused.message.en);

        std::fs::remove_dir(&db).unwrap();
        std::fs::rename(&aside, &db).unwrap();
        assert_eq!(titles(&state), ["Reunión con la Embajada de Perú"], "back on the database as soon as it opens");
    }
}

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use enlace::domain::Activity;
use enlace::interop::export;
use enlace::interop::ics::{to_ics, IcsOptions};
use enlace::Lang;
use enlace::job::Progress as StoreProgress;
use enlace::store::{Filter, ImportReport};
use serde::Deserialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::dialogs::{self, Filter as FileFilter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Progress;
use crate::state::AppState;

const JSONL: &[FileFilter] = &[FileFilter { name: "Actividades (JSON Lines)", extensions: &["jsonl"] }];

/// Loads the sample data set, reporting progress on `progress`; `cancel_job(job)` stops it
/// and leaves the database as it was.
#[tauri::command(async)]
pub fn load_sample_data(state: State<'_, AppState>, job: String, progress: Channel<Progress>) -> CommandResult<ImportReport> {
    let actor = state.actor()?;
    let handle = state.jobs.start(&job, progress);
    let mut report = |done, total| handle.report(done, total).is_ok();
    Ok(enlace::interop::sample::load(&mut *state.store()?, &actor.name, &mut report)?)
}

/// Imports an interchange file the person picks: all of it or, if any line is wrong, nothing.
/// `None` when the dialog is cancelled.
#[tauri::command]
pub async fn import_activities(
    app: AppHandle,
    state: State<'_, AppState>,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<ImportReport>> {
    let Some(path) = dialogs::pick_files(&app, "Importar actividades", JSONL).await.into_iter().next() else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| CommandError::io("No se pudo leer el archivo", "Could not read the file", &e))?;
    let items = enlace::interop::interchange::parse(&text).map_err(enlace::store::ImportError::Invalid)?;
    let mut actor = state.actor()?;
    actor.origin = enlace::store::Origin::Import;
    let handle = state.jobs.start(&job, progress);
    let mut report = |done, total| handle.report(done, total).is_ok();
    Ok(Some(state.store()?.import(&items, &actor, false, &mut report)?))
}

/// The file formats the activity list is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Xlsx,
    Ics,
}

impl ExportFormat {
    /// The file's extension and how the save dialog names the type.
    fn file_type(self) -> FileFilter {
        let (name, extensions): (_, &'static [&'static str]) = match self {
            ExportFormat::Jsonl => ("Actividades (JSON Lines)", &["jsonl"]),
            ExportFormat::Csv => ("Valores separados por comas (CSV)", &["csv"]),
            ExportFormat::Xlsx => ("Libro de Excel", &["xlsx"]),
            ExportFormat::Ics => ("Calendario (iCalendar)", &["ics"]),
        };
        FileFilter { name, extensions }
    }
}

/// Writes the activities matching `filter` (every page of it) to a file the person picks, in
/// `format` and with headers and labels in `lang`; returns where, or `None` when the dialog is
/// cancelled. Progress is reported on `progress`; `cancel_job(job)` stops it and no file is left.
#[tauri::command]
pub async fn export_activities(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: Filter,
    format: ExportFormat,
    lang: Lang,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<String>> {
    let activities = state.store()?.list(&Filter { limit: None, offset: 0, ..filter })?.items;
    if activities.is_empty() {
        return Err(CommandError::new(ErrorCode::NotFound, "No hay actividades que exportar.", "There are no activities to export."));
    }
    let file_type = format.file_type();
    let name = format!("{}.{}", lang.pick("actividades", "activities"), file_type.extensions[0]);
    let Some(path) = dialogs::pick_save_path(&app, lang.pick("Exportar actividades", "Export activities"), &name, &[file_type]).await else {
        return Ok(None);
    };
    let handle = state.jobs.start(&job, progress);
    let written = write_export(&activities, format, lang, &path, &mut |done, total| handle.report(done, total).is_ok());
    if written.is_err() {
        let _ = std::fs::remove_file(&path);
    }
    written?;
    Ok(Some(path.display().to_string()))
}

/// One export to a file, by the core's writer of that format.
fn write_export(activities: &[Activity], format: ExportFormat, lang: Lang, path: &Path, progress: StoreProgress) -> CommandResult<()> {
    let io_error = |e: std::io::Error| CommandError::io("No se pudo escribir el archivo", "Could not write the file", &e);
    match format {
        ExportFormat::Xlsx => Ok(export::xlsx::write_xlsx(activities, lang, path, progress)?),
        ExportFormat::Ics => {
            let options = IcsOptions { lang, ..IcsOptions::default() };
            let text = to_ics(activities, &options, progress)?;
            std::fs::write(path, text).map_err(io_error)
        }
        ExportFormat::Csv | ExportFormat::Jsonl => {
            let mut file = BufWriter::new(File::create(path).map_err(io_error)?);
            if format == ExportFormat::Csv {
                export::csv::write_csv(activities, lang, &mut file, progress)?;
            } else {
                progress(0, 1);
                enlace::interop::interchange::write_jsonl(activities, &mut file).map_err(io_error)?;
                progress(1, 1);
            }
            file.flush().map_err(io_error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enlace::domain::ActivityInput;
    use enlace::store::{Actor, Origin, Store};

    fn activities() -> Vec<Activity> {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Ana", Origin::App);
        for (kind, title, date) in [("meeting", "Reunión con la Embajada de Perú", "2021-07-27"), ("training", "Curso de contratación abierta", "2021-10-04")] {
            store.save_activity(&ActivityInput { kind: kind.into(), title: title.into(), start_date: date.into(), ..Default::default() }, &actor).unwrap();
        }
        store.list(&Filter::default()).unwrap().items
    }

    #[test]
    fn each_format_writes_its_file_in_the_chosen_language() {
        let dir = tempfile::tempdir().unwrap();
        let list = activities();
        for format in [ExportFormat::Jsonl, ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Ics] {
            let path = dir.path().join(format!("out.{}", format.file_type().extensions[0]));
            let mut steps = 0;
            write_export(&list, format, Lang::En, &path, &mut |_, _| {
                steps += 1;
                true
            })
            .unwrap();
            assert!(steps > 0, "{format:?} reports progress");
            assert!(std::fs::metadata(&path).unwrap().len() > 0, "{format:?}");
        }
        let csv = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
        assert!(csv.contains("Title") && csv.contains("Reunión con la Embajada de Perú"), "English headers: {csv}");
        assert!(std::fs::read_to_string(dir.path().join("out.ics")).unwrap().contains("BEGIN:VEVENT"));
    }

    #[test]
    fn a_cancelled_export_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_export(&activities(), ExportFormat::Xlsx, Lang::Es, &dir.path().join("x.xlsx"), &mut |_, _| false).unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled);
    }
}

//! Spreadsheet import in steps: open a CSV or workbook (native dialog), adjust the mapping
//! Enlace proposes while a preview shows the first rows as they will be read, run the dry run,
//! then write the planned lines in one transaction. The file and the last dry run stay here
//! between steps, so the window never names a path and what is written is what was shown.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use enlace::interop::import_plan::{plan_import, ImportPlan};
use enlace::interop::spreadsheet::mapping::TargetChoice;
use enlace::interop::spreadsheet::{self, ColumnReason, Mapping, RowDraft, Table, Target};
use enlace::job::Progress as StoreProgress;
use enlace::store::{ImportReport, Origin};
use enlace::Text;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::dialogs::{self, Filter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Progress;
use crate::state::{AppState, DatabaseCache};

const SPREADSHEETS: &[Filter] = &[Filter { name: "Hojas de cálculo (CSV, Excel, OpenDocument)", extensions: enlace::opening::SPREADSHEET_EXTENSIONS }];

/// How many rows the preview reads.
const PREVIEW_ROWS: usize = 8;

/// The file being imported and, once run, its dry run.
struct PendingSheet {
    path: PathBuf,
    table: Table,
    plan: Option<ImportPlan>,
}

/// The spreadsheet the person opened and is mapping, until it is imported or replaced. Its dry
/// run compares with the open database, so a restore forgets it.
#[derive(Default)]
pub struct SheetImport(Mutex<Option<PendingSheet>>);

impl SheetImport {
    fn lock(&self) -> MutexGuard<'_, Option<PendingSheet>> {
        self.0.lock().expect("sheet lock")
    }
}

impl DatabaseCache for SheetImport {
    fn forget(&self) {
        *self.lock() = None;
    }
}

/// An opened sheet as the mapping step shows it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct SheetView {
    pub file_name: String,
    /// A workbook's sheets to choose from; empty for a CSV.
    pub sheets: Vec<String>,
    /// The sheet read (`None`: the first, or a CSV).
    pub sheet: Option<String>,
    /// How the file was read ("UTF-8, delimitador «;»", "hoja «2021»").
    pub read_as: Text,
    pub headers: Vec<String>,
    /// The first value found in each column, to recognise it by.
    pub samples: Vec<String>,
    pub rows: usize,
    /// The mapping Enlace proposes from the headers and the values under them.
    pub mapping: Mapping,
    /// Why each column was given its field, in column order.
    pub reasons: Vec<ColumnReason>,
}

fn view(pending: &PendingSheet, sheets: Vec<String>, sheet: Option<String>) -> SheetView {
    let table = &pending.table;
    let samples = (0..table.headers.len())
        .map(|c| table.rows.iter().find_map(|r| r.cells.get(c).and_then(|cell| cell.text())).unwrap_or_default())
        .collect();
    let proposal = Mapping::propose_for(table);
    SheetView {
        file_name: pending.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        sheets,
        sheet,
        read_as: table.read_as.clone(),
        headers: table.headers.clone(),
        samples,
        rows: table.rows.len(),
        mapping: proposal.mapping,
        reasons: proposal.reasons,
    }
}

fn read(sheets_open: &SheetImport, path: PathBuf, sheet: Option<String>) -> CommandResult<SheetView> {
    let sheets = spreadsheet::sheet_names(&path)?;
    let table = spreadsheet::read_table(&path, sheet.as_deref())?;
    let pending = PendingSheet { path, table, plan: None };
    let shown = view(&pending, sheets, sheet);
    *sheets_open.lock() = Some(pending);
    Ok(shown)
}

fn no_file() -> CommandError {
    CommandError::new(ErrorCode::NotFound, "Primero abra una hoja de cálculo.", "Open a spreadsheet first.")
}

/// Reads the first sheet of a CSV or workbook, dropped on the window or chosen in the dialog;
/// `None` when the dialog is cancelled.
#[tauri::command]
pub async fn open_spreadsheet(app: AppHandle, sheet: State<'_, Arc<SheetImport>>, dropped: Option<Vec<PathBuf>>) -> CommandResult<Option<SheetView>> {
    let Some(path) = dialogs::dropped_or_picked(&app, dropped, "Importar hoja de cálculo", SPREADSHEETS).await?.into_iter().next() else {
        return Ok(None);
    };
    read(&sheet, path, None).map(Some)
}

/// Reads another sheet of the open workbook.
#[tauri::command(async)]
pub fn choose_sheet(open: State<'_, Arc<SheetImport>>, sheet: String) -> CommandResult<SheetView> {
    let path = open.lock().as_ref().map(|p| p.path.clone()).ok_or_else(no_file)?;
    read(&open, path, Some(sheet))
}

/// Every field a column can feed, for the mapping's choices.
#[tauri::command]
pub fn mapping_targets() -> Vec<TargetChoice> {
    Target::choices()
}

/// The first rows as `mapping` reads them. A changed mapping makes the last dry run stale.
#[tauri::command(async)]
pub fn preview_spreadsheet(sheet: State<'_, Arc<SheetImport>>, mapping: Mapping) -> CommandResult<Vec<RowDraft>> {
    preview(&sheet, &mapping)
}

/// The dry run: every row read with `mapping` and compared with the database. Nothing is
/// written; the plan is kept for [`import_spreadsheet`].
#[tauri::command(async)]
pub fn plan_spreadsheet_import(
    state: State<'_, AppState>,
    sheet: State<'_, Arc<SheetImport>>,
    mapping: Mapping,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<ImportPlan> {
    let handle = state.jobs.start(&job, progress);
    plan(&state, &sheet, &mapping, &mut |done, total| handle.report(done, total).is_ok())
}

/// Writes the lines of the last dry run in one transaction: new and updated records, and the
/// likely duplicates only with `with_duplicates`. Refused while any line has an error.
#[tauri::command(async)]
pub fn import_spreadsheet(
    state: State<'_, AppState>,
    sheet: State<'_, Arc<SheetImport>>,
    with_duplicates: bool,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<ImportReport> {
    let handle = state.jobs.start(&job, progress);
    import(&state, &sheet, with_duplicates, &mut |done, total| handle.report(done, total).is_ok())
}

fn preview(sheet: &SheetImport, mapping: &Mapping) -> CommandResult<Vec<RowDraft>> {
    let mut pending = sheet.lock();
    let pending = pending.as_mut().ok_or_else(no_file)?;
    pending.plan = None;
    Ok(spreadsheet::preview(&pending.table, mapping, PREVIEW_ROWS)?)
}

fn plan(state: &AppState, sheet: &SheetImport, mapping: &Mapping, progress: StoreProgress) -> CommandResult<ImportPlan> {
    let store = state.store()?;
    let mut pending = sheet.lock();
    let pending = pending.as_mut().ok_or_else(no_file)?;
    let drafts = spreadsheet::read_rows(&pending.table, mapping, progress)?;
    let plan = plan_import(&store, &drafts)?;
    pending.plan = Some(plan.clone());
    Ok(plan)
}

fn import(state: &AppState, sheet: &SheetImport, with_duplicates: bool, progress: StoreProgress) -> CommandResult<ImportReport> {
    let mut actor = state.actor()?;
    actor.origin = Origin::Import;
    let mut store = state.store()?;
    let mut pending = sheet.lock();
    let plan = pending.as_ref().and_then(|p| p.plan.as_ref()).ok_or_else(|| {
        CommandError::new(ErrorCode::Invalid, "Revise la simulación de la importación antes de confirmarla.", "Run the dry run before confirming the import.")
    })?;
    if plan.has_errors() {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Hay líneas con errores; corríjalas en el archivo o en el mapeo. No se escribió nada.",
            "Some lines have errors; fix them in the file or the mapping. Nothing was written.",
        ));
    }
    let report = store.import(&plan.to_import(with_duplicates), &actor, false, progress)?;
    *pending = None;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;
    use enlace::store::Filter;

    const CSV: &str = "Fecha;Tipo;Título;País;Notas\n27/07/2021;Reunión;Reunión con la Embajada de Perú;Perú;x\n28/07/2021;Reunión;Visita al C5;Atlántida;y\n";

    fn opened(dir: &std::path::Path, csv: &str) -> (AppState, Arc<SheetImport>, Mapping) {
        let state = AppState::open(&dir.join("data")).unwrap();
        let sheet = state.scoped(SheetImport::default());
        state.set_profile(Profile { officer: "Ana López".into(), office: "CGAI".into(), locale: "es-MX".into(), lock_after_minutes: None }).unwrap();
        let path = dir.join("agenda.csv");
        std::fs::write(&path, csv).unwrap();
        let shown = read(&sheet, path, None).unwrap();
        assert_eq!((shown.file_name.as_str(), shown.rows), ("agenda.csv", 2));
        assert_eq!(shown.headers, ["Fecha", "Tipo", "Título", "País", "Notas"]);
        assert_eq!(shown.samples[2], "Reunión con la Embajada de Perú");
        assert_eq!(shown.mapping.columns["Notas"], Target::Ignore);
        (state, sheet, shown.mapping)
    }

    fn all(_: u64, _: u64) -> bool {
        true
    }

    #[test]
    fn a_mapping_change_shows_in_the_preview_and_makes_the_dry_run_stale() {
        let dir = tempfile::tempdir().unwrap();
        let (state, sheet, mut mapping) = opened(dir.path(), CSV);
        assert_eq!(preview(&sheet, &mapping).unwrap()[0].input.summary, None);
        plan(&state, &sheet, &mapping, &mut all).unwrap();

        mapping.columns.insert("Notas".into(), Target::Summary);
        assert_eq!(preview(&sheet, &mapping).unwrap()[0].input.summary.as_deref(), Some("x"));
        let err = import(&state, &sheet, false, &mut all).unwrap_err();
        assert!(err.message.es.contains("simulación"), "{}", err.message.es);
    }

    #[test]
    fn nothing_is_written_while_a_line_has_an_error_then_all_in_one_go() {
        let dir = tempfile::tempdir().unwrap();
        let (state, sheet, mapping) = opened(dir.path(), CSV);
        let planned = plan(&state, &sheet, &mapping, &mut all).unwrap();
        let json = serde_json::to_value(&planned).unwrap();
        assert_eq!(json["lines"][0]["action"], "create");
        assert_eq!(json["lines"][1]["action"], "error");
        let error = &json["lines"][1]["errors"][0];
        assert_eq!((error["line"].as_u64(), error["column"].as_u64(), error["header"].as_str()), (Some(3), Some(4), Some("País")));
        assert_eq!(import(&state, &sheet, false, &mut all).unwrap_err().code, ErrorCode::Invalid);
        assert_eq!(state.store().unwrap().list(&Filter::default()).unwrap().total, 0);

        let (state, sheet, mapping) = opened(dir.path(), &CSV.replace("Atlántida", "Chile"));
        plan(&state, &sheet, &mapping, &mut all).unwrap();
        let report = import(&state, &sheet, false, &mut all).unwrap();
        assert_eq!(report.created, 2);
        assert!(sheet.lock().is_none(), "the import is done with the file");
        let written = state.store().unwrap().list(&Filter::default()).unwrap().items;
        assert!(written.iter().all(|a| a.meta.created_by == "Ana López"));
    }

    #[test]
    fn replacing_the_database_forgets_the_dry_run_made_against_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let (state, sheet, mapping) = opened(dir.path(), &CSV.replace("Atlántida", "Chile"));
        plan(&state, &sheet, &mapping, &mut all).unwrap();
        state.with_database_closed(|_| Ok(())).unwrap();
        let err = import(&state, &sheet, false, &mut all).unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid, "the plan compared with a database that is gone");
        assert_eq!(state.store().unwrap().list(&Filter::default()).unwrap().total, 0);
    }
}

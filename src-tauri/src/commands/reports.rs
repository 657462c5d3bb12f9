//! PDF and Word documents: the period report, an activity's brief and a country brief. The
//! core declares and renders them; here they are read from the store, rendered with progress,
//! written where the person chooses with the save dialog and, on request, opened with the
//! system's viewer — only files written this way, in this session. The period report is
//! asked for as a [`ReportDefinition`] (saved ones are listed and saved here too), and every
//! one saved is recorded in the report history with its SHA-256.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{NaiveDate, Utc};
use enlace::domain::ActivityId;
use enlace::report::{self, Document, Format, Paper, ReportDefinition};
use enlace::store::GeneratedReport;
use enlace::Lang;
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::dialogs::{self, Filter};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::jobs::Progress;
use crate::state::AppState;

const PDF: &[Filter] = &[Filter { name: "Documento PDF", extensions: &["pdf"] }];
const DOCX: &[Filter] = &[Filter { name: "Documento de Word", extensions: &["docx"] }];

/// A country brief: the country (ISO alpha-2) and the period.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CountryBriefOptions {
    pub country: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lang: Lang,
    pub paper: Paper,
}

/// A partner's dossier: the organisation or city by its name (or id), over all years unless a
/// period is given.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PartnerDossierOptions {
    pub partner: String,
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    pub lang: Lang,
    pub paper: Paper,
}

/// A document (PDF or Word) written where the person chose.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SavedPdf {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The files this session saved: the only ones `open_saved_pdf` opens.
#[derive(Default)]
pub struct SavedFiles(Mutex<Vec<PathBuf>>);

impl SavedFiles {
    fn remember(&self, path: &Path) {
        self.0.lock().expect("saved files lock").push(path.to_path_buf());
    }

    /// The saved file whose path the window sends back, if this session saved it.
    fn find(&self, path: &str) -> Option<PathBuf> {
        self.0.lock().expect("saved files lock").iter().find(|p| p.as_os_str() == path).cloned()
    }
}

/// The office named on the documents: the one given at first start.
fn office(state: &AppState) -> String {
    state.profile().map(|p| p.office).unwrap_or_default()
}

/// Renders with progress on the window's job; `cancel_job` stops it before anything is written.
fn render_on_job(state: &AppState, job: &str, progress: Channel<Progress>, doc: &Document, format: Format) -> CommandResult<Vec<u8>> {
    let handle = state.jobs.start(job, progress);
    Ok(format.render_with_progress(doc, &mut |done, total| handle.report(done, total).is_ok())?)
}

/// Asks where to save the rendered document (proposing `file_name` with the format's
/// extension) and writes it there. `None` when the dialog is cancelled.
async fn save(app: &AppHandle, saved: &SavedFiles, file: &[u8], file_name: &str, format: Format) -> CommandResult<Option<SavedPdf>> {
    let (title, filter) = match format {
        Format::Pdf => ("Guardar PDF", PDF),
        Format::Docx => ("Guardar documento de Word", DOCX),
    };
    let Some(path) = dialogs::pick_save_path(app, title, &format.file_name(file_name), filter).await else {
        return Ok(None);
    };
    std::fs::write(&path, file).map_err(|e| CommandError::io("No se pudo guardar el documento", "Could not save the document", &e))?;
    saved.remember(&path);
    Ok(Some(SavedPdf { path: path.display().to_string(), bytes: file.len() as u64 }))
}

/// The period report: refused at once for a backward or empty period; otherwise rendered with
/// progress on `progress`, then saved where the person chooses (`None`: dialog cancelled) and
/// recorded in the report history. `options.name` names the saved definition used, if any;
/// `format` is PDF unless Word is asked for.
#[tauri::command]
pub async fn save_period_report(
    app: AppHandle,
    state: State<'_, AppState>,
    saved: State<'_, SavedFiles>,
    options: ReportDefinition,
    format: Option<Format>,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<SavedPdf>> {
    let format = format.unwrap_or_default();
    let actor = state.actor()?;
    let request = options.request(office(&state), Utc::now());
    let doc = report::period_report(&*state.store()?, &request)?;
    let file = render_on_job(&state, &job, progress, &doc, format)?;
    let Some(written) = save(&app, &saved, &file, &request.file_name(), format).await? else { return Ok(None) };
    let file_name = Path::new(&written.path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    state.store()?.record_generated_report(&options, &file_name, &file, &actor)?;
    Ok(Some(written))
}

/// The saved report definitions, by name.
#[tauri::command(async)]
pub fn list_report_definitions(state: State<'_, AppState>) -> CommandResult<Vec<ReportDefinition>> {
    Ok(state.store()?.report_definitions()?)
}

/// Saves a report definition under its name, replacing the one of that name.
#[tauri::command(async)]
pub fn save_report_definition(state: State<'_, AppState>, definition: ReportDefinition) -> CommandResult<ReportDefinition> {
    let actor = state.actor()?;
    Ok(state.store()?.save_report_definition(&definition, &actor)?)
}

/// The reports generated, newest first.
#[tauri::command(async)]
pub fn list_generated_reports(state: State<'_, AppState>) -> CommandResult<Vec<GeneratedReport>> {
    Ok(state.store()?.generated_reports()?)
}

/// The brief ("ficha informativa") of one activity, saved where the person chooses.
#[tauri::command]
pub async fn save_brief(
    app: AppHandle,
    state: State<'_, AppState>,
    saved: State<'_, SavedFiles>,
    id: ActivityId,
    lang: Lang,
    paper: Paper,
    format: Option<Format>,
) -> CommandResult<Option<SavedPdf>> {
    let format = format.unwrap_or_default();
    let request = report::BriefRequest { id, lang, paper, office: office(&state), generated: Utc::now() };
    let (file, file_name) = {
        let store = state.store()?;
        let title = store.get(&id)?.map(|a| a.title).unwrap_or_default();
        let doc = report::brief_report(&store, &request)?;
        drop(store);
        (format.render(&doc)?, request.file_name(&title))
    };
    save(&app, &saved, &file, &file_name, format).await
}

/// Everything done with one country in a period, with progress like the period report.
#[tauri::command]
pub async fn save_country_brief(
    app: AppHandle,
    state: State<'_, AppState>,
    saved: State<'_, SavedFiles>,
    options: CountryBriefOptions,
    format: Option<Format>,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<SavedPdf>> {
    let format = format.unwrap_or_default();
    let request = report::CountryBriefRequest {
        country: options.country,
        from: options.from,
        to: options.to,
        lang: options.lang,
        paper: options.paper,
        office: office(&state),
        generated: Utc::now(),
    };
    let doc = report::country_brief_report(&*state.store()?, &request)?;
    let file = render_on_job(&state, &job, progress, &doc, format)?;
    save(&app, &saved, &file, &request.file_name(), format).await
}

/// Everything done with one partner organisation or city, with progress like the period report.
#[tauri::command]
pub async fn save_partner_dossier(
    app: AppHandle,
    state: State<'_, AppState>,
    saved: State<'_, SavedFiles>,
    options: PartnerDossierOptions,
    format: Option<Format>,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<SavedPdf>> {
    let format = format.unwrap_or_default();
    let request = report::PartnerDossierRequest {
        partner: options.partner,
        from: options.from,
        to: options.to,
        lang: options.lang,
        paper: options.paper,
        office: office(&state),
        generated: Utc::now(),
    };
    let doc = report::partner_dossier_report(&*state.store()?, &request)?;
    let file = render_on_job(&state, &job, progress, &doc, format)?;
    save(&app, &saved, &file, &request.file_name(), format).await
}

/// The agreements register with each agreement's validity today, whatever its signing date.
#[tauri::command]
pub async fn save_register(
    app: AppHandle,
    state: State<'_, AppState>,
    saved: State<'_, SavedFiles>,
    lang: Lang,
    paper: Paper,
    format: Option<Format>,
    job: String,
    progress: Channel<Progress>,
) -> CommandResult<Option<SavedPdf>> {
    let format = format.unwrap_or_default();
    let request = report::RegisterRequest { today: chrono::Local::now().date_naive(), lang, paper, office: office(&state), generated: Utc::now() };
    let doc = report::register_report(&*state.store()?, &request)?;
    let file = render_on_job(&state, &job, progress, &doc, format)?;
    save(&app, &saved, &file, &request.file_name(), format).await
}

/// Opens a document this session saved with the system's viewer. The path must be one the save
/// dialog gave; the viewer is started directly (no shell), with the path as its argument.
#[tauri::command]
pub fn open_saved_pdf(saved: State<'_, SavedFiles>, path: String) -> CommandResult<()> {
    let path = saved.find(&path).ok_or_else(|| {
        CommandError::new(ErrorCode::NotFound, "Solo se pueden abrir los PDF guardados en esta sesión.", "Only PDFs saved in this session can be opened.")
    })?;
    open::that_detached(&path).map_err(|e| CommandError::io("No se pudo abrir el PDF", "Could not open the PDF", &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::Jobs;
    use enlace::domain::Kind;
    use enlace::report::{Block, Metadata, Section};

    fn document(paragraphs: usize) -> Document {
        let metadata = Metadata { author: "Oficina".into(), subject: String::new(), keywords: vec![], created: Utc::now() };
        let mut doc = Document::new("Informe", Lang::Es, metadata);
        let mut section = Section::new("Actividades");
        for n in 0..paragraphs {
            section.push(Block::Paragraph(format!("Actividad {n}: reunión con la Embajada del Perú.")));
        }
        doc.push_section(section);
        doc
    }

    /// A channel that keeps what the window would have been sent.
    fn recording() -> (Channel<Progress>, std::sync::Arc<Mutex<Vec<String>>>) {
        let sent = std::sync::Arc::new(Mutex::new(Vec::new()));
        let keep = sent.clone();
        let channel = Channel::new(move |body| {
            if let tauri::ipc::InvokeResponseBody::Json(json) = body {
                keep.lock().unwrap().push(json);
            }
            Ok(())
        });
        (channel, sent)
    }

    #[test]
    fn the_window_sees_progress_up_to_the_total() {
        let jobs = Jobs::default();
        let (channel, sent) = recording();
        let handle = jobs.start("informe", channel);
        let pdf = Format::Pdf.render_with_progress(&document(300), &mut |done, total| handle.report(done, total).is_ok()).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let sent = sent.lock().unwrap();
        let last: serde_json::Value = serde_json::from_str(sent.last().unwrap()).unwrap();
        assert!(sent.len() > 4, "{} progress messages", sent.len());
        assert_eq!(last["done"], last["total"]);
    }

    #[test]
    fn a_word_document_reports_its_one_step() {
        let jobs = Jobs::default();
        let (channel, sent) = recording();
        let handle = jobs.start("ficha", channel);
        let docx = Format::Docx.render_with_progress(&document(30), &mut |done, total| handle.report(done, total).is_ok()).unwrap();
        assert!(docx.starts_with(b"PK"));
        let last: serde_json::Value = serde_json::from_str(sent.lock().unwrap().last().unwrap()).unwrap();
        assert_eq!((last["done"].as_u64(), last["total"].as_u64()), (Some(1), Some(1)));
    }

    #[test]
    fn cancelling_the_job_stops_the_rendering() {
        let jobs = Jobs::default();
        let (channel, sent) = recording();
        let handle = jobs.start("informe", channel);
        let mut steps = 0;
        let err: CommandError = Format::Pdf
            .render_with_progress(&document(300), &mut |done, total| {
            steps += 1;
            if steps == 2 {
                jobs.cancel("informe");
            }
                handle.report(done, total).is_ok()
            })
            .unwrap_err()
            .into();
        assert_eq!(err.code, ErrorCode::Cancelled);
        assert_eq!(err.message.es, "Operación cancelada.");
        assert_eq!(sent.lock().unwrap().len(), 1, "nothing reported after the cancel");
    }

    #[test]
    fn only_files_saved_in_this_session_can_be_opened() {
        let saved = SavedFiles::default();
        saved.remember(Path::new("/tmp/informe-2021-S2.pdf"));
        assert_eq!(saved.find("/tmp/informe-2021-S2.pdf"), Some(PathBuf::from("/tmp/informe-2021-S2.pdf")));
        assert_eq!(saved.find("/etc/passwd"), None);
        assert_eq!(saved.find("/tmp/../tmp/informe-2021-S2.pdf"), None);
    }

    #[test]
    fn a_backward_period_reaches_the_window_in_spanish_and_english() {
        let from = NaiveDate::from_ymd_opt(2021, 12, 31).unwrap();
        let to = NaiveDate::from_ymd_opt(2021, 7, 1).unwrap();
        let err: CommandError = report::ReportError::BackwardPeriod { from, to }.into();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(err.message.es.starts_with("El periodo termina el 1 de julio de 2021"), "{}", err.message.es);
        assert!(err.message.en.starts_with("The period ends on 1 July 2021"), "{}", err.message.en);
    }

    #[test]
    fn options_arrive_as_the_window_sends_them() {
        let options: ReportDefinition = serde_json::from_value(serde_json::json!({
            "name": "", "from": "2021-07-01", "to": "2021-12-31", "axes": ["Ciudad Sustentable"], "kinds": ["illumination"],
            "countries": ["PE"], "status": null, "lang": "en", "paper": "a4",
            "narrative": { "presentation": "Un **gran** semestre.", "introductions": { "Ciudad Sustentable": "Agua." } },
            "sign_off": { "prepared": { "name": "Lucía", "post": "Jefa" }, "reviewed": { "name": "", "post": "" }, "authorised": { "name": "", "post": "" } }
        }))
        .unwrap();
        assert_eq!((options.lang, options.paper, options.kinds), (Lang::En, Paper::A4, vec![Kind::Illumination]));
        assert_eq!(options.narrative.introductions["Ciudad Sustentable"], "Agua.");
        assert_eq!(options.sign_off.prepared.post, "Jefa");
    }
}

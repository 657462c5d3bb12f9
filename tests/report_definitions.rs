//! Report definitions (issue 14): saved and reused; the narrative markup; the presentation,
//! an axis' introduction and the sign-off printed in place; every generated report recorded
//! with the real SHA-256 of its file, from the core and from the command line.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use enlace::interop::interchange;
use enlace::report::{narrative, period_report, render_pdf, Block, Lang, Narrative, Paper, ReportDefinition, Run, SignOff, Signer};
use enlace::store::{Actor, Origin, Store, StoreError};
use sha2::{Digest, Sha256};

const RECORDS: &str = r#"{"kind":"illumination","title":"Iluminación por el Bicentenario del Perú","start_date":"2021-07-27","countries":["Perú"],"axis":"Capital Cultural de América","details":{"occasion":"Bicentenario de la independencia del Perú","monument":"Ángel de la Independencia"}}
{"kind":"meeting","title":"Reunión con la Embajada del Perú sobre movilidad","start_date":"2021-09-10","countries":["Perú"],"axis":"Más y Mejor Movilidad","summary":"Intercambio técnico sobre transporte eléctrico."}
{"kind":"agreement","title":"Memorándum con Auckland","start_date":"2021-12-02","countries":["Nueva Zelandia"],"axis":"Ciudad Sustentable","details":{"agreement_type":"memorandum","parties":["Ciudad de México","Auckland Council"]}}"#;

fn actor() -> Actor {
    Actor::new("Ana López", Origin::App)
}

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.import(&interchange::parse(RECORDS).unwrap(), &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn signer(name: &str, post: &str) -> Signer {
    Signer { name: name.into(), post: post.into() }
}

fn definition() -> ReportDefinition {
    ReportDefinition {
        name: "Informe semestral".into(),
        from: NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        axes: vec![],
        kinds: vec![],
        countries: vec![],
        statuses: Vec::new(),
        lang: Lang::Es,
        paper: Paper::Letter,
        narrative: Narrative {
            presentation: "Este informe da cuenta de la **acción internacional** del semestre.\n\n\
                           Sus ejes:\n- *Capital Cultural* de América\n- Movilidad"
                .into(),
            introductions: [("Más y Mejor Movilidad".to_string(), "La movilidad fue prioridad del semestre.".to_string())].into(),
        },
        breakdown: None,
        compare: false,
        sign_off: SignOff {
            prepared: signer("Lucía Hernández", "Jefa de Unidad de Enlace"),
            reviewed: signer("Marco Ruiz", "Director de Cooperación"),
            authorised: signer("Teresa Quiroga", "Coordinadora General"),
        },
    }
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8", path.to_str().unwrap(), "-"]).output().expect("pdftotext (poppler-utils) installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_saved_definition_is_reused_with_the_same_report_parameters() {
    let mut store = store();
    let mut def = definition();
    def.name = "  Informe semestral ".into();
    def.narrative.introductions.insert("Ciudad Sustentable".into(), " \n ".into());
    let saved = store.save_report_definition(&def, &actor()).unwrap();
    assert_eq!(saved, definition(), "name trimmed, an emptied introduction dropped, every other field kept");
    assert_eq!(store.report_definition("Informe semestral").unwrap(), Some(definition()));

    let request = saved.request("Oficina".into(), chrono::Utc::now());
    assert_eq!(ReportDefinition::of_request(&saved.name, &request), saved);

    // Saving under the same name replaces it; another name adds one.
    let mut changed = definition();
    changed.kinds = vec![enlace::domain::Kind::Meeting];
    changed.sign_off.reviewed = Signer::default();
    store.save_report_definition(&changed, &actor()).unwrap();
    store.save_report_definition(&ReportDefinition { name: "Anual".into(), ..definition() }, &actor()).unwrap();
    let names: Vec<String> = store.report_definitions().unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["Anual", "Informe semestral"]);
    assert_eq!(store.report_definition("Informe semestral").unwrap(), Some(changed));

    let nameless = store.save_report_definition(&ReportDefinition { name: " ".into(), ..definition() }, &actor());
    assert!(matches!(nameless, Err(StoreError::Conflict(_))), "{nameless:?}");
}

#[test]
fn narrative_markup_reads_paragraphs_lists_bold_and_italic() {
    let run = |text: &str, bold, italic| Run { text: text.into(), bold, italic };
    let blocks = narrative::blocks(&definition().narrative.presentation);
    assert_eq!(
        blocks,
        [
            Block::Styled(vec![run("Este informe da cuenta de la ", false, false), run("acción internacional", true, false), run(" del semestre.", false, false)]),
            Block::Styled(vec![run("Sus ejes:", false, false)]),
            Block::StyledList(vec![vec![run("Capital Cultural", false, true), run(" de América", false, false)], vec![run("Movilidad", false, false)]]),
        ]
    );
}

#[test]
fn presentation_introduction_and_sign_off_print_in_place() {
    let store = store();
    let request = definition().request("Coordinación General de Asuntos Internacionales".into(), chrono::Utc::now());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("informe.pdf");
    std::fs::write(&path, render_pdf(&period_report(&store, &request).unwrap()).unwrap()).unwrap();
    let text = pdftotext(&path);
    let pages: Vec<String> = text.split('\u{c}').map(flat).collect();
    let at = |needle: &str| pages.iter().position(|p| p.contains(needle)).unwrap_or_else(|| panic!("{needle:?} missing"));

    // Presentación comes after the contents and before the summary.
    let contents = at("Contenido");
    let presentation = at("Este informe da cuenta de la acción internacional del semestre.");
    assert!(contents < presentation);
    let page = &pages[presentation];
    assert!(page.find("Presentación").unwrap() < page.find("Este informe").unwrap());
    assert!(page.contains("• Capital Cultural de América • Movilidad"), "{page}");
    let summary_body = pages.iter().rposition(|p| p.contains("Resumen ejecutivo")).unwrap();
    assert!(presentation <= summary_body);
    if presentation == summary_body {
        assert!(page.find("Este informe").unwrap() < page.rfind("Resumen ejecutivo").unwrap());
    }

    // The introduction opens its own axis part, before the kinds' sub-sections.
    let intro = at("La movilidad fue prioridad del semestre.");
    let part = &pages[intro];
    let heading = part.find("Más y Mejor Movilidad").unwrap();
    let intro_at = part.find("La movilidad fue prioridad").unwrap();
    let kind_at = part.find("Reuniones").unwrap();
    assert!(heading < intro_at && intro_at < kind_at, "{part}");
    assert_eq!(text.matches("La movilidad fue prioridad").count(), 1, "only in its own part");

    // The sign-off closes the report, on one page, after the annex.
    let last = pages.iter().rposition(|p| !p.trim().is_empty()).unwrap();
    let end = &pages[last];
    let expected = ["Elaboró", "Revisó", "Autorizó", "Lucía Hernández", "Jefa de Unidad de Enlace", "Marco Ruiz", "Teresa Quiroga", "Coordinadora General"];
    for word in expected {
        assert!(end.contains(word), "{word:?} not on the last page: {end}");
    }
    assert!(at("Anexo. Relación de actividades") <= last);
    assert!(end.rfind("Total").unwrap_or(0) < end.find("Elaboró").unwrap());
}

#[test]
fn an_english_report_signs_off_in_english_and_empty_roles_are_left_out() {
    let store = store();
    let mut def = definition();
    def.lang = Lang::En;
    def.sign_off.reviewed = Signer::default();
    def.narrative = Narrative::default();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, render_pdf(&period_report(&store, &def.request("Office".into(), chrono::Utc::now())).unwrap()).unwrap()).unwrap();
    let text = flat(&pdftotext(&path));
    assert!(text.contains("Prepared by") && text.contains("Authorised by"));
    assert!(!text.contains("Reviewed by") && !text.contains("Foreword"), "nothing printed for what was not written");
}

#[test]
fn the_history_records_the_real_sha256_of_each_file() {
    let mut store = store();
    let def = definition();
    let pdf = render_pdf(&period_report(&store, &def.request("Oficina".into(), chrono::Utc::now())).unwrap()).unwrap();
    let first = store.record_generated_report(&def, "informe-2021-S2.pdf", &pdf, &actor()).unwrap();
    let unnamed = ReportDefinition { name: String::new(), ..definition() };
    store.record_generated_report(&unnamed, "otro.pdf", b"%PDF-1.7 otro", &actor()).unwrap();

    let history = store.generated_reports().unwrap();
    assert_eq!(history.len(), 2);
    let recorded = history.iter().find(|r| r.file_name == "informe-2021-S2.pdf").unwrap();
    assert_eq!(recorded, &first);
    assert_eq!(recorded.sha256, sha256(&pdf));
    assert_eq!((recorded.size, recorded.definition.as_deref(), recorded.generated_by.as_str()), (pdf.len() as u64, Some("Informe semestral"), "Ana López"));
    assert_eq!(recorded.parameters, def);
    assert_eq!(history[0].file_name, "otro.pdf", "newest first");
    assert_eq!(history[0].definition, None);
}

#[test]
fn the_command_line_saves_a_definition_reuses_it_and_lists_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    let enlace = || {
        let mut cmd = assert_cmd::Command::cargo_bin("enlace").unwrap();
        cmd.env("ENLACE_DB", &db).env("ENLACE_USER", "Lucía");
        cmd
    };
    let records = dir.path().join("records.jsonl");
    std::fs::write(&records, RECORDS).unwrap();
    enlace().args(["import", records.to_str().unwrap()]).assert().success();
    let presentation = dir.path().join("presentacion.txt");
    std::fs::write(&presentation, "Un semestre de **trabajo** compartido.").unwrap();
    let intro = dir.path().join("movilidad.txt");
    std::fs::write(&intro, "Movilidad: *avances* del semestre.").unwrap();

    enlace()
        .args(["report-definitions", "save", "Semestral", "--from", "2021-07-01", "--to", "2021-12-31"])
        .args(["--presentation-file", presentation.to_str().unwrap()])
        .args(["--intro", &format!("Más y Mejor Movilidad={}", intro.display())])
        .args(["--prepared", "Lucía Hernández|Jefa de Unidad", "--authorised", "Teresa Quiroga|Coordinadora General"])
        .assert()
        .success();
    // A later save changes only what it is given.
    enlace().args(["report-definitions", "save", "Semestral", "--paper", "a4"]).assert().success();
    let shown = enlace().args(["report-definitions", "show", "Semestral"]).output().unwrap();
    let shown: ReportDefinition = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!((shown.paper, shown.sign_off.prepared.post.as_str()), (Paper::A4, "Jefa de Unidad"));
    assert_eq!(shown.narrative.introductions["Más y Mejor Movilidad"], "Movilidad: *avances* del semestre.");

    let out = dir.path().join("informe.pdf");
    enlace().args(["report", "--definition", "Semestral", "--lang", "en", "--out", out.to_str().unwrap()]).assert().success();
    let text = flat(&pdftotext(&out));
    for expected in ["Foreword", "Un semestre de trabajo compartido.", "Movilidad: avances del semestre.", "Prepared by", "Lucía Hernández", "Teresa Quiroga"] {
        assert!(text.contains(expected), "{expected:?} missing");
    }

    let history = enlace().arg("report-history").output().unwrap();
    let history = String::from_utf8(history.stdout).unwrap();
    let sha = sha256(&std::fs::read(&out).unwrap());
    let line = history.lines().next().unwrap();
    assert!(line.contains(&sha) && line.contains("Lucía") && line.contains("Semestral") && line.contains("informe.pdf"), "{history}");

    let missing = enlace().args(["report", "--definition", "No existe", "--out", out.to_str().unwrap()]).assert().failure();
    assert!(String::from_utf8_lossy(&missing.get_output().stderr).contains("No existe"));
}

/// A rename must not orphan what was written for the axis: the saved filter and introduction
/// follow the axis to its new name.
#[test]
fn renaming_an_axis_keeps_its_introduction_and_filter_in_saved_definitions() {
    let mut store = store();
    let saved = ReportDefinition { axes: vec!["Más y Mejor Movilidad".into()], ..definition() };
    store.save_report_definition(&saved, &actor()).unwrap();
    store.rename_axis("más y mejor movilidad", "Movilidad Integrada", &actor()).unwrap();

    let kept = store.report_definition("Informe semestral").unwrap().unwrap();
    assert_eq!(kept.axes, ["Movilidad Integrada"]);
    assert_eq!(kept.narrative.introductions.get("Movilidad Integrada").map(String::as_str), Some("La movilidad fue prioridad del semestre."));
    assert!(!kept.narrative.introductions.contains_key("Más y Mejor Movilidad"));
    assert_eq!(kept.narrative.presentation, saved.narrative.presentation, "nothing else changes");
}

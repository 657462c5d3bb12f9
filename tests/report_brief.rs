//! The brief end to end: one activity from a store, its antecedentes found
//! by shared counterparts, rendered and read back with pdftotext.
//!
//! Sample: `pdftoppm -r 60 -png target/report-samples/brief-es.pdf /tmp/report-png/brief`

use std::path::{Path, PathBuf};
use std::process::Command;

use enlace::domain::ActivityId;
use enlace::interop::interchange;
use chrono::NaiveDate;
use enlace::report::{brief_report, country_brief_report, render_pdf, BriefRequest, CountryBriefRequest, Document, Lang, Paper};
use enlace::store::{Actor, Filter, Origin, Store};

const RECORDS: &str = r#"{"kind":"meeting","title":"Primera reunión con la Embajada del Perú","start_date":"2021-03-04","countries":["Perú"],"organisations":["Embajada del Perú en México"],"axis":"Capital Cultural de América"}
{"kind":"illumination","title":"Iluminación por el Bicentenario del Perú","start_date":"2021-07-27","countries":["Perú"],"organisations":["Embajada del Perú en México"],"axis":"Capital Cultural de América","details":{"occasion":"Bicentenario de la independencia del Perú","requested_by":"Embajada del Perú"}}
{"kind":"meeting","title":"Reunión con la Embajada de Francia","start_date":"2021-08-03","countries":["Francia"],"organisations":["Embajada de Francia"],"axis":"Ciudad Sustentable"}
{"kind":"meeting","title":"Reunión de trabajo sobre movilidad eléctrica","start_date":"2021-09-10","start_time":"10:00","end_time":"11:30","modality":"presencial","place":"Antiguo Palacio del Ayuntamiento","countries":["Perú"],"organisations":["Embajada del Perú en México"],"people":[{"name":"Terézia Šajgalíková","post":"Consejera","organisation":"Embajada del Perú en México"}],"axis":"Más y Mejor Movilidad","topics":["transporte público eléctrico","intercambio técnico"],"summary":"Se revisaron experiencias de transporte público eléctrico de ambas capitales y se acordó preparar un intercambio técnico para el año siguiente.","outcomes":"Acuerdo de intercambio técnico en el primer trimestre.","follow_ups":[{"task":"Enviar minuta a la embajada","owner":"Ana López","due":"2021-09-17"},{"task":"Proponer fechas para la visita técnica","owner":"Päivi Pohjanheimo","due":"2021-10-01","done":true}],"details":{"counterpart_head":"Embajador del Perú","meeting_type":"trabajo"}}
{"kind":"meeting","title":"Reunión posterior con la Embajada del Perú","start_date":"2021-11-20","countries":["Perú"],"organisations":["Embajada del Perú en México"]}"#;

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(RECORDS).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn id_of(store: &Store, title: &str) -> ActivityId {
    store.list(&Filter::default()).unwrap().items.into_iter().find(|a| a.title == title).unwrap().id
}

fn render(lang: Lang, title: &str, name: &str) -> (PathBuf, Vec<String>) {
    let store = store();
    let request = BriefRequest {
        id: id_of(&store, title),
        lang,
        paper: Paper::Letter,
        office: "Coordinación General de Asuntos Internacionales".into(),
        generated: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
    };
    write(&brief_report(&store, &request).unwrap(), name)
}

/// Renders into `target/report-samples/`; returns the path and each page's text
/// with whitespace collapsed.
fn write(doc: &Document, name: &str) -> (PathBuf, Vec<String>) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, render_pdf(doc).unwrap()).unwrap();
    let out = Command::new("pdftotext").args(["-enc", "UTF-8", path.to_str().unwrap(), "-"]).output().expect("pdftotext installed");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    pages.pop();
    (path, pages)
}

#[test]
fn brief_has_facts_counterparts_context_follow_ups_and_antecedents() {
    let (path, pages) = render(Lang::Es, "Reunión de trabajo sobre movilidad eléctrica", "brief-es.pdf");
    assert!(pages.len() <= 2, "a brief fits on two pages: {}", pages.len());
    let all = pages.concat();
    for expected in [
        "Ficha informativa",
        "Reunión de trabajo sobre movilidad eléctrica",
        "10 de septiembre de 2021",
        "10:00–11:30",
        "Antiguo Palacio del Ayuntamiento",
        "Presencial",
        "Terézia Šajgalíková — Consejera, Embajada del Perú en México",
        "Perú — capital: Lima; día nacional: 28 de julio (Día de la Independencia)",
        "transporte público eléctrico",
        "Embajador del Perú",
        "Acuerdo de intercambio técnico",
        "Enviar minuta a la embajada Ana López 17 de septiembre de 2021 Pendiente",
        "Päivi Pohjanheimo",
        "Antecedentes",
        "Página 1 de",
    ] {
        assert!(all.contains(expected), "{expected:?} missing in {all}");
    }
    // Antecedentes: earlier activities with the same embassy, newest first; not other
    // counterparts, not later activities.
    let first = all.find("Iluminación por el Bicentenario del Perú").expect("illumination listed");
    let second = all.find("Primera reunión con la Embajada del Perú").expect("first meeting listed");
    assert!(first < second, "newest first");
    assert!(!all.contains("Reunión con la Embajada de Francia"));
    assert!(!all.contains("Reunión posterior con la Embajada del Perú"));
    let qpdf = Command::new("qpdf").args(["--check", path.to_str().unwrap()]).output().expect("qpdf installed");
    assert!(qpdf.status.success());
}

#[test]
fn sparse_brief_leaves_empty_sections_out_and_speaks_english() {
    let (_, pages) = render(Lang::En, "Reunión con la Embajada de Francia", "brief-en.pdf");
    let all = pages.concat();
    assert!(all.contains("Briefing note") && all.contains("3 August 2021"));
    assert!(all.contains("France — capital: Paris; national day: 14 July (French National Day)"));
    for absent in ["Outcomes", "Follow-up", "Background", "Objectives and agenda", "Description"] {
        assert!(!all.contains(absent), "empty section {absent:?} printed");
    }
    assert_eq!(pages.len(), 1);
    assert!(pages[0].contains("Page 1 of 1"));
}

#[test]
fn country_brief_gathers_the_period_with_one_country() {
    let request = CountryBriefRequest {
        country: "PE".into(),
        from: NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        lang: Lang::Es,
        paper: Paper::A4,
        office: "Coordinación General de Asuntos Internacionales".into(),
        generated: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
    };
    let (_, pages) = write(&country_brief_report(&store(), &request).unwrap(), "country-pe.pdf");
    let all = pages.concat();
    for expected in [
        "Ficha de país: Perú",
        "Del 1 de julio al 31 de diciembre de 2021",
        "Perú — capital: Lima; día nacional: 28 de julio (Día de la Independencia)",
        "Actividades: 3",
        "Embajada del Perú en México (3 actividades)",
        "Iluminación por el Bicentenario del Perú",
        "Reunión posterior con la Embajada del Perú",
        "Enviar minuta a la embajada",
    ] {
        assert!(all.contains(expected), "{expected:?} missing in {all}");
    }
    for absent in ["Primera reunión con la Embajada del Perú", "Embajada de Francia", "Proponer fechas para la visita técnica"] {
        assert!(!all.contains(absent), "{absent:?} should not be there");
    }
}

//! The period report end to end: records imported into a store, the report
//! declared from them, rendered, and read back with pdftotext.
//!
//! Samples stay in `target/report-samples/` for looking at:
//! `pdftoppm -r 60 -png target/report-samples/period-es.pdf /tmp/report-png/period`

mod report_support;

use report_support::second_semester_2021;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use enlace::interop::interchange;
use enlace::report::{
    period_document, period_report, render_pdf, render_pdf_with_progress, Document, Lang, Paper, PeriodRequest, RenderError, ReportError,
};
use enlace::store::{Actor, Origin, Stats, Store};
use enlace::Explain;

const RECORDS: &str = r#"{"kind":"illumination","title":"Iluminación por el Bicentenario del Perú","start_date":"2021-07-27","countries":["Perú"],"organisations":["Embajada del Perú en México"],"axis":"Capital Cultural de América","details":{"occasion":"Bicentenario de la independencia del Perú","requested_by":"Embajada del Perú","monument":"Ángel de la Independencia"}}
{"kind":"illumination","title":"Día nacional de Francia","start_date":"2021-07-14","countries":["Francia"],"axis":"Capital Cultural de América","details":{"occasion":"Día nacional de Francia","requested_by":"Embajada de Francia"}}
{"kind":"illumination","title":"Día internacional de la eliminación de la violencia contra la mujer","start_date":"2021-11-25","axis":"Igualdad de Derechos","details":{"occasion":"Día internacional de la eliminación de la violencia contra la mujer"}}
{"kind":"training","title":"Taller de mediación cultural","start_date":"2021-08-03","end_date":"2021-08-05","modality":"virtual","countries":["Francia"],"axis":"Capital Cultural de América","summary":"Tres sesiones en línea sobre públicos y territorio, el primer taller del año con este socio.","details":{"participants":19,"provider":"Institut français","objective":"Compartir metodologías de mediación cultural con equipos de museos de la ciudad.","units":["Secretaría de Cultura"]}}
{"kind":"meeting","title":"Reunión con la Embajada del Perú sobre movilidad","start_date":"2021-09-10","modality":"presencial","place":"Antiguo Palacio del Ayuntamiento","countries":["Perú"],"organisations":["Embajada del Perú en México"],"people":[{"name":"Terézia Šajgalíková","post":"Consejera","organisation":"Embajada del Perú en México"}],"axis":"Más y Mejor Movilidad","summary":"Se revisaron experiencias de transporte público eléctrico y se acordó un intercambio técnico.","outcomes":"Intercambio técnico en el primer trimestre del año siguiente."}
{"kind":"financing","title":"Ciudades resilientes al clima","start_date":"2021-10-01","end_date":"2022-09-30","countries":["Reino Unido"],"axis":"Ciudad Sustentable","details":{"amount":"308000","currency":"USD","donor":"UK PACT"}}
{"kind":"financing","title":"Movilidad activa en barrios","start_date":"2021-11-15","end_date":"2022-02-15","countries":["Reino Unido"],"axis":"Ciudad Sustentable","details":{"amount":"19500","currency":"GBP","donor":"Embajada Británica"}}
{"kind":"agreement","title":"Memorándum con Auckland","start_date":"2021-12-02","countries":["Nueva Zelandia"],"axis":"Ciudad Sustentable","details":{"agreement_type":"memorandum","parties":["Ciudad de México","Auckland Council"],"valid_until":"2024-12-02","agreement_status":"vigente"}}
{"kind":"delegation","title":"Visita técnica de la delegación de Wellington","start_date":"2021-10-18","end_date":"2021-10-20","countries":["Nueva Zelandia"],"axis":"Ciudad Sustentable","summary":"Recorrido por el sistema de captación de agua de lluvia.","details":{"direction":"incoming"}}
{"kind":"event","title":"Foro de ciudades por la igualdad","start_date":"2021-10-05","modality":"virtual","countries":["Francia","Perú"],"axis":"Igualdad de Derechos","details":{"registered":2621,"countries_count":60,"sessions":12}}
{"kind":"meeting","title":"Reunión de coordinación con la SRE","start_date":"2021-08-20","countries":["México"],"organisations":["Secretaría de Relaciones Exteriores"],"summary":"Agenda de visitas del semestre."}
{"kind":"meeting","title":"Reunión fuera del periodo","start_date":"2022-01-15","countries":["Francia"],"axis":"Capital Cultural de América"}"#;

/// Activities inside July–December 2021 in `RECORDS`.
const IN_PERIOD: usize = 11;

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(RECORDS).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn render(request: &PeriodRequest, name: &str) -> PathBuf {
    write_sample(&period_report(&store(), request).unwrap(), name)
}

fn write_sample(doc: &Document, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, render_pdf(doc).unwrap()).unwrap();
    path
}

fn pages(path: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) installed");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    pages.pop();
    pages
}

/// Text with line breaks and runs of spaces collapsed (table cells wrap).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn spanish_report_prints_the_records_of_the_period() {
    let path = render(&second_semester_2021(Lang::Es), "period-es.pdf");
    let pages = pages(&path);
    let all = flat(&pages.concat());
    for expected in [
        "Informe de acción internacional",
        "Del 1 de julio al 31 de diciembre de 2021",
        "Contenido",
        "Resumen ejecutivo",
        "Iluminación de monumentos",
        "Bicentenario de la independencia del Perú",
        "Ángel de la Independencia",
        "Terézia Šajgalíková (Consejera, Embajada del Perú en México)",
        "del 3 al 5 de agosto de 2021",
        "Objetivo del curso:",
        "308,000 USD",
        "19,500 GBP",
        "Memorándum de entendimiento",
        "2 de diciembre de 2024 (vigente)",
        "Sin eje asignado",
        "año",
        "Anexo. Relación de actividades",
        "Generado el 24 de noviembre de 2025",
        "2,621 personas registradas",
        "60 países participantes",
        "12 sesiones",
    ] {
        assert!(all.contains(expected), "{expected:?} missing");
    }
    assert!(!all.contains("Reunión fuera del periodo"), "an activity of 2022 leaked in");
    assert!(!all.contains("Reconocimientos"), "an empty kind got a heading");
    assert!(all.contains(&format!("Total {IN_PERIOD} actividades")), "annex total");
    assert!(all.contains(&format!("registró {IN_PERIOD} actividades")), "summary sentence");
    assert!(all.contains("con contrapartes de 5 países, en 4 ejes"), "countries and axes counted, no-axis excluded");
    // 12 months of financing for a one-year project, three for a quarter.
    assert!(all.contains("12 meses") && all.contains("3 meses"));
    let total = pages.len();
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(page.contains(&format!("Página {} de {total}", i + 1)), "page {} unnumbered", i + 1);
    }
    let qpdf = Command::new("qpdf").args(["--check", path.to_str().unwrap()]).output().expect("qpdf installed");
    assert!(qpdf.status.success());
}

#[test]
fn axis_filter_keeps_one_part() {
    let mut req = second_semester_2021(Lang::Es);
    req.axes = vec!["Ciudad Sustentable".into()];
    let path = render(&req, "period-es-axis.pdf");
    let all = flat(&pages(&path).concat());
    assert!(all.contains("Filtros: eje Ciudad Sustentable"));
    assert!(all.contains("Memorándum con Auckland") && all.contains("Visita técnica de la delegación de Wellington"));
    for absent in ["Capital Cultural de América", "Taller de mediación cultural", "Sin eje asignado", "Capacitaciones"] {
        assert!(!all.contains(absent), "{absent:?} should be filtered out");
    }
    assert!(all.contains("Total 4 actividades"));
}

#[test]
fn english_report_on_a4() {
    let mut req = second_semester_2021(Lang::En);
    req.paper = Paper::A4;
    let path = render(&req, "period-en-a4.pdf");
    let pages = pages(&path);
    let all = flat(&pages.concat());
    for expected in
        ["International action report", "Executive summary", "3–5 August 2021", "Course objective:", "Monument illuminations", "Peru"]
    {
        assert!(all.contains(expected), "{expected:?} missing");
    }
    assert!(pages[1].contains(&format!("Page 2 of {}", pages.len())));
}

#[test]
fn a_period_without_records_is_refused_with_a_clear_message() {
    let mut req = second_semester_2021(Lang::Es);
    req.from = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    req.to = NaiveDate::from_ymd_opt(2019, 6, 30).unwrap();
    let err = period_report(&store(), &req).unwrap_err();
    assert!(matches!(err, ReportError::NoActivities { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "No hay actividades registradas del 1 de enero al 30 de junio de 2019; no se generó el documento. Elija otro periodo."
    );
    req.from = NaiveDate::from_ymd_opt(2021, 7, 1).unwrap();
    req.to = NaiveDate::from_ymd_opt(2021, 12, 31).unwrap();
    req.axes = vec!["Eje que no existe".into()];
    assert!(period_report(&store(), &req).unwrap_err().text().en.contains("matching those filters"));
}

#[test]
fn a_period_ending_before_it_starts_is_refused_in_spanish() {
    let mut req = second_semester_2021(Lang::Es);
    std::mem::swap(&mut req.from, &mut req.to);
    let err = period_report(&store(), &req).unwrap_err();
    assert!(matches!(err, ReportError::BackwardPeriod { .. }));
    assert!(err.to_string().starts_with("El periodo termina el 1 de julio de 2021 antes de empezar"), "{err}");
}

#[test]
fn rendering_reports_every_step_up_to_the_total() {
    let doc = period_report(&store(), &second_semester_2021(Lang::Es)).unwrap();
    let mut steps: Vec<(u64, u64)> = Vec::new();
    let pdf = render_pdf_with_progress(&doc, &mut |done, total| {
        steps.push((done, total));
        true
    })
    .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let total = steps[0].1;
    assert!(steps.iter().all(|s| s.1 == total), "the total never changes");
    assert!(steps.windows(2).all(|w| w[1].0 > w[0].0), "each step moves forward: {steps:?}");
    assert_eq!(steps.last(), Some(&(total, total)));
    // Each page, plus the layout, the assembly and the compression.
    assert!(total >= 6, "{total} steps for a report of several pages");
}

#[test]
fn a_cancelled_rendering_stops_at_once() {
    let doc = period_report(&store(), &second_semester_2021(Lang::Es)).unwrap();
    let mut calls = 0;
    let result = render_pdf_with_progress(&doc, &mut |done, _| {
        calls += 1;
        done < 3
    });
    assert!(matches!(result, Err(RenderError::Cancelled)));
    assert_eq!(calls, 3, "no step after the one that answered false");
}

#[test]
fn the_layout_of_a_period_without_records_stays_short_and_honest() {
    // The report itself refuses an empty period; its declaration still holds up without records.
    let mut req = second_semester_2021(Lang::Es);
    req.from = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    req.to = NaiveDate::from_ymd_opt(2019, 6, 30).unwrap();
    let stats = Stats {
        total: 0,
        by_kind: vec![],
        by_country: vec![],
        by_axis: vec![],
        by_month: vec![],
        by_year: vec![],
        by_region: vec![],
        participants_trained: 0,
        financing: vec![],
    };
    let path = write_sample(&period_document(&req, &[], &stats.into(), &[], &|_| Vec::new()), "period-es-empty.pdf");
    let pages = pages(&path);
    let all = flat(&pages.concat());
    assert!(all.contains("registró 0 actividades"));
    for absent in ["Anexo", "Actividades por tipo", "Países con más actividades", "Totales por tipo"] {
        assert!(!all.contains(absent), "{absent:?} printed for an empty period");
    }
    assert_eq!(pages.len(), 3, "cover, contents, summary");
}

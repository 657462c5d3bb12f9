//! A semester as an office signs it: records of every kind with every detail filled, printed in
//! Spanish and English. Each detail reaches the report in words (labels, not codes), planned
//! and cancelled activities only when asked for and then marked, and no internal code of a
//! choice field reaches the report, the brief or a spreadsheet export.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use enlace::domain::{fields_of, Activity, FieldType, Kind, Status};
use enlace::interop::export::csv::write_csv;
use enlace::interop::interchange;
use enlace::report::{brief_report, period_report, render_pdf, BriefRequest, Lang, Paper, PeriodRequest};
use enlace::store::{Actor, Filter, Origin, Store};

const RECORDS: &str = include_str!("fixtures/semester_every_detail.jsonl");

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(RECORDS).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn request(lang: Lang, statuses: Vec<Status>) -> PeriodRequest {
    let (from, to) = (NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(), NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
    let generated = chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    PeriodRequest { lang, statuses, ..PeriodRequest::new(from, to, "Coordinación General de Asuntos Internacionales", generated) }
}

fn pdf_text(bytes: &[u8], name: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) installed");
    assert!(out.status.success());
    flat(&String::from_utf8(out.stdout).unwrap())
}

/// Text with line breaks and runs of spaces collapsed (cells and lines wrap).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn report_text(lang: Lang, statuses: Vec<Status>) -> String {
    let doc = period_report(&store(), &request(lang, statuses.clone())).unwrap();
    pdf_text(&render_pdf(&doc).unwrap(), &format!("semester-{}-{}.pdf", lang.code(), statuses.len()))
}

fn activities(store: &Store) -> Vec<Activity> {
    store.list(&Filter { limit: None, ..Filter::default() }).unwrap().items
}

/// Each choice code that is not itself a word of a label in `lang` ("trabajo" is one, in "De
/// trabajo"): finding it as a whole word in a person's text means a code leaked.
fn leaked_codes(text: &str, lang: Lang) -> Vec<&'static str> {
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
    let label_words: Vec<String> = Kind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .flat_map(|f| f.options)
        .flat_map(|o| o.label(lang).split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut leaked: Vec<&str> = Kind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .filter(|f| f.field_type == FieldType::Choice)
        .flat_map(|f| f.options.iter().map(|o| o.value))
        .filter(|code| !label_words.iter().any(|w| w == code))
        .filter(|code| words.contains(code))
        .collect();
    leaked.dedup();
    leaked
}

#[test]
fn every_detail_of_every_kind_reaches_the_report_in_words() {
    let text = report_text(Lang::Es, vec![]);
    for expected in [
        // meeting
        "Titular de la contraparte: Ana Cecilia Gervasi",
        "Cargo del titular: Embajadora de Argentina en México",
        "Tipo de reunión: De cortesía",
        "Acuerdos alcanzados: Programar una misión técnica en marzo",
        // delegation
        "Sentido: Recibida en la ciudad",
        "Integrantes: Hiroshi Tanaka; Yuki Sato",
        "Jefe de la delegación: Takeshi Kawamura",
        "Rango del jefe: Alcalde de Nagoya",
        "Sitios visitados: Centro Histórico; Cablebús Línea 2",
        "Categoría protocolaria: Huésped distinguido",
        // training: participants with women and men, hours and edition
        "Participantes: 45 (23 mujeres y 22 hombres) · Agencia de Gestión Urbana",
        "Imparte: Agencia de Cooperación Internacional del Japón",
        "Horas: 24",
        "Edición: Tercera edición",
        "Grupos: Grupo 1: del 4 al 6 de octubre, 25 participantes; Grupo 2: 7 y 8 de octubre, 20 participantes",
        "Objetivo del curso: Fortalecer la separación de residuos en alcaldías",
        // illuminations, national and international days apart, with colours and who lit them
        "Días nacionales y fechas de otros países",
        "Ángel de la Independencia (rojo, azul y blanco; Dirección de Alumbrado Público)",
        "Día de la Fundación Nacional de Corea",
        "Embajada de la República de Corea",
        "Días internacionales",
        "Monumento a la Revolución (naranja)",
        // agreement
        "Acuerdo de hermanamiento",
        "Ciudad de México; Ciudad de Nagoya",
        "15 de septiembre de 2025 (en evaluación)",
        // network
        "Red: Ciudades y Gobiernos Locales Unidos",
        "Órgano: Consejo Mundial",
        "Cargo de la ciudad: Vicepresidencia",
        "Periodo: 2019–2022",
        // event: its details, and its figures as numeralia
        "Tipo de evento: Cumbre",
        "Papel de la ciudad: Anfitriona",
        "Organizador: ONU-Hábitat",
        "Edición: Décima",
        "2,621",
        // project
        "Socio líder: C40 Cities",
        "Financiador: Fundación Bloomberg",
        "Papel de la ciudad: Socia implementadora",
        "Productos: Plan de acción climática 2021–2050",
        // award
        "Otorgado por: Bloomberg Philanthropies",
        "Reconocimiento: Mayors Challenge",
        "Categoría: Innovación urbana",
        "Programa reconocido: Mercomuna",
        // financing: the grant in the table, the donation in kind apart
        "308,000 USD (6,160,000 MXN)",
        "Monitoreo de la calidad del aire",
        "UK PACT",
        "Donaciones en especie",
        "Ciento veinte sillas de ruedas",
        "Gobierno de Japón",
        // press: outlet and piece in words, the cost said once for the section
        "Medio: Le Monde",
        "País del medio: Francia",
        "Tipo de nota: Entrevista",
        "Enlace: https://www.lemonde.fr/cdmx-2021",
        "Ninguna colaboración con estos medios representó un gasto para la Ciudad.",
    ] {
        assert!(text.contains(expected), "«{expected}» is missing from the Spanish report");
    }
    assert!(!text.contains("Costo para la ciudad"), "a cost of nothing is said once, not on each piece");
    assert_eq!(leaked_codes(&text, Lang::Es), Vec::<&str>::new());
}

#[test]
fn the_english_report_prints_the_same_details_in_english_words() {
    let text = report_text(Lang::En, vec![]);
    for expected in [
        "Meeting type: Courtesy call",
        "Direction: Incoming",
        "Participants: 45 (23 women and 22 men)",
        "Hours: 24",
        "International days",
        "Twinning agreement",
        "(under review)",
        "City's role: Vicepresidencia",
        "Event type: Summit",
        "City's role: Host",
        "Donations in kind",
        "Piece type: Interview",
        "None of these pieces in the media cost the City anything.",
    ] {
        assert!(text.contains(expected), "«{expected}» is missing from the English report");
    }
    assert_eq!(leaked_codes(&text, Lang::En), Vec::<&str>::new());
}

#[test]
fn planned_and_cancelled_activities_print_only_when_asked_and_marked() {
    let done_only = report_text(Lang::Es, vec![]);
    assert!(!done_only.contains("Reunión programada con Bogotá"));
    assert!(!done_only.contains("Reunión cancelada con Lima"));

    let all = report_text(Lang::Es, vec![Status::Done, Status::Planned, Status::Cancelled]);
    assert!(all.contains("Reunión programada con Bogotá (programada)"), "a planned activity is marked");
    assert!(all.contains("Reunión cancelada con Lima (cancelada)"), "a cancelled activity is marked");

    let english = report_text(Lang::En, vec![Status::Done, Status::Planned]);
    assert!(english.contains("Reunión programada con Bogotá (planned)"));
    assert!(!english.contains("Reunión cancelada con Lima"));
}

#[test]
fn no_choice_code_reaches_a_brief_or_a_spreadsheet() {
    let store = store();
    let all = activities(&store);
    for a in all.iter().filter(|a| fields_of(a.kind).iter().any(|f| f.field_type == FieldType::Choice)) {
        for lang in [Lang::Es, Lang::En] {
            let request = BriefRequest {
                id: a.id,
                lang,
                paper: Paper::Letter,
                office: "Coordinación".into(),
                generated: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
            };
            let doc = brief_report(&store, &request).unwrap();
            let text = pdf_text(&render_pdf(&doc).unwrap(), &format!("brief-{}-{}.pdf", a.kind.as_str(), lang.code()));
            assert_eq!(leaked_codes(&text, lang), Vec::<&str>::new(), "brief of {} in {}", a.title, lang.code());
        }
    }
    for lang in [Lang::Es, Lang::En] {
        let mut csv = Vec::new();
        write_csv(&all, lang, &mut csv, &mut |_, _| true).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(leaked_codes(&csv, lang), Vec::<&str>::new(), "CSV in {}", lang.code());
        assert!(csv.contains(lang.pick("De cortesía", "Courtesy call")));
    }
}

//! The agreements register: every signed agreement with its validity, whatever its signing
//! date, in the core query, the dashboard's "expiring" query and the register's files.

use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use enlace::store::{Store, Validity};
use serde_json::json;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// Signed in 2015 and in force until 2030; expiring next month; expired in 2020; with no end
/// date; and two that are no signed agreement (a planned one, a meeting).
fn records() -> String {
    [
        json!({"kind": "agreement", "title": "Hermanamiento con Nagoya", "start_date": "2015-03-01", "countries": ["JP"], "organisations": ["Ciudad de Nagoya"],
               "details": {"agreement_type": "hermanamiento", "signed_on": "2015-03-01", "valid_until": "2030-12-31", "agreement_status": "vigente"}}),
        json!({"kind": "agreement", "title": "Memorándum con la Embajada del Perú", "start_date": "2024-01-15", "countries": ["PE"], "organisations": ["Embajada del Perú"],
               "details": {"agreement_type": "memorandum", "valid_until": "2027-01-15"}}),
        json!({"kind": "agreement", "title": "Convenio con Madrid", "start_date": "2018-05-02", "countries": ["ES"], "organisations": ["Ayuntamiento de Madrid"],
               "details": {"agreement_type": "convenio_marco", "valid_until": "2020-05-01"}}),
        json!({"kind": "agreement", "title": "Carta de intención con Quito", "start_date": "2022-08-10", "countries": ["EC"], "organisations": ["Municipio de Quito"],
               "details": {"agreement_type": "carta_intencion"}}),
        json!({"kind": "agreement", "title": "Convenio aún por firmar", "start_date": "2027-02-01", "status": "planned", "details": {"agreement_type": "memorandum", "valid_until": "2027-03-01"}}),
        json!({"kind": "meeting", "title": "Reunión con Nagoya", "start_date": "2026-11-20", "countries": ["JP"]}),
    ]
    .iter()
    .map(|v| v.to_string())
    .collect::<Vec<_>>()
    .join("\n")
}

fn enlace(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("enlace").unwrap();
    cmd.arg("--db").arg(db).env_remove("ENLACE_DB").env_remove("ENLACE_USER");
    cmd
}

fn loaded(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("oficina.db");
    let jsonl = dir.join("convenios.jsonl");
    std::fs::write(&jsonl, records()).unwrap();
    enlace(&db).arg("init").assert().success();
    enlace(&db).arg("import").arg(&jsonl).assert().success();
    db
}

#[test]
fn the_register_lists_every_signed_agreement_with_its_validity() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&loaded(dir.path())).unwrap();
    let register = store.agreement_register(today()).unwrap();
    let standing: Vec<(&str, Validity, Option<i64>)> =
        register.iter().map(|a| (a.activity.title.as_str(), a.validity, a.days_left)).collect();
    assert_eq!(
        standing,
        [
            ("Memorándum con la Embajada del Perú", Validity::Expiring, Some(45)),
            ("Hermanamiento con Nagoya", Validity::InForce, Some(1491)),
            ("Carta de intención con Quito", Validity::NoEndDate, None),
            ("Convenio con Madrid", Validity::Expired, Some(-2405)),
        ]
    );
}

#[test]
fn the_dashboard_query_gives_the_agreements_expiring_within_the_days_asked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&loaded(dir.path())).unwrap();
    let soon = store.agreements_expiring(today(), 90).unwrap();
    assert_eq!(soon.iter().map(|a| a.activity.title.as_str()).collect::<Vec<_>>(), ["Memorándum con la Embajada del Perú"]);
    assert!(store.agreements_expiring(today(), 30).unwrap().is_empty(), "45 days away is not within 30");
    let later = store.agreements_expiring(NaiveDate::from_ymd_opt(2030, 11, 1).unwrap(), 90).unwrap();
    assert_eq!(later.iter().map(|a| a.activity.title.as_str()).collect::<Vec<_>>(), ["Hermanamiento con Nagoya"]);
}

#[test]
fn the_register_is_written_as_pdf_word_and_excel() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let samples = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&samples).unwrap();
    for name in ["register-es.pdf", "register-es.docx", "register-es.xlsx"] {
        enlace(&db).args(["register", "--today", "2026-12-01", "--out"]).arg(samples.join(name)).assert().success();
    }
    let text = std::process::Command::new("pdftotext").args(["-enc", "UTF-8", "-layout"]).arg(samples.join("register-es.pdf")).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for said in ["Registro de convenios", "Por vencer en los próximos 90 días", "Vigentes", "Sin fecha de término", "Vencidos", "Hermanamiento con Nagoya", "Memorándum con la Embajada", "Convenio con Madrid"] {
        assert!(text.contains(said), "{said}");
    }
    assert!(!text.contains("aún por firmar"), "a planned agreement is not signed");

    let mut book: Xlsx<_> = calamine::open_workbook(samples.join("register-es.xlsx")).unwrap();
    let range = book.worksheet_range("Convenios").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows[0][..3], ["Situación", "Días restantes", "Contraparte"]);
    assert_eq!(rows[1][..3], ["Por vencer", "45", "Embajada del Perú"]);
    assert_eq!(rows[2][..3], ["Vigente", "1491", "Ciudad de Nagoya"]);
    assert_eq!(rows[2][4], "Asia");
    assert!(matches!(range.get((2, 6)), Some(Data::DateTime(_))), "the signing day is a date cell");
    assert_eq!(rows.len(), 5);

    let empty = dir.path().join("vacia.db");
    enlace(&empty).arg("init").assert().success();
    enlace(&empty).args(["register", "--out", "x.pdf"]).assert().failure().stderr(predicates::str::contains("No hay convenios firmados"));
}

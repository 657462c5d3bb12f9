//! The partner dossier: everything done with one partner organisation or city over all years,
//! the country brief's machinery about a partner.

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use enlace::interop::interchange;
use enlace::report::{partner_dossier_report, Block, Document, Lang, Paper, PartnerDossierRequest};
use enlace::store::{Actor, Origin, Store};
use enlace::Explain;
use serde_json::json;

fn records() -> String {
    let nagoya = json!({"name": "Ciudad de Nagoya", "country": "JP"});
    [
        json!({"kind": "agreement", "title": "Hermanamiento con Nagoya", "start_date": "2015-03-01", "organisations": [nagoya], "details": {"agreement_type": "hermanamiento"}}),
        json!({"kind": "delegation", "title": "Delegación de Nagoya", "start_date": "2019-10-07", "organisations": ["Ciudad de Nagoya"], "details": {"direction": "incoming"}}),
        json!({"kind": "meeting", "title": "Reunión sobre movilidad con Nagoya", "start_date": "2021-06-02", "organisations": ["Ciudad de Nagoya", "Embajada de Japón"],
               "follow_ups": [{"task": "Enviar la agenda del intercambio", "owner": "Enlace"}]}),
        json!({"kind": "meeting", "title": "Videollamada con Nagoya", "start_date": "2026-02-11", "organisations": ["Ciudad de Nagoya"]}),
        json!({"kind": "meeting", "title": "Visita de cortesía del Embajador del Perú", "start_date": "2021-07-27", "organisations": ["Embajada del Perú"]}),
        json!({"kind": "illumination", "title": "Iluminación por el día nacional del Perú", "start_date": "2023-07-28", "organisations": ["Embajada de Perú"], "details": {"occasion": "Día nacional del Perú"}}),
        json!({"kind": "meeting", "title": "Reunión sin Nagoya", "start_date": "2021-06-03", "organisations": ["Embajada de Japón"]}),
    ]
    .iter()
    .map(|v| v.to_string())
    .collect::<Vec<_>>()
    .join("\n")
}

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(&records()).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn request(partner: &str) -> PartnerDossierRequest {
    PartnerDossierRequest {
        partner: partner.into(),
        from: None,
        to: None,
        lang: Lang::Es,
        paper: Paper::Letter,
        office: "Coordinación General de Asuntos Internacionales".into(),
        generated: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
    }
}

fn titles(doc: &Document) -> Vec<String> {
    doc.blocks().iter().filter_map(|b| if let Block::Heading { level: 4, text } = b { Some(text.clone()) } else { None }).collect()
}

#[test]
fn the_dossier_covers_every_year_with_the_partner() {
    let doc = partner_dossier_report(&store(), &request("Ciudad de Nagoya")).unwrap();
    assert_eq!(doc.title, "Expediente de contraparte: Ciudad de Nagoya");
    assert_eq!(titles(&doc), ["Hermanamiento con Nagoya", "Delegación de Nagoya", "Reunión sobre movilidad con Nagoya", "Videollamada con Nagoya"]);
    let text = format!("{:?}", doc.blocks());
    assert!(text.contains("Del 1 de marzo de 2015 al 11 de febrero de 2026 (todos los años registrados)"), "{text}");
    assert!(text.contains("(\"País:\", \"Japón\")"), "the partner's country");
    let by_year = doc.blocks().iter().position(|b| matches!(b, Block::Heading { text, .. } if text == "Actividades por año")).unwrap();
    let Block::Table(years) = &doc.blocks()[by_year + 1] else { panic!("a table of years") };
    assert_eq!(years.rows, [["2015", "1"], ["2019", "1"], ["2021", "1"], ["2026", "1"]]);
    let counterparts = doc.blocks().iter().find_map(|b| if let Block::BulletList(items) = b { Some(items.clone()) } else { None }).unwrap();
    assert_eq!(counterparts, ["Embajada de Japón"], "the partner itself is not its own counterpart");
    assert!(text.contains("Enviar la agenda del intercambio"), "open follow-up");
}

#[test]
fn a_partner_written_another_way_finds_every_record_of_it() {
    let doc = partner_dossier_report(&store(), &request("embajada de peru")).unwrap();
    assert_eq!(titles(&doc), ["Visita de cortesía del Embajador del Perú", "Iluminación por el día nacional del Perú"]);
    let within = PartnerDossierRequest { from: NaiveDate::from_ymd_opt(2023, 1, 1), ..request("Embajada del Perú") };
    assert_eq!(titles(&partner_dossier_report(&store(), &within).unwrap()), ["Iluminación por el día nacional del Perú"]);
    let err = partner_dossier_report(&store(), &request("Ciudad de Atlántida")).unwrap_err();
    assert_eq!(err.text().en, "No activities are recorded with “Ciudad de Atlántida”; no dossier was made.");
}

#[test]
fn the_cli_writes_the_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    let jsonl = dir.path().join("socios.jsonl");
    std::fs::write(&jsonl, records()).unwrap();
    let enlace = || {
        let mut cmd = Command::cargo_bin("enlace").unwrap();
        cmd.arg("--db").arg(&db).env_remove("ENLACE_DB").env_remove("ENLACE_USER");
        cmd
    };
    enlace().arg("init").assert().success();
    enlace().arg("import").arg(&jsonl).assert().success();
    let samples = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&samples).unwrap();
    let pdf = samples.join("partner-nagoya.pdf");
    enlace().args(["partner-dossier", "Ciudad de Nagoya", "--out"]).arg(&pdf).assert().success();
    let text = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Expediente de contraparte: Ciudad de Nagoya") && text.contains("Videollamada con Nagoya"));
    enlace().args(["partner-dossier", "Nadie", "--out"]).arg(samples.join("nadie.pdf")).assert().failure();
}

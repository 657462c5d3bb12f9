//! The period report year by year (`--by year`) over generated records of three years: each
//! year's figures are what `enlace stats` says for that year, the agreements by region add up
//! to the agreements' total, and the networks, visits and awards come from the records.

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use enlace::report::{period_report, Block, Breakdown, Document, Lang, PeriodRequest, Table};
use enlace::store::Store;
use serde_json::{json, Value};

/// The kinds the records have, as the report's rows name them.
const PLURALS: [(&str, &str); 9] = [
    ("meeting", "Reuniones"),
    ("delegation", "Delegaciones"),
    ("training", "Capacitaciones"),
    ("illumination", "Iluminación de monumentos"),
    ("agreement", "Convenios e instrumentos"),
    ("network", "Redes de ciudades"),
    ("event", "Eventos internacionales"),
    ("project", "Proyectos de cooperación"),
    ("award", "Reconocimientos"),
];

const COUNTRIES: [&str; 10] = ["PE", "FR", "JP", "US", "KE", "AU", "DE", "AR", "CN", "EG"];

/// Three years of records (2019–2021) of every kind the record counts, some planned, one
/// project running through all three, one activity before the report's period.
fn records() -> String {
    let mut lines = Vec::new();
    let mut push = |v: Value| lines.push(v.to_string());
    for year in 2019..=2021 {
        for i in 0..40u32 {
            let date = format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + (i * 7) % 27);
            let country = COUNTRIES[(i as usize + year as usize) % COUNTRIES.len()];
            let status = if i % 9 == 4 { "planned" } else { "done" };
            let title = format!("Actividad {year}-{i}");
            let (kind, details, countries): (&str, Value, Vec<&str>) = match i % 8 {
                0 => ("meeting", json!({}), vec![country]),
                1 => ("delegation", json!({"direction": if i % 3 == 0 { "outgoing" } else { "incoming" }}), vec![country]),
                2 => ("agreement", json!({"agreement_type": "memorandum", "parties": [format!("Ciudad {i}")]}), match i % 3 {
                    0 => vec![country, "PE"],
                    1 => vec![],
                    _ => vec![country],
                }),
                3 => ("network", json!({"network": if (i / 8) % 2 == 0 { "C40" } else { "UCCI" }, "role": "Vicepresidencia", "body": "Comité Directivo", "term": format!("{year}–{}", year + 2)}), vec![]),
                4 => ("award", json!({"granted_by": "ONU-Hábitat", "award_name": format!("Premio {year}-{i}"), "category": "Movilidad"}), vec![country]),
                5 => ("illumination", json!({"occasion": "Día nacional"}), vec![country]),
                6 => ("training", json!({"participants": 10 + i}), vec![country]),
                _ => ("event", json!({}), vec![country]),
            };
            push(json!({"kind": kind, "title": title, "start_date": date, "status": status, "countries": countries, "details": details}));
        }
    }
    push(json!({"kind": "project", "title": "Proyecto de tres años", "start_date": "2019-06-01", "end_date": "2021-05-31", "countries": ["DE"]}));
    push(json!({"kind": "meeting", "title": "Antes del periodo", "start_date": "2019-01-10", "countries": ["JP"]}));
    push(json!({"kind": "network", "title": "Metropolis, consejo", "start_date": "2020-03-03", "details": {"network": "Metropolis"}}));
    lines.join("\n")
}

fn enlace(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("enlace").unwrap();
    cmd.arg("--db").arg(db).env_remove("ENLACE_DB").env_remove("ENLACE_USER");
    cmd
}

/// `enlace stats --format json` with the arguments given, done activities only (as the report).
fn cli_stats(db: &Path, args: &[&str]) -> Value {
    let out = enlace(db).args(["stats", "--status", "done", "--format", "json"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The table printed right after the heading `title`.
fn table_after<'a>(doc: &'a Document, title: &str) -> &'a Table {
    let at = doc
        .blocks()
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == title))
        .unwrap_or_else(|| panic!("no heading «{title}»"));
    doc.blocks()[at..].iter().find_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).unwrap()
}

fn number(cell: &str) -> u64 {
    cell.replace(',', "").parse().unwrap_or_else(|_| panic!("«{cell}» is not a count"))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Record {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

fn loaded() -> Record {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    let jsonl = dir.path().join("tres-anios.jsonl");
    std::fs::write(&jsonl, records()).unwrap();
    enlace(&db).arg("init").assert().success();
    enlace(&db).arg("import").arg(&jsonl).assert().success();
    Record { _dir: dir, db }
}

fn request(lang: Lang) -> PeriodRequest {
    let generated = chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    PeriodRequest { lang, breakdown: Some(Breakdown::Year), ..PeriodRequest::new(d(2019, 3, 15), d(2021, 10, 31), "Coordinación General de Asuntos Internacionales", generated) }
}

#[test]
fn each_year_says_what_stats_says_for_that_year() {
    let record = loaded();
    let store = Store::open(&record.db).unwrap();
    let doc = period_report(&store, &request(Lang::Es)).unwrap();
    let table = table_after(&doc, "Actividades por año y tipo");
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Tipo", "2019", "2020", "2021", "Total"]);

    let years = [("2019", "2019-03-15", "2019-12-31"), ("2020", "2020-01-01", "2020-12-31"), ("2021", "2021-01-01", "2021-10-31")];
    let totals = table.totals.as_ref().unwrap();
    for (column, (year, from, to)) in years.iter().enumerate() {
        let stats = cli_stats(&record.db, &["--from", from, "--to", to]);
        assert_eq!(number(&totals[column + 1]), stats["total"].as_u64().unwrap(), "total of {year}");
        for row in &table.rows {
            let key = PLURALS.iter().find(|(_, plural)| *plural == row[0]).unwrap().0;
            let kind = stats["by_kind"].as_array().unwrap().iter().find(|c| c["key"] == key);
            let expected = kind.map_or(0, |c| c["count"].as_u64().unwrap());
            assert_eq!(number(&row[column + 1]), expected, "{} in {year}", row[0]);
        }
    }
    let whole = cli_stats(&record.db, &["--from", "2019-03-15", "--to", "2021-10-31"]);
    assert_eq!(number(totals.last().unwrap()), whole["total"].as_u64().unwrap());
    // The project counts in each of its three years, the meeting before the period in none.
    let projects = table.rows.iter().find(|r| r[0] == "Proyectos de cooperación").unwrap();
    assert_eq!(projects[1..].iter().map(|c| number(c)).collect::<Vec<_>>(), [1, 1, 1, 1]);
}

#[test]
fn agreements_by_region_add_up_to_the_agreements_total() {
    let record = loaded();
    let store = Store::open(&record.db).unwrap();
    let doc = period_report(&store, &request(Lang::Es)).unwrap();
    let regions = table_after(&doc, "Convenios por región");
    let agreements = cli_stats(&record.db, &["--from", "2019-03-15", "--to", "2021-10-31", "--kind", "agreement"])["total"].as_u64().unwrap();
    assert!(agreements > 10);
    let sum: u64 = regions.rows.iter().map(|r| number(&r[1])).sum();
    assert_eq!(sum, agreements);
    assert_eq!(regions.totals.as_ref().unwrap()[1], agreements.to_string());
    let named: Vec<&str> = regions.rows.iter().map(|r| r[0].as_str()).collect();
    assert!(named.contains(&"América Latina y el Caribe") && named.contains(&"Sin país registrado"), "{named:?}");
    // An agreement with France and Peru counts once (the sum above), under France's region.
    assert!(regions.rows.iter().any(|r| r[0] == "Europa"));
}

#[test]
fn networks_visits_and_awards_come_from_the_records() {
    let record = loaded();
    let store = Store::open(&record.db).unwrap();
    let doc = period_report(&store, &request(Lang::En)).unwrap();
    let text = format!("{:?}", doc.blocks());
    assert!(text.contains("In the period the city took part in 3 city networks."), "C40, Metropolis and UCCI");
    let networks = table_after(&doc, "City networks");
    let c40 = networks.rows.iter().find(|r| r[0] == "C40").unwrap();
    assert!(c40[1].contains("Vicepresidencia (Comité Directivo) 2019–2021"), "{c40:?}");

    let visits = table_after(&doc, "Visits received by year and month");
    let incoming_done = cli_stats(&record.db, &["--from", "2019-03-15", "--to", "2021-10-31", "--kind", "delegation"]);
    let visits_total = number(visits.totals.as_ref().unwrap().last().unwrap());
    assert!(visits_total > 0 && visits_total < incoming_done["total"].as_u64().unwrap(), "outgoing delegations are not visits");
    let row_sum: u64 = visits.rows.iter().map(|r| number(r.last().unwrap())).sum();
    assert_eq!(row_sum, visits_total);

    let awards = table_after(&doc, "Awards by year");
    let awarded = cli_stats(&record.db, &["--from", "2019-03-15", "--to", "2021-10-31", "--kind", "award"])["total"].as_u64().unwrap();
    assert_eq!(awards.rows.len() as u64, awarded);
    assert!(!text.contains("Annex"), "the record of several years lists no activity by activity");
}

#[test]
fn the_cli_writes_the_record_as_pdf_and_word() {
    let record = loaded();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["years-es.pdf", "years-es.docx"] {
        let out = dir.join(name);
        enlace(&record.db)
            .args(["report", "--from", "2019-03-15", "--to", "2021-10-31", "--by", "year", "--compare", "--out"])
            .arg(&out)
            .assert()
            .success();
        assert!(std::fs::metadata(&out).unwrap().len() > 10_000, "{name}");
    }
    let text = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(dir.join("years-es.pdf")).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for heading in ["Comparación con el periodo anterior", "Año por año", "Actividades por año y tipo", "Convenios por región", "Redes de ciudades", "Visitas recibidas por año y mes", "Reconocimientos por año"] {
        assert!(text.contains(heading), "{heading}");
    }
    enlace(&record.db).args(["report", "--from", "2019-03-15", "--to", "2021-10-31", "--by", "decade", "--out", "x.pdf"]).assert().failure();

    // A saved definition keeps the breakdown: the "Administración" preset of the Reports screen.
    enlace(&record.db)
        .args(["report-definitions", "save", "Administración", "--from", "2019-03-15", "--to", "2021-10-31", "--by", "year"])
        .assert()
        .success();
    let store = Store::open(&record.db).unwrap();
    let saved = store.report_definition("Administración").unwrap().unwrap();
    assert_eq!(saved.breakdown, Some(Breakdown::Year));
    let doc = period_report(&store, &saved.request("Oficina".into(), chrono::Utc::now())).unwrap();
    assert!(doc.blocks().iter().any(|b| matches!(b, Block::Heading { text, .. } if text == "Año por año")));
}

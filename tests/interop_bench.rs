//! Timing of a 5,000-row spreadsheet import (read, map, dry run against the database, write).
//! Ignored by default; run once in release mode for the figure:
//! `cargo test --release --test interop_bench -- --ignored --nocapture`

use std::time::Instant;

use enlace::interop::import_plan::plan_import;
use enlace::interop::spreadsheet::{read_rows, read_table, Mapping};
use enlace::store::{Actor, Filter, Origin, Store};

const ROWS: usize = 5_000;

fn spreadsheet() -> String {
    let kinds = ["Reunión", "Capacitación", "Iluminación", "Foro"];
    let countries = ["Perú", "Francia", "Reino Unido", "México"];
    let mut csv = String::from("Fecha;Tipo;Título;País;Contraparte;Modalidad;Descripción\n");
    for i in 0..ROWS {
        let day = 1 + i % 28;
        let month = ["enero", "marzo", "julio", "octubre"][i % 4];
        csv.push_str(&format!(
            "{day} de {month} de {};{};Actividad número {i} con la contraparte {};{};Organización {};Presencial;Se trataron los temas de la agenda {i}.\n",
            2015 + i % 10,
            kinds[i % 4],
            i % 97,
            countries[i % 4],
            i % 300,
        ));
    }
    csv
}

#[test]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
fn import_5000_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("historico.csv");
    std::fs::write(&path, spreadsheet()).unwrap();
    let mut store = Store::open(&dir.path().join("bench.enlace")).unwrap();

    let started = Instant::now();
    let table = read_table(&path, None).unwrap();
    let mapping = Mapping::propose(&table.headers).adjusted(&Mapping::from_json(r#"{"default_year": 2021}"#).unwrap());
    let drafts = read_rows(&table, &mapping, &mut |_, _| true).unwrap();
    let read = started.elapsed();
    let plan = plan_import(&store, &drafts).unwrap();
    let planned = started.elapsed();
    let items = plan.to_import(false);
    let report = store.import(&items, &Actor::new("bench", Origin::Import), false, &mut |_, _| true).unwrap();
    let written = started.elapsed();
    let replan = plan_import(&store, &drafts).unwrap();
    let replanned = started.elapsed() - written;

    assert_eq!(report.created as usize, ROWS);
    assert_eq!(store.list(&Filter::default()).unwrap().total as usize, ROWS);
    assert!(replan.to_import(false).is_empty(), "every line is now a duplicate of its record");
    println!(
        "{ROWS} rows: read+map {:?}, dry run {:?}, write {:?}, total {:?}; dry run against the 5,000 written: {:?}",
        read,
        planned - read,
        written - planned,
        written,
        replanned
    );
}

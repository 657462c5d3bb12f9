//! Sync figures: a 10,000-change bundle with a few MB of attachments, exported by an officer
//! and imported by a central office already holding 100,000 activities.
//!
//! `cargo test --release --test sync_bench -- --ignored --nocapture` (or `bash scripts/bench.sh`)

mod sync_support;

use std::time::Instant;

use enlace::domain::ActivityInput;
use enlace::store::{Actor, Origin, Store};
use enlace::sync::{journal, ImportOptions};
use sync_support::Office;

fn activities(prefix: &str, n: u64) -> Vec<(u64, ActivityInput)> {
    (0..n)
        .map(|i| {
            let kind = ["meeting", "event", "training"][(i % 3) as usize];
            let country = ["PE", "FR"][(i % 2) as usize];
            let json = serde_json::json!({
                "kind": kind,
                "title": format!("{prefix} {i}: encuentro con la delegación"),
                "start_date": format!("20{:02}-{:02}-{:02}", 10 + i % 16, 1 + i % 12, 1 + i % 28),
                "summary": "Se acordó dar seguimiento a los proyectos de cooperación técnica en movilidad y cultura.",
                "countries": [country],
                "organisations": [format!("Organización {}", i % 400)],
                "people": [format!("Persona {}", i % 900)],
                "topics": ["movilidad", "cultura"],
            });
            (i + 1, serde_json::from_value(json).unwrap())
        })
        .collect()
}

fn fill(store: &mut Store, prefix: &str, n: u64) {
    let who = Actor::new("carga", Origin::Import);
    for chunk in activities(prefix, n).chunks(10_000) {
        assert!(store.import(chunk, &who, false, &mut |_, _| true).is_ok(), "sample data must be valid");
    }
}

/// A row of the figures table `scripts/bench.sh` prints (no anchor for these measures).
fn row(measure: &str, goal: &str, figure: &str, pass: bool) {
    println!("| {measure} | {goal} | — | {figure} | {} |", if pass { "PASS" } else { "MISS" });
}

fn secs(t: Instant) -> String {
    format!("{:.2} s", t.elapsed().as_secs_f64())
}

#[test]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
fn bundle_of_ten_thousand_changes_into_a_central_of_a_hundred_thousand() {
    let mut o = Office::new();
    let t = Instant::now();
    fill(&mut o.central.store, "Central", 100_000);
    println!("central: 100.000 actividades cargadas en {}", secs(t));
    // As the app finds it the next day: opened on a database that already holds its records
    // (the store refreshes SQLite's planner statistics when it opens).
    o.central.store = Store::open(&o.central.path).unwrap();
    let t = Instant::now();
    let me = o.central.public.id;
    o.central.store.with_sync_transaction(|book| journal::ingest_local(book, me)).unwrap();
    println!("central: primera lectura de su propio historial (una sola vez) {}", secs(t));

    fill(&mut o.ana.store, "Ana", 10_000);
    let ids: Vec<String> = o.ana.db().prepare("SELECT id FROM activities LIMIT 3").unwrap()
        .query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for (i, id) in ids.iter().enumerate() {
        let data: Vec<u8> = (0..1_500_000).map(|_| { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; seed as u8 }).collect();
        let file = o.dir.path().join(format!("foto-{i}.jpg"));
        std::fs::write(&file, data).unwrap();
        o.ana.store.attach(&id.parse().unwrap(), &file, &Actor::new("Ana", Origin::App)).unwrap();
    }

    let t = Instant::now();
    let exported = enlace::sync::export(&mut o.ana.store, &o.central.public, false).unwrap();
    let export_time = t.elapsed();
    let bytes = exported.bytes;
    println!(
        "exportar: {} cambios, {} adjuntos ({} bytes) en {:.2} s; paquete {:.1} MB",
        exported.manifest.counts.changes,
        exported.manifest.counts.attachments,
        exported.manifest.counts.attachment_bytes,
        export_time.as_secs_f64(),
        bytes.len() as f64 / 1e6
    );

    let clone = o.dir.path().join("central-clon.db");
    o.central.db().execute("VACUUM INTO ?1", [clone.to_str().unwrap()]).unwrap();

    let options = ImportOptions { confirm: true, ..Default::default() };
    let t = Instant::now();
    let report = enlace::sync::import(&mut o.central.store, &bytes, &options).unwrap();
    let import_time = t.elapsed();
    println!("importar en la central (100.000 actividades): {} aplicados en {:.2} s", report.applied, import_time.as_secs_f64());
    println!("exportar + importar: {:.2} s (meta < 2 s)", (export_time + import_time).as_secs_f64());
    let both = (export_time + import_time).as_secs_f64();
    row("bundle of 10,000 changes into a 100,000-activity copy: export + import", "< 2 s", &format!("{both:.2} s"), both < 2.0);

    let mut plain_store = Store::open(&clone).unwrap();
    let t = Instant::now();
    fill(&mut plain_store, "Comparación", 10_000);
    println!("comparación: el import propio del store (intercambio JSON) de 10.000 actividades en una copia de la misma base: {}", secs(t));

    let t = Instant::now();
    let again = enlace::sync::import(&mut o.central.store, &bytes, &options).unwrap();
    let reimport = t.elapsed().as_secs_f64();
    println!("reimportar (sin cambios): {} aplicados, {} omitidos en {}", again.applied, again.skipped, secs(t));
    row("the same bundle imported again (no-op)", "< 0.2 s", &format!("{reimport:.2} s"), reimport < 0.2);

    let t = Instant::now();
    let plain = age::decrypt(o.central.identity().decryption_key(), &bytes[..]).unwrap();
    println!("descifrar (age, en proceso): {} ; tar sin cifrar {:.1} MB", secs(t), plain.len() as f64 / 1e6);
    let tar = o.dir.path().join("paquete.tar");
    std::fs::write(&tar, &plain).unwrap();
    let t = Instant::now();
    match std::process::Command::new("age").args(["-r", &o.central.public.age, "-o"]).arg(o.dir.path().join("cli.age")).arg(&tar).status() {
        Ok(s) if s.success() => println!(
            "`age -r` (CLI) cifrando los mismos bytes: {} ; {:.1} MB",
            secs(t),
            std::fs::metadata(o.dir.path().join("cli.age")).unwrap().len() as f64 / 1e6
        ),
        _ => println!("`age` no está instalado: sin comparación"),
    }
    let t = Instant::now();
    let _ = enlace::sync::container::encrypt(&o.central.public, &plain).unwrap();
    println!("cifrar (age, en proceso) los mismos bytes: {}", secs(t));
    assert_eq!(report.applied, 10_003);
    assert_eq!(again.applied, 0);
}

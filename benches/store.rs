//! Store benchmark on a generated database of 100,000 activities, without and with the office
//! passphrase (SQLCipher) in the same run. Prints figures; asserts nothing.
//! Run: `cargo bench --bench store` (set ENLACE_BENCH_N for another size).

use std::time::{Duration, Instant};

use enlace::domain::{ActivityInput, Kind, OrgMention};
use enlace::store::{Actor, Filter, Origin, Passphrase, Store};

/// A small deterministic generator, so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const COUNTRIES: &[&str] = &["PE", "MX", "FR", "GB", "NZ", "US", "ES", "DE", "JP", "CO", "AR", "CL", "BR", "CA", "IT", "KR", "CN", "IN", "MA", "ZA"];
const WORDS: &[&str] = &[
    "cooperación", "movilidad", "seguridad", "cultura", "embajada", "ciudad", "innovación", "género", "agua",
    "resiliencia", "turismo", "migración", "educación", "salud", "clima", "energía", "transparencia", "vivienda",
];
const AXES: &[&str] = &[
    "Igualdad de Derechos", "Ciudad Sustentable", "Más y Mejor Movilidad", "Capital Cultural de América",
    "Cero Agresión y Más Seguridad", "Ciencia, Innovación y Tecnología",
];

fn generate(n: usize) -> Vec<(u64, ActivityInput)> {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let kinds = [Kind::Meeting, Kind::Delegation, Kind::Training, Kind::Event, Kind::Project, Kind::Other];
    (0..n)
        .map(|i| {
            let kind = *rng.pick(&kinds);
            let words: Vec<&str> = (0..4).map(|_| *rng.pick(WORDS)).collect();
            let day = 1 + rng.next() % 28;
            let month = 1 + rng.next() % 12;
            let mut input = ActivityInput {
                kind: kind.as_str().into(),
                title: format!("{} sobre {} y {} n.º {i}", kind.label_es(), words[0], words[1]),
                start_date: format!("{}-{month:02}-{day:02}", 2015 + rng.next() % 10),
                summary: Some(format!(
                    "Se trabajó en {} con énfasis en {}. La reunión permitió acordar acciones de {} para el siguiente periodo.",
                    words[2], words[3], words[0]
                )),
                countries: vec![rng.pick(COUNTRIES).to_string()],
                organisations: vec![OrgMention::Name(format!("Organización {}", rng.next() % 2000))],
                axis: Some(rng.pick(AXES).to_string()),
                modality: Some(rng.pick(&["presencial", "virtual", "hibrido"]).to_string()),
                ..Default::default()
            };
            if kind == Kind::Delegation {
                input.details.direction = Some("incoming".into());
            }
            (i as u64 + 1, input)
        })
        .collect()
}

/// The same rows written the plainest way SQLite allows: one table, one prepared insert.
fn raw_insert(items: &[(u64, ActivityInput)], path: &std::path::Path) -> Duration {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    conn.execute_batch(
        "CREATE TABLE raw (id TEXT PRIMARY KEY, kind TEXT, title TEXT, start_date TEXT, summary TEXT,
         countries TEXT, organisations TEXT, axis TEXT, modality TEXT, details TEXT)",
    )
    .unwrap();
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx.prepare("INSERT INTO raw VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)").unwrap();
        for (_, a) in items {
            stmt.execute((
                uuid::Uuid::now_v7().to_string(),
                &a.kind,
                &a.title,
                &a.start_date,
                &a.summary,
                serde_json::to_string(&a.countries).unwrap(),
                serde_json::to_string(&a.organisations).unwrap(),
                &a.axis,
                &a.modality,
                serde_json::to_string(&a.details).unwrap(),
            ))
            .unwrap();
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}

fn percentile(mut samples: Vec<Duration>, p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.to_string()))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// What one database measures: import time, list and search (median, p95), size in MiB.
struct Figures {
    import: Duration,
    list: (Duration, Duration),
    search: (Duration, Duration),
    mib: f64,
}

fn measure(items: &[(u64, ActivityInput)], path: &std::path::Path, key: Option<&Passphrase>) -> Figures {
    let mut store = Store::open_with(path, key).unwrap();
    let start = Instant::now();
    let report = store.import(items, &Actor::new("bench", Origin::Import), false, &mut |_, _| true).unwrap();
    let import = start.elapsed();
    assert_eq!(report.created as usize, items.len());

    let date = |s: &str| s.parse().ok();
    let filters = [
        Filter { kinds: vec![Kind::Meeting], from: date("2020-01-01"), to: date("2020-06-30"), ..Default::default() },
        Filter { countries: vec!["PE".into()], ..Default::default() },
        Filter { axes: vec!["Ciudad Sustentable".into()], from: date("2023-01-01"), to: date("2023-12-31"), ..Default::default() },
        Filter::default(),
    ];
    let mut pages = Vec::new();
    for round in 0..50 {
        for f in &filters {
            let f = Filter { limit: Some(50), offset: (round % 3) * 50, ..f.clone() };
            let start = Instant::now();
            let page = store.list(&f).unwrap();
            pages.push(start.elapsed());
            assert!(page.total > 0);
        }
    }
    let queries = ["peru", "movilidad", "cooperacion ciudad", "GENERO", "innov", "organizacion 17", "clima energia", "embajada"];
    let mut searches = Vec::new();
    for _ in 0..25 {
        for q in queries {
            let start = Instant::now();
            store.search(q, &Filter { limit: Some(50), ..Default::default() }).unwrap();
            searches.push(start.elapsed());
        }
    }
    store.checkpoint().unwrap();
    let mib = std::fs::metadata(path).unwrap().len() as f64 / (1024.0 * 1024.0);
    let spread = |s: Vec<Duration>| (percentile(s.clone(), 0.5), percentile(s, 0.95));
    Figures { import, list: spread(pages), search: spread(searches), mib }
}

fn main() {
    let n: usize = std::env::var("ENLACE_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    // ENLACE_BENCH_KEEP=DIR keeps the generated database there for inspection.
    let keep = std::env::var_os("ENLACE_BENCH_KEEP").map(std::path::PathBuf::from);
    println!("Enlace store benchmark: {n} activities");
    let items = generate(n);

    let raw = raw_insert(&items, &dir.path().join("raw.db"));
    let base = keep.unwrap_or_else(|| dir.path().to_path_buf());
    let plain = measure(&items, &base.join("enlace.db"), None);
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!("bulk import (validate, link, index, audit, feed): {:>10.0} rows/s  ({})", rate(plain.import), ms(plain.import));
    println!("raw SQLite insert of the same rows:               {:>10.0} rows/s  ({})", rate(raw), ms(raw));
    println!("import rate vs raw:                               {:>9.1} %  (goal >= 50 %)", 100.0 * rate(plain.import) / rate(raw));
    println!("filtered list, page of 50:  median {}  p95 {}  (goal < 10 ms)", ms(plain.list.0), ms(plain.list.1));
    println!("full-text search, page of 50:  median {}  p95 {}  (goal p95 < 20 ms)", ms(plain.search.0), ms(plain.search.1));
    println!("database size on disk: {:.1} MiB ({:.2} KiB per activity)", plain.mib, plain.mib * 1024.0 / n as f64);

    // The same with the office passphrase (SQLCipher): the cost of encryption, same run.
    let key = Passphrase::new("contraseña de la oficina para medir").unwrap();
    let sealed = measure(&items, &base.join("enlace-cifrada.db"), Some(&key));
    let cost = |with: Duration, without: Duration| 100.0 * (with.as_secs_f64() / without.as_secs_f64() - 1.0);
    println!("encrypted: import {}  list median {}  search median {}", ms(sealed.import), ms(sealed.list.0), ms(sealed.search.0));
    println!(
        "cost of encryption: import {:+.1} %  list {:+.1} %  search {:+.1} %  (goal < 15 % each)",
        cost(sealed.import, plain.import),
        cost(sealed.list.0, plain.list.0),
        cost(sealed.search.0, plain.search.0)
    );
    println!("peak memory (RSS): {:.0} MiB", peak_rss_mib());
}

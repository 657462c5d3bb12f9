//! Store benchmark on a generated database of 100,000 activities, without and with the office
//! passphrase (SQLCipher) in the same run, beside the anchor (the same rows in one table
//! plus an FTS5 index over title and summary). Prints one table row per measure with its goal
//! and verdict; asserts nothing else.
//! Run: `bash scripts/bench.sh` (all benchmarks) or `cargo bench --bench store` (set
//! ENLACE_BENCH_N for another size).

use std::time::{Duration, Instant};

use enlace::domain::{ActivityInput, Kind, OrgMention};
use enlace::store::{Actor, Filter, Origin, Passphrase, Store};

#[path = "../tests/rng_support/mod.rs"]
mod rng_support;
use rng_support::Rng;

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

/// The anchor: the same rows written plainly into one table plus an FTS5 index over
/// title and summary, in one transaction, one prepared statement each.
fn anchor_insert(items: &[(u64, ActivityInput)], path: &std::path::Path) -> (rusqlite::Connection, Duration) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    conn.execute_batch(
        "CREATE TABLE raw (id TEXT PRIMARY KEY, kind TEXT, title TEXT, start_date TEXT, summary TEXT,
         countries TEXT, organisations TEXT, axis TEXT, modality TEXT, details TEXT);
         CREATE INDEX raw_date ON raw(start_date);
         CREATE VIRTUAL TABLE raw_fts USING fts5(title, summary, content = '', tokenize = 'unicode61 remove_diacritics 2');",
    )
    .unwrap();
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut row = tx.prepare("INSERT INTO raw VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)").unwrap();
        let mut fts = tx.prepare("INSERT INTO raw_fts (rowid, title, summary) VALUES (?1, ?2, ?3)").unwrap();
        for (_, a) in items {
            row.execute((
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
            fts.execute((tx.last_insert_rowid(), &a.title, &a.summary)).unwrap();
        }
    }
    tx.commit().unwrap();
    (conn, start.elapsed())
}

/// The searches measured: common and rare terms, alone and with a filter.
const QUERIES: &[&str] = &["peru", "movilidad", "cooperacion ciudad", "GENERO", "innov", "organizacion 17", "clima energia", "embajada"];

/// The filters searches are combined with: none, a kind, a year.
fn search_filters() -> Vec<Filter> {
    vec![
        Filter::default(),
        Filter { kinds: vec![Kind::Meeting], ..Default::default() },
        Filter { from: "2021-01-01".parse().ok(), to: "2021-12-31".parse().ok(), ..Default::default() },
    ]
}

/// The naive FTS5 "top 50 by date" over the anchor: the same searches and filters, no count.
fn naive_search(conn: &rusqlite::Connection) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..25 {
        for q in QUERIES {
            let fts: Vec<String> = q.to_lowercase().split(' ').map(|w| format!("\"{w}\"*")).collect();
            let fts = fts.join(" ");
            for f in search_filters() {
                let (sql, kind, from, to) = (
                    "SELECT r.id FROM raw_fts JOIN raw r ON r.rowid = raw_fts.rowid
                     WHERE raw_fts MATCH ?1 AND (?2 IS NULL OR r.kind = ?2) AND (?3 IS NULL OR r.start_date >= ?3)
                       AND (?4 IS NULL OR r.start_date <= ?4)
                     ORDER BY r.start_date DESC LIMIT 50",
                    f.kinds.first().map(|k| k.as_str()),
                    f.from.map(|d| d.to_string()),
                    f.to.map(|d| d.to_string()),
                );
                let start = Instant::now();
                let mut stmt = conn.prepare_cached(sql).unwrap();
                let ids: Vec<String> = stmt.query_map((&fts, kind, from, to), |r| r.get(0)).unwrap().map(Result::unwrap).collect();
                times.push(start.elapsed());
                assert!(ids.len() <= 50);
            }
        }
    }
    times
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
    let mut searches = Vec::new();
    for _ in 0..25 {
        for q in QUERIES {
            for f in search_filters() {
                let start = Instant::now();
                store.search(q, &Filter { limit: Some(50), ..f }).unwrap();
                searches.push(start.elapsed());
            }
        }
    }
    store.checkpoint().unwrap();
    let mib = std::fs::metadata(path).unwrap().len() as f64 / (1024.0 * 1024.0);
    let spread = |s: Vec<Duration>| (percentile(s.clone(), 0.5), percentile(s, 0.95));
    Figures { import, list: spread(pages), search: spread(searches), mib }
}

/// One row of the figures table `scripts/bench.sh` prints: measure, goal, anchor, figure, verdict.
fn row(measure: &str, goal: &str, anchor: &str, figure: &str, pass: Option<bool>) {
    let verdict = match pass {
        Some(true) => "PASS",
        Some(false) => "MISS",
        None => "—",
    };
    println!("| {measure} | {goal} | {anchor} | {figure} | {verdict} |");
}

fn main() {
    let n: usize = std::env::var("ENLACE_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    // ENLACE_BENCH_KEEP=DIR keeps the generated database there for inspection.
    let keep = std::env::var_os("ENLACE_BENCH_KEEP").map(std::path::PathBuf::from);
    let items = generate(n);
    let per_s = |d: Duration| n as f64 / d.as_secs_f64();
    let thousands = |v: f64| {
        let digits = format!("{v:.0}");
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    };

    let (anchor_db, anchor) = anchor_insert(&items, &dir.path().join("anchor.db"));
    let naive = naive_search(&anchor_db);
    anchor_db.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let base = keep.unwrap_or_else(|| dir.path().to_path_buf());
    let plain = measure(&items, &base.join("enlace.db"), None);
    // The same with the office passphrase (SQLCipher): the cost of encryption, same run.
    let key = Passphrase::new("contraseña de la oficina para medir").unwrap();
    let sealed = measure(&items, &base.join("enlace-cifrada.db"), Some(&key));

    let share = per_s(plain.import) / per_s(anchor);
    row(
        &format!("bulk import of {} activities (validate, link, index, audit, feed)", thousands(n as f64)),
        "≥ 50 % of the anchor's rate",
        &format!("table + FTS5 (title, summary), one transaction: {} rows/s", thousands(per_s(anchor))),
        &format!("{} rows/s = {:.1} %", thousands(per_s(plain.import)), 100.0 * share),
        Some(share >= 0.5),
    );
    row(
        "filtered list, page of 50 by date, with the count",
        "p95 < 10 ms",
        "—",
        &format!("median {}, p95 {}", ms(plain.list.0), ms(plain.list.1)),
        Some(plain.list.1 < Duration::from_millis(10)),
    );
    let naive = (percentile(naive.clone(), 0.5), percentile(naive, 0.95));
    row(
        "full-text search, page of 50 (common and rare terms, with filters)",
        "p95 < 20 ms",
        &format!("naive FTS5 top 50 by date: median {}, p95 {}", ms(naive.0), ms(naive.1)),
        &format!("median {}, p95 {}", ms(plain.search.0), ms(plain.search.1)),
        Some(plain.search.1 < Duration::from_millis(20)),
    );
    let cost = |with: Duration, without: Duration| 100.0 * (with.as_secs_f64() / without.as_secs_f64() - 1.0);
    let costs = [cost(sealed.import, plain.import), cost(sealed.list.0, plain.list.0), cost(sealed.search.0, plain.search.0)];
    row(
        "office passphrase (SQLCipher): import, list median, search median",
        "< 15 % each",
        "the plain database, same run",
        &format!("{:+.1} %, {:+.1} %, {:+.1} %", costs[0], costs[1], costs[2]),
        Some(costs.iter().all(|c| *c < 15.0)),
    );
    row(
        "database size on disk",
        "—",
        &format!("anchor {:.1} MiB", std::fs::metadata(dir.path().join("anchor.db")).unwrap().len() as f64 / 1048576.0),
        &format!("{:.1} MiB ({:.2} KiB per activity)", plain.mib, plain.mib * 1024.0 / n as f64),
        None,
    );
    row("peak memory of the store benchmark (RSS)", "—", "—", &format!("{:.0} MiB", peak_rss_mib()), None);
}

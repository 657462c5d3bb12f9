//! A central office of fifty officers, simulated: each officer keeps a copy of its own, logs
//! 2,000 activities over five years of weeks (with edits, deletions, small attachments, some
//! clocks running ahead) and sends a bundle to the central copy every week; some bundles are
//! lost and sent again later, some arrive out of order, some twice. At the end every officer's
//! records must read at central exactly as in the officer's copy.
//!
//! Full scale, release: `bash scripts/simulate-central.sh` (or `cargo test --release --test
//! simulate_central -- --ignored --nocapture`); smaller with `ENLACE_SIM_OFFICERS`,
//! `ENLACE_SIM_ACTIVITIES` (per officer) and `ENLACE_SIM_WEEKS`. A few officers over a few weeks
//! run the same code in the normal test suite.

mod rng_support;
mod sync_support;

use rng_support::Rng;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use enlace::store::{Actor, Origin};
use enlace::sync::{ImportOptions, Role, SyncError};
use sync_support::Copy;

/// How big an office to simulate.
struct Scale {
    officers: usize,
    /// Activities each officer logs over the whole period.
    activities: usize,
    weeks: usize,
}

impl Scale {
    fn from_env(default: Scale) -> Scale {
        let var = |name: &str, default: usize| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
        Scale {
            officers: var("ENLACE_SIM_OFFICERS", default.officers),
            activities: var("ENLACE_SIM_ACTIVITIES", default.activities),
            weeks: var("ENLACE_SIM_WEEKS", default.weeks),
        }
    }
}

const COUNTRIES: &[&str] = &["PE", "MX", "FR", "GB", "US", "ES", "DE", "JP", "CO", "AR", "CL", "BR", "CA", "KR"];
const TOPICS: &[&str] = &["movilidad", "cultura", "agua", "seguridad", "turismo", "clima", "educación", "salud"];

/// One officer: its copy, its live records, and the bundles on their way to central.
struct Officer {
    copy: Copy,
    live: Vec<String>,
    logged: usize,
    /// (week it arrives, bundle): lost bundles arrive when sent again, delayed ones a week late.
    in_transit: Vec<(usize, Vec<u8>)>,
}

impl Officer {
    fn actor(&self) -> Actor {
        Actor::new(self.copy.public.name.clone(), Origin::App)
    }

    /// One week of work: new activities (some with a small attachment), an edit, sometimes a
    /// deletion.
    fn work(&mut self, n: usize, week: usize, rng: &mut Rng, files: &std::path::Path) {
        let monday = chrono::NaiveDate::from_ymd_opt(2021, 1, 4).unwrap() + chrono::Days::new(7 * week as u64);
        for _ in 0..n {
            self.logged += 1;
            let topic = TOPICS[rng.below(TOPICS.len())];
            let kind = ["meeting", "event", "training", "other"][rng.below(4)];
            let country = COUNTRIES[rng.below(COUNTRIES.len())];
            let id = self.copy.save(serde_json::json!({
                "kind": kind,
                "title": format!("{}: {topic}, asunto {}", self.copy.public.name, self.logged),
                "start_date": (monday + chrono::Days::new(rng.below(5) as u64)).to_string(),
                "summary": format!("Seguimiento de la agenda de {topic} con la contraparte; se acordaron los siguientes pasos."),
                "countries": [country],
                "organisations": [format!("Organización {}", rng.below(300))],
                "topics": [topic],
            }));
            if self.logged.is_multiple_of(25) {
                let file = files.join(format!("{}-{}.txt", self.copy.public.id, self.logged));
                std::fs::write(&file, format!("minuta {} {}\n", self.logged, "·".repeat(rng.below(2000)))).unwrap();
                self.copy.store.attach(&id.parse().unwrap(), &file, &self.actor()).unwrap();
            }
            self.live.push(id);
        }
        if !self.live.is_empty() && week.is_multiple_of(2) {
            let id = self.live[rng.below(self.live.len())].clone();
            self.copy.edit(&id, "outcomes", serde_json::json!(format!("Revisado la semana {week}")));
        }
        if self.live.len() > 10 && week % 9 == 4 {
            let id = self.live.swap_remove(rng.below(self.live.len()));
            self.copy.trash(&id);
        }
    }
}

/// Moves this copy's clock `ahead_millis` ahead of the wall clock, as a computer whose date is
/// wrong would stamp its changes (the clock keeps the furthest value it has seen).
fn run_ahead(copy: &Copy, ahead_millis: u64) {
    let conn = rusqlite::Connection::open(&copy.path).unwrap();
    let ahead = chrono::Utc::now().timestamp_millis() as u64 + ahead_millis;
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_hlc', ?1)", [format!("{ahead:013}-00000")]).unwrap();
}

/// What the simulation measured.
struct Figures {
    bundles: usize,
    total: Duration,
    consolidate: Duration,
    imports: Vec<Duration>,
    activities: usize,
    central_mib: f64,
    conflicts: usize,
    refused_for_clock: usize,
    missing_reported: usize,
    duplicates: usize,
}

fn simulate(scale: &Scale) -> Figures {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("archivos");
    std::fs::create_dir_all(&files).unwrap();
    let mut central = Copy::new(dir.path(), "Oficina Central", Role::Central);
    let mut officers: Vec<Officer> = (0..scale.officers)
        .map(|i| {
            let copy = Copy::new(dir.path(), &format!("Oficial {:02}", i + 1), Role::Officer);
            copy.trust(&central);
            central.trust(&copy);
            // Every tenth computer runs ten minutes fast (within what central accepts); one
            // runs two days fast, and central accepts it knowingly after the first refusal.
            match i % 10 {
                3 => run_ahead(&copy, 10 * 60 * 1000),
                7 => run_ahead(&copy, 2 * 24 * 3600 * 1000),
                _ => {}
            }
            Officer { copy, live: Vec::new(), logged: 0, in_transit: Vec::new() }
        })
        .collect();

    let mut rng = Rng(0x0ff1_ce5e_ed00_0050);
    let mut imports = Vec::new();
    let mut consolidate = Duration::ZERO;
    let (mut conflicts, mut refused_for_clock, mut missing_reported, mut duplicates, mut bundles) = (0, 0, 0, 0, 0);
    let mut accept_skew_of: BTreeMap<String, bool> = BTreeMap::new();
    let mut deliver = |central: &mut Copy, bytes: &[u8], sender: &str| {
        let skew = *accept_skew_of.get(sender).unwrap_or(&false);
        let options = ImportOptions { confirm: true, accept_clock_skew: skew, ..Default::default() };
        let t = Instant::now();
        let report = match central.import_with(bytes, options.clone()) {
            Err(SyncError::ClockAhead { .. }) => {
                // The coordinator reads the warning and accepts that computer's clock.
                refused_for_clock += 1;
                accept_skew_of.insert(sender.to_string(), true);
                central.import_with(bytes, ImportOptions { accept_clock_skew: true, ..options }).unwrap()
            }
            other => other.unwrap(),
        };
        let took = t.elapsed();
        imports.push(took);
        consolidate += took;
        conflicts += report.conflicted;
        missing_reported += report.missing_bundles.len();
        report
    };

    let last_week = scale.weeks.saturating_sub(1);
    for week in 0..scale.weeks {
        for officer in officers.iter_mut() {
            let due = scale.activities * (week + 1) / scale.weeks - scale.activities * week / scale.weeks;
            officer.work(due, week, &mut rng, &files);
            let bytes = officer.copy.bundle_for(&central);
            bundles += 1;
            // 3 % lost and sent again two to four weeks later; 3 % a week late (out of order);
            // 2 % arrive twice.
            let roll = rng.below(100);
            let arrives = match roll {
                0..=2 => week + 2 + rng.below(3),
                3..=5 => week + 1,
                _ => week,
            };
            if (6..=7).contains(&roll) {
                officer.in_transit.push((arrives, bytes.clone()));
                duplicates += 1;
            }
            officer.in_transit.push((arrives, bytes));
            let sender = officer.copy.public.name.clone();
            let (now, later): (Vec<_>, Vec<_>) =
                std::mem::take(&mut officer.in_transit).into_iter().partition(|(at, _)| *at <= week || week == last_week);
            officer.in_transit = later;
            for (_, bytes) in now {
                deliver(&mut central, &bytes, &sender);
            }
        }
    }

    // Every officer's records, as its own copy holds them, read the same at central.
    let mut activities = 0;
    for officer in &officers {
        let conn = officer.copy.db();
        let ids: Vec<String> =
            conn.prepare("SELECT id FROM activities").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        activities += ids.len();
        for id in ids {
            let id = id.parse().unwrap();
            let mine = officer.copy.store.get(&id).unwrap().unwrap();
            let theirs = central.store.get(&id).unwrap().unwrap_or_else(|| panic!("central lacks {id} of {}", officer.copy.public.name));
            assert_eq!(serde_json::to_value(mine.to_input()).unwrap(), serde_json::to_value(theirs.to_input()).unwrap());
            assert_eq!(mine.meta.deleted_at.is_some(), theirs.meta.deleted_at.is_some(), "{id}: trash state");
            let files = |a: &enlace::domain::Activity| a.attachments.iter().map(|f| (f.hash.clone(), f.file_name.clone())).collect::<Vec<_>>();
            assert_eq!(files(&mine), files(&theirs), "{id}: attachments");
        }
    }
    let at_central: usize = central.db().query_row("SELECT COUNT(*) FROM activities", [], |r| r.get::<_, i64>(0)).unwrap() as usize;
    assert_eq!(at_central, activities, "central holds exactly the officers' records");
    central.store.checkpoint().unwrap();
    let central_mib = std::fs::metadata(&central.path).unwrap().len() as f64 / 1048576.0;
    let conflicts = conflicts.max(enlace::sync::conflicts::list(&central.store).unwrap().len());
    Figures {
        bundles,
        total: started.elapsed(),
        consolidate,
        imports,
        activities,
        central_mib,
        conflicts,
        refused_for_clock,
        missing_reported,
        duplicates,
    }
}

fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn rss_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

fn print(scale: &Scale, f: &Figures) {
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    println!(
        "Simulated central office: {} officers × {} activities over {} weeks",
        scale.officers, scale.activities, scale.weeks
    );
    println!("| measure | figure |");
    println!("|---|---|");
    println!("| activities at central (live and in the trash) | {} |", f.activities);
    println!("| bundles sent (of them arriving twice) | {} ({}) |", f.bundles, f.duplicates);
    println!("| bundle imports at central | {} |", f.imports.len());
    println!("| whole simulation (officers' work, exports, imports, checks) | {:.1} s |", f.total.as_secs_f64());
    println!("| time to consolidate (sum of central's imports) | {:.1} s |", f.consolidate.as_secs_f64());
    println!(
        "| per-bundle import at central: p50, p95, max | {}, {}, {} |",
        ms(percentile(&f.imports, 0.5)),
        ms(percentile(&f.imports, 0.95)),
        ms(percentile(&f.imports, 1.0))
    );
    println!("| central database size | {:.1} MiB |", f.central_mib);
    println!("| memory (RSS now; peak) of the process holding all copies | {:.0} MiB; {:.0} MiB |", rss_mib("VmRSS:"), rss_mib("VmHWM:"));
    println!("| conflicts | {} |", f.conflicts);
    println!("| bundles refused for a clock two days fast, then accepted | {} |", f.refused_for_clock);
    println!("| gaps reported (a bundle arriving before an earlier one) | {} |", f.missing_reported);
    println!("| every officer's records read the same at central | yes |");
}

#[test]
#[ignore = "simulation: run in release with --ignored --nocapture (scripts/simulate-central.sh)"]
fn fifty_officers_over_five_years_consolidate_at_central() {
    let scale = Scale::from_env(Scale { officers: 50, activities: 2_000, weeks: 260 });
    let figures = simulate(&scale);
    print(&scale, &figures);
}

#[test]
fn a_small_office_consolidates_at_central() {
    let scale = Scale { officers: 8, activities: 30, weeks: 12 };
    let figures = simulate(&scale);
    assert_eq!(figures.activities, 8 * 30);
    assert_eq!(figures.imports.len(), 8 * 12 + figures.duplicates);
    assert_eq!(figures.refused_for_clock, 1, "the computer two days fast is refused once, then accepted");
    assert_eq!(figures.conflicts, 0, "each officer edits only its own records");
}

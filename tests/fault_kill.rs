//! `kill -9` of the `enlace` command in the middle of a write — a bulk import, a save of an
//! edit, a restore: the database passes SQLite's integrity check and holds the state before or
//! the state after, never a mix. Each case kills the process at several moments, from before it
//! opened the database to after it finished.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use enlace::store::backup;
use enlace::store::{Filter, Store};

const DELAYS_MS: [u64; 9] = [0, 5, 15, 30, 60, 100, 160, 250, 400];

fn enlace(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_enlace"));
    cmd.arg("--db").arg(db).env_remove("ENLACE_DB").env_remove("ENLACE_USER");
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Starts `args` on a fresh copy of `base`, kills it after `delay` (SIGKILL), and returns the copy.
fn killed(base: &Path, dir: &Path, n: usize, delay: u64, args: &[&str]) -> PathBuf {
    let db = dir.join(format!("caso-{n}.db"));
    std::fs::copy(base, &db).unwrap();
    let mut child = enlace(&db).args(args).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(delay));
    let _ = child.kill();
    child.wait().unwrap();
    db
}

fn integrity_ok(store: &Store) {
    let verdict: String = rusqlite::Connection::open_with_flags(store.path().unwrap(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(verdict, "ok");
}

fn count(store: &Store) -> u64 {
    store.list(&Filter { limit: Some(1), ..Default::default() }).unwrap().total
}

/// A database with `n` meetings, checkpointed so a plain file copy holds all of it.
fn base_with(dir: &Path, n: usize) -> PathBuf {
    let db = dir.join("base.db");
    let jsonl = dir.join("base.jsonl");
    std::fs::write(&jsonl, meetings("Reunión base", n)).unwrap();
    assert!(enlace(&db).args(["import", jsonl.to_str().unwrap()]).status().unwrap().success());
    db
}

fn meetings(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            let line = serde_json::json!({
                "kind": "meeting", "title": format!("{prefix} {i:05}"), "start_date": "2026-10-01",
                "countries": ["PE"], "organisations": [format!("Organización {}", i % 40)],
                "summary": "Se acordó dar seguimiento a la cooperación técnica en movilidad y medio ambiente.",
            });
            format!("{line}\n")
        })
        .collect()
}

#[test]
fn a_killed_bulk_import_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_with(dir.path(), 3);
    let jsonl = dir.path().join("grande.jsonl");
    std::fs::write(&jsonl, meetings("Reunión importada", 4000)).unwrap();
    let mut outcomes = Vec::new();
    for (n, delay) in DELAYS_MS.into_iter().enumerate() {
        let db = killed(&base, dir.path(), n, delay, &["import", jsonl.to_str().unwrap()]);
        let store = Store::open(&db).unwrap();
        integrity_ok(&store);
        let held = count(&store);
        assert!(held == 3 || held == 4003, "killed after {delay} ms: {held} activities, a partial import");
        outcomes.push((delay, held));
    }
    println!("import killed at (ms, activities): {outcomes:?}");
}

#[test]
fn a_killed_edit_leaves_the_old_record_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_with(dir.path(), 200);
    let store = Store::open(&base).unwrap();
    let first = store.list(&Filter { limit: Some(1), ..Default::default() }).unwrap().items.remove(0);
    let mut record = serde_json::to_value(store.get(&first.id).unwrap().unwrap().to_input()).unwrap();
    drop(store);
    let old_title = record["title"].as_str().unwrap().to_string();
    record["title"] = "Reunión editada con la Embajada de Perú".into();
    let edit = dir.path().join("edicion.jsonl");
    std::fs::write(&edit, format!("{record}\n")).unwrap();
    for (n, delay) in DELAYS_MS.into_iter().enumerate() {
        let db = killed(&base, dir.path(), n, delay, &["import", edit.to_str().unwrap()]);
        let store = Store::open(&db).unwrap();
        integrity_ok(&store);
        let title = store.get(&first.id).unwrap().unwrap().title;
        assert!(title == old_title || title == "Reunión editada con la Embajada de Perú", "{title}");
        assert_eq!(count(&store), 200);
    }
}

#[test]
fn a_killed_restore_leaves_the_old_database_or_the_restored_one() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_with(dir.path(), 2000);
    let snapshots = dir.path().join("respaldos");
    let snapshot = backup::snapshot(&Store::open(&base).unwrap(), &snapshots, backup::SnapshotKind::Manual).unwrap();
    let more = dir.path().join("mas.jsonl");
    std::fs::write(&more, meetings("Reunión posterior", 50)).unwrap();
    assert!(enlace(&base).args(["import", more.to_str().unwrap()]).status().unwrap().success());
    let snap = snapshot.path.to_str().unwrap();
    for (n, delay) in DELAYS_MS.into_iter().enumerate() {
        let db = killed(&base, dir.path(), n, delay, &["restore", snap, "--dir", snapshots.to_str().unwrap()]);
        let store = Store::open(&db).unwrap();
        integrity_ok(&store);
        let held = count(&store);
        assert!(held == 2050 || held == 2000, "killed after {delay} ms: {held} activities");
    }
}

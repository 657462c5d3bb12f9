//! A database made by the first schema opens and upgrades in place, keeping its records, and
//! is kept as a snapshot before anything is migrated.

use enlace::store::backup::{list_snapshots, SnapshotKind};
use enlace::store::migrations::MIGRATIONS;
use enlace::store::{paths, Actor, Filter, Origin, Store};

/// A database as the first Enlace left it at `path`: the first migration only, the copy's id
/// and one meeting titled `title` (`title_key` its folded form), indexed for search.
fn first_schema_database(path: &std::path::Path, title: &str, title_key: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let (first_name, first_sql) = MIGRATIONS[0];
    conn.execute_batch(first_sql).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT;
         INSERT INTO schema_migrations VALUES ('{first_name}', '2025-01-01T00:00:00.000Z');
         INSERT INTO meta VALUES ('copy_id', '0190f0a0-0000-7000-8000-0000000000ff');
         INSERT INTO activities (id, kind, title, title_key, start_date, start_precision, span_end, status,
             created_at, created_by, updated_at, updated_by)
         VALUES ('0190f0a0-0000-7000-8000-000000000100', 'meeting', '{title}',
             '{title_key}', '2021-07-01', 'day', '2021-07-01', 'done',
             '2025-01-01T00:00:00.000Z', 'Ana', '2025-01-01T00:00:00.000Z', 'Ana');
         INSERT INTO activity_search (rowid, title) VALUES (1, '{title}');"
    ))
    .unwrap();
}

#[test]
fn a_first_schema_database_upgrades_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    first_schema_database(&path, "Reunión con la Embajada de Perú", "reunion con la embajada de peru");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let has_changes: bool = conn
            .query_row("SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE name = 'changes')", [], |r| r.get(0))
            .unwrap();
        assert!(!has_changes, "the first schema has no change feed");
    }

    let mut store = Store::open(&path).unwrap();
    let peek = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let applied: Vec<String> = peek
        .prepare("SELECT name FROM schema_migrations ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(applied, MIGRATIONS.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>());
    assert_eq!(store.copy_id().unwrap(), "0190f0a0-0000-7000-8000-0000000000ff", "identity survives the upgrade");

    let old = store.search("peru", &Filter::default()).unwrap();
    assert_eq!(old.total, 1);
    let mut input = old.items[0].to_input();
    input.summary = Some("Actualizada después de la migración".into());
    store.save_activity(&input, &Actor::new("Ana", Origin::App)).unwrap();
    let changes: i64 = peek.query_row("SELECT COUNT(*) FROM changes", [], |r| r.get(0)).unwrap();
    assert_eq!(changes, 1, "writes after the upgrade feed the change log");
    drop(store);
    // Opening again applies nothing new, and takes no snapshot.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list(&Filter::default()).unwrap().total, 1);
    assert_eq!(list_snapshots(&paths::snapshots(&path)).unwrap().len(), 1);
}

#[test]
fn an_older_database_is_kept_as_a_snapshot_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enlace.db");
    let (first_name, _) = MIGRATIONS[0];
    first_schema_database(&path, "Visita del Cónsul de Chile", "visita del consul de chile");
    Store::open(&path).unwrap();

    let snapshots = list_snapshots(&paths::snapshots(&path)).unwrap();
    assert_eq!(snapshots.len(), 1, "one snapshot, taken before the migration");
    assert_eq!(snapshots[0].manifest.kind, SnapshotKind::BeforeMigration);
    // The copy is the database as the older Enlace left it: its one migration, its record.
    let copy = rusqlite::Connection::open(snapshots[0].path.join("enlace.db")).unwrap();
    let recorded: Vec<String> =
        copy.prepare("SELECT name FROM schema_migrations").unwrap().query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(recorded, [first_name]);
    let title: String = copy.query_row("SELECT title FROM activities", [], |r| r.get(0)).unwrap();
    assert_eq!(title, "Visita del Cónsul de Chile");
}

#[test]
fn a_new_database_is_created_without_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enlace.db");
    Store::open(&path).unwrap();
    Store::open(&path).unwrap();
    assert!(list_snapshots(&paths::snapshots(&path)).unwrap().is_empty());
}

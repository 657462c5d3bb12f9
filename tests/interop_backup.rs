//! Backups: snapshot, damage the database, restore, check integrity and that nothing is lost;
//! move a whole copy through an archive.

use std::path::Path;

use enlace::domain::Activity;
use enlace::store::backup::{default_snapshots_dir, export_archive, import_archive, list_snapshots, restore, restore_archive, snapshot, BackupError, SnapshotKind};
use enlace::interop::interchange;
use sha2::{Digest, Sha256};
use enlace::store::{Actor, Filter, Origin, Store, WHOLE_DATABASE};

const EVERY_KIND: &str = include_str!("fixtures/every_kind.jsonl");

fn loaded(db: &Path, attachment: &Path) -> Vec<Activity> {
    let mut store = Store::open(db).unwrap();
    let items = interchange::parse(EVERY_KIND).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    let all = store.list(&Filter::default()).unwrap().items;
    store.attach(&all[0].id, attachment, &Actor::new("Ana López", Origin::App)).unwrap();
    store.list(&Filter::default()).unwrap().items
}

fn integrity(store: &Store) -> String {
    rusqlite::Connection::open_with_flags(store.path().unwrap(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn luis() -> Actor {
    Actor::new("Luis Pérez", Origin::App)
}

/// The restore entry the restored database's audit trail ends with.
fn assert_restore_recorded(store: &Store) {
    let entry = store.audit_of(WHOLE_DATABASE).unwrap().pop().expect("the restore is in the audit trail");
    assert_eq!((entry.entity.as_str(), entry.action.as_str(), entry.actor.as_str(), entry.origin.as_str()), ("database", "restore", "Luis Pérez", "app"));
    assert_eq!(entry.fields, ["from", "safety_copy"]);
}

/// Overwrites the page after the header with noise: SQLite can no longer read the file.
fn damage(db: &Path) {
    let mut bytes = std::fs::read(db).unwrap();
    assert!(bytes.len() > 8192, "the database has several pages");
    for b in &mut bytes[100..8192] {
        *b = 0xA5;
    }
    std::fs::write(db, &bytes).unwrap();
}

#[test]
fn restore_after_the_database_file_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.enlace");
    let photo = dir.path().join("foto.jpg");
    std::fs::write(&photo, b"JPEG bytes of a photo of the Angel lit in red and white").unwrap();
    let before = loaded(&db, &photo);
    let snapshots = default_snapshots_dir(&db);
    let taken = {
        let store = Store::open(&db).unwrap();
        snapshot(&store, &snapshots, SnapshotKind::Manual).unwrap()
    };
    assert_eq!(taken.manifest.activities, Some(before.len() as u64));
    assert_eq!(taken.manifest.files, 1);
    assert!(taken.bytes > std::fs::metadata(&photo).unwrap().len(), "the size counts the database and the photo");
    assert_eq!(list_snapshots(&snapshots).unwrap().len(), 1);

    let attachments = Store::open(&db).unwrap().attachments_dir().unwrap();
    // Damage the database and lose the attachments folder.
    damage(&db);
    std::fs::remove_dir_all(&attachments).unwrap();
    let damaged = Store::open(&db).map(|s| integrity(&s));
    assert!(!matches!(damaged, Ok(ref v) if v == "ok"), "the damage is visible: {damaged:?}");

    let report = restore(&db, None, &taken.path, &snapshots, &luis()).unwrap();
    assert_eq!(report.activities, before.len() as u64);
    assert_eq!(report.files_merged, 1);
    assert!(report.safety_copy.manifest.reason.starts_with("antes de restaurar"));
    assert_eq!(report.safety_copy.manifest.kind, SnapshotKind::BeforeRestore);
    assert_eq!(list_snapshots(&snapshots).unwrap().len(), 2, "the damaged state was kept too");

    let store = Store::open(&db).unwrap();
    assert_eq!(integrity(&store), "ok");
    assert_restore_recorded(&store);
    let after = store.list(&Filter::default()).unwrap().items;
    assert_eq!(after.len(), before.len());
    for (a, b) in after.iter().zip(&before) {
        assert_eq!(a.to_input(), b.to_input(), "record {} unchanged", a.title);
    }
    let hash = &after.iter().find(|a| !a.attachments.is_empty()).unwrap().attachments[0].hash;
    assert_eq!(std::fs::read(store.attachment_path(hash).unwrap()).unwrap(), std::fs::read(&photo).unwrap());
}

#[test]
fn an_archive_moves_a_whole_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("laptop-vieja.enlace");
    let photo = dir.path().join("convenio.pdf");
    std::fs::write(&photo, b"%PDF-1.7 signed agreement").unwrap();
    let before = loaded(&db, &photo);
    let archive = dir.path().join("mudanza.zip");
    {
        let store = Store::open(&db).unwrap();
        let manifest = export_archive(&store, &archive, &mut |_, _| true).unwrap();
        assert_eq!(manifest.activities, Some(before.len() as u64));
        assert!(export_archive(&store, &archive, &mut |_, _| true).is_err(), "never overwrites");
    }
    let moved = dir.path().join("nueva").join("laptop-nueva.enlace");
    import_archive(&archive, &moved, None, &mut |_, _| true).unwrap();
    let store = Store::open(&moved).unwrap();
    assert_eq!(integrity(&store), "ok");
    let after = store.list(&Filter::default()).unwrap().items;
    assert_eq!(after.iter().map(|a| a.to_input()).collect::<Vec<_>>(), before.iter().map(|a| a.to_input()).collect::<Vec<_>>());
    let hash = &after.iter().find(|a| !a.attachments.is_empty()).unwrap().attachments[0].hash;
    assert_eq!(std::fs::read(store.attachment_path(hash).unwrap()).unwrap(), b"%PDF-1.7 signed agreement");
    assert!(import_archive(&archive, &moved, None, &mut |_, _| true).is_err(), "never overwrites a database");
}

#[test]
fn an_archive_replaces_the_database_of_a_laptop_already_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("vieja").join("enlace.db");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    let photo = dir.path().join("convenio.pdf");
    std::fs::write(&photo, b"%PDF-1.7 signed agreement").unwrap();
    let before = loaded(&old, &photo);
    let archive = dir.path().join("mudanza.zip");
    export_archive(&Store::open(&old).unwrap(), &archive, &mut |_, _| true).unwrap();

    // The new laptop started with one activity of its own.
    let new = dir.path().join("nueva").join("enlace.db");
    std::fs::create_dir_all(new.parent().unwrap()).unwrap();
    let first = "{\"kind\": \"meeting\", \"title\": \"Prueba en la laptop nueva\", \"start_date\": \"2026-11-02\"}";
    Store::open(&new).unwrap().import(&interchange::parse(first).unwrap(), &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    let snapshots = default_snapshots_dir(&new);

    // A file that is no archive changes nothing and keeps no snapshot.
    let bogus = dir.path().join("no-es-archivo.zip");
    std::fs::write(&bogus, b"not a zip").unwrap();
    assert!(restore_archive(&bogus, &new, None, &snapshots, &luis(), &mut |_, _| true).is_err());
    assert_eq!(Store::open(&new).unwrap().list(&Filter::default()).unwrap().total, 1);
    assert!(list_snapshots(&snapshots).unwrap().is_empty());

    let report = restore_archive(&archive, &new, None, &snapshots, &luis(), &mut |_, _| true).unwrap();
    assert_eq!(report.activities, before.len() as u64);
    assert_eq!(report.files_merged, 1);
    assert_eq!(report.safety_copy.manifest.activities, Some(1), "the laptop's own state was kept first");
    let store = Store::open(&new).unwrap();
    assert_eq!(integrity(&store), "ok");
    assert_restore_recorded(&store);
    let after = store.list(&Filter::default()).unwrap().items;
    assert_eq!(after.iter().map(|a| a.to_input()).collect::<Vec<_>>(), before.iter().map(|a| a.to_input()).collect::<Vec<_>>());
    let hash = &after.iter().find(|a| !a.attachments.is_empty()).unwrap().attachments[0].hash;
    assert_eq!(std::fs::read(store.attachment_path(hash).unwrap()).unwrap(), b"%PDF-1.7 signed agreement");
    let left: Vec<_> = std::fs::read_dir(new.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!left.iter().any(|n| n.contains("incoming")), "the unpacked copy is cleared: {left:?}");
}

#[test]
fn a_snapshot_that_cannot_be_opened_leaves_the_previous_database_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    let photo = dir.path().join("foto.jpg");
    std::fs::write(&photo, b"JPEG bytes").unwrap();
    let before = loaded(&db, &photo);
    let snapshots = default_snapshots_dir(&db);
    let taken = snapshot(&Store::open(&db).unwrap(), &snapshots, SnapshotKind::Manual).unwrap();
    // Damaged after it was taken, with a manifest that vouches for the damaged bytes.
    let copy = taken.path.join("enlace.db");
    damage(&copy);
    let manifest = taken.path.join("manifest.json");
    let digest = hex::encode(Sha256::digest(std::fs::read(&copy).unwrap()));
    std::fs::write(&manifest, std::fs::read_to_string(&manifest).unwrap().replace(&taken.manifest.sha256, &digest)).unwrap();

    let err = restore(&db, None, &taken.path, &snapshots, &luis()).unwrap_err();
    assert!(matches!(err, BackupError::RolledBack(_)), "{err:?}");
    assert!(err.to_string().contains("la base anterior quedó en su lugar"), "{err}");
    let store = Store::open(&db).unwrap();
    assert_eq!(integrity(&store), "ok");
    assert_eq!(store.list(&Filter::default()).unwrap().total, before.len() as u64);
    assert!(store.audit_of(WHOLE_DATABASE).unwrap().is_empty(), "nothing was restored");
}

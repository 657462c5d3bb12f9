//! A lost laptop or a copied file reveals nothing: with the office passphrase the database, its
//! snapshots and the moving archive hold no record's text and no secret key in clear; a wrong
//! passphrase changes nothing; adding, changing or removing the passphrase keeps every record.

use std::path::{Path, PathBuf};

use enlace::interop::interchange;
use enlace::store::backup::{default_snapshots_dir, export_archive, import_archive, list_snapshots, restore, snapshot, SnapshotKind};
use enlace::store::rekey::change_passphrase;
use enlace::store::{Actor, Filter, Origin, Passphrase, Store, StoreError};

const EVERY_KIND: &str = include_str!("fixtures/every_kind.jsonl");
/// A title of the fixture, searched for in every file.
const TITLE: &str = "Iluminación por el Bicentenario de Perú";

fn key(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn loaded(db: &Path, passphrase: Option<&Passphrase>) -> Store {
    let mut store = Store::open_with(db, passphrase).unwrap();
    let items = interchange::parse(EVERY_KIND).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

/// Every file under a folder.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .flat_map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() { files_under(&path) } else { vec![path] }
        })
        .collect()
}

/// The files among `files` whose bytes contain `needle` (what `strings | grep` would find).
fn holding(files: &[PathBuf], needle: &str) -> Vec<PathBuf> {
    files.iter().filter(|f| std::fs::read(f).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes())).cloned().collect()
}

#[test]
fn an_encrypted_database_and_its_snapshots_hold_no_title_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    let pass = key("mañana de otoño");
    let store = loaded(&db, Some(&pass));
    assert_eq!(store.search(TITLE, &Filter::default()).unwrap().total, 1, "the record is there");
    snapshot(&store, &default_snapshots_dir(&db), SnapshotKind::Manual).unwrap();
    let files = files_under(dir.path());
    assert!(files.len() >= 3, "{files:?}");
    assert_eq!(holding(&files, TITLE), Vec::<PathBuf>::new());
    assert_eq!(holding(&files, "SQLite format 3"), Vec::<PathBuf>::new(), "no plain SQLite file");

    // The same, without a passphrase, is plain: the scan does find it.
    let plain = tempfile::tempdir().unwrap();
    loaded(&plain.path().join("enlace.db"), None).checkpoint().unwrap();
    assert_eq!(holding(&files_under(plain.path()), TITLE).len(), 1);
}

#[test]
fn a_wrong_or_missing_passphrase_fails_clearly_and_leaves_the_files_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    drop(loaded(&db, Some(&key("correcta"))));
    let bytes = |d: &Path| files_under(d).into_iter().map(|f| (f.clone(), std::fs::read(f).unwrap())).collect::<Vec<_>>();
    let before = bytes(dir.path());
    for given in [Some(key("equivocada")), None] {
        let Err(err) = Store::open_with(&db, given.as_ref()) else { panic!("opened with {given:?}") };
        assert!(matches!(err, StoreError::Locked(_)), "{err}");
        assert_eq!(bytes(dir.path()), before, "nothing changed on disk");
    }
    let store = Store::open_with(&db, Some(&key("correcta"))).unwrap();
    assert_eq!(store.list(&Filter::default()).unwrap().total, 12);
}

/// Every record, as the interchange export writes it.
fn export_of(db: &Path, passphrase: Option<&Passphrase>) -> String {
    let store = Store::open_with(db, passphrase).unwrap();
    let mut out = Vec::new();
    interchange::write_jsonl(&store.list(&Filter::default()).unwrap().items, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn setting_changing_and_removing_the_passphrase_keeps_every_record_and_every_snapshot_follows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    let snapshots = default_snapshots_dir(&db);
    let store = loaded(&db, None);
    snapshot(&store, &snapshots, SnapshotKind::Automatic).unwrap();
    drop(store);
    let export = export_of(&db, None);
    let (first, second) = (key("primera clave"), key("segunda clave"));

    let set = change_passphrase(&db, None, Some(&first), &snapshots).unwrap();
    assert_eq!((set.activities, set.snapshots, set.skipped.len()), (12, 2, 0), "the old snapshot and the safety copy");
    assert_eq!(export_of(&db, Some(&first)), export);
    assert_eq!(holding(&files_under(dir.path()), TITLE), Vec::<PathBuf>::new(), "nothing in clear, snapshots included");
    assert!(matches!(Store::open(&db), Err(StoreError::Locked(_))));

    change_passphrase(&db, Some(&first), Some(&second), &snapshots).unwrap();
    assert_eq!(export_of(&db, Some(&second)), export);
    assert!(matches!(Store::open_with(&db, Some(&first)), Err(StoreError::Locked(_))), "the old passphrase no longer opens it");
    for s in list_snapshots(&snapshots).unwrap() {
        assert!(Store::open_with(&s.path.join("enlace.db"), Some(&second)).is_ok(), "{} follows the new passphrase", s.name);
    }

    // A wrong current passphrase changes nothing at all.
    let before: Vec<Vec<u8>> = files_under(dir.path()).iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(change_passphrase(&db, Some(&first), None, &snapshots).is_err());
    assert_eq!(files_under(dir.path()).iter().map(|f| std::fs::read(f).unwrap()).collect::<Vec<_>>(), before);

    let removed = change_passphrase(&db, Some(&second), None, &snapshots).unwrap();
    assert_eq!(removed.activities, 12);
    assert_eq!(export_of(&db, None), export);
    // Restoring a snapshot works under the passphrase the copy has now.
    let taken = list_snapshots(&snapshots).unwrap().pop().unwrap();
    restore(&db, None, &taken.path, &snapshots, &Actor::new("Luis", Origin::App)).unwrap();
    assert_eq!(Store::open(&db).unwrap().list(&Filter::default()).unwrap().total, 12);
}

#[test]
fn the_archive_is_sealed_whole_and_opens_on_a_fresh_folder_only_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    let pass = key("la de la oficina");
    let mut store = loaded(&db, Some(&pass));
    let photo = dir.path().join("foto-de-la-visita.jpg");
    std::fs::write(&photo, b"\xFF\xD8 imagen de la Embajada").unwrap();
    let first = store.list(&Filter::default()).unwrap().items[0].id;
    store.attach(&first, &photo, &Actor::new("Ana", Origin::App)).unwrap();
    let archive = dir.path().join("mudanza.zip");
    export_archive(&store, &archive, &mut |_, _| true).unwrap();
    let bytes = std::fs::read(&archive).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"), "one age file");
    for needle in [TITLE, "imagen de la Embajada", "manifest.json", "enlace.db"] {
        assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in clear");
    }

    let fresh = tempfile::tempdir().unwrap();
    let moved = fresh.path().join("enlace.db");
    let err = import_archive(&archive, &moved, None, &mut |_, _| true).unwrap_err();
    assert!(err.brief().en.contains("needs the passphrase"), "{err}");
    let err = import_archive(&archive, &moved, Some(&key("otra")), &mut |_, _| true).unwrap_err();
    assert!(err.brief().en.contains("does not open"), "{err}");
    assert_eq!(std::fs::read_dir(fresh.path()).unwrap().count(), 0, "a refused archive leaves nothing");
    import_archive(&archive, &moved, Some(&pass), &mut |_, _| true).unwrap();
    assert_eq!(export_of(&moved, Some(&pass)), export_of(&db, Some(&pass)));
    assert_eq!(holding(&files_under(fresh.path()), TITLE), Vec::<PathBuf>::new());
}

fn enlace(db: &Path, passphrase: Option<&str>) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("enlace").unwrap();
    cmd.arg("--db").arg(db).env_remove("ENLACE_DB").env_remove("ENLACE_USER").env_remove("ENLACE_NEW_PASSPHRASE");
    match passphrase {
        Some(p) => cmd.env("ENLACE_PASSPHRASE", p),
        None => cmd.env_remove("ENLACE_PASSPHRASE"),
    };
    cmd
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn the_command_line_works_on_an_encrypted_copy_and_only_with_its_passphrase() {
    use predicates::prelude::PredicateBooleanExt;
    use predicates::str::contains;
    let dir = tempfile::tempdir().unwrap();
    let (ana, central) = (dir.path().join("ana.db"), dir.path().join("central.db"));
    let pass = Some("clave de Ana");
    enlace(&ana, pass).arg("init").assert().success();
    assert_eq!(enlace::store::key::is_plain(&ana), Some(false), "init with ENLACE_PASSPHRASE makes an encrypted database");
    enlace(&ana, pass).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    enlace(&ana, pass).args(["identity", "init", "--name", "Ana López", "--role", "officer"]).assert().success();
    enlace(&ana, pass).arg("backup").assert().success();

    let before: Vec<Vec<u8>> = files_under(dir.path()).iter().map(|f| std::fs::read(f).unwrap()).collect();
    enlace(&ana, None).arg("list").assert().failure().stderr(contains("hace falta la contraseña").and(contains("needs the office passphrase")));
    enlace(&ana, Some("otra")).arg("list").assert().failure().stderr(contains("not this database's"));
    assert_eq!(files_under(dir.path()).iter().map(|f| std::fs::read(f).unwrap()).collect::<Vec<_>>(), before, "byte-identical");

    // Sync from the encrypted copy to a plain one, as before.
    let (ana_pub, central_pub, bundle) = (dir.path().join("ana.pub"), dir.path().join("central.pub"), dir.path().join("ana-1.enlace"));
    enlace(&central, None).args(["identity", "init", "--name", "Oficina Central", "--role", "central"]).assert().success();
    enlace(&ana, pass).args(["identity", "show", "--out"]).arg(&ana_pub).assert().success();
    enlace(&central, None).args(["identity", "show", "--out"]).arg(&central_pub).assert().success();
    enlace(&central, None).args(["roster", "add"]).arg(&ana_pub).assert().success();
    enlace(&ana, pass).args(["roster", "add"]).arg(&central_pub).assert().success();
    enlace(&ana, pass).args(["bundle", "export", "--to"]).arg(&central_pub).arg("--out").arg(&bundle).assert().success();
    enlace(&central, None).args(["bundle", "import"]).arg(&bundle).assert().success();
    enlace(&central, None).arg("list").assert().success().stdout(contains("12 de 12"));
    verify_by_hand(&central, &bundle, &std::fs::read_to_string(&ana_pub).unwrap());

    // Change, remove and set again: every record kept.
    let export = stdout_of(enlace(&ana, pass).arg("export"));
    enlace(&ana, pass).args(["passphrase", "change"]).env("ENLACE_NEW_PASSPHRASE", "nueva de Ana").assert().success().stdout(contains("12 actividades"));
    enlace(&ana, pass).arg("list").assert().failure();
    assert_eq!(stdout_of(enlace(&ana, Some("nueva de Ana")).arg("export")), export);
    enlace(&ana, Some("nueva de Ana")).args(["passphrase", "remove"]).assert().failure().stderr(contains("--yes"));
    enlace(&ana, Some("nueva de Ana")).args(["passphrase", "remove", "--yes"]).assert().success();
    assert_eq!(stdout_of(enlace(&ana, None).arg("export")), export);
    enlace(&ana, None).args(["passphrase", "set"]).env("ENLACE_NEW_PASSPHRASE", "otra vez").assert().success();
    assert_eq!(stdout_of(enlace(&ana, Some("otra vez")).arg("export")), export);
    assert_eq!(holding(&files_under(dir.path()), "Iluminación por el Bicentenario").len(), 1, "only central's plain database");
    let snapshot = list_snapshots(&default_snapshots_dir(&ana)).unwrap().pop().unwrap();
    enlace(&ana, Some("otra vez")).arg("restore").arg(&snapshot.name).assert().success();

    // The moving archive, on a fresh folder.
    let archive = dir.path().join("mudanza.zip");
    enlace(&ana, Some("otra vez")).args(["archive", "export"]).arg(&archive).assert().success();
    let fresh = tempfile::tempdir().unwrap();
    let moved = fresh.path().join("enlace.db");
    enlace(&moved, None).args(["archive", "open"]).arg(&archive).assert().failure().stderr(contains("needs the passphrase"));
    enlace(&moved, Some("otra vez")).args(["archive", "open"]).arg(&archive).assert().success();
    assert_eq!(stdout_of(enlace(&moved, Some("otra vez")).arg("export")), export);
}

#[test]
fn the_identitys_secret_keys_are_sealed_and_follow_the_passphrase() {
    use enlace::sync::{identity, Identity, Role};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enlace.db");
    let snapshots = default_snapshots_dir(&db);
    let (first, second) = (key("la primera"), key("la segunda"));
    let store = Store::open_with(&db, Some(&first)).unwrap();
    identity::init(&store, "Ana López", Role::Officer).unwrap();
    let secret = Identity::require(&store).unwrap().age_secret_text();
    snapshot(&store, &snapshots, SnapshotKind::Manual).unwrap();
    drop(store);
    let stored = |passphrase: Option<&str>| -> (String, String) {
        let raw = rusqlite::Connection::open(&db).unwrap();
        if let Some(p) = passphrase {
            raw.pragma_update(None, "key", p).unwrap();
        }
        raw.query_row("SELECT minisign_secret, age_secret FROM sync_identity", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
    };
    let (minisign, age) = stored(Some("la primera"));
    assert!(minisign.starts_with("age-sealed:") && age.starts_with("age-sealed:"), "sealed inside the database too");
    assert!(!age.contains(&secret) && !minisign.contains("untrusted comment"));

    change_passphrase(&db, Some(&first), Some(&second), &snapshots).unwrap();
    assert_eq!(Identity::require(&Store::open_with(&db, Some(&second)).unwrap()).unwrap().age_secret_text(), secret);
    for s in list_snapshots(&snapshots).unwrap() {
        let copy = Store::open_with(&s.path.join("enlace.db"), Some(&second)).unwrap();
        assert_eq!(Identity::require(&copy).unwrap().age_secret_text(), secret, "{}", s.name);
    }
    change_passphrase(&db, Some(&second), None, &snapshots).unwrap();
    assert_eq!(stored(None).1, secret, "in clear only once the passphrase is removed, as before passphrases");
    assert_eq!(Identity::require(&Store::open(&db).unwrap()).unwrap().age_secret_text(), secret);
}

/// The bundle an encrypted copy signed opens with the `age` tool and verifies with `minisign`,
/// as the README shows (skipped where the tools are not installed).
fn verify_by_hand(recipient: &Path, bundle: &Path, sender_public: &str) {
    if ["age", "minisign"].iter().any(|t| std::process::Command::new(t).arg("-h").output().is_err()) {
        eprintln!("OMITIDO: faltan los programas `age` y/o `minisign`");
        return;
    }
    // Its own folder: what it unpacks is in clear, as any opened bundle is.
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    let key_file = dir.join("central.age-key");
    enlace(recipient, None).args(["identity", "export-age-key", "--out"]).arg(&key_file).assert().success();
    let tar = dir.join("paquete.tar");
    let run = |cmd: &mut std::process::Command| {
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    run(std::process::Command::new("age").arg("-d").arg("-i").arg(&key_file).arg("-o").arg(&tar).arg(bundle));
    let unpacked = dir.join("paquete");
    tar::Archive::new(std::fs::File::open(&tar).unwrap()).unpack(&unpacked).unwrap();
    let minisign = sender_public.lines().find_map(|l| l.strip_prefix("minisign: ")).unwrap();
    run(std::process::Command::new("minisign").arg("-V").arg("-m").arg(unpacked.join("manifest.json")).args(["-P", minisign.trim()]));
}

//! What left a machine is never lost or overwritten: a restored copy numbers its new changes in
//! a new series (and gets back what it had sent since the snapshot), an officer's bundle carries
//! only that officer's changes, roles are checked, and a number reused with other content or
//! out of range is refused with the database untouched.

mod sync_support;

use enlace::store::backup;
use enlace::store::{Actor, Origin, Rewind, Store};
use enlace::sync::container::encrypt;
use enlace::sync::{roster, BundleError, IdentityError, Role, SyncError};
use sync_support::tamper::{entries, forge, raw_tar, resign};
use sync_support::{meeting, Copy, Office};

/// Restores `copy` from a snapshot the way the app does: database closed, file replaced, reopened.
fn restore(copy: &mut Copy, snapshot: &std::path::Path, snapshots: &std::path::Path) {
    drop(std::mem::replace(&mut copy.store, Store::open_in_memory().unwrap()));
    backup::restore(&copy.path, None, snapshot, snapshots, &Actor::new("Ana", Origin::App)).unwrap();
    copy.store = Store::open(&copy.path).unwrap();
}

/// An office where Ana has one record to send; returns her bundle for central.
fn ana_sends_one() -> (Office, Vec<u8>) {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión con la Embajada de Perú", "2026-11-02"));
    let bytes = o.ana.bundle_for(&o.central);
    (o, bytes)
}

/// Crafted bundle entries, archived and encrypted to central.
fn sealed(o: &Office, entries: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    encrypt(&o.central.public, &raw_tar(entries)).unwrap()
}

#[test]
fn a_restored_copy_numbers_anew_its_changes_reach_central_and_what_it_had_sent_comes_back() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión con la Embajada de Perú", "2026-11-02"));
    o.round();
    let snapshots = o.dir.path().join("ana-snapshots");
    let snapshot = backup::snapshot(&o.ana.store, &snapshots, backup::SnapshotKind::Manual).unwrap();
    o.ana.save(meeting("Visita del Cónsul de Chile", "2026-11-05"));
    o.ana.save(meeting("Foro de ciudades hermanas", "2026-11-10"));
    o.round();
    assert_eq!(o.central.titles().len(), 3);

    restore(&mut o.ana, &snapshot.path, &snapshots);
    assert_eq!(o.ana.titles().len(), 1, "the snapshot holds the first record only");
    let renewal = o.ana.store.series_renewal().unwrap().expect("a restore starts a new series");
    assert_eq!(renewal.how, Rewind::Restored);

    // Without a new series this change would reuse number 2, which central already holds.
    o.ana.save(meeting("Iluminación por el Día de Perú", "2026-07-28"));
    let bundle = o.ana.bundle_for(&o.central);
    let report = o.central.import(&bundle).unwrap();
    assert_eq!((report.applied, report.foreign), (1, 0));
    assert_eq!(o.central.titles().len(), 4, "the new change reached central");

    let back = o.central.bundle_for(&o.ana);
    o.ana.import(&back).unwrap();
    assert_eq!(o.ana.titles(), o.central.titles(), "what Ana had sent since the snapshot came back to her");

    // And her later edits keep arriving.
    o.ana.save(meeting("Taller de cooperación técnica", "2026-11-20"));
    o.round();
    assert!(o.converged());
}

#[test]
fn a_copied_database_file_numbers_in_its_own_series() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión con la Embajada de Perú", "2026-11-02"));
    o.round();
    // The same file opened on a second laptop while the first is still in use.
    o.ana.store.checkpoint().unwrap();
    let other_path = o.dir.path().join("laptop-nueva/ana.db");
    std::fs::create_dir_all(other_path.parent().unwrap()).unwrap();
    std::fs::copy(&o.ana.path, &other_path).unwrap();
    let mut twin = Copy { store: Store::open(&other_path).unwrap(), public: o.ana.public.clone(), path: other_path };
    assert_eq!(twin.store.series_renewal().unwrap().map(|r| r.how), Some(Rewind::Copied));

    o.ana.save(meeting("Visita del Cónsul de Chile", "2026-11-05"));
    twin.save(meeting("Foro de ciudades hermanas", "2026-11-10"));
    let from_ana = o.ana.bundle_for(&o.central);
    let from_twin = twin.bundle_for(&o.central);
    o.central.import(&from_ana).unwrap();
    let report = o.central.import(&from_twin).unwrap();
    assert_eq!(report.applied, 1, "the twin's change is not mistaken for Ana's change of the same number");
    assert_eq!(o.central.titles().len(), 3);
}

#[test]
fn an_officers_bundle_with_changes_of_another_origin_applies_only_the_signers_own() {
    let (mut o, bytes) = ana_sends_one();
    let mut e = entries(&bytes, &o.central);
    let bob = o.bob.public.id.to_string();
    let central = o.central.public.id.to_string();
    forge(&mut e, &o.ana, |changes| {
        let mut as_bob = changes[0].clone();
        as_bob["origin"] = bob.clone().into();
        as_bob["id"] = "0193a4f0-7c1e-7d2a-9f4b-3c2d1e0f9a8b".into();
        as_bob["writes"]["title"]["value"] = "Reunión inventada a nombre de Bob".into();
        let mut as_central = as_bob.clone();
        as_central["origin"] = central.clone().into();
        changes.push(as_bob);
        changes.push(as_central);
    });
    let bytes = sealed(&o, &e);
    let report = o.central.import(&bytes).unwrap();
    assert_eq!((report.applied, report.foreign), (1, 2));
    assert_eq!(o.central.titles(), ["Reunión con la Embajada de Perú"]);
    assert!(report.warnings.iter().any(|w| w.es.contains("se omitieron 2 cambios") && w.es.contains("Ana López")), "{:?}", report.warnings);

    // Bob's real change with that number still arrives.
    o.bob.save(meeting("Foro de ciudades hermanas", "2026-11-10"));
    let from_bob = o.bob.bundle_for(&o.central);
    assert_eq!(o.central.import(&from_bob).unwrap().applied, 1);
}

#[test]
fn a_central_office_relays_every_officers_changes() {
    let mut o = Office::new();
    o.bob.save(meeting("Foro de ciudades hermanas", "2026-11-10"));
    o.round();
    o.round();
    assert_eq!(o.ana.titles(), ["Foro de ciudades hermanas"], "Bob's change reached Ana through central");
}

#[test]
fn a_bundle_claiming_central_from_a_copy_listed_as_officer_is_refused() {
    let (mut o, bytes) = ana_sends_one();
    let mut e = entries(&bytes, &o.central);
    resign(&mut e, &o.ana, |m| m["sender"]["role"] = "central".into());
    let before = o.central.whole_digest();
    let err = o.central.import(&sealed(&o, &e)).unwrap_err();
    assert!(matches!(err, SyncError::Bundle(BundleError::RoleMismatch { .. })), "{err}");
    assert!(err.to_string().contains("el registro de esta copia lo tiene como «officer»"), "{err}");
    assert_eq!(o.central.whole_digest(), before);
}

#[test]
fn the_roster_accepts_only_the_other_role() {
    let o = Office::new();
    let err = roster::add(&o.ana.store, &o.bob.public).unwrap_err();
    assert!(matches!(err, IdentityError::SameRole { role: Role::Officer, .. }), "{err}");
    assert!(err.to_string().contains("un oficial solo agrega a la oficina central"), "{err}");
    let other_central = Copy::new(o.dir.path(), "Otra Oficina", Role::Central);
    assert!(matches!(roster::add(&o.central.store, &other_central.public), Err(IdentityError::SameRole { .. })));
}

#[test]
fn the_same_number_with_other_content_is_refused_loudly() {
    let (mut o, bytes) = ana_sends_one();
    o.central.import(&bytes).unwrap();
    let mut e = entries(&bytes, &o.central);
    forge(&mut e, &o.ana, |changes| changes[0]["writes"]["title"]["value"] = "Otra reunión".into());
    let before = o.central.whole_digest();
    let err = o.central.import(&sealed(&o, &e)).unwrap_err();
    assert!(matches!(err, SyncError::Bundle(BundleError::ReusedNumber { seq: 1, .. })), "{err}");
    assert!(err.to_string().starts_with("paquete rechazado; nada se modificó"), "{err}");
    assert_eq!(o.central.whole_digest(), before);
    assert_eq!(o.central.titles(), ["Reunión con la Embajada de Perú"]);
}

#[test]
fn numbers_beyond_the_signed_64_bit_range_are_refused() {
    let (mut o, bytes) = ana_sends_one();
    let before = o.central.whole_digest();
    let huge = 1u64 << 63;

    let mut e = entries(&bytes, &o.central);
    forge(&mut e, &o.ana, |changes| changes[0]["seq"] = huge.into());
    let err = o.central.import(&sealed(&o, &e)).unwrap_err();
    assert!(matches!(err, SyncError::Bundle(BundleError::OutOfRange { value, .. }) if value == huge), "{err}");

    let mut e = entries(&bytes, &o.central);
    resign(&mut e, &o.ana, |m| m["number"] = u64::MAX.into());
    let err = o.central.import(&sealed(&o, &e)).unwrap_err();
    assert!(err.to_string().contains("número de paquete fuera de rango"), "{err}");
    assert_eq!(o.central.whole_digest(), before);
}

/// A record of Ana's with a file attached; returns the record's id.
fn ana_attaches(o: &mut Office, file_name: &str, bytes: usize) -> String {
    let id = o.ana.save(meeting(&format!("Visita de la Embajada de Chile ({file_name})"), "2026-11-03"));
    let file = o.dir.path().join(file_name);
    std::fs::write(&file, vec![b'x'; bytes]).unwrap();
    o.ana.store.attach(&id.parse().unwrap(), &file, &Actor::new("Ana", Origin::App)).unwrap();
    id
}

fn files_of(copy: &Copy, id: &str) -> Vec<String> {
    copy.store.get(&id.parse().unwrap()).unwrap().unwrap().attachments.into_iter().map(|a| a.file_name).collect()
}

/// Every file under a folder (none if it does not exist).
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries.flat_map(|e| {
        let path = e.unwrap().path();
        if path.is_dir() { files_under(&path) } else { vec![path] }
    }).collect()
}

#[test]
fn a_refused_bundle_leaves_no_attachment_file_on_disk() {
    let mut o = Office::new();
    let ids: Vec<String> = (1..=30).map(|d| o.ana.save(meeting(&format!("Reunión {d}"), &format!("2026-10-{d:02}")))).collect();
    o.round();
    for id in &ids[..20] {
        o.ana.trash(id);
    }
    let file = o.dir.path().join("programa.pdf");
    std::fs::write(&file, b"programa de la visita").unwrap();
    o.ana.store.attach(&ids[25].parse().unwrap(), &file, &Actor::new("Ana", Origin::App)).unwrap();
    let bundle = o.ana.bundle_for(&o.central);
    let err = o.central.import_with(&bundle, enlace::sync::ImportOptions::default()).unwrap_err();
    assert!(matches!(err, SyncError::NeedsConfirmation { .. }), "{err}");
    let folder = o.central.store.attachments_dir().unwrap();
    assert_eq!(files_under(&folder), Vec::<std::path::PathBuf>::new(), "refused: nothing kept");
    o.central.import_with(&bundle, enlace::sync::ImportOptions { confirm: true, ..Default::default() }).unwrap();
    assert_eq!(files_under(&folder).len(), 1, "confirmed: the file is kept");
}

#[test]
fn an_attachment_over_the_recipients_limit_is_not_kept_and_the_rest_of_the_bundle_applies() {
    let mut o = Office::new();
    let id = ana_attaches(&mut o, "programa.pdf", 4096);
    o.central.store.set_max_attachment_bytes(1024);
    let report = o.central.import(&o.ana.bundle_for(&o.central)).unwrap();
    assert_eq!(report.files_not_received, 1);
    assert!(report.warnings.iter().any(|w| w.es.contains("«programa.pdf» (4.0 KiB): pasa el límite de 1.0 KiB")), "{:?}", report.warnings);
    assert_eq!(o.central.titles(), ["Visita de la Embajada de Chile (programa.pdf)"]);
    assert!(files_of(&o.central, &id).is_empty());

    // Later bundles are not blocked by it.
    o.ana.save(meeting("Reunión con Ciudad de Guatemala", "2026-11-04"));
    let later = o.central.import(&o.ana.bundle_for(&o.central)).unwrap();
    assert_eq!((later.applied, later.files_not_received), (1, 0));
    assert_eq!(o.central.titles().len(), 2);
}

#[test]
fn a_file_missing_or_over_the_senders_limit_travels_as_its_record_without_the_file() {
    let mut o = Office::new();
    let big = ana_attaches(&mut o, "video.mp4", 4096);
    let lost = ana_attaches(&mut o, "acta.pdf", 100);
    o.ana.store.set_max_attachment_bytes(1024); // the limit lowered after the big one came in
    let blob = o.ana.store.get(&lost.parse().unwrap()).unwrap().unwrap().attachments[0].hash.clone();
    std::fs::remove_file(o.ana.store.attachment_path(&blob).unwrap()).unwrap();

    let exported = enlace::sync::export(&mut o.ana.store, &o.central.public, false).unwrap();
    let mut not_sent: Vec<(String, Option<u64>)> = exported.files_not_sent.iter().map(|f| (f.file_name.clone(), f.size)).collect();
    not_sent.sort();
    assert_eq!(not_sent, [("acta.pdf".to_string(), None), ("video.mp4".to_string(), Some(4096))]);
    assert_eq!(exported.manifest.counts.attachments, 0);

    let report = o.central.import(&exported.bytes).unwrap();
    assert_eq!(report.files_not_received, 2);
    assert!(report.warnings.iter().any(|w| w.es.contains("no trae el archivo adjunto «acta.pdf»")), "{:?}", report.warnings);
    assert_eq!(o.central.titles().len(), 2);
    assert!(files_of(&o.central, &big).is_empty() && files_of(&o.central, &lost).is_empty());
    assert_eq!(files_of(&o.ana, &big), ["video.mp4"], "the sender keeps its record whole");

    // The file found again travels in a full bundle and is linked at last.
    std::fs::write(o.dir.path().join("acta.pdf"), vec![b'x'; 100]).unwrap();
    o.ana.store.attach(&lost.parse().unwrap(), &o.dir.path().join("acta.pdf"), &Actor::new("Ana", Origin::App)).unwrap();
    let full = enlace::sync::export(&mut o.ana.store, &o.central.public, true).unwrap();
    o.central.import(&full.bytes).unwrap();
    assert_eq!(files_of(&o.central, &lost), ["acta.pdf"]);
    assert!(files_of(&o.central, &big).is_empty(), "still over the sender's limit");
}

#[test]
fn an_attachment_received_is_linked_with_its_audit_entry() {
    let mut o = Office::new();
    let id = ana_attaches(&mut o, "foto.jpg", 300);
    let report = o.central.import(&o.ana.bundle_for(&o.central)).unwrap();
    assert_eq!(report.files_not_received, 0);
    assert_eq!(files_of(&o.central, &id), ["foto.jpg"]);
    let history = o.central.store.audit_of(&id).unwrap();
    assert!(history.iter().any(|e| e.action == "attach" && e.actor.starts_with("sincronización")), "{history:?}");
}

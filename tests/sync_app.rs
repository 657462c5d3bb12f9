//! What the app's Sync screen relies on: a preview that says exactly what an import will do and
//! writes nothing, counts of changes not yet sent and not yet acknowledged, bundles received
//! and missing per officer, cancellable export to a file, conflicts with names and dates.

mod sync_support;

use enlace::store::{Actor, Origin};
use enlace::sync::conflicts::{self, Choice};
use enlace::sync::status::status;
use enlace::sync::{self, SyncError};
use serde_json::json;
use sync_support::{meeting, Copy, Office};

fn peer<'a>(s: &'a sync::status::Status, name: &str) -> &'a sync::status::PeerStatus {
    s.peers.iter().find(|p| p.peer.name == name).unwrap()
}

fn export_to_file(from: &mut Copy, to: &Copy, dir: &std::path::Path) -> Vec<u8> {
    let out = dir.join(sync::export::next_file_name(&from.store, &to.public).unwrap());
    sync::export_file(&mut from.store, &to.public, false, &out, &mut |_, _| true).unwrap();
    std::fs::read(out).unwrap()
}

#[test]
fn a_preview_says_what_the_import_does_and_writes_nothing() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión con la Embajada de Perú", "2026-11-02"));
    o.ana.save(meeting("Visita del Cónsul de Chile", "2026-11-05"));
    let first = o.ana.bundle_for(&o.central);
    o.central.import(&first).unwrap();
    // Both edit the same title: the next bundle brings a conflict.
    o.central.edit(&id, "title", json!("Reunión con el Embajador del Perú"));
    o.ana.edit(&id, "title", json!("Reunión de trabajo con la Embajada de Perú"));
    let second = o.ana.bundle_for(&o.central);

    let before = o.central.whole_digest();
    let preview = sync::preview(&mut o.central.store, &second, None).unwrap();
    assert_eq!(o.central.whole_digest(), before, "a preview writes nothing");
    assert_eq!(preview.sender.name, "Ana López");
    assert_eq!(preview.number, 2);
    assert_eq!((preview.expected.applied, preview.expected.conflicted), (1, 1));
    assert_eq!(preview.expected.records_before, 2);
    assert!(!preview.needs_confirmation);
    assert!(preview.clock_ahead.is_none());

    // Not acknowledged yet (no return bundle), the first bundle's two changes come again.
    assert_eq!(preview.expected.skipped, 2);

    let done = o.central.import(&second).unwrap();
    let e = &preview.expected;
    assert_eq!((done.applied, done.skipped, done.conflicted, done.overwritten), (e.applied, e.skipped, e.conflicted, e.overwritten));
    // Already applied: a second look says everything would be skipped.
    let again = sync::preview(&mut o.central.store, &second, None).unwrap();
    assert_eq!((again.expected.applied, again.expected.skipped), (0, 3));
}

#[test]
fn a_preview_of_a_bad_bundle_is_the_import_error() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión", "2026-11-02"));
    let mut bytes = o.ana.bundle_for(&o.central);
    let n = bytes.len();
    bytes.truncate(n / 2);
    let err = sync::preview(&mut o.central.store, &bytes, None).unwrap_err();
    assert!(err.to_string().starts_with("paquete rechazado; nada se modificó"), "{err}");
}

#[test]
fn a_preview_flags_a_bundle_that_overwrites_many_records() {
    let mut o = Office::new();
    let ids: Vec<String> = (1..=30).map(|i| o.ana.save(meeting(&format!("Reunión {i}"), "2026-11-02"))).collect();
    let first = o.ana.bundle_for(&o.central);
    o.central.import(&first).unwrap();
    for id in &ids[..12] {
        o.ana.trash(id);
    }
    let bulk = o.ana.bundle_for(&o.central);
    let preview = sync::preview(&mut o.central.store, &bulk, None).unwrap();
    assert!(preview.needs_confirmation);
    assert_eq!((preview.expected.deleted, preview.expected.records_before), (12, 30));
    let refused = sync::import(&mut o.central.store, &bulk, &sync::ImportOptions::default()).unwrap_err();
    assert!(matches!(refused, SyncError::NeedsConfirmation { deleted: 12, total: 30, .. }), "{refused}");
}

#[test]
fn a_preview_reports_a_sender_clock_running_ahead() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión", "2026-11-02"));
    let bytes = o.ana.bundle_for(&o.central);
    let three_days_ago = sync::hlc::now_millis() - 3 * 24 * 3_600_000;
    let preview = sync::preview(&mut o.central.store, &bytes, Some(three_days_ago)).unwrap();
    let ahead = preview.clock_ahead.expect("clock ahead");
    assert_eq!((ahead.es.as_str(), ahead.en.as_str()), ("3 días", "3 days"));
}

#[test]
fn counts_of_changes_not_sent_and_not_acknowledged() {
    let mut o = Office::new();
    let dir = tempfile::tempdir().unwrap();
    let s = status(&o.ana.store).unwrap();
    assert_eq!((s.unsent, s.unacknowledged), (0, 0));
    o.ana.save(meeting("Reunión", "2026-11-02"));
    o.ana.save(meeting("Foro", "2026-11-03"));
    let s = status(&o.ana.store).unwrap();
    assert_eq!((s.unsent, s.unacknowledged), (2, 2), "edits count before any export");

    let bundle = export_to_file(&mut o.ana, &o.central, dir.path());
    let s = status(&o.ana.store).unwrap();
    assert_eq!((s.unsent, s.unacknowledged), (0, 2), "sent, not yet acknowledged");
    assert_eq!(peer(&s, "Oficina Central").last_sent, 1);

    o.central.import(&bundle).unwrap();
    let back = export_to_file(&mut o.central, &o.ana, dir.path());
    o.ana.import(&back).unwrap();
    let s = status(&o.ana.store).unwrap();
    assert_eq!((s.unsent, s.unacknowledged), (0, 0), "the central office's return bundle acknowledges them");
    assert_eq!(peer(&s, "Oficina Central").received, [1]);
}

#[test]
fn the_central_office_sees_which_bundles_of_each_officer_are_missing() {
    let mut o = Office::new();
    let dir = tempfile::tempdir().unwrap();
    o.ana.save(meeting("Reunión", "2026-11-02"));
    let _lost = export_to_file(&mut o.ana, &o.central, dir.path());
    o.ana.save(meeting("Foro", "2026-11-03"));
    let second = export_to_file(&mut o.ana, &o.central, dir.path());
    o.central.import(&second).unwrap();
    let s = status(&o.central.store).unwrap();
    let ana = peer(&s, "Ana López");
    assert_eq!((ana.received.clone(), ana.missing.clone()), (vec![2], vec![1]));
    assert!(ana.last_received_at.is_some());
    assert!(peer(&s, "Bob Ruiz").received.is_empty());
    assert_eq!(s.identity.unwrap().name, "Oficina Central");
    assert!(s.public_text.unwrap().contains("rol: central"));
}

#[test]
fn a_cancelled_export_writes_no_file_and_takes_no_number() {
    let mut o = Office::new();
    let dir = tempfile::tempdir().unwrap();
    for i in 0..600 {
        o.ana.save(meeting(&format!("Reunión {i}"), "2026-11-02"));
    }
    let out = dir.path().join("paquete.enlace");
    let mut calls = 0;
    let err = sync::export_file(&mut o.ana.store, &o.central.public, false, &out, &mut |_, _| {
        calls += 1;
        false
    })
    .unwrap_err();
    assert!(matches!(err, SyncError::Cancelled));
    assert_eq!(calls, 1, "asked at the first progress step");
    assert!(!out.exists() && !out.with_extension("partial").exists());
    assert_eq!(peer(&status(&o.ana.store).unwrap(), "Oficina Central").last_sent, 0);
    assert_eq!(sync::export::next_file_name(&o.ana.store, &o.central.public).unwrap(), "ana-lopez-para-oficina-central-0001.enlace");
}

#[test]
fn conflicts_show_who_wrote_each_value_and_resolve_from_the_window_s_choice() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión", "2026-11-02"));
    let first = o.ana.bundle_for(&o.central);
    o.central.import(&first).unwrap();
    o.central.edit(&id, "title", json!("Reunión de la central"));
    o.ana.edit(&id, "title", json!("Reunión de Ana"));
    let second = o.ana.bundle_for(&o.central);
    o.central.import(&second).unwrap();

    let views = conflicts::views(&o.central.store).unwrap();
    let [view] = &views[..] else { panic!("one conflict expected: {views:?}") };
    assert_eq!((view.field.as_str(), view.activity_id.as_str()), ("title", id.as_str()));
    let mut by: Vec<&str> = view.values.iter().map(|v| v.by.as_str()).collect();
    by.sort();
    assert_eq!(by, ["Ana López", "Oficina Central"]);
    assert!(view.values.iter().all(|v| v.at.ends_with('Z')));
    assert_eq!(status(&o.central.store).unwrap().open_conflicts, 1);

    // The window sends its choice as JSON: keep Ana's value.
    let anas = view.values.iter().position(|v| v.by == "Ana López").unwrap();
    let choice: Choice = serde_json::from_value(json!({ "type": "keep", "value": anas })).unwrap();
    let coordinator = Actor::new("Coordinadora".to_string(), Origin::App);
    conflicts::resolve(&mut o.central.store, &id, "title", choice, &coordinator).unwrap();
    assert!(conflicts::views(&o.central.store).unwrap().is_empty());
    assert_eq!(o.central.titles(), ["Reunión de Ana"]);
    let written: Choice = serde_json::from_value(json!({ "type": "value", "value": "Otro" })).unwrap();
    assert_eq!(written, Choice::Value(json!("Otro")));
}

//! Two officers and the central office exchanging bundles: new records, edits, deletions,
//! concurrent edits, duplicate organisations, lost and reordered bundles — all converge.

mod sync_support;

use enlace::store::{Actor, Origin};
use enlace::sync::conflicts::{self, Choice};
use enlace::sync::journal;
use enlace::sync::merge::Conflict;
use enlace::sync::{change::Entity, ImportOptions, SyncError};
use serde_json::json;
use sync_support::{meeting, Office};

#[test]
fn new_records_from_two_officers_reach_everyone() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión con la Embajada de Perú", "2026-11-02"));
    o.ana.save(meeting("Visita del Cónsul de Chile", "2026-11-05"));
    o.bob.save(meeting("Foro de ciudades hermanas", "2026-11-10"));
    o.round();
    assert_eq!(o.central.titles().len(), 3);
    // Bob only learns Ana's records through central's return bundle: a second round.
    o.round();
    assert!(o.converged());
    assert_eq!(o.bob.titles(), o.ana.titles());
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión", "2026-11-02"));
    let b = o.ana.bundle_for(&o.central);
    let first = o.central.import(&b).unwrap();
    assert_eq!((first.applied, first.skipped), (1, 0), "organisations travel inside the activity, not on their own");
    let before = o.central.whole_digest();
    let again = o.central.import(&b).unwrap();
    assert_eq!((again.applied, again.skipped), (0, first.applied));
    assert_eq!(o.central.whole_digest(), before);
}

#[test]
fn edits_and_deletions_travel_and_converge() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión", "2026-11-02"));
    let gone = o.ana.save(meeting("Cancelada", "2026-11-03"));
    o.round();
    o.round();
    o.bob.edit(&id, "summary", json!("Acuerdos sobre movilidad"));
    o.ana.trash(&gone);
    o.round();
    o.round();
    assert!(o.converged());
    let at_central = o.central.store.get(&id.parse().unwrap()).unwrap().unwrap();
    assert_eq!(at_central.summary.as_deref(), Some("Acuerdos sobre movilidad"));
    assert!(o.bob.store.get(&gone.parse().unwrap()).unwrap().unwrap().meta.deleted_at.is_some());
}

/// What a bundle writes is found by search at once, as typed there: a record created, one
/// created and trashed in the same bundle (never found), and an edit that renames a record
/// (found by its new title only).
#[test]
fn search_finds_what_bundles_wrote_and_not_what_they_trashed() {
    use enlace::store::Filter;
    let mut o = Office::new();
    let kept = o.ana.save(meeting("Taller de movilidad eléctrica", "2026-11-02"));
    let gone = o.ana.save(meeting("Taller cancelado de acuarela", "2026-11-03"));
    o.ana.trash(&gone);
    o.round();
    let found = |c: &sync_support::Copy, text: &str| -> Vec<String> {
        c.store.search(text, &Filter::default()).unwrap().items.iter().map(|a| a.id.to_string()).collect()
    };
    assert_eq!(found(&o.central, "movilidad electrica"), [kept.clone()]);
    assert!(found(&o.central, "acuarela").is_empty(), "a record trashed in the bundle is not searchable");
    assert_eq!(found(&o.central, "taller").len(), 1);

    o.ana.edit(&kept, "title", json!("Taller de transporte público"));
    o.round();
    assert_eq!(found(&o.central, "transporte publico"), [kept.clone()]);
    assert!(found(&o.central, "movilidad").is_empty(), "the old title is no longer indexed");
    assert_eq!(found(&o.bob, "transporte"), [kept]);
}

#[test]
fn concurrent_edits_pick_one_winner_everywhere_and_the_coordinator_can_keep_the_other() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión", "2026-11-02"));
    o.round();
    o.round();
    o.ana.edit(&id, "title", json!("Reunión con el Embajador"));
    o.bob.edit(&id, "title", json!("Reunión con la Embajadora"));
    o.round();
    o.round();
    assert!(o.converged());
    let listed = conflicts::list(&o.central.store).unwrap();
    let [entry] = &listed[..] else { panic!("one conflict expected, got {listed:?}") };
    let Conflict::Field { field, winner, losers } = &entry.conflict else { panic!("field conflict") };
    assert_eq!(field, "title");
    // Bob edited later on this machine's clocks; the later stamp wins on every copy.
    assert_eq!(winner.value, json!("Reunión con la Embajadora"));
    assert_eq!(losers[0].value, json!("Reunión con el Embajador"));
    assert_eq!(conflicts::list(&o.ana.store).unwrap().len(), 1, "the officers see the same conflict");

    let coordinator = Actor::new("Coordinación", Origin::Cli);
    conflicts::resolve(&mut o.central.store, &id, "title", Choice::Keep(1), &coordinator).unwrap();
    o.round();
    o.round();
    assert!(o.converged());
    for copy in [&o.ana, &o.bob, &o.central] {
        assert!(conflicts::list(&copy.store).unwrap().is_empty());
        assert_eq!(copy.store.get(&id.parse().unwrap()).unwrap().unwrap().title, "Reunión con el Embajador");
    }
}

#[test]
fn delete_against_edit_is_a_conflict_and_restoring_keeps_the_edit() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión", "2026-11-02"));
    o.round();
    o.round();
    o.ana.trash(&id);
    o.bob.edit(&id, "outcomes", json!("Se firmó una carta de intención"));
    o.round();
    o.round();
    assert!(o.converged());
    let listed = conflicts::list(&o.central.store).unwrap();
    assert!(matches!(&listed[..], [e] if matches!(e.conflict, Conflict::DeleteEdit { .. })), "{listed:?}");
    conflicts::resolve(&mut o.central.store, &id, "_deleted", Choice::Restore, &Actor::new("Coordinación", Origin::Cli)).unwrap();
    o.round();
    o.round();
    assert!(o.converged());
    let a = o.ana.store.get(&id.parse().unwrap()).unwrap().unwrap();
    assert!(a.meta.deleted_at.is_none());
    assert_eq!(a.outcomes.as_deref(), Some("Se firmó una carta de intención"));
}

#[test]
fn duplicate_organisations_are_flagged_at_central_and_the_merge_travels_back() {
    let mut o = Office::new();
    o.ana.save(json!({ "kind": "meeting", "title": "Reunión A", "start_date": "2026-11-02", "organisations": ["Embajada de Perú"] }));
    o.bob.save(json!({ "kind": "meeting", "title": "Reunión B", "start_date": "2026-11-03", "organisations": ["Embajada del Perú"] }));
    let a = o.ana.bundle_for(&o.central);
    let b = o.bob.bundle_for(&o.central);
    o.central.import(&a).unwrap();
    let report = o.central.import(&b).unwrap();
    assert_eq!(report.duplicates.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings.iter().any(|w| w.es.contains("Embajada de Perú") && w.es.contains("Embajada del Perú")));
    let d = &report.duplicates[0];
    let (keep, drop) = if d.a_name == "Embajada de Perú" { (&d.a_id, &d.b_id) } else { (&d.b_id, &d.a_id) };
    o.central.store.merge_organisations(keep, drop, &Actor::new("Coordinación", Origin::Cli)).unwrap();
    o.round();
    o.round();
    for copy in [&o.ana, &o.bob, &o.central] {
        let names: Vec<String> = copy.store.organisations().unwrap().into_iter().map(|o| o.name).collect();
        assert_eq!(names, vec!["Embajada de Perú".to_string()], "{}", copy.public.name);
    }
    assert!(o.central.store.likely_duplicate_organisations().unwrap().is_empty());
}

#[test]
fn a_lost_bundle_is_reported_and_later_ones_still_apply_in_any_order() {
    let mut o = Office::new();
    o.ana.save(meeting("Uno", "2026-11-01"));
    let b1 = o.ana.bundle_for(&o.central);
    o.ana.save(meeting("Dos", "2026-11-02"));
    let b2 = o.ana.bundle_for(&o.central);
    o.ana.save(meeting("Tres", "2026-11-03"));
    let b3 = o.ana.bundle_for(&o.central);

    let numbered = enlace::sync::export(&mut o.ana.store, &o.central.public, false).unwrap();
    assert_eq!(numbered.suggested_file_name(), "ana-lopez-para-oficina-central-0004.enlace");
    let report = o.central.import(&b3).unwrap();
    assert_eq!(report.missing_bundles, vec![1, 2]);
    assert!(report.warnings.iter().any(|w| w.es == "falta el paquete 1 de Ana López" && w.en == "bundle 1 from Ana López is missing"), "{:?}", report.warnings);
    assert_eq!(o.central.titles(), ["Dos", "Tres", "Uno"]);
    let late = o.central.import(&b1).unwrap();
    assert_eq!(late.applied, 0, "its changes came inside bundle 3 already");
    assert_eq!(o.central.import(&b2).unwrap().missing_bundles, Vec::<u64>::new());
}

#[test]
fn a_mass_deletion_needs_confirmation_and_leaves_the_database_untouched() {
    let mut o = Office::new();
    let ids: Vec<String> = (1..=30).map(|d| o.ana.save(meeting(&format!("Reunión {d}"), &format!("2026-10-{d:02}")))).collect();
    o.round();
    for id in &ids[..20] {
        o.ana.trash(id);
    }
    let bundle = o.ana.bundle_for(&o.central);
    let before = o.central.whole_digest();
    let err = o.central.import_with(&bundle, ImportOptions::default()).unwrap_err();
    assert!(matches!(err, SyncError::NeedsConfirmation { deleted: 20, total: 30, .. }), "{err}");
    assert!(err.to_string().contains("--confirm"));
    assert_eq!(o.central.whole_digest(), before);
    let report = o.central.import_with(&bundle, ImportOptions { confirm: true, ..Default::default() }).unwrap();
    assert_eq!(report.deleted, 20);
    assert_eq!(o.central.titles().len(), 10);
}

#[test]
fn a_sender_clock_days_ahead_is_refused_unless_accepted() {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión", "2026-11-02"));
    let bundle = o.ana.bundle_for(&o.central);
    let three_days_ago = chrono::Utc::now().timestamp_millis() as u64 - 3 * 24 * 3_600_000;
    let before = o.central.whole_digest();
    let err = o
        .central
        .import_with(&bundle, ImportOptions { confirm: true, now_millis: Some(three_days_ago), ..Default::default() })
        .unwrap_err();
    assert!(matches!(err, SyncError::ClockAhead { ref ahead, .. } if ahead.es == "3 días" && ahead.en == "3 days"), "{err}");
    assert!(err.to_string().contains("Ana López"));
    assert_eq!(o.central.whole_digest(), before);
    let report = o
        .central
        .import_with(&bundle, ImportOptions { accept_clock_skew: true, now_millis: Some(three_days_ago), ..Default::default() })
        .unwrap();
    assert_eq!(report.applied, 1);
    assert!(report.warnings.iter().any(|w| w.es.contains("3 días")), "{:?}", report.warnings);
}

#[test]
fn an_officer_may_purge_a_deletion_only_after_central_acknowledged_it() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión", "2026-11-02"));
    o.round();
    o.ana.trash(&id);
    let me = o.ana.public.id;
    let bundle = o.ana.bundle_for(&o.central);
    assert!(!journal::purge_allowed(o.ana.store.sync_book(), me, Entity::Activity, &id).unwrap());
    o.central.import(&bundle).unwrap();
    assert!(!journal::purge_allowed(o.ana.store.sync_book(), me, Entity::Activity, &id).unwrap());
    let back = o.central.bundle_for(&o.ana);
    o.ana.import(&back).unwrap();
    assert!(journal::purge_allowed(o.ana.store.sync_book(), me, Entity::Activity, &id).unwrap());
}

#[test]
fn attachments_travel_by_content_hash() {
    let mut o = Office::new();
    let id = o.ana.save(meeting("Reunión", "2026-11-02"));
    let file = o.dir.path().join("Acta de la reunión.pdf");
    std::fs::write(&file, b"%PDF-1.4 acta firmada").unwrap();
    let who = Actor::new("Ana López", Origin::App);
    let attached = o.ana.store.attach(&id.parse().unwrap(), &file, &who).unwrap();
    o.round();
    let at_central = o.central.store.get(&id.parse().unwrap()).unwrap().unwrap();
    assert_eq!(at_central.attachments.len(), 1);
    assert_eq!(at_central.attachments[0].file_name, "Acta de la reunión.pdf");
    let path = o.central.store.attachment_path(&attached.hash).unwrap();
    assert_eq!(std::fs::read(path).unwrap(), b"%PDF-1.4 acta firmada");
}

#[test]
fn a_laptop_whose_clock_runs_ahead_is_told_so_by_central_s_answer() {
    let mut o = Office::new();
    let two_days = chrono::Utc::now().timestamp_millis() as u64 + 2 * 24 * 3_600_000;
    o.ana.store.sync_book().observe_clock(&format!("{two_days:013}-00000")).unwrap();
    o.ana.save(meeting("Reunión", "2026-11-02"));
    let bundle = o.ana.bundle_for(&o.central);
    let accepted = o.central.import_with(&bundle, ImportOptions { accept_clock_skew: true, ..Default::default() }).unwrap();
    assert_eq!(accepted.applied, 1);
    let now = chrono::Utc::now().timestamp_millis() as u64;
    let central_clock = o.central.store.sync_book().tick().unwrap();
    assert!(central_clock.as_str() < format!("{:013}", now + 3_600_000).as_str(), "central's clock was not dragged ahead: {central_clock}");
    let back = o.central.bundle_for(&o.ana);
    let report = o.ana.import(&back).unwrap();
    assert!(
        report.warnings.iter().any(|w| w.es.contains("reloj de esta computadora parece adelantado") && w.es.contains("2 días")),
        "{:?}",
        report.warnings
    );
}

//! A photo's report mark (in the report, caption, credit) is part of the record: it travels in
//! sync bundles, both ways and when changed again, and survives an edit in the form that does
//! not touch it and an interchange export and import over the same records.

mod sync_support;

use enlace::domain::{Attachment, ReportMark};
use enlace::interop::interchange;
use enlace::store::{Actor, Origin};
use sync_support::{meeting, Copy, Office};

fn attachments(copy: &Copy, id: &str) -> Vec<Attachment> {
    copy.store.get(&id.parse().unwrap()).unwrap().unwrap().attachments
}

fn mark(caption: &str, credit: &str) -> ReportMark {
    ReportMark { in_report: true, caption: Some(caption.into()), credit: Some(credit.into()) }
}

#[test]
fn a_report_mark_travels_in_bundles_and_survives_edits_and_interchange() {
    let mut o = Office::new();
    let ana = Actor::new("Ana", Origin::App);
    let id = o.ana.save(meeting("Visita de la Embajada de Chile", "2026-11-03"));
    let file = o.dir.path().join("firma.jpg");
    std::fs::write(&file, b"\xff\xd8\xff una foto").unwrap();
    let hash = o.ana.store.attach(&id.parse().unwrap(), &file, &ana).unwrap().hash;
    o.ana.store.mark_attachment(&id.parse().unwrap(), &hash, mark("Firma del memorándum", "Ana López"), &ana).unwrap();
    assert_eq!(o.ana.store.audit_of(&id).unwrap().last().unwrap().action, "mark", "the mark is in the trail");

    o.round();
    let received = &attachments(&o.central, &id)[0];
    assert_eq!(received.report_mark(), mark("Firma del memorándum", "Ana López"), "the mark reached central");

    // Changed again at central, it comes back to Ana.
    let central = Actor::new("Central", Origin::App);
    o.central.store.mark_attachment(&id.parse().unwrap(), &hash, mark("Firma del memorándum con Chile", "Oficina Central"), &central).unwrap();
    o.round();
    assert_eq!(attachments(&o.ana, &id)[0].report_mark(), mark("Firma del memorándum con Chile", "Oficina Central"));
    assert!(o.converged());

    // An edit in the form that does not touch the attachment keeps the mark, here and there.
    o.ana.edit(&id, "summary", "Se firmó el memorándum.".into());
    o.round();
    for copy in [&o.ana, &o.central] {
        assert_eq!(attachments(copy, &id)[0].report_mark(), mark("Firma del memorándum con Chile", "Oficina Central"));
    }

    // The interchange format carries records, not files: exported and imported again over the
    // same records, the marks stay as they were.
    let activities = o.central.store.list(&Default::default()).unwrap().items;
    let mut jsonl = Vec::new();
    interchange::write_jsonl(&activities, &mut jsonl).unwrap();
    let items = interchange::parse(std::str::from_utf8(&jsonl).unwrap()).unwrap();
    o.central.store.import(&items, &Actor::new("Central", Origin::Import), false, &mut |_, _| true).unwrap();
    assert_eq!(attachments(&o.central, &id)[0].report_mark(), mark("Firma del memorándum con Chile", "Oficina Central"));

    // Taken out of the report, and the clearing travels too.
    o.ana.store.mark_attachment(&id.parse().unwrap(), &hash, ReportMark::default(), &ana).unwrap();
    o.round();
    assert_eq!(attachments(&o.central, &id)[0].report_mark(), ReportMark::default());
}

#[test]
fn only_photos_are_marked_for_the_report() {
    let mut o = Office::new();
    let ana = Actor::new("Ana", Origin::App);
    let id = o.ana.save(meeting("Visita de la Embajada de Chile", "2026-11-03"));
    let file = o.dir.path().join("programa.pdf");
    std::fs::write(&file, b"%PDF-1.4").unwrap();
    let hash = o.ana.store.attach(&id.parse().unwrap(), &file, &ana).unwrap().hash;
    let err = o.ana.store.mark_attachment(&id.parse().unwrap(), &hash, mark("Programa", "Ana"), &ana).unwrap_err();
    assert!(err.to_string().contains("programa.pdf"), "{err}");
    assert!(!attachments(&o.ana, &id)[0].in_report);
}

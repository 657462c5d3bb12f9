//! The central office ends with the same content whatever order the officers' bundles arrive
//! in, and importing any of them again changes nothing.

mod sync_support;

use enlace::store::Store;
use proptest::prelude::*;
use serde_json::json;
use sync_support::{meeting, Copy, Office};

struct Recorded {
    _dir: tempfile::TempDir,
    template: std::path::PathBuf,
    bundles: Vec<Vec<u8>>,
}

/// Plays a week of work: each officer sends three bundles, central answers each (so later
/// bundles carry only what is new); concurrent edits, a deletion, edits of the other's records.
fn record() -> Recorded {
    let mut o = Office::new();
    let template = o.dir.path().join("central-inicial.db");
    o.central.db().execute("VACUUM INTO ?1", [template.to_str().unwrap()]).unwrap();
    let mut bundles = Vec::new();
    let shared = o.ana.save(meeting("Reunión compartida", "2026-11-01"));
    let temp = o.bob.save(meeting("Borrador", "2026-11-02"));
    send(&mut o, &mut bundles);
    o.ana.edit(&shared, "title", json!("Reunión con la Embajada"));
    o.bob.edit(&shared, "title", json!("Reunión con el Consulado"));
    o.bob.edit(&shared, "place", json!("Palacio Municipal"));
    o.ana.save(meeting("Visita técnica", "2026-11-03"));
    send(&mut o, &mut bundles);
    o.bob.trash(&temp);
    o.ana.edit(&temp, "summary", json!("Sigue en pie"));
    o.ana.edit(&shared, "summary", json!("Notas"));
    send(&mut o, &mut bundles);
    let Office { dir, .. } = o;
    Recorded { _dir: dir, template, bundles }
}

/// Each officer sends to central; central answers each.
fn send(o: &mut Office, bundles: &mut Vec<Vec<u8>>) {
    for officer in [&mut o.ana, &mut o.bob] {
        let b = officer.bundle_for(&o.central);
        o.central.import(&b).unwrap();
        bundles.push(b);
    }
    for officer in [&mut o.ana, &mut o.bob] {
        let back = o.central.bundle_for(officer);
        officer.import(&back).unwrap();
    }
}

fn central_after(r: &Recorded, order: &[usize], n: usize) -> (String, Copy) {
    let path = r.template.with_file_name(format!("central-{n}.db"));
    let _ = std::fs::remove_file(&path);
    std::fs::copy(&r.template, &path).unwrap();
    let store = Store::open(&path).unwrap();
    let public = enlace::sync::Identity::require(&store).unwrap().public;
    let mut central = Copy { store, public, path };
    for &i in order {
        central.import(&r.bundles[i]).unwrap();
    }
    (central.content_digest(), central)
}

fn recorded() -> &'static Recorded {
    static R: std::sync::OnceLock<Recorded> = std::sync::OnceLock::new();
    R.get_or_init(record)
}

#[test]
fn the_recorded_bundles_are_disjoint_deltas() {
    let r = recorded();
    assert_eq!(r.bundles.len(), 6);
    let (_, central) = central_after(r, &[0, 1, 2, 3, 4, 5], 0);
    assert_eq!(enlace::sync::conflicts::list(&central.store).unwrap().len(), 2, "title, and delete vs edit");
}

static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn any_arrival_order_gives_the_same_database(order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle()) {
        let r = recorded();
        let n = CASE.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let (in_order, _) = central_after(r, &[0, 1, 2, 3, 4, 5], 1000 + n);
        let (shuffled, mut central) = central_after(r, &order, n);
        prop_assert_eq!(&shuffled, &in_order, "order {:?}", order);
        let before = central.whole_digest();
        for b in &r.bundles {
            let again = central.import(b).unwrap();
            prop_assert_eq!(again.applied, 0);
        }
        prop_assert_eq!(central.whole_digest(), before);
    }
}

//! Axis sets and order: a rename keeps an axis's activities and travels in a bundle; the order
//! and the cross-cutting mark set the report's parts; an archived axis leaves the form but not
//! the report; sets keep administrations apart.

mod sync_support;

mod report_support;

use report_support::second_semester_2021;

use enlace::report::{period_document, Block, Lang};
use enlace::store::{Actor, Filter, Origin, Store};
use enlace::Explain;
use sync_support::{meeting, Office};

fn who() -> Actor {
    Actor::new("Ana López", Origin::App)
}

fn names(axes: &[enlace::store::Axis]) -> Vec<&str> {
    axes.iter().map(|a| a.name.as_str()).collect()
}

/// The axes the form offers.
fn choices(store: &Store) -> Vec<String> {
    store.axes().unwrap().into_iter().filter(|a| a.offered).map(|a| a.name).collect()
}

fn meeting_on(title: &str, axis: Option<&str>) -> serde_json::Value {
    let mut m = meeting(title, "2021-09-10");
    if let Some(axis) = axis {
        m["axis"] = serde_json::Value::from(axis);
    }
    m
}

/// A store with one activity per axis, and one without an axis.
fn semester() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (title, axis) in [
        ("Foro por la igualdad", Some("Igualdad de Derechos")),
        ("Visita técnica sobre agua", Some("Ciudad Sustentable")),
        ("Reunión con la Embajada de Perú", Some("Agenda de la Jefatura de Gobierno")),
        ("Reunión con la SRE", None),
    ] {
        let input = serde_json::from_value(meeting_on(title, axis)).unwrap();
        store.save_activity(&input, &who()).unwrap();
    }
    store
}

/// The report's parts (level-1 headings) between the summary and the annex.
fn parts(store: &Store) -> Vec<String> {
    let request = second_semester_2021(Lang::Es);
    let filter = request.filter();
    let doc =
        period_document(&request, &store.list(&filter).unwrap().items, &store.stats(&filter).unwrap().into(), &store.axes().unwrap(), &|_| {
            Vec::new()
        });
    let headings: Vec<String> = doc
        .blocks()
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    headings[1..headings.len() - 1].to_vec()
}

#[test]
fn a_new_database_has_one_active_set_and_axes_go_into_it() {
    let store = semester();
    let sets = store.axis_sets().unwrap();
    assert_eq!(sets.len(), 1);
    assert!(sets[0].active);
    assert_eq!(sets[0].name, "Plan de gobierno");
    assert_eq!(names(&sets[0].axes), ["Igualdad de Derechos", "Ciudad Sustentable", "Agenda de la Jefatura de Gobierno"]);
    assert_eq!(sets[0].axes.iter().map(|a| a.position).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn order_and_cross_cutting_set_the_report_parts() {
    let mut store = semester();
    assert_eq!(parts(&store), ["Igualdad de Derechos", "Ciudad Sustentable", "Agenda de la Jefatura de Gobierno", "Sin eje asignado"]);

    store.move_axis("ciudad sustentable", 1, &who()).unwrap();
    assert_eq!(parts(&store), ["Ciudad Sustentable", "Igualdad de Derechos", "Agenda de la Jefatura de Gobierno", "Sin eje asignado"]);

    let marked = store.set_axis_cross_cutting("Agenda de la Jefatura de Gobierno", true, &who()).unwrap();
    assert!(marked.cross_cutting);
    assert_eq!(parts(&store), ["Agenda de la Jefatura de Gobierno", "Ciudad Sustentable", "Igualdad de Derechos", "Sin eje asignado"]);

    // Past the end is last; the others close up.
    store.move_axis("Ciudad Sustentable", 99, &who()).unwrap();
    let order: Vec<(String, u32)> = store.axes().unwrap().into_iter().map(|a| (a.name, a.position)).collect();
    assert_eq!(
        order,
        [("Igualdad de Derechos".into(), 1), ("Agenda de la Jefatura de Gobierno".into(), 2), ("Ciudad Sustentable".into(), 3)]
    );
}

#[test]
fn an_archived_axis_leaves_the_form_but_keeps_its_activities_and_its_part() {
    let mut store = semester();
    store.set_axis_archived("Ciudad Sustentable", true, &who()).unwrap();
    assert_eq!(choices(&store), ["Igualdad de Derechos", "Agenda de la Jefatura de Gobierno"]);
    assert!(store.axes().unwrap().iter().any(|a| a.name == "Ciudad Sustentable" && a.archived));
    assert!(parts(&store).contains(&"Ciudad Sustentable".to_string()));
    let kept = store.list(&Filter { axes: vec!["Ciudad Sustentable".into()], ..Default::default() }).unwrap().items;
    assert_eq!(kept.len(), 1);

    store.set_axis_archived("Ciudad Sustentable", false, &who()).unwrap();
    assert_eq!(choices(&store).len(), 3);
}

#[test]
fn sets_keep_administrations_apart() {
    let mut store = semester();
    store.add_axis_set("Plan General de Desarrollo 2013–2018", &who()).unwrap();
    store.add_axis("Equidad e Inclusión Social", Some("plan general de desarrollo 2013–2018"), &who()).unwrap();
    assert_eq!(choices(&store).len(), 3, "the active set is still the first");

    let active = store.activate_axis_set("PLAN GENERAL DE DESARROLLO 2013–2018", &who()).unwrap();
    assert_eq!(active, "Plan General de Desarrollo 2013–2018");
    assert_eq!(choices(&store), ["Equidad e Inclusión Social"]);
    let sets = store.axis_sets().unwrap();
    assert_eq!(
        sets.iter().map(|s| (s.name.as_str(), s.active)).collect::<Vec<_>>(),
        [("Plan General de Desarrollo 2013–2018", true), ("Plan de gobierno", false)]
    );

    // A name typed in the form goes into the active set.
    let input = serde_json::from_value(meeting_on("Taller de inclusión", Some("Desarrollo Económico Sustentable"))).unwrap();
    store.save_activity(&input, &who()).unwrap();
    assert_eq!(names(&store.axis_sets().unwrap()[0].axes), ["Equidad e Inclusión Social", "Desarrollo Económico Sustentable"]);
}

#[test]
fn refusals_say_why_in_both_languages() {
    let mut store = semester();
    let cases = [
        (store.add_axis("  ", None, &who()).unwrap_err(), "el nombre del eje no puede estar vacío", "the axis name cannot be empty"),
        (
            store.add_axis("ciudad SUSTENTABLE", None, &who()).unwrap_err(),
            "ya hay un eje llamado «ciudad SUSTENTABLE» (en «Plan de gobierno»)",
            "there is already an axis named «ciudad SUSTENTABLE» (in «Plan de gobierno»)",
        ),
        (
            store.rename_axis("Igualdad de Derechos", "Ciudad Sustentable", &who()).unwrap_err(),
            "ya hay un eje llamado «Ciudad Sustentable» (en «Plan de gobierno»)",
            "there is already an axis named «Ciudad Sustentable» (in «Plan de gobierno»)",
        ),
        (
            store.rename_axis("Movilidad", "Más y Mejor Movilidad", &who()).unwrap_err(),
            "no hay un eje llamado «Movilidad»",
            "there is no axis named «Movilidad»",
        ),
        (
            store.add_axis("Movilidad", Some("Plan 2030"), &who()).unwrap_err(),
            "no hay un conjunto de ejes llamado «Plan 2030»",
            "there is no axis set named «Plan 2030»",
        ),
        (
            store.add_axis_set("plan de GOBIERNO", &who()).unwrap_err(),
            "ya hay un conjunto de ejes llamado «plan de GOBIERNO»",
            "there is already an axis set named «plan de GOBIERNO»",
        ),
    ];
    for (err, es, en) in cases {
        assert_eq!((err.text().es.as_str(), err.text().en.as_str()), (es, en));
    }
    assert_eq!(store.axes().unwrap().len(), 3, "nothing was written");
}

#[test]
fn a_rename_keeps_the_activities_and_travels_in_a_bundle() {
    let mut o = Office::new();
    let id = o.ana.save(meeting_on("Reunión sobre movilidad eléctrica", Some("Movilidad")));
    o.ana.save(meeting_on("Foro por la igualdad", Some("Igualdad de Derechos")));
    o.round();
    assert!(o.converged());

    let ana = Actor::new("Ana López", Origin::App);
    let renamed = o.ana.store.rename_axis("movilidad", "Más y Mejor Movilidad", &ana).unwrap();
    assert_eq!(renamed.position, 1, "a rename keeps the axis's place");
    o.ana.store.set_axis_cross_cutting("Igualdad de Derechos", true, &ana).unwrap();
    o.ana.store.move_axis("Igualdad de Derechos", 1, &ana).unwrap();
    let activity = o.ana.store.get(&id.parse().unwrap()).unwrap().unwrap();
    assert_eq!(activity.axis.as_deref(), Some("Más y Mejor Movilidad"), "the activity keeps its axis under the new name");

    o.round();
    for copy in [&o.central, &o.bob] {
        let axes = copy.store.axes().unwrap();
        let seen: Vec<(&str, u32, bool)> = axes.iter().map(|a| (a.name.as_str(), a.position, a.cross_cutting)).collect();
        assert_eq!(seen, [("Igualdad de Derechos", 1, true), ("Más y Mejor Movilidad", 2, false)], "{}", copy.public.name);
        let activity = copy.store.get(&id.parse().unwrap()).unwrap().unwrap();
        assert_eq!(activity.axis.as_deref(), Some("Más y Mejor Movilidad"));
    }

    // A later edit elsewhere does not bring the old name back.
    o.bob.edit(&id, "title", serde_json::json!("Reunión sobre movilidad eléctrica y bicicletas"));
    o.round();
    o.round();
    for copy in [&o.ana, &o.central, &o.bob] {
        assert_eq!(names(&copy.store.axes().unwrap()), ["Igualdad de Derechos", "Más y Mejor Movilidad"], "{}", copy.public.name);
        let activity = copy.store.get(&id.parse().unwrap()).unwrap().unwrap();
        assert_eq!(activity.title, "Reunión sobre movilidad eléctrica y bicicletas");
        assert_eq!(activity.axis.as_deref(), Some("Más y Mejor Movilidad"));
    }
    assert!(o.converged());
}

#[test]
fn a_rename_is_in_the_activity_history() {
    let mut store = semester();
    let id = store.list(&Filter { axes: vec!["Ciudad Sustentable".into()], ..Default::default() }).unwrap().items[0].id;
    store.rename_axis("Ciudad Sustentable", "Ciudad Sustentable y Resiliente", &who()).unwrap();
    let history = store.audit_of(&id.to_string()).unwrap();
    let last = history.iter().find(|e| e.fields.contains(&"axis".to_string())).expect("the rename is in the history");
    assert_eq!(last.actor, "Ana López");
}

#[test]
fn a_rename_onto_a_name_another_copy_created_makes_them_one_axis() {
    let mut o = Office::new();
    let ana_id = o.ana.save(meeting_on("Reunión sobre movilidad eléctrica", Some("Movilidad")));
    o.round();
    let bob_id = o.bob.save(meeting_on("Taller de ciclovías", Some("Más y Mejor Movilidad")));
    o.ana.store.rename_axis("Movilidad", "Más y Mejor Movilidad", &who()).unwrap();
    o.round();
    o.round();
    for copy in [&o.ana, &o.central, &o.bob] {
        assert_eq!(names(&copy.store.axes().unwrap()), ["Más y Mejor Movilidad"], "{}", copy.public.name);
        let on_axis = copy.store.list(&Filter { axes: vec!["Más y Mejor Movilidad".into()], ..Default::default() }).unwrap().items;
        let mut ids: Vec<String> = on_axis.iter().map(|a| a.id.to_string()).collect();
        ids.sort();
        let mut both = vec![ana_id.clone(), bob_id.clone()];
        both.sort();
        assert_eq!(ids, both, "{}", copy.public.name);
    }
    // The old name is free again.
    o.central.store.add_axis("Movilidad", None, &who()).unwrap();
}

#[test]
fn axes_recorded_before_sets_go_into_the_first_set_in_their_order() {
    use enlace::store::migrations::MIGRATIONS;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("antes.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT;").unwrap();
        for (name, sql) in MIGRATIONS.iter().take_while(|(n, _)| *n < "20261201000000") {
            conn.execute_batch(sql).unwrap();
            conn.execute("INSERT INTO schema_migrations VALUES (?1, '2026-11-01T00:00:00.000Z')", [name]).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO axes (id, name, name_key, position, created_at) VALUES
                 ('0190f0a0-0000-7000-8000-0000000000a2', 'Ciudad Sustentable', 'ciudad sustentable', 2, '2026-11-01T00:00:00.000Z'),
                 ('0190f0a0-0000-7000-8000-0000000000a1', 'Igualdad de Derechos', 'igualdad de derechos', 1, '2026-11-01T00:00:00.000Z');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let sets = store.axis_sets().unwrap();
    assert_eq!(sets.len(), 1);
    assert!(sets[0].active);
    assert_eq!(names(&sets[0].axes), ["Igualdad de Derechos", "Ciudad Sustentable"]);
    assert_eq!(choices(&store), ["Igualdad de Derechos", "Ciudad Sustentable"]);
    store.rename_axis("Igualdad de Derechos", "Igualdad de Derechos y Libertades", &who()).unwrap();
    store.add_axis("Igualdad de Derechos", None, &who()).unwrap();
    assert_eq!(store.axes().unwrap().iter().map(|a| a.position).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn an_activity_restored_after_its_axis_was_renamed_keeps_the_new_name_elsewhere() {
    let mut o = Office::new();
    let id = o.ana.save(meeting_on("Reunión sobre movilidad eléctrica", Some("Movilidad")));
    o.ana.trash(&id);
    o.round();
    o.ana.store.rename_axis("Movilidad", "Más y Mejor Movilidad", &who()).unwrap();
    o.ana.store.restore(&id.parse().unwrap(), &who()).unwrap();
    o.round();
    for copy in [&o.ana, &o.central, &o.bob] {
        assert_eq!(names(&copy.store.axes().unwrap()), ["Más y Mejor Movilidad"], "{}", copy.public.name);
        let activity = copy.store.get(&id.parse().unwrap()).unwrap().unwrap();
        assert_eq!(activity.axis.as_deref(), Some("Más y Mejor Movilidad"), "{}", copy.public.name);
    }
}

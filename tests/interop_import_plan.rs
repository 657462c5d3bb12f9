//! The dry run of a spreadsheet import against a database: new lines, likely duplicates of
//! records and of earlier lines, errors; then the confirmed lines written in one go.

use enlace::interop::import_plan::{plan_import, LineAction};
use enlace::interop::interchange;
use enlace::interop::spreadsheet::{csv::read_csv, read_rows, Mapping};
use enlace::interop::Lang;
use enlace::store::{Actor, Filter, Origin, Store};

const EVERY_KIND: &str = include_str!("fixtures/every_kind.jsonl");

#[test]
fn dry_run_then_confirmed_import() {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(EVERY_KIND).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    let before = store.list(&Filter::default()).unwrap().total;

    let csv = "Fecha;Tipo;Título;País\n\
               12/07/2021;Reunión;Reunión de trabajo con el embajador de FRANCIA;Francia\n\
               13/07/2021;Reunión;Reunión con la Embajada de Perú;Perú\n\
               13/07/2021;Reunión;Reunion con Embajada del Peru;Perú\n\
               14/07/2021;Taller;Taller de datos abiertos;México\n\
               15/07/2021;Reunión;;Perú\n";
    let table = read_csv(csv.as_bytes()).unwrap();
    let drafts = read_rows(&table, &Mapping::propose(&table.headers), &mut |_, _| true).unwrap();
    let plan = plan_import(&store, &drafts).unwrap();
    let actions: Vec<(usize, &str)> = plan
        .lines
        .iter()
        .map(|l| {
            let a = match &l.action {
                LineAction::Create => "create",
                LineAction::Update { .. } => "update",
                LineAction::DuplicateOfRecord { .. } => "duplicate of record",
                LineAction::DuplicateOfLine { .. } => "duplicate of line",
                LineAction::Error { .. } => "error",
            };
            (l.line, a)
        })
        .collect();
    assert_eq!(actions, vec![(2, "duplicate of record"), (3, "create"), (4, "duplicate of line"), (5, "create"), (6, "error")]);
    match &plan.lines[0].action {
        LineAction::DuplicateOfRecord { title, .. } => assert_eq!(title, "Reunión de trabajo con el Embajador de Francia"),
        other => panic!("{other:?}"),
    }
    let text = plan.render(Lang::Es);
    assert!(text.contains("Línea 4: Reunión · 13 de julio de 2021 · «Reunion con Embajada del Peru» — parece duplicado de la línea 3"), "{text}");
    assert!(text.contains("línea 6, columna 3 «Título»: el título es obligatorio"), "{text}");
    assert!(text.ends_with("2 por importar, 2 posibles duplicados, 1 con errores\n"), "{text}");
    assert_eq!(store.list(&Filter::default()).unwrap().total, before, "a dry run writes nothing");

    let confirmed = plan.to_import(false);
    assert_eq!(confirmed.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![3, 5]);
    let report = store.import(&confirmed, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(store.list(&Filter::default()).unwrap().total, before + 2);
}

#[test]
fn an_exported_sheet_edited_and_imported_back_updates_its_records() {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(EVERY_KIND).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    let activities = store.list(&Filter::default()).unwrap().items;
    let mut bytes = Vec::new();
    enlace::interop::export::csv::write_csv(&activities, Lang::Es, &mut bytes, &mut |_, _| true).unwrap();
    let edited = String::from_utf8(bytes).unwrap().replace("Curso de contratación pública abierta", "Curso de contratación abierta (edición 2021)");

    let table = read_csv(edited.as_bytes()).unwrap();
    let drafts = read_rows(&table, &Mapping::propose(&table.headers), &mut |_, _| true).unwrap();
    let plan = plan_import(&store, &drafts).unwrap();
    assert!(plan.lines.iter().all(|l| matches!(l.action, LineAction::Update { .. })), "{}", plan.render(Lang::Es));
    let report = store.import(&plan.to_import(false), &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    assert_eq!((report.created, report.updated), (0, 1), "only the edited record changed");
    let titles: Vec<String> = store.list(&Filter::default()).unwrap().items.into_iter().map(|a| a.title).collect();
    assert!(titles.contains(&"Curso de contratación abierta (edición 2021)".to_string()));
}

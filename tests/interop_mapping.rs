//! A spreadsheet's columns mapped by their values as well as their headers: kinds, titles,
//! dates, countries, modalities and amounts are recognised from what the cells hold, the better
//! of two columns keeps a field, and each column says why.

use std::path::Path;

use enlace::interop::spreadsheet::csv::read_csv;
use enlace::interop::spreadsheet::{read_rows, read_table, Mapping, Proposal, Table, Target};

fn table(csv: &str) -> Table {
    read_csv(csv.as_bytes()).unwrap()
}

fn target(p: &Proposal, header: &str) -> String {
    p.mapping.columns.get(header).unwrap_or_else(|| panic!("no column «{header}» in {:?}", p.mapping)).name()
}

fn reason<'a>(p: &'a Proposal, header: &str) -> &'a enlace::Text {
    &p.reasons.iter().find(|r| r.header == header).unwrap_or_else(|| panic!("no reason for «{header}»")).reason
}

const TIPO_Y_ACTIVIDAD: &str = "\
Tipo,Actividad,Fecha,País
Reunión,Reunión de trabajo con la Embajada de Francia sobre movilidad,27/07/2021,Francia
Capacitación,Taller de gestión de residuos sólidos para municipios,03/08/2021,Chile
Iluminación,Iluminación del Ángel por el Día Nacional de Suiza,01/08/2021,Suiza
Reunión,Encuentro con la delegación de Bogotá sobre agua,10/08/2021,Colombia
";

#[test]
fn tipo_is_the_kind_and_actividad_with_names_is_the_title() {
    let p = Mapping::propose_for(&table(TIPO_Y_ACTIVIDAD));
    assert_eq!(target(&p, "Tipo"), "kind");
    assert_eq!(target(&p, "Actividad"), "title");
    assert_eq!(target(&p, "Fecha"), "date");
    assert_eq!(target(&p, "País"), "countries");
    assert_eq!(reason(&p, "Actividad").es, "«Actividad»: textos distintos → Título");
    assert_eq!(reason(&p, "Actividad").en, "«Actividad»: distinct texts → Title");
    assert!(reason(&p, "Tipo").es.contains("valores de tipo de actividad"), "{:?}", reason(&p, "Tipo"));
    assert!(reason(&p, "Tipo").es.ends_with("→ Tipo de actividad"), "{:?}", reason(&p, "Tipo"));
    // The rows read with the proposal have both their kind and their title.
    let t = table(TIPO_Y_ACTIVIDAD);
    let drafts = read_rows(&t, &p.mapping, &mut |_, _| true).unwrap();
    assert_eq!(drafts[0].input.kind, "meeting");
    assert_eq!(drafts[0].input.title, "Reunión de trabajo con la Embajada de Francia sobre movilidad");
    assert!(drafts.iter().all(|d| d.errors.is_empty()), "{:?}", drafts.iter().flat_map(|d| &d.errors).collect::<Vec<_>>());
    // The header-only proposal is unchanged: it cannot tell the two columns apart.
    assert_eq!(Mapping::propose(&t.headers).columns.get("Actividad"), Some(&Target::Ignore));
}

#[test]
fn headers_people_write() {
    let csv = "\
Nombre del evento,Fecha(s),País(es),Tipo de actividad,Dependencia,Modalidad
Foro de ciudades por el clima,del 3 al 5 de agosto de 2021,Francia; Alemania,Evento,Secretaría del Medio Ambiente,Presencial
Reunión con la Embajada de Perú,27/07/2021,Perú,Reunión,Secretaría de Cultura,Virtual
";
    let p = Mapping::propose_for(&table(csv));
    assert_eq!(target(&p, "Nombre del evento"), "title");
    assert_eq!(target(&p, "Fecha(s)"), "date");
    assert_eq!(target(&p, "País(es)"), "countries");
    assert_eq!(target(&p, "Tipo de actividad"), "kind");
    assert_eq!(target(&p, "Dependencia"), "organisations");
    assert_eq!(target(&p, "Modalidad"), "modality");
    let t = table(csv);
    let drafts = read_rows(&t, &p.mapping, &mut |_, _| true).unwrap();
    assert_eq!(drafts[0].input.end_date.as_deref(), Some("2021-08-05"));
    assert_eq!(drafts[0].input.countries.len(), 2);
}

#[test]
fn kinds_in_plural_or_in_english_are_recognised_by_their_values() {
    for kinds in [["Reuniones", "Capacitaciones", "Eventos"], ["Meeting", "Training", "Event"]] {
        let csv = format!(
            "Columna A,Columna B,Columna C\n\
             {},Reunión bilateral con la Embajada de Japón,2021-07-27\n\
             {},Curso de movilidad eléctrica para técnicos,2021-08-03\n\
             {},Foro internacional de ciudades sostenibles,2021-09-10\n",
            kinds[0], kinds[1], kinds[2]
        );
        let p = Mapping::propose_for(&table(&csv));
        assert_eq!(target(&p, "Columna A"), "kind", "{kinds:?}");
        assert_eq!(target(&p, "Columna B"), "title", "{kinds:?}");
        assert_eq!(target(&p, "Columna C"), "date", "{kinds:?}");
        assert!(reason(&p, "Columna A").en.contains("activity-type values"), "{:?}", reason(&p, "Columna A"));
    }
}

#[test]
fn values_name_countries_modalities_and_amounts_under_unknown_headers() {
    let csv = "\
Título,Dónde,Cómo,Cuánto
Financiamiento para movilidad eléctrica en la ciudad,Reino Unido,Virtual,308000 USD
Donación de equipo para bomberos de la ciudad,Alemania,Presencial,20000 EUR
";
    let p = Mapping::propose_for(&table(csv));
    assert_eq!(target(&p, "Dónde"), "countries");
    assert_eq!(target(&p, "Cómo"), "modality");
    assert_eq!(target(&p, "Cuánto"), "amount");
    assert!(reason(&p, "Dónde").es.contains("nombres de países"), "{:?}", reason(&p, "Dónde"));
}

#[test]
fn the_same_columns_in_any_order_map_the_same_way() {
    let t = table(TIPO_Y_ACTIVIDAD);
    let first = Mapping::propose_for(&t);
    let n = t.headers.len();
    for shift in 1..n {
        let order: Vec<usize> = (0..n).map(|i| (i + shift) % n).collect();
        let mut moved = t.clone();
        moved.headers = order.iter().map(|&i| t.headers[i].clone()).collect();
        for (row, orig) in moved.rows.iter_mut().zip(&t.rows) {
            row.cells = order.iter().map(|&i| orig.cells[i].clone()).collect();
        }
        let again = Mapping::propose_for(&moved);
        assert_eq!(again.mapping, first.mapping, "order {order:?}");
        for r in &first.reasons {
            assert_eq!(reason(&again, &r.header), &r.reason);
        }
    }
    // Two columns both holding kinds: the same one wins whichever comes first.
    let a = Mapping::propose_for(&table("Tipo,Categoría\nReunión,Reunión\nTaller,Taller\n"));
    let b = Mapping::propose_for(&table("Categoría,Tipo\nReunión,Reunión\nTaller,Taller\n"));
    assert_eq!(a.mapping, b.mapping);
    let loser = if target(&a, "Tipo") == "kind" { "Categoría" } else { "Tipo" };
    assert_eq!(target(&a, loser), "ignore");
    assert!(reason(&a, loser).es.contains("ya viene de"), "{:?}", reason(&a, loser));
}

#[test]
fn every_column_carries_its_reason_in_both_languages() {
    let csv = "Tipo,Actividad,Notas\nReunión,Reunión con la Embajada de Perú,ok\n";
    let p = Mapping::propose_for(&table(csv));
    assert_eq!(p.reasons.iter().map(|r| r.header.as_str()).collect::<Vec<_>>(), vec!["Tipo", "Actividad", "Notas"]);
    for r in &p.reasons {
        assert!(r.reason.es.starts_with(&format!("«{}»: ", r.header)), "{:?}", r);
        assert!(r.reason.en.starts_with(&format!("«{}»: ", r.header)), "{:?}", r);
        assert_ne!(r.reason.es, r.reason.en);
        assert_eq!(p.mapping.columns[&r.header].name(), r.target);
    }
    assert_eq!(target(&p, "Notas"), "ignore");
}

#[test]
fn unambiguous_headers_map_as_before() {
    let path = Path::new("tests/fixtures/interop/actividades_2021.csv");
    let t = read_table(path, None).unwrap();
    assert_eq!(Mapping::propose_for(&t).mapping, Mapping::propose(&t.headers));
    let csv = "Fecha,Título,País,Lugar,Descripción,Monto\n\
               27/07/2021,Reunión con la Embajada de Perú,Perú,Francia,Preparación del Bicentenario en la ciudad,20000\n";
    let t = table(csv);
    assert_eq!(Mapping::propose_for(&t).mapping, Mapping::propose(&t.headers), "a place that reads as a country stays the place");
}

#[test]
fn columns_with_the_same_name_are_not_proposed() {
    let t = table("TIPO,Tipo,Título\nReunión,Reunión,Reunión con la Embajada de Perú\n");
    let p = Mapping::propose_for(&t);
    assert_eq!(p.mapping.resolve(&t.headers).unwrap(), vec![Target::Ignore, Target::Ignore, Target::Title]);
    assert!(reason(&p, "Tipo").es.contains("otra columna se llama igual"), "{:?}", reason(&p, "Tipo"));
}

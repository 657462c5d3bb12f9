//! The period report beside the previous comparable period (`--compare`): each summary figure
//! with the semester before and the difference.

use chrono::NaiveDate;
use enlace::interop::interchange;
use enlace::report::{period_report, Block, Document, Lang, PeriodRequest, Table};
use enlace::store::{Actor, Origin, Store};
use serde_json::json;

/// First semester of 2021: 4 meetings, 2 trainings (30 people), 1,000 USD; Peru and France.
/// Second: 6 meetings, 1 training (15 people), 1 agreement, 2,500 USD; Peru, Japan, the US.
/// A meeting on the last day of 2020 belongs to neither.
fn store() -> Store {
    let mut lines = Vec::new();
    let mut add = |kind: &str, date: &str, country: &str, details: serde_json::Value| {
        let title = format!("{kind} {date} {}", lines.len());
        lines.push(json!({"kind": kind, "title": title, "start_date": date, "countries": [country], "details": details}).to_string());
    };
    for (i, country) in ["PE", "FR", "PE", "FR"].iter().enumerate() {
        add("meeting", &format!("2021-0{}-10", i + 1), country, json!({}));
    }
    add("training", "2021-02-03", "FR", json!({"participants": 10}));
    add("training", "2021-06-30", "PE", json!({"participants": 20}));
    add("financing", "2021-05-01", "PE", json!({"amount": "1000.00", "currency": "USD", "donor": "BID"}));
    for (i, country) in ["PE", "JP", "US", "PE", "JP", "US"].iter().enumerate() {
        add("meeting", &format!("2021-{:02}-12", i + 7), country, json!({}));
    }
    add("training", "2021-08-03", "JP", json!({"participants": 15}));
    add("agreement", "2021-09-09", "US", json!({"agreement_type": "memorandum"}));
    add("financing", "2021-10-01", "PE", json!({"amount": "2500.00", "currency": "USD", "donor": "BID"}));
    add("meeting", "2020-12-31", "CN", json!({}));

    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(&lines.join("\n")).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn comparison(doc: &Document, heading: &str) -> Table {
    let at = doc.blocks().iter().position(|b| matches!(b, Block::Heading { text, .. } if text == heading)).expect(heading);
    doc.blocks()[at..].iter().find_map(|b| if let Block::Table(t) = b { Some(t.clone()) } else { None }).unwrap()
}

fn request(lang: Lang) -> PeriodRequest {
    let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
    let generated = chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    PeriodRequest { lang, compare: true, ..PeriodRequest::new(d(7, 1), d(12, 31), "Oficina", generated) }
}

#[test]
fn each_figure_shows_the_semester_before_and_the_difference() {
    let doc = period_report(&store(), &request(Lang::Es)).unwrap();
    let table = comparison(&doc, "Comparación con el periodo anterior");
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Concepto", "Este periodo", "Periodo anterior", "Diferencia"]);
    let rows: Vec<[&str; 4]> = table.rows.iter().map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str()]).collect();
    assert_eq!(
        rows,
        [
            ["Actividades registradas", "9", "7", "+2 (+28.6 %)"],
            ["Países con actividades", "3", "2", "+1 (+50.0 %)"],
            ["Personas capacitadas", "15", "30", "−15 (−50.0 %)"],
            ["Reuniones", "6", "4", "+2 (+50.0 %)"],
            ["Capacitaciones", "1", "2", "−1 (−50.0 %)"],
            ["Convenios e instrumentos", "1", "0", "+1"],
            ["Financiamientos recibidos", "1", "1", "0"],
            ["Financiamiento recibido en USD", "2,500 USD", "1,000 USD", "+1,500 USD"],
        ]
    );
    let text = format!("{:?}", doc.blocks());
    assert!(text.contains("Periodo anterior comparable: del 1 de enero al 30 de junio de 2021"), "the note names the period");
}

#[test]
fn without_compare_there_is_no_comparison_and_in_english_it_reads_in_english() {
    let store = store();
    let plain = period_report(&store, &PeriodRequest { compare: false, ..request(Lang::Es) }).unwrap();
    assert!(!format!("{:?}", plain.blocks()).contains("Comparación con el periodo anterior"));
    let english = period_report(&store, &request(Lang::En)).unwrap();
    let table = comparison(&english, "Compared with the previous period");
    assert_eq!(table.rows[0], ["Activities recorded", "9", "7", "+2 (+28.6 %)"]);
    assert_eq!(table.rows.last().unwrap()[0], "Financing received in USD");
}

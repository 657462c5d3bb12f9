//! World regions over the store: the filter, the counts and the export's region column agree
//! with the reference data's region of each country.

use std::collections::BTreeSet;

use enlace::domain::Activity;
use enlace::interop::{export, interchange};
use enlace::reference;
use enlace::store::{Actor, Filter, Origin, Store};
use enlace::Lang;

fn sample() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(enlace::interop::sample::SAMPLE_JSONL).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn region_of(code: &str) -> String {
    reference::country(code).unwrap().region.code.clone()
}

fn ids(activities: &[Activity]) -> BTreeSet<String> {
    activities.iter().map(|a| a.id.to_string()).collect()
}

#[test]
fn a_region_filter_returns_exactly_the_activities_of_its_countries() {
    let store = sample();
    let all = store.list(&Filter::default()).unwrap().items;
    let mut regions_seen = 0;
    for region in reference::world_regions() {
        let members = reference::countries_in_region(&region.code);
        let expected: Vec<Activity> =
            all.iter().filter(|a| a.countries.iter().any(|c| members.contains(&c.as_str()))).cloned().collect();
        let got = store.list(&Filter { regions: vec![region.code.clone()], ..Filter::default() }).unwrap().items;
        assert_eq!(ids(&got), ids(&expected), "{}", region.name_es);
        regions_seen += usize::from(!expected.is_empty());
    }
    assert!(regions_seen >= 6, "the sample reaches several regions and subregions ({regions_seen})");

    let latin_america = store.list(&Filter { regions: vec!["419".into()], ..Filter::default() }).unwrap().items;
    assert!(latin_america.iter().all(|a| a.countries.iter().any(|c| region_of(c) == "419")));
    let nowhere = Filter { regions: vec!["999".into()], ..Filter::default() };
    assert_eq!(store.count(&nowhere).unwrap(), 0, "an unknown region selects nothing");
}

#[test]
fn stats_count_each_activity_once_per_region() {
    let store = sample();
    let all = store.list(&Filter::default()).unwrap().items;
    let stats = store.stats(&Filter::default()).unwrap();
    assert!(!stats.by_region.is_empty());
    for count in &stats.by_region {
        let expected = all.iter().filter(|a| a.countries.iter().any(|c| region_of(c) == count.key)).count();
        assert_eq!(count.count, expected as u64, "{}", count.key);
    }
    let counted: BTreeSet<&str> = stats.by_region.iter().map(|c| c.key.as_str()).collect();
    let present: BTreeSet<String> = all.iter().flat_map(|a| a.countries.iter().map(|c| region_of(c))).collect();
    assert_eq!(counted, present.iter().map(String::as_str).collect());
}

#[test]
fn the_export_names_the_regions_of_each_activity() {
    let store = sample();
    let all = store.list(&Filter::default()).unwrap().items;
    let mut out = Vec::new();
    export::csv::write_csv(&all, Lang::Es, &mut out, &mut |_, _| true).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut rows = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rows.headers().unwrap().clone();
    let regions_at = headers.iter().position(|h| h == "Regiones").expect("a Regiones column");
    let id_at = headers.iter().position(|h| h == "Id").unwrap();
    for row in rows.records() {
        let row = row.unwrap();
        let a = all.iter().find(|a| a.id.to_string() == row[id_at]).unwrap();
        let mut expected: Vec<String> = Vec::new();
        for c in &a.countries {
            let name = reference::country(c).unwrap().region.name_es.clone();
            if !expected.contains(&name) {
                expected.push(name);
            }
        }
        assert_eq!(row[regions_at], expected.join("; "), "{}", a.title);
    }
}

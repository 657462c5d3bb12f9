//! The store through its public API: import, export, search, filters, directory, trash, audit.

use enlace::domain::{ActivityId, ActivityInput, Kind};
use enlace::interop::form_input::read_form_input;
use enlace::interop::interchange;
use enlace::store::{Actor, Filter, ImportError, Origin, Store};

const EVERY_KIND: &str = include_str!("fixtures/every_kind.jsonl");

fn officer() -> Actor {
    Actor::new("Ana López", Origin::App)
}

fn loaded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(EVERY_KIND).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn titles(store: &Store, f: &Filter) -> Vec<String> {
    store.list(f).unwrap().items.into_iter().map(|a| a.title).collect()
}

#[test]
fn every_kind_round_trips_through_import_and_export() {
    let store = loaded();
    let all = store.list(&Filter::default()).unwrap().items;
    assert_eq!(all.len(), 12);
    let mut kinds: Vec<Kind> = all.iter().map(|a| a.kind).collect();
    kinds.sort();
    assert_eq!(kinds, Kind::ALL.to_vec());

    let mut exported = Vec::new();
    interchange::write_jsonl(&all, &mut exported).unwrap();
    let mut again = Store::open_in_memory().unwrap();
    let items = interchange::parse(std::str::from_utf8(&exported).unwrap()).unwrap();
    again.import(&items, &officer(), false, &mut |_, _| true).unwrap();
    let back = again.list(&Filter::default()).unwrap().items;
    let strip = |v: Vec<enlace::domain::Activity>| -> Vec<ActivityInput> {
        let mut inputs: Vec<ActivityInput> = v.iter().map(|a| a.to_input()).collect();
        inputs.sort_by(|a, b| a.id.cmp(&b.id));
        inputs
    };
    assert_eq!(strip(back), strip(all));
}

#[test]
fn exported_values_keep_what_was_imported() {
    let store = loaded();
    let id: ActivityId = "0190f0a0-0000-7000-8000-00000000000a".parse().unwrap();
    let financing = store.get(&id).unwrap().unwrap();
    assert_eq!(financing.details.amount.unwrap().to_string(), "19500.00");
    assert_eq!(financing.countries, vec!["GB"]);
    let agreement = store.get(&"0190f0a0-0000-7000-8000-000000000005".parse().unwrap()).unwrap().unwrap();
    assert_eq!(agreement.start.to_string(), "2021-11", "month precision is kept");
    let delegation = store.get(&"0190f0a0-0000-7000-8000-000000000002".parse().unwrap()).unwrap().unwrap();
    assert_eq!(delegation.details.members, vec!["Päivi Pohjanheimo", "Terézia Šajgalíková"]);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let mut store = loaded();
    let items = interchange::parse(EVERY_KIND).unwrap();
    let report = store.import(&items, &officer(), false, &mut |_, _| true).unwrap();
    assert_eq!((report.created, report.updated, report.unchanged), (0, 0, 12));
    assert_eq!(store.list(&Filter::default()).unwrap().total, 12);
    assert_eq!(store.organisations().unwrap().len(), loaded().organisations().unwrap().len());
}

#[test]
fn records_without_ids_match_on_kind_date_and_title() {
    let mut store = Store::open_in_memory().unwrap();
    let line = r#"{"kind":"meeting","title":"Reunión con la Embajada de Perú","start_date":"2021-07-01"}"#;
    let items = interchange::parse(&format!("{line}\n")).unwrap();
    store.import(&items, &officer(), false, &mut |_, _| true).unwrap();
    let again = interchange::parse(&line.replace("Reunión con la Embajada de Perú", "REUNION con la embajada de peru")).unwrap();
    let report = store.import(&again, &officer(), false, &mut |_, _| true).unwrap();
    assert_eq!(report.created, 0);
    assert_eq!(store.list(&Filter::default()).unwrap().total, 1);
}

#[test]
fn a_bad_line_writes_nothing_and_names_line_and_field() {
    let mut store = Store::open_in_memory().unwrap();
    let mut text = EVERY_KIND.to_string();
    text.push_str(r#"{"kind":"financing","title":"Donación","start_date":"2021-05-01","details":{"amount":"1000","donor":"BID"}}"#);
    let items = interchange::parse(&text).unwrap();
    let err = store.import(&items, &officer(), false, &mut |_, _| true).unwrap_err();
    let ImportError::Invalid(problems) = &err else { panic!("expected invalid, got {err}") };
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].field.as_str()), (13, "details.currency"));
    assert!(err.to_string().contains("línea 13, campo details.currency"), "{err}");
    assert_eq!(store.list(&Filter::default()).unwrap().total, 0);
    assert!(store.organisations().unwrap().is_empty(), "no directory entry survives a failed import");
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(EVERY_KIND).unwrap();
    let report = store.import(&items, &officer(), true, &mut |_, _| true).unwrap();
    assert_eq!(report.created, 12);
    assert!(report.new_organisations.contains(&"UK PACT".to_string()));
    assert_eq!(store.list(&Filter::default()).unwrap().total, 0);
}

#[test]
fn search_ignores_accents_and_case_and_combines_with_filters() {
    let store = loaded();
    let search = |text: &str, f: Filter| -> Vec<String> {
        store.search(text, &f).unwrap().items.into_iter().map(|a| a.title).collect()
    };
    let peru = search("peru", Filter::default());
    assert!(peru.contains(&"Iluminación por el Bicentenario de Perú".to_string()), "{peru:?}");
    assert!(peru.contains(&"Memorándum de entendimiento con la Ciudad de Lima".to_string()), "country names are indexed: {peru:?}");
    assert_eq!(search("PERÚ", Filter::default()), peru);
    assert!(!search("mexico", Filter::default()).is_empty());
    assert_eq!(search("pohjanheimo", Filter::default()), vec!["Visita de la delegación de Nueva Zelandia sobre gestión de riesgos"]);
    let only_agreements = search("peru", Filter { kinds: vec![Kind::Agreement], ..Default::default() });
    assert_eq!(only_agreements, vec!["Memorándum de entendimiento con la Ciudad de Lima"]);
    assert!(search("atlántida", Filter::default()).is_empty());
}

#[test]
fn filters_combine_and_pages_count_everything() {
    let store = loaded();
    let date = |s: &str| s.parse().ok();
    let q3 = Filter { from: date("2021-07-01"), to: date("2021-09-30"), ..Default::default() };
    let q3_titles = titles(&store, &q3);
    // Five dated in the quarter, the multi-year project, and one known only by its year.
    assert_eq!(q3_titles.len(), 7, "{q3_titles:?}");
    let q3_france = Filter { countries: vec!["FR".into()], ..q3.clone() };
    assert_eq!(titles(&store, &q3_france), vec!["Foro de Ciudades Sustentables", "Reunión de trabajo con el Embajador de Francia"]);
    let by_axis = Filter { axes: vec!["capital cultural de america".into()], ..Default::default() };
    assert_eq!(titles(&store, &by_axis), vec!["Iluminación por el Bicentenario de Perú"]);
    let page = store.list(&Filter { limit: Some(5), offset: 10, ..Default::default() }).unwrap();
    assert_eq!((page.items.len(), page.total), (2, 12));
    // Activities spanning years overlap any period inside them.
    let in_2022 = Filter { from: date("2022-03-01"), to: date("2022-03-31"), ..Default::default() };
    assert_eq!(titles(&store, &in_2022), vec!["Financiamiento para el plan de acción climática", "Proyecto de calidad del aire"]);
}

#[test]
fn stats_count_what_the_list_shows() {
    let store = loaded();
    let stats = store.stats(&Filter::default()).unwrap();
    assert_eq!(stats.total, 12);
    assert_eq!(stats.by_kind.iter().map(|c| c.count).sum::<u64>(), 12);
    let fr = stats.by_country.iter().find(|c| c.key == "FR").unwrap();
    assert_eq!(fr.count, 3);
    assert_eq!(stats.participants_trained, 45);
    assert_eq!(stats.financing[0].currency, "GBP");
    assert_eq!(stats.financing[0].total, "19500.00");
}

/// A search is sorted as the list's header says, like any list; relevance only when asked for.
#[test]
fn search_results_keep_the_order_asked_for() {
    use enlace::store::Sort;
    let store = with_sample();
    let starts = |sort: Sort| -> Vec<String> {
        let f = Filter { sort, limit: Some(10_000), ..Default::default() };
        let found = store.search("embajada", &f).unwrap();
        assert!(found.total >= 5, "embajada finds {}", found.total);
        found.items.iter().map(|a| a.start.first_day().to_string()).collect()
    };
    let newest_first = starts(Sort::default());
    let mut sorted = newest_first.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(newest_first, sorted, "the default order is newest first");
    let oldest_first = starts(Sort::DateAsc);
    sorted.reverse();
    assert_eq!(oldest_first, sorted);
    // Through `list` with search text the order is the same.
    let listed: Vec<String> = store
        .list(&Filter { text: Some("embajada".into()), limit: Some(10_000), ..Default::default() })
        .unwrap()
        .items
        .iter()
        .map(|a| a.start.first_day().to_string())
        .collect();
    assert_eq!(listed, newest_first);
    // Relevance is a different order, over the same records.
    let mut by_relevance = starts(Sort::Relevance);
    assert_ne!(by_relevance, newest_first, "relevance should not happen to be date order on the sample");
    by_relevance.sort_by(|a, b| b.cmp(a));
    assert_eq!(by_relevance, newest_first);
}

/// The sample set and the every-kind fixture in one store.
fn with_sample() -> Store {
    let mut store = loaded();
    let sample = interchange::parse(enlace::interop::sample::SAMPLE_JSONL).unwrap();
    store.import(&sample, &Actor::new("Ana López", Origin::Sample), false, &mut |_, _| true).unwrap();
    store
}

/// Each bar of the month and year charts opens a list of exactly as many activities as it
/// shows, whatever the period and other filters the chart was drawn for.
#[test]
fn every_month_and_year_bucket_lists_exactly_its_count() {
    let store = with_sample();
    let date = |s: &str| s.parse().ok();
    let filters = [
        Filter::default(),
        Filter { from: date("2021-01-01"), to: date("2021-12-31"), ..Default::default() },
        Filter { from: date("2021-02-10"), to: date("2021-06-20"), ..Default::default() },
        Filter { kinds: vec![Kind::Project, Kind::Financing], ..Default::default() },
        Filter { text: Some("embajada".into()), ..Default::default() },
    ];
    for f in filters {
        let stats = store.stats(&f).unwrap();
        assert!(!stats.by_month.is_empty(), "{f:?}");
        for bucket in stats.by_month.iter().chain(&stats.by_year) {
            let list = Filter { from: Some(bucket.from), to: Some(bucket.to), ..f.clone() };
            let page = store.list(&list).unwrap();
            assert_eq!(page.total, bucket.count, "bucket {} of {f:?}", bucket.key);
            assert_eq!(page.items.len() as u64, bucket.count, "bucket {} of {f:?}", bucket.key);
            if let (Some(from), Some(to)) = (f.from, f.to) {
                assert!(bucket.from >= from && bucket.to <= to, "bucket {} leaves the period", bucket.key);
            }
        }
        // Months follow one another, none missing.
        for pair in stats.by_month.windows(2) {
            assert_eq!(pair[0].to.succ_opt(), Some(pair[1].from), "{} then {}", pair[0].key, pair[1].key);
        }
    }
    // The period's own total is the list's.
    let february = Filter { from: date("2021-02-01"), to: date("2021-02-28"), ..Default::default() };
    let stats = store.stats(&february).unwrap();
    assert_eq!(stats.total, store.list(&february).unwrap().total);
    assert_eq!(stats.by_month.len(), 1);
    assert_eq!(stats.by_month[0].count, stats.total);
}

/// A month in which nothing takes place is a bar of 0 between the others.
#[test]
fn months_without_activities_are_counted_as_zero() {
    let store = loaded();
    let date = |s: &str| s.parse().ok();
    // An illumination in July, a training in October: August and September are empty.
    let two = Filter { kinds: vec![Kind::Training, Kind::Illumination], ..Default::default() };
    let stats = store.stats(&two).unwrap();
    let months: Vec<(&str, u64)> = stats.by_month.iter().map(|c| (c.key.as_str(), c.count)).collect();
    assert_eq!(months, vec![("2021-07", 1), ("2021-08", 0), ("2021-09", 0), ("2021-10", 1)]);
    let trainings = Filter { kinds: vec![Kind::Training], ..Default::default() };
    let year = Filter { from: date("2021-01-01"), to: date("2021-12-31"), ..trainings };
    // A chosen period is charted whole, its empty months at either end included.
    let months = store.stats(&year).unwrap().by_month;
    assert_eq!(months.len(), 12);
    assert_eq!(months.first().unwrap().key, "2021-01");
    assert_eq!(months.last().unwrap().key, "2021-12");
    let busy: Vec<&str> = months.iter().filter(|c| c.count > 0).map(|c| c.key.as_str()).collect();
    assert_eq!(busy, vec!["2021-10"]);
}

#[test]
fn likely_duplicate_organisations_are_found_and_merged_without_losing_links() {
    let mut store = loaded();
    let extra = r#"{"kind":"meeting","title":"Reunión con el Cónsul","start_date":"2021-12-01","organisations":["Embajada de Peru"]}"#;
    store.import(&interchange::parse(extra).unwrap(), &officer(), false, &mut |_, _| true).unwrap();
    let dups = store.likely_duplicate_organisations().unwrap();
    assert_eq!(dups.len(), 1, "{dups:?}");
    let names = [dups[0].a_name.as_str(), dups[0].b_name.as_str()];
    assert!(names.contains(&"Embajada del Perú en México") && names.contains(&"Embajada de Peru"), "{names:?}");

    let (keep, drop) = (dups[0].a_id.clone(), dups[0].b_id.clone());
    store.merge_organisations(&keep, &drop, &officer()).unwrap();
    assert!(store.likely_duplicate_organisations().unwrap().is_empty());
    let linked = Filter { organisation: Some(keep.clone()), ..Default::default() };
    assert_eq!(store.list(&linked).unwrap().total, 2, "both activities now link the kept organisation");
    // A later mention of the merged-away name lands on the kept one.
    let later = r#"{"kind":"meeting","title":"Otra reunión","start_date":"2021-12-02","organisations":["Embajada de Peru"]}"#;
    store.import(&interchange::parse(later).unwrap(), &officer(), false, &mut |_, _| true).unwrap();
    assert_eq!(store.list(&linked).unwrap().total, 3);
}

#[test]
fn trash_is_reversible_and_audited() {
    let mut store = loaded();
    let id: ActivityId = "0190f0a0-0000-7000-8000-000000000004".parse().unwrap();
    store.trash(&id, &officer()).unwrap();
    assert!(store.search("peru", &Filter { kinds: vec![Kind::Illumination], ..Default::default() }).unwrap().items.is_empty());
    assert_eq!(store.list(&Filter { trash: true, ..Default::default() }).unwrap().total, 1);
    assert!(store.trash(&id, &officer()).is_err(), "already in the trash");
    store.restore(&id, &officer()).unwrap();
    assert_eq!(store.search("bicentenario", &Filter::default()).unwrap().total, 1);

    let actions: Vec<String> = store.audit_of(&id.to_string()).unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, vec!["create", "trash", "restore"]);
}

#[test]
fn an_edit_is_audited_with_the_fields_it_changed() {
    let mut store = loaded();
    let id: ActivityId = "0190f0a0-0000-7000-8000-000000000001".parse().unwrap();
    let mut input = store.get(&id).unwrap().unwrap().to_input();
    input.title = "Reunión de trabajo con el Embajador de Francia (seguimiento)".into();
    input.status = Some("planned".into());
    store.save_activity(&input, &officer()).unwrap();
    let history = store.audit_of(&id.to_string()).unwrap();
    let last = history.last().unwrap();
    assert_eq!((last.action.as_str(), last.actor.as_str(), last.origin.as_str()), ("update", "Ana López", "app"));
    assert_eq!(last.fields, vec!["status", "title"]);
}

/// Every record of the sample set and of the every-kind fixture, as the app's form edits them.
fn every_sample_record() -> (Store, Vec<enlace::domain::Activity>) {
    let mut store = loaded();
    let sample = interchange::parse(enlace::interop::sample::SAMPLE_JSONL).unwrap();
    store.import(&sample, &Actor::new("Ana López", Origin::Sample), false, &mut |_, _| true).unwrap();
    let all = store.list(&Filter { limit: Some(10_000), ..Filter::default() }).unwrap().items;
    let mut kinds: Vec<Kind> = all.iter().map(|a| a.kind).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds, Kind::ALL.to_vec());
    assert!(all.iter().any(|a| !a.follow_ups.is_empty() && a.start_time.is_some() && a.people.iter().any(|p| p.post.is_some())));
    (store, all)
}

/// The app sends a record's own input back when the person saves without changing anything
/// (read as the form's JSON is): the record comes back identical and nothing is written.
#[test]
fn saving_a_record_s_own_input_changes_nothing_for_any_kind() {
    let (mut store, all) = every_sample_record();
    for a in &all {
        let sent = serde_json::to_value(a.to_input()).unwrap();
        let history = store.audit_of(&a.id.to_string()).unwrap().len();
        let saved = store.save_activity(&read_form_input(sent, chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), enlace::Lang::Es).unwrap(), &officer()).unwrap();
        assert_eq!(&saved, a, "{}", a.title);
        assert_eq!(store.get(&a.id).unwrap().as_ref(), Some(a), "{}", a.title);
        assert_eq!(store.audit_of(&a.id.to_string()).unwrap().len(), history, "{} was written again", a.title);
    }
}

/// An edit of the title changes the title alone: follow-ups, times, posts, roles, the written
/// date and every detail stay as they were.
#[test]
fn an_edited_title_is_the_only_change_for_any_kind() {
    let (mut store, all) = every_sample_record();
    for a in &all {
        let mut input = a.to_input();
        input.title = format!("{} (editada)", a.title);
        store.save_activity(&read_form_input(serde_json::to_value(&input).unwrap(), chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), enlace::Lang::Es).unwrap(), &officer()).unwrap();
        let back = store.get(&a.id).unwrap().unwrap();
        assert_eq!(back.to_input(), input, "{}", a.title);
        assert_eq!(store.audit_of(&a.id.to_string()).unwrap().last().unwrap().fields, ["title"]);
    }
}

#[test]
fn an_invalid_edit_is_refused_and_the_record_is_untouched() {
    let mut store = loaded();
    let id: ActivityId = "0190f0a0-0000-7000-8000-00000000000a".parse().unwrap();
    let before = store.get(&id).unwrap().unwrap();
    let mut input = before.to_input();
    input.details.currency = None;
    input.end_date = Some("2020-01-01".into());
    let err = store.save_activity(&input, &officer()).unwrap_err().to_string();
    assert!(err.contains("details.currency") && err.contains("end_date"), "{err}");
    assert_eq!(store.get(&id).unwrap().unwrap(), before);
}

#[test]
fn people_are_listed_with_their_organisation_and_filter_the_list() {
    let store = loaded();
    let people = store.people().unwrap();
    let jean = people.iter().find(|p| p.name == "Jean-Pierre Asvazadourian").expect("the ambassador is in the directory");
    assert_eq!(jean.post.as_deref(), Some("Embajador"));
    assert_eq!(jean.organisation.as_deref(), Some("Embajada de Francia en México"));
    assert_eq!(jean.activities, 1);
    let his = titles(&store, &Filter { person: Some(jean.id.to_string()), ..Filter::default() });
    assert_eq!(his, vec!["Reunión de trabajo con el Embajador de Francia"]);
}

#[test]
fn follow_ups_are_found_by_due_date_and_leave_with_a_trashed_activity() {
    let mut store = loaded();
    let due = store.follow_ups_due("2021-07-01", "2021-07-31").unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].task, "Enviar propuesta de agenda");
    assert_eq!(due[0].due.to_string(), "2021-07-30");
    assert_eq!(due[0].activity_title, "Reunión de trabajo con el Embajador de Francia");
    assert!(store.follow_ups_due("2021-08-01", "2021-08-31").unwrap().is_empty());

    store.trash(&due[0].activity_id, &officer()).unwrap();
    assert!(store.follow_ups_due("2021-07-01", "2021-07-31").unwrap().is_empty());
}

/// A bulk import large enough that searches over common words take the walk over the
/// activities (over 2,000 matches) rather than reading each match: every title is found by its
/// own word, a common word finds them all in date order whichever way it is read, filters and
/// pages count the same, and the audit trail and change feed hold one entry per record.
#[test]
fn a_bulk_import_is_searchable_audited_and_fed_row_by_row() {
    use enlace::store::Sort;
    const N: usize = 2_600;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enlace.db");
    let mut store = Store::open(&path).unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let items: Vec<(u64, ActivityInput)> = (0..N)
        .map(|i| {
            let country = ["PE", "FR"][i % 2];
            let json = serde_json::json!({
                "kind": if i % 3 == 0 { "meeting" } else { "event" },
                "title": format!("Encuentro clave{i:05} sobre movilidad"),
                "start_date": (first + chrono::Days::new(i as u64)).to_string(),
                "summary": "Se acordó dar seguimiento a la cooperación técnica.",
                "countries": [country],
                "organisations": [format!("Organización {}", i % 40)],
            });
            (i as u64 + 1, serde_json::from_value(json).unwrap())
        })
        .collect();
    let report = store.import(&items, &Actor::new("Carga", Origin::Import), false, &mut |_, _| true).unwrap();
    assert_eq!(report.created as usize, N);

    let mut ids = Vec::with_capacity(N);
    for i in 0..N {
        let found = store.search(&format!("clave{i:05}"), &Filter::default()).unwrap();
        assert_eq!(found.total, 1, "clave{i:05}");
        assert_eq!(found.items[0].title, format!("Encuentro clave{i:05} sobre movilidad"));
        ids.push(found.items[0].id.to_string());
    }

    // Newest first, as the list without search text orders the same records.
    let common = Filter { limit: Some(50), offset: 100, ..Default::default() };
    let searched = store.search("movilidad encuentro", &common).unwrap();
    let listed = store.list(&common).unwrap();
    assert_eq!(searched.total as usize, N);
    let titles = |p: &enlace::store::Page<enlace::domain::Activity>| p.items.iter().map(|a| a.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&searched), titles(&listed));
    assert_eq!(searched.items[0].title, format!("Encuentro clave{:05} sobre movilidad", N - 101));
    let oldest = store.search("cooperacion", &Filter { sort: Sort::DateAsc, limit: Some(3), ..Default::default() }).unwrap();
    assert_eq!(titles(&oldest), ["Encuentro clave00000 sobre movilidad", "Encuentro clave00001 sobre movilidad", "Encuentro clave00002 sobre movilidad"]);
    // With filters: the count and the page agree with the list's.
    let meetings_in_peru = Filter { kinds: vec![Kind::Meeting], countries: vec!["PE".into()], limit: Some(20), ..Default::default() };
    let searched = store.search("movilidad", &meetings_in_peru).unwrap();
    let listed = store.list(&meetings_in_peru).unwrap();
    assert_eq!(searched.total, listed.total);
    assert_eq!(searched.total as usize, (0..N).filter(|i| i % 3 == 0 && i % 2 == 0).count());
    assert_eq!(titles(&searched), titles(&listed));
    // Relevance ranks over the same records.
    let ranked = store.search("movilidad", &Filter { sort: Sort::Relevance, ..Default::default() }).unwrap();
    assert_eq!(ranked.total as usize, N);
    assert_eq!(ranked.items.len(), N);

    // A record in the trash leaves the search and its count.
    store.trash(&ids[7].parse().unwrap(), &officer()).unwrap();
    assert_eq!(store.search("movilidad", &Filter::default()).unwrap().total as usize, N - 1);
    assert_eq!(store.search("clave00007", &Filter::default()).unwrap().total, 0);

    for id in ids.iter().skip(8).step_by(97) {
        let history = store.audit_of(id).unwrap();
        assert_eq!(history.len(), 1, "{id}");
        assert_eq!(history[0].action, "create");
    }
    let db = rusqlite::Connection::open(&path).unwrap();
    let entries = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(entries("SELECT COUNT(*) FROM audit WHERE entity = 'activity' AND action = 'create'"), N as i64);
    assert_eq!(entries("SELECT COUNT(DISTINCT entity_id) FROM audit WHERE entity = 'activity' AND action = 'create'"), N as i64);
    assert_eq!(entries("SELECT COUNT(*) FROM changes WHERE entity = 'activity' AND op = 'upsert'"), N as i64);
    assert_eq!(entries("SELECT COUNT(DISTINCT entity_id) FROM changes WHERE entity = 'activity' AND op = 'upsert'"), N as i64);
    assert_eq!(entries("SELECT COUNT(*) FROM changes WHERE entity = 'organisation'"), 40);
}

#[test]
fn a_kept_total_follows_every_change_from_this_copy_or_another_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enlace.db");
    let mut store = Store::open(&path).unwrap();
    let meeting = |title: &str| ActivityInput { kind: "meeting".into(), title: title.into(), start_date: "2024-03-05".into(), ..Default::default() };
    let meetings = Filter { kinds: vec![Kind::Meeting], limit: Some(1), ..Default::default() };
    store.save_activity(&meeting("Primera reunión"), &officer()).unwrap();
    assert_eq!(store.list(&meetings).unwrap().total, 1);
    // Another page, another order: the same total.
    assert_eq!(store.list(&Filter { offset: 1, sort: enlace::store::Sort::Title, ..meetings.clone() }).unwrap().total, 1);

    let second = store.save_activity(&meeting("Segunda reunión"), &officer()).unwrap();
    assert_eq!(store.list(&meetings).unwrap().total, 2);
    assert_eq!(store.count(&meetings).unwrap(), 2);
    store.trash(&second.id, &officer()).unwrap();
    assert_eq!(store.list(&meetings).unwrap().total, 1);

    // A write through another connection (the command line while the app is open).
    let mut other = Store::open(&path).unwrap();
    other.save_activity(&meeting("Tercera reunión"), &officer()).unwrap();
    assert_eq!(store.list(&meetings).unwrap().total, 2);
    assert_eq!(store.search("reunion", &meetings).unwrap().total, 2);

    // An import cancelled after its first write rolls back: the total stays what the database holds.
    let more = vec![(1, meeting("Cuarta reunión")), (2, meeting("Quinta reunión"))];
    assert!(matches!(store.import(&more, &officer(), false, &mut |_, _| false), Err(ImportError::Cancelled)));
    assert_eq!(store.list(&meetings).unwrap().total, 2);
}

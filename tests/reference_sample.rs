//! The shipped sample (assets/sample/activities.jsonl) follows the interchange format
//! (/work/notes/interchange.md): known keys only, required keys per kind, valid vocabularies,
//! and every country resolvable by the reference resolver.

use enlace::reference::{default_axes, resolve_country};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

const SAMPLE: &str = include_str!("../assets/sample/activities.jsonl");

const KINDS: [&str; 12] = [
    "meeting",
    "delegation",
    "training",
    "illumination",
    "agreement",
    "network",
    "event",
    "project",
    "award",
    "financing",
    "press",
    "other",
];
const TOP_LEVEL: [&str; 20] = [
    "kind",
    "title",
    "start_date",
    "id",
    "end_date",
    "start_time",
    "end_time",
    "summary",
    "modality",
    "place",
    "countries",
    "organisations",
    "people",
    "axis",
    "topics",
    "outcomes",
    "follow_ups",
    "status",
    "date_text",
    "details",
];

/// (allowed detail keys, required detail keys) of each kind.
fn detail_keys(kind: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        "meeting" => (
            &[
                "counterpart_head",
                "counterpart_post",
                "meeting_type",
                "agreements_reached",
            ],
            &[],
        ),
        "delegation" => (
            &[
                "direction",
                "members",
                "head",
                "head_rank",
                "sites",
                "protocol",
            ],
            &["direction"],
        ),
        "training" => (
            &[
                "participants",
                "hours",
                "provider",
                "objective",
                "edition",
                "units",
            ],
            &[],
        ),
        "illumination" => (
            &[
                "occasion",
                "requested_by",
                "monument",
                "colors",
                "executed_by",
            ],
            &["occasion"],
        ),
        "agreement" => (
            &[
                "agreement_type",
                "parties",
                "signed_on",
                "valid_until",
                "agreement_status",
            ],
            &["agreement_type"],
        ),
        "network" => (&["network", "body", "role", "term"], &["network"]),
        "event" => (
            &[
                "event_type",
                "city_role",
                "organiser",
                "edition",
                "registered",
                "countries_count",
                "sessions",
            ],
            &[],
        ),
        "project" => (&["lead_partner", "funder", "city_role", "products"], &[]),
        "award" => (
            &[
                "granted_by",
                "award_name",
                "category",
                "edition",
                "programme",
            ],
            &["granted_by"],
        ),
        "financing" => (
            &["amount", "currency", "donor", "purpose", "amount_mxn"],
            &["amount", "currency", "donor"],
        ),
        "press" => (
            &["outlet", "outlet_country", "piece_type", "url", "cost"],
            &["outlet"],
        ),
        _ => (&[], &[]),
    }
}

/// Vocabulary-bound detail fields: (kind, key, allowed values).
const DETAIL_VOCABULARIES: [(&str, &str, &[&str]); 7] = [
    (
        "meeting",
        "meeting_type",
        &["trabajo", "cortesia", "vinculacion"],
    ),
    ("delegation", "direction", &["incoming", "outgoing"]),
    (
        "agreement",
        "agreement_type",
        &[
            "convenio_marco",
            "convenio_especifico",
            "memorandum",
            "hermanamiento",
            "carta_intencion",
            "declaracion",
        ],
    ),
    (
        "agreement",
        "agreement_status",
        &["vigente", "en_evaluacion", "concluido"],
    ),
    (
        "event",
        "event_type",
        &[
            "foro",
            "cumbre",
            "congreso",
            "seminario",
            "webinar",
            "exposicion",
            "feria",
            "otro",
        ],
    ),
    (
        "event",
        "city_role",
        &[
            "anfitrion",
            "organizador",
            "coorganizador",
            "ponente",
            "panelista",
            "mensaje_grabado",
            "asistente",
        ],
    ),
    (
        "press",
        "piece_type",
        &["mencion", "articulo", "entrevista"],
    ),
];

fn lines() -> Vec<(usize, Map<String, Value>)> {
    SAMPLE
        .lines()
        .enumerate()
        .map(|(i, line)| match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => (i + 1, map),
            other => panic!("line {}: not a JSON object: {other:?}", i + 1),
        })
        .collect()
}

/// "2021-07-27", "2021-07" or "2021", each a real calendar date.
fn is_interchange_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y] => y.len() == 4 && y.parse::<i32>().is_ok(),
        [y, m] => {
            y.len() == 4
                && m.len() == 2
                && chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").is_ok()
        }
        [_, _, d] => d.len() == 2 && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

fn is_decimal(text: &str) -> bool {
    text.parse::<rust_decimal::Decimal>().is_ok()
}

fn str_of<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key).and_then(Value::as_str)
}

#[test]
fn every_line_follows_the_interchange_format() {
    let axes: BTreeSet<&str> = default_axes().iter().map(|a| a.name_es.as_str()).collect();
    for (line, record) in lines() {
        let at = |what: &str| format!("line {line}: {what}");
        for key in record.keys() {
            assert!(
                TOP_LEVEL.contains(&key.as_str()),
                "{}",
                at(&format!("unknown key {key}"))
            );
        }
        let kind = str_of(&record, "kind").unwrap_or_else(|| panic!("{}", at("no kind")));
        assert!(
            KINDS.contains(&kind),
            "{}",
            at(&format!("unknown kind {kind}"))
        );
        assert!(
            str_of(&record, "title").is_some_and(|t| !t.trim().is_empty()),
            "{}",
            at("no title")
        );
        for key in ["start_date", "end_date"] {
            if let Some(value) = record.get(key) {
                let text = value.as_str().unwrap_or_default();
                assert!(
                    is_interchange_date(text),
                    "{}",
                    at(&format!("{key} {value}"))
                );
            }
        }
        assert!(record.contains_key("start_date"), "{}", at("no start_date"));
        if let (Some(start), Some(end)) =
            (str_of(&record, "start_date"), str_of(&record, "end_date"))
        {
            assert!(start <= end, "{}", at("ends before it starts"));
        }
        if let Some(modality) = record.get("modality") {
            let allowed = ["presencial", "virtual", "hibrido", "extranjero"];
            assert!(
                allowed.contains(&modality.as_str().unwrap_or_default()),
                "{}",
                at("modality")
            );
        }
        if let Some(status) = record.get("status") {
            let allowed = ["planned", "done", "cancelled"];
            assert!(
                allowed.contains(&status.as_str().unwrap_or_default()),
                "{}",
                at("status")
            );
        }
        if let Some(axis) = str_of(&record, "axis") {
            assert!(
                axes.contains(axis),
                "{}",
                at(&format!("axis {axis} is not a 2021 axis"))
            );
        }
        for follow_up in record
            .get("follow_ups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let item = follow_up
                .as_object()
                .unwrap_or_else(|| panic!("{}", at("follow-up not an object")));
            assert!(
                item.keys()
                    .all(|k| ["task", "due", "owner", "done"].contains(&k.as_str())),
                "{}",
                at("follow-up key")
            );
            assert!(
                str_of(item, "task").is_some(),
                "{}",
                at("follow-up without task")
            );
        }
        check_details(kind, record.get("details"), &at);
    }
}

fn check_details(kind: &str, details: Option<&Value>, at: &dyn Fn(&str) -> String) {
    let (allowed, required) = detail_keys(kind);
    let empty = Map::new();
    let details = match details {
        Some(value) => value
            .as_object()
            .unwrap_or_else(|| panic!("{}", at("details not an object"))),
        None => &empty,
    };
    for key in details.keys() {
        assert!(
            allowed.contains(&key.as_str()),
            "{}",
            at(&format!("detail {key} does not belong to {kind}"))
        );
    }
    for key in required {
        assert!(
            details.contains_key(*key),
            "{}",
            at(&format!("{kind} without required detail {key}"))
        );
    }
    for (vocab_kind, key, values) in DETAIL_VOCABULARIES {
        if let (true, Some(value)) = (vocab_kind == kind, details.get(key)) {
            assert!(
                values.contains(&value.as_str().unwrap_or_default()),
                "{}",
                at(&format!("{key} = {value}"))
            );
        }
    }
    if kind == "financing" {
        for key in ["amount", "amount_mxn"] {
            if let Some(value) = details.get(key) {
                assert!(
                    value.as_str().is_some_and(is_decimal),
                    "{}",
                    at(&format!("{key} {value}"))
                );
            }
        }
        let currency = details
            .get("currency")
            .and_then(Value::as_str)
            .unwrap_or_default();
        assert!(
            enlace::reference::currency(currency).is_some(),
            "{}",
            at(&format!("currency {currency}"))
        );
    }
    for key in ["signed_on", "valid_until"] {
        if let Some(value) = details.get(key) {
            assert!(
                is_interchange_date(value.as_str().unwrap_or_default()),
                "{}",
                at(key)
            );
        }
    }
    if let Some(hours) = details.get("hours") {
        let ok = hours.is_number() || hours.as_str().is_some_and(is_decimal);
        assert!(ok, "{}", at(&format!("hours {hours}")));
    }
    if let Some(participants) = details.get("participants") {
        assert!(
            participants.as_u64().is_some_and(|n| n > 0),
            "{}",
            at("participants")
        );
    }
}

#[test]
fn every_country_resolves_and_the_sample_is_varied() {
    let mut countries = BTreeSet::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut records = 0;
    for (line, record) in lines() {
        records += 1;
        *kinds
            .entry(str_of(&record, "kind").unwrap_or_default().to_string())
            .or_default() += 1;
        for value in record
            .get("countries")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let text = value
                .as_str()
                .unwrap_or_else(|| panic!("line {line}: country {value} is not text"));
            let country = resolve_country(text).unwrap_or_else(|err| panic!("line {line}: {err}"));
            countries.insert(country.code.as_str());
        }
    }
    assert!((350..=450).contains(&records), "{records} activities");
    assert!(
        countries.len() >= 60,
        "only {} distinct countries",
        countries.len()
    );
    for kind in KINDS {
        assert!(
            kinds.get(kind).copied().unwrap_or(0) >= 5,
            "kind {kind} has {:?} activities",
            kinds.get(kind)
        );
    }
}

#[test]
fn the_sample_covers_2021_month_by_month() {
    let mut months = BTreeSet::new();
    let mut month_precision = 0;
    for (_, record) in lines() {
        let start = str_of(&record, "start_date").unwrap_or_default();
        assert!(start.starts_with("2021"), "{start} is outside 2021");
        months.insert(start[5..7].to_string());
        month_precision += usize::from(start.len() == 7);
    }
    assert_eq!(months.len(), 12);
    assert!(
        month_precision >= 3,
        "only {month_precision} month-precision dates"
    );
}

//! A realistic report passage (with PDF residue: page headers, page numbers, hyphenation)
//! drafted into activities, compared with the drafts a person would write by hand.

use enlace::domain::{validate, ActivityInput};
use enlace::interop::report_text::{drafts_from_text, TextContext};
use enlace::interop::spanish_dates::DateContext;
use enlace::text::fold;

/// The countries the passage names, as the reference data would resolve them.
fn country(words: &str) -> Option<String> {
    let code = match fold(words).as_str() {
        "peru" => "PE",
        "colombia" => "CO",
        "suiza" => "CH",
        "costa de marfil" => "CI",
        "eslovaquia" => "SK",
        "guatemala" => "GT",
        "malasia" => "MY",
        "portugal" => "PT",
        "armenia" => "AM",
        "mexico" => "MX",
        _ => return None,
    };
    Some(code.to_string())
}

#[test]
fn a_report_passage_becomes_the_expected_drafts() {
    let passage = include_str!("fixtures/interop/report_passage.txt");
    let orgs: Vec<String> = ["Embajada del Perú", "PNUD", "AMEXCID", "UK PACT", "Secretaría de Obras y Servicios"].map(String::from).to_vec();
    let ctx = TextContext { dates: DateContext::year(2021), known_organisations: &orgs, country_of: &country };
    let drafts = drafts_from_text(passage, &ctx);
    let got: Vec<ActivityInput> = drafts.iter().map(|d| d.input.clone()).collect();
    let expected: Vec<ActivityInput> = serde_json::from_str(include_str!("fixtures/interop/report_passage.expected.json")).unwrap();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "draft {i} differs:\n got {}\nwant {}", serde_json::to_string(g).unwrap(), serde_json::to_string(e).unwrap());
    }
    assert_eq!(got.len(), expected.len());
    let lines: Vec<usize> = drafts.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![3, 6, 15, 16, 17, 18, 25, 34]);
    assert!(drafts.iter().all(|d| d.notes.is_empty()), "{:?}", drafts.iter().map(|d| &d.notes).collect::<Vec<_>>());
    for d in &drafts {
        // Countries here resolve through the reference data, which the test does not load.
        let mut checkable = d.input.clone();
        checkable.countries.clear();
        assert!(validate(&checkable).is_ok(), "line {}: {:?}", d.line, validate(&checkable).unwrap_err());
    }
}

#[test]
fn with_the_reference_data_every_draft_validates() {
    let passage = include_str!("fixtures/interop/report_passage.txt");
    let orgs: Vec<String> = vec!["UK PACT".into(), "PNUD".into()];
    let ctx = TextContext {
        dates: DateContext::for_period("2021-2").unwrap(),
        known_organisations: &orgs,
        country_of: &enlace::interop::report_text::reference_country,
    };
    let drafts = drafts_from_text(passage, &ctx);
    assert_eq!(drafts.len(), 8);
    for d in &drafts {
        let valid = validate(&d.input).unwrap_or_else(|e| panic!("line {}: {e}", d.line));
        if d.line == 6 {
            assert_eq!(valid.countries, vec!["CI", "SK", "GT", "MY", "PT", "AM"], "a list of countries in one sentence");
        }
    }
    assert!(drafts[6].input.countries.is_empty(), "«UK PACT» names no country");
}

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

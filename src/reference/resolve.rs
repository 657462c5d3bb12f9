//! Turning a country as people write it ("Perú", "peru", "PER", "EE. UU.") into a [`Country`].

use super::data::{countries, Country};
use crate::text::fold;
use crate::{ErrorCode, Explain, Text};
use std::collections::HashMap;
use std::sync::OnceLock;

/// How many close names an [`UnknownCountry`] error suggests at most.
const MAX_SUGGESTIONS: usize = 3;

/// Short names people use for more than one country, with those countries' codes: "Corea"
/// may be either Korea, so it is asked about rather than read as one of them.
const SHARED_NAMES: &[(&str, &[&str])] = &[
    ("corea", &["KR", "KP"]),
    ("korea", &["KR", "KP"]),
    ("islas virgenes", &["VG", "VI"]),
    ("virgin islands", &["VG", "VI"]),
];

/// Text that names no known country, or more than one, with the countries it may mean.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.text().es)]
pub struct UnknownCountry {
    /// The text as given.
    pub text: String,
    /// Countries whose names are closest to the text, closest first; or, when `shared`, every
    /// country the name is used for.
    pub suggestions: Vec<&'static Country>,
    /// The text is a name several countries share ("Corea").
    pub shared: bool,
}

impl Explain for UnknownCountry {
    /// "«Atlantis» no corresponde a ningún país conocido. ¿Quiso decir: …?"
    fn text(&self) -> Text {
        Text::new(self.spanish(), self.english())
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }
}

impl UnknownCountry {
    fn spanish(&self) -> String {
        if self.shared {
            let names: Vec<_> = self.suggestions.iter().map(|c| c.name_es.as_str()).collect();
            return format!("«{}» puede ser más de un país ({}); elija uno", self.text, names.join(" o "));
        }
        let names: Vec<_> = self
            .suggestions
            .iter()
            .map(|c| c.name_es.as_str())
            .collect();
        let mut message = format!("«{}» no corresponde a ningún país conocido", self.text);
        if !names.is_empty() {
            message.push_str(&format!(". ¿Quiso decir: {}?", names.join(", ")));
        }
        message
    }

    fn english(&self) -> String {
        if self.shared {
            let names: Vec<_> = self.suggestions.iter().map(|c| c.name_en.as_str()).collect();
            return format!("“{}” may be more than one country ({}); choose one", self.text, names.join(" or "));
        }
        let names: Vec<_> = self
            .suggestions
            .iter()
            .map(|c| c.name_en.as_str())
            .collect();
        let mut message = format!("“{}” does not match any known country", self.text);
        if !names.is_empty() {
            message.push_str(&format!(". Did you mean: {}?", names.join(", ")));
        }
        message
    }
}

/// Every text that names the country: codes, both names and the variants.
pub(super) fn names_of(country: &Country) -> impl Iterator<Item = &str> {
    [
        country.code.as_str(),
        country.alpha3.as_str(),
        country.name_es.as_str(),
        country.name_en.as_str(),
    ]
    .into_iter()
    .chain(country.variants.iter().map(String::as_str))
}

/// Folded name → country. Built once; the data tests guarantee no name is shared.
fn index() -> &'static HashMap<String, &'static Country> {
    static INDEX: OnceLock<HashMap<String, &'static Country>> = OnceLock::new();
    INDEX.get_or_init(|| {
        countries()
            .iter()
            .flat_map(|c| names_of(c).map(move |name| (fold(name), c)))
            .collect()
    })
}

/// Finds the country named by `text`: an ISO alpha-2 or alpha-3 code, the Spanish or English
/// name, or a known variant, ignoring case, accents and punctuation.
///
/// ```
/// use enlace::reference::resolve_country;
/// assert_eq!(resolve_country("Nueva Zelanda").unwrap().name_es, "Nueva Zelandia");
/// assert_eq!(resolve_country("EE. UU.").unwrap().code, "US");
/// assert!(resolve_country("Corea").unwrap_err().shared);
/// let err = resolve_country("Atlantis").unwrap_err();
/// assert!(err.to_string().starts_with("«Atlantis» no corresponde a ningún país conocido"));
/// ```
pub fn resolve_country(text: &str) -> Result<&'static Country, UnknownCountry> {
    let key = fold(text);
    if let Some((_, codes)) = SHARED_NAMES.iter().find(|(name, _)| *name == key) {
        let suggestions = codes.iter().filter_map(|code| countries().iter().find(|c| c.code == *code)).collect();
        return Err(UnknownCountry { text: text.trim().to_string(), suggestions, shared: true });
    }
    index().get(&key).copied().ok_or_else(|| UnknownCountry {
        text: text.trim().to_string(),
        suggestions: closest(&key),
        shared: false,
    })
}

/// Countries whose names (not codes) are within an edit distance of half the text's length.
fn closest(key: &str) -> Vec<&'static Country> {
    let limit = key.chars().count() / 2;
    let mut best: Vec<(usize, &'static Country)> = Vec::new();
    for (name, country) in index().iter().filter(|(name, _)| name.chars().count() > 3) {
        let distance = edit_distance(key, name);
        if distance > limit {
            continue;
        }
        match best.iter_mut().find(|(_, c)| c.code == country.code) {
            Some(entry) => entry.0 = entry.0.min(distance),
            None => best.push((distance, country)),
        }
    }
    best.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name_es.cmp(&b.1.name_es)));
    best.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, c)| c)
        .collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(text: &str) -> String {
        match resolve_country(text) {
            Ok(c) => c.code.clone(),
            Err(err) => panic!("{}", err.text().en),
        }
    }

    #[test]
    fn resolves_peru_however_written() {
        for text in ["Perú", "peru", "PE", "PER", "Peru", "  PERÚ ", "el Perú"] {
            assert_eq!(code_of(text), "PE", "{text}");
        }
    }

    #[test]
    fn resolves_common_variants() {
        for (text, code) in [
            ("Nueva Zelandia", "NZ"),
            ("Nueva Zelanda", "NZ"),
            ("New Zealand", "NZ"),
            ("Estados Unidos", "US"),
            ("EE. UU.", "US"),
            ("EUA", "US"),
            ("Gran Bretaña", "GB"),
            ("República de Corea", "KR"),
            ("Corea del Sur", "KR"),
            ("Holanda", "NL"),
            ("Côte d'Ivoire", "CI"),
            ("Republica Checa", "CZ"),
            ("Federación de Rusia", "RU"),
            ("México", "MX"),
        ] {
            assert_eq!(code_of(text), code, "{text}");
        }
    }

    #[test]
    fn unknown_country_says_so_in_both_languages_with_suggestions() {
        let err = resolve_country("Atlantis").unwrap_err();
        assert_eq!(err.text, "Atlantis");
        assert!(!err.suggestions.is_empty());
        assert!(err
            .to_string()
            .starts_with("«Atlantis» no corresponde a ningún país conocido. ¿Quiso decir: "));
        assert!(err
            .text().en
            .starts_with("“Atlantis” does not match any known country"));
    }

    #[test]
    fn a_name_two_countries_share_is_asked_about() {
        for text in ["Corea", "corea", "KOREA", "Islas Vírgenes"] {
            let err = resolve_country(text).unwrap_err();
            assert!(err.shared && err.suggestions.len() == 2, "{text}");
        }
        let err = resolve_country("corea").unwrap_err();
        assert_eq!(err.text().es, "«corea» puede ser más de un país (República de Corea o Corea del Norte); elija uno");
        // No shared name is also one country's own name or variant.
        for (name, _) in SHARED_NAMES {
            assert!(!index().contains_key(*name), "{name}");
        }
    }

    #[test]
    fn suggests_the_closest_country_first() {
        let err = resolve_country("Nueva Zelandai").unwrap_err();
        assert_eq!(err.suggestions[0].code, "NZ");
        assert!(err.text().es.contains("Nueva Zelandia"));
        let err = resolve_country("Alemaña").unwrap_err();
        assert_eq!(err.suggestions[0].code, "DE");
        assert!(resolve_country("qqqqqqqqqq")
            .unwrap_err()
            .suggestions
            .is_empty());
    }

    #[test]
    fn every_name_and_variant_resolves_to_its_own_country() {
        for country in countries() {
            for name in names_of(country) {
                assert_eq!(
                    code_of(name),
                    country.code,
                    "«{name}» is claimed by two countries"
                );
            }
        }
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("peru", "peru"), 0);
        assert_eq!(edit_distance("peru", "pero"), 1);
        assert_eq!(edit_distance("mexco", "mexico"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

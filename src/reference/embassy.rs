//! A country's embassy in Mexico named as it names itself: "Embajada del Perú en México",
//! "Embajada Británica en México", "Embassy of the United States in Mexico" — never built by
//! gluing "Embajada de" to the country's name ("Embajada de Perú").

use super::data::country;
use crate::Text;

/// Embassies whose own name is not "Embajada de" + the country's name.
const OWN_NAMES: &[(&str, &str, &str)] = &[
    ("GB", "Embajada Británica", "British Embassy"),
    ("VA", "Nunciatura Apostólica", "Apostolic Nunciature"),
];

/// Countries whose Spanish name takes an article ("el Perú", "la India", "los Países Bajos").
const SPANISH_ARTICLES: &[(&str, &str)] = &[
    ("PE", "del"),
    ("EC", "del"),
    ("PY", "del"),
    ("UY", "del"),
    ("JP", "del"),
    ("IN", "de la"),
    ("US", "de los"),
    ("NL", "de los"),
    ("AE", "de los"),
    ("KR", "de la"),
    ("DO", "de la"),
    ("CF", "de la"),
    ("CD", "de la"),
];

/// English names read with "the" ("the United States", "the Netherlands").
const ENGLISH_ARTICLE: &[&str] = &["US", "NL", "AE", "GB", "PH", "BS", "GM", "CD", "CF", "DO", "CG", "KM", "MH", "SB"];

/// The embassy of the country with ISO code `code` in Mexico, in Spanish and English.
pub fn embassy(code: &str) -> Option<Text> {
    let c = country(code)?;
    if let Some((_, es, en)) = OWN_NAMES.iter().find(|(k, ..)| *k == c.code) {
        return Some(Text::new(format!("{es} en México"), format!("{en} in Mexico")));
    }
    let of_es = SPANISH_ARTICLES.iter().find(|(k, _)| *k == c.code).map_or("de", |(_, a)| a);
    let of_en = if ENGLISH_ARTICLE.contains(&c.code.as_str()) { "of the" } else { "of" };
    Some(Text::new(format!("Embajada {of_es} {} en México", c.name_es), format!("Embassy {of_en} {} in Mexico", c.name_en)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embassies_are_named_with_their_article_or_their_own_name() {
        let es = |code: &str| embassy(code).unwrap().es;
        assert_eq!(es("PE"), "Embajada del Perú en México");
        assert_eq!(es("GB"), "Embajada Británica en México");
        assert_eq!(es("US"), "Embajada de los Estados Unidos de América en México");
        assert_eq!(es("FR"), "Embajada de Francia en México");
        assert_eq!(es("KR"), "Embajada de la República de Corea en México");
        assert_eq!(embassy("NL").unwrap().en, "Embassy of the Netherlands in Mexico");
        assert_eq!(embassy("FR").unwrap().en, "Embassy of France in Mexico");
        assert_eq!(embassy("ZZ"), None);
    }
}

//! The reference types and their one-time loading from the embedded JSON files.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

/// A country or territory of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, e.g. "PE".
    pub code: String,
    /// ISO 3166-1 alpha-3 code, e.g. "PER".
    pub alpha3: String,
    /// Spanish name as Mexico's SRE writes it, e.g. "Nueva Zelandia".
    pub name_es: String,
    pub name_en: String,
    /// Other names met in real text ("Nueva Zelanda", "EE. UU.", "Holanda"…).
    pub variants: Vec<String>,
    pub capital_es: Option<String>,
    pub capital_en: Option<String>,
    pub national_day: Option<NationalDay>,
}

/// The day a country celebrates as its national day (the one its embassies mark).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NationalDay {
    pub month: u32,
    pub day: u32,
    /// What is celebrated, e.g. "Día de la Independencia".
    pub name_es: String,
    pub name_en: String,
}

/// An international day on which cities light monuments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Observance {
    pub month: u32,
    pub day: u32,
    pub name_es: String,
    pub name_en: String,
    /// Customary lighting colours, when there are any ("naranja" on 25 November).
    pub colors_es: Option<String>,
    pub colors_en: Option<String>,
}

/// An ISO 4217 currency in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Currency {
    /// ISO 4217 code, e.g. "GBP".
    pub code: String,
    /// Digits after the decimal point (0 for JPY, 3 for KWD).
    pub minor_units: u32,
    pub name_es: String,
    pub name_en: String,
}

/// A policy axis (eje) offered by default: one of the 2021 report's six. (The store's own
/// `Axis` is the editable, per-period record.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DefaultAxis {
    /// Position in the report, from 1.
    pub order: u32,
    pub name_es: String,
    pub name_en: String,
}

/// Parses an embedded file; the files are generated and tested, so failure is a build defect.
fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json)
        .unwrap_or_else(|err| panic!("assets/reference/{name} is malformed: {err}"))
}

/// Every ISO 3166-1 country and territory, in alpha-2 order.
pub fn countries() -> &'static [Country] {
    static DATA: OnceLock<Vec<Country>> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "countries.json",
            include_str!("../../assets/reference/countries.json"),
        )
    })
}

/// The country with this ISO alpha-2 or alpha-3 code, in any letter case.
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    countries()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code) || c.alpha3.eq_ignore_ascii_case(code))
}

/// International days cities light monuments for, in calendar order.
pub(super) fn observances() -> &'static [Observance] {
    static DATA: OnceLock<Vec<Observance>> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "observances.json",
            include_str!("../../assets/reference/observances.json"),
        )
    })
}

fn currencies() -> &'static [Currency] {
    static DATA: OnceLock<Vec<Currency>> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "currencies.json",
            include_str!("../../assets/reference/currencies.json"),
        )
    })
}

/// The currencies a Mexican liaison office deals in most, offered first.
const USUAL_CURRENCIES: [&str; 7] = ["MXN", "USD", "EUR", "GBP", "JPY", "CAD", "CNY"];

/// Every currency as a picker offers it: the usual ones first, then the rest by Spanish name.
pub fn currencies_usual_first() -> Vec<&'static Currency> {
    let usual = USUAL_CURRENCIES.iter().filter_map(|code| currency(code));
    let mut rest: Vec<_> = currencies().iter().filter(|c| !USUAL_CURRENCIES.contains(&c.code.as_str())).collect();
    rest.sort_by_cached_key(|c| crate::text::fold(&c.name_es));
    usual.chain(rest).collect()
}

/// The ISO 4217 currency with this code, in any letter case.
pub fn currency(code: &str) -> Option<&'static Currency> {
    let code = code.trim();
    currencies()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
}

/// The six axes of the 2021 report, offered as the starting axis list of a new period.
pub fn default_axes() -> &'static [DefaultAxis] {
    static DATA: OnceLock<Vec<DefaultAxis>> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "axes_2021.json",
            include_str!("../../assets/reference/axes_2021.json"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn all_249_countries_with_unique_codes() {
        let all = countries();
        assert_eq!(all.len(), 249);
        let alpha2: HashSet<_> = all.iter().map(|c| c.code.as_str()).collect();
        let alpha3: HashSet<_> = all.iter().map(|c| c.alpha3.as_str()).collect();
        assert_eq!(alpha2.len(), 249);
        assert_eq!(alpha3.len(), 249);
        for c in all {
            assert!(
                c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.code
            );
            assert!(
                c.alpha3.len() == 3 && c.alpha3.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.alpha3
            );
        }
    }

    #[test]
    fn looks_up_by_either_code() {
        assert_eq!(
            country("nz").map(|c| c.name_es.as_str()),
            Some("Nueva Zelandia")
        );
        assert_eq!(country("NZL").map(|c| c.code.as_str()), Some("NZ"));
        assert!(country("XX").is_none());
    }

    #[test]
    fn currencies_found_by_code() {
        assert_eq!(
            currency("gbp").map(|c| c.name_es.as_str()),
            Some("Libra esterlina")
        );
        assert_eq!(currency("JPY").map(|c| c.minor_units), Some(0));
        assert!(currency("XYZ").is_none());
        let codes: HashSet<_> = currencies().iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes.len(), currencies().len(), "duplicate currency code");
    }

    #[test]
    fn default_axes_are_the_six_of_2021_in_order() {
        let axes = default_axes();
        assert_eq!(axes.len(), 6);
        assert_eq!(axes[0].name_es, "Igualdad de Derechos");
        assert!(axes
            .iter()
            .enumerate()
            .all(|(i, a)| a.order as usize == i + 1));
    }
}

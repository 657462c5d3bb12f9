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
    /// ISO 3166-1 numeric code, e.g. "604" (how world maps name countries).
    pub numeric: String,
    /// Spanish name as Mexico's SRE writes it, e.g. "Nueva Zelandia".
    pub name_es: String,
    pub name_en: String,
    /// Other names met in real text ("Nueva Zelanda", "EE. UU.", "Holanda"…).
    pub variants: Vec<String>,
    pub capital_es: Option<String>,
    pub capital_en: Option<String>,
    pub national_day: Option<NationalDay>,
    /// Its world region: M49's, the Americas split into Latin America and the Caribbean and
    /// Northern America (see `build_reference.py`).
    pub region: WorldRegion,
    /// Its M49 intermediate region or sub-region, e.g. "Centroamérica", "Asia oriental".
    pub subregion: WorldRegion,
}

/// A world region or subregion, named by its UN M49 code ("419", "013").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorldRegion {
    pub code: String,
    pub name_es: String,
    pub name_en: String,
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

/// Every world region, then every subregion, each once, by Spanish name within its level.
pub fn world_regions() -> &'static [WorldRegion] {
    static DATA: OnceLock<Vec<WorldRegion>> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut regions: Vec<WorldRegion> = Vec::new();
        let region: fn(&Country) -> &WorldRegion = |c| &c.region;
        let subregion: fn(&Country) -> &WorldRegion = |c| &c.subregion;
        for level in [region, subregion] {
            let mut these: Vec<WorldRegion> = Vec::new();
            for c in countries() {
                let area = level(c);
                if !these.iter().chain(&regions).any(|r| r.code == area.code) {
                    these.push(area.clone());
                }
            }
            these.sort_by_cached_key(|r| crate::text::fold(&r.name_es));
            regions.extend(these);
        }
        regions
    })
}

/// The region or subregion with this M49 code.
pub fn world_region(code: &str) -> Option<&'static WorldRegion> {
    world_regions().iter().find(|r| r.code == code.trim())
}

/// The region or subregion a person named: its M49 code, or its Spanish or English name with
/// or without accents ("America Latina y el Caribe", "europe").
pub fn find_world_region(text: &str) -> Option<&'static WorldRegion> {
    let key = crate::text::fold(text);
    world_region(text).or_else(|| {
        world_regions()
            .iter()
            .find(|r| crate::text::fold(&r.name_es) == key || crate::text::fold(&r.name_en) == key)
    })
}

/// The alpha-2 codes of the countries in a region or subregion (by M49 code).
pub fn countries_in_region(code: &str) -> Vec<&'static str> {
    let code = code.trim();
    countries()
        .iter()
        .filter(|c| c.region.code == code || c.subregion.code == code)
        .map(|c| c.code.as_str())
        .collect()
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
    fn every_country_has_a_region_and_a_subregion_within_it() {
        for c in countries() {
            for area in [&c.region, &c.subregion] {
                assert_eq!(world_region(&area.code), Some(area), "{}", c.code);
                assert!(!area.name_es.is_empty() && !area.name_en.is_empty(), "{}", c.code);
            }
            let region_members = countries_in_region(&c.region.code);
            assert!(countries_in_region(&c.subregion.code).iter().all(|m| region_members.contains(m)), "{}", c.code);
        }
        assert_eq!(country("MX").map(|c| c.region.name_es.as_str()), Some("América Latina y el Caribe"));
        assert_eq!(country("US").map(|c| c.region.name_en.as_str()), Some("Northern America"));
        assert_eq!(country("JP").map(|c| c.subregion.name_es.as_str()), Some("Asia oriental"));
        assert_eq!(country("EG").map(|c| c.region.name_es.as_str()), Some("África"));
    }

    #[test]
    fn regions_partition_the_countries() {
        let regions: Vec<_> = world_regions().iter().filter(|r| countries().iter().any(|c| c.region.code == r.code)).collect();
        assert_eq!(regions.len(), 7);
        let members: usize = regions.iter().map(|r| countries_in_region(&r.code).len()).sum();
        assert_eq!(members, countries().len());
        assert!(countries_in_region("419").contains(&"PE"));
        assert!(!countries_in_region("419").contains(&"US"));
        assert!(countries_in_region("999").is_empty());
        assert_eq!(find_world_region("america latina y el caribe").map(|r| r.code.as_str()), Some("419"));
        assert_eq!(find_world_region("Eastern Asia").map(|r| r.code.as_str()), Some("030"));
        assert_eq!(find_world_region("150").map(|r| r.name_es.as_str()), Some("Europa"));
        assert!(find_world_region("Atlántida").is_none());
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

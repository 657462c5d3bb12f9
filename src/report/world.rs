//! The world map as the window shows it: each country with activities, its count and its
//! shading step by the report map's own rule ([`Choropleth::step_of`]), and the legend's steps.
//! The window draws the report's shapes too (`assets/map/world-110m.json`).

use serde::Serialize;
use ts_rs::TS;

use super::Choropleth;
use crate::store::Count;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WorldMap {
    /// Countries with at least one activity, most first.
    pub countries: Vec<MapCountry>,
    /// Each step in use, palest first, with the counts it covers.
    pub legend: Vec<MapStep>,
    /// How many steps a map has (the last is the darkest).
    pub steps: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MapCountry {
    /// ISO alpha-2 code, as the shapes are keyed.
    pub code: String,
    pub count: u32,
    pub step: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MapStep {
    pub step: u32,
    pub from: u32,
    pub to: u32,
}

impl WorldMap {
    /// The map of activities by country, as [`crate::store::Stats::by_country`] counts them.
    pub fn of(by_country: &[Count]) -> WorldMap {
        let map = Choropleth { values: by_country.iter().map(|c| (c.key.clone(), c.count as f64)).collect(), ..Choropleth::default() };
        let countries: Vec<MapCountry> = by_country
            .iter()
            .filter_map(|c| map.step_of(&c.key).map(|step| MapCountry { code: c.key.clone(), count: c.count as u32, step: step as u32 }))
            .collect();
        let mut legend = Vec::new();
        if !countries.is_empty() {
            let bounds = map.step_bounds();
            let first = Choropleth::STEPS - bounds.len();
            let mut from = 1;
            for (i, high) in bounds.iter().enumerate() {
                let to = *high as u32;
                legend.push(MapStep { step: (first + i) as u32, from: from.min(to), to });
                from = to + 1;
            }
        }
        WorldMap { countries, legend, steps: Choropleth::STEPS as u32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[(&str, u64)]) -> Vec<Count> {
        values.iter().map(|(key, count)| Count { key: key.to_string(), count: *count }).collect()
    }

    #[test]
    fn the_window_map_shades_as_the_report_map_does() {
        let by_country = counts(&[("PE", 40), ("FR", 20), ("US", 9), ("JP", 1)]);
        let map = WorldMap::of(&by_country);
        let step = |code: &str| map.countries.iter().find(|c| c.code == code).map(|c| c.step);
        assert_eq!(step("PE"), Some(4), "the most: the darkest step");
        assert!(step("PE") > step("FR") && step("FR") > step("US") && step("US") >= step("JP"));
        assert_eq!(step("CN"), None, "no activity: not on the list");
        let report = Choropleth { values: by_country.iter().map(|c| (c.key.clone(), c.count as f64)).collect(), ..Choropleth::default() };
        for c in &map.countries {
            assert_eq!(Some(c.step as usize), report.step_of(&c.code), "{}", c.code);
        }
        let ranges: Vec<(u32, u32, u32)> = map.legend.iter().map(|s| (s.step, s.from, s.to)).collect();
        assert_eq!(ranges, [(0, 1, 8), (1, 9, 16), (2, 17, 24), (3, 25, 32), (4, 33, 40)]);
    }

    #[test]
    fn few_counts_take_the_darkest_steps_and_none_has_no_legend() {
        let map = WorldMap::of(&counts(&[("PE", 2), ("FR", 1)]));
        let ranges: Vec<(u32, u32, u32)> = map.legend.iter().map(|s| (s.step, s.from, s.to)).collect();
        assert_eq!(ranges, [(3, 1, 1), (4, 2, 2)]);
        assert!(WorldMap::of(&[]).legend.is_empty());
    }
}

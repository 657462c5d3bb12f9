//! The world map: each country's shape from `assets/map/world-110m.json` (Natural Earth
//! 1:110m via the npm package world-atlas, built by `scripts/world_map.sh`), shaded by its
//! value in [`CLASSES`] steps of the accent colour, with a legend of the steps' ranges.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::theme::*;
use super::{Composer, Draw, Sheet};
use crate::report::document::Choropleth;
use crate::report::fonts::{Face, Fonts};
use crate::report::numbers::format_count;

/// Shades from the palest to the accent.
const CLASSES: usize = 5;
/// A country with no value.
const EMPTY: Rgb = Rgb(0.93, 0.94, 0.95);
const LEGEND_BOX: f32 = 9.0;

#[derive(serde::Deserialize)]
struct WorldShapes {
    width: f32,
    height: f32,
    /// Rings of each country as x0, y0, x1, y1, … in the map's units.
    countries: HashMap<String, Vec<Vec<i32>>>,
}

fn world() -> &'static WorldShapes {
    static DATA: OnceLock<WorldShapes> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!("../../../assets/map/world-110m.json"))
            .unwrap_or_else(|err| panic!("assets/map/world-110m.json is malformed: {err}"))
    })
}

/// The colour of step `class` (0 = palest) of [`CLASSES`].
fn shade(class: usize) -> Rgb {
    if class + 1 >= CLASSES {
        return ACCENT;
    }
    let t = (class as f32 + 1.0) / CLASSES as f32;
    let mix = |pale: f32, dark: f32| pale + (dark - pale) * t;
    Rgb(mix(ACCENT_PALE.0, ACCENT.0), mix(ACCENT_PALE.1, ACCENT.1), mix(ACCENT_PALE.2, ACCENT.2))
}

/// The steps: the upper bound of each, up to the largest value (whole when the values are).
fn bounds(max: f64) -> Vec<f64> {
    let steps: Vec<f64> = (1..=CLASSES).map(|k| (max * k as f64 / CLASSES as f64).ceil()).collect();
    let mut unique = steps.clone();
    unique.dedup();
    unique
}

/// The step of a value: the first whose bound it does not pass; none for nothing.
fn class_of(value: f64, bounds: &[f64]) -> Option<usize> {
    (value > 0.0).then(|| bounds.iter().position(|b| value <= *b).unwrap_or(bounds.len() - 1))
}

impl Choropleth {
    /// How many shading steps a map has.
    pub const STEPS: usize = CLASSES;

    /// The upper bound of each step in use, the largest value last; step `i` of them is shaded
    /// as step `i + STEPS - bounds.len()` (few values take the darkest steps).
    pub fn step_bounds(&self) -> Vec<f64> {
        bounds(self.values.iter().map(|(_, v)| *v).fold(0.0, f64::max))
    }

    /// The step (0 = palest, `STEPS - 1` = the accent) a country is shaded with; none without a
    /// value. The window's map shades by this same rule.
    pub fn step_of(&self, code: &str) -> Option<usize> {
        let bounds = self.step_bounds();
        let value = self.values.iter().find(|(c, _)| c.eq_ignore_ascii_case(code)).map_or(0.0, |(_, v)| *v);
        class_of(value, &bounds).map(|k| k + CLASSES - bounds.len())
    }
}

/// The colour a country is filled with on the map of `map`.
pub(crate) fn fill_of(map: &Choropleth, code: &str) -> Rgb {
    map.step_of(code).map_or(EMPTY, shade)
}

/// The map and its legend drawn `width` points wide from (0, 0); their height.
fn draws(fonts: &Fonts, map: &Choropleth, width: f32) -> (Vec<Draw>, f32) {
    let world = world();
    let scale = width / world.width;
    let map_height = world.height * scale;
    let mut out = Vec::new();
    let mut codes: Vec<&String> = world.countries.keys().collect();
    codes.sort();
    for code in codes {
        let rings = world.countries[code]
            .iter()
            .map(|ring| ring.chunks_exact(2).map(|p| (p[0] as f32 * scale, p[1] as f32 * scale)).collect())
            .collect();
        out.push(Draw::Shape { rings, fill: fill_of(map, code), outline: WHITE });
    }

    // The legend: what is counted, then a box per step with its range.
    let max = map.values.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let bounds = bounds(max);
    let top = map_height + 8.0;
    let small = TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, MUTED);
    let mut x = 0.0;
    let text = |out: &mut Vec<Draw>, x: f32, words: &str| {
        out.extend(Draw::text(x, top - 1.0, small, words));
        fonts.width(Face::Regular, words, SMALL_SIZE)
    };
    x += text(&mut out, x, &map.legend) + 10.0;
    let mut low = 1.0;
    for (k, high) in bounds.iter().enumerate() {
        out.push(Draw::Rect { x, y: top + 1.0, w: LEGEND_BOX, h: LEGEND_BOX, fill: shade(k + CLASSES - bounds.len()) });
        let range = if low >= *high { format_count(*high) } else { format!("{}–{}", format_count(low), format_count(*high)) };
        x += LEGEND_BOX + 3.0;
        x += text(&mut out, x, &range) + 10.0;
        low = high + 1.0;
    }
    (out, top + SMALL_LINE)
}

/// Moves draws by (`dx`, `dy`).
fn shifted(draws: Vec<Draw>, dx: f32, dy: f32) -> Vec<Draw> {
    draws
        .into_iter()
        .map(|d| match d {
            Draw::Shape { rings, fill, outline } => Draw::Shape {
                rings: rings.into_iter().map(|r| r.into_iter().map(|(x, y)| (x + dx, y + dy)).collect()).collect(),
                fill,
                outline,
            },
            Draw::Rect { x, y, w, h, fill } => Draw::Rect { x: x + dx, y: y + dy, w, h, fill },
            Draw::Text { x, baseline, face, size, color, text } => Draw::Text { x: x + dx, baseline: baseline + dy, face, size, color, text },
            other => other,
        })
        .collect()
}

/// Places the map as wide as the text, kept whole on one page.
pub(super) fn map(c: &mut Composer, map: &Choropleth) {
    let (draws, height) = draws(c.fonts, map, c.text_width());
    c.space(BLOCK_GAP + 4.0);
    c.reserve(height);
    let (left, top) = (c.left, c.y);
    shifted(draws, left, top).into_iter().for_each(|d| c.draw(d));
    c.y += height;
    c.space(BLOCK_GAP + 4.0);
}

/// Height of the map `width` points wide (for keeping a heading with it).
pub(super) fn height(fonts: &Fonts, map: &Choropleth, width: f32) -> f32 {
    draws(fonts, map, width).1
}

/// The map on a sheet of its own, for a document that places pictures (Word).
pub(crate) fn map_sheet(fonts: &Fonts, map: &Choropleth, width: f32) -> Sheet {
    let (draws, height) = draws(fonts, map, width);
    Sheet { width, height, draws }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(values: &[(&str, f64)]) -> Choropleth {
        Choropleth { values: values.iter().map(|(c, v)| (c.to_string(), *v)).collect(), legend: "Actividades".into(), description: String::new() }
    }

    #[test]
    fn the_darker_the_more_activities() {
        let m = map(&[("PE", 40.0), ("FR", 20.0), ("JP", 1.0), ("US", 9.0)]);
        assert_eq!(fill_of(&m, "PE"), ACCENT, "the most: the accent itself");
        assert_eq!(fill_of(&m, "CN"), EMPTY, "none: pale");
        let darkness = |code: &str| {
            let Rgb(r, g, b) = fill_of(&m, code);
            -(r + g + b)
        };
        assert!(darkness("PE") > darkness("FR") && darkness("FR") > darkness("US") && darkness("US") > darkness("JP"));
        assert!(darkness("JP") > darkness("CN"));
    }

    #[test]
    fn few_values_use_the_darkest_steps_and_the_legend_names_each() {
        assert_eq!(bounds(2.0), [1.0, 2.0]);
        assert_eq!(bounds(100.0), [20.0, 40.0, 60.0, 80.0, 100.0]);
        let m = map(&[("PE", 2.0), ("FR", 1.0)]);
        assert_eq!(fill_of(&m, "PE"), ACCENT);
        assert_eq!(fill_of(&m, "FR"), shade(CLASSES - 2));
    }

    #[test]
    fn the_shapes_cover_the_countries_of_the_reference() {
        let world = world();
        assert!(world.countries.len() > 150);
        for code in ["MX", "PE", "JP", "FR", "US", "NZ", "ZA"] {
            assert!(world.countries.contains_key(code), "{code}");
            assert!(crate::reference::country(code).is_some());
        }
        assert!(world.countries.keys().all(|c| crate::reference::country(c).is_some()));
    }
}

//! A period over several years, year by year: the record of an administration ("Total: 81
//! convenios", "participa en 12 redes"). Activities by year and kind, agreements by world
//! region with their total, the city networks the city belongs to with its roles and terms,
//! visits received by year and month, and awards by year, each with its chart.
//!
//! The counts by year are the store's own ([`Store::stats`] over each year of the period), so a
//! year's column says what `enlace stats` says for that year.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Activity, Kind};
use crate::store::{Count, Filter, PeriodCount, Stats, Store};

use super::labels;
use super::period::chart;
use super::words::{self, kind_plural};
use super::{format_count, Block, Column, Lang, ReportError, Section, Table};

/// How a period report breaks its period down, beside its totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Breakdown {
    /// Year by year (an annual report, an administration's record).
    Year,
}

impl Breakdown {
    /// Reads `year` / `año` (as given on the command line).
    pub fn parse(text: &str) -> Option<Breakdown> {
        match crate::text::fold(text).as_str() {
            "year" | "ano" | "anio" => Some(Breakdown::Year),
            _ => None,
        }
    }
}

/// One year of the period (narrowed to the period at its ends) and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    pub year: PeriodCount,
    pub stats: Stats,
}

/// The figures of each year of `filter`'s period, as `stats.by_year` lists them.
pub(crate) fn read_years(store: &Store, filter: &Filter, stats: &Stats) -> Result<Vec<YearFigures>, ReportError> {
    let mut years = Vec::with_capacity(stats.by_year.len());
    for year in &stats.by_year {
        years.push(YearFigures { year: year.clone(), stats: store.stats(&filter.narrowed_to(year.from, year.to))? });
    }
    Ok(years)
}

/// The kinds whose activities the record lists or tallies from their details.
const LISTED_KINDS: [Kind; 4] = [Kind::Agreement, Kind::Network, Kind::Delegation, Kind::Award];

/// The activities of `filter` of the kinds the record reads one by one (the rest it counts).
pub(crate) fn listed_activities(store: &Store, filter: &Filter) -> Result<Vec<Activity>, ReportError> {
    let kinds: Vec<Kind> = LISTED_KINDS.into_iter().filter(|k| filter.kinds.is_empty() || filter.kinds.contains(k)).collect();
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    Ok(store.list(&Filter { kinds, ..filter.clone() })?.items)
}

/// The part "Año por año": every table of the record, from the years' figures and the period's
/// activities (in date order).
pub(crate) fn years_part(lang: Lang, years: &[YearFigures], stats: &Stats, activities: &[Activity]) -> Section {
    let mut part = Section::new(labels::YEAR_BY_YEAR.pick(lang));
    part.push_section(by_year_and_kind(lang, years, stats));
    part.push_section(agreements_by_region(lang, activities));
    part.push_section(networks(lang, activities));
    part.push_section(visits(lang, activities));
    part.push_section(awards(lang, activities));
    part
}

/// Kinds down, years across, then the period's total; a last row with each year's total.
fn by_year_and_kind(lang: Lang, years: &[YearFigures], stats: &Stats) -> Section {
    let mut columns = vec![Column::new(labels::KIND_COL.pick(lang), 2.6)];
    columns.extend(years.iter().map(|y| Column::numeric(y.year.key.clone(), 0.8)));
    columns.push(Column::numeric(labels::TOTAL.pick(lang), 0.9));
    let mut table = Table::new(columns);
    let count_of = |counts: &[Count], kind: Kind| counts.iter().find(|c| c.key == kind.as_str()).map_or(0, |c| c.count);
    for kind in Kind::ALL {
        let total = count_of(&stats.by_kind, kind);
        if total == 0 {
            continue;
        }
        let mut row = vec![kind_plural(lang, kind).to_string()];
        row.extend(years.iter().map(|y| format_count(count_of(&y.stats.by_kind, kind) as f64)));
        row.push(format_count(total as f64));
        table.row(row);
    }
    let mut totals = vec![labels::TOTAL.pick(lang).to_string()];
    totals.extend(years.iter().map(|y| format_count(y.stats.total as f64)));
    totals.push(format_count(stats.total as f64));
    table.totals = Some(totals);

    let mut s = Section::new(labels::BY_YEAR_AND_KIND.pick(lang));
    s.push(Block::Table(table));
    s.push(Block::Note(labels::YEARS_NOTE.pick(lang).to_string()));
    let per_year: Vec<Count> = years.iter().map(|y| Count { key: y.year.key.clone(), count: y.stats.total }).collect();
    s.push(chart(&per_year));
    s
}

/// The region an agreement is counted under: its first country's (the counterpart's), so each
/// agreement counts once and the regions add up to the total.
fn region_of(lang: Lang, a: &Activity) -> String {
    a.countries
        .iter()
        .find_map(|c| crate::reference::country(c))
        .map_or_else(|| labels::NO_COUNTRY.pick(lang).to_string(), |c| lang.pick(&c.region.name_es, &c.region.name_en).to_string())
}

/// Agreements by world region with their total, then each agreement under its region.
fn agreements_by_region(lang: Lang, activities: &[Activity]) -> Section {
    let agreements: Vec<&Activity> = activities.iter().filter(|a| a.kind == Kind::Agreement).collect();
    let mut by_region: BTreeMap<String, Vec<&Activity>> = BTreeMap::new();
    for a in &agreements {
        by_region.entry(region_of(lang, a)).or_default().push(a);
    }
    let mut regions: Vec<(String, Vec<&Activity>)> = by_region.into_iter().collect();
    // Most agreements first, "no country recorded" last.
    let no_country = labels::NO_COUNTRY.pick(lang);
    regions.sort_by_cached_key(|(region, items)| (region == no_country, std::cmp::Reverse(items.len()), crate::text::fold(region)));

    let mut counts = Table::new(vec![Column::new(labels::REGION_COL.pick(lang), 3.0), Column::numeric(labels::AGREEMENTS_COL.pick(lang), 1.0)]);
    for (region, items) in &regions {
        counts.row([region.clone(), format_count(items.len() as f64)]);
    }
    counts.totals = Some(vec![labels::TOTAL.pick(lang).to_string(), format_count(agreements.len() as f64)]);

    let mut list = Table::new(vec![
        Column::new(labels::REGION_COL.pick(lang), 1.5),
        Column::new(labels::COUNTERPART_COL.pick(lang), 2.2),
        Column::new(labels::COUNTRY_COL.pick(lang), 1.2),
        Column::new(labels::YEAR_COL.pick(lang), 0.6),
        Column::new(labels::KIND_COL.pick(lang), 1.5),
    ]);
    for (region, items) in &regions {
        for a in items {
            let d = &a.details;
            let year = d.signed_on.as_ref().unwrap_or(&a.start).year_number();
            let kind = d.agreement_type.as_deref().map(|c| words::choice(lang, "agreement_type", c)).unwrap_or_default();
            list.row([region.clone(), words::counterparts(a), words::countries(lang, &a.countries), year.to_string(), kind]);
        }
    }
    let mut s = Section::new(labels::AGREEMENTS_BY_REGION.pick(lang));
    s.push(Block::Table(counts));
    s.push(chart(&regions.iter().map(|(r, items)| Count { key: r.clone(), count: items.len() as u64 }).collect::<Vec<_>>()));
    s.push(Block::Table(list));
    s
}

/// The city networks the city took part in, from the network activities' details: each
/// network with the roles it held (body and term) and the years of its activities.
fn networks(lang: Lang, activities: &[Activity]) -> Section {
    struct Network<'a> {
        name: &'a str,
        roles: Vec<String>,
        years: Vec<i32>,
        activities: usize,
    }
    let mut networks: Vec<Network> = Vec::new();
    for a in activities.iter().filter(|a| a.kind == Kind::Network) {
        let Some(name) = a.details.network.as_deref().map(str::trim).filter(|n| !n.is_empty()) else { continue };
        let at = match networks.iter().position(|n| crate::text::fold(n.name) == crate::text::fold(name)) {
            Some(at) => at,
            None => {
                networks.push(Network { name, roles: Vec::new(), years: Vec::new(), activities: 0 });
                networks.len() - 1
            }
        };
        let n = &mut networks[at];
        n.activities += 1;
        let year = a.start.year_number();
        if !n.years.contains(&year) {
            n.years.push(year);
        }
        let d = &a.details;
        let role = [d.role.as_deref(), d.body.as_deref().map(|b| format!("({b})")).as_deref(), d.term.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !role.is_empty() && !n.roles.contains(&role) {
            n.roles.push(role);
        }
    }
    networks.sort_by_key(|n| crate::text::fold(n.name));
    let mut table = Table::new(vec![
        Column::new(labels::NETWORK_COL.pick(lang), 1.8),
        Column::new(labels::ROLES_COL.pick(lang), 2.6),
        Column::new(labels::YEARS_COL.pick(lang), 1.2),
        Column::numeric(labels::ACTIVITIES_COL.pick(lang), 0.9),
    ]);
    for n in &networks {
        let mut years = n.years.clone();
        years.sort_unstable();
        let years: Vec<String> = years.iter().map(i32::to_string).collect();
        table.row([n.name.to_string(), n.roles.join("\n"), years.join(", "), format_count(n.activities as f64)]);
    }
    let mut s = Section::new(labels::NETWORKS.pick(lang));
    if !networks.is_empty() {
        s.push(Block::Paragraph(labels::NETWORKS_SENTENCE.pick(lang)(networks.len())));
    }
    s.push(Block::Table(table));
    s
}

/// Delegations received in the city, by the year and month they arrived.
fn visits(lang: Lang, activities: &[Activity]) -> Section {
    let mut by_year: BTreeMap<i32, [u64; 12]> = BTreeMap::new();
    for a in activities.iter().filter(|a| a.kind == Kind::Delegation && a.details.direction.as_deref() == Some("incoming")) {
        let first = a.start.first_day();
        by_year.entry(a.start.year_number()).or_default()[chrono::Datelike::month0(&first) as usize] += 1;
    }
    let mut columns = vec![Column::new(labels::YEAR_COL.pick(lang), 0.9)];
    columns.extend(labels::MONTHS_SHORT.pick(lang).iter().map(|m| Column::numeric(*m, 0.55)));
    columns.push(Column::numeric(labels::TOTAL.pick(lang), 0.8));
    let mut table = Table::new(columns);
    let mut per_month = [0u64; 12];
    let mut per_year = Vec::new();
    for (year, months) in &by_year {
        let total: u64 = months.iter().sum();
        let mut row = vec![year.to_string()];
        row.extend(months.iter().map(|n| if *n == 0 { String::new() } else { format_count(*n as f64) }));
        row.push(format_count(total as f64));
        table.row(row);
        months.iter().enumerate().for_each(|(m, n)| per_month[m] += n);
        per_year.push(Count { key: year.to_string(), count: total });
    }
    let mut totals = vec![labels::TOTAL.pick(lang).to_string()];
    totals.extend(per_month.iter().map(|n| format_count(*n as f64)));
    totals.push(format_count(per_month.iter().sum::<u64>() as f64));
    table.totals = Some(totals);
    let mut s = Section::new(labels::VISITS_BY_YEAR_AND_MONTH.pick(lang));
    s.push(Block::Table(table));
    s.push(chart(&per_year));
    s
}

/// Awards by the year they were granted, each with who granted it and its category.
fn awards(lang: Lang, activities: &[Activity]) -> Section {
    let awards: Vec<&Activity> = activities.iter().filter(|a| a.kind == Kind::Award).collect();
    let mut table = Table::new(vec![
        Column::new(labels::YEAR_COL.pick(lang), 0.6),
        Column::new(labels::AWARD_COL.pick(lang), 2.4),
        Column::new(labels::GRANTED_BY_COL.pick(lang), 1.8),
        Column::new(labels::CATEGORY_COL.pick(lang), 1.4),
    ]);
    let mut per_year: Vec<Count> = Vec::new();
    for a in &awards {
        let year = a.start.year_number().to_string();
        let d = &a.details;
        table.row([year.clone(), d.award_name.clone().unwrap_or_else(|| words::title(lang, a)), d.granted_by.clone().unwrap_or_default(), d.category.clone().unwrap_or_default()]);
        match per_year.iter_mut().find(|c| c.key == year) {
            Some(c) => c.count += 1,
            None => per_year.push(Count { key: year, count: 1 }),
        }
    }
    table.totals = Some(vec![labels::TOTAL.pick(lang).to_string(), labels::AWARDS_TOTAL.pick(lang)(awards.len())]);
    let mut s = Section::new(labels::AWARDS_BY_YEAR.pick(lang));
    s.push(chart(&per_year));
    s.push(Block::Table(table));
    s
}

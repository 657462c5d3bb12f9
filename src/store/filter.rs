//! Listing and searching activities: filters that combine, sorting, pages.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::params_from_iter;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{load, Result};
use crate::domain::{Activity, Kind, Modality, Status};

/// Order of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Sort {
    #[default]
    DateDesc,
    DateAsc,
    Title,
    Kind,
    UpdatedDesc,
    /// Best full-text match first (falls back to newest first without search text).
    Relevance,
}

/// Which activities to list. Every criterion given must hold; lists within one criterion
/// (several kinds, several countries) match any of their values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct Filter {
    /// Full-text search, accent- and case-insensitive, prefix matching each word.
    pub text: Option<String>,
    /// The period from..=to (either end may be open). An activity is in the period when it
    /// takes place in it at any time: it starts on or before `to` and ends (or, undated at its
    /// end, starts) on or after `from`. Lists, counts and charts all use this one rule.
    #[ts(type = "string")]
    pub from: Option<NaiveDate>,
    #[ts(type = "string")]
    pub to: Option<NaiveDate>,
    pub kinds: Vec<Kind>,
    /// ISO alpha-2 codes.
    pub countries: Vec<String>,
    /// World regions or subregions by UN M49 code ("419", "030"): activities with a country in
    /// any of them.
    pub regions: Vec<String>,
    /// Axis names.
    pub axes: Vec<String>,
    /// Organisation id.
    pub organisation: Option<String>,
    /// Person id.
    pub person: Option<String>,
    /// Any of these statuses; empty: any status.
    pub statuses: Vec<Status>,
    pub modality: Option<Modality>,
    /// List the trash instead of live records.
    pub trash: bool,
    pub sort: Sort,
    pub limit: Option<u32>,
    pub offset: u32,
}

impl Filter {
    /// The same filter, its period narrowed to `from..=to` (a month or year of a chart): the
    /// activities of one bar.
    pub fn narrowed_to(&self, from: NaiveDate, to: NaiveDate) -> Filter {
        Filter {
            from: Some(self.from.map_or(from, |f| f.max(from))),
            to: Some(self.to.map_or(to, |t| t.min(to))),
            limit: None,
            offset: 0,
            ..self.clone()
        }
    }
}

/// One page of a listing, with the number of matches in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub offset: u32,
}

/// Turns typed words into an FTS5 query: each word quoted and prefix-matched, all required.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = crate::text::fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The tables a filter reads: activities alone, or joined with the search index (`s`) when
/// there is search text, so matching and ranking happen in one pass over the index.
pub(crate) fn from_clause(f: &Filter) -> &'static str {
    if f.text.as_deref().and_then(fts_query).is_some() {
        "activity_search s JOIN activities a ON a.seq = s.rowid"
    } else {
        "activities a"
    }
}

/// The WHERE clause (over [`from_clause`]) and its parameters for a filter.
pub(crate) fn where_clause(f: &Filter) -> (String, Vec<Value>) {
    let mut sql = vec![if f.trash { "a.deleted_at IS NOT NULL" } else { "a.deleted_at IS NULL" }.to_string()];
    let mut params: Vec<Value> = Vec::new();
    let mut any_of = |sql: &mut Vec<String>, template: &str, values: Vec<String>| {
        if !values.is_empty() {
            sql.push(template.replace("{list}", &vec!["?"; values.len()].join(",")));
            params.extend(values.into_iter().map(Value::Text));
        }
    };
    if let Some(q) = f.text.as_deref().and_then(fts_query) {
        any_of(&mut sql, "activity_search MATCH {list}", vec![q]);
    }
    if let Some(from) = f.from {
        any_of(&mut sql, "a.span_end >= {list}", vec![from.to_string()]);
    }
    if let Some(to) = f.to {
        any_of(&mut sql, "a.start_date <= {list}", vec![to.to_string()]);
    }
    any_of(&mut sql, "a.kind IN ({list})", f.kinds.iter().map(|k| k.as_str().to_string()).collect());
    any_of(
        &mut sql,
        "a.id IN (SELECT activity_id FROM activity_countries WHERE country IN ({list}))",
        f.countries.iter().map(|c| c.to_uppercase()).collect(),
    );
    if !f.regions.is_empty() {
        // A region that no country belongs to selects nothing, not everything.
        let members: Vec<String> = f
            .regions
            .iter()
            .flat_map(|r| crate::reference::countries_in_region(r))
            .map(str::to_string)
            .chain(std::iter::once(String::new()))
            .collect();
        any_of(&mut sql, "a.id IN (SELECT activity_id FROM activity_countries WHERE country IN ({list}))", members);
    }
    any_of(
        &mut sql,
        "a.axis_id IN (SELECT id FROM axes WHERE name_key IN ({list}))",
        f.axes.iter().map(|a| crate::text::fold(a)).collect(),
    );
    any_of(
        &mut sql,
        "a.id IN (SELECT activity_id FROM activity_organisations WHERE organisation_id IN ({list}))",
        f.organisation.iter().cloned().collect(),
    );
    any_of(
        &mut sql,
        "a.id IN (SELECT activity_id FROM activity_people WHERE person_id IN ({list}))",
        f.person.iter().cloned().collect(),
    );
    any_of(&mut sql, "a.status IN ({list})", f.statuses.iter().map(|s| s.as_str().to_string()).collect());
    any_of(&mut sql, "a.modality IN ({list})", f.modality.iter().map(|m| m.as_str().to_string()).collect());
    (sql.join(" AND "), params)
}

fn order_by(f: &Filter) -> &'static str {
    match f.sort {
        Sort::DateDesc => "a.start_date DESC, a.seq DESC",
        Sort::DateAsc => "a.start_date, a.seq",
        Sort::Title => "a.title_key, a.start_date",
        Sort::Kind => "a.kind, a.start_date DESC",
        Sort::UpdatedDesc => "a.updated_at DESC, a.seq DESC",
        Sort::Relevance if f.text.as_deref().and_then(fts_query).is_some() => "s.rank, a.start_date DESC",
        Sort::Relevance => "a.start_date DESC, a.seq DESC",
    }
}

/// Above this many index matches, a search walks the activities in the order asked instead
/// of reading every matching row: thousands of matches would each read a wide row (summary,
/// details) only to be sorted and dropped, while the walk reads narrow index entries and stops
/// once the page is full.
const WALK_ABOVE: i64 = 2_000;

/// The tables and WHERE clause for a search that walks the activities: the filter's other
/// criteria, and membership in the index's matches (`+` keeps SQLite from reading the matches
/// row by row, so it walks an index of the activities and probes the set of matches).
fn walk_clause(f: &Filter, fts: String) -> (&'static str, String, Vec<Value>) {
    let (sql, mut params) = where_clause(&Filter { text: None, ..f.clone() });
    params.push(Value::Text(fts));
    ("activities a", format!("{sql} AND +a.seq IN (SELECT rowid FROM activity_search WHERE activity_search MATCH ?)"), params)
}

/// The filter has search text and nothing else: its count is the index's (trashed records are
/// never indexed).
fn text_alone(f: &Filter) -> bool {
    !f.trash && Filter { text: None, sort: Sort::default(), limit: None, offset: 0, ..f.clone() } == Filter::default()
}

/// The tables, WHERE clause and parameters for a filter: searches over many matches walk
/// (unless ranked by relevance, which needs the index's rank).
fn clauses(f: &Filter, matches: Option<(String, i64)>, ranked: bool) -> (&'static str, String, Vec<Value>) {
    match matches {
        Some((fts, n)) if n > WALK_ABOVE && !ranked => walk_clause(f, fts),
        _ => {
            let (sql, params) = where_clause(f);
            (from_clause(f), sql, params)
        }
    }
}

impl super::Store {
    /// How many records the index matches for the filter's search text, if it has any.
    fn text_matches(&self, f: &Filter) -> Result<Option<(String, i64)>> {
        let Some(fts) = f.text.as_deref().and_then(fts_query) else { return Ok(None) };
        let n = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM activity_search WHERE activity_search MATCH ?1")?
            .query_row([&fts], |r| r.get(0))?;
        Ok(Some((fts, n)))
    }

    /// Ids of the matching activities, in order, for one page (or all without a limit).
    pub(crate) fn matching_ids(&self, f: &Filter) -> Result<(Vec<String>, u64)> {
        let matches = self.text_matches(f)?;
        let total = self.counts.get_or(&self.conn, f, || self.count_with(f, matches.clone()))?;
        let (from, where_sql, params) = clauses(f, matches, f.sort == Sort::Relevance);
        let limit = f.limit.map(i64::from).unwrap_or(-1);
        let sql = format!(
            "SELECT a.id FROM {from} WHERE {where_sql} ORDER BY {} LIMIT {limit} OFFSET {}",
            order_by(f),
            f.offset
        );
        let ids = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(params.iter()), |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok((ids, total))
    }

    /// How many activities a filter selects (what `list` gives as `total`).
    pub fn count(&self, f: &Filter) -> Result<u64> {
        let matches = self.text_matches(f)?;
        self.counts.get_or(&self.conn, f, || self.count_with(f, matches))
    }

    fn count_with(&self, f: &Filter, matches: Option<(String, i64)>) -> Result<u64> {
        if let Some((_, n)) = matches.as_ref().filter(|_| text_alone(f)) {
            return Ok(*n as u64);
        }
        let (from, where_sql, params) = clauses(f, matches, false);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM {from} WHERE {where_sql}"))?
            .query_row(params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(total as u64)
    }

    /// The activities a filter selects, one page at a time.
    pub fn list(&self, f: &Filter) -> Result<Page<Activity>> {
        let (ids, total) = self.matching_ids(f)?;
        Ok(Page { items: load::activities(&self.conn, &ids, f.trash)?, total, offset: f.offset })
    }

    /// Full-text search combined with the filter's other criteria, in the filter's order: a
    /// search is sorted like any list (newest first by default); best matches first only when
    /// the filter asks for [`Sort::Relevance`].
    pub fn search(&self, text: &str, f: &Filter) -> Result<Page<Activity>> {
        let f = Filter { text: Some(text.to_string()), ..f.clone() };
        self.list(&f)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn search_words_are_folded_quoted_and_prefixed() {
        assert_eq!(fts_query("Perú  México").as_deref(), Some("\"peru\"* \"mexico\"*"));
        assert_eq!(fts_query("\"; DROP TABLE"), Some("\"drop\"* \"table\"*".into()));
        assert_eq!(fts_query(" .. "), None);
    }
}

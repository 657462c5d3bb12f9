//! Listing and searching activities: filters that combine, sorting, pages.

use std::collections::HashSet;

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

/// Above this many index matches, a search walks the activities in the order asked and keeps
/// those in the set of matches, read once into memory, instead of reading every matching row
/// only to sort it (thousands of wide rows read and dropped) or handing SQLite the set to
/// build again as a temporary index (a third of a search's time). Fewer matches, and any search
/// sorted by relevance (which needs the index's rank), read the matches through the index.
const WALK_ABOVE: usize = 2_000;

/// The filter has search text and nothing else: its count is the index's (trashed records are
/// never indexed).
fn text_alone(f: &Filter) -> bool {
    !f.trash && Filter { text: None, sort: Sort::default(), limit: None, offset: 0, ..f.clone() } == Filter::default()
}

/// The rows (`activities.seq`) the index matches for a filter's search text.
type Matches = HashSet<i64>;

/// The filter's criteria other than its text, over the activities alone.
fn without_text(f: &Filter) -> (String, Vec<Value>) {
    where_clause(&Filter { text: None, ..f.clone() })
}

/// Matches to walk rather than read through the index.
fn to_walk(matches: Option<&Matches>) -> Option<&Matches> {
    matches.filter(|m| m.len() > WALK_ABOVE)
}

impl super::Store {
    /// The index's matches for the filter's search text, if it has any.
    fn text_matches(&self, f: &Filter) -> Result<Option<Matches>> {
        let Some(fts) = f.text.as_deref().and_then(fts_query) else { return Ok(None) };
        let mut stmt = self.conn.prepare_cached("SELECT rowid FROM activity_search WHERE activity_search MATCH ?1")?;
        let rows = stmt.query_map([&fts], |r| r.get(0))?;
        Ok(Some(rows.collect::<Result<_, _>>()?))
    }

    /// Ids of the matching activities, in order, for one page (or all without a limit).
    pub(crate) fn matching_ids(&self, f: &Filter) -> Result<(Vec<String>, u64)> {
        let matches = self.text_matches(f)?;
        let total = self.counts.get_or(&self.conn, f, || self.count_with(f, matches.as_ref()))?;
        let (skip, take) = (f.offset as usize, f.limit.map_or(usize::MAX, |l| l as usize));
        if let Some(set) = to_walk(matches.as_ref()).filter(|_| f.sort != Sort::Relevance) {
            let (where_sql, params) = without_text(f);
            let sql = format!("SELECT a.seq, a.id FROM activities a WHERE {where_sql} ORDER BY {}", order_by(f));
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(params_from_iter(params.iter()))?;
            let (mut ids, mut found) = (Vec::new(), 0);
            while ids.len() < take {
                let Some(row) = rows.next()? else { break };
                if set.contains(&row.get(0)?) {
                    if found >= skip {
                        ids.push(row.get(1)?);
                    }
                    found += 1;
                }
            }
            return Ok((ids, total));
        }
        let (where_sql, params) = where_clause(f);
        let limit = take.min(i64::MAX as usize) as i64;
        let sql = format!(
            "SELECT a.id FROM {} WHERE {where_sql} ORDER BY {} LIMIT {limit} OFFSET {skip}",
            from_clause(f),
            order_by(f),
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
        self.counts.get_or(&self.conn, f, || self.count_with(f, matches.as_ref()))
    }

    fn count_with(&self, f: &Filter, matches: Option<&Matches>) -> Result<u64> {
        if let Some(set) = matches.filter(|_| text_alone(f)) {
            return Ok(set.len() as u64);
        }
        if let Some(set) = to_walk(matches) {
            let (where_sql, params) = without_text(f);
            let mut stmt = self.conn.prepare_cached(&format!("SELECT a.seq FROM activities a WHERE {where_sql}"))?;
            let mut rows = stmt.query(params_from_iter(params.iter()))?;
            let mut total = 0;
            while let Some(row) = rows.next()? {
                total += u64::from(set.contains(&row.get(0)?));
            }
            return Ok(total);
        }
        let (where_sql, params) = where_clause(f);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM {} WHERE {where_sql}", from_clause(f)))?
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

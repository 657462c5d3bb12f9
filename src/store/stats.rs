//! Figures over a filtered set of activities: the quantitative part of a period report.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::params_from_iter;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::filter::{from_clause, where_clause, Filter};
use super::{Result, StoreError};
use crate::domain::decimal::{checked_total, CEILING};

/// A label and how many activities carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// Counts by kind, country, axis and month, with participants trained and financing received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Stats {
    pub total: u64,
    pub by_kind: Vec<Count>,
    /// ISO alpha-2 codes, most frequent first.
    pub by_country: Vec<Count>,
    /// World regions by UN M49 code, most frequent first: an activity counts once in each
    /// region one of its countries belongs to.
    pub by_region: Vec<Count>,
    /// Axis names; activities with no axis count under "".
    pub by_axis: Vec<Count>,
    /// Every month of the filter's period, in order, empty ones included: how many activities
    /// take place in it (the period rule of [`Filter`]: an activity counts in each month it
    /// overlaps, so a year-long project counts in twelve).
    pub by_month: Vec<PeriodCount>,
    /// The same by calendar year.
    pub by_year: Vec<PeriodCount>,
    pub participants_trained: u64,
    /// Financing received, per ISO 4217 currency.
    pub financing: Vec<MoneyTotal>,
}

/// How many activities take place in one month or year of a filter's period, and the exact
/// dates that list them: listing with `from`/`to` (and the rest of the filter) shows `count`
/// activities. `from`/`to` are the month or year narrowed to the filter's own period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodCount {
    /// `YYYY-MM` for a month, `YYYY` for a year.
    pub key: String,
    pub count: u64,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

/// Past this many buckets (a record dated far in the future), the series stops.
const MAX_BUCKETS: usize = 600;

/// How many financings in one currency, and their exact total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoneyTotal {
    pub currency: String,
    pub count: u64,
    /// Exact decimal, e.g. "328000.00".
    pub total: String,
}

impl super::Store {
    pub fn stats(&self, f: &Filter) -> Result<Stats> {
        let (where_sql, params) = where_clause(f);
        let from = from_clause(f);
        let counts = |select: &str, from_extra: &str| -> Result<Vec<Count>> {
            let sql = format!(
                "SELECT {select} AS key, COUNT(*) AS n FROM {from} {from_extra} WHERE {where_sql} GROUP BY key ORDER BY n DESC, key"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
                Ok(Count { key: r.get::<_, Option<String>>(0)?.unwrap_or_default(), count: r.get::<_, i64>(1)? as u64 })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        let by_kind = counts("a.kind", "")?;
        let by_country = counts("c.country", "JOIN activity_countries c ON c.activity_id = a.id")?;
        let by_region = self.region_counts(f)?;
        let by_axis = counts("x.name", "LEFT JOIN axes x ON x.id = a.axis_id")?;
        let by_month = self.period_counts(f, Step::Month)?;
        let by_year = self.period_counts(f, Step::Year)?;
        let total = by_kind.iter().map(|c| c.count).sum();

        let participants: i64 = self.conn.query_row(
            &format!(
                "SELECT COALESCE(SUM(json_extract(a.details, '$.participants')), 0) FROM {from}
                 WHERE {where_sql} AND a.kind = 'training'"
            ),
            params_from_iter(params.iter()),
            |r| r.get(0),
        )?;

        // Amounts are summed as exact decimals in Rust, not as floating point in SQL.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT json_extract(a.details, '$.currency'), json_extract(a.details, '$.amount') FROM {from}
             WHERE {where_sql} AND a.kind = 'financing'"
        ))?;
        let mut amounts: BTreeMap<String, Vec<Decimal>> = Default::default();
        let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            if let (Some(cur), Some(amount)) = row? {
                amounts.entry(cur).or_default().push(amount.parse().unwrap_or_default());
            }
        }
        let mut financing = Vec::with_capacity(amounts.len());
        for (currency, values) in amounts {
            let count = values.len() as u64;
            let total = checked_total(values).ok_or_else(|| {
                StoreError::TooLarge(crate::Text::new(
                    format!("la suma de los {count} financiamientos en {currency} pasa del máximo que Enlace puede sumar ({CEILING}); revise sus montos"),
                    format!("the sum of the {count} financings in {currency} is past the largest total Enlace can add ({CEILING}); check their amounts"),
                ))
            })?;
            financing.push(MoneyTotal { currency, count, total: total.to_string() });
        }
        Ok(Stats {
            total,
            by_kind,
            by_country,
            by_region,
            by_axis,
            by_month,
            by_year,
            participants_trained: participants as u64,
            financing,
        })
    }

    /// How many activities match `f` in each world region: an activity counts once in each
    /// region one of its countries belongs to. Its countries are read and placed in their
    /// regions here, from the reference data (a join with the regions in SQL would scan them
    /// for every row).
    fn region_counts(&self, f: &Filter) -> Result<Vec<Count>> {
        let (where_sql, params) = where_clause(f);
        let from = from_clause(f);
        let mut stmt =
            self.conn.prepare(&format!("SELECT a.seq, c.country FROM {from} JOIN activity_countries c ON c.activity_id = a.id WHERE {where_sql}"))?;
        let rows = stmt.query_map(params_from_iter(params.iter()), |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut region_of: std::collections::HashMap<String, Option<&'static str>> = Default::default();
        let mut seen: std::collections::HashSet<(i64, &'static str)> = Default::default();
        let mut counts: BTreeMap<&'static str, u64> = BTreeMap::new();
        for row in rows {
            let (activity, country) = row?;
            let region =
                *region_of.entry(country).or_insert_with_key(|code| crate::reference::country(code).map(|c| c.region.code.as_str()));
            if let Some(region) = region {
                if seen.insert((activity, region)) {
                    *counts.entry(region).or_default() += 1;
                }
            }
        }
        let mut out: Vec<Count> = counts.into_iter().map(|(key, count)| Count { key: key.to_string(), count }).collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        Ok(out)
    }

    /// How many activities match `f` in each month or year of its period. The period runs from
    /// the filter's `from` (or, open, the earliest matching start) to its `to` (or the latest
    /// matching end), empty months included; each bucket counts what the listing's own filter
    /// narrowed to it lists.
    ///
    /// The matching activities' spans are read once and each is counted in the run of buckets
    /// it overlaps: the same count as listing each bucket, since an activity that takes place in
    /// the period and in a month takes place in the part of that month inside the period (two
    /// intervals that each meet a third, and meet each other, share a point), in one pass
    /// rather than one query per month of a ten-year period.
    fn period_counts(&self, f: &Filter, step: Step) -> Result<Vec<PeriodCount>> {
        let (where_sql, params) = where_clause(f);
        let from = from_clause(f);
        let mut stmt = self.conn.prepare(&format!("SELECT a.start_date, a.span_end FROM {from} WHERE {where_sql}"))?;
        let spans: Vec<(NaiveDate, NaiveDate)> = stmt
            .query_map(params_from_iter(params.iter()), |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|row| row.ok().and_then(|(start, end)| Some((start.parse().ok()?, end.parse().ok()?))))
            .collect();
        let first = spans.iter().map(|(start, _)| *start).min();
        let last = spans.iter().map(|(_, end)| *end).max();
        let (Some(lo), Some(hi)) = (f.from.or(first), f.to.or(last)) else {
            return Ok(Vec::new());
        };
        let mut buckets: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        let mut start = step.start_of(lo);
        while start <= hi && buckets.len() < MAX_BUCKETS {
            let next = step.next(start);
            buckets.push((start, next.pred_opt().unwrap_or(next)));
            start = next;
        }
        let mut counts = vec![0u64; buckets.len()];
        for (start, end) in spans {
            let first = buckets.partition_point(|(_, bucket_end)| *bucket_end < start);
            let past = buckets.partition_point(|(bucket_start, _)| *bucket_start <= end);
            counts.iter_mut().take(past).skip(first).for_each(|n| *n += 1);
        }
        Ok(buckets
            .into_iter()
            .zip(counts)
            .map(|((start, end), count)| {
                let bucket = f.narrowed_to(start, end);
                PeriodCount { key: step.key(start), count, from: bucket.from.unwrap_or(start), to: bucket.to.unwrap_or(end) }
            })
            .collect())
    }
}

#[derive(Clone, Copy)]
enum Step {
    Month,
    Year,
}

impl Step {
    fn start_of(self, d: NaiveDate) -> NaiveDate {
        match self {
            Step::Month => d.with_day(1),
            Step::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1),
        }
        .expect("the first day of a month exists")
    }

    fn next(self, d: NaiveDate) -> NaiveDate {
        let months = match self {
            Step::Month => 1,
            Step::Year => 12,
        };
        d.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
    }

    fn key(self, d: NaiveDate) -> String {
        match self {
            Step::Month => d.format("%Y-%m").to_string(),
            Step::Year => d.format("%Y").to_string(),
        }
    }
}

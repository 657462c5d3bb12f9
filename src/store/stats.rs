//! Figures over a filtered set of activities: the quantitative part of a period report.

use std::collections::BTreeMap;

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
    /// Axis names; activities with no axis count under "".
    pub by_axis: Vec<Count>,
    /// `YYYY-MM` of the start date, in order.
    pub by_month: Vec<Count>,
    pub participants_trained: u64,
    /// Financing received, per ISO 4217 currency.
    pub financing: Vec<MoneyTotal>,
}

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
        let counts = |select: &str, from_extra: &str, order: &str| -> Result<Vec<Count>> {
            let sql = format!(
                "SELECT {select} AS key, COUNT(*) FROM {from} {from_extra} WHERE {where_sql} GROUP BY key ORDER BY {order}"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
                Ok(Count { key: r.get::<_, Option<String>>(0)?.unwrap_or_default(), count: r.get::<_, i64>(1)? as u64 })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        let by_kind = counts("a.kind", "", "COUNT(*) DESC, key")?;
        let by_country = counts("c.country", "JOIN activity_countries c ON c.activity_id = a.id", "COUNT(*) DESC, key")?;
        let by_axis = counts("x.name", "LEFT JOIN axes x ON x.id = a.axis_id", "COUNT(*) DESC, key")?;
        let by_month = counts("substr(a.start_date, 1, 7)", "", "key")?;
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
            by_axis,
            by_month,
            participants_trained: participants as u64,
            financing,
        })
    }
}

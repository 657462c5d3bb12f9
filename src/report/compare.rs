//! A period beside the one before it: each summary figure of the report (activities,
//! countries, people trained, financing by currency, activities of each kind) with the same
//! figure of the previous comparable period and the difference.
//!
//! The previous comparable period has the same length and ends the day before: a semester's
//! is the semester before, a year's the year before, whole months step back by months (so
//! July–December compares with January–June, not with a span of 184 days), any other span by
//! its number of days.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use crate::domain::{Kind, PartialDate};
use crate::store::{Count, Stats};

use super::labels;
use super::words::{self, kind_plural};
use super::{format_amount, format_count, Block, Column, Lang, Section, Table};

/// The previous comparable period and its figures (over the report's filter otherwise).
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub stats: Stats,
}

/// The period of the same length that ends the day before `from`.
pub fn previous_period(from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate) {
    let whole_months = from.day() == 1 && to.succ_opt().is_some_and(|next| next.day() == 1);
    if whole_months {
        let months = (to.year() - from.year()) as u32 * 12 + to.month() - from.month() + 1;
        if let Some(start) = from.checked_sub_months(Months::new(months)) {
            return (start, from.pred_opt().unwrap_or(from));
        }
    }
    let days = (to - from).num_days() + 1;
    let end = from.pred_opt().unwrap_or(from);
    (end - chrono::Duration::days(days - 1), end)
}

/// "+5", "−3", "0": a difference with its sign.
fn signed(delta: i128, shown: String) -> String {
    match delta.signum() {
        1 => format!("+{shown}"),
        -1 => format!("−{}", shown.trim_start_matches('-')),
        _ => shown,
    }
}

/// A count's difference with the share of the previous figure it is: "+5 (+25.0 %)".
pub(crate) fn count_delta(now: u64, before: u64) -> String {
    let delta = now as i128 - before as i128;
    let figure = signed(delta, format_count(delta as f64));
    if before == 0 || delta == 0 {
        return figure;
    }
    let share = 100.0 * delta as f64 / before as f64;
    format!("{figure} ({}{share:.1} %)", if share > 0.0 { "+" } else { "" }).replace("-", "−")
}

fn amount_delta(now: Decimal, before: Decimal, currency: &str) -> String {
    let delta = now - before;
    let sign = if delta.is_zero() { 0 } else if delta.is_sign_negative() { -1 } else { 1 };
    signed(sign, format_amount(delta, currency))
}

/// The comparison table: this period, the previous one and the difference, figure by figure.
pub(crate) fn comparison(lang: Lang, stats: &Stats, previous: &PreviousPeriod) -> Section {
    let before_period = words::range(lang, &PartialDate::day(previous.from), Some(&PartialDate::day(previous.to)));
    let mut table = Table::new(vec![
        Column::new(labels::FIGURE_COL.pick(lang), 2.4),
        Column::numeric(labels::THIS_PERIOD_COL.pick(lang), 1.2),
        Column::numeric(labels::PREVIOUS_PERIOD_COL.pick(lang), 1.2),
        Column::numeric(labels::DIFFERENCE_COL.pick(lang), 1.4),
    ]);
    let before = &previous.stats;
    let mut counts = vec![
        (labels::ACTIVITIES_FIGURE.pick(lang).to_string(), stats.total, before.total),
        (labels::COUNTRIES_FIGURE.pick(lang).to_string(), stats.by_country.len() as u64, before.by_country.len() as u64),
    ];
    if stats.participants_trained + before.participants_trained > 0 {
        counts.push((labels::TRAINED_FIGURE.pick(lang).to_string(), stats.participants_trained, before.participants_trained));
    }
    let of_kind = |counts: &[Count], kind: Kind| counts.iter().find(|c| c.key == kind.as_str()).map_or(0, |c| c.count);
    for kind in Kind::ALL {
        let (now, then) = (of_kind(&stats.by_kind, kind), of_kind(&before.by_kind, kind));
        if now + then > 0 {
            counts.push((kind_plural(lang, kind).to_string(), now, then));
        }
    }
    for (label, now, then) in counts {
        table.row([words::capitalize(&label), format_count(now as f64), format_count(then as f64), count_delta(now, then)]);
    }
    let mut currencies: Vec<&str> = stats.financing.iter().chain(&before.financing).map(|m| m.currency.as_str()).collect();
    currencies.sort_unstable();
    currencies.dedup();
    let total_in = |s: &Stats, currency: &str| {
        s.financing.iter().find(|m| m.currency == currency).and_then(|m| m.total.parse::<Decimal>().ok()).unwrap_or_default()
    };
    for currency in currencies {
        let (now, then) = (total_in(stats, currency), total_in(before, currency));
        table.row([
            labels::FINANCING_IN.pick(lang)(currency),
            format_amount(now, currency),
            format_amount(then, currency),
            amount_delta(now, then, currency),
        ]);
    }
    let mut s = Section::new(labels::COMPARISON.pick(lang));
    s.push(Block::Note(labels::COMPARISON_NOTE.pick(lang)(&before_period)));
    s.push(Block::Table(table));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_previous_period_is_the_comparable_one_before() {
        assert_eq!(previous_period(d(2021, 7, 1), d(2021, 12, 31)), (d(2021, 1, 1), d(2021, 6, 30)));
        assert_eq!(previous_period(d(2021, 1, 1), d(2021, 6, 30)), (d(2020, 7, 1), d(2020, 12, 31)));
        assert_eq!(previous_period(d(2021, 1, 1), d(2021, 12, 31)), (d(2020, 1, 1), d(2020, 12, 31)));
        assert_eq!(previous_period(d(2021, 3, 1), d(2021, 3, 31)), (d(2021, 2, 1), d(2021, 2, 28)));
        assert_eq!(previous_period(d(2021, 3, 10), d(2021, 3, 19)), (d(2021, 2, 28), d(2021, 3, 9)));
    }

    #[test]
    fn differences_carry_their_sign_and_share() {
        assert_eq!(count_delta(25, 20), "+5 (+25.0 %)");
        assert_eq!(count_delta(15, 20), "−5 (−25.0 %)");
        assert_eq!(count_delta(20, 20), "0");
        assert_eq!(count_delta(3, 0), "+3");
        assert_eq!(amount_delta(Decimal::new(1000, 0), Decimal::new(1500, 0), "USD"), "−500 USD");
        assert_eq!(amount_delta(Decimal::new(2500, 0), Decimal::new(1500, 0), "USD"), "+1,000 USD");
    }
}

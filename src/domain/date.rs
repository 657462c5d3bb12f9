//! Dates as liaison offices know them: to the day, or only the month, or only the year.
//!
//! A [`PartialDate`] keeps its precision, so "octubre de 2021" stays a month and is never
//! printed as "1 de octubre de 2021". Written in interchange as `2021-10-27`, `2021-10` or `2021`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date known to the day, the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, TS)]
#[ts(export, type = "string")]
pub struct PartialDate {
    /// First day the date covers (the 1st of the month for a month, 1 January for a year).
    first: NaiveDate,
    precision: Precision,
}

/// Spanish month names, lower case, as used in es-MX prose.
pub const MONTHS_ES: [&str; 12] = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
];

/// English month names.
pub const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// A date string that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or names no real day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("fecha no válida: «{0}» (se espera AAAA-MM-DD, AAAA-MM o AAAA)")]
pub struct InvalidDate(pub String);

impl crate::Explain for InvalidDate {
    fn text(&self) -> crate::Text {
        crate::Text::new(self.to_string(), format!("invalid date: «{}» (expected YYYY-MM-DD, YYYY-MM or YYYY)", self.0))
    }

    fn code(&self) -> crate::ErrorCode {
        crate::ErrorCode::Invalid
    }
}

impl PartialDate {
    pub fn day(date: NaiveDate) -> Self {
        PartialDate { first: date, precision: Precision::Day }
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| PartialDate { first, precision: Precision::Month })
    }

    pub fn year(year: i32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, 1, 1).map(|first| PartialDate { first, precision: Precision::Year })
    }

    /// Rebuilds a date from its stored parts (first day and precision).
    pub fn from_parts(first: NaiveDate, precision: Precision) -> Self {
        match precision {
            Precision::Day => PartialDate::day(first),
            Precision::Month => PartialDate::month(first.year(), first.month()).expect("valid month"),
            Precision::Year => PartialDate::year(first.year()).expect("valid year"),
        }
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// Last day the date covers: the day itself, the month's last day, or 31 December.
    pub fn last_day(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.first,
            Precision::Month => {
                let (y, m) = if self.first.month() == 12 {
                    (self.first.year() + 1, 1)
                } else {
                    (self.first.year(), self.first.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).expect("valid month") - chrono::Days::new(1)
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.first.year(), 12, 31).expect("valid year"),
        }
    }

    pub fn year_number(&self) -> i32 {
        self.first.year()
    }

    /// es-MX prose: "27 de julio de 2021", "julio de 2021", "2021".
    pub fn format_es(&self) -> String {
        let month = MONTHS_ES[self.first.month0() as usize];
        match self.precision {
            Precision::Day => format!("{} de {} de {}", self.first.day(), month, self.first.year()),
            Precision::Month => format!("{} de {}", month, self.first.year()),
            Precision::Year => self.first.year().to_string(),
        }
    }

    /// English prose: "27 July 2021", "July 2021", "2021".
    pub fn format_en(&self) -> String {
        let month = MONTHS_EN[self.first.month0() as usize];
        match self.precision {
            Precision::Day => format!("{} {} {}", self.first.day(), month, self.first.year()),
            Precision::Month => format!("{} {}", month, self.first.year()),
            Precision::Year => self.first.year().to_string(),
        }
    }
}

/// A span of dates in Spanish prose, shortened the way reports write it:
/// "del 3 al 5 de agosto de 2021", "del 30 de julio al 2 de agosto de 2021",
/// "del 22 de noviembre de 2021 al 28 de enero de 2022".
pub fn format_range_es(start: &PartialDate, end: Option<&PartialDate>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return start.format_es();
    };
    let both_days = start.precision == Precision::Day && end.precision == Precision::Day;
    let (s, e) = (start.first, end.first);
    let both_months = start.precision == Precision::Month && end.precision == Precision::Month;
    if both_months && s.year() == e.year() {
        return format!("de {} a {} de {}", MONTHS_ES[s.month0() as usize], MONTHS_ES[e.month0() as usize], s.year());
    }
    if !both_days {
        return format!("de {} a {}", start.format_es(), end.format_es());
    }
    if s.year() != e.year() {
        format!("del {} al {}", start.format_es(), end.format_es())
    } else if s.month() != e.month() {
        format!("del {} de {} al {}", s.day(), MONTHS_ES[s.month0() as usize], end.format_es())
    } else {
        format!("del {} al {}", s.day(), end.format_es())
    }
}

/// The English counterpart of [`format_range_es`]: "3–5 August 2021".
pub fn format_range_en(start: &PartialDate, end: Option<&PartialDate>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return start.format_en();
    };
    let both_days = start.precision == Precision::Day && end.precision == Precision::Day;
    let (s, e) = (start.first, end.first);
    if both_days && s.year() == e.year() && s.month() == e.month() {
        format!("{}–{}", s.day(), end.format_en())
    } else if both_days && s.year() == e.year() {
        format!("{} {} – {}", s.day(), MONTHS_EN[s.month0() as usize], end.format_en())
    } else {
        format!("{} – {}", start.format_en(), end.format_en())
    }
}

impl FromStr for PartialDate {
    type Err = InvalidDate;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        let invalid = || InvalidDate(text.to_string());
        let parts: Vec<&str> = t.split('-').collect();
        let num = |s: &str, len: usize| -> Result<u32, InvalidDate> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| invalid())
            } else {
                Err(invalid())
            }
        };
        match parts.as_slice() {
            [y] => PartialDate::year(num(y, 4)? as i32).ok_or_else(invalid),
            [y, m] => PartialDate::month(num(y, 4)? as i32, num(m, 2)?).ok_or_else(invalid),
            [y, m, d] => NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)
                .map(PartialDate::day)
                .ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.first.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.first.format("%Y-%m")),
            Precision::Year => write!(f, "{}", self.first.format("%Y")),
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first, self.precision).cmp(&(other.first, other.precision))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_three_precisions_and_round_trips() {
        for s in ["2021-07-27", "2021-10", "2021"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("2021-10").precision(), Precision::Month);
        assert_eq!(d("2021-02").last_day().to_string(), "2021-02-28");
        assert_eq!(d("2021").last_day().to_string(), "2021-12-31");
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in ["2021-08-81", "2021-13", "21-07-27", "27/07/2021", "", "2021-7-1"] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn spanish_prose() {
        assert_eq!(d("2021-07-27").format_es(), "27 de julio de 2021");
        assert_eq!(d("2021-10").format_es(), "octubre de 2021");
        assert_eq!(format_range_es(&d("2021-08-03"), Some(&d("2021-08-05"))), "del 3 al 5 de agosto de 2021");
        assert_eq!(
            format_range_es(&d("2021-11-22"), Some(&d("2022-01-28"))),
            "del 22 de noviembre de 2021 al 28 de enero de 2022"
        );
        assert_eq!(
            format_range_es(&d("2021-07-30"), Some(&d("2021-08-02"))),
            "del 30 de julio al 2 de agosto de 2021"
        );
        assert_eq!(format_range_es(&d("2021-07-27"), Some(&d("2021-07-27"))), "27 de julio de 2021");
        assert_eq!(format_range_es(&d("2021-07"), Some(&d("2021-12"))), "de julio a diciembre de 2021");
        assert_eq!(format_range_es(&d("2021-11"), Some(&d("2022-02"))), "de noviembre de 2021 a febrero de 2022");
    }

    #[test]
    fn english_prose() {
        assert_eq!(format_range_en(&d("2021-08-03"), Some(&d("2021-08-05"))), "3–5 August 2021");
        assert_eq!(d("2021-10").format_en(), "October 2021");
    }
}

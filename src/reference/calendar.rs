//! National days and international days placed on a given year's calendar.

use super::data::{countries, observances, Country, Observance};
use chrono::NaiveDate;

/// Every country's national day in `year`, sorted by date (then alpha-2 code).
///
/// ```
/// let days = enlace::reference::national_days_in(2021);
/// let (date, peru) = days.iter().find(|(_, c)| c.code == "PE").unwrap();
/// assert_eq!((date.to_string().as_str(), peru.name_es.as_str()), ("2021-07-28", "Perú"));
/// ```
pub fn national_days_in(year: i32) -> Vec<(NaiveDate, &'static Country)> {
    let mut days: Vec<_> = countries()
        .iter()
        .filter_map(|c| {
            let day = c.national_day.as_ref()?;
            Some((NaiveDate::from_ymd_opt(year, day.month, day.day)?, c))
        })
        .collect();
    days.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
    days
}

/// The international days of `year`, sorted by date.
pub fn observances_in(year: i32) -> Vec<(NaiveDate, &'static Observance)> {
    let mut days: Vec<_> = observances()
        .iter()
        .filter_map(|o| Some((NaiveDate::from_ymd_opt(year, o.month, o.day)?, o)))
        .collect();
    days.sort_by_key(|(date, _)| *date);
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn every_national_day_is_a_valid_date_in_any_year() {
        let with_day = countries()
            .iter()
            .filter(|c| c.national_day.is_some())
            .count();
        assert!(with_day > 150, "only {with_day} national days");
        for year in [2021, 2024] {
            assert_eq!(
                national_days_in(year).len(),
                with_day,
                "an invalid date in {year}"
            );
        }
    }

    #[test]
    fn national_days_are_sorted_and_include_peru() {
        let days = national_days_in(2021);
        assert!(days.windows(2).all(|w| w[0].0 <= w[1].0));
        let peru = days
            .iter()
            .find(|(_, c)| c.code == "PE")
            .expect("Peru has a national day");
        assert_eq!(peru.0, NaiveDate::from_ymd_opt(2021, 7, 28).unwrap());
        assert!(days.iter().all(|(d, _)| d.year() == 2021));
    }

    #[test]
    fn observances_are_valid_and_sorted() {
        let days = observances_in(2021);
        assert_eq!(days.len(), observances().len());
        assert!(
            days.windows(2).all(|w| w[0].0 < w[1].0),
            "two observances on one day or out of order"
        );
        let orange = days
            .iter()
            .find(|(d, _)| *d == NaiveDate::from_ymd_opt(2021, 11, 25).unwrap())
            .expect("25 November is listed");
        assert_eq!(orange.1.colors_es.as_deref(), Some("naranja"));
    }
}

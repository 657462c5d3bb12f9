//! Round trips as specifications: what Enlace writes in prose, it reads back as the same
//! value. Dates go out in es-MX prose (`PartialDate::format_es`, `format_range_es`: reports,
//! briefs, exports) and come back in through the Spanish date reader (spreadsheets, pasted
//! report text).

use chrono::NaiveDate;
use enlace::domain::date::format_range_es;
use enlace::domain::{PartialDate, Precision};
use enlace::interop::spanish_dates::{parse_date, DateContext};
use proptest::prelude::*;

/// A date to the day, month or year between 1900 and 2100.
fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1900i32..=2100, 1u32..=12, 1u32..=31, 0u8..3).prop_map(|(y, m, d, p)| {
        let day = (1..=d).rev().find_map(|d| NaiveDate::from_ymd_opt(y, m, d)).expect("day 1 exists");
        let precision = [Precision::Day, Precision::Month, Precision::Year][p as usize];
        PartialDate::from_parts(day, precision)
    })
}

proptest! {
    #[test]
    fn a_date_written_in_spanish_reads_back_the_same(date in partial_date()) {
        let prose = date.format_es();
        let read = parse_date(&prose, &DateContext::default()).map_err(|e| TestCaseError::fail(format!("«{prose}»: {e}")))?;
        prop_assert_eq!((read.start, read.end), (date, None), "«{}»", prose);
    }

    #[test]
    fn a_span_of_days_written_in_spanish_reads_back_the_same(a in partial_date(), b in partial_date()) {
        let (a, b) = (PartialDate::day(a.first_day()), PartialDate::day(b.first_day()));
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        let prose = format_range_es(&start, Some(&end));
        let read = parse_date(&prose, &DateContext::default()).map_err(|e| TestCaseError::fail(format!("«{prose}»: {e}")))?;
        let expected_end = (end != start).then_some(end);
        prop_assert_eq!((read.start, read.end), (start, expected_end), "«{}»", prose);
    }

    #[test]
    fn an_iso_date_is_written_back_as_it_was_read(date in partial_date()) {
        let iso = date.to_string();
        prop_assert_eq!(iso.parse::<PartialDate>(), Ok(date));
    }
}

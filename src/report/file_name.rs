//! The file name a save dialog proposes for each document:
//! `informe-2021-S2.pdf`, `ficha-reunion-con-la-embajada-de-francia.pdf`,
//! `ficha-pais-PE-2021.pdf` (English: `report-2021-H2.pdf`, `brief-…`,
//! `country-brief-…`).

use chrono::{Datelike, NaiveDate};

use crate::text::fold;

use super::Lang;

/// Longest title part of a brief's file name, in characters.
const TITLE_CHARS: usize = 60;

/// A period as file names write it: `2021-S2` (`2021-H2` in English) for a
/// calendar semester, `2021` for a calendar year, else both dates.
pub(crate) fn period(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    let year = from.year();
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let half = if lang == Lang::Es { "S" } else { "H" };
    if to.year() == year && Some(from) == day(1, 1) && Some(to) == day(12, 31) {
        year.to_string()
    } else if to.year() == year && Some(from) == day(1, 1) && Some(to) == day(6, 30) {
        format!("{year}-{half}1")
    } else if to.year() == year && Some(from) == day(7, 1) && Some(to) == day(12, 31) {
        format!("{year}-{half}2")
    } else {
        let joint = if lang == Lang::Es { "a" } else { "to" };
        format!("{from}-{joint}-{to}")
    }
}

/// `informe-2021-S2.pdf` / `report-2021-H2.pdf`.
pub(crate) fn period_report(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    let word = if lang == Lang::Es { "informe" } else { "report" };
    format!("{word}-{}.pdf", period(lang, from, to))
}

/// `ficha-` / `brief-` and the activity's title without accents or
/// punctuation, cut at a word before [`TITLE_CHARS`].
pub(crate) fn brief(lang: Lang, title: &str) -> String {
    let mut slug = String::new();
    for word in fold(title).split(' ').filter(|w| !w.is_empty()) {
        if !slug.is_empty() && slug.len() + 1 + word.len() > TITLE_CHARS {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    let word = if lang == Lang::Es { "ficha" } else { "brief" };
    if slug.is_empty() { format!("{word}.pdf") } else { format!("{word}-{slug}.pdf") }
}

/// `ficha-pais-PE-2021-S2.pdf` / `country-brief-PE-2021-H2.pdf`.
pub(crate) fn country_brief(lang: Lang, code: &str, from: NaiveDate, to: NaiveDate) -> String {
    let word = if lang == Lang::Es { "ficha-pais" } else { "country-brief" };
    format!("{word}-{code}-{}.pdf", period(lang, from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn semesters_and_years_get_short_names() {
        assert_eq!(period_report(Lang::Es, d(2021, 7, 1), d(2021, 12, 31)), "informe-2021-S2.pdf");
        assert_eq!(period_report(Lang::Es, d(2021, 1, 1), d(2021, 6, 30)), "informe-2021-S1.pdf");
        assert_eq!(period_report(Lang::En, d(2021, 7, 1), d(2021, 12, 31)), "report-2021-H2.pdf");
        assert_eq!(period_report(Lang::Es, d(2021, 1, 1), d(2021, 12, 31)), "informe-2021.pdf");
        assert_eq!(period_report(Lang::Es, d(2021, 3, 1), d(2021, 5, 31)), "informe-2021-03-01-a-2021-05-31.pdf");
        assert_eq!(period_report(Lang::En, d(2021, 7, 1), d(2022, 6, 30)), "report-2021-07-01-to-2022-06-30.pdf");
        assert_eq!(country_brief(Lang::Es, "PE", d(2021, 7, 1), d(2021, 12, 31)), "ficha-pais-PE-2021-S2.pdf");
    }

    #[test]
    fn brief_names_are_the_title_without_accents_cut_at_a_word() {
        assert_eq!(brief(Lang::Es, "Iluminación por el Bicentenario de Perú"), "ficha-iluminacion-por-el-bicentenario-de-peru.pdf");
        assert_eq!(brief(Lang::En, "¿?"), "brief.pdf");
        let long = brief(Lang::Es, &"palabra ".repeat(20));
        assert!(long.len() <= "ficha-".len() + TITLE_CHARS + ".pdf".len() && long.ends_with("palabra.pdf"), "{long}");
    }
}

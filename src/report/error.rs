//! Why a report was not produced, worded for the person who asked for it
//! in either language.

use chrono::NaiveDate;

use crate::domain::PartialDate;
use crate::store::StoreError;

use super::words::{self, country_name};
use super::{Lang, RenderError};
use crate::{ErrorCode, Explain, Text};

/// A report that could not be made: a period that ends before it starts,
/// nothing to report, or a failure reading the record or writing the PDF.
#[derive(Debug)]
pub enum ReportError {
    /// `to` is before `from`.
    BackwardPeriod { from: NaiveDate, to: NaiveDate },
    /// No activity in the period (with the request's filters, or with the
    /// country of a country brief): a clear message instead of an empty PDF.
    NoActivities { from: NaiveDate, to: NaiveDate, filtered: bool, country: Option<String> },
    /// No signed agreement recorded: nothing for the agreements register.
    NoAgreements,
    /// No activity with this partner (an organisation's name) in any year.
    NoPartnerActivities { partner: String },
    Store(StoreError),
    Render(RenderError),
}

impl Explain for ReportError {
    /// What happened and what to do.
    fn text(&self) -> Text {
        match self {
            ReportError::Store(e) => e.text(),
            ReportError::Render(e) => e.text(),
            _ => Text::new(self.say(Lang::Es), self.say(Lang::En)),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            ReportError::BackwardPeriod { .. } => ErrorCode::Invalid,
            ReportError::NoActivities { .. } | ReportError::NoAgreements | ReportError::NoPartnerActivities { .. } => {
                ErrorCode::NotFound
            }
            ReportError::Store(e) => e.code(),
            ReportError::Render(e) => e.code(),
        }
    }

    fn fields(&self) -> Vec<crate::domain::FieldError> {
        match self {
            ReportError::Store(e) => e.fields(),
            _ => Vec::new(),
        }
    }
}

impl ReportError {
    /// The message in `lang`, as the command line prints it.
    fn say(&self, lang: Lang) -> String {
        let day = |d: &NaiveDate| words::date(lang, &PartialDate::day(*d));
        let period = |from: &NaiveDate, to: &NaiveDate| words::range(lang, &PartialDate::day(*from), Some(&PartialDate::day(*to)));
        match (self, lang) {
            (ReportError::BackwardPeriod { from, to }, Lang::Es) => {
                format!("El periodo termina el {} antes de empezar ({}): corrija las fechas.", day(to), day(from))
            }
            (ReportError::BackwardPeriod { from, to }, Lang::En) => {
                format!("The period ends on {}, before it starts ({}): correct the dates.", day(to), day(from))
            }
            (ReportError::NoActivities { from, to, filtered, country }, Lang::Es) => {
                let with = match country {
                    Some(code) => format!(" con {}", country_name(lang, code)),
                    None if *filtered => " con esos filtros".to_string(),
                    None => String::new(),
                };
                format!("No hay actividades registradas{with} {}; no se generó el documento. Elija otro periodo.", period(from, to))
            }
            (ReportError::NoActivities { from, to, filtered, country }, Lang::En) => {
                let with = match country {
                    Some(code) => format!(" with {}", country_name(lang, code)),
                    None if *filtered => " matching those filters".to_string(),
                    None => String::new(),
                };
                format!("No activities are recorded{with} in {}; no document was made. Choose another period.", period(from, to))
            }
            (ReportError::NoAgreements, Lang::Es) => {
                "No hay convenios firmados registrados; no se generó el registro de convenios.".to_string()
            }
            (ReportError::NoAgreements, Lang::En) => "No signed agreements are recorded; no agreements register was made.".to_string(),
            (ReportError::NoPartnerActivities { partner }, Lang::Es) => {
                format!("No hay actividades registradas con «{partner}»; no se generó el expediente.")
            }
            (ReportError::NoPartnerActivities { partner }, Lang::En) => {
                format!("No activities are recorded with “{partner}”; no dossier was made.")
            }
            (ReportError::Store(e), _) => e.brief().pick(lang).to_string(),
            (ReportError::Render(e), _) => e.text().pick(lang).to_string(),
        }
    }

    /// Refuses a period that ends before it starts.
    pub(crate) fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), ReportError> {
        if to < from {
            return Err(ReportError::BackwardPeriod { from, to });
        }
        Ok(())
    }
}

impl std::fmt::Display for ReportError {
    /// In Spanish, the language of the command line's messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::Es))
    }
}

impl std::error::Error for ReportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReportError::Store(e) => Some(e),
            ReportError::Render(e) => Some(e),
            _ => None,
        }
    }
}

impl From<StoreError> for ReportError {
    fn from(e: StoreError) -> Self {
        ReportError::Store(e)
    }
}

impl From<RenderError> for ReportError {
    fn from(e: RenderError) -> Self {
        ReportError::Render(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_backward_period_is_explained_in_spanish_and_english() {
        let err = ReportError::check_period(d(2021, 12, 31), d(2021, 7, 1)).unwrap_err();
        assert_eq!(err.to_string(), "El periodo termina el 1 de julio de 2021 antes de empezar (31 de diciembre de 2021): corrija las fechas.");
        assert_eq!(err.text().en, "The period ends on 1 July 2021, before it starts (31 December 2021): correct the dates.");
        assert!(ReportError::check_period(d(2021, 7, 1), d(2021, 7, 1)).is_ok());
    }

    #[test]
    fn nothing_to_report_says_which_period_and_which_filter() {
        let plain = ReportError::NoActivities { from: d(2019, 1, 1), to: d(2019, 6, 30), filtered: false, country: None };
        assert_eq!(plain.to_string(), "No hay actividades registradas del 1 de enero al 30 de junio de 2019; no se generó el documento. Elija otro periodo.");
        let filtered = ReportError::NoActivities { from: d(2019, 1, 1), to: d(2019, 6, 30), filtered: true, country: None };
        assert!(filtered.to_string().contains("registradas con esos filtros del 1 de enero"));
        let country = ReportError::NoActivities { from: d(2019, 1, 1), to: d(2019, 6, 30), filtered: false, country: Some("PE".into()) };
        assert!(country.text().en.starts_with("No activities are recorded with Peru in 1 January – 30 June 2019"), "{}", country.text().en);
    }
}

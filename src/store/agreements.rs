//! The agreements register: every signed agreement with its validity on a given day, whatever
//! the day it was signed, and those that expire soon (the dashboard's and calendar's warning).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Filter, Result, Sort};
use crate::domain::{Activity, Kind, Status};
use crate::Lang;

/// Days ahead within which an agreement in force counts as expiring.
pub const EXPIRING_WITHIN_DAYS: u32 = 90;

/// Where an agreement stands on a given day, by the end of its validity ("Vigencia").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Validity {
    /// In force and ending within [`EXPIRING_WITHIN_DAYS`].
    Expiring,
    InForce,
    /// No end of validity recorded (open-ended, or not written down).
    NoEndDate,
    Expired,
}

impl Validity {
    /// In the register's order: what needs attention first.
    pub const ALL: [Validity; 4] = [Validity::Expiring, Validity::InForce, Validity::NoEndDate, Validity::Expired];

    /// The validity on `today` of an agreement valid until `ends` (its last day, inclusive).
    pub fn on(today: NaiveDate, ends: Option<NaiveDate>, within_days: u32) -> Validity {
        match ends {
            None => Validity::NoEndDate,
            Some(end) if end < today => Validity::Expired,
            Some(end) if (end - today).num_days() <= i64::from(within_days) => Validity::Expiring,
            Some(_) => Validity::InForce,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Validity::Expiring => lang.pick("Por vencer", "Expiring"),
            Validity::InForce => lang.pick("Vigente", "In force"),
            Validity::NoEndDate => lang.pick("Sin fecha de término", "No end date"),
            Validity::Expired => lang.pick("Vencido", "Expired"),
        }
    }
}

/// One agreement of the register and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementStanding {
    pub activity: Activity,
    /// The last day of its validity (the "Vigencia" written on it), when recorded.
    #[ts(type = "string | null")]
    pub ends: Option<NaiveDate>,
    pub validity: Validity,
    /// Days from the register's day to the end of validity (negative once expired).
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
}

impl super::Store {
    /// Every signed agreement (done, not in the trash) with its validity on `today`, whatever
    /// its signing date: those expiring first (soonest first), then in force, with no end date
    /// and expired (most recently expired first).
    pub fn agreement_register(&self, today: NaiveDate) -> Result<Vec<AgreementStanding>> {
        let filter = Filter { kinds: vec![Kind::Agreement], statuses: vec![Status::Done], sort: Sort::DateAsc, ..Filter::default() };
        let mut register: Vec<AgreementStanding> = self
            .list(&filter)?
            .items
            .into_iter()
            .map(|activity| {
                let ends = activity.details.valid_until.as_ref().map(|d| d.last_day());
                AgreementStanding {
                    validity: Validity::on(today, ends, EXPIRING_WITHIN_DAYS),
                    days_left: ends.map(|end| (end - today).num_days()),
                    ends,
                    activity,
                }
            })
            .collect();
        register.sort_by_key(|a| {
            let days = a.days_left.unwrap_or_default();
            (a.validity, if a.validity == Validity::Expired { -days } else { days })
        });
        Ok(register)
    }

    /// The agreements in force whose validity ends within `days` of `today` (soonest first):
    /// what the dashboard and the calendar warn about.
    pub fn agreements_expiring(&self, today: NaiveDate, days: u32) -> Result<Vec<AgreementStanding>> {
        Ok(self
            .agreement_register(today)?
            .into_iter()
            .filter(|a| a.days_left.is_some_and(|left| (0..=i64::from(days)).contains(&left)))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_by_the_end_date() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day);
        let today = d(12, 1).unwrap();
        assert_eq!(Validity::on(today, None, 90), Validity::NoEndDate);
        assert_eq!(Validity::on(today, d(11, 30), 90), Validity::Expired);
        assert_eq!(Validity::on(today, d(12, 1), 90), Validity::Expiring, "its last day is still in force");
        assert_eq!(Validity::on(today, NaiveDate::from_ymd_opt(2027, 3, 1), 90), Validity::Expiring);
        assert_eq!(Validity::on(today, NaiveDate::from_ymd_opt(2027, 3, 2), 90), Validity::InForce);
    }
}

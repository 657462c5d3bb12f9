//! The partner dossier: everything the office did with one partner organisation or city
//! ("Ciudad de Nagoya", "Embajada del Perú") over all years, or a period, as the country brief
//! tells it of a country ([`super::country::subject_brief`]).

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Activity, PartialDate};
use crate::store::{Filter, OrgSummary, Sort, Store};

use super::country::{subject_brief, Subject};
use super::labels;
use super::words::{self, country_name};
use super::{Document, Lang, Paper, ReportError};

#[derive(Debug, Clone)]
pub struct PartnerDossierRequest {
    /// The organisation's id, or its name written any way its duplicates are ("Embajada de
    /// Perú" finds "Embajada del Perú"): every organisation of that name is the partner.
    pub partner: String,
    /// The period; open ends reach the first and the last activity with the partner.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub lang: Lang,
    pub paper: Paper,
    pub office: String,
    pub generated: DateTime<Utc>,
}

impl PartnerDossierRequest {
    /// The name a save dialog proposes: `ficha-embajada-del-peru.pdf`.
    pub fn file_name(&self) -> String {
        super::file_name::brief(self.lang, &self.partner)
    }
}

/// The organisations the request names: the one of that id, else those of that name.
fn partners(store: &Store, partner: &str) -> Result<Vec<OrgSummary>, ReportError> {
    let by_id: Vec<OrgSummary> = store.organisations()?.into_iter().filter(|o| o.id.to_string() == partner.trim()).collect();
    Ok(if by_id.is_empty() { store.organisations_like(partner)? } else { by_id })
}

/// Reads every activity with the partner and declares the dossier; a partner with none (or
/// unknown) is refused with a message.
pub fn partner_dossier_report(store: &Store, request: &PartnerDossierRequest) -> Result<Document, ReportError> {
    if let (Some(from), Some(to)) = (request.from, request.to) {
        ReportError::check_period(from, to)?;
    }
    let partners = partners(store, &request.partner)?;
    let mut activities: Vec<Activity> = Vec::new();
    for partner in &partners {
        let filter = Filter { organisation: Some(partner.id.to_string()), from: request.from, to: request.to, sort: Sort::DateAsc, ..Filter::default() };
        for a in store.list(&filter)?.items {
            if !activities.iter().any(|known| known.id == a.id) {
                activities.push(a);
            }
        }
    }
    let Some(partner) = partners.first().filter(|_| !activities.is_empty()) else {
        return Err(ReportError::NoPartnerActivities { partner: request.partner.trim().to_string() });
    };
    activities.sort_by(|a, b| a.start.first_day().cmp(&b.start.first_day()).then_with(|| a.title.cmp(&b.title)));
    let leave_out = partners.iter().map(|p| p.name.clone()).collect();
    Ok(partner_dossier_document(request, partner, leave_out, &activities))
}

/// Declares the dossier of `partner` (an organisation of the directory) from its activities in
/// date order; `leave_out` are the partner's own names, not listed among counterparts met.
fn partner_dossier_document(request: &PartnerDossierRequest, partner: &OrgSummary, leave_out: Vec<String>, activities: &[Activity]) -> Document {
    let lang = request.lang;
    let first = request.from.unwrap_or_else(|| activities.iter().map(|a| a.start.first_day()).min().unwrap_or_default());
    let last = request.to.unwrap_or_else(|| activities.iter().map(|a| a.end.unwrap_or(a.start).last_day()).max().unwrap_or_default());
    let span = words::range(lang, &PartialDate::day(first), Some(&PartialDate::day(last)));
    let period = match (request.from, request.to) {
        (None, None) => labels::ALL_YEARS.pick(lang)(&span),
        _ => span,
    };
    let context = partner.country.iter().map(|c| (labels::COUNTRY_COL.pick(lang).to_string() + ":", country_name(lang, c))).collect();
    let subject = Subject { kind: labels::PARTNER_DOSSIER.pick(lang), name: partner.name.clone(), period, context, leave_out };
    subject_brief(&subject, lang, request.paper, &request.office, request.generated, activities)
}

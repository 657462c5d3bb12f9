//! A period report as the office saves and reuses it: period, filters, language and paper,
//! the narrative written in the app and the sign-off. Stored by
//! [`crate::store::Store::save_report_definition`]; every generated report records the
//! definition it was made with as its parameters.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{labels, narrative, Block, Breakdown, Lang, Paper, PeriodRequest, Section, Signature};
use crate::domain::{Kind, Status};

/// The texts written for a report, in the narrative markup ([`super::narrative`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Narrative {
    /// "Presentación": printed after the contents, before the summary.
    pub presentation: String,
    /// Introductions by axis name, printed at the start of that axis' part.
    pub introductions: BTreeMap<String, String>,
}

impl Narrative {
    /// The "Presentación" part (empty, and so left out, when nothing was written).
    pub(crate) fn presentation_section(&self, lang: Lang) -> Section {
        let mut section = Section::new(labels::PRESENTATION.pick(lang));
        narrative::blocks(&self.presentation).into_iter().for_each(|b| section.push(b));
        section
    }

    /// The introduction written for the axis named `axis`, if any.
    pub(crate) fn introduction(&self, axis: &str) -> Vec<Block> {
        self.introductions.get(axis).map_or_else(Vec::new, |text| narrative::blocks(text))
    }
}

/// One person signing the report: name and post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Signer {
    pub name: String,
    pub post: String,
}

impl Signer {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.post.trim().is_empty()
    }
}

/// The closing block: "Elaboró / Revisó / Autorizó". Roles left empty are not printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SignOff {
    pub prepared: Signer,
    pub reviewed: Signer,
    pub authorised: Signer,
}

impl SignOff {
    /// The signature boxes of the roles filled in, in order (an empty block when none is).
    pub(crate) fn block(&self, lang: Lang) -> Block {
        let roles = [(labels::PREPARED_BY, &self.prepared), (labels::REVIEWED_BY, &self.reviewed), (labels::AUTHORISED_BY, &self.authorised)];
        Block::SignOff(
            roles
                .into_iter()
                .filter(|(_, signer)| !signer.is_empty())
                .map(|(role, s)| Signature { role: role.pick(lang).to_string(), name: s.name.trim().to_string(), post: s.post.trim().to_string() })
                .collect(),
        )
    }
}

/// A saved report definition, reused by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportDefinition {
    pub name: String,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Axis names; empty: every axis.
    #[serde(default)]
    pub axes: Vec<String>,
    #[serde(default)]
    pub kinds: Vec<Kind>,
    /// ISO alpha-2 codes.
    #[serde(default)]
    pub countries: Vec<String>,
    /// The statuses printed; empty: done activities only.
    #[serde(default)]
    pub statuses: Vec<Status>,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub paper: Paper,
    #[serde(default)]
    pub narrative: Narrative,
    #[serde(default)]
    pub sign_off: SignOff,
    /// Year by year (the record of several years); none: the account of every activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub breakdown: Option<Breakdown>,
    /// Show the previous comparable period beside each summary figure (optional for the UI,
    /// which may leave it out as older definitions do).
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub compare: bool,
}

impl ReportDefinition {
    /// The request that prints this definition for `office`, generated at `generated`.
    pub fn request(&self, office: String, generated: DateTime<Utc>) -> PeriodRequest {
        PeriodRequest {
            from: self.from,
            to: self.to,
            axes: self.axes.clone(),
            kinds: self.kinds.clone(),
            countries: self.countries.clone(),
            statuses: self.statuses.clone(),
            lang: self.lang,
            paper: self.paper,
            office,
            generated,
            narrative: self.narrative.clone(),
            sign_off: self.sign_off.clone(),
            breakdown: self.breakdown,
            compare: self.compare,
        }
    }

    /// What a request was made with, under `name` (empty when no definition was used): the
    /// parameters a generated report records.
    pub fn of_request(name: &str, request: &PeriodRequest) -> ReportDefinition {
        ReportDefinition {
            name: name.to_string(),
            from: request.from,
            to: request.to,
            axes: request.axes.clone(),
            kinds: request.kinds.clone(),
            countries: request.countries.clone(),
            statuses: request.statuses.clone(),
            lang: request.lang,
            paper: request.paper,
            narrative: request.narrative.clone(),
            sign_off: request.sign_off.clone(),
            breakdown: request.breakdown,
            compare: request.compare,
        }
    }
}

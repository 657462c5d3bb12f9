//! An activity in its two shapes: the draft people and files send ([`ActivityInput`], the
//! interchange format) and the validated record the store keeps ([`Activity`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::date::PartialDate;
use super::details::Details;
use super::ids::{ActivityId, OrgId, PersonId};
use super::kind::{Kind, Modality, Status};

/// An organisation named by an activity: just a name, or a name with its role and kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum OrgMention {
    Name(String),
    Full(OrgMentionFull),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct OrgMentionFull {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// One of [`super::directory::OrgKind`]'s names; used when the import creates the organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A person named by an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum PersonMention {
    Name(String),
    Full(PersonMentionFull),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct PersonMentionFull {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl OrgMention {
    pub fn full(&self) -> OrgMentionFull {
        match self {
            OrgMention::Name(name) => OrgMentionFull { name: name.clone(), role: None, kind: None, country: None },
            OrgMention::Full(f) => f.clone(),
        }
    }
}

impl PersonMention {
    pub fn full(&self) -> PersonMentionFull {
        match self {
            PersonMention::Name(name) => PersonMentionFull { name: name.clone(), post: None, organisation: None, role: None },
            PersonMention::Full(f) => f.clone(),
        }
    }
}

/// A follow-up task of an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct FollowUp {
    pub task: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// An activity as typed in a form or read from an interchange file, not yet validated.
/// Field values are kept as written (country names, modality with accents) so that
/// validation can say exactly what is wrong with them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct ActivityInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub kind: String,
    pub title: String,
    pub start_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<OrgMention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonMention>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub axis: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    #[serde(default)]
    pub details: Details,
}

/// An organisation linked to an activity, with the role it played there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgLink {
    pub id: OrgId,
    pub name: String,
    pub role: Option<String>,
}

/// A person linked to an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonLink {
    pub id: PersonId,
    pub name: String,
    pub post: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
}

/// A file attached to an activity, kept by content hash beside the database.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attachment {
    /// SHA-256 of the content, hex.
    pub hash: String,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub added_at: String,
    /// Printed beside its activity's entry in the period report (photos only).
    #[serde(default)]
    pub in_report: bool,
    /// What the photo shows, printed under it in the report.
    #[serde(default)]
    pub caption: Option<String>,
    /// Who took it: "Foto: …" under the caption.
    #[serde(default)]
    pub credit: Option<String>,
}

/// How an attachment prints in the report: whether it does, its caption and its credit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportMark {
    pub in_report: bool,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

impl Attachment {
    /// Whether reports can print it: a JPEG or PNG photo.
    pub fn is_photo(&self) -> bool {
        matches!(self.media_type.as_str(), "image/jpeg" | "image/png")
    }

    /// Its report mark.
    pub fn report_mark(&self) -> ReportMark {
        ReportMark { in_report: self.in_report, caption: self.caption.clone(), credit: self.credit.clone() }
    }
}

impl ReportMark {
    /// Trims caption and credit and drops them when empty, so a cleared field reads as none.
    pub fn tidy(self) -> ReportMark {
        let tidy = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        ReportMark { in_report: self.in_report, caption: tidy(self.caption), credit: tidy(self.credit) }
    }
}

/// Who changed a record last and when; kept by the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordMeta {
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    pub updated_by: String,
    /// Set while the record is in the trash.
    pub deleted_at: Option<String>,
}

/// A validated activity as the store keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Activity {
    pub id: ActivityId,
    pub kind: Kind,
    pub title: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub summary: Option<String>,
    pub modality: Option<Modality>,
    pub place: Option<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    pub organisations: Vec<OrgLink>,
    pub people: Vec<PersonLink>,
    pub axis: Option<String>,
    pub topics: Vec<String>,
    pub outcomes: Option<String>,
    pub follow_ups: Vec<FollowUp>,
    pub status: Status,
    pub date_text: Option<String>,
    pub details: Details,
    pub attachments: Vec<Attachment>,
    pub meta: RecordMeta,
}

impl Activity {
    /// The interchange form of this record; importing it gives the same record back.
    pub fn to_input(&self) -> ActivityInput {
        ActivityInput {
            id: Some(self.id.to_string()),
            kind: self.kind.as_str().to_string(),
            title: self.title.clone(),
            start_date: self.start.to_string(),
            end_date: self.end.map(|d| d.to_string()),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            summary: self.summary.clone(),
            modality: self.modality.map(|m| m.as_str().to_string()),
            place: self.place.clone(),
            countries: self.countries.clone(),
            organisations: self
                .organisations
                .iter()
                .map(|o| match &o.role {
                    None => OrgMention::Name(o.name.clone()),
                    Some(role) => OrgMention::Full(OrgMentionFull {
                        name: o.name.clone(),
                        role: Some(role.clone()),
                        kind: None,
                        country: None,
                    }),
                })
                .collect(),
            people: self
                .people
                .iter()
                .map(|p| {
                    if p.post.is_none() && p.organisation.is_none() && p.role.is_none() {
                        PersonMention::Name(p.name.clone())
                    } else {
                        PersonMention::Full(PersonMentionFull {
                            name: p.name.clone(),
                            post: p.post.clone(),
                            organisation: p.organisation.clone(),
                            role: p.role.clone(),
                        })
                    }
                })
                .collect(),
            axis: self.axis.clone(),
            topics: self.topics.clone(),
            outcomes: self.outcomes.clone(),
            follow_ups: self.follow_ups.clone(),
            status: Some(self.status.as_str().to_string()),
            date_text: self.date_text.clone(),
            details: self.details.clone(),
        }
    }
}

//! One change as it travels in a bundle (`changes.jsonl`, one per line): which copy made it,
//! its number in that copy's series, its clock, the record, and the fields it wrote. Each
//! field write names the writes it replaced (`supersedes`), which is how a receiver tells a
//! later edit from a concurrent one (see [`super::merge`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::hlc::{Hlc, Stamp};
use super::identity::CopyId;

/// The field that holds whether a record is deleted: `null` when live, `{"seen": [stamps]}`
/// when deleted — the writes the deleting copy had seen, so an unseen edit shows as a conflict.
pub const DELETED: &str = "_deleted";

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    /// A policy axis: `id` is its sync key (ids differ between copies; the key is the name it
    /// was first written with, kept on rename); fields `name`, `set`, `position`, `archived`,
    /// `cross_cutting`. First in order, so a bundle's axes are written before its activities.
    Axis,
    /// An activity; fields are the top-level keys of its interchange form.
    Activity,
    /// Two organisations found to be one: `id` is the merged-away name's key, fields `drop`
    /// and `keep` are names (organisation ids differ between copies; names do not).
    OrgMerge,
    /// An attachment linked to an activity: `id` is `ACTIVITY_ID/SHA256`.
    Attachment,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Axis => "axis",
            Entity::Activity => "activity",
            Entity::OrgMerge => "org_merge",
            Entity::Attachment => "attachment",
        }
    }
}

/// One field's new value and the writes it replaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldWrite {
    pub value: Value,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supersedes: Vec<Stamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub origin: CopyId,
    /// 1, 2, 3… within `origin`'s series.
    pub seq: u64,
    pub hlc: Hlc,
    pub entity: Entity,
    pub id: String,
    pub writes: BTreeMap<String, FieldWrite>,
}

impl Change {
    /// The stamp every write of this change carries.
    pub fn stamp(&self) -> Stamp {
        Stamp { hlc: self.hlc, origin: self.origin }
    }

    /// Whether this change deletes its record.
    pub fn is_delete(&self) -> bool {
        self.writes.get(DELETED).is_some_and(|w| !w.value.is_null())
    }
}

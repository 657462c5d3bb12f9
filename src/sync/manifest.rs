//! The manifest: what a bundle says about itself, signed by its sender. It names sender and
//! recipient, numbers the bundle in their series, lists the range of changes per origin copy,
//! acknowledges what the sender holds, and gives the SHA-256 of every other entry — so the
//! signature over the manifest covers the whole bundle.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hlc::Hlc;
use super::identity::{CopyId, PublicIdentity};

/// The newest bundle format this version reads. Format 2 adds [`Manifest::series`]; a bundle
/// without series is still written as format 1, so older versions keep reading it.
pub const FORMAT_VERSION: u32 = 2;

/// The format a bundle is written in.
pub fn format_for(series: &[SeriesNote]) -> u32 {
    if series.is_empty() {
        1
    } else {
        FORMAT_VERSION
    }
}

/// A series of changes the sender numbers (or numbered) in besides its own id: after a restore
/// or a copy it numbers in a new one (see `super::series`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesNote {
    pub origin: CopyId,
    /// The sender numbers no more changes in it.
    pub retired: bool,
}

/// The copy a bundle is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    pub id: CopyId,
    pub name: String,
    pub age: String,
}

/// The changes of one origin copy a bundle carries: numbers `first..=last`, `count` of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OriginRange {
    pub origin: CopyId,
    pub first: u64,
    pub last: u64,
    pub count: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(export, rename = "BundleCounts")]
pub struct Counts {
    #[ts(type = "number")]
    pub changes: u64,
    #[ts(type = "number")]
    pub upserts: u64,
    #[ts(type = "number")]
    pub deletions: u64,
    #[ts(type = "number")]
    pub attachments: u64,
    #[ts(type = "number")]
    pub attachment_bytes: u64,
}

/// One entry of the bundle other than the manifest and its signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryHash {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub bundle_id: uuid::Uuid,
    /// 1, 2, 3… per (sender, recipient): a gap means a bundle went missing.
    pub number: u64,
    pub sender: PublicIdentity,
    pub recipient: Addressee,
    /// RFC 3339, sender's clock.
    pub created_at: String,
    /// Sender's hybrid clock when the bundle was made.
    pub created_hlc: Hlc,
    /// Everything the sender has (`--all`) rather than what the recipient lacks.
    pub full: bool,
    pub ranges: Vec<OriginRange>,
    /// What the sender holds of each origin's series (1..=n): the recipient's delta to it
    /// starts after these.
    pub acks: BTreeMap<CopyId, u64>,
    pub counts: Counts,
    pub entries: Vec<EntryHash>,
    /// The sender's series besides its own id (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<SeriesNote>,
}

/// Reads only the format number, so a newer format is reported as such and not as damage.
pub fn format_of(bytes: &[u8]) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        format: u32,
    }
    serde_json::from_slice::<Probe>(bytes).ok().map(|p| p.format)
}

/// Reads only who the manifest says signed it (name and minisign key): all the signature check
/// needs, so nothing else of an unverified manifest is parsed.
pub fn claimed_signer(bytes: &[u8]) -> Option<(String, String)> {
    #[derive(Deserialize)]
    struct Sender {
        name: String,
        minisign: String,
    }
    #[derive(Deserialize)]
    struct Probe {
        sender: Sender,
    }
    serde_json::from_slice::<Probe>(bytes).ok().map(|p| (p.sender.name, p.sender.minisign))
}

//! Writes that sync (`src/sync`) makes inside its own transaction (a [`SyncBook`] had from
//! `Store::with_sync_transaction`), so that applying a bundle and recording it in sync's
//! tables commit together or not at all.
//!
//! Written by the sync helper as a request to the store's owner: thin wrappers over the
//! store's own write path (validation, links, audit, search index, change feed), nothing more.
//! Sync skips the feed rows these writes append (they are echoes of remote changes).

use super::activities::{set_trashed, write, write_one, Batch};
use super::{load, Actor, Result, SyncBook};
use crate::domain::{validate, Activity, ActivityInput, Attachment, ReportMark};

/// Validates and writes one activity (see `Store::save_activity`) in the caller's transaction.
pub fn save_activity(tx: SyncBook<'_>, input: &ActivityInput, actor: &Actor) -> Result<Activity> {
    let valid = validate(input)?;
    match tx.search {
        // Its index row waits for the end of the transaction, with the rest of the bundle's.
        Some(held) => write(tx.conn, valid, actor, &mut Batch::default(), &mut held.borrow_mut()).map(|(a, _)| a),
        None => write_one(tx.conn, valid, actor),
    }
}

/// Moves an activity to the trash or out of it (see `Store::trash`) in the caller's transaction.
pub fn set_activity_trashed(tx: SyncBook<'_>, id: &str, trashed: bool, actor: &Actor) -> Result<()> {
    // It indexes the record again itself: what the transaction holds back goes first.
    if let Some(held) = tx.search {
        held.borrow_mut().flush(tx.conn)?;
    }
    set_trashed(tx.conn, id, trashed, actor)
}

/// One activity by id, including one in the trash, read in the caller's transaction.
pub fn activity(tx: SyncBook<'_>, id: &str) -> Result<Option<Activity>> {
    Ok(load::activities(tx.conn, &[id.to_string()], true)?.pop())
}

/// Links an attachment whose file is already stored (see `Store::attach`), with its audit
/// entry and this copy's time of receipt, in the caller's transaction; `report`, the report
/// mark the bundle carries (none from a copy that predates marks), replaces the one kept.
pub fn link_attachment(tx: SyncBook<'_>, activity: &str, attachment: &Attachment, report: Option<ReportMark>, actor: &Actor) -> Result<()> {
    let received = Attachment { added_at: super::now(), ..attachment.clone() };
    super::attachments::link(tx.conn, activity, &received, actor)?;
    match (report, super::attachments::find(tx.conn, activity, &attachment.hash)?) {
        (Some(report), Some(kept)) => super::attachments::mark(tx.conn, activity, kept, report, actor).map(drop),
        _ => Ok(()),
    }
}

pub use super::attachments::blob_path;

/// Writes an axis as received (see `axes::received`): `key` names it across copies.
pub fn apply_axis(tx: SyncBook<'_>, key: &str, value: &serde_json::Map<String, serde_json::Value>) -> Result<()> {
    Ok(super::axes::received::apply(tx.conn, key, value)?)
}

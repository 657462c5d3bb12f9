//! Writes that sync (`src/sync`) makes inside its own transaction, so that applying a bundle
//! and recording it in sync's tables commit together or not at all.
//!
//! Written by the sync helper as a request to the store's owner: thin wrappers over the
//! store's own write path (validation, links, audit, search index, change feed), nothing more.
//! Sync skips the feed rows these writes append (they are echoes of remote changes).

use rusqlite::Connection;

use super::activities::{set_trashed, write, Created};
use super::{load, Actor, Result};
use crate::domain::{validate, Activity, ActivityInput};

/// Validates and writes one activity (see `Store::save_activity`) in the caller's transaction.
pub fn save_activity(tx: &Connection, input: &ActivityInput, actor: &Actor) -> Result<Activity> {
    let valid = validate(input)?;
    write(tx, valid, actor, &mut Created::default()).map(|(a, _)| a)
}

/// Moves an activity to the trash or out of it (see `Store::trash`) in the caller's transaction.
pub fn set_activity_trashed(tx: &Connection, id: &str, trashed: bool, actor: &Actor) -> Result<()> {
    set_trashed(tx, id, trashed, actor)
}

/// One activity by id, including one in the trash, read in the caller's transaction.
pub fn activity(tx: &Connection, id: &str) -> Result<Option<Activity>> {
    Ok(load::activities(tx, &[id.to_string()], true)?.pop())
}

pub use super::attachments::blob_path;

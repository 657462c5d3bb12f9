//! Sync's record of changes in the database: every change known (`sync_log`), the merge state
//! of each record (`sync_records`), and turning this copy's own writes — the store's change
//! feed (`changes`) and new attachment links — into numbered changes of this copy's series.

use std::collections::BTreeMap;

use serde_json::Value;

use super::change::{Change, Entity, DELETED};
use super::hlc::{Hlc, Stamp};
use super::identity::CopyId;
use super::merge::RecordState;
use crate::store::{Result, StoreError, SyncBook};

pub fn load_state(book: SyncBook<'_>, entity: Entity, id: &str) -> Result<RecordState> {
    Ok(book.record_state(entity.as_str(), id)?.unwrap_or_default())
}

pub fn save_state(book: SyncBook<'_>, entity: Entity, id: &str, state: &RecordState) -> Result<()> {
    book.save_record_state(entity.as_str(), id, state, !state.conflicts().is_empty())
}

/// Records a change in the log; `false` if it was already there (same origin and number).
pub fn log(book: SyncBook<'_>, change: &Change) -> Result<bool> {
    book.log(&change.origin.to_string(), change.seq, &change.hlc.to_string(), change.entity.as_str(), &change.id, change)
}

/// The change already logged under (`origin`, `seq`), if any.
pub fn logged(book: SyncBook<'_>, origin: CopyId, seq: u64) -> Result<Option<Change>> {
    book.logged(&origin.to_string(), seq)
}

/// Logs a change made from `state` (the record's current merge state) and merges it in.
pub fn record(book: SyncBook<'_>, change: &Change, mut state: RecordState) -> Result<bool> {
    if !log(book, change)? {
        return Ok(false);
    }
    state.apply(change);
    save_state(book, change.entity, &change.id, &state)?;
    Ok(true)
}

/// The next number in `origin`'s series (see [`super::series::enter`]).
pub fn next_seq(book: SyncBook<'_>, origin: CopyId) -> Result<u64> {
    Ok(book.last_seq(&origin.to_string())? + 1)
}

/// For each origin, n such that changes 1..=n are all here.
pub fn holdings(book: SyncBook<'_>) -> Result<BTreeMap<CopyId, u64>> {
    let mut out: BTreeMap<CopyId, u64> = BTreeMap::new();
    let mut gapped: std::collections::BTreeSet<CopyId> = Default::default();
    for (origin, seq) in book.log_numbers()? {
        let Ok(origin) = origin.parse::<CopyId>() else { continue };
        let held = out.entry(origin).or_insert(0);
        if !gapped.contains(&origin) {
            if seq == *held + 1 {
                *held = seq;
            } else {
                gapped.insert(origin);
            }
        }
    }
    Ok(out)
}

/// A stamp for a write sync makes itself in `origin`'s series (a resolution, a new attachment link).
pub fn tick(book: SyncBook<'_>, origin: CopyId) -> Result<Stamp> {
    let text = book.tick()?;
    let hlc = text.parse::<Hlc>().map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Stamp { hlc, origin })
}

/// Marks every feed row so far as read: rows the store appended while sync applied remote
/// changes are echoes, not this copy's edits.
pub fn skip_feed(book: SyncBook<'_>) -> Result<()> {
    book.skip_feed()
}

/// Turns this copy's writes since the last call into changes of its current series (`me` is
/// its identity).
///
/// Activities: each feed row's changed fields become field writes over the values the person
/// saw; a trash row becomes a deletion; a save or restore of a trashed record undeletes it.
/// Organisation merges become [`Entity::OrgMerge`] by name. Other directory rows are not
/// sent: organisations and people travel inside the activity records that name them.
pub fn ingest_local(book: SyncBook<'_>, me: CopyId) -> Result<usize> {
    let me = super::series::enter(book, me)?;
    let mut seq = next_seq(book, me)?;
    let mut made = 0;
    for row in book.unread_feed()? {
        let Ok(hlc) = row.hlc.parse::<Hlc>() else { continue };
        let at = Stamp { hlc, origin: me };
        let id = row.entity_id;
        let made_from = match row.entity.as_str() {
            "activity" => {
                let state = load_state(book, Entity::Activity, &id)?;
                let change = if row.deleted {
                    Some(state.delete(at, seq, Entity::Activity, &id))
                } else {
                    let mut values = written(row.record.as_ref(), row.fields);
                    if state.is_deleted() {
                        values.insert(DELETED.to_string(), Value::Null);
                    }
                    (!values.is_empty()).then(|| state.edit(at, seq, Entity::Activity, &id, values))
                };
                change.map(|c| (c, state))
            }
            // Axes go by their sync key, which the record carries (ids differ between copies).
            "axis" => match row.record.as_ref().and_then(|r| r.get("key")).and_then(Value::as_str) {
                Some(key) => {
                    let state = load_state(book, Entity::Axis, key)?;
                    let values = written(row.record.as_ref(), row.fields);
                    (!values.is_empty()).then(|| (state.edit(at, seq, Entity::Axis, key, values), state))
                }
                None => None,
            },
            "organisation" => match row.record.as_ref().and_then(|r| r.get("merged_into")).and_then(Value::as_str) {
                Some(keep) => org_merge(book, at, seq, &id, keep)?,
                None => None,
            },
            _ => None,
        };
        if let Some((change, state)) = made_from {
            record(book, &change, state)?;
            seq += 1;
            made += 1;
        }
    }
    skip_feed(book)?;
    made += ingest_attachments(book, me, &mut seq)?;
    Ok(made)
}

/// The values a feed row wrote: each named field as the record now stands.
fn written(record: Option<&Value>, fields: Vec<String>) -> BTreeMap<String, Value> {
    fields.into_iter().map(|f| { let v = record.and_then(|r| r.get(&f)).cloned().unwrap_or(Value::Null); (f, v) }).collect()
}

fn org_merge(book: SyncBook<'_>, at: Stamp, seq: u64, drop_id: &str, keep_id: &str) -> Result<Option<(Change, RecordState)>> {
    let (Some(drop), Some(keep)) = (book.organisation_name(drop_id)?, book.organisation_name(keep_id)?) else { return Ok(None) };
    let key = crate::text::fold(&drop);
    let state = load_state(book, Entity::OrgMerge, &key)?;
    let values = BTreeMap::from([("drop".to_string(), Value::from(drop)), ("keep".to_string(), Value::from(keep))]);
    Ok(Some((state.edit(at, seq, Entity::OrgMerge, &key, values), state)))
}

fn ingest_attachments(book: SyncBook<'_>, me: CopyId, seq: &mut u64) -> Result<usize> {
    let rows = book.unjournaled_attachments()?;
    for (activity, a) in &rows {
        let id = format!("{activity}/{}", a.hash);
        let values = BTreeMap::from([
            ("file_name".to_string(), Value::from(a.file_name.as_str())),
            ("media_type".to_string(), Value::from(a.media_type.as_str())),
            ("size".to_string(), Value::from(a.size)),
            ("in_report".to_string(), Value::from(a.in_report)),
            ("caption".to_string(), Value::from(a.caption.clone())),
            ("credit".to_string(), Value::from(a.credit.clone())),
        ]);
        let state = load_state(book, Entity::Attachment, &id)?;
        let change = state.edit(tick(book, me)?, *seq, Entity::Attachment, &id, values);
        record(book, &change, state)?;
        mark_attachment(book, activity, &a.hash)?;
        *seq += 1;
    }
    Ok(rows.len())
}

pub fn mark_attachment(book: SyncBook<'_>, activity: &str, hash: &str) -> Result<()> {
    book.mark_attachment_journaled(activity, hash)
}

/// Whether a record deleted here may be removed for good: only once the central office has
/// acknowledged the deletion (an officer's copy never loses a record central has not seen go).
/// `me` is this copy's identity; the deletion may be numbered in any of its series.
pub fn purge_allowed(book: SyncBook<'_>, me: CopyId, entity: Entity, id: &str) -> Result<bool> {
    let Some((origin, seq)) = book.last_deletion(&me.to_string(), entity.as_str(), id)? else { return Ok(false) };
    let acked = book.acked_by_role(super::identity::Role::Central.as_str(), &origin)?;
    Ok(acked.is_some_and(|a| a >= seq))
}

//! Sync's record of changes in the database: every change known (`sync_log`), the merge state
//! of each record (`sync_records`), and turning this copy's own writes — the store's change
//! feed (`changes`) and new attachment links — into numbered changes of this copy's series.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::change::{Change, Entity, DELETED};
use super::hlc::{Hlc, Stamp};
use super::identity::CopyId;
use super::merge::RecordState;

/// `meta` key: the last `changes.seq` sync has read.
const FEED_SEEN: &str = "sync_feed_seen";

pub fn load_state(conn: &Connection, entity: Entity, id: &str) -> rusqlite::Result<RecordState> {
    let text: Option<String> = conn
        .prepare_cached("SELECT state FROM sync_records WHERE entity = ?1 AND entity_id = ?2")?
        .query_row((entity.as_str(), id), |r| r.get(0))
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

pub fn save_state(conn: &Connection, entity: Entity, id: &str, state: &RecordState) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_records (entity, entity_id, state, conflicted) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(entity, entity_id) DO UPDATE SET state = excluded.state, conflicted = excluded.conflicted",
    )?
    .execute((
        entity.as_str(),
        id,
        serde_json::to_string(state).expect("state serialises"),
        !state.conflicts().is_empty(),
    ))?;
    Ok(())
}

/// Records a change in the log; `false` if it was already there (same origin and number).
pub fn log(conn: &Connection, change: &Change) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO sync_log (origin, seq, hlc, entity, entity_id, change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute((
            change.origin.to_string(),
            change.seq as i64,
            change.hlc.to_string(),
            change.entity.as_str(),
            &change.id,
            serde_json::to_string(change).expect("change serialises"),
        ))?;
    Ok(n == 1)
}

/// The change already logged under (`origin`, `seq`), if any.
pub fn logged(conn: &Connection, origin: CopyId, seq: u64) -> rusqlite::Result<Option<Change>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT change FROM sync_log WHERE origin = ?1 AND seq = ?2")?
        .query_row((origin.to_string(), seq as i64), |r| r.get(0))
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Logs a change made from `state` (the record's current merge state) and merges it in.
pub fn record(conn: &Connection, change: &Change, mut state: RecordState) -> rusqlite::Result<bool> {
    if !log(conn, change)? {
        return Ok(false);
    }
    state.apply(change);
    save_state(conn, change.entity, &change.id, &state)?;
    Ok(true)
}

/// The next number in `origin`'s series (see [`super::series::enter`]).
pub fn next_seq(conn: &Connection, origin: CopyId) -> rusqlite::Result<u64> {
    let max: Option<i64> =
        conn.query_row("SELECT MAX(seq) FROM sync_log WHERE origin = ?1", [origin.to_string()], |r| r.get(0))?;
    Ok(max.unwrap_or(0) as u64 + 1)
}

/// For each origin, n such that changes 1..=n are all here.
pub fn holdings(conn: &Connection) -> rusqlite::Result<BTreeMap<CopyId, u64>> {
    let mut stmt = conn.prepare("SELECT origin, seq FROM sync_log ORDER BY origin, seq")?;
    let mut out: BTreeMap<CopyId, u64> = BTreeMap::new();
    let mut gapped: std::collections::BTreeSet<CopyId> = Default::default();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Ok(origin) = r.get::<_, String>(0)?.parse::<CopyId>() else { continue };
        let seq = r.get::<_, i64>(1)? as u64;
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
pub fn tick(conn: &Connection, origin: CopyId) -> rusqlite::Result<Stamp> {
    let text = crate::store::clock::tick(conn)?;
    let hlc = text.parse::<Hlc>().map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    Ok(Stamp { hlc, origin })
}

fn feed_seen(conn: &Connection) -> rusqlite::Result<i64> {
    let v: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [FEED_SEEN], |r| r.get(0)).optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Marks every feed row so far as read: rows the store appended while sync applied remote
/// changes are echoes, not this copy's edits.
pub fn skip_feed(conn: &Connection) -> rusqlite::Result<()> {
    let max: i64 = conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM changes", [], |r| r.get(0))?;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (FEED_SEEN, max.to_string()),
    )?;
    Ok(())
}

/// Turns this copy's writes since the last call into changes of its current series (`me` is
/// its identity).
///
/// Activities: each feed row's changed fields become field writes over the values the person
/// saw; a trash row becomes a deletion; a save or restore of a trashed record undeletes it.
/// Organisation merges become [`Entity::OrgMerge`] by name. Other directory rows are not
/// sent: organisations and people travel inside the activity records that name them.
pub fn ingest_local(conn: &Connection, me: CopyId) -> rusqlite::Result<usize> {
    let me = super::series::enter(conn, me)?;
    let from = feed_seen(conn)?;
    let rows: Vec<(String, String, String, String, Option<String>, String)> = conn
        .prepare("SELECT entity, entity_id, op, hlc, record, fields FROM changes WHERE seq > ?1 ORDER BY seq")?
        .query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut seq = next_seq(conn, me)?;
    let mut made = 0;
    for (entity, id, op, hlc, after, fields) in rows {
        let Ok(hlc) = hlc.parse::<Hlc>() else { continue };
        let at = Stamp { hlc, origin: me };
        let after: Option<Value> = after.and_then(|r| serde_json::from_str(&r).ok());
        let made_from = match entity.as_str() {
            "activity" => {
                let state = load_state(conn, Entity::Activity, &id)?;
                let change = if op == "delete" {
                    Some(state.delete(at, seq, Entity::Activity, &id))
                } else {
                    let after = after.unwrap_or(Value::Null);
                    let fields: Vec<String> = serde_json::from_str(&fields).unwrap_or_default();
                    let mut values: BTreeMap<String, Value> =
                        fields.into_iter().map(|f| (f.clone(), after.get(&f).cloned().unwrap_or(Value::Null))).collect();
                    if state.is_deleted() {
                        values.insert(DELETED.to_string(), Value::Null);
                    }
                    (!values.is_empty()).then(|| state.edit(at, seq, Entity::Activity, &id, values))
                };
                change.map(|c| (c, state))
            }
            "organisation" => match after.as_ref().and_then(|r| r.get("merged_into")).and_then(Value::as_str) {
                Some(keep) => org_merge(conn, at, seq, &id, keep)?,
                None => None,
            },
            _ => None,
        };
        if let Some((change, state)) = made_from {
            record(conn, &change, state)?;
            seq += 1;
            made += 1;
        }
    }
    skip_feed(conn)?;
    made += ingest_attachments(conn, me, &mut seq)?;
    Ok(made)
}

fn org_name(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT name FROM organisations WHERE id = ?1", [id], |r| r.get(0)).optional()
}

fn org_merge(conn: &Connection, at: Stamp, seq: u64, drop_id: &str, keep_id: &str) -> rusqlite::Result<Option<(Change, RecordState)>> {
    let (Some(drop), Some(keep)) = (org_name(conn, drop_id)?, org_name(conn, keep_id)?) else { return Ok(None) };
    let key = crate::text::fold(&drop);
    let state = load_state(conn, Entity::OrgMerge, &key)?;
    let values = BTreeMap::from([("drop".to_string(), Value::from(drop)), ("keep".to_string(), Value::from(keep))]);
    Ok(Some((state.edit(at, seq, Entity::OrgMerge, &key, values), state)))
}

fn ingest_attachments(conn: &Connection, me: CopyId, seq: &mut u64) -> rusqlite::Result<usize> {
    let rows: Vec<(String, String, String, String, i64)> = conn
        .prepare(
            "SELECT a.activity_id, a.hash, a.file_name, a.media_type, a.size FROM attachments a
             WHERE NOT EXISTS (SELECT 1 FROM sync_attachments s WHERE s.activity_id = a.activity_id AND s.hash = a.hash)
             ORDER BY a.added_at, a.hash",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (activity, hash, file_name, media_type, size) in &rows {
        let id = format!("{activity}/{hash}");
        let values = BTreeMap::from([
            ("file_name".to_string(), Value::from(file_name.as_str())),
            ("media_type".to_string(), Value::from(media_type.as_str())),
            ("size".to_string(), Value::from(*size)),
        ]);
        let state = load_state(conn, Entity::Attachment, &id)?;
        let change = state.edit(tick(conn, me)?, *seq, Entity::Attachment, &id, values);
        record(conn, &change, state)?;
        mark_attachment(conn, activity, hash)?;
        *seq += 1;
    }
    Ok(rows.len())
}

pub fn mark_attachment(conn: &Connection, activity: &str, hash: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO sync_attachments (activity_id, hash) VALUES (?1, ?2)")?
        .execute((activity, hash))?;
    Ok(())
}

/// Whether a record deleted here may be removed for good: only once the central office has
/// acknowledged the deletion (an officer's copy never loses a record central has not seen go).
/// `me` is this copy's identity; the deletion may be numbered in any of its series.
pub fn purge_allowed(conn: &Connection, me: CopyId, entity: Entity, id: &str) -> rusqlite::Result<bool> {
    let last_delete: Option<(String, i64)> = conn
        .query_row(
            "SELECT origin, seq FROM sync_log
             WHERE (origin = ?1 OR origin IN (SELECT origin FROM sync_series WHERE owner = ?1))
               AND entity = ?2 AND entity_id = ?3 AND json_extract(change, '$.writes._deleted.value') IS NOT NULL
             ORDER BY hlc DESC LIMIT 1",
            (me.to_string(), entity.as_str(), id),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((origin, seq)) = last_delete else { return Ok(false) };
    let acked: Option<i64> = conn.query_row(
        "SELECT MAX(a.seq) FROM sync_acks a JOIN sync_peers p ON p.copy_id = a.peer
         WHERE p.role = 'central' AND a.origin = ?1",
        [origin],
        |r| r.get(0),
    )?;
    Ok(acked.is_some_and(|a| a >= seq))
}

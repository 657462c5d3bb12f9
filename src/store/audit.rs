//! The audit trail: who changed what, when, and from where.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Actor;

/// One entry of a record's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub origin: String,
    pub entity: String,
    pub entity_id: String,
    /// create, update, trash, restore, merge, attach; a database restored from a backup is a
    /// `restore` of the entity [`WHOLE_DATABASE`].
    pub action: String,
    /// Fields that changed, for updates.
    pub fields: Vec<String>,
}

/// The entity and id under which the whole database's own history is kept (its restores):
/// `audit_of(WHOLE_DATABASE)` lists them.
pub const WHOLE_DATABASE: &str = "database";

pub(crate) struct Write<'a> {
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub action: &'a str,
    pub before: Option<&'a serde_json::Value>,
    pub after: Option<&'a serde_json::Value>,
}

/// Only the fields that changed are kept, old and new, so a record's history stays small.
fn diff(before: &serde_json::Value, after: &serde_json::Value) -> (serde_json::Value, serde_json::Value) {
    let (mut old, mut new) = (serde_json::Map::new(), serde_json::Map::new());
    for field in super::feed::changed_fields(Some(before), after) {
        old.insert(field.clone(), before.get(&field).cloned().unwrap_or_default());
        new.insert(field.clone(), after.get(&field).cloned().unwrap_or_default());
    }
    (old.into(), new.into())
}

pub(crate) fn record(conn: &Connection, actor: &Actor, w: Write) -> rusqlite::Result<()> {
    let (before, after) = match (w.before, w.after) {
        (Some(b), Some(a)) => {
            let (old, new) = diff(b, a);
            (Some(old.to_string()), Some(new.to_string()))
        }
        _ => (None, None),
    };
    conn.prepare_cached(
        "INSERT INTO audit (at, actor, origin, entity, entity_id, action, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute((
        super::now(),
        &actor.name,
        actor.origin.as_str(),
        w.entity,
        w.entity_id,
        w.action,
        before,
        after,
    ))?;
    Ok(())
}

impl super::Store {
    /// Records that this database was just restored from `from` (a snapshot's name or an
    /// archive's file) and that the state it replaced was kept as the snapshot `safety_copy`.
    pub fn record_restore(&self, actor: &Actor, from: &str, safety_copy: &str) -> super::Result<()> {
        let what = serde_json::json!({ "from": from, "safety_copy": safety_copy });
        // Written as a change from nothing: the trail keeps the values of changes only.
        let nothing = serde_json::json!({});
        record(&self.conn, actor, Write { entity: WHOLE_DATABASE, entity_id: WHOLE_DATABASE, action: "restore", before: Some(&nothing), after: Some(&what) })?;
        Ok(())
    }

    /// The history of one record, oldest first.
    pub fn audit_of(&self, entity_id: &str) -> super::Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, actor, origin, entity, entity_id, action, after FROM audit WHERE entity_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([entity_id], |r| {
            let after: Option<String> = r.get(6)?;
            let fields = after
                .and_then(|t| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&t).ok())
                .map(|m| m.into_iter().map(|(k, _)| k).collect())
                .unwrap_or_default();
            Ok(AuditEntry {
                at: r.get(0)?,
                actor: r.get(1)?,
                origin: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                fields,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

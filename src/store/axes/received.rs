//! An axis as another copy wrote it (sync): found by its key, else by its name, else created;
//! the fields received are written as they are. Not announced to the feed: it is an echo of a
//! remote change (sync skips the feed rows its import writes).

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::{id_named, insert, new_set};
use crate::text::fold;

/// Applies the merged record of the axis sync knows as `key`. A record without a name (edits
/// whose creation has not arrived) is kept by sync and applied once the name comes.
pub(crate) fn apply(conn: &Connection, key: &str, value: &Map<String, Value>) -> rusqlite::Result<()> {
    let name = value.get("name").and_then(Value::as_str).map(str::trim).filter(|n| !n.is_empty());
    let found = match by_key(conn, key)? {
        Some(id) => Some(id),
        None => name.map(|n| id_named(conn, n)).transpose()?.flatten(),
    };
    let id = match (found, name) {
        (Some(id), _) => id,
        (None, Some(name)) => insert(conn, name, &set_of(conn, value)?, key)?,
        (None, None) => return Ok(()),
    };
    if let Some(name) = name {
        if !rename(conn, &id, name)? {
            return Ok(());
        }
    }
    if value.get("set").and_then(Value::as_str).is_some() {
        conn.execute("UPDATE axes SET set_id = ?2 WHERE id = ?1", (&id, set_of(conn, value)?))?;
    }
    if let Some(position) = value.get("position").and_then(Value::as_i64) {
        conn.execute("UPDATE axes SET position = ?2 WHERE id = ?1", (&id, position))?;
    }
    for flag in ["archived", "cross_cutting"] {
        if let Some(on) = value.get(flag).and_then(Value::as_bool) {
            conn.execute(&format!("UPDATE axes SET {flag} = ?2 WHERE id = ?1"), (&id, on))?;
        }
    }
    Ok(())
}

fn by_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT id FROM axes WHERE sync_key = ?1 AND deleted_at IS NULL", [key], |r| r.get(0)).optional()
}

/// The received set, by name (created, inactive, when new); the active set when none came.
fn set_of(conn: &Connection, value: &Map<String, Value>) -> rusqlite::Result<String> {
    let Some(name) = value.get("set").and_then(Value::as_str).map(str::trim).filter(|n| !n.is_empty()) else {
        return super::active_set(conn);
    };
    match conn.query_row("SELECT id FROM axis_sets WHERE name_key = ?1", [fold(name)], |r| r.get(0)).optional()? {
        Some(id) => Ok(id),
        None => new_set(conn, name),
    }
}

/// Gives the axis the received name. When another axis here already has that name, the two
/// are one: the activities move to that axis and this one is retired. Returns whether the axis
/// is still there.
fn rename(conn: &Connection, id: &str, name: &str) -> rusqlite::Result<bool> {
    match id_named(conn, name)? {
        Some(other) if other != id => {
            conn.execute("UPDATE activities SET axis_id = ?2 WHERE axis_id = ?1", (id, &other))?;
            // Retired, its name and key are freed for an axis written later.
            conn.execute(
                "UPDATE axes SET deleted_at = ?2, sync_key = NULL, name_key = name_key || '#' || id WHERE id = ?1",
                (id, crate::store::now()),
            )?;
            Ok(false)
        }
        _ => {
            let before: String = conn.query_row("SELECT name FROM axes WHERE id = ?1", [id], |r| r.get(0))?;
            conn.execute("UPDATE axes SET name = ?2, name_key = ?3 WHERE id = ?1", (id, name, fold(name)))?;
            if before != name {
                crate::store::report_book::axis_renamed(conn, &before, name)?;
            }
            Ok(true)
        }
    }
}

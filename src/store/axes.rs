//! Policy axes ("ejes"): editable, because each administration names its own. Axes belong to a
//! set (one per administration or plan), ordered within it; one set is active and the form
//! offers its axes that are not archived. Activities point at an axis by id, so a rename keeps
//! them; an archived axis keeps its activities and reports still print it.
//!
//! Every change to an axis lands in the change feed as the whole axis ([`feed_record`]), keyed
//! for sync by `sync_key` (ids differ between copies; the key is the first name's, kept on
//! rename). The edits themselves are in [`edits`].

mod edits;
pub(crate) mod received;

pub use edits::AxisEdit;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::feed::{self, Entity};
use crate::domain::AxisId;
use crate::text::fold;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Axis {
    pub id: AxisId,
    pub name: String,
    /// 1, 2, 3… within its set.
    pub position: u32,
    /// The name of its set.
    pub set: String,
    /// Not offered in the form; its activities keep it and reports still print it.
    pub archived: bool,
    /// Printed first in the period report (the head of government's agenda, press, embassies).
    pub cross_cutting: bool,
    /// The form offers it: it is in the active set and not archived.
    pub offered: bool,
}

/// A set of axes (one per administration or plan), with its axes in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AxisSet {
    pub name: String,
    /// The set the form offers.
    pub active: bool,
    pub axes: Vec<Axis>,
}

/// Live axes joined to their set, for the queries below to narrow and order.
const AXES: &str = "SELECT x.id, x.name, x.position, s.name, x.archived, x.cross_cutting, s.active AND NOT x.archived
      FROM axes x JOIN axis_sets s ON s.id = x.set_id WHERE x.deleted_at IS NULL";

/// The active set first, then the others by name; axes by position within each.
const IN_ORDER: &str = "ORDER BY s.active DESC, s.name_key, x.position, x.name_key";

fn read_axis(r: &rusqlite::Row) -> rusqlite::Result<Axis> {
    let id: String = r.get(0)?;
    Ok(Axis {
        id: AxisId(id.parse().unwrap_or_default()),
        name: r.get(1)?,
        position: r.get(2)?,
        set: r.get(3)?,
        archived: r.get(4)?,
        cross_cutting: r.get(5)?,
        offered: r.get(6)?,
    })
}

fn query(conn: &Connection, narrowing: &str, params: impl rusqlite::Params) -> rusqlite::Result<Vec<Axis>> {
    let mut stmt = conn.prepare_cached(&format!("{AXES} {narrowing} {IN_ORDER}"))?;
    let rows = stmt.query_map(params, read_axis)?;
    rows.collect()
}

/// The axis with this name (accent- and case-insensitive), created at the end of the active
/// set if new. Returns its id and whether it was created.
pub(crate) fn find_or_create(conn: &Connection, name: &str) -> rusqlite::Result<(String, bool)> {
    if let Some(id) = id_named(conn, name)? {
        return Ok((id, false));
    }
    let set = active_set(conn)?;
    Ok((create(conn, name, &set)?, true))
}

fn id_named(conn: &Connection, name: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT id FROM axes WHERE name_key = ?1 AND deleted_at IS NULL")?
        .query_row([fold(name)], |r| r.get(0))
        .optional()
}

fn active_set(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row("SELECT id FROM axis_sets WHERE active = 1", [], |r| r.get(0))
}

/// A new axis at the end of `set_id`, announced to the feed whole.
fn create(conn: &Connection, name: &str, set_id: &str) -> rusqlite::Result<String> {
    let id = insert(conn, name, set_id, &new_sync_key(conn, name)?)?;
    announce(conn, &id, &["name", "set", "position", "archived", "cross_cutting"])?;
    Ok(id)
}

/// Writes a new axis row at the end of `set_id`; returns its id.
fn insert(conn: &Connection, name: &str, set_id: &str, sync_key: &str) -> rusqlite::Result<String> {
    let id = AxisId::new().to_string();
    let position: i64 =
        conn.query_row("SELECT COALESCE(MAX(position), 0) + 1 FROM axes WHERE set_id = ?1 AND deleted_at IS NULL", [set_id], |r| r.get(0))?;
    conn.execute(
        "INSERT INTO axes (id, name, name_key, position, created_at, set_id, sync_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (&id, name.trim(), fold(name), position, super::now(), set_id, sync_key),
    )?;
    Ok(id)
}

/// A new, inactive set; returns its id.
fn new_set(conn: &Connection, name: &str) -> rusqlite::Result<String> {
    let id = AxisId::new().to_string();
    conn.execute(
        "INSERT INTO axis_sets (id, name, name_key, created_at) VALUES (?1, ?2, ?3, ?4)",
        (&id, name.trim(), fold(name), super::now()),
    )?;
    Ok(id)
}

/// The name's key, unless an axis renamed away from this name still holds it: two copies that
/// create the same name meet on one key; a later axis of an old name gets a key of its own.
fn new_sync_key(conn: &Connection, name: &str) -> rusqlite::Result<String> {
    let key = fold(name);
    let taken: bool = conn.query_row("SELECT EXISTS(SELECT 1 FROM axes WHERE sync_key = ?1)", [&key], |r| r.get(0))?;
    Ok(if taken { format!("{key}#{}", AxisId::new()) } else { key })
}

/// The axis as sync carries it: its key, name, set, position and flags.
fn feed_record(conn: &Connection, id: &str) -> rusqlite::Result<serde_json::Value> {
    conn.query_row(
        "SELECT x.sync_key, x.name, s.name, x.position, x.archived, x.cross_cutting
           FROM axes x JOIN axis_sets s ON s.id = x.set_id WHERE x.id = ?1",
        [id],
        |r| {
            Ok(serde_json::json!({
                "key": r.get::<_, String>(0)?,
                "name": r.get::<_, String>(1)?,
                "set": r.get::<_, String>(2)?,
                "position": r.get::<_, i64>(3)?,
                "archived": r.get::<_, bool>(4)?,
                "cross_cutting": r.get::<_, bool>(5)?,
            }))
        },
    )
}

/// Appends the axis as it now stands to the change feed, naming the fields that changed.
fn announce(conn: &Connection, id: &str, fields: &[&str]) -> rusqlite::Result<()> {
    let record = feed_record(conn, id)?;
    let fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    feed::append(conn, Entity::Axis, id, Some(&record), &fields)
}

impl super::Store {
    /// Every live axis: the active set's first, then the other sets' by set name, each set's
    /// in its order. Archived axes included (filters and reports still name them).
    pub fn axes(&self) -> super::Result<Vec<Axis>> {
        Ok(query(&self.conn, "", [])?)
    }

    /// Every set with its axes, the active set first.
    pub fn axis_sets(&self) -> super::Result<Vec<AxisSet>> {
        let mut stmt = self.conn.prepare("SELECT name, active FROM axis_sets ORDER BY active DESC, name_key")?;
        let sets: Vec<(String, bool)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        let mut axes = self.axes()?;
        Ok(sets
            .into_iter()
            .map(|(name, active)| {
                let (mine, rest) = axes.drain(..).partition(|a: &Axis| a.set == name);
                axes = rest;
                AxisSet { name, active, axes: mine }
            })
            .collect())
    }
}

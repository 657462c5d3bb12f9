//! Editing axes and their sets: add, rename, order, archive, mark cross-cutting; create a set
//! and make it active. Axes are named, not numbered (names are unique across sets, as an
//! activity names its axis). Each edit is one transaction; each axis it changes is audited and
//! announced to the change feed whole.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{announce, create, feed_record, id_named, Axis};
use crate::store::audit::{self, Write};
use crate::store::feed::{self, Entity};
use crate::store::{load, Actor, Result, Store, StoreError};
use crate::text::fold;
use crate::Text;

/// One edit, as the window asks for it (the command line calls the methods below directly).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum AxisEdit {
    /// At the end of `set` (the active set when none).
    Add { name: String, set: Option<String> },
    Rename { name: String, new_name: String },
    /// To place `to` of its set (1 = first).
    Move { name: String, to: u32 },
    Archive { name: String, archived: bool },
    CrossCutting { name: String, cross_cutting: bool },
    AddSet { name: String },
    ActivateSet { name: String },
}

fn refused(es: String, en: String) -> StoreError {
    StoreError::Conflict(Text::new(es, en))
}

/// The name trimmed, refused when empty.
fn clean<'a>(name: &'a str, es: &str, en: &str) -> Result<&'a str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(refused(format!("el nombre {es} no puede estar vacío"), format!("the {en} name cannot be empty")));
    }
    Ok(name)
}

fn unknown_axis(name: &str) -> StoreError {
    refused(format!("no hay un eje llamado «{name}»"), format!("there is no axis named «{name}»"))
}

fn require_axis(conn: &Connection, name: &str) -> Result<String> {
    id_named(conn, name)?.ok_or_else(|| unknown_axis(name))
}

fn require_set(conn: &Connection, name: &str) -> Result<String> {
    conn.query_row("SELECT id FROM axis_sets WHERE name_key = ?1", [fold(name)], |r| r.get(0))
        .optional()?
        .ok_or_else(|| refused(format!("no hay un conjunto de ejes llamado «{name}»"), format!("there is no axis set named «{name}»")))
}

/// Refuses a name another axis already has, saying in which set.
fn ensure_free(conn: &Connection, name: &str, except: Option<&str>) -> Result<()> {
    let holder: Option<(String, String)> = conn
        .query_row(
            "SELECT x.id, s.name FROM axes x JOIN axis_sets s ON s.id = x.set_id WHERE x.name_key = ?1 AND x.deleted_at IS NULL",
            [fold(name)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match holder {
        Some((id, set)) if Some(id.as_str()) != except => Err(refused(
            format!("ya hay un eje llamado «{name}» (en «{set}»)"),
            format!("there is already an axis named «{name}» (in «{set}»)"),
        )),
        _ => Ok(()),
    }
}

/// Runs one UPDATE on an axis; when it changed something, audits it and announces `fields`.
fn update(conn: &Connection, actor: &Actor, id: &str, action: &str, fields: &[&str], sql: &str, value: impl rusqlite::ToSql) -> Result<()> {
    let before = feed_record(conn, id)?;
    conn.execute(sql, rusqlite::params![id, value])?;
    let after = feed_record(conn, id)?;
    if before != after {
        audit::record(conn, actor, Write { entity: "axis", entity_id: id, action, before: Some(&before), after: Some(&after) })?;
        announce(conn, id, fields)?;
    }
    Ok(())
}

/// After a rename, each live activity of the axis is announced with its new axis name, so the
/// record sync carries names the axis as it is now called (a later edit elsewhere must not
/// bring the old name back). The activity's history shows the change.
fn announce_activities(conn: &Connection, actor: &Actor, axis_id: &str, old: &str) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM activities WHERE axis_id = ?1 AND deleted_at IS NULL")?
        .query_map([axis_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for a in load::activities(conn, &ids, false)? {
        let after = serde_json::to_value(a.to_input()).expect("activity serialises");
        let mut before = after.clone();
        before["axis"] = serde_json::Value::from(old);
        let id = a.id.to_string();
        audit::record(conn, actor, Write { entity: "activity", entity_id: &id, action: "update", before: Some(&before), after: Some(&after) })?;
        feed::append(conn, Entity::Activity, &id, Some(&after), &["axis".into()])?;
    }
    Ok(())
}

impl Store {
    /// Carries out one edit (see the methods it names).
    pub fn edit_axes(&mut self, edit: &AxisEdit, actor: &Actor) -> Result<()> {
        match edit {
            AxisEdit::Add { name, set } => self.add_axis(name, set.as_deref(), actor).map(drop),
            AxisEdit::Rename { name, new_name } => self.rename_axis(name, new_name, actor).map(drop),
            AxisEdit::Move { name, to } => self.move_axis(name, *to as usize, actor).map(drop),
            AxisEdit::Archive { name, archived } => self.set_axis_archived(name, *archived, actor).map(drop),
            AxisEdit::CrossCutting { name, cross_cutting } => self.set_axis_cross_cutting(name, *cross_cutting, actor).map(drop),
            AxisEdit::AddSet { name } => self.add_axis_set(name, actor).map(drop),
            AxisEdit::ActivateSet { name } => self.activate_axis_set(name, actor).map(drop),
        }
    }

    fn axis_named(&self, name: &str) -> Result<Axis> {
        let key = fold(name);
        self.axes()?.into_iter().find(|a| fold(&a.name) == key).ok_or_else(|| unknown_axis(name))
    }

    /// Adds an axis at the end of `set` (the active set when `None`).
    pub fn add_axis(&mut self, name: &str, set: Option<&str>, actor: &Actor) -> Result<Axis> {
        let name = clean(name, "del eje", "axis")?;
        self.with_transaction(|tx| {
            ensure_free(tx, name, None)?;
            let set_id = match set {
                Some(set) => require_set(tx, set)?,
                None => super::active_set(tx)?,
            };
            let id = create(tx, name, &set_id)?;
            let after = feed_record(tx, &id)?;
            audit::record(tx, actor, Write { entity: "axis", entity_id: &id, action: "create", before: None, after: Some(&after) })?;
            Ok::<_, StoreError>(())
        })?;
        self.axis_named(name)
    }

    /// Renames an axis; its activities keep it (they point at the axis, not at the name).
    pub fn rename_axis(&mut self, old: &str, new: &str, actor: &Actor) -> Result<Axis> {
        let new = clean(new, "del eje", "axis")?;
        self.with_transaction(|tx| {
            let id = require_axis(tx, old)?;
            ensure_free(tx, new, Some(&id))?;
            let before: String = tx.query_row("SELECT name FROM axes WHERE id = ?1", [&id], |r| r.get(0))?;
            if before == new {
                return Ok(());
            }
            tx.execute("UPDATE axes SET name_key = ?2 WHERE id = ?1", (&id, fold(new)))?;
            update(tx, actor, &id, "rename", &["name"], "UPDATE axes SET name = ?2 WHERE id = ?1", new)?;
            crate::store::report_book::axis_renamed(tx, &before, new)?;
            announce_activities(tx, actor, &id, &before)
        })?;
        self.axis_named(new)
    }

    /// Moves an axis to place `to` (1 = first) within its set; the others follow in order.
    /// A place past the end puts it last.
    pub fn move_axis(&mut self, name: &str, to: usize, actor: &Actor) -> Result<Axis> {
        self.with_transaction(|tx| {
            let id = require_axis(tx, name)?;
            let mut order: Vec<String> = tx
                .prepare(
                    "SELECT id FROM axes WHERE deleted_at IS NULL AND set_id = (SELECT set_id FROM axes WHERE id = ?1)
                     ORDER BY position, name_key",
                )?
                .query_map([&id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            order.retain(|a| *a != id);
            order.insert(to.clamp(1, order.len() + 1) - 1, id);
            for (i, axis) in order.iter().enumerate() {
                update(tx, actor, axis, "move", &["position"], "UPDATE axes SET position = ?2 WHERE id = ?1", i as u32 + 1)?;
            }
            Ok::<_, StoreError>(())
        })?;
        self.axis_named(name)
    }

    /// Archives an axis (the form no longer offers it) or brings it back.
    pub fn set_axis_archived(&mut self, name: &str, archived: bool, actor: &Actor) -> Result<Axis> {
        let action = if archived { "archive" } else { "unarchive" };
        self.with_transaction(|tx| {
            let id = require_axis(tx, name)?;
            update(tx, actor, &id, action, &["archived"], "UPDATE axes SET archived = ?2 WHERE id = ?1", archived)
        })?;
        self.axis_named(name)
    }

    /// Marks an axis cross-cutting (the report prints it before the others) or not.
    pub fn set_axis_cross_cutting(&mut self, name: &str, cross_cutting: bool, actor: &Actor) -> Result<Axis> {
        self.with_transaction(|tx| {
            let id = require_axis(tx, name)?;
            update(tx, actor, &id, "cross_cutting", &["cross_cutting"], "UPDATE axes SET cross_cutting = ?2 WHERE id = ?1", cross_cutting)
        })?;
        self.axis_named(name)
    }

    /// Creates an empty set of axes (not active). Returns its name as kept.
    pub fn add_axis_set(&mut self, name: &str, actor: &Actor) -> Result<String> {
        let name = clean(name, "del conjunto de ejes", "axis set")?;
        self.with_transaction(|tx| {
            let taken: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM axis_sets WHERE name_key = ?1)", [fold(name)], |r| r.get(0))?;
            if taken {
                return Err(refused(format!("ya hay un conjunto de ejes llamado «{name}»"), format!("there is already an axis set named «{name}»")));
            }
            let id = super::new_set(tx, name)?;
            let after = serde_json::json!({ "name": name });
            audit::record(tx, actor, Write { entity: "axis_set", entity_id: &id, action: "create", before: None, after: Some(&after) })?;
            Ok(name.to_string())
        })
    }

    /// Makes a set the active one: the form offers its axes, and new axis names go into it.
    /// Which set is active is this copy's choice; it does not travel in bundles. Returns the
    /// set's name as kept.
    pub fn activate_axis_set(&mut self, name: &str, actor: &Actor) -> Result<String> {
        self.with_transaction(|tx| {
            let id = require_set(tx, name)?;
            tx.execute("UPDATE axis_sets SET active = 0 WHERE active = 1 AND id <> ?1", [&id])?;
            if tx.execute("UPDATE axis_sets SET active = 1 WHERE id = ?1 AND active = 0", [&id])? > 0 {
                let after = serde_json::json!({ "active": true });
                audit::record(tx, actor, Write { entity: "axis_set", entity_id: &id, action: "activate", before: None, after: Some(&after) })?;
            }
            Ok(tx.query_row("SELECT name FROM axis_sets WHERE id = ?1", [&id], |r| r.get(0))?)
        })
    }
}

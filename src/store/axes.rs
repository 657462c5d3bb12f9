//! Policy axes ("ejes"): editable, because each administration names its own.

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
    pub position: i64,
}

/// The axis with this name (accent- and case-insensitive), created if new.
/// Returns its id and whether it was created.
pub(crate) fn find_or_create(conn: &Connection, name: &str) -> rusqlite::Result<(String, bool)> {
    let key = fold(name);
    let found: Option<String> = conn
        .prepare_cached("SELECT id FROM axes WHERE name_key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok((id, false));
    }
    let id = AxisId::new().to_string();
    let position: i64 = conn.query_row("SELECT COALESCE(MAX(position), 0) + 1 FROM axes", [], |r| r.get(0))?;
    conn.execute(
        "INSERT INTO axes (id, name, name_key, position, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        (&id, name.trim(), &key, position, super::now()),
    )?;
    let record = serde_json::json!({ "name": name.trim(), "position": position });
    feed::append(conn, Entity::Axis, &id, Some(&record), &["name".into(), "position".into()])?;
    Ok((id, true))
}

impl super::Store {
    /// Axes in their display order.
    pub fn axes(&self) -> super::Result<Vec<Axis>> {
        let mut stmt =
            self.conn.prepare("SELECT id, name, position FROM axes WHERE deleted_at IS NULL ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| {
            let id: String = r.get(0)?;
            Ok(Axis { id: AxisId(id.parse().unwrap_or_default()), name: r.get(1)?, position: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds an axis (or returns the existing one of that name).
    pub fn add_axis(&mut self, name: &str) -> super::Result<Axis> {
        if name.trim().is_empty() {
            return Err(super::StoreError::Conflict(crate::Text::new("el nombre del eje no puede estar vacío", "the axis name cannot be empty")));
        }
        let id = self.with_transaction(|tx| find_or_create(tx, name).map(|(id, _)| id))?;
        self.axes()?
            .into_iter()
            .find(|a| a.id.to_string() == id)
            .ok_or(super::StoreError::NotFound { entity: "eje", id })
    }
}

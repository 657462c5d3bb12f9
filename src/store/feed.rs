//! Appends local writes to the change feed (`changes`), which sync bundles are made from.

use rusqlite::Connection;

use super::clock;

/// What changed: the entity kind as sync names it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entity {
    Activity,
    Organisation,
    Person,
    Axis,
}

impl Entity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Entity::Activity => "activity",
            Entity::Organisation => "organisation",
            Entity::Person => "person",
            Entity::Axis => "axis",
        }
    }
}

/// The top-level keys whose values differ between two JSON objects.
pub(crate) fn changed_fields(before: Option<&serde_json::Value>, after: &serde_json::Value) -> Vec<String> {
    let empty = serde_json::Map::new();
    let b = before.and_then(|v| v.as_object()).unwrap_or(&empty);
    let a = after.as_object().unwrap_or(&empty);
    let mut keys: Vec<String> =
        a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).cloned().collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Records an upsert (with the record as it now stands) or a deletion (`record` = None).
pub(crate) fn append(
    conn: &Connection,
    entity: Entity,
    id: &str,
    record: Option<&serde_json::Value>,
    fields: &[String],
) -> rusqlite::Result<()> {
    let hlc = clock::tick(conn)?;
    let origin = clock::copy_id(conn)?;
    let op = if record.is_some() { "upsert" } else { "delete" };
    conn.prepare_cached(
        "INSERT INTO changes (entity, entity_id, op, hlc, origin, record, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((
        entity.as_str(),
        id,
        op,
        hlc,
        origin,
        record.map(|r| r.to_string()),
        serde_json::to_string(fields).expect("strings serialise"),
    ))?;
    Ok(())
}

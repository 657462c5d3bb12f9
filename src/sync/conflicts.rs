//! The conflict log: concurrent edits and delete-vs-edit the merge found, and how a
//! coordinator settles them (`enlace conflicts list|resolve`). A resolution is a change like
//! any other: it replaces every conflicting value and travels in the next bundles.

use serde_json::Value;

use super::change::{Entity, DELETED};
use super::identity::Identity;
use super::journal;
use super::merge::{Conflict, Head, RecordState, Resolution};
use super::SyncError;
use super::shown::value_text;
use crate::domain::Kind;
use crate::store::{for_sync, Actor, Store, SyncBook};
use crate::Text;

/// One open conflict of one record.
#[derive(Debug, Clone)]
pub struct Entry {
    pub activity_id: String,
    pub title: Option<String>,
    pub kind: Option<Kind>,
    pub conflict: Conflict,
}

impl Entry {
    /// The field concerned (`_deleted` for delete-vs-edit).
    pub fn field(&self) -> &str {
        match &self.conflict {
            Conflict::Field { field, .. } => field,
            Conflict::DeleteEdit { .. } => DELETED,
        }
    }

    /// One paragraph in Spanish; values numbered as `resolve --keep N` takes them.
    pub fn describe_es(&self, name_of: impl Fn(&Head) -> String) -> String {
        let title = self.title.as_deref().unwrap_or("(sin título)");
        match &self.conflict {
            Conflict::Field { field, winner, losers } => {
                let mut out = format!("«{title}» ({}), campo «{field}»:\n  0 (vigente) {} — {}", self.activity_id, winner.value, name_of(winner));
                for (i, l) in losers.iter().enumerate() {
                    out.push_str(&format!("\n  {} {} — {}", i + 1, l.value, name_of(l)));
                }
                out
            }
            Conflict::DeleteEdit { deleted, edits } => {
                let fields: Vec<&str> = edits.iter().map(|(f, _)| f.as_str()).collect();
                format!(
                    "«{title}» ({}): borrada por {} mientras otra copia la editaba ({})",
                    self.activity_id,
                    name_of(deleted),
                    fields.join(", ")
                )
            }
        }
    }
}

fn title_of(state: &RecordState) -> Option<String> {
    state.value().get("title").and_then(Value::as_str).map(str::to_string)
}

fn kind_of(state: &RecordState) -> Option<Kind> {
    state.value().get("kind").and_then(Value::as_str).and_then(Kind::parse)
}

/// One open conflict as the app shows it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ConflictView {
    pub activity_id: String,
    pub title: Option<String>,
    /// The field concerned; `_deleted` when the record was deleted on one copy while edited
    /// on another.
    pub field: String,
    /// The record's kind (its details are labelled by it).
    pub kind: Option<Kind>,
    /// A field conflict: the current value first, then the others, numbered as
    /// [`Choice::Keep`] takes them. Delete-vs-edit: the deletion, then the edits.
    pub values: Vec<ConflictValue>,
}

/// One of the values in conflict: who wrote it and when.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ConflictValue {
    pub field: String,
    pub value: Value,
    /// The value in words: labels, names and dates as a person reads them.
    pub shown: Text,
    /// The name of the copy that wrote it (this copy's or a roster entry's).
    pub by: String,
    /// RFC 3339, by the writer's clock.
    pub at: String,
}

/// Every open conflict, with the names of the copies involved.
pub fn views(store: &Store) -> Result<Vec<ConflictView>, SyncError> {
    let book = store.sync_book();
    let me = Identity::load(book)?;
    let name_of = |head: &Head| -> String {
        let stamp_origin = head.stamp.origin;
        let origin = super::series::owner(book, stamp_origin).ok().flatten().unwrap_or(stamp_origin);
        match &me {
            Some(me) if me.public.id == origin => me.public.name.clone(),
            _ => super::roster::get(book, &origin).ok().flatten().map_or_else(|| origin.to_string(), |p| p.name),
        }
    };
    let value = |field: &str, head: &Head, kind: Option<Kind>| ConflictValue {
        field: field.to_string(),
        shown: value_text(field, &head.value, kind),
        value: head.value.clone(),
        by: name_of(head),
        at: head.stamp.hlc.wall().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    Ok(list(store)?
        .into_iter()
        .map(|entry| {
            let kind = entry.kind;
            let values = match &entry.conflict {
                Conflict::Field { field, winner, losers } => {
                    std::iter::once(winner).chain(losers).map(|h| value(field, h, kind)).collect()
                }
                Conflict::DeleteEdit { deleted, edits } => {
                    std::iter::once(value(DELETED, deleted, kind)).chain(edits.iter().map(|(f, h)| value(f, h, kind))).collect()
                }
            };
            ConflictView { field: entry.field().to_string(), activity_id: entry.activity_id, title: entry.title, kind, values }
        })
        .collect())
}

/// Every open conflict, by activity.
pub fn list(store: &Store) -> Result<Vec<Entry>, SyncError> {
    let mut out = Vec::new();
    for (id, state) in store.sync_book().record_states::<RecordState>(Entity::Activity.as_str(), true)? {
        let state = state.map_err(|e| SyncError::Corrupt(e.to_string()))?;
        out.extend(state.conflicts().into_iter().map(|conflict| Entry { activity_id: id.clone(), title: title_of(&state), kind: kind_of(&state), conflict }));
    }
    Ok(out)
}

/// What the coordinator keeps.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[ts(export, rename = "ConflictChoice")]
pub enum Choice {
    /// Value number N as `list` shows it (0 = the current one).
    Keep(usize),
    /// A new value (JSON, as in the interchange format).
    Value(Value),
    /// Delete-vs-edit: keep the record deleted.
    KeepDeleted,
    /// Delete-vs-edit: keep it, with the edits.
    Restore,
}

/// Settles the conflict on `field` of activity `id`.
pub fn resolve(store: &mut Store, id: &str, field: &str, choice: Choice, actor: &Actor) -> Result<(), SyncError> {
    let me = Identity::require(store)?;
    store.with_sync_transaction(|tx| {
        journal::ingest_local(tx, me.public.id)?;
        let state = journal::load_state(tx, Entity::Activity, id)?;
        let conflict = state
            .conflicts()
            .into_iter()
            .find(|c| matches!(c, Conflict::Field { field: f, .. } if f == field) || (field == DELETED && matches!(c, Conflict::DeleteEdit { .. })))
            .ok_or_else(|| SyncError::NoSuchConflict(format!("{id}:{field}")))?;
        let resolution = match (&conflict, choice) {
            (Conflict::Field { winner, losers, .. }, Choice::Keep(n)) => {
                let head = if n == 0 { Some(winner) } else { losers.get(n - 1) };
                let head = head.ok_or_else(|| SyncError::NoSuchConflict(format!("{id}:{field} valor {n}")))?;
                Resolution::Value { field: field.into(), value: head.value.clone() }
            }
            (Conflict::Field { .. }, Choice::Value(value)) => Resolution::Value { field: field.into(), value },
            (Conflict::DeleteEdit { .. }, Choice::KeepDeleted) => Resolution::KeepDeleted,
            (Conflict::DeleteEdit { .. }, Choice::Restore) => Resolution::Restore,
            _ => return Err(SyncError::NoSuchConflict(format!("{id}:{field} (esa opción no aplica a este conflicto)"))),
        };
        write_through(tx, id, &state, &resolution, actor)?;
        journal::skip_feed(tx)?;
        let origin = super::series::enter(tx, me.public.id)?;
        let change = state.resolve(journal::tick(tx, origin)?, journal::next_seq(tx, origin)?, Entity::Activity, id, &resolution);
        journal::record(tx, &change, state)?;
        Ok(())
    })
}

/// Makes the store show what the resolution decides.
fn write_through(tx: SyncBook<'_>, id: &str, state: &RecordState, resolution: &Resolution, actor: &Actor) -> Result<(), SyncError> {
    let in_trash = for_sync::activity(tx, id)?.is_some_and(|a| a.meta.deleted_at.is_some());
    match resolution {
        Resolution::Value { field, value } => {
            let mut record = state.value();
            record.insert("id".into(), Value::from(id));
            record.insert(field.clone(), value.clone());
            record.retain(|_, v| !v.is_null());
            let input = serde_json::from_value(Value::Object(record))
                .map_err(|e| SyncError::InvalidRecord { id: id.into(), message: crate::Text::new(e.to_string(), e.to_string()) })?;
            for_sync::save_activity(tx, &input, actor)?;
            if in_trash && state.is_deleted() {
                for_sync::set_activity_trashed(tx, id, true, actor)?;
            }
        }
        Resolution::KeepDeleted if !in_trash => for_sync::set_activity_trashed(tx, id, true, actor)?,
        Resolution::Restore if in_trash => for_sync::set_activity_trashed(tx, id, false, actor)?,
        _ => {}
    }
    Ok(())
}

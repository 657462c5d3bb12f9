//! Writing activities: the one write path every caller (app, import, sample, CLI) goes through.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::audit::{self, Write};
use super::feed::{self, Entity};
use super::{axes, directory, load, search_index, Actor, Result, StoreError};
use crate::domain::activity::OrgMentionFull;
use crate::domain::{validate, Activity, ActivityId, ActivityInput, OrgLink, PersonLink, RecordMeta, ValidActivity};
use crate::text::fold;
use crate::Text;

/// What one write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Created,
    Updated,
    /// The record already held exactly these values; nothing was written.
    Unchanged,
}

/// Directory entries a write created along the way, reported to the person.
#[derive(Debug, Default)]
pub(crate) struct Created {
    pub organisations: Vec<String>,
    pub people: Vec<String>,
    pub axes: Vec<String>,
}

/// What the writes of one import share: the directory entries they created, and the
/// organisations and axes already looked up (an import names the same few hundred again and
/// again; within its transaction only its own writes touch them, and those only add).
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub created: Created,
    /// Id and directory spelling by the name as written.
    organisations: HashMap<String, (String, String)>,
    /// Id by the name as written.
    axes: HashMap<String, String>,
}

impl Batch {
    fn axis(&mut self, conn: &Connection, name: &str) -> rusqlite::Result<String> {
        if let Some(id) = self.axes.get(name) {
            return Ok(id.clone());
        }
        let (id, new) = axes::find_or_create(conn, name)?;
        if new {
            self.created.axes.push(name.to_string());
        }
        self.axes.insert(name.to_string(), id.clone());
        Ok(id)
    }

    /// A name found once is found again: finding ignores a mention's kind and country.
    fn organisation(&mut self, conn: &Connection, m: &OrgMentionFull, actor: &Actor) -> Result<(String, String)> {
        if let Some(found) = self.organisations.get(&m.name) {
            return Ok(found.clone());
        }
        let (id, name, new) = directory::find_or_create_org(conn, m, actor)?;
        if new {
            self.created.organisations.push(name.clone());
        }
        self.organisations.insert(m.name.clone(), (id.clone(), name.clone()));
        Ok((id, name))
    }
}

/// The existing record a write without an id refers to: same kind, start date and title.
fn natural_match(conn: &Connection, v: &ValidActivity, title_key: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT id FROM activities WHERE kind = ?1 AND start_date = ?2 AND title_key = ?3 ORDER BY deleted_at IS NOT NULL LIMIT 1",
    )?
    .query_row((v.kind.as_str(), v.start.first_day().to_string(), title_key), |r| r.get(0))
    .optional()
}

/// Writes a validated activity inside the caller's transaction; its search index row joins
/// `search`, which the caller flushes before it commits.
pub(crate) fn write(
    conn: &Connection,
    v: ValidActivity,
    actor: &Actor,
    batch: &mut Batch,
    search: &mut search_index::Pending,
) -> Result<(Activity, Outcome)> {
    let title_key = fold(&v.title);
    let matched = match v.id {
        Some(id) => Some(id.to_string()),
        None => natural_match(conn, &v, &title_key)?,
    };
    let existing = match &matched {
        Some(id) => load::activities(conn, std::slice::from_ref(id), true)?.pop(),
        None => None,
    };
    let id = match (v.id, &matched) {
        (Some(id), _) => id,
        (None, Some(existing)) => existing.parse().map_err(|_| StoreError::Corrupt(format!("id «{existing}»")))?,
        (None, None) => ActivityId::new(),
    };

    let axis_id = match &v.axis {
        Some(name) => Some(batch.axis(conn, name)?),
        None => None,
    };
    let mut organisations = Vec::with_capacity(v.organisations.len());
    for m in &v.organisations {
        let (org_id, name) = batch.organisation(conn, m, actor)?;
        if !organisations.iter().any(|o: &OrgLink| o.id.to_string() == org_id) {
            organisations.push(OrgLink { id: org_id.parse().expect("uuid we wrote"), name, role: m.role.clone() });
        }
    }
    let mut people = Vec::with_capacity(v.people.len());
    for m in &v.people {
        let (person_id, name, new) = directory::find_or_create_person(conn, m, actor)?;
        if new {
            batch.created.people.push(name.clone());
        }
        if !people.iter().any(|p: &PersonLink| p.id.to_string() == person_id) {
            people.push(PersonLink {
                id: person_id.parse().expect("uuid we wrote"),
                name,
                post: m.post.clone(),
                organisation: m.organisation.clone(),
                role: m.role.clone(),
            });
        }
    }

    let now = super::now();
    let meta = match &existing {
        Some(e) => RecordMeta { updated_at: now.clone(), updated_by: actor.name.clone(), deleted_at: None, ..e.meta.clone() },
        None => RecordMeta {
            created_at: now.clone(),
            created_by: actor.name.clone(),
            updated_at: now.clone(),
            updated_by: actor.name.clone(),
            deleted_at: None,
        },
    };
    let activity = Activity {
        id,
        kind: v.kind,
        title: v.title,
        start: v.start,
        end: v.end,
        start_time: v.start_time,
        end_time: v.end_time,
        summary: v.summary,
        modality: v.modality,
        place: v.place,
        countries: v.countries,
        organisations,
        people,
        axis: v.axis,
        topics: v.topics,
        outcomes: v.outcomes,
        follow_ups: v.follow_ups,
        status: v.status,
        date_text: v.date_text,
        details: v.details,
        attachments: existing.as_ref().map(|e| e.attachments.clone()).unwrap_or_default(),
        meta,
    };

    let after = serde_json::to_value(activity.to_input()).expect("activity serialises");
    let before = existing.as_ref().map(|e| serde_json::to_value(e.to_input()).expect("activity serialises"));
    let in_trash = existing.as_ref().is_some_and(|e| e.meta.deleted_at.is_some());
    if before.as_ref() == Some(&after) && !in_trash {
        return Ok((existing.expect("compared above"), Outcome::Unchanged));
    }

    let fresh = existing.is_none();
    let seq = write_rows(conn, &activity, &title_key, axis_id.as_deref(), fresh)?;
    search.index(conn, seq, &activity, fresh)?;
    let action = if existing.is_some() { "update" } else { "create" };
    let entity_id = activity.id.to_string();
    audit::record(conn, actor, Write { entity: "activity", entity_id: &entity_id, action, before: before.as_ref(), after: Some(&after) })?;
    feed::append(conn, Entity::Activity, &entity_id, Some(&after), &feed::changed_fields(before.as_ref(), &after))?;
    Ok((activity, if existing.is_some() { Outcome::Updated } else { Outcome::Created }))
}

/// Writes the activity's row and its links; answers its `seq` (the search index's rowid). A
/// `fresh` record has no rows yet, so there are no old links to clear.
fn write_rows(conn: &Connection, a: &Activity, title_key: &str, axis_id: Option<&str>, fresh: bool) -> rusqlite::Result<i64> {
    let id = a.id.to_string();
    let seq: i64 = conn.prepare_cached(
        "INSERT INTO activities (id, kind, title, title_key, start_date, start_precision, end_date, end_precision,
            span_end, start_time, end_time, summary, modality, place, axis_id, topics, outcomes, status, date_text,
            details, created_at, created_by, updated_at, updated_by, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, NULL)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, title_key = excluded.title_key,
            start_date = excluded.start_date, start_precision = excluded.start_precision, end_date = excluded.end_date,
            end_precision = excluded.end_precision, span_end = excluded.span_end, start_time = excluded.start_time,
            end_time = excluded.end_time, summary = excluded.summary, modality = excluded.modality, place = excluded.place,
            axis_id = excluded.axis_id, topics = excluded.topics, outcomes = excluded.outcomes, status = excluded.status,
            date_text = excluded.date_text, details = excluded.details, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by, deleted_at = NULL
         RETURNING seq",
    )?
    .query_row(rusqlite::params![
        id,
        a.kind.as_str(),
        a.title,
        title_key,
        a.start.first_day().to_string(),
        a.start.precision().as_str(),
        a.end.map(|d| d.first_day().to_string()),
        a.end.map(|d| d.precision().as_str()),
        a.end.unwrap_or(a.start).last_day().max(a.start.last_day()).to_string(),
        a.start_time,
        a.end_time,
        a.summary,
        a.modality.map(|m| m.as_str()),
        a.place,
        axis_id,
        json(&a.topics),
        a.outcomes,
        a.status.as_str(),
        a.date_text,
        json(&a.details),
        a.meta.created_at,
        a.meta.created_by,
        a.meta.updated_at,
        a.meta.updated_by,
    ], |r| r.get(0))?;
    if !fresh {
        for table in ["activity_countries", "activity_organisations", "activity_people", "follow_ups"] {
            conn.prepare_cached(&format!("DELETE FROM {table} WHERE activity_id = ?1"))?.execute([&id])?;
        }
    }
    let mut stmt = conn.prepare_cached("INSERT INTO activity_countries (activity_id, country, position) VALUES (?1, ?2, ?3)")?;
    for (i, c) in a.countries.iter().enumerate() {
        stmt.execute((&id, c, i as i64))?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activity_organisations (activity_id, organisation_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, o) in a.organisations.iter().enumerate() {
        stmt.execute((&id, o.id.to_string(), &o.role, i as i64))?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activity_people (activity_id, person_id, post, organisation, role, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, p) in a.people.iter().enumerate() {
        stmt.execute((&id, p.id.to_string(), &p.post, &p.organisation, &p.role, i as i64))?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO follow_ups (activity_id, position, task, due, owner, done) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, f) in a.follow_ups.iter().enumerate() {
        stmt.execute((&id, i as i64, &f.task, f.due.map(|d| d.to_string()), &f.owner, f.done))?;
    }
    Ok(seq)
}

/// Writes one validated activity inside the caller's transaction, its search index row too.
pub(crate) fn write_one(conn: &Connection, v: ValidActivity, actor: &Actor) -> Result<Activity> {
    let mut search = search_index::Pending::default();
    let (activity, _) = write(conn, v, actor, &mut Batch::default(), &mut search)?;
    search.flush(conn)?;
    Ok(activity)
}

/// Marks a record deleted or live again; both keep the row, so sync sees a tombstone.
pub(crate) fn set_trashed(conn: &Connection, id: &str, trashed: bool, actor: &Actor) -> Result<()> {
    let now = super::now();
    let changed = conn.execute(
        if trashed {
            "UPDATE activities SET deleted_at = ?2, updated_at = ?2, updated_by = ?3 WHERE id = ?1 AND deleted_at IS NULL"
        } else {
            "UPDATE activities SET deleted_at = NULL, updated_at = ?2, updated_by = ?3 WHERE id = ?1 AND deleted_at IS NOT NULL"
        },
        (id, &now, &actor.name),
    )?;
    if changed == 0 {
        let exists: bool = conn.query_row("SELECT EXISTS(SELECT 1 FROM activities WHERE id = ?1)", [id], |r| r.get(0))?;
        return match exists {
            false => Err(StoreError::NotFound { entity: "actividad", id: id.into() }),
            true if trashed => Err(StoreError::Conflict(Text::new("la actividad ya está en la papelera", "the activity is already in the trash"))),
            true => Err(StoreError::Conflict(Text::new("la actividad no está en la papelera", "the activity is not in the trash"))),
        };
    }
    search_index::reindex(conn, id)?;
    let action = if trashed { "trash" } else { "restore" };
    audit::record(conn, actor, Write { entity: "activity", entity_id: id, action, before: None, after: None })?;
    if trashed {
        feed::append(conn, Entity::Activity, id, None, &[])?;
    } else {
        let restored = load::activities(conn, &[id.to_string()], true)?.pop().expect("row exists");
        let record = serde_json::to_value(restored.to_input()).expect("activity serialises");
        // Its axis may have been renamed while it was in the trash (a rename announces live
        // activities only): the restore carries the axis's name as it is now.
        feed::append(conn, Entity::Activity, id, Some(&record), &["axis".into()])?;
    }
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("value serialises")
}

impl super::Store {
    /// Validates and saves one activity (new, or an update when its id or its kind, date and
    /// title match a record), linking or creating its organisations, people and axis.
    pub fn save_activity(&mut self, input: &ActivityInput, actor: &Actor) -> Result<Activity> {
        let valid = validate(input)?;
        self.with_transaction(|tx| write_one(tx, valid, actor))
    }

    /// One activity by id, including one in the trash.
    pub fn get(&self, id: &ActivityId) -> Result<Option<Activity>> {
        Ok(load::activities(&self.conn, &[id.to_string()], true)?.pop())
    }

    /// Moves an activity to the trash (reversible).
    pub fn trash(&mut self, id: &ActivityId, actor: &Actor) -> Result<()> {
        self.with_transaction(|tx| set_trashed(tx, &id.to_string(), true, actor))
    }

    /// Takes an activity back out of the trash.
    pub fn restore(&mut self, id: &ActivityId, actor: &Actor) -> Result<()> {
        self.with_transaction(|tx| set_trashed(tx, &id.to_string(), false, actor))
    }
}

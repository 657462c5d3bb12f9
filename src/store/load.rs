//! Reads whole activities (with countries, links, follow-ups and attachments) for a list of ids,
//! a few batched queries per chunk rather than several queries per record.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};

use super::{Result, StoreError};
use crate::domain::{
    Activity, ActivityId, Details, FollowUp, Kind, Modality, OrgLink, PartialDate, PersonLink, Precision,
    RecordMeta, Status,
};

const CHUNK: usize = 500;

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(",")
}

fn corrupt(what: impl Into<String>) -> StoreError {
    StoreError::Corrupt(what.into())
}

fn precision(text: &str) -> Result<Precision> {
    match text {
        "day" => Ok(Precision::Day),
        "month" => Ok(Precision::Month),
        "year" => Ok(Precision::Year),
        other => Err(corrupt(format!("precisión «{other}»"))),
    }
}

fn partial(date: &str, prec: &str) -> Result<PartialDate> {
    let first = date.parse().map_err(|_| corrupt(format!("fecha «{date}»")))?;
    Ok(PartialDate::from_parts(first, precision(prec)?))
}

/// Runs `sql` (with `IN ({ids})`) over a chunk of ids and groups the rows by activity id.
fn grouped<T>(
    conn: &Connection,
    sql: &str,
    ids: &[String],
    map: impl Fn(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<HashMap<String, Vec<T>>> {
    let sql = sql.replace("{ids}", &placeholders(ids.len()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut out: HashMap<String, Vec<T>> = HashMap::new();
    let mut rows = stmt.query(params_from_iter(ids.iter()))?;
    while let Some(row) = rows.next()? {
        out.entry(row.get(0)?).or_default().push(map(row)?);
    }
    Ok(out)
}

fn uuid_of(text: String) -> rusqlite::Result<uuid::Uuid> {
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// The activities with these ids, in the same order; ids not found are skipped.
pub(crate) fn activities(conn: &Connection, ids: &[String], include_deleted: bool) -> Result<Vec<Activity>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(chunk_of(conn, chunk, include_deleted)?);
    }
    Ok(out)
}

fn chunk_of(conn: &Connection, ids: &[String], include_deleted: bool) -> Result<Vec<Activity>> {
    let mut countries = grouped(
        conn,
        "SELECT activity_id, country FROM activity_countries WHERE activity_id IN ({ids}) ORDER BY position",
        ids,
        |r| r.get::<_, String>(1),
    )?;
    let mut orgs = grouped(
        conn,
        "SELECT ao.activity_id, o.id, o.name, ao.role FROM activity_organisations ao
         JOIN organisations o ON o.id = ao.organisation_id WHERE ao.activity_id IN ({ids}) ORDER BY ao.position",
        ids,
        |r| Ok(OrgLink { id: crate::domain::OrgId(uuid_of(r.get(1)?)?), name: r.get(2)?, role: r.get(3)? }),
    )?;
    let mut people = grouped(
        conn,
        "SELECT ap.activity_id, p.id, p.name, ap.post, ap.organisation, ap.role FROM activity_people ap
         JOIN people p ON p.id = ap.person_id WHERE ap.activity_id IN ({ids}) ORDER BY ap.position",
        ids,
        |r| {
            Ok(PersonLink {
                id: crate::domain::PersonId(uuid_of(r.get(1)?)?),
                name: r.get(2)?,
                post: r.get(3)?,
                organisation: r.get(4)?,
                role: r.get(5)?,
            })
        },
    )?;
    let mut follow_ups = grouped(
        conn,
        "SELECT activity_id, task, due, owner, done FROM follow_ups WHERE activity_id IN ({ids}) ORDER BY position",
        ids,
        |r| Ok((r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, Option<String>>(3)?, r.get::<_, bool>(4)?)),
    )?;
    let mut attachments = grouped(
        conn,
        &format!("SELECT activity_id, {} FROM attachments WHERE activity_id IN ({{ids}}) ORDER BY added_at", super::attachments::COLUMNS),
        ids,
        |r| super::attachments::from_row(r, 1),
    )?;

    let sql = format!(
        "SELECT a.id, a.kind, a.title, a.start_date, a.start_precision, a.end_date, a.end_precision, a.start_time,
                a.end_time, a.summary, a.modality, a.place, x.name, a.topics, a.outcomes, a.status, a.date_text,
                a.details, a.created_at, a.created_by, a.updated_at, a.updated_by, a.deleted_at
         FROM activities a LEFT JOIN axes x ON x.id = a.axis_id
         WHERE a.id IN ({}) {}",
        placeholders(ids.len()),
        if include_deleted { "" } else { "AND a.deleted_at IS NULL" }
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(ids.iter().map(|i| Value::Text(i.clone()))))?;
    let mut by_id: HashMap<String, Activity> = HashMap::with_capacity(ids.len());
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let kind: String = r.get(1)?;
        let start: String = r.get(3)?;
        let start_prec: String = r.get(4)?;
        let end: Option<String> = r.get(5)?;
        let end_prec: Option<String> = r.get(6)?;
        let modality: Option<String> = r.get(10)?;
        let topics: String = r.get(13)?;
        let status: String = r.get(15)?;
        let details: String = r.get(17)?;
        let activity = Activity {
            id: id.parse::<ActivityId>().map_err(|_| corrupt(format!("id «{id}»")))?,
            kind: Kind::parse(&kind).ok_or_else(|| corrupt(format!("tipo «{kind}»")))?,
            title: r.get(2)?,
            start: partial(&start, &start_prec)?,
            end: match (end, end_prec) {
                (Some(d), Some(p)) => Some(partial(&d, &p)?),
                _ => None,
            },
            start_time: r.get(7)?,
            end_time: r.get(8)?,
            summary: r.get(9)?,
            modality: modality.as_deref().and_then(Modality::parse),
            place: r.get(11)?,
            countries: countries.remove(&id).unwrap_or_default(),
            organisations: orgs.remove(&id).unwrap_or_default(),
            people: people.remove(&id).unwrap_or_default(),
            axis: r.get(12)?,
            topics: serde_json::from_str(&topics).map_err(|_| corrupt("temas"))?,
            outcomes: r.get(14)?,
            follow_ups: follow_ups
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|(task, due, owner, done)| FollowUp { task, due: due.and_then(|d| d.parse().ok()), owner, done })
                .collect(),
            status: Status::parse(&status).ok_or_else(|| corrupt(format!("estado «{status}»")))?,
            date_text: r.get(16)?,
            details: serde_json::from_str::<Details>(&details).map_err(|e| corrupt(format!("detalles: {e}")))?,
            attachments: attachments.remove(&id).unwrap_or_default(),
            meta: RecordMeta {
                created_at: r.get(18)?,
                created_by: r.get(19)?,
                updated_at: r.get(20)?,
                updated_by: r.get(21)?,
                deleted_at: r.get(22)?,
            },
        };
        by_id.insert(id, activity);
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

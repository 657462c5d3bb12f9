//! Keeps the full-text index (`activity_search`, rowid = activities.seq) in step with a record.
//! Countries are indexed by their Spanish and English names, so "peru" finds an activity
//! tagged PE even when no text mentions it. Outcomes and kind-specific details (delegation
//! members, monument, donor…) are indexed with the summary.

use rusqlite::{Connection, OptionalExtension};

pub(crate) fn reindex(conn: &Connection, activity_id: &str) -> rusqlite::Result<()> {
    type Row = (i64, String, Option<String>, Option<String>, Option<String>);
    let row: Option<Row> = conn
        .prepare_cached(
            "SELECT seq, title, concat_ws(' ', summary, outcomes, details), place, deleted_at FROM activities WHERE id = ?1",
        )?
        .query_row([activity_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?;
    let Some((seq, title, summary, place, deleted_at)) = row else { return Ok(()) };
    conn.prepare_cached("DELETE FROM activity_search WHERE rowid = ?1")?.execute([seq])?;
    if deleted_at.is_some() {
        return Ok(());
    }
    let joined = |sql: &str| -> rusqlite::Result<String> {
        let names: Vec<String> =
            conn.prepare_cached(sql)?.query_map([activity_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(names.join(" · "))
    };
    let organisations = joined(
        "SELECT o.name FROM activity_organisations ao JOIN organisations o ON o.id = ao.organisation_id
         WHERE ao.activity_id = ?1",
    )?;
    let people = joined(
        "SELECT p.name || COALESCE(' ' || p.post, '') FROM activity_people ap JOIN people p ON p.id = ap.person_id
         WHERE ap.activity_id = ?1",
    )?;
    let codes: Vec<String> = conn
        .prepare_cached("SELECT country FROM activity_countries WHERE activity_id = ?1")?
        .query_map([activity_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let countries: Vec<String> = codes
        .iter()
        .filter_map(|code| crate::reference::country(code).map(|c| format!("{} {}", c.name_es, c.name_en)))
        .collect();
    conn.prepare_cached(
        "INSERT INTO activity_search (rowid, title, summary, place, organisations, people, countries)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((seq, title, summary, place, organisations, people, countries.join(" · ")))?;
    Ok(())
}

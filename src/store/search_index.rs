//! Keeps the full-text index (`activity_search`, rowid = activities.seq) in step with a record.
//! Countries are indexed by their Spanish and English names, so "peru" finds an activity
//! tagged PE even when no text mentions it. Outcomes and kind-specific details (delegation
//! members, monument, donor…) are indexed with the summary.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::Activity;

/// Indexes an activity as just written at row `seq` (or drops it from the index while it is in
/// the trash). A `fresh` row was never indexed: nothing to drop first.
pub(crate) fn index(conn: &Connection, seq: i64, a: &Activity, fresh: bool) -> rusqlite::Result<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM activity_search WHERE rowid = ?1")?.execute([seq])?;
    }
    if a.meta.deleted_at.is_some() {
        return Ok(());
    }
    let details = serde_json::to_string(&a.details).expect("details serialise");
    let summary = [a.summary.as_deref(), a.outcomes.as_deref(), Some(details.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let organisations: Vec<&str> = a.organisations.iter().map(|o| o.name.as_str()).collect();
    let people: Vec<String> =
        a.people.iter().map(|p| [Some(p.name.as_str()), p.post.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ")).collect();
    let countries: Vec<String> = a
        .countries
        .iter()
        .filter_map(|code| crate::reference::country(code).map(|c| format!("{} {}", c.name_es, c.name_en)))
        .collect();
    conn.prepare_cached(
        "INSERT INTO activity_search (rowid, title, summary, place, organisations, people, countries)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((seq, &a.title, summary, &a.place, organisations.join(" · "), people.join(" · "), countries.join(" · ")))?;
    Ok(())
}

/// Re-reads an activity and indexes it again, after something it names changed (a merge).
pub(crate) fn reindex(conn: &Connection, activity_id: &str) -> super::Result<()> {
    for a in super::load::activities(conn, &[activity_id.to_string()], true)? {
        let seq: Option<i64> =
            conn.prepare_cached("SELECT seq FROM activities WHERE id = ?1")?.query_row([activity_id], |r| r.get(0)).optional()?;
        if let Some(seq) = seq {
            index(conn, seq, &a, false)?;
        }
    }
    Ok(())
}

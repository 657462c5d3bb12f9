//! Keeps the full-text index (`activity_search`, rowid = activities.seq) in step with a record.
//! Countries are indexed by their Spanish and English names, so "peru" finds an activity
//! tagged PE even when no text mentions it. Outcomes and kind-specific details (delegation
//! members, monument, donor…) are indexed with the summary.
//!
//! A write of many records holds its index rows back ([`Pending`]) and writes them together:
//! FTS5 writes what it has gathered to disk whenever another statement of the transaction opens
//! a savepoint, so index rows interleaved with the records' own rows become one tiny index
//! segment per record, merged again and again (a fifth of a bulk import's time).

use rusqlite::{Connection, OptionalExtension};

use crate::domain::Activity;

/// What the index holds for one activity: its text by column.
pub(crate) struct Row {
    title: String,
    summary: String,
    place: Option<String>,
    organisations: String,
    people: String,
    countries: String,
}

impl Row {
    /// The indexed text of a live activity; none for one in the trash (never indexed).
    fn of(a: &Activity) -> Option<Row> {
        if a.meta.deleted_at.is_some() {
            return None;
        }
        let details = serde_json::to_string(&a.details).expect("details serialise");
        let summary = [a.summary.as_deref(), a.outcomes.as_deref(), Some(details.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let organisations: Vec<&str> = a.organisations.iter().map(|o| o.name.as_str()).collect();
        let people: Vec<String> = a
            .people
            .iter()
            .map(|p| [Some(p.name.as_str()), p.post.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" "))
            .collect();
        let countries: Vec<String> = a
            .countries
            .iter()
            .filter_map(|code| crate::reference::country(code).map(|c| format!("{} {}", c.name_es, c.name_en)))
            .collect();
        Some(Row {
            title: a.title.clone(),
            summary,
            place: a.place.clone(),
            organisations: organisations.join(" · "),
            people: people.join(" · "),
            countries: countries.join(" · "),
        })
    }
}

/// Index writes held back, in the order they were asked for: row `seq`, whether it was
/// never indexed (nothing to drop first), and what to index (none: drop it).
#[derive(Default)]
pub(crate) struct Pending(Vec<(i64, bool, Option<Row>)>);

/// Held back rows are written once this many gather (the memory stays bounded).
const HELD: usize = 4096;

impl Pending {
    /// Indexes an activity as just written at row `seq`, now or with the rest of the batch.
    /// The caller writes nothing else to the index for this row before [`Pending::flush`].
    pub(crate) fn index(&mut self, conn: &Connection, seq: i64, a: &Activity, fresh: bool) -> rusqlite::Result<()> {
        self.0.push((seq, fresh, Row::of(a)));
        if self.0.len() >= HELD {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes every held back row.
    pub(crate) fn flush(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        for (seq, fresh, row) in self.0.drain(..) {
            write(conn, seq, fresh, row.as_ref())?;
        }
        Ok(())
    }
}

fn write(conn: &Connection, seq: i64, fresh: bool, row: Option<&Row>) -> rusqlite::Result<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM activity_search WHERE rowid = ?1")?.execute([seq])?;
    }
    let Some(r) = row else { return Ok(()) };
    conn.prepare_cached(
        "INSERT INTO activity_search (rowid, title, summary, place, organisations, people, countries)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((seq, &r.title, &r.summary, &r.place, &r.organisations, &r.people, &r.countries))?;
    Ok(())
}

/// Re-reads an activity and indexes it again, after something it names changed (a merge).
pub(crate) fn reindex(conn: &Connection, activity_id: &str) -> super::Result<()> {
    for a in super::load::activities(conn, &[activity_id.to_string()], true)? {
        let seq: Option<i64> =
            conn.prepare_cached("SELECT seq FROM activities WHERE id = ?1")?.query_row([activity_id], |r| r.get(0)).optional()?;
        if let Some(seq) = seq {
            write(conn, seq, false, Row::of(&a).as_ref())?;
        }
    }
    Ok(())
}

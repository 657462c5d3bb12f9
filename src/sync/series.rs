//! The series a copy numbers its changes in, and whose signature may carry each series.
//!
//! A copy starts numbering under its own id. Once its database is restored or copied (see
//! `store::lineage`), its next changes are numbered 1, 2, 3… under a new series id, so a number
//! that may already have left the machine is never used again. Its bundles declare its series
//! in the signed manifest ([`SeriesNote`]); a receiver records each series' owner the first
//! time it sees it, and from then on accepts that series only from that owner's signature.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};

use super::identity::{CopyId, PublicIdentity};
use super::manifest::SeriesNote;
use crate::store::lineage;

fn parse(text: &str) -> rusqlite::Result<CopyId> {
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// The series this copy (identity `me`) numbers its next changes in, registered as its own,
/// with every earlier one of its series marked retired. Call before numbering a change.
pub fn enter(conn: &Connection, me: CopyId) -> rusqlite::Result<CopyId> {
    let Some(series) = lineage::series_id(conn)? else { return Ok(me) };
    let series = parse(&series)?;
    if owner(conn, series)?.is_none() {
        let now = crate::store::now();
        conn.execute(
            "INSERT OR IGNORE INTO sync_series (origin, owner, started_at) VALUES (?1, ?1, ?2)",
            (me.to_string(), &now),
        )?;
        conn.execute(
            "UPDATE sync_series SET retired_at = ?2 WHERE owner = ?1 AND retired_at IS NULL",
            (me.to_string(), &now),
        )?;
        conn.execute(
            "INSERT INTO sync_series (origin, owner, started_at) VALUES (?1, ?2, ?3)",
            (series.to_string(), me.to_string(), &now),
        )?;
    }
    Ok(series)
}

/// The copy whose signature may carry `origin`'s changes, when known.
pub fn owner(conn: &Connection, origin: CopyId) -> rusqlite::Result<Option<CopyId>> {
    let owner: Option<String> = conn
        .prepare_cached("SELECT owner FROM sync_series WHERE origin = ?1")?
        .query_row([origin.to_string()], |r| r.get(0))
        .optional()?;
    owner.as_deref().map(parse).transpose()
}

/// The series a bundle signed by `signer` may carry changes of: its own id and the series it
/// declared first.
pub fn carried_by(conn: &Connection, signer: CopyId) -> rusqlite::Result<BTreeSet<CopyId>> {
    let mut out = BTreeSet::from([signer]);
    let mut stmt = conn.prepare_cached("SELECT origin FROM sync_series WHERE owner = ?1")?;
    for origin in stmt.query_map([signer.to_string()], |r| r.get::<_, String>(0))? {
        out.insert(parse(&origin?)?);
    }
    Ok(out)
}

/// What this copy's bundles declare: every series it has numbered in besides its own id.
pub fn notes(conn: &Connection, me: CopyId) -> rusqlite::Result<Vec<SeriesNote>> {
    let mut stmt = conn.prepare("SELECT origin, retired_at IS NOT NULL FROM sync_series WHERE owner = ?1 ORDER BY origin")?;
    let rows = stmt.query_map([me.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))?;
    rows.map(|row| {
        let (origin, retired) = row?;
        Ok(SeriesNote { origin: parse(&origin)?, retired })
    })
    .collect()
}

/// Records the series a verified bundle's signer declares. A series already owned by another
/// copy, or one whose changes are already here from elsewhere, is not taken: the returned
/// messages (Spanish) say which.
pub fn claim(conn: &Connection, me: CopyId, signer: &PublicIdentity, declared: &[SeriesNote]) -> rusqlite::Result<Vec<crate::Text>> {
    let mut refused = Vec::new();
    let now = crate::store::now();
    for note in declared {
        let origin = note.origin.to_string();
        let taken_elsewhere = match owner(conn, note.origin)? {
            Some(o) => o != signer.id,
            None => {
                let logged: bool =
                    conn.query_row("SELECT EXISTS(SELECT 1 FROM sync_log WHERE origin = ?1)", [&origin], |r| r.get(0))?;
                note.origin != signer.id
                    && (note.origin == me || super::roster::get(conn, &note.origin)?.is_some() || logged)
            }
        };
        if taken_elsewhere {
            let sender = &signer.name;
            refused.push(crate::Text::new(
                format!("el paquete de «{sender}» declara como suya la serie de cambios {origin}, que pertenece a otra copia: sus cambios de esa serie no se aceptan"),
                format!("the bundle from «{sender}» claims the change series {origin}, which belongs to another copy: its changes of that series are not accepted"),
            ));
            continue;
        }
        conn.execute(
            "INSERT INTO sync_series (origin, owner, started_at, retired_at) VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?3 END)
             ON CONFLICT(origin) DO UPDATE SET retired_at = COALESCE(retired_at, excluded.retired_at)",
            (&origin, signer.id.to_string(), &now, note.retired),
        )?;
    }
    Ok(refused)
}

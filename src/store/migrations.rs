//! Versioned schema changes, applied in name order, each in its own immediate transaction and
//! recorded in `schema_migrations`. Files are never edited once released; only new ones are added.

use rusqlite::{Connection, TransactionBehavior};

/// `(file name, SQL)` of every migration, sorted by name (embedded by `build.rs`).
pub const MIGRATIONS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// Whether the database was made by an older Enlace: it has applied migrations and lacks some
/// of this build's. A new, empty database is not older.
pub fn older_schema(conn: &Connection) -> rusqlite::Result<bool> {
    let tracked: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
        [],
        |r| r.get(0),
    )?;
    if !tracked {
        return Ok(false);
    }
    let applied: Vec<String> =
        conn.prepare("SELECT name FROM schema_migrations")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(!applied.is_empty() && MIGRATIONS.iter().any(|(name, _)| !applied.iter().any(|a| a == name)))
}

/// Brings the database up to the newest schema. Returns the names applied now.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Vec<&'static str>> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT",
    )?;
    let mut applied = Vec::new();
    for (name, sql) in MIGRATIONS {
        let done: bool =
            conn.query_row("SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE name = ?1)", [name], |r| r.get(0))?;
        if done {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (name, applied_at) VALUES (?1, ?2)",
            (name, super::now()),
        )?;
        tx.commit()?;
        applied.push(*name);
    }
    Ok(applied)
}

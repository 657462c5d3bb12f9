//! This copy's identity and its hybrid logical clock.
//!
//! An HLC value is `PPPPPPPPPPPPP-CCCCC`: wall-clock milliseconds (13 digits) and a counter
//! (5 digits), so plain string order is clock order. It never goes backwards, even if the wall
//! clock does; receiving sync changes may move it forward (see `observe`).

use rusqlite::{Connection, OptionalExtension};

const COPY_ID: &str = "copy_id";
const LAST_HLC: &str = "last_hlc";
/// The largest counter the text form holds.
const MAX_COUNTER: u32 = 99_999;

pub(crate) fn ensure_copy_id(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)",
        (COPY_ID, uuid::Uuid::now_v7().to_string()),
    )?;
    Ok(())
}

pub(crate) fn copy_id(conn: &Connection) -> rusqlite::Result<String> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?.query_row([COPY_ID], |r| r.get(0))
}

fn parse(hlc: &str) -> Option<(u64, u32)> {
    let (p, c) = hlc.split_once('-')?;
    Some((p.parse().ok()?, c.parse().ok()?))
}

pub(crate) fn format(physical: u64, counter: u32) -> String {
    format!("{physical:013}-{counter:05}")
}

fn last(conn: &Connection) -> rusqlite::Result<(u64, u32)> {
    let text: Option<String> =
        conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?.query_row([LAST_HLC], |r| r.get(0)).optional()?;
    Ok(text.as_deref().and_then(parse).unwrap_or((0, 0)))
}

fn store(conn: &Connection, value: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute((LAST_HLC, value))?;
    Ok(())
}

/// The next clock value for a local write.
pub fn tick(conn: &Connection) -> rusqlite::Result<String> {
    let wall = chrono::Utc::now().timestamp_millis().max(0) as u64;
    let (p, c) = last(conn)?;
    // The counter has five digits: once spent, the clock steps a millisecond ahead instead of
    // wrapping (a wrapped counter would sort before the values it follows).
    let next = if wall > p {
        format(wall, 0)
    } else if c >= MAX_COUNTER {
        format(p + 1, 0)
    } else {
        format(p, c + 1)
    };
    store(conn, &next)?;
    Ok(next)
}

/// Moves the clock past a value seen from another copy, so later local writes order after it.
pub fn observe(conn: &Connection, remote: &str) -> rusqlite::Result<()> {
    if let (Some(r), l) = (parse(remote), last(conn)?) {
        if r > l {
            store(conn, &format(r.0, r.1))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_goes_backwards_and_sorts_as_text() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let conn = store.connection();
        let future = format(chrono::Utc::now().timestamp_millis() as u64 + 60_000, 7);
        observe(conn, &future).unwrap();
        let a = tick(conn).unwrap();
        let b = tick(conn).unwrap();
        assert!(a > future && b > a, "{future} < {a} < {b}");
        assert_eq!(parse(&a), Some((parse(&future).unwrap().0, 8)));
    }

    #[test]
    fn a_spent_counter_steps_the_clock_instead_of_wrapping() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let conn = store.connection();
        let future = chrono::Utc::now().timestamp_millis() as u64 + 60_000;
        observe(conn, &format(future, MAX_COUNTER)).unwrap();
        let next = tick(conn).unwrap();
        assert_eq!(parse(&next), Some((future + 1, 0)));
        assert!(next > format(future, MAX_COUNTER));
    }
}

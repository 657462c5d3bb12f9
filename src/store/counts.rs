//! Totals of a listing kept until the database changes: a list asks for its total with every
//! page, and counting among 100,000 activities costs more than reading the page itself.

use std::collections::HashMap;
use std::sync::Mutex;

use rusqlite::Connection;

use super::Filter;

/// The database's state as far as a count can tell: rows changed through this connection
/// (rolled-back changes included, which only costs a recount) and commits by other connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Generation {
    own: u64,
    others: i64,
}

fn generation(conn: &Connection) -> rusqlite::Result<Generation> {
    let others = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    Ok(Generation { own: conn.total_changes(), others })
}

/// Few distinct filters are counted between two writes; past this many the cache starts over.
const KEPT: usize = 64;

#[derive(Debug, Default)]
pub(crate) struct Counts(Mutex<Option<(Generation, HashMap<String, u64>)>>);

impl Counts {
    /// The filter's total as counted since the last change, or counted now by `count` and kept.
    /// Nothing is kept inside an open transaction (a rollback would leave the count wrong).
    pub(crate) fn get_or(
        &self,
        conn: &Connection,
        f: &Filter,
        count: impl FnOnce() -> super::Result<u64>,
    ) -> super::Result<u64> {
        if !conn.is_autocommit() {
            return count();
        }
        let now = generation(conn)?;
        // Page and order do not change a total.
        let key = serde_json::to_string(&Filter { sort: Default::default(), limit: None, offset: 0, ..f.clone() })
            .expect("a filter serialises");
        let mut kept = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((when, totals)) = kept.as_ref() {
            if *when == now {
                if let Some(total) = totals.get(&key) {
                    return Ok(*total);
                }
            }
        }
        let total = count()?;
        match kept.as_mut() {
            Some((when, totals)) if *when == now && totals.len() < KEPT => {
                totals.insert(key, total);
            }
            _ => *kept = Some((now, HashMap::from([(key, total)]))),
        }
        Ok(total)
    }
}

//! Sync's bookkeeping in the database: its identity, roster, change log, merge states,
//! series, acknowledgements and bundles (`sync_*` tables), and what it reads of the store's own
//! tables (the change feed, attachment links, organisation names).
//!
//! `src/sync` decides what these rows mean (merge rules, bundle format, keys); this module is
//! the only SQL over them. Copy ids travel as text and sync's own documents (changes, merge
//! states) as JSON the store keeps without reading: the store does not depend on sync's types.
//! A [`SyncBook`] is had from [`Store::sync_book`] or, for work that must commit whole (an
//! import, an export, a resolution), inside [`Store::with_sync_transaction`].

use std::cell::RefCell;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::key::Passphrase;
use super::seal::{seal_text, unseal_text};
use super::search_index::Pending;
use super::{clock, lineage, Result, Store, StoreError};
use crate::domain::Attachment;

/// `meta` key: the last `changes.seq` sync has read.
const FEED_SEEN: &str = "sync_feed_seen";

/// Sync's view of the database, on the store's connection or inside one of its transactions.
#[derive(Clone, Copy)]
pub struct SyncBook<'a> {
    pub(super) conn: &'a Connection,
    /// The office passphrase: the identity's secret keys are sealed with it.
    key: Option<&'a Passphrase>,
    /// Inside a transaction, the search index rows of the activities it writes, held back
    /// until it ends (see `search_index`).
    pub(super) search: Option<&'a RefCell<Pending>>,
}

impl<'a> From<&'a Store> for SyncBook<'a> {
    fn from(store: &'a Store) -> Self {
        store.sync_book()
    }
}

impl Store {
    /// Sync's bookkeeping, read or written one statement at a time.
    pub fn sync_book(&self) -> SyncBook<'_> {
        SyncBook { conn: &self.conn, key: self.key.as_ref(), search: None }
    }

    /// Runs `work` in one immediate transaction: all of it is written, or none of it.
    pub fn with_sync_transaction<T, E: From<StoreError>>(&mut self, work: impl FnOnce(SyncBook<'_>) -> Result<T, E>) -> Result<T, E> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let search = RefCell::default();
        let value = work(SyncBook { conn: &tx, key: self.key.as_ref(), search: Some(&search) })?;
        search.borrow_mut().flush(&tx).map_err(StoreError::from)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Runs `work` in a transaction that is always rolled back (a preview of an import).
    pub fn with_sync_rollback<T, E: From<StoreError>>(&mut self, work: impl FnOnce(SyncBook<'_>) -> Result<T, E>) -> Result<T, E> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let search = RefCell::default();
        let value = work(SyncBook { conn: &tx, key: self.key.as_ref(), search: Some(&search) });
        tx.rollback().map_err(StoreError::from)?;
        value
    }
}

/// This copy's identity as stored (`sync_identity`), secrets included.
pub(crate) struct IdentityRow {
    pub copy_id: String,
    pub name: String,
    pub role: String,
    pub minisign_public: String,
    /// Minisign secret key box, unencrypted (in the database, sealed with the passphrase).
    pub minisign_secret: String,
    pub age_public: String,
    pub age_secret: String,
}

/// A copy of the roster as stored (`sync_peers`).
pub(crate) struct PeerRow {
    pub copy_id: String,
    pub name: String,
    pub role: String,
    pub minisign_public: String,
    pub age_public: String,
}

/// One row of the store's change feed not yet read by sync.
pub(crate) struct FeedEntry {
    /// `activity`, `organisation`, …
    pub entity: String,
    pub entity_id: String,
    pub deleted: bool,
    /// The store's clock value of the write.
    pub hlc: String,
    /// The record as it stood after the write (`None` for a deletion or an unreadable one).
    pub record: Option<Value>,
    /// The top-level fields the write changed.
    pub fields: Vec<String>,
}

/// A bundle sent or received, as `sync_bundles` keeps it.
pub(crate) struct BundleRecord<'b> {
    pub peer: &'b str,
    pub number: u64,
    pub bundle_id: &'b str,
    /// RFC 3339, by the sender's clock.
    pub created_at: &'b str,
    pub summary: &'b Value,
}

const PEER_COLUMNS: &str = "copy_id, name, role, minisign_public, age_public";

fn peer_row(r: &rusqlite::Row) -> rusqlite::Result<PeerRow> {
    Ok(PeerRow { copy_id: r.get(0)?, name: r.get(1)?, role: r.get(2)?, minisign_public: r.get(3)?, age_public: r.get(4)? })
}

impl SyncBook<'_> {
    // Identity and roster.

    pub(crate) fn identity(&self) -> Result<Option<IdentityRow>> {
        self
            .conn
            .query_row(
                "SELECT copy_id, name, role, minisign_public, minisign_secret, age_public, age_secret FROM sync_identity",
                [],
                |r| {
                    Ok(IdentityRow {
                        copy_id: r.get(0)?,
                        name: r.get(1)?,
                        role: r.get(2)?,
                        minisign_public: r.get(3)?,
                        minisign_secret: r.get(4)?,
                        age_public: r.get(5)?,
                        age_secret: r.get(6)?,
                    })
                },
            )
            .optional()?
            .map(|row| {
                let open = |stored: &str| unseal_text(self.key, stored).map(|t| t.to_string()).map_err(StoreError::Locked);
                Ok(IdentityRow { minisign_secret: open(&row.minisign_secret)?, age_secret: open(&row.age_secret)?, ..row })
            })
            .transpose()
    }

    /// A secret as kept in the database: sealed with the passphrase when there is one.
    fn sealed(&self, secret: &str) -> Result<String> {
        Ok(match self.key {
            Some(key) => seal_text(key, secret)?,
            None => secret.to_string(),
        })
    }

    pub(crate) fn save_identity(&self, row: &IdentityRow) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_identity (copy_id, name, role, minisign_public, minisign_secret, age_public, age_secret, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            (
                &row.copy_id,
                &row.name,
                &row.role,
                &row.minisign_public,
                &self.sealed(&row.minisign_secret)?,
                &row.age_public,
                &self.sealed(&row.age_secret)?,
                chrono::Utc::now().to_rfc3339(),
            ),
        )?;
        Ok(())
    }

    pub(crate) fn peer(&self, copy_id: &str) -> Result<Option<PeerRow>> {
        Ok(self.conn.query_row(&format!("SELECT {PEER_COLUMNS} FROM sync_peers WHERE copy_id = ?1"), [copy_id], peer_row).optional()?)
    }

    pub(crate) fn peer_by_minisign(&self, key: &str) -> Result<Option<PeerRow>> {
        Ok(self.conn.query_row(&format!("SELECT {PEER_COLUMNS} FROM sync_peers WHERE minisign_public = ?1"), [key], peer_row).optional()?)
    }

    /// The roster by name.
    pub(crate) fn peers(&self) -> Result<Vec<PeerRow>> {
        let mut stmt = self.conn.prepare(&format!("SELECT {PEER_COLUMNS} FROM sync_peers ORDER BY name"))?;
        let rows = stmt.query_map([], peer_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub(crate) fn add_peer(&self, row: &PeerRow) -> Result<()> {
        self.conn.execute(
            &format!("INSERT INTO sync_peers ({PEER_COLUMNS}, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
            (&row.copy_id, &row.name, &row.role, &row.minisign_public, &row.age_public, chrono::Utc::now().to_rfc3339()),
        )?;
        Ok(())
    }

    // The change log (`sync_log`): every change known, by origin and number.

    /// Records a change; `false` if (`origin`, `seq`) was already there.
    pub(crate) fn log(&self, origin: &str, seq: u64, hlc: &str, entity: &str, entity_id: &str, change: &impl Serialize) -> Result<bool> {
        let n = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO sync_log (origin, seq, hlc, entity, entity_id, change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute((origin, seq as i64, hlc, entity, entity_id, serde_json::to_string(change).expect("change serialises")))?;
        Ok(n == 1)
    }

    /// The change logged under (`origin`, `seq`); `None` too when it no longer reads as `C`.
    pub(crate) fn logged<C: DeserializeOwned>(&self, origin: &str, seq: u64) -> Result<Option<C>> {
        let text: Option<String> = self
            .conn
            .prepare_cached("SELECT change FROM sync_log WHERE origin = ?1 AND seq = ?2")?
            .query_row((origin, seq as i64), |r| r.get(0))
            .optional()?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    pub(crate) fn is_logged(&self, origin: &str, seq: u64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM sync_log WHERE origin = ?1 AND seq = ?2)")?
            .query_row((origin, seq as i64), |r| r.get(0))?)
    }

    /// The clock stamp of the change logged under (`origin`, `seq`).
    pub(crate) fn logged_hlc(&self, origin: &str, seq: u64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT hlc FROM sync_log WHERE origin = ?1 AND seq = ?2", (origin, seq as i64), |r| r.get(0))
            .optional()?)
    }

    /// Whether any change of `origin` is logged.
    pub(crate) fn has_logged_from(&self, origin: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT EXISTS(SELECT 1 FROM sync_log WHERE origin = ?1)", [origin], |r| r.get(0))?)
    }

    /// The highest number logged in `origin`'s series (0: none).
    pub(crate) fn last_seq(&self, origin: &str) -> Result<u64> {
        let max: Option<i64> = self.conn.query_row("SELECT MAX(seq) FROM sync_log WHERE origin = ?1", [origin], |r| r.get(0))?;
        Ok(max.unwrap_or(0) as u64)
    }

    /// Every (origin, number) logged, by origin and number.
    pub(crate) fn log_numbers(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare("SELECT origin, seq FROM sync_log ORDER BY origin, seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn log_len(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM sync_log", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// Hands `visit` every logged change (origin, number, change as JSON), by origin and
    /// number, one at a time: the log may be large. An error from `visit` stops the walk.
    pub(crate) fn scan_log<E: From<StoreError>>(&self, mut visit: impl FnMut(&str, u64, &str) -> Result<(), E>) -> Result<(), E> {
        let mut stmt = self.conn.prepare("SELECT origin, seq, change FROM sync_log ORDER BY origin, seq").map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let origin: String = r.get(0).map_err(StoreError::from)?;
            let seq: i64 = r.get(1).map_err(StoreError::from)?;
            let change: String = r.get(2).map_err(StoreError::from)?;
            visit(&origin, seq as u64, &change)?;
        }
        Ok(())
    }

    /// The last change of `entity` `id` that deleted it, numbered by `owner` in its own id or
    /// any of its series: (origin, number).
    pub(crate) fn last_deletion(&self, owner: &str, entity: &str, id: &str) -> Result<Option<(String, u64)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT origin, seq FROM sync_log
                 WHERE (origin = ?1 OR origin IN (SELECT origin FROM sync_series WHERE owner = ?1))
                   AND entity = ?2 AND entity_id = ?3 AND json_extract(change, '$.writes._deleted.value') IS NOT NULL
                 ORDER BY hlc DESC LIMIT 1",
                (owner, entity, id),
                |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)),
            )
            .optional()?)
    }

    // Merge states (`sync_records`), kept as the JSON sync gives.

    /// The merge state of a record; `None` when there is none or it no longer reads as `S`.
    pub(crate) fn record_state<S: DeserializeOwned>(&self, entity: &str, id: &str) -> Result<Option<S>> {
        let text: Option<String> = self
            .conn
            .prepare_cached("SELECT state FROM sync_records WHERE entity = ?1 AND entity_id = ?2")?
            .query_row((entity, id), |r| r.get(0))
            .optional()?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    pub(crate) fn save_record_state(&self, entity: &str, id: &str, state: &impl Serialize, conflicted: bool) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sync_records (entity, entity_id, state, conflicted) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(entity, entity_id) DO UPDATE SET state = excluded.state, conflicted = excluded.conflicted",
            )?
            .execute((entity, id, serde_json::to_string(state).expect("state serialises"), conflicted))?;
        Ok(())
    }

    /// The merge states of every record of `entity` (with `conflicted_only`, those in
    /// conflict, by id), each decoded; the caller decides what an unreadable one means.
    pub(crate) fn record_states<S: DeserializeOwned>(&self, entity: &str, conflicted_only: bool) -> Result<Vec<(String, serde_json::Result<S>)>> {
        let mut stmt = self.conn.prepare(if conflicted_only {
            "SELECT entity_id, state FROM sync_records WHERE conflicted = 1 AND entity = ?1 ORDER BY entity_id"
        } else {
            "SELECT entity_id, state FROM sync_records WHERE entity = ?1"
        })?;
        let rows = stmt.query_map([entity], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, state) = row?;
            out.push((id, serde_json::from_str(&state)));
        }
        Ok(out)
    }

    // Series (`sync_series`): who may sign each series of changes.

    /// The series this copy numbers its changes in since it was restored or copied.
    pub(crate) fn series_id(&self) -> Result<Option<String>> {
        Ok(lineage::series_id(self.conn)?)
    }

    pub(crate) fn series_owner(&self, origin: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT owner FROM sync_series WHERE origin = ?1")?
            .query_row([origin], |r| r.get(0))
            .optional()?)
    }

    /// Registers `series` as `owner`'s current one: its own id is registered too, and every
    /// earlier series of it retired.
    pub(crate) fn begin_series(&self, owner: &str, series: &str) -> Result<()> {
        let now = super::now();
        self.conn
            .execute("INSERT OR IGNORE INTO sync_series (origin, owner, started_at) VALUES (?1, ?1, ?2)", (owner, &now))?;
        self.conn
            .execute("UPDATE sync_series SET retired_at = ?2 WHERE owner = ?1 AND retired_at IS NULL", (owner, &now))?;
        self.conn.execute("INSERT INTO sync_series (origin, owner, started_at) VALUES (?1, ?2, ?3)", (series, owner, &now))?;
        Ok(())
    }

    /// The series owned by `owner`.
    pub(crate) fn series_owned_by(&self, owner: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT origin FROM sync_series WHERE owner = ?1")?;
        let rows = stmt.query_map([owner], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The series owned by `owner`, by id, each with whether it is retired.
    pub(crate) fn series_with_retired(&self, owner: &str) -> Result<Vec<(String, bool)>> {
        let mut stmt = self.conn.prepare("SELECT origin, retired_at IS NOT NULL FROM sync_series WHERE owner = ?1 ORDER BY origin")?;
        let rows = stmt.query_map([owner], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records `origin` as `owner`'s; once retired it stays retired.
    pub(crate) fn claim_series(&self, origin: &str, owner: &str, retired: bool) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_series (origin, owner, started_at, retired_at) VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?3 END)
             ON CONFLICT(origin) DO UPDATE SET retired_at = COALESCE(retired_at, excluded.retired_at)",
            (origin, owner, super::now(), retired),
        )?;
        Ok(())
    }

    // Acknowledgements (`sync_acks`): what each peer holds of each origin.

    /// Per origin, the last change `peer` has acknowledged.
    pub(crate) fn acks(&self, peer: &str) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare("SELECT origin, seq FROM sync_acks WHERE peer = ?1")?;
        let rows = stmt.query_map([peer], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records what `peer` holds: `exactly` replaces what was known, otherwise it can only grow.
    pub(crate) fn record_acks(&self, peer: &str, acks: impl IntoIterator<Item = (String, u64)>, exactly: bool) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(if exactly {
            "INSERT INTO sync_acks (peer, origin, seq) VALUES (?1, ?2, ?3)
             ON CONFLICT(peer, origin) DO UPDATE SET seq = excluded.seq"
        } else {
            "INSERT INTO sync_acks (peer, origin, seq) VALUES (?1, ?2, ?3)
             ON CONFLICT(peer, origin) DO UPDATE SET seq = MAX(seq, excluded.seq)"
        })?;
        for (origin, seq) in acks {
            stmt.execute((peer, origin, seq as i64))?;
        }
        Ok(())
    }

    /// The highest number of `origin` acknowledged by a peer of `role`.
    pub(crate) fn acked_by_role(&self, role: &str, origin: &str) -> Result<Option<u64>> {
        let acked: Option<i64> = self.conn.query_row(
            "SELECT MAX(a.seq) FROM sync_acks a JOIN sync_peers p ON p.copy_id = a.peer
             WHERE p.role = ?1 AND a.origin = ?2",
            [role, origin],
            |r| r.get(0),
        )?;
        Ok(acked.map(|a| a as u64))
    }

    // Bundles (`sync_bundles`).

    /// The number of the last bundle sent to `peer` (0 before the first).
    pub(crate) fn last_bundle_sent(&self, peer: &str) -> Result<u64> {
        self.last_bundle(peer, "out")
    }

    /// The number of the newest bundle received from `peer` (0 before the first).
    pub(crate) fn last_bundle_received(&self, peer: &str) -> Result<u64> {
        self.last_bundle(peer, "in")
    }

    fn last_bundle(&self, peer: &str, direction: &str) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT COALESCE(MAX(number), 0) FROM sync_bundles WHERE direction = ?2 AND peer = ?1",
            [peer, direction],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// The bundles received from `peer`: number and when imported, by number.
    pub(crate) fn bundles_received(&self, peer: &str) -> Result<Vec<(u64, String)>> {
        let mut stmt = self.conn.prepare("SELECT number, done_at FROM sync_bundles WHERE direction = 'in' AND peer = ?1 ORDER BY number")?;
        let rows = stmt.query_map([peer], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The summaries recorded for the bundles sent to `peer` (`Null` for an unreadable one).
    pub(crate) fn sent_summaries(&self, peer: &str) -> Result<Vec<Value>> {
        let mut stmt = self.conn.prepare("SELECT summary FROM sync_bundles WHERE direction = 'out' AND peer = ?1")?;
        let rows = stmt.query_map([peer], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for summary in rows {
            out.push(serde_json::from_str(&summary?).unwrap_or_default());
        }
        Ok(out)
    }

    /// The newest bundle received by its sender's clock: when it was made and by whom (the
    /// roster's name, or the id of a sender no longer in it).
    pub(crate) fn newest_bundle_received(&self) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT b.created_at, COALESCE(p.name, b.peer) FROM sync_bundles b LEFT JOIN sync_peers p ON p.copy_id = b.peer
                 WHERE b.direction = 'in' ORDER BY b.created_at DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    pub(crate) fn record_bundle_sent(&self, bundle: &BundleRecord) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_bundles (direction, peer, number, bundle_id, created_at, done_at, summary)
             VALUES ('out', ?1, ?2, ?3, ?4, ?4, ?5)",
            (bundle.peer, bundle.number as i64, bundle.bundle_id, bundle.created_at, bundle.summary.to_string()),
        )?;
        Ok(())
    }

    /// Records a bundle imported now; one already recorded is left as it was.
    pub(crate) fn record_bundle_received(&self, bundle: &BundleRecord) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO sync_bundles (direction, peer, number, bundle_id, created_at, done_at, summary)
             VALUES ('in', ?1, ?2, ?3, ?4, ?5, ?6)",
            (
                bundle.peer,
                bundle.number as i64,
                bundle.bundle_id,
                bundle.created_at,
                chrono::Utc::now().to_rfc3339(),
                bundle.summary.to_string(),
            ),
        )?;
        Ok(())
    }

    // This copy's own writes: the change feed and attachment links sync has not journaled.

    /// The feed rows appended since sync last read the feed, in order.
    pub(crate) fn unread_feed(&self) -> Result<Vec<FeedEntry>> {
        let rows: Vec<(String, String, String, String, Option<String>, String)> = self
            .conn
            .prepare("SELECT entity, entity_id, op, hlc, record, fields FROM changes WHERE seq > ?1 ORDER BY seq")?
            .query_map([self.feed_seen()?], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows
            .into_iter()
            .map(|(entity, entity_id, op, hlc, record, fields)| FeedEntry {
                entity,
                entity_id,
                deleted: op == "delete",
                hlc,
                record: record.and_then(|r| serde_json::from_str(&r).ok()),
                fields: serde_json::from_str(&fields).unwrap_or_default(),
            })
            .collect())
    }

    fn feed_seen(&self) -> Result<i64> {
        let v: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [FEED_SEEN], |r| r.get(0)).optional()?;
        Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    /// Marks every feed row so far as read.
    pub(crate) fn skip_feed(&self) -> Result<()> {
        let max: i64 = self.conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM changes", [], |r| r.get(0))?;
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (FEED_SEEN, max.to_string()),
        )?;
        Ok(())
    }

    /// Attachment links sync has not journaled yet: activity and attachment, oldest first.
    pub(crate) fn unjournaled_attachments(&self) -> Result<Vec<(String, Attachment)>> {
        let rows = self
            .conn
            .prepare(
                &format!(
                    "SELECT activity_id, {} FROM attachments a
                     WHERE NOT EXISTS (SELECT 1 FROM sync_attachments s WHERE s.activity_id = a.activity_id AND s.hash = a.hash)
                     ORDER BY a.added_at, a.hash",
                    super::attachments::COLUMNS
                ),
            )?
            .query_map([], |r| Ok((r.get(0)?, super::attachments::from_row(r, 1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub(crate) fn mark_attachment_journaled(&self, activity: &str, hash: &str) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO sync_attachments (activity_id, hash) VALUES (?1, ?2)")?
            .execute((activity, hash))?;
        Ok(())
    }

    /// This copy's writes sync has not turned into changes yet: feed rows of activities and
    /// attachment links.
    pub(crate) fn unjournaled_count(&self) -> Result<usize> {
        let seen = self.feed_seen()?;
        let edits: i64 =
            self.conn.query_row("SELECT COUNT(*) FROM changes WHERE seq > ?1 AND entity = 'activity'", [seen], |r| r.get(0))?;
        let links: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM attachments a
             WHERE NOT EXISTS (SELECT 1 FROM sync_attachments s WHERE s.activity_id = a.activity_id AND s.hash = a.hash)",
            [],
            |r| r.get(0),
        )?;
        Ok((edits + links) as usize)
    }

    // The copy's clock and records, as sync needs them.

    /// The next value of this copy's clock (see `clock::tick`).
    pub fn tick(&self) -> Result<String> {
        Ok(clock::tick(self.conn)?)
    }

    /// Moves this copy's clock past a value seen from another copy.
    pub fn observe_clock(&self, remote: &str) -> Result<()> {
        Ok(clock::observe(self.conn, remote)?)
    }

    /// Activities not in the trash.
    pub(crate) fn live_activity_count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row("SELECT COUNT(*) FROM activities WHERE deleted_at IS NULL", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The name of organisation `id`, merged away or not.
    pub(crate) fn organisation_name(&self, id: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT name FROM organisations WHERE id = ?1", [id], |r| r.get(0)).optional()?)
    }

    /// The oldest live organisation with this name (compared folded).
    pub(crate) fn live_organisation_named(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM organisations WHERE name_key = ?1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1",
                [crate::text::fold(name)],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// Re-seals the identity's secret keys in `schema` (a database attached to `conn`) from `from`
/// to `to` (clear without one): the passphrase of a copy changed. A database from before
/// identities, or without one, has nothing to re-seal.
pub(super) fn reseal_identity(conn: &Connection, schema: &str, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<()> {
    let table = format!("\"{schema}\".sync_identity");
    let exists: bool = conn.query_row(&format!("SELECT count(*) > 0 FROM \"{schema}\".sqlite_schema WHERE name = 'sync_identity'"), [], |r| r.get(0))?;
    if !exists {
        return Ok(());
    }
    let rows: Vec<(String, String, String)> =
        conn.prepare(&format!("SELECT copy_id, minisign_secret, age_secret FROM {table}"))?.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let reseal = |stored: &str| -> Result<String> {
        let secret = unseal_text(from, stored).map_err(StoreError::Locked)?;
        Ok(match to {
            Some(key) => seal_text(key, &secret)?,
            None => secret.to_string(),
        })
    };
    for (id, minisign, age) in rows {
        conn.execute(&format!("UPDATE {table} SET minisign_secret = ?1, age_secret = ?2 WHERE copy_id = ?3"), (reseal(&minisign)?, reseal(&age)?, id))?;
    }
    Ok(())
}

//! Where this copy stands with each copy in its roster: how many of the changes it holds the
//! peer has not acknowledged, how many of those no bundle has carried yet, which bundles came
//! from the peer and which numbers are missing. Read-only: nothing is written.
//!
//! This copy's own edits not yet turned into sync changes (they are, at the next export) count
//! too, one per saved edit of an activity and per new attachment link.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use ts_rs::TS;

use super::hlc::{check_ahead, now_millis, Hlc};
use super::identity::{CopyId, Identity, PublicIdentity, Role};
use super::{conflicts, export, roster, SyncError};
use crate::store::{Result, SeriesRenewal, Store, SyncBook};

/// The Sync screen's summary of this copy.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, rename = "SyncStatus")]
pub struct Status {
    /// `None` until this copy's identity is created.
    pub identity: Option<PublicIdentity>,
    /// The public identity as text, to hand to the other side (`identity show`).
    pub public_text: Option<String>,
    pub peers: Vec<PeerStatus>,
    /// The most changes any peer has not acknowledged (an officer: the central office).
    pub unacknowledged: usize,
    /// The most changes no bundle to a peer has carried yet.
    pub unsent: usize,
    /// Conflicts waiting for a coordinator.
    pub open_conflicts: usize,
    /// The newest bundle received is dated this far after this computer's clock: one of the
    /// two clocks is wrong.
    pub clock_warning: Option<ClockWarning>,
    /// This copy was restored or copied and numbers its changes in a new series since then.
    pub series_renewal: Option<SeriesRenewal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClockWarning {
    pub sender: String,
    /// How far ahead: «3 días» / «3 days».
    pub ahead: crate::Text,
}

/// One copy of the roster, seen from here.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PeerStatus {
    pub peer: PublicIdentity,
    /// Changes held here that the peer has not acknowledged (sent or not).
    pub unacknowledged: usize,
    /// Of those, the ones no bundle to the peer has carried yet.
    pub unsent: usize,
    /// Number of the last bundle sent to the peer (0: none yet).
    #[ts(type = "number")]
    pub last_sent: u64,
    /// Numbers of the bundles received from the peer, ascending.
    #[ts(type = "Array<number>")]
    pub received: Vec<u64>,
    /// Numbers below the highest received that never arrived.
    #[ts(type = "Array<number>")]
    pub missing: Vec<u64>,
    /// When the last bundle from the peer was imported (RFC 3339).
    pub last_received_at: Option<String>,
}

pub fn status(store: &Store) -> Result<Status, SyncError> {
    let book = store.sync_book();
    let Some(me) = Identity::load(book)? else {
        return Ok(Status {
            identity: None,
            public_text: None,
            peers: Vec::new(),
            unacknowledged: 0,
            unsent: 0,
            open_conflicts: 0,
            clock_warning: None,
            series_renewal: None,
        });
    };
    let local = book.unjournaled_count()?;
    let logged = log_by_origin(book)?;
    let mut peers = Vec::new();
    for peer in roster::list(book)? {
        let acked = export::acked(book, peer.id)?;
        let sent = sent_to(book, peer.id)?;
        let mut unacknowledged = local;
        let mut unsent = local;
        for (origin, seqs) in logged.iter().filter(|(o, _)| **o != peer.id) {
            let acked = acked.get(origin).copied().unwrap_or(0);
            let after = |n: u64| seqs.iter().filter(|s| **s > n).count();
            unacknowledged += after(acked);
            unsent += after(acked.max(sent.get(origin).copied().unwrap_or(0)));
        }
        let (received, last_received_at) = received_from(book, peer.id)?;
        let highest = received.last().copied().unwrap_or(0);
        let got: BTreeSet<u64> = received.iter().copied().collect();
        peers.push(PeerStatus {
            last_sent: export::last_sent(book, peer.id)?,
            missing: (1..highest).filter(|n| !got.contains(n)).collect(),
            received,
            last_received_at,
            unacknowledged,
            unsent,
            peer,
        });
    }
    // A peer's role decides whom this copy syncs with: an officer with the central office only.
    let relevant = |p: &&PeerStatus| me.public.role == Role::Central || p.peer.role == Role::Central;
    Ok(Status {
        public_text: Some(me.public.to_string()),
        unacknowledged: peers.iter().filter(relevant).map(|p| p.unacknowledged).max().unwrap_or(local),
        unsent: peers.iter().filter(relevant).map(|p| p.unsent).max().unwrap_or(local),
        open_conflicts: conflicts::list(store)?.len(),
        clock_warning: clock_warning(book, now_millis())?,
        series_renewal: store.series_renewal()?,
        identity: Some(me.public),
        peers,
    })
}

fn log_by_origin(book: SyncBook<'_>) -> Result<BTreeMap<CopyId, Vec<u64>>> {
    let mut out: BTreeMap<CopyId, Vec<u64>> = BTreeMap::new();
    for (origin, seq) in book.log_numbers()? {
        if let Ok(origin) = origin.parse() {
            out.entry(origin).or_default().push(seq);
        }
    }
    Ok(out)
}

/// Per origin, the last change any bundle to `peer` carried (recorded by the export).
fn sent_to(book: SyncBook<'_>, peer: CopyId) -> Result<BTreeMap<CopyId, u64>> {
    let mut out: BTreeMap<CopyId, u64> = BTreeMap::new();
    for summary in book.sent_summaries(&peer.to_string())? {
        let Some(sent) = summary.get("sent").and_then(|s| s.as_object()) else { continue };
        for (origin, last) in sent {
            if let (Ok(origin), Some(last)) = (origin.parse(), last.as_u64()) {
                let held = out.entry(origin).or_insert(0);
                *held = (*held).max(last);
            }
        }
    }
    Ok(out)
}

fn received_from(book: SyncBook<'_>, peer: CopyId) -> Result<(Vec<u64>, Option<String>)> {
    let mut numbers = Vec::new();
    let mut last: Option<String> = None;
    for (n, at) in book.bundles_received(&peer.to_string())? {
        numbers.push(n);
        if last.as_ref().is_none_or(|l| at > *l) {
            last = Some(at);
        }
    }
    Ok((numbers, last))
}

/// The newest bundle received, by its sender's clock, compared with this computer's.
fn clock_warning(book: SyncBook<'_>, now: u64) -> Result<Option<ClockWarning>> {
    let Some((created_at, sender)) = book.newest_bundle_received()? else { return Ok(None) };
    let Ok(created) = chrono::DateTime::parse_from_rfc3339(&created_at) else { return Ok(None) };
    let remote = Hlc { millis: created.timestamp_millis().max(0) as u64, counter: 0 };
    Ok(check_ahead(remote, now).err().map(|skew| ClockWarning { sender, ahead: skew.ahead() }))
}

//! Making a bundle for a peer: by default the changes it has not acknowledged, with `all`
//! everything this copy holds; plus the attachment files those changes link.
//!
//! A bundle counts as sent (its number taken, its changes no longer "not yet sent") once it is
//! recorded in `sync_bundles`: [`export`] records it at once, [`export_file`] only after the
//! file is written, so a cancelled or failed export leaves no gap in the recipient's series.

use std::collections::BTreeMap;
use std::path::Path;


use super::change::{Change, Entity};
use super::container::{seal, Draft};
use super::identity::{CopyId, Identity, PublicIdentity};
use super::journal;
use super::manifest::{format_for, Addressee, Counts, Manifest, OriginRange};
use super::{roster, SyncError};
use crate::store::{BundleRecord, Store, SyncBook};

/// What `bundle export` produced.
#[derive(Debug)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
    /// Attachments whose file could not travel (see [`FileNotSent`]).
    pub files_not_sent: Vec<FileNotSent>,
}

impl Exported {
    /// A file name that says who sent it to whom and its number:
    /// `ana-lopez-para-oficina-central-0005.enlace`.
    pub fn suggested_file_name(&self) -> String {
        file_name(&self.manifest.sender.name, &self.manifest.recipient.name, self.manifest.number)
    }
}

fn file_name(sender: &str, recipient: &str, number: u64) -> String {
    let slug = |name: &str| crate::text::fold(name).replace(' ', "-");
    format!("{}-para-{}-{:04}.enlace", slug(sender), slug(recipient), number)
}

/// The number of the last bundle sent to `peer` (0 before the first).
pub(super) fn last_sent(book: SyncBook<'_>, peer: CopyId) -> crate::store::Result<u64> {
    book.last_bundle_sent(&peer.to_string())
}

fn next_number(book: SyncBook<'_>, peer: CopyId) -> crate::store::Result<u64> {
    Ok(last_sent(book, peer)? + 1)
}

/// The name the next bundle for `to` would get (for a save dialog, before exporting).
pub fn next_file_name(store: &Store, to: &PublicIdentity) -> Result<String, SyncError> {
    let me = Identity::require(store)?;
    Ok(file_name(&me.public.name, &to.name, next_number(store.sync_book(), to.id)?))
}

/// Per origin, the last change `peer` has acknowledged.
pub(super) fn acked(book: SyncBook<'_>, peer: CopyId) -> crate::store::Result<BTreeMap<CopyId, u64>> {
    let acks = book.acks(&peer.to_string())?;
    Ok(acks.into_iter().filter_map(|(origin, seq)| Some((origin.parse().ok()?, seq))).collect())
}

/// Reports `(done, total)` now and then; answering `false` cancels.
pub use crate::job::Progress;

fn changes_for(book: SyncBook<'_>, peer: CopyId, all: bool, progress: Progress) -> Result<Vec<Change>, SyncError> {
    let acks = if all { BTreeMap::new() } else { acked(book, peer)? };
    let total = book.log_len()?;
    let mut out = Vec::new();
    let mut read = 0u64;
    book.scan_log(|origin, seq, text| {
        read += 1;
        if read % 500 == 0 && !progress(read, total) {
            return Err(SyncError::Cancelled);
        }
        let origin: CopyId = origin.parse().map_err(|_| SyncError::Corrupt("origen".into()))?;
        // What the peer holds of its own series too: after a restore it lacks some of them.
        if !all && seq <= acks.get(&origin).copied().unwrap_or(0) {
            return Ok(());
        }
        out.push(serde_json::from_str(text).map_err(|e| SyncError::Corrupt(e.to_string()))?);
        Ok(())
    })?;
    if !progress(read, total) {
        return Err(SyncError::Cancelled);
    }
    Ok(out)
}

fn ranges(changes: &[Change]) -> Vec<OriginRange> {
    let mut by_origin: BTreeMap<CopyId, OriginRange> = BTreeMap::new();
    for c in changes {
        let r = by_origin.entry(c.origin).or_insert(OriginRange { origin: c.origin, first: c.seq, last: c.seq, count: 0 });
        r.first = r.first.min(c.seq);
        r.last = r.last.max(c.seq);
        r.count += 1;
    }
    by_origin.into_values().collect()
}

/// An attachment whose change a bundle carries without its file, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FileNotSent {
    pub file_name: String,
    /// Its size on disk; `None` when the file is missing.
    #[ts(type = "number | null")]
    pub size: Option<u64>,
    /// This copy's attachment limit, which the file passes (when it is there).
    #[ts(type = "number")]
    pub limit: u64,
}

/// The files the bundle's attachment changes link, each read once. A file missing on disk or
/// over this copy's attachment limit is left out (and listed) so it never blocks the bundle:
/// its change still travels and the recipient says which file did not come.
fn attachment_files(store: &Store, changes: &[Change]) -> Result<(BTreeMap<String, Vec<u8>>, Vec<FileNotSent>), SyncError> {
    let limit = store.max_attachment_bytes();
    let mut files = BTreeMap::new();
    let mut not_sent = Vec::new();
    for c in changes.iter().filter(|c| c.entity == Entity::Attachment && !c.is_delete()) {
        let Some((_, hash)) = c.id.split_once('/') else { continue };
        if files.contains_key(hash) {
            continue;
        }
        let file_name = c.writes.get("file_name").and_then(|w| w.value.as_str()).unwrap_or(hash).to_string();
        let size = store.attachment_path(hash).and_then(|path| std::fs::metadata(&path).ok().map(|m| (path, m.len())));
        match size {
            Some((path, size)) if size <= limit => {
                files.insert(hash.to_string(), std::fs::read(path).map_err(|e| SyncError::Corrupt(e.to_string()))?);
            }
            Some((_, size)) => not_sent.push(FileNotSent { file_name, size: Some(size), limit }),
            None => not_sent.push(FileNotSent { file_name, size: None, limit }),
        }
    }
    Ok((files, not_sent))
}

/// Makes the next bundle for `to` (who must be in the roster) and records it as sent.
pub fn export(store: &mut Store, to: &PublicIdentity, all: bool) -> Result<Exported, SyncError> {
    let exported = prepare(store, to, all, &mut |_, _| true)?;
    record_sent(store, &exported.manifest)?;
    Ok(exported)
}

/// Makes the next bundle for `to` and writes it to `out` (beside it first, so a half-written
/// bundle never carries its name); it counts as sent only once written. `progress` may cancel
/// until the file is written ([`SyncError::Cancelled`], nothing recorded).
pub fn export_file(store: &mut Store, to: &PublicIdentity, all: bool, out: &Path, progress: Progress) -> Result<Exported, SyncError> {
    let mut last = (0, 0);
    let mut track = |done, total| {
        last = (done, total);
        progress(done, total)
    };
    let exported = prepare(store, to, all, &mut track)?;
    if !progress(last.0, last.1) {
        return Err(SyncError::Cancelled);
    }
    let partial = out.with_extension("partial");
    let written = std::fs::write(&partial, &exported.bytes).and_then(|()| std::fs::rename(&partial, out));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(SyncError::Write(format!("{}: {e}", out.display())));
    }
    if let Err(e) = record_sent(store, &exported.manifest) {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    Ok(exported)
}

fn prepare(store: &mut Store, to: &PublicIdentity, all: bool, progress: Progress) -> Result<Exported, SyncError> {
    let me = Identity::require(store)?;
    let peer = roster::get(&*store, &to.id)?
        .filter(|p| p.age == to.age && p.minisign == to.minisign)
        .ok_or_else(|| SyncError::NotInRoster(to.name.clone()))?;
    let (changes, number, holdings, created_hlc, series) = store.with_sync_transaction(|tx| {
        journal::ingest_local(tx, me.public.id)?;
        let changes = changes_for(tx, peer.id, all, &mut *progress)?;
        let number = next_number(tx, peer.id)?;
        let holdings = journal::holdings(tx)?;
        let created = journal::tick(tx, me.public.id)?.hlc;
        let series = super::series::notes(tx, me.public.id)?;
        Ok::<_, SyncError>((changes, number, holdings, created, series))
    })?;
    let (attachments, files_not_sent) = attachment_files(store, &changes)?;
    let deletions = changes.iter().filter(|c| c.is_delete()).count() as u64;
    let manifest = Manifest {
        format: format_for(&series),
        bundle_id: uuid::Uuid::now_v7(),
        number,
        sender: me.public.clone(),
        recipient: Addressee { id: peer.id, name: peer.name.clone(), age: peer.age.clone() },
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        created_hlc,
        full: all,
        ranges: ranges(&changes),
        acks: holdings,
        counts: Counts {
            changes: changes.len() as u64,
            upserts: changes.len() as u64 - deletions,
            deletions,
            attachments: attachments.len() as u64,
            attachment_bytes: attachments.values().map(|a| a.len() as u64).sum(),
        },
        entries: Vec::new(),
        series,
    };
    let bytes = seal(&me, &peer, Draft { manifest: manifest.clone(), changes, attachments })?;
    Ok(Exported { bytes, manifest, files_not_sent })
}

/// Records a bundle as sent: its counts and, per origin, the last change it carries (what
/// [`super::status`] compares against to count changes not yet sent).
fn record_sent(store: &mut Store, manifest: &Manifest) -> Result<(), SyncError> {
    let mut summary = serde_json::to_value(&manifest.counts).expect("counts serialise");
    let sent: BTreeMap<String, u64> = manifest.ranges.iter().map(|r| (r.origin.to_string(), r.last)).collect();
    summary["sent"] = serde_json::json!(sent);
    store.with_sync_transaction(|tx| {
        tx.record_bundle_sent(&BundleRecord {
            peer: &manifest.recipient.id.to_string(),
            number: manifest.number,
            bundle_id: &manifest.bundle_id.to_string(),
            created_at: &manifest.created_at,
            summary: &summary,
        })?;
        Ok::<_, SyncError>(())
    })
}

//! Applying a bundle: verify it (nothing written if anything is wrong), then in ONE store
//! transaction log its changes, merge them, write the merged records through the store's own
//! write path, record the sender's acknowledgements and the bundle. A failure or a kill at any
//! point leaves the database as it was.
//!
//! Guards before anything is written:
//! - the sender's clock: a change stamped more than [`MAX_AHEAD_MILLIS`] after this copy's
//!   clock would win every conflict for days; the bundle is refused (say which copy and by how
//!   much) unless the person accepts it knowingly (`accept_clock_skew`);
//! - mass changes: a bundle that would delete or overwrite more than [`MASS_SHARE`] of this
//!   copy's records (and at least [`MASS_MIN`]) needs `confirm`.
//!
//! [`preview`] runs the same checks and the same merge in a transaction that is rolled back,
//! so a person sees exactly what an import would apply, skip and put in conflict before it does.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use super::change::{Change, Entity};
use super::container::{open, Opened};
use super::hlc::{check_ahead, now_millis};
#[cfg(doc)]
use super::hlc::MAX_AHEAD_MILLIS;
use super::identity::{CopyId, Identity, Role};
use super::{journal, series};
use super::merge::{Conflict, RecordState};
use super::paths::is_plain_file_name;
use super::{roster, SyncError};
use crate::domain::{ActivityInput, LikelyDuplicate};
use crate::domain::{Attachment, ReportMark};
use crate::store::{for_sync, Actor, BundleRecord, Origin, Store, StoreError, SyncBook};
use crate::text::size_text;
use crate::{Explain, Text};

/// Share of this copy's records a bundle may delete or overwrite without `confirm`.
pub const MASS_SHARE: f64 = 0.10;
/// Below this many affected records no confirmation is asked, whatever the share.
pub const MASS_MIN: usize = 10;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Apply even a bundle that deletes or overwrites many records.
    pub confirm: bool,
    /// Apply a bundle whose clock runs ahead of this copy's.
    pub accept_clock_skew: bool,
    /// This copy's clock, for tests; `None` reads the system clock.
    pub now_millis: Option<u64>,
}

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize, ts_rs::TS)]
#[ts(export, rename = "BundleImportReport")]
pub struct ImportReport {
    pub sender: String,
    #[ts(type = "number")]
    pub number: u64,
    pub applied: usize,
    pub skipped: usize,
    /// Changes of this bundle now part of a conflict.
    pub conflicted: usize,
    /// Existing live records this bundle deleted or changed.
    pub overwritten: usize,
    pub deleted: usize,
    /// Records whose edits arrived before their creation: kept, written when it arrives.
    pub pending: usize,
    /// Changes an officer's bundle attributes to another copy: not applied (an officer's
    /// bundle carries only its own changes; the central office relays the others').
    pub foreign: usize,
    /// Attachments whose file the bundle lacks or that pass this copy's attachment limit:
    /// their record is kept, their file is not (each named in `warnings`).
    pub files_not_received: usize,
    /// Live records of this copy before the import.
    pub records_before: usize,
    /// Numbers of earlier bundles from this sender never received.
    #[ts(type = "Array<number>")]
    pub missing_bundles: Vec<u64>,
    /// Messages for the person (missing bundles, clocks, duplicates, files not received).
    pub warnings: Vec<Text>,
    /// At the central office: organisations that now look like duplicates.
    pub duplicates: Vec<LikelyDuplicate>,
}

/// Verifies and applies the bundle in `bytes`.
pub fn import(store: &mut Store, bytes: &[u8], options: &ImportOptions) -> Result<ImportReport, SyncError> {
    let me = Identity::require(store)?;
    let opened = open(bytes, &me, |key| roster::by_minisign(&*store, key).ok().flatten())?;
    let now = options.now_millis.unwrap_or_else(now_millis);
    let sender_name = opened.manifest.sender.name.clone();
    let newest = opened.changes.iter().map(|c| c.hlc).chain([opened.manifest.created_hlc]).max().expect("chain of one");
    if let Err(skew) = check_ahead(newest, now) {
        if !options.accept_clock_skew {
            return Err(SyncError::ClockAhead { sender: sender_name, ahead: skew.ahead(), at: skew.remote.wall().to_rfc3339() });
        }
    }

    let actor = Actor::new(format!("sincronización: {sender_name}"), Origin::Sync);
    let dir = store.attachments_dir();
    let files = Blobs { dir: dir.as_deref(), write: true, limit: store.max_attachment_bytes() };
    // Files are written inside the transaction; those it brought are taken away again if it is
    // refused or fails (a mass change not confirmed), so a refused bundle leaves nothing on disk.
    let fresh: Vec<_> = dir.iter().flat_map(|d| opened.attachments.keys().map(|h| for_sync::blob_path(d, h))).filter(|p| !p.exists()).collect();
    let applied = store.with_sync_transaction(|tx| apply(tx, &me, &opened, &actor, options, files));
    if applied.is_err() {
        for path in &fresh {
            let _ = std::fs::remove_file(path);
        }
    }
    let mut report = applied?;
    report.warnings.extend(clock_warning(&opened, now));
    settle_org_merges(store, &actor)?;
    if me.public.role == super::identity::Role::Central {
        report.duplicates = store.likely_duplicate_organisations()?;
        for d in &report.duplicates {
            report.warnings.push(Text::new(
                format!("posible organización duplicada: «{}» y «{}» ({}); puede fusionarlas", d.a_name, d.b_name, d.reason),
                format!("possible duplicate organisation: «{}» and «{}» ({}); you may merge them", d.a_name, d.b_name, d.reason),
            ));
        }
    }
    Ok(report)
}

/// What importing a bundle would do, found by doing it in a transaction rolled back.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export, rename = "BundlePreview")]
pub struct Preview {
    /// Who signed it (signature verified against the roster, encrypted to this copy).
    pub sender: super::PublicIdentity,
    #[ts(type = "number")]
    pub number: u64,
    /// RFC 3339, sender's clock.
    pub created_at: String,
    /// Everything the sender has, not only what this copy lacked.
    pub full: bool,
    /// The counts the manifest declares.
    pub counts: super::manifest::Counts,
    /// The import's outcome if applied now (`applied`, `skipped`, `conflicted`, `overwritten`,
    /// `deleted`, `missing_bundles`, `warnings`…).
    pub expected: ImportReport,
    /// It would delete or overwrite so many records that it needs an explicit confirmation.
    pub needs_confirmation: bool,
    /// How far the sender's clock runs ahead of this copy's, when more than allowed: importing
    /// then needs `accept_clock_skew`.
    pub clock_ahead: Option<Text>,
}

/// Verifies the bundle in `bytes` and says what importing it would do; writes nothing.
pub fn preview(store: &mut Store, bytes: &[u8], now_millis_for_test: Option<u64>) -> Result<Preview, SyncError> {
    let me = Identity::require(store)?;
    let opened = open(bytes, &me, |key| roster::by_minisign(&*store, key).ok().flatten())?;
    let now = now_millis_for_test.unwrap_or_else(now_millis);
    let newest = opened.changes.iter().map(|c| c.hlc).chain([opened.manifest.created_hlc]).max().expect("chain of one");
    let clock_ahead = check_ahead(newest, now).err().map(|skew| skew.ahead());
    let actor = Actor::new(format!("sincronización: {}", opened.manifest.sender.name), Origin::Sync);
    let options = ImportOptions { confirm: true, accept_clock_skew: true, now_millis: Some(now) };
    let dir = store.attachments_dir();
    let files = Blobs { dir: dir.as_deref(), write: false, limit: store.max_attachment_bytes() };
    let mut expected = store.with_sync_rollback(|tx| apply(tx, &me, &opened, &actor, &options, files))?;
    expected.warnings.extend(clock_warning(&opened, now));
    let m = opened.manifest;
    Ok(Preview {
        needs_confirmation: is_mass_change(expected.overwritten + expected.deleted, expected.records_before),
        sender: m.sender,
        number: m.number,
        created_at: m.created_at,
        full: m.full,
        counts: m.counts,
        expected,
        clock_ahead,
    })
}

/// Whether deleting or overwriting `affected` of `total` live records needs confirmation.
fn is_mass_change(affected: usize, total: usize) -> bool {
    affected >= MASS_MIN && affected as f64 > MASS_SHARE * total as f64
}

/// Where attachment files of a bundle go, and which are kept.
#[derive(Clone, Copy)]
struct Blobs<'a> {
    /// The store's attachments folder (`None` in memory).
    dir: Option<&'a Path>,
    /// `false` in a preview: nothing is written.
    write: bool,
    /// This copy's attachment limit: a larger file is not kept.
    limit: u64,
}

fn clock_warning(opened: &Opened, now: u64) -> Option<Text> {
    let created = opened.manifest.created_hlc;
    let sender = &opened.manifest.sender.name;
    check_ahead(created, now).err().map(|skew| {
        Text::new(
            format!("el paquete de «{sender}» está fechado {} después del reloj de esta computadora: revise la fecha y hora de ambos equipos", skew.ahead_es()),
            format!("the bundle from «{sender}» is dated {} after this computer's clock: check the date and time of both computers", skew.ahead_en()),
        )
    })
}

fn apply(
    tx: SyncBook<'_>,
    me: &Identity,
    opened: &Opened,
    actor: &Actor,
    options: &ImportOptions,
    files: Blobs,
) -> Result<ImportReport, SyncError> {
    let m = &opened.manifest;
    let mut report = ImportReport { sender: m.sender.name.clone(), number: m.number, ..Default::default() };
    journal::ingest_local(tx, me.public.id)?;
    report.warnings.extend(series::claim(tx, me.public.id, &m.sender, &m.series)?);
    let carried = match m.sender.role {
        Role::Central => None,
        Role::Officer => Some(series::carried_by(tx, m.sender.id)?),
    };

    let mut touched: BTreeMap<(Entity, String), RecordState> = BTreeMap::new();
    let mut new_stamps = BTreeSet::new();
    let mut changes: Vec<&Change> = opened.changes.iter().collect();
    changes.sort_by_key(|c| (c.origin, c.seq));
    for change in changes {
        if carried.as_ref().is_some_and(|own| !own.contains(&change.origin)) {
            report.foreign += 1;
            continue;
        }
        if !journal::log(tx, change)? {
            if journal::logged(tx, change.origin, change.seq)?.as_ref() != Some(change) {
                let (origin, seq) = (change.origin.to_string(), change.seq);
                return Err(SyncError::Bundle(super::BundleError::ReusedNumber { origin, seq }));
            }
            report.skipped += 1;
            // An attachment that came earlier without its file is linked once a bundle brings it.
            let file_fits = |(_, hash): (&str, &str)| opened.attachments.get(hash).is_some_and(|d| d.len() as u64 <= files.limit);
            if change.entity == Entity::Attachment && change.id.split_once('/').is_some_and(file_fits) {
                let key = (change.entity, change.id.clone());
                if !touched.contains_key(&key) {
                    touched.insert(key, journal::load_state(tx, change.entity, &change.id)?);
                }
            }
            continue;
        }
        let key = (change.entity, change.id.clone());
        if !touched.contains_key(&key) {
            touched.insert(key.clone(), journal::load_state(tx, change.entity, &change.id)?);
        }
        touched.get_mut(&key).expect("inserted above").apply(change);
        new_stamps.insert(change.stamp());
        report.applied += 1;
    }

    report.records_before = tx.live_activity_count()?;
    for ((entity, id), state) in &touched {
        journal::save_state(tx, *entity, id, state)?;
        match entity {
            Entity::Axis => for_sync::apply_axis(tx, id, &state.value())?,
            Entity::Activity => materialise_activity(tx, id, state, actor, &mut report)?,
            Entity::Attachment => materialise_attachment(tx, id, state, opened, actor, files, &mut report)?,
            Entity::OrgMerge => {}
        }
        report.conflicted += conflicting_stamps(state).intersection(&new_stamps).count();
    }
    if !options.confirm && is_mass_change(report.overwritten + report.deleted, report.records_before) {
        return Err(SyncError::NeedsConfirmation {
            sender: m.sender.name.clone(),
            overwritten: report.overwritten,
            deleted: report.deleted,
            total: report.records_before,
        });
    }

    if report.foreign > 0 {
        let (n, sender) = (report.foreign, &m.sender.name);
        report.warnings.push(Text::new(
            format!("se omitieron {n} cambios que el paquete de «{sender}» atribuye a otras copias: el paquete de un oficial solo trae sus propios cambios"),
            format!("{n} changes the bundle from «{sender}» attributes to other copies were skipped: an officer's bundle carries only that officer's own changes"),
        ));
    }
    record_acks(tx, m.sender.id, &m.acks, is_newest(tx, m.sender.id, m.number)?)?;
    report.missing_bundles = missing_bundles(tx, m.sender.id, m.number)?;
    for n in &report.missing_bundles {
        report.warnings.push(Text::new(format!("falta el paquete {n} de {}", m.sender.name), format!("bundle {n} from {} is missing", m.sender.name)));
    }
    tx.record_bundle_received(&BundleRecord {
        peer: &m.sender.id.to_string(),
        number: m.number,
        bundle_id: &m.bundle_id.to_string(),
        created_at: &m.created_at,
        summary: &serde_json::json!({ "applied": report.applied, "skipped": report.skipped, "conflicted": report.conflicted }),
    })?;
    // A clock accepted while running ahead must not drag this copy's clock with it.
    if let Some(newest) = opened.changes.iter().map(|c| c.hlc).max().filter(|h| check_ahead(*h, now_millis()).is_ok()) {
        tx.observe_clock(&newest.to_string())?;
    }
    report.warnings.extend(own_clock_warning(tx, me.public.id, m)?);
    journal::skip_feed(tx)?;
    Ok(report)
}

/// When the sender acknowledges one of our changes stamped later than the sender's own clock
/// when it made the bundle, it is *this* computer's clock that runs ahead.
fn own_clock_warning(tx: SyncBook<'_>, me: CopyId, m: &super::manifest::Manifest) -> crate::store::Result<Option<Text>> {
    let Some(acked) = m.acks.get(&me) else { return Ok(None) };
    let hlc = tx.logged_hlc(&me.to_string(), *acked)?;
    let Some(ours) = hlc.and_then(|h| h.parse().ok()) else { return Ok(None) };
    let sender = &m.sender.name;
    Ok(check_ahead(ours, m.created_hlc.millis).err().map(|skew| {
        Text::new(
            format!("el reloj de esta computadora parece adelantado {} respecto al de «{sender}»: revise su fecha y hora", skew.ahead_es()),
            format!("this computer's clock seems {} ahead of «{sender}»'s: check its date and time", skew.ahead_en()),
        )
    }))
}

fn conflicting_stamps(state: &RecordState) -> BTreeSet<super::hlc::Stamp> {
    let mut out = BTreeSet::new();
    for c in state.conflicts() {
        match c {
            Conflict::Field { winner, losers, .. } => out.extend(losers.iter().chain([&winner]).map(|h| h.stamp)),
            Conflict::DeleteEdit { deleted, edits } => out.extend(edits.iter().map(|(_, h)| h.stamp).chain([deleted.stamp])),
        }
    }
    out
}

/// Writes the merged record to the store when it differs from what the store holds.
fn materialise_activity(tx: SyncBook<'_>, id: &str, state: &RecordState, actor: &Actor, report: &mut ImportReport) -> Result<(), SyncError> {
    if !state.exists() {
        return Ok(());
    }
    let existing = for_sync::activity(tx, id)?;
    let complete = ["kind", "title", "start_date"].iter().all(|f| state.value().contains_key(*f));
    if existing.is_none() && !complete {
        // Edits whose record's creation is in a bundle not received yet: kept in the merge
        // state, written once the creation arrives.
        report.pending += 1;
        return Ok(());
    }
    let was_live = existing.as_ref().is_some_and(|a| a.meta.deleted_at.is_none());
    let mut in_trash = existing.as_ref().is_some_and(|a| a.meta.deleted_at.is_some());
    let mut value = state.value();
    value.insert("id".into(), Value::from(id));
    let current = existing.as_ref().map(|a| serde_json::to_value(a.to_input()).expect("activity serialises"));
    if current.as_ref() != Some(&Value::Object(value.clone())) {
        let input: ActivityInput = serde_json::from_value(Value::Object(value))
            .map_err(|e| SyncError::InvalidRecord { id: id.into(), message: Text::new(e.to_string(), e.to_string()) })?;
        for_sync::save_activity(tx, &input, actor).map_err(|e| SyncError::InvalidRecord { id: id.into(), message: e.brief() })?;
        in_trash = false; // saving a record takes it out of the trash
        if was_live && !state.is_deleted() {
            report.overwritten += 1;
        }
    }
    match (state.is_deleted(), in_trash) {
        (true, false) => {
            for_sync::set_activity_trashed(tx, id, true, actor)?;
            if was_live {
                report.deleted += 1;
            }
        }
        (false, true) => for_sync::set_activity_trashed(tx, id, false, actor)?,
        _ => {}
    }
    Ok(())
}

/// Stores an attachment file (once per content) and links it to its activity. A file the
/// bundle lacks, or one over this copy's attachment limit, is not kept: the change stays in
/// the merge state and the rest of the bundle applies, with a warning naming the file.
fn materialise_attachment(
    tx: SyncBook<'_>,
    id: &str,
    state: &RecordState,
    opened: &Opened,
    actor: &Actor,
    files: Blobs,
    report: &mut ImportReport,
) -> Result<(), SyncError> {
    let bad = |es: &str, en: &str| SyncError::InvalidRecord { id: id.into(), message: Text::new(es, en) };
    let (activity, hash) = id.split_once('/').ok_or_else(|| bad("identificador de adjunto", "attachment identifier"))?;
    if !super::paths::is_sha256_hex(hash) {
        return Err(bad("huella de adjunto", "attachment fingerprint"));
    }
    let v = state.value();
    let file_name = v.get("file_name").and_then(Value::as_str).unwrap_or(hash);
    if !is_plain_file_name(file_name) {
        return Err(SyncError::Bundle(super::BundleError::BadEntry(file_name.into())));
    }
    let held_here = files.dir.is_some_and(|dir| for_sync::blob_path(dir, hash).exists());
    if !held_here {
        match opened.attachments.get(hash) {
            None => {
                report.files_not_received += 1;
                let sender = &opened.manifest.sender.name;
                report.warnings.push(Text::new(
                    format!("el paquete no trae el archivo adjunto «{file_name}»: pídalo a «{sender}»"),
                    format!("the bundle lacks the attached file «{file_name}»: ask «{sender}» for it"),
                ));
                return Ok(());
            }
            Some(data) if data.len() as u64 > files.limit => {
                report.files_not_received += 1;
                let (size, limit) = (size_text(data.len() as u64), size_text(files.limit));
                report.warnings.push(Text::new(
                    format!("no se guardó el adjunto «{file_name}» ({size}): pasa el límite de {limit} para adjuntos"),
                    format!("the attachment «{file_name}» ({size}) was not kept: it is over the {limit} attachment limit"),
                ));
                return Ok(());
            }
            Some(data) if files.write => {
                let dir = files.dir.ok_or_else(|| bad("una base en memoria no guarda adjuntos", "a database in memory keeps no attachments"))?;
                write_blob(&for_sync::blob_path(dir, hash), data).map_err(|e| bad(&e.to_string(), &e.to_string()))?;
            }
            Some(_) => {}
        }
    }
    let attachment = Attachment {
        hash: hash.into(),
        file_name: file_name.into(),
        media_type: v.get("media_type").and_then(Value::as_str).unwrap_or("application/octet-stream").into(),
        size: v.get("size").and_then(Value::as_i64).unwrap_or(0),
        ..Attachment::default()
    };
    // A copy that predates report marks sends none: the mark kept here stays.
    let text = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let report = v.get("in_report").and_then(Value::as_bool).map(|in_report| ReportMark { in_report, caption: text("caption"), credit: text("credit") });
    for_sync::link_attachment(tx, activity, &attachment, report, actor).map_err(|e| match e {
        StoreError::NotFound { .. } => bad("el adjunto es de una actividad que no llegó", "the attachment belongs to an activity that did not arrive"),
        other => SyncError::InvalidRecord { id: id.into(), message: other.text() },
    })?;
    journal::mark_attachment(tx, activity, hash)?;
    Ok(())
}

/// Writes an attachment's file beside it first, so a half-written file never carries its name.
fn write_blob(target: &Path, data: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(target.parent().expect("blob has a folder"))?;
    let partial = target.with_extension("partial");
    std::fs::write(&partial, data)?;
    std::fs::rename(&partial, target)
}

/// Whether bundle `number` is the newest received from `sender` so far.
fn is_newest(tx: SyncBook<'_>, sender: CopyId, number: u64) -> crate::store::Result<bool> {
    Ok(number >= tx.last_bundle_received(&sender.to_string())?)
}

/// Records what `peer` holds. Its newest bundle says so exactly — after a restore it holds
/// less than before, and what it lost is sent to it again; an older bundle arriving late can
/// only add to what is known.
fn record_acks(tx: SyncBook<'_>, peer: CopyId, acks: &BTreeMap<CopyId, u64>, newest: bool) -> crate::store::Result<()> {
    tx.record_acks(&peer.to_string(), acks.iter().map(|(origin, seq)| (origin.to_string(), *seq)), newest)
}

/// Bundle numbers below `number` from this sender never received.
fn missing_bundles(tx: SyncBook<'_>, sender: CopyId, number: u64) -> crate::store::Result<Vec<u64>> {
    let got: BTreeSet<u64> = tx.bundles_received(&sender.to_string())?.into_iter().map(|(n, _)| n).collect();
    Ok((1..number).filter(|n| !got.contains(n)).collect())
}

/// Carries out organisation merges received (by name): the merged-away entry is folded into
/// the kept one, as `Store::merge_organisations` does for a local merge.
fn settle_org_merges(store: &mut Store, actor: &Actor) -> Result<(), SyncError> {
    let merges: Vec<(String, String)> = store
        .sync_book()
        .record_states::<RecordState>(Entity::OrgMerge.as_str(), false)?
        .into_iter()
        .filter_map(|(_, s)| s.ok())
        .filter_map(|s| {
            let v = s.value();
            Some((v.get("drop")?.as_str()?.to_string(), v.get("keep")?.as_str()?.to_string()))
        })
        .collect();
    let mut merged_any = false;
    for (drop, keep) in merges {
        let book = store.sync_book();
        if let (Some(d), Some(k)) = (book.live_organisation_named(&drop)?, book.live_organisation_named(&keep)?) {
            if d != k {
                store.merge_organisations(&k, &d, actor)?;
                merged_any = true;
            }
        }
    }
    if merged_any {
        store.with_sync_transaction(journal::skip_feed)?;
    }
    Ok(())
}

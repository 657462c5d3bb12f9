//! Attachments: files stored once by content hash beside the database, linked from activities.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};

use super::audit::{self, Write};
use super::{Actor, Result, Store, StoreError};
use crate::domain::ActivityId;
use crate::text::size_text;
pub use crate::domain::{Attachment, ReportMark};

/// Attachments are photos and PDFs; a larger file is most likely picked by mistake (a video, a
/// disk image) and would be held in memory whole, then travel in every sync bundle.
pub const DEFAULT_MAX_BYTES: u64 = 100 * 1024 * 1024;

/// The columns [`from_row`] reads, in its order.
pub(super) const COLUMNS: &str = "hash, file_name, media_type, size, added_at, in_report, caption, credit";

/// An attachment from the [`COLUMNS`] of a row, starting at column `at`.
pub(super) fn from_row(r: &Row, at: usize) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        hash: r.get(at)?,
        file_name: r.get(at + 1)?,
        media_type: r.get(at + 2)?,
        size: r.get(at + 3)?,
        added_at: r.get(at + 4)?,
        in_report: r.get(at + 5)?,
        caption: r.get(at + 6)?,
        credit: r.get(at + 7)?,
    })
}

/// Where a file of this hash lives: `<dir>/ab/abcdef…`.
pub fn blob_path(dir: &Path, hash: &str) -> PathBuf {
    dir.join(&hash[..2]).join(hash)
}

fn media_type(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    match lower.rsplit('.').next().unwrap_or("") {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// The whole file, or a refusal naming it when it passes `limit`. The size on disk is checked
/// first so a huge file is refused without reading it; the read itself stops past the limit, for
/// a file that grows meanwhile or reports no size (a pipe, a device).
fn read_within(file: &Path, limit: u64) -> Result<Vec<u8>> {
    let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let refuse = |size_es: &str, size_en: &str| {
        StoreError::TooLarge(crate::Text::new(
            format!("«{name}» pesa {size_es}; el límite para adjuntos es {}. No se adjuntó nada.", size_text(limit)),
            format!("«{name}» is {size_en}; the attachment limit is {}. Nothing was attached.", size_text(limit)),
        ))
    };
    let size = std::fs::metadata(file)?.len();
    if size > limit {
        return Err(refuse(&size_text(size), &size_text(size)));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)?.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(refuse(&format!("más de {}", size_text(limit)), &format!("over {}", size_text(limit))));
    }
    Ok(bytes)
}

impl Store {
    /// Sets the largest file [`Store::attach`] accepts (default [`DEFAULT_MAX_BYTES`]).
    pub fn set_max_attachment_bytes(&mut self, limit: u64) {
        self.max_attachment_bytes = limit;
    }

    /// Copies a file into the attachments folder (once per content) and links it to an activity.
    /// A file over the size limit is refused before anything is copied.
    pub fn attach(&mut self, activity: &ActivityId, file: &Path, actor: &Actor) -> Result<Attachment> {
        let dir = self
            .attachments_dir()
            .ok_or_else(|| StoreError::Conflict(crate::Text::new("una base en memoria no guarda adjuntos", "a database in memory keeps no attachments")))?;
        let bytes = read_within(file, self.max_attachment_bytes)?;
        let hash = hex::encode(Sha256::digest(&bytes));
        let target = blob_path(&dir, &hash);
        if !target.exists() {
            std::fs::create_dir_all(target.parent().expect("has parent"))?;
            let partial = target.with_extension("partial");
            std::fs::write(&partial, &bytes)?;
            std::fs::rename(&partial, &target)?;
        }
        let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| hash.clone());
        let attachment = Attachment {
            media_type: media_type(&file_name).into(),
            hash,
            file_name,
            size: bytes.len() as i64,
            added_at: super::now(),
            ..Attachment::default()
        };
        let id = activity.to_string();
        self.with_transaction(|tx| link(tx, &id, &attachment, actor))?;
        Ok(attachment)
    }

    /// The largest attachment this copy keeps, whether attached here or received by sync.
    pub fn max_attachment_bytes(&self) -> u64 {
        self.max_attachment_bytes
    }

    /// Marks an activity's attachment for the period report (or takes it out) with its caption
    /// and credit. Only JPEG and PNG photos print; marking another file is refused. The change is
    /// kept in the audit trail and travels in the next sync bundle.
    pub fn mark_attachment(&mut self, activity: &ActivityId, hash: &str, report: ReportMark, actor: &Actor) -> Result<Attachment> {
        let id = activity.to_string();
        self.with_transaction(|tx| {
            let attachment = find(tx, &id, hash)?
                .ok_or_else(|| StoreError::NotFound { entity: "adjunto", id: format!("{id}/{hash}") })?;
            if report.in_report && !attachment.is_photo() {
                return Err(StoreError::Conflict(crate::Text::new(
                    format!("«{}» no es una foto JPEG o PNG: el informe solo imprime fotos", attachment.file_name),
                    format!("«{}» is not a JPEG or PNG photo: the report prints photos only", attachment.file_name),
                )));
            }
            mark(tx, &id, attachment, report, actor)
        })
    }

    /// The stored file of an attachment.
    pub fn attachment_path(&self, hash: &str) -> Option<PathBuf> {
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.attachments_dir().map(|d| blob_path(&d, hash)).filter(|p| p.exists())
    }
}

pub(super) fn find(tx: &Connection, activity: &str, hash: &str) -> Result<Option<Attachment>> {
    let sql = format!("SELECT {COLUMNS} FROM attachments WHERE activity_id = ?1 AND hash = ?2");
    Ok(tx.query_row(&sql, (activity, hash), |r| from_row(r, 0)).optional()?)
}

/// Writes an attachment's report mark, with its audit entry, and lets sync journal the link
/// again so the mark travels; a mark equal to the one kept changes nothing.
pub(super) fn mark(tx: &Connection, activity: &str, attachment: Attachment, report: ReportMark, actor: &Actor) -> Result<Attachment> {
    let report = report.tidy();
    if attachment.report_mark() == report {
        return Ok(attachment);
    }
    let marked = Attachment { in_report: report.in_report, caption: report.caption, credit: report.credit, ..attachment.clone() };
    tx.execute(
        "UPDATE attachments SET in_report = ?3, caption = ?4, credit = ?5 WHERE activity_id = ?1 AND hash = ?2",
        (activity, &marked.hash, marked.in_report, &marked.caption, &marked.credit),
    )?;
    tx.execute("DELETE FROM sync_attachments WHERE activity_id = ?1 AND hash = ?2", (activity, &marked.hash))?;
    let (before, after) = (serde_json::to_value(&attachment).expect("serialises"), serde_json::to_value(&marked).expect("serialises"));
    audit::record(tx, actor, Write { entity: "activity", entity_id: activity, action: "mark", before: Some(&before), after: Some(&after) })?;
    Ok(marked)
}

/// Links a stored file to an activity, with its audit entry (once: linking it again changes
/// nothing). The activity must exist.
pub(super) fn link(tx: &Connection, activity: &str, attachment: &Attachment, actor: &Actor) -> Result<()> {
    let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM activities WHERE id = ?1)", [activity], |r| r.get(0))?;
    if !exists {
        return Err(StoreError::NotFound { entity: "actividad", id: activity.into() });
    }
    let added = tx.execute(
        "INSERT OR IGNORE INTO attachments (activity_id, hash, file_name, media_type, size, added_at, added_by, in_report, caption, credit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        (
            activity,
            &attachment.hash,
            &attachment.file_name,
            &attachment.media_type,
            attachment.size,
            &attachment.added_at,
            &actor.name,
            attachment.in_report,
            &attachment.caption,
            &attachment.credit,
        ),
    )?;
    if added > 0 {
        let record = serde_json::to_value(attachment).expect("serialises");
        audit::record(tx, actor, Write { entity: "activity", entity_id: activity, action: "attach", before: None, after: Some(&record) })?;
    }
    Ok(())
}

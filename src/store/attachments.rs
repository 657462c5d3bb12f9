//! Attachments: files stored once by content hash beside the database, linked from activities.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::audit::{self, Write};
use super::{Actor, Result, Store, StoreError};
use crate::domain::ActivityId;
pub use crate::domain::Attachment;

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

impl Store {
    /// Copies a file into the attachments folder (once per content) and links it to an activity.
    pub fn attach(&mut self, activity: &ActivityId, file: &Path, actor: &Actor) -> Result<Attachment> {
        let dir = self
            .attachments_dir()
            .ok_or_else(|| StoreError::Conflict("una base en memoria no guarda adjuntos".into()))?;
        let bytes = std::fs::read(file)?;
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
        };
        let id = activity.to_string();
        self.with_transaction(|tx| {
            let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM activities WHERE id = ?1)", [&id], |r| r.get(0))?;
            if !exists {
                return Err(StoreError::NotFound { entity: "actividad", id: id.clone() });
            }
            tx.execute(
                "INSERT OR IGNORE INTO attachments (activity_id, hash, file_name, media_type, size, added_at, added_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                (&id, &attachment.hash, &attachment.file_name, &attachment.media_type, attachment.size, &attachment.added_at, &actor.name),
            )?;
            let record = serde_json::to_value(&attachment).expect("serialises");
            audit::record(tx, actor, Write { entity: "activity", entity_id: &id, action: "attach", before: None, after: Some(&record) })?;
            Ok(())
        })?;
        Ok(attachment)
    }

    /// The stored file of an attachment.
    pub fn attachment_path(&self, hash: &str) -> Option<PathBuf> {
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.attachments_dir().map(|d| blob_path(&d, hash)).filter(|p| p.exists())
    }
}

//! `bundle inspect`: every check an import makes, and what the bundle would bring, with
//! nothing written.

use super::container::open;
use super::identity::Identity;
use super::manifest::Manifest;
use super::{roster, SyncError};
use crate::store::Store;

/// A verified bundle's manifest and how much of it this copy lacks.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub manifest: Manifest,
    /// Changes this copy does not have yet.
    pub new_changes: usize,
    /// Changes already here (an import would skip them).
    pub known_changes: usize,
}

impl Inspection {
    /// A few lines in Spanish for the terminal.
    pub fn describe_es(&self) -> String {
        let m = &self.manifest;
        let mut out = format!(
            "Paquete {} de «{}» ({}, {}) para «{}», creado {}\nFirma minisign verificada; cifrado age para esta copia; huellas SHA-256 correctas.\n",
            m.number, m.sender.name, m.sender.role.as_str(), m.sender.id, m.recipient.name, m.created_at
        );
        out.push_str(&format!(
            "{} cambios ({} altas o ediciones, {} bajas), {} adjuntos ({} bytes){}\n",
            m.counts.changes,
            m.counts.upserts,
            m.counts.deletions,
            m.counts.attachments,
            m.counts.attachment_bytes,
            if m.full { ", paquete completo" } else { "" }
        ));
        for r in &m.ranges {
            out.push_str(&format!("  origen {}: cambios {}–{} ({})\n", r.origin, r.first, r.last, r.count));
        }
        out.push_str(&format!("Nuevos para esta copia: {}; ya presentes: {}", self.new_changes, self.known_changes));
        out
    }
}

pub fn inspect(store: &Store, bytes: &[u8]) -> Result<Inspection, SyncError> {
    let me = Identity::require(store)?;
    let opened = open(bytes, &me, |key| roster::by_minisign(store, key).ok().flatten())?;
    let mut known_changes = 0;
    for c in &opened.changes {
        if store.sync_book().is_logged(&c.origin.to_string(), c.seq)? {
            known_changes += 1;
        }
    }
    Ok(Inspection { new_changes: opened.changes.len() - known_changes, known_changes, manifest: opened.manifest })
}

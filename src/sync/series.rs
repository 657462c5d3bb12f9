//! The series a copy numbers its changes in, and whose signature may carry each series.
//!
//! A copy starts numbering under its own id. Once its database is restored or copied (see
//! `store::lineage`), its next changes are numbered 1, 2, 3… under a new series id, so a number
//! that may already have left the machine is never used again. Its bundles declare its series
//! in the signed manifest ([`SeriesNote`]); a receiver records each series' owner the first
//! time it sees it, and from then on accepts that series only from that owner's signature.

use std::collections::BTreeSet;

use super::identity::{CopyId, PublicIdentity};
use super::manifest::SeriesNote;
use crate::store::{Result, StoreError, SyncBook};

fn parse(text: &str) -> Result<CopyId> {
    text.parse().map_err(|_| StoreError::Corrupt(format!("serie «{text}»")))
}

/// The series this copy (identity `me`) numbers its next changes in, registered as its own,
/// with every earlier one of its series marked retired. Call before numbering a change.
pub fn enter(book: SyncBook<'_>, me: CopyId) -> Result<CopyId> {
    let Some(series) = book.series_id()? else { return Ok(me) };
    let series = parse(&series)?;
    if owner(book, series)?.is_none() {
        book.begin_series(&me.to_string(), &series.to_string())?;
    }
    Ok(series)
}

/// The copy whose signature may carry `origin`'s changes, when known.
pub fn owner(book: SyncBook<'_>, origin: CopyId) -> Result<Option<CopyId>> {
    book.series_owner(&origin.to_string())?.as_deref().map(parse).transpose()
}

/// The series a bundle signed by `signer` may carry changes of: its own id and the series it
/// declared first.
pub fn carried_by(book: SyncBook<'_>, signer: CopyId) -> Result<BTreeSet<CopyId>> {
    let mut out = BTreeSet::from([signer]);
    for origin in book.series_owned_by(&signer.to_string())? {
        out.insert(parse(&origin)?);
    }
    Ok(out)
}

/// What this copy's bundles declare: every series it has numbered in besides its own id.
pub fn notes(book: SyncBook<'_>, me: CopyId) -> Result<Vec<SeriesNote>> {
    book.series_with_retired(&me.to_string())?
        .into_iter()
        .map(|(origin, retired)| Ok(SeriesNote { origin: parse(&origin)?, retired }))
        .collect()
}

/// Records the series a verified bundle's signer declares. A series already owned by another
/// copy, or one whose changes are already here from elsewhere, is not taken: the returned
/// messages (Spanish) say which.
pub fn claim(book: SyncBook<'_>, me: CopyId, signer: &PublicIdentity, declared: &[SeriesNote]) -> Result<Vec<crate::Text>> {
    let mut refused = Vec::new();
    for note in declared {
        let origin = note.origin.to_string();
        let taken_elsewhere = match owner(book, note.origin)? {
            Some(o) => o != signer.id,
            None => {
                let logged = book.has_logged_from(&origin)?;
                note.origin != signer.id
                    && (note.origin == me || super::roster::get(book, &note.origin)?.is_some() || logged)
            }
        };
        if taken_elsewhere {
            let sender = &signer.name;
            refused.push(crate::Text::new(
                format!("el paquete de «{sender}» declara como suya la serie de cambios {origin}, que pertenece a otra copia: sus cambios de esa serie no se aceptan"),
                format!("the bundle from «{sender}» claims the change series {origin}, which belongs to another copy: its changes of that series are not accepted"),
            ));
            continue;
        }
        book.claim_series(&origin, &signer.id.to_string(), note.retired)?;
    }
    Ok(refused)
}

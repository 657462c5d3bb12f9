//! The roster: the copies this copy trusts — whose signed bundles it accepts and to whom it
//! sends. An officer's roster holds the central office; the central's, its accepted officers.

use super::identity::{CopyId, Identity, IdentityError, PublicIdentity, Role};
use crate::store::{PeerRow, Result, SyncBook};

fn to_public(row: PeerRow) -> Option<PublicIdentity> {
    Some(PublicIdentity {
        id: row.copy_id.parse().ok()?,
        name: row.name,
        role: Role::parse(&row.role)?,
        minisign: row.minisign_public,
        age: row.age_public,
    })
}

/// Adds a copy; adding the same one again is a no-op. An officer trusts central offices and a
/// central office officers: a peer of this copy's own role is refused. A known id or key with different keys
/// or id is refused: keys do not change silently.
pub fn add<'a>(book: impl Into<SyncBook<'a>>, peer: &PublicIdentity) -> Result<bool, IdentityError> {
    let book = book.into();
    if let Some(me) = Identity::load(book)? {
        if me.public.role == peer.role {
            return Err(IdentityError::SameRole { name: peer.name.clone(), role: peer.role });
        }
    }
    let same_id = get(book, &peer.id)?;
    let same_key = by_minisign(book, &peer.minisign)?;
    match (same_id, same_key) {
        (Some(p), _) if p.minisign == peer.minisign && p.age == peer.age => Ok(false),
        (Some(p), _) => Err(IdentityError::BadPublic(format!(
            "«{}» ya está en el registro con otras claves; si cambió de claves, quítelo primero",
            p.name
        ))),
        (None, Some(p)) => Err(IdentityError::BadPublic(format!("esa clave ya pertenece a «{}»", p.name))),
        (None, None) => {
            book.add_peer(&PeerRow {
                copy_id: peer.id.to_string(),
                name: peer.name.clone(),
                role: peer.role.as_str().to_string(),
                minisign_public: peer.minisign.clone(),
                age_public: peer.age.clone(),
            })?;
            Ok(true)
        }
    }
}

pub fn get<'a>(book: impl Into<SyncBook<'a>>, id: &CopyId) -> Result<Option<PublicIdentity>> {
    Ok(book.into().peer(&id.to_string())?.and_then(to_public))
}

/// The copy whose minisign public key this is.
pub fn by_minisign<'a>(book: impl Into<SyncBook<'a>>, key: &str) -> Result<Option<PublicIdentity>> {
    Ok(book.into().peer_by_minisign(key)?.and_then(to_public))
}

pub fn list<'a>(book: impl Into<SyncBook<'a>>) -> Result<Vec<PublicIdentity>> {
    Ok(book.into().peers()?.into_iter().filter_map(to_public).collect())
}

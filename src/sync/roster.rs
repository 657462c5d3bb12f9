//! The roster: the copies this copy trusts — whose signed bundles it accepts and to whom it
//! sends. An officer's roster holds the central office; the central's, its accepted officers.

use rusqlite::{Connection, OptionalExtension, Row};

use super::identity::{CopyId, IdentityError, PublicIdentity, Role};

fn from_row(r: &Row) -> rusqlite::Result<(String, String, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn to_public((id, name, role, minisign, age): (String, String, String, String, String)) -> Option<PublicIdentity> {
    Some(PublicIdentity { id: id.parse().ok()?, name, role: Role::parse(&role)?, minisign, age })
}

const COLUMNS: &str = "copy_id, name, role, minisign_public, age_public";

/// Adds a copy; adding the same one again is a no-op. An officer trusts central offices and a
/// central office officers: a peer of this copy's own role is refused. A known id or key with different keys
/// or id is refused: keys do not change silently.
pub fn add(conn: &Connection, peer: &PublicIdentity) -> Result<bool, IdentityError> {
    if let Some(me) = super::identity::Identity::load(conn)? {
        if me.public.role == peer.role {
            return Err(IdentityError::SameRole { name: peer.name.clone(), role: peer.role });
        }
    }
    let same_id = get(conn, &peer.id)?;
    let same_key = by_minisign(conn, &peer.minisign)?;
    match (same_id, same_key) {
        (Some(p), _) if p.minisign == peer.minisign && p.age == peer.age => Ok(false),
        (Some(p), _) => Err(IdentityError::BadPublic(format!(
            "«{}» ya está en el registro con otras claves; si cambió de claves, quítelo primero",
            p.name
        ))),
        (None, Some(p)) => Err(IdentityError::BadPublic(format!("esa clave ya pertenece a «{}»", p.name))),
        (None, None) => {
            conn.execute(
                &format!("INSERT INTO sync_peers ({COLUMNS}, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                (
                    peer.id.to_string(),
                    &peer.name,
                    peer.role.as_str(),
                    &peer.minisign,
                    &peer.age,
                    chrono::Utc::now().to_rfc3339(),
                ),
            )?;
            Ok(true)
        }
    }
}

pub fn get(conn: &Connection, id: &CopyId) -> rusqlite::Result<Option<PublicIdentity>> {
    let row = conn
        .query_row(&format!("SELECT {COLUMNS} FROM sync_peers WHERE copy_id = ?1"), [id.to_string()], from_row)
        .optional()?;
    Ok(row.and_then(to_public))
}

/// The copy whose minisign public key this is.
pub fn by_minisign(conn: &Connection, key: &str) -> rusqlite::Result<Option<PublicIdentity>> {
    let row = conn
        .query_row(&format!("SELECT {COLUMNS} FROM sync_peers WHERE minisign_public = ?1"), [key], from_row)
        .optional()?;
    Ok(row.and_then(to_public))
}

pub fn list(conn: &Connection) -> rusqlite::Result<Vec<PublicIdentity>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM sync_peers ORDER BY name"))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter_map(to_public).collect())
}

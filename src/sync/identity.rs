//! Who a copy is: its id, display name, role, and two key pairs — minisign (Ed25519) to sign
//! the bundles it sends, age (X25519) to open the bundles sent to it.
//!
//! Public half as text (`identity show`, `FILE.pub`), handed to the other side on a USB stick
//! or by mail; every line is `key: value`, lines starting with `#` are comments:
//! ```text
//! # Enlace: identidad pública
//! enlace-id: 0193a4f0-7c1e-7d2a-9f4b-3c2d1e0f9a8b
//! nombre: Ana López
//! rol: officer
//! minisign: RWQ…   (for `minisign -V -P …`)
//! age: age1…       (for `age -r …`)
//! ```
//! The secret half lives in the copy's database (`sync_identity`), like the records it protects.

use std::fmt;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};

use crate::store::{IdentityRow, Store, StoreError, SyncBook};
use crate::{ErrorCode, Explain, Text};

/// A copy of the database (a laptop or the central office), UUIDv7, the store's `meta.copy_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CopyId(pub uuid::Uuid);

impl fmt::Display for CopyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for CopyId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s.trim()).map(CopyId)
    }
}

/// A field laptop or the central office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Officer,
    Central,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Central => "central",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text.trim() {
            "officer" | "oficial" | "enlace" => Some(Role::Officer),
            "central" | "oficina-central" => Some(Role::Central),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("esta copia todavía no tiene identidad; créela con `enlace identity init --name NOMBRE --role officer|central`")]
    Missing,
    #[error("esta copia ya tiene identidad («{0}»); no se reemplaza para no invalidar los paquetes en camino")]
    Exists(String),
    #[error("la identidad pública no es válida: {0}")]
    BadPublic(String),
    #[error("no se pudo crear la clave: {0}")]
    Keys(String),
    #[error("«{name}» tiene el mismo rol que esta copia ({}): un oficial solo agrega a la oficina central, y la oficina central solo a oficiales", .role.as_str())]
    SameRole { name: String, role: Role },
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl IdentityError {
    /// The message in both languages as the command line prints it (the Spanish is `Display`).
    pub fn brief(&self) -> Text {
        let en = match self {
            IdentityError::Missing => "this copy has no identity yet; create it with `enlace identity init --name NAME --role officer|central`".to_string(),
            IdentityError::Exists(name) => format!("this copy already has an identity («{name}»); it is not replaced, so that bundles on their way stay valid"),
            IdentityError::BadPublic(m) => format!("the public identity is not valid: {m}"),
            IdentityError::Keys(m) => format!("the key could not be created: {m}"),
            IdentityError::SameRole { name, role } => format!(
                "«{name}» has the same role as this copy ({}): an officer adds only the central office, and the central office only officers",
                role.as_str()
            ),
            IdentityError::Store(e) => e.brief().en,
        };
        Text::new(self.to_string(), en)
    }
}

impl Explain for IdentityError {
    fn text(&self) -> Text {
        self.brief()
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }
}

/// The public half of an identity: what other copies keep in their roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PublicIdentity {
    #[ts(type = "string")]
    pub id: CopyId,
    pub name: String,
    pub role: Role,
    /// Minisign public key, base64 (`RW…`).
    pub minisign: String,
    /// Age recipient (`age1…`).
    pub age: String,
}

impl PublicIdentity {
    /// The key that checks this copy's signatures.
    pub fn verifying_key(&self) -> Result<minisign::PublicKey, IdentityError> {
        minisign::PublicKey::from_base64(&self.minisign).map_err(|e| IdentityError::BadPublic(format!("minisign: {e}")))
    }

    /// The recipient bundles for this copy are encrypted to.
    pub fn recipient(&self) -> Result<age::x25519::Recipient, IdentityError> {
        self.age.parse().map_err(|e: &str| IdentityError::BadPublic(format!("age: {e}")))
    }

    /// Reads the text form (see the module docs).
    pub fn parse(text: &str) -> Result<PublicIdentity, IdentityError> {
        let mut fields = std::collections::HashMap::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (key, value) = line
                .split_once(':')
                .ok_or_else(|| IdentityError::BadPublic(format!("línea sin «clave: valor»: «{line}»")))?;
            fields.insert(key.trim().to_string(), value.trim().to_string());
        }
        let get = |k: &str| fields.get(k).cloned().ok_or_else(|| IdentityError::BadPublic(format!("falta «{k}»")));
        let public = PublicIdentity {
            id: get("enlace-id")?.parse().map_err(|_| IdentityError::BadPublic("«enlace-id» no es un UUID".into()))?,
            name: get("nombre")?,
            role: Role::parse(&get("rol")?).ok_or_else(|| IdentityError::BadPublic("«rol» debe ser officer o central".into()))?,
            minisign: get("minisign")?,
            age: get("age")?,
        };
        public.verifying_key()?;
        public.recipient()?;
        Ok(public)
    }
}

impl fmt::Display for PublicIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# Enlace: identidad pública")?;
        writeln!(f, "enlace-id: {}", self.id)?;
        writeln!(f, "nombre: {}", self.name)?;
        writeln!(f, "rol: {}", self.role.as_str())?;
        writeln!(f, "minisign: {}", self.minisign)?;
        writeln!(f, "age: {}", self.age)
    }
}

/// This copy's full identity, secrets included.
pub struct Identity {
    pub public: PublicIdentity,
    signing: minisign::SecretKey,
    decryption: age::x25519::Identity,
}

impl Identity {
    /// New key pairs for this copy.
    pub fn generate(id: CopyId, name: &str, role: Role) -> Result<Identity, IdentityError> {
        let keys = minisign::KeyPair::generate_unencrypted_keypair().map_err(|e| IdentityError::Keys(e.to_string()))?;
        let decryption = age::x25519::Identity::generate();
        Ok(Identity {
            public: PublicIdentity {
                id,
                name: name.trim().to_string(),
                role,
                minisign: keys.pk.to_base64(),
                age: decryption.to_public().to_string(),
            },
            signing: keys.sk,
            decryption,
        })
    }

    pub fn signing_key(&self) -> &minisign::SecretKey {
        &self.signing
    }

    pub fn decryption_key(&self) -> &age::x25519::Identity {
        &self.decryption
    }

    /// The age secret key (`AGE-SECRET-KEY-1…`), for checking a bundle with the `age` CLI.
    pub fn age_secret_text(&self) -> String {
        self.decryption.to_string().expose_secret().to_string()
    }

    /// Stores a new identity; refuses to replace an existing one.
    pub fn save(&self, store: &Store) -> Result<(), IdentityError> {
        if let Some(existing) = Identity::load(store)? {
            return Err(IdentityError::Exists(existing.public.name));
        }
        let sk_box = self.signing.to_box(None).map_err(|e| IdentityError::Keys(e.to_string()))?.into_string();
        store.sync_book().save_identity(&IdentityRow {
            copy_id: self.public.id.to_string(),
            name: self.public.name.clone(),
            role: self.public.role.as_str().to_string(),
            minisign_public: self.public.minisign.clone(),
            minisign_secret: sk_box,
            age_public: self.public.age.clone(),
            age_secret: self.age_secret_text(),
        })?;
        Ok(())
    }

    /// This copy's identity, if created.
    pub fn load<'a>(book: impl Into<SyncBook<'a>>) -> Result<Option<Identity>, IdentityError> {
        let Some(row) = book.into().identity()? else { return Ok(None) };
        let corrupt = |what: &str| IdentityError::BadPublic(format!("identidad guardada dañada: {what}"));
        let signing = minisign::SecretKeyBox::from_string(&row.minisign_secret)
            .and_then(|b| b.into_unencrypted_secret_key())
            .map_err(|_| corrupt("clave minisign"))?;
        let decryption: age::x25519::Identity = row.age_secret.parse().map_err(|_| corrupt("clave age"))?;
        Ok(Some(Identity {
            public: PublicIdentity {
                id: row.copy_id.parse().map_err(|_| corrupt("id"))?,
                name: row.name,
                role: Role::parse(&row.role).ok_or_else(|| corrupt("rol"))?,
                minisign: row.minisign_public,
                age: row.age_public,
            },
            signing,
            decryption,
        }))
    }

    /// This copy's identity, or the error telling how to create one.
    pub fn require(store: &Store) -> Result<Identity, IdentityError> {
        Identity::load(store)?.ok_or(IdentityError::Missing)
    }
}

/// Creates this copy's identity, with the store's copy id as its id.
pub fn init(store: &Store, name: &str, role: Role) -> Result<PublicIdentity, IdentityError> {
    let id: CopyId = store
        .copy_id()
        .ok()
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| IdentityError::BadPublic("la base no tiene copy_id".into()))?;
    if name.trim().is_empty() {
        return Err(IdentityError::BadPublic("el nombre no puede estar vacío".into()));
    }
    let identity = Identity::generate(id, name, role)?;
    identity.save(store)?;
    Ok(identity.public)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_text_round_trips() {
        let me = Identity::generate(CopyId(uuid::Uuid::now_v7()), "Ana López", Role::Officer).unwrap();
        let text = me.public.to_string();
        assert!(text.contains("nombre: Ana López"));
        assert_eq!(PublicIdentity::parse(&text).unwrap(), me.public);
    }

    #[test]
    fn rejects_a_public_text_with_a_broken_key() {
        let me = Identity::generate(CopyId(uuid::Uuid::now_v7()), "Central", Role::Central).unwrap();
        let broken = me.public.to_string().replace("age: age1", "age: age2");
        assert!(matches!(PublicIdentity::parse(&broken), Err(IdentityError::BadPublic(m)) if m.contains("age")));
        assert!(PublicIdentity::parse("nombre: x").is_err());
    }
}

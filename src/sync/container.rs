//! The `.enlace` file: a tar archive (manifest, its minisign signature, changes, attachments)
//! encrypted to the recipient with age (X25519). Standard tools can check one by hand:
//!
//! ```text
//! age -d -i central.age-key -o paquete.tar paquete.enlace     # decrypt (recipient's age secret key)
//! mkdir paquete && tar -xf paquete.tar -C paquete
//! minisign -V -m paquete/manifest.json -P RWQ…                 # sender's public key (`identity show`)
//! cd paquete && python3 -c 'import json;[print(e["sha256"]+"  "+e["path"]) for e in json.load(open("manifest.json"))["entries"]]' | sha256sum -c
//! ```
//!
//! Opening checks, in order, and refuses with a Spanish message on the first failure: age
//! decryption (wrong recipient, truncation, any flipped bit — age authenticates every chunk),
//! tar structure and entry names (only the format's names; nothing outside its folder), format
//! version, signer in the roster, signature (before the manifest is parsed beyond its signer's
//! key), recipient is this copy, every entry's SHA-256 and
//! size against the manifest, changes well-formed and matching the manifest's counts.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use sha2::{Digest, Sha256};

use super::change::Change;
use crate::{ErrorCode, Explain, Text};
use super::identity::{Identity, PublicIdentity};
use super::manifest::{claimed_signer, format_of, EntryHash, Manifest, FORMAT_VERSION};
use super::paths::{parse_entry_name, EntryName, CHANGES, MANIFEST, SIGNATURE};

/// Largest single entry accepted (attachments are photos and PDFs).
const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("no se pudo leer el paquete: {0}")]
    Io(#[from] std::io::Error),
    #[error("el paquete no se puede abrir con la clave de esta copia: está cifrado para otro destinatario (o su encabezado está dañado)")]
    NotForThisCopy,
    #[error("el paquete está dañado o incompleto (¿truncado o modificado en el camino?): {0}")]
    Damaged(String),
    #[error("el paquete contiene una entrada no permitida «{0}» (ruta fuera de su carpeta o nombre desconocido)")]
    BadEntry(String),
    #[error("el paquete repite la entrada «{0}»")]
    DuplicateEntry(String),
    #[error("falta «{0}» en el paquete")]
    MissingEntry(String),
    #[error("el paquete usa el formato {found}, más nuevo que el que entiende esta versión de Enlace ({supported}); actualice Enlace")]
    FutureFormat { found: u32, supported: u32 },
    #[error("el manifiesto no es válido: {0}")]
    BadManifest(String),
    #[error("el paquete está firmado por «{0}», cuya clave no está en el registro de esta copia (agréguela con `enlace roster add`)")]
    UnknownSigner(String),
    #[error("la firma del manifiesto no es válida: el paquete fue modificado o no lo firmó «{0}»")]
    BadSignature(String),
    #[error("el paquete es para «{name}» ({id}), no para esta copia: ¿reenviado desde otra oficina?")]
    WrongRecipient { name: String, id: String },
    #[error("«{0}» no coincide con la huella SHA-256 del manifiesto")]
    HashMismatch(String),
    #[error("el manifiesto y el contenido no coinciden: {0}")]
    ManifestMismatch(String),
    #[error("changes.jsonl, línea {line}: {message}")]
    BadChange { line: usize, message: Text },
    #[error("no se pudo crear el paquete: {0}")]
    Write(String),
    #[error("el paquete dice venir de «{name}» con el rol «{claimed}», pero el registro de esta copia lo tiene como «{listed}»")]
    RoleMismatch { name: String, claimed: &'static str, listed: &'static str },
    #[error("«{name}» y esta copia tienen el mismo rol («{role}»): los paquetes van de un oficial a la oficina central y de la oficina central a los oficiales")]
    SameRole { name: String, role: &'static str },
    #[error("{what} fuera de rango: {value} (el máximo es {max})", max = i64::MAX)]
    OutOfRange { what: String, value: u64 },
    #[error("el paquete cambia el contenido del cambio {seq} de la serie {origin}, que ya se recibió distinto: se rechaza para no perder ninguna de las dos versiones")]
    ReusedNumber { origin: String, seq: u64 },
}

impl BundleError {
    /// The message in both languages as the command line prints it (the Spanish is `Display`).
    pub fn brief(&self) -> Text {
        Text::new(self.to_string(), self.english())
    }

    fn english(&self) -> String {
        match self {
            BundleError::Io(e) => format!("could not read the bundle: {e}"),
            BundleError::NotForThisCopy => "this copy's key cannot open the bundle: it is encrypted to another recipient (or its header is damaged)".into(),
            BundleError::Damaged(d) => format!("the bundle is damaged or incomplete (truncated or modified?): {d}"),
            BundleError::BadEntry(n) => format!("the bundle holds a forbidden entry “{n}” (path outside its folder or unknown name)"),
            BundleError::DuplicateEntry(n) => format!("the bundle repeats entry “{n}”"),
            BundleError::MissingEntry(n) => format!("“{n}” is missing from the bundle"),
            BundleError::FutureFormat { found, supported } => format!("the bundle uses format {found}, newer than this Enlace understands ({supported}); update Enlace"),
            BundleError::BadManifest(m) => format!("invalid manifest: {m}"),
            BundleError::UnknownSigner(n) => format!("the bundle is signed by “{n}”, whose key is not in this copy's roster"),
            BundleError::BadSignature(n) => format!("the manifest signature is invalid: modified, or not signed by “{n}”"),
            BundleError::WrongRecipient { name, id } => format!("the bundle is for “{name}” ({id}), not this copy: replayed from another office?"),
            BundleError::HashMismatch(p) => format!("“{p}” does not match the manifest's SHA-256"),
            BundleError::ManifestMismatch(m) => format!("manifest and content disagree: {m}"),
            BundleError::BadChange { line, message } => format!("changes.jsonl, line {line}: {}", message.en),
            BundleError::Write(m) => format!("could not write the bundle: {m}"),
            BundleError::RoleMismatch { name, claimed, listed } => format!("the bundle claims to come from “{name}” as “{claimed}”, but this copy's roster lists it as “{listed}”"),
            BundleError::SameRole { name, role } => format!("“{name}” and this copy have the same role (“{role}”): bundles go from an officer to the central office and from the central office to officers"),
            BundleError::OutOfRange { what, value } => format!("{what} out of range: {value} (the maximum is {})", i64::MAX),
            BundleError::ReusedNumber { origin, seq } => format!("the bundle changes the content of change {seq} of series {origin}, already received with other content: refused so that neither version is lost"),
        }
    }
}

impl Explain for BundleError {
    fn text(&self) -> Text {
        self.brief()
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }
}

/// What goes into a bundle, before hashing, signing and encryption.
pub struct Draft {
    /// The manifest without `entries`; they are filled in here.
    pub manifest: Manifest,
    pub changes: Vec<Change>,
    /// Attachment content by hex SHA-256.
    pub attachments: BTreeMap<String, Vec<u8>>,
}

/// A bundle opened and verified.
#[derive(Debug)]
pub struct Opened {
    pub manifest: Manifest,
    pub changes: Vec<Change>,
    pub attachments: BTreeMap<String, Vec<u8>>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Tar of the given entries, in the given order, with fixed metadata.
pub fn tar_of(entries: &[(String, &[u8])]) -> std::io::Result<Vec<u8>> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, data) in entries {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_entry_type(tar::EntryType::Regular);
        builder.append_data(&mut header, path, *data)?;
    }
    builder.into_inner()
}

/// A minisign signature (prehashed Ed25519, the `minisign` CLI's default) of `data`.
pub fn sign(identity: &Identity, data: &[u8], trusted_comment: &str) -> Result<String, BundleError> {
    let pk = identity.public.verifying_key().map_err(|e| BundleError::Write(e.to_string()))?;
    minisign::sign(Some(&pk), identity.signing_key(), Cursor::new(data), Some(trusted_comment), Some("firma de Enlace"))
        .map(|b| b.into_string())
        .map_err(|e| BundleError::Write(e.to_string()))
}

/// Encrypts to the recipient in the age format.
pub fn encrypt(recipient: &PublicIdentity, plain: &[u8]) -> Result<Vec<u8>, BundleError> {
    let to = recipient.recipient().map_err(|e| BundleError::Write(e.to_string()))?;
    age::encrypt(&to, plain).map_err(|e| BundleError::Write(e.to_string()))
}

/// Hashes, signs, archives and encrypts a draft for `recipient`.
pub fn seal(identity: &Identity, recipient: &PublicIdentity, draft: Draft) -> Result<Vec<u8>, BundleError> {
    let mut changes = Vec::new();
    for c in &draft.changes {
        serde_json::to_writer(&mut changes, c).map_err(|e| BundleError::Write(e.to_string()))?;
        changes.push(b'\n');
    }
    let mut manifest = draft.manifest;
    let mut body: Vec<(String, &[u8])> = vec![(CHANGES.to_string(), &changes)];
    for (hash, data) in &draft.attachments {
        body.push((EntryName::Attachment(hash.clone()).path(), data));
    }
    manifest.entries = body
        .iter()
        .map(|(path, data)| EntryHash { path: path.clone(), sha256: sha256_hex(data), size: data.len() as u64 })
        .collect();
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| BundleError::Write(e.to_string()))?;
    let comment = format!(
        "enlace bundle {} #{} de {} para {}",
        manifest.bundle_id, manifest.number, manifest.sender.name, manifest.recipient.name
    );
    let signature = sign(identity, &manifest_bytes, &comment)?;
    let mut entries: Vec<(String, &[u8])> =
        vec![(MANIFEST.to_string(), &manifest_bytes), (SIGNATURE.to_string(), signature.as_bytes())];
    entries.extend(body);
    encrypt(recipient, &tar_of(&entries)?)
}

/// Decrypts with this copy's key.
fn decrypt(me: &Identity, bytes: &[u8]) -> Result<Vec<u8>, BundleError> {
    use age::DecryptError as E;
    age::decrypt(me.decryption_key(), bytes).map_err(|e| match e {
        E::NoMatchingKeys => BundleError::NotForThisCopy,
        E::Io(io) => BundleError::Damaged(io.to_string()),
        other => BundleError::Damaged(other.to_string()),
    })
}

/// The archive's entries by name, every name checked.
fn unpack(plain: &[u8]) -> Result<BTreeMap<String, (EntryName, Vec<u8>)>, BundleError> {
    let damaged = |e: std::io::Error| BundleError::Damaged(format!("archivo interno: {e}"));
    let mut out = BTreeMap::new();
    let mut archive = tar::Archive::new(Cursor::new(plain));
    for entry in archive.entries().map_err(damaged)? {
        let mut entry = entry.map_err(damaged)?;
        let raw = entry.path_bytes().into_owned();
        let name = parse_entry_name(&raw).map_err(BundleError::BadEntry)?;
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(BundleError::BadEntry(name.path()));
        }
        let size = entry.header().size().map_err(damaged)?;
        if size > MAX_ENTRY_BYTES {
            return Err(BundleError::Damaged(format!("«{}» es demasiado grande ({size} bytes)", name.path())));
        }
        let mut data = Vec::with_capacity(size as usize);
        entry.read_to_end(&mut data).map_err(damaged)?;
        let path = name.path();
        if out.insert(path.clone(), (name, data)).is_some() {
            return Err(BundleError::DuplicateEntry(path));
        }
    }
    Ok(out)
}

/// Opens a bundle sent to `me`, trusting only signers `roster` knows (looked up by their
/// minisign key). Nothing is written anywhere.
pub fn open(
    bytes: &[u8],
    me: &Identity,
    roster: impl Fn(&str) -> Option<PublicIdentity>,
) -> Result<Opened, BundleError> {
    open_archive(&decrypt(me, bytes)?, me, roster)
}

/// [`open`] after the decryption: every check from the tar archive on.
pub(crate) fn open_archive(
    plain: &[u8],
    me: &Identity,
    roster: impl Fn(&str) -> Option<PublicIdentity>,
) -> Result<Opened, BundleError> {
    let mut entries = unpack(plain)?;
    let take = |entries: &mut BTreeMap<String, (EntryName, Vec<u8>)>, name: &str| {
        entries.remove(name).map(|(_, d)| d).ok_or_else(|| BundleError::MissingEntry(name.into()))
    };
    let manifest_bytes = take(&mut entries, MANIFEST)?;
    let signature = take(&mut entries, SIGNATURE)?;

    match format_of(&manifest_bytes) {
        Some(found) if found > FORMAT_VERSION => {
            return Err(BundleError::FutureFormat { found, supported: FORMAT_VERSION })
        }
        Some(0) | None => return Err(BundleError::BadManifest("sin número de formato".into())),
        Some(_) => {}
    }
    // The signature is checked before the manifest is read: only its signer's key is looked at.
    let (claimed_name, claimed_key) =
        claimed_signer(&manifest_bytes).ok_or_else(|| BundleError::BadManifest("sin remitente".into()))?;
    let signer = roster(&claimed_key).ok_or(BundleError::UnknownSigner(claimed_name))?;
    let key = signer.verifying_key().map_err(|_| BundleError::UnknownSigner(signer.name.clone()))?;
    let sig_text = String::from_utf8(signature).map_err(|_| BundleError::BadSignature(signer.name.clone()))?;
    let sig_box =
        minisign::SignatureBox::from_string(&sig_text).map_err(|_| BundleError::BadSignature(signer.name.clone()))?;
    minisign::verify(&key, &sig_box, Cursor::new(&manifest_bytes), true, false, false)
        .map_err(|_| BundleError::BadSignature(signer.name.clone()))?;
    let mut manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|e| BundleError::BadManifest(e.to_string()))?;
    if manifest.sender.id != signer.id {
        return Err(BundleError::UnknownSigner(manifest.sender.name.clone()));
    }
    check_roles(&signer, &manifest.sender, me)?;
    check_numbers(&manifest)?;
    // Who sent it is what this copy's roster says, not what the bundle says.
    manifest.sender = signer;

    if manifest.recipient.id != me.public.id || manifest.recipient.age != me.public.age {
        return Err(BundleError::WrongRecipient {
            name: manifest.recipient.name.clone(),
            id: manifest.recipient.id.to_string(),
        });
    }

    let listed: BTreeSet<&str> = manifest.entries.iter().map(|e| e.path.as_str()).collect();
    if listed.len() != manifest.entries.len() {
        return Err(BundleError::ManifestMismatch("el manifiesto repite una entrada".into()));
    }
    if let Some(extra) = entries.keys().find(|p| !listed.contains(p.as_str())) {
        return Err(BundleError::ManifestMismatch(format!("«{extra}» no figura en el manifiesto")));
    }
    for e in &manifest.entries {
        let (_, data) = entries.get(&e.path).ok_or_else(|| BundleError::MissingEntry(e.path.clone()))?;
        if data.len() as u64 != e.size || sha256_hex(data) != e.sha256 {
            return Err(BundleError::HashMismatch(e.path.clone()));
        }
    }

    let changes_bytes = take(&mut entries, CHANGES)?;
    let changes = parse_changes(&changes_bytes)?;
    check_counts(&manifest, &changes)?;

    let mut attachments = BTreeMap::new();
    for (_, (name, data)) in entries {
        if let EntryName::Attachment(hash) = name {
            if sha256_hex(&data) != hash {
                return Err(BundleError::HashMismatch(EntryName::Attachment(hash).path()));
            }
            attachments.insert(hash, data);
        }
    }
    if attachments.len() as u64 != manifest.counts.attachments {
        return Err(BundleError::ManifestMismatch("número de adjuntos".into()));
    }
    Ok(Opened { manifest, changes, attachments })
}

/// Officers send to the central office and the central office to officers; the role a bundle
/// claims must be the one the roster gives its signer.
fn check_roles(signer: &PublicIdentity, claimed: &PublicIdentity, me: &Identity) -> Result<(), BundleError> {
    if claimed.role != signer.role {
        return Err(BundleError::RoleMismatch {
            name: signer.name.clone(),
            claimed: claimed.role.as_str(),
            listed: signer.role.as_str(),
        });
    }
    if signer.role == me.public.role {
        return Err(BundleError::SameRole { name: signer.name.clone(), role: signer.role.as_str() });
    }
    Ok(())
}

/// Numbers are stored as SQLite integers (signed 64-bit): a larger one would wrap.
fn in_range(what: impl FnOnce() -> String, value: u64) -> Result<(), BundleError> {
    if value > i64::MAX as u64 {
        return Err(BundleError::OutOfRange { what: what(), value });
    }
    Ok(())
}

fn check_numbers(manifest: &Manifest) -> Result<(), BundleError> {
    in_range(|| "número de paquete".into(), manifest.number)?;
    for (origin, seq) in &manifest.acks {
        in_range(|| format!("acuse de la serie {origin}"), *seq)?;
    }
    for r in &manifest.ranges {
        in_range(|| format!("intervalo de la serie {}", r.origin), r.last.max(r.first))?;
    }
    Ok(())
}

fn parse_changes(bytes: &[u8]) -> Result<Vec<Change>, BundleError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| BundleError::BadChange { line: 0, message: Text::new("no es texto UTF-8", "not UTF-8 text") })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let change: Change =
                serde_json::from_str(l).map_err(|e| BundleError::BadChange { line: i + 1, message: Text::new(e.to_string(), e.to_string()) })?;
            if change.seq == 0 {
                return Err(BundleError::BadChange { line: i + 1, message: Text::new("los cambios se numeran desde 1", "changes are numbered from 1") });
            }
            in_range(|| format!("changes.jsonl, línea {}: número de cambio", i + 1), change.seq)?;
            Ok(change)
        })
        .collect()
}

fn check_counts(manifest: &Manifest, changes: &[Change]) -> Result<(), BundleError> {
    let mismatch = |what: &str| Err(BundleError::ManifestMismatch(what.into()));
    if changes.len() as u64 != manifest.counts.changes {
        return mismatch("número de cambios");
    }
    let deletions = changes.iter().filter(|c| c.is_delete()).count() as u64;
    if deletions != manifest.counts.deletions || manifest.counts.upserts + deletions != manifest.counts.changes {
        return mismatch("número de altas y bajas");
    }
    for range in &manifest.ranges {
        let of_origin: Vec<u64> = changes.iter().filter(|c| c.origin == range.origin).map(|c| c.seq).collect();
        let inside = of_origin.iter().all(|s| (range.first..=range.last).contains(s));
        if of_origin.len() as u64 != range.count || !inside {
            return mismatch(&format!("intervalo de cambios de {}", range.origin));
        }
    }
    let covered: u64 = manifest.ranges.iter().map(|r| r.count).sum();
    if covered != changes.len() as u64 {
        return mismatch("cambios de un origen que el manifiesto no lista");
    }
    Ok(())
}

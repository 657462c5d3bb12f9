//! The office passphrase and the one place a database file is opened with it.
//!
//! With a passphrase the file is SQLCipher-encrypted (its key derived from the passphrase by
//! SQLCipher's own KDF); without one it is plain SQLite, exactly as before passphrases existed.
//! A key is proved by reading the schema before anything else runs, so a wrong passphrase
//! changes nothing on disk.

use std::ffi::{c_char, c_int};
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use super::{Result, StoreError};
use crate::domain::{FieldError, ValidationErrors};
use crate::Text;

/// Fewest characters of a chosen passphrase: shorter ones fall to guessing.
pub const MIN_CHARS: usize = 8;

/// An office passphrase: wiped from memory when dropped, never printed (`Debug` hides it).
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase as typed; an empty one is none at all.
    pub fn new(text: impl Into<String>) -> Option<Passphrase> {
        let text = Zeroizing::new(text.into());
        (!text.is_empty()).then_some(Passphrase(text))
    }

    /// A passphrase chosen for the office (at first start, or a new one): refused, in both
    /// languages and on its field, when shorter than [`MIN_CHARS`] characters.
    pub fn chosen(text: impl Into<String>) -> Result<Passphrase> {
        let text = Zeroizing::new(text.into());
        if text.chars().count() < MIN_CHARS {
            let why = Text::new(
                format!("La contraseña debe tener al menos {MIN_CHARS} caracteres; una frase de varias palabras es fácil de recordar y difícil de adivinar."),
                format!("The passphrase needs at least {MIN_CHARS} characters; a phrase of several words is easy to remember and hard to guess."),
            );
            return Err(StoreError::Invalid(ValidationErrors { errors: vec![FieldError::new("passphrase", why)] }));
        }
        Ok(Passphrase(text))
    }

    /// The passphrase itself, for the code that keys a database or seals a file.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Passphrase {}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// The first bytes of every plain SQLite file; an encrypted one starts with random salt.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` is a plain (unencrypted) SQLite database; `None` when it is
/// missing or empty, so it takes whatever key it is first opened with.
pub fn is_plain(path: &Path) -> Option<bool> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).ok()?;
    let read = file.read(&mut header).ok()?;
    (read > 0).then_some(read == header.len() && &header == PLAIN_HEADER)
}

/// Opens (creating if needed) the database file at `path` with `key` and proves the key.
pub(crate) fn connect(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    // Even a plain database may be keyed later (`ATTACH … KEY` when a passphrase is set).
    sqlcipher_ready()?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // SQLCipher would print every failed page decryption on stderr; the refusal says it all.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    if let Some(key) = key {
        conn.pragma_update(None, "key", key.expose())?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Ok(()) => Ok(conn),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => Err(StoreError::Locked(refusal(path, key.is_some()))),
        Err(e) => Err(e.into()),
    }
}

#[allow(unsafe_code)] // the crate's one foreign call, see `sqlcipher_ready`
extern "C" {
    /// SQLCipher's own set-up (providers, mutexes, its private heap). Idempotent and run under
    /// SQLite's main mutex, so a call returns only once the set-up is complete.
    fn sqlcipher_extra_init(arg: *const c_char) -> c_int;
}

/// Waits until SQLCipher can key a connection.
///
/// SQLite marks itself initialised *before* it runs SQLCipher's set-up, outside its init mutex
/// (`SQLITE_EXTRA_INIT`): a second thread opening a database at that moment is handed a
/// connection whose `PRAGMA key` fails ("An error occurred with PRAGMA key or rekey"). Running
/// the set-up ourselves waits for the one in progress, or does it.
#[allow(unsafe_code)]
fn sqlcipher_ready() -> Result<()> {
    static READY: OnceLock<c_int> = OnceLock::new();
    // SAFETY: both functions take no pointers of ours (a null argument is what SQLite passes)
    // and are safe to call from any thread at any time.
    let rc = *READY.get_or_init(|| unsafe {
        match rusqlite::ffi::sqlite3_initialize() {
            rusqlite::ffi::SQLITE_OK => sqlcipher_extra_init(std::ptr::null()),
            failed => failed,
        }
    });
    match rc {
        rusqlite::ffi::SQLITE_OK => Ok(()),
        code => Err(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some("SQLCipher no pudo iniciarse / SQLCipher could not start".into())).into()),
    }
}

/// Why a file did not open with the key given.
fn refusal(path: &Path, keyed: bool) -> Text {
    let shown = path.display();
    match (keyed, is_plain(path)) {
        (true, Some(true)) => Text::new(
            format!("«{shown}» no tiene contraseña: ábrala sin ella (o póngasela con «enlace passphrase set»)."),
            format!("«{shown}» has no passphrase: open it without one (or set one with «enlace passphrase set»)."),
        ),
        (true, _) => Text::new(
            format!("La contraseña no abre «{shown}»: no es la de esta base de datos. No se cambió nada."),
            format!("The passphrase does not open «{shown}»: it is not this database's. Nothing was changed."),
        ),
        (false, _) => Text::new(
            format!("«{shown}» está cifrada: hace falta la contraseña de la oficina (o no es una base de Enlace)."),
            format!("«{shown}» is encrypted: it needs the office passphrase (or it is not an Enlace database)."),
        ),
    }
}

/// Attaches a new file at `target` keyed with `to` (plain without one) and copies the whole
/// open database into it (`sqlcipher_export`, schema and rows as they are).
/// The copy's sealed secrets are re-sealed from `from` to `to` in the new file.
pub(crate) fn export_to(conn: &Connection, target: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<()> {
    let text = target.to_str().ok_or_else(|| StoreError::Io(std::io::Error::other("la ruta no es UTF-8")))?;
    conn.execute("ATTACH DATABASE ?1 AS rekeyed KEY ?2", (text, to.map_or("", Passphrase::expose)))?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))
        .map_err(StoreError::from)
        .and_then(|()| super::sync_book::reseal_identity(conn, "rekeyed", from, to));
    conn.execute("DETACH DATABASE rekeyed", [])?;
    exported
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passphrase_never_shows_and_an_empty_one_is_none() {
        let p = Passphrase::new("sol de invierno").unwrap();
        assert_eq!(format!("{p:?}"), "Passphrase(…)");
        assert!(Passphrase::new("").is_none());
    }

    #[test]
    fn a_wrong_passphrase_says_so_and_a_missing_one_too() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cifrada.db");
        let right = Passphrase::new("correcta").unwrap();
        connect(&db, Some(&right)).unwrap().execute_batch("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('Reunión con la Embajada');").unwrap();
        assert_eq!(is_plain(&db), Some(false));
        let before = std::fs::read(&db).unwrap();
        let wrong = connect(&db, Passphrase::new("otra").as_ref()).unwrap_err();
        assert!(matches!(&wrong, StoreError::Locked(t) if t.en.contains("not this database's")), "{wrong}");
        let none = connect(&db, None).unwrap_err();
        assert!(matches!(&none, StoreError::Locked(t) if t.es.contains("hace falta la contraseña")), "{none}");
        assert_eq!(std::fs::read(&db).unwrap(), before, "byte-identical");
        let plain = dir.path().join("plana.db");
        connect(&plain, None).unwrap().execute_batch("CREATE TABLE t (x);").unwrap();
        let keyed = connect(&plain, Some(&right)).unwrap_err();
        assert!(matches!(&keyed, StoreError::Locked(t) if t.en.contains("has no passphrase")), "{keyed}");
    }
}

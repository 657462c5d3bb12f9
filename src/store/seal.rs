//! Files sealed with the office passphrase: the age format with its scrypt recipient, so the
//! standard `age -d` opens one by hand with the passphrase.

use std::io::{Read, Write};

use age::secrecy::SecretString;
use zeroize::Zeroizing;

use super::key::Passphrase;
use crate::Text;

/// How every age file starts.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// Whether these first bytes are an age file's.
pub fn is_sealed(head: &[u8]) -> bool {
    head.starts_with(AGE_MAGIC)
}

fn secret(key: &Passphrase) -> SecretString {
    SecretString::from(key.expose().to_owned())
}

/// scrypt's cost (log2 N) for a secret sealed into a column: it is unsealed on every use of
/// the identity and already sits inside the SQLCipher-encrypted file, so it costs a fraction of
/// a second, not the second age picks for a file by default.
const SECRET_WORK_FACTOR: u8 = 15;

/// Writes `plain` sealed with `key` to `out`, at age's own scrypt cost (about a second).
pub(crate) fn seal(key: &Passphrase, plain: &mut dyn Read, out: impl Write) -> std::io::Result<()> {
    seal_at(key, None, plain, out)
}

fn seal_at(key: &Passphrase, work_factor: Option<u8>, plain: &mut dyn Read, out: impl Write) -> std::io::Result<()> {
    let mut recipient = age::scrypt::Recipient::new(secret(key));
    if let Some(log_n) = work_factor {
        recipient.set_work_factor(log_n);
    }
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).map_err(std::io::Error::other)?;
    let mut writer = encryptor.wrap_output(out).map_err(std::io::Error::other)?;
    std::io::copy(plain, &mut writer)?;
    writer.finish()?;
    Ok(())
}

/// Writes what `sealed` holds to `out`; a wrong passphrase (or damage) is said in both languages.
pub(crate) fn unseal(key: &Passphrase, sealed: impl Read, out: &mut dyn Write) -> Result<(), Text> {
    let refused = |e: age::DecryptError| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            Text::new("La contraseña no abre este archivo: no es la de la oficina que lo hizo.", "The passphrase does not open this file: it is not that of the office that made it.")
        }
        other => Text::new(format!("El archivo cifrado está dañado: {other}"), format!("The encrypted file is damaged: {other}")),
    };
    let decryptor = age::Decryptor::new(sealed).map_err(refused)?;
    let identity = age::scrypt::Identity::new(secret(key));
    let mut reader = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(refused)?;
    std::io::copy(&mut reader, out).map_err(|e| Text::new(format!("El archivo cifrado está dañado: {e}"), format!("The encrypted file is damaged: {e}")))?;
    Ok(())
}

/// How a secret sealed into a text column starts; the rest is the age file in hex.
const SEALED_TEXT: &str = "age-sealed:";

/// A secret sealed with `key` as text, for a database column.
pub(crate) fn seal_text(key: &Passphrase, secret: &str) -> std::io::Result<String> {
    let mut sealed = Vec::new();
    seal_at(key, Some(SECRET_WORK_FACTOR), &mut secret.as_bytes(), &mut sealed)?;
    Ok(format!("{SEALED_TEXT}{}", hex::encode(sealed)))
}

/// The secret a column holds: unsealed with `key`, or as it is when it was never sealed.
pub(crate) fn unseal_text(key: Option<&Passphrase>, stored: &str) -> Result<Zeroizing<String>, Text> {
    let Some(sealed) = stored.strip_prefix(SEALED_TEXT) else { return Ok(Zeroizing::new(stored.to_string())) };
    let key = key.ok_or_else(|| Text::new("Las claves de esta copia están selladas: hace falta la contraseña de la oficina.", "This copy's keys are sealed: the office passphrase is needed."))?;
    let bytes = hex::decode(sealed).map_err(|e| Text::new(format!("Clave sellada dañada: {e}"), format!("Damaged sealed key: {e}")))?;
    let mut plain = Zeroizing::new(Vec::new());
    unseal(key, &bytes[..], &mut *plain)?;
    String::from_utf8(plain.to_vec()).map(Zeroizing::new).map_err(|_| Text::new("Clave sellada dañada.", "Damaged sealed key."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_with_the_passphrase_opens_only_with_it() {
        let key = Passphrase::new("luna nueva").unwrap();
        let mut sealed = Vec::new();
        seal(&key, &mut &b"Reunion con la Embajada"[..], &mut sealed).unwrap();
        assert!(is_sealed(&sealed) && !sealed.windows(7).any(|w| w == b"Reunion"));
        let mut plain = Vec::new();
        unseal(&key, &sealed[..], &mut plain).unwrap();
        assert_eq!(plain, b"Reunion con la Embajada");
        let wrong = unseal(&Passphrase::new("otra").unwrap(), &sealed[..], &mut Vec::new()).unwrap_err();
        assert!(wrong.en.contains("does not open"), "{wrong:?}");
    }
}

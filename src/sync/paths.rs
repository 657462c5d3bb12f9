//! Names of the entries inside a bundle. A bundle comes from another machine: no name in it
//! may point outside the folder it is read into, and only the names this format defines are
//! accepted at all.

/// The signed manifest.
pub const MANIFEST: &str = "manifest.json";
/// The manifest's minisign signature.
pub const SIGNATURE: &str = "manifest.json.minisig";
/// The changes, one JSON object per line.
pub const CHANGES: &str = "changes.jsonl";
/// Folder of attachment files, each named by the SHA-256 of its content.
pub const ATTACHMENTS: &str = "attachments/";

/// What an entry of a bundle is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryName {
    Manifest,
    Signature,
    Changes,
    /// An attachment, by its hex SHA-256.
    Attachment(String),
}

impl EntryName {
    pub fn path(&self) -> String {
        match self {
            EntryName::Manifest => MANIFEST.into(),
            EntryName::Signature => SIGNATURE.into(),
            EntryName::Changes => CHANGES.into(),
            EntryName::Attachment(hash) => format!("{ATTACHMENTS}{hash}"),
        }
    }
}

/// Whether `text` is a lower-case hex SHA-256.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Accepts only the entry names of the format; anything else (absolute paths, `..`,
/// backslashes, other folders, odd attachment names) is refused with the name shown.
pub fn parse_entry_name(raw: &[u8]) -> Result<EntryName, String> {
    let shown = String::from_utf8_lossy(raw).chars().take(120).collect::<String>();
    let text = std::str::from_utf8(raw).map_err(|_| shown.clone())?;
    match text {
        MANIFEST => Ok(EntryName::Manifest),
        SIGNATURE => Ok(EntryName::Signature),
        CHANGES => Ok(EntryName::Changes),
        _ => match text.strip_prefix(ATTACHMENTS) {
            Some(hash) if is_sha256_hex(hash) => Ok(EntryName::Attachment(hash.to_string())),
            _ => Err(shown),
        },
    }
}

/// A file name as a person gave it (an attachment's original name): one plain component,
/// nothing that a file system would read as a folder, a parent or a device.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name.chars().any(|c| matches!(c, '/' | '\\' | ':' | '\0') || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_format_names() {
        assert_eq!(parse_entry_name(b"manifest.json"), Ok(EntryName::Manifest));
        let hash = "a".repeat(64);
        assert_eq!(parse_entry_name(format!("attachments/{hash}").as_bytes()), Ok(EntryName::Attachment(hash)));
    }

    #[test]
    fn refuses_names_escaping_the_folder() {
        for bad in [
            "../manifest.json",
            "/etc/passwd",
            "attachments/../../x",
            "attachments/../manifest.json",
            "./manifest.json",
            "attachments\\..\\x",
            "attachments/ABCDEF",
            "changes.jsonl/",
            "otro.txt",
        ] {
            assert!(parse_entry_name(bad.as_bytes()).is_err(), "{bad}");
        }
        assert!(parse_entry_name(&[0xff, 0xfe]).is_err());
    }

    #[test]
    fn plain_file_names() {
        assert!(is_plain_file_name("Acta de la reunión.pdf"));
        for bad in ["", "..", "../a.pdf", "c:\\a.pdf", "a/b.pdf", "a\nb"] {
            assert!(!is_plain_file_name(bad), "{bad:?}");
        }
    }
}

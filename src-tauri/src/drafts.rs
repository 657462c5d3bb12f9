//! Unsaved forms kept on disk so nothing typed is lost when the window closes or the app
//! crashes. One JSON file per form under `<data dir>/drafts/`, written atomically.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A form as the person left it. `input` is kept as typed, even if it would not validate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Draft {
    /// `new` for a form creating an activity, or the id of the activity being edited.
    pub key: String,
    /// When the form was last changed (RFC 3339, UTC).
    pub saved_at: String,
    #[ts(type = "Record<string, unknown>")]
    pub input: serde_json::Value,
}

pub struct Drafts {
    dir: PathBuf,
}

impl Drafts {
    pub fn new(data_dir: &Path) -> Self {
        Drafts { dir: data_dir.join(enlace::store::paths::DRAFTS) }
    }

    /// Only letters, digits and dashes: a key can never name a path outside the drafts folder.
    fn path_of(&self, key: &str) -> std::io::Result<PathBuf> {
        let safe = !key.is_empty() && key.len() <= 64 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !safe {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("clave de borrador no válida: {key:?}")));
        }
        Ok(self.dir.join(format!("{key}.json")))
    }

    pub fn save(&self, draft: &Draft) -> std::io::Result<()> {
        let path = self.path_of(&draft.key)?;
        fs::create_dir_all(&self.dir)?;
        let tmp = path.with_extension("json.tmp");
        fs::write(&tmp, serde_json::to_vec_pretty(draft)?)?;
        fs::rename(tmp, path)
    }

    pub fn discard(&self, key: &str) -> std::io::Result<()> {
        match fs::remove_file(self.path_of(key)?) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    /// Every readable draft, newest first. A file that does not parse (a crash mid-write of an
    /// older version) is skipped rather than blocking the others.
    pub fn list(&self) -> std::io::Result<Vec<Draft>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut drafts: Vec<Draft> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| fs::read(e.path()).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
            .collect();
        drafts.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
        Ok(drafts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(key: &str, saved_at: &str, title: &str) -> Draft {
        Draft { key: key.into(), saved_at: saved_at.into(), input: serde_json::json!({ "kind": "meeting", "title": title }) }
    }

    #[test]
    fn saved_drafts_come_back_newest_first_and_can_be_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        drafts.save(&draft("new", "2026-11-23T10:00:00Z", "Reunión con la Embajada de Perú")).unwrap();
        drafts.save(&draft("0190-abc", "2026-11-23T11:00:00Z", "Visita técnica")).unwrap();
        let listed = drafts.list().unwrap();
        assert_eq!(listed.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(), ["0190-abc", "new"]);
        assert_eq!(listed[1].input["title"], "Reunión con la Embajada de Perú");

        drafts.discard("new").unwrap();
        drafts.discard("new").unwrap();
        assert_eq!(drafts.list().unwrap().len(), 1);
    }

    #[test]
    fn a_key_cannot_escape_the_drafts_folder() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        for key in ["../profile", "a/b", "", "x.json"] {
            assert!(drafts.save(&draft(key, "2026-11-23T10:00:00Z", "t")).is_err(), "{key}");
        }
    }

    #[test]
    fn a_corrupt_file_does_not_hide_the_other_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        drafts.save(&draft("new", "2026-11-23T10:00:00Z", "Taller")).unwrap();
        fs::write(dir.path().join("drafts").join("broken.json"), b"{\"key\": \"bro").unwrap();
        assert_eq!(drafts.list().unwrap().len(), 1);
    }
}

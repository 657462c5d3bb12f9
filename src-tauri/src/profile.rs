//! Who uses this copy of Enlace: the officer's name, the office and the language. Asked once on
//! first start and kept in `<data dir>/profile.json`; its absence is what marks a first start.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Profile {
    /// Recorded as the author of every change made from this copy.
    pub officer: String,
    pub office: String,
    /// `es-MX` or `en`.
    pub locale: String,
    /// Minutes without a key or pointer touch after which an encrypted copy's window locks
    /// (15 when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub lock_after_minutes: Option<u32>,
}

impl Profile {
    /// The problems with a profile typed on first start, one per field, in both languages.
    pub fn problems(&self) -> Vec<enlace::domain::FieldError> {
        let mut problems = Vec::new();
        let mut require = |field: &str, value: &str, es: &str, en: &str| {
            if value.trim().is_empty() {
                problems.push(enlace::domain::FieldError::new(field, enlace::Text::new(es, en)));
            }
        };
        require("officer", &self.officer, "Escriba su nombre.", "Enter your name.");
        require("office", &self.office, "Escriba el nombre de su oficina.", "Enter your office's name.");
        if self.locale != "es-MX" && self.locale != "en" {
            problems.push(enlace::domain::FieldError::new("locale", enlace::Text::new("Idioma no disponible.", "Language not available.")));
        }
        problems
    }
}

fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(enlace::store::paths::PROFILE)
}

pub fn load(data_dir: &Path) -> std::io::Result<Option<Profile>> {
    match fs::read(path_in(data_dir)) {
        Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn save(data_dir: &Path, profile: &Profile) -> std::io::Result<()> {
    fs::create_dir_all(data_dir)?;
    let path = path_in(data_dir);
    let tmp = path.with_extension("json.tmp");
    fs::write(&tmp, serde_json::to_vec_pretty(profile)?)?;
    fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_profile_until_one_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), None);
        let profile = Profile { officer: "Ana Peña".into(), office: "Coordinación de Asuntos Internacionales".into(), locale: "es-MX".into(), lock_after_minutes: None };
        save(dir.path(), &profile).unwrap();
        assert_eq!(load(dir.path()).unwrap(), Some(profile));
    }

    #[test]
    fn blank_names_and_unknown_languages_are_reported_per_field() {
        let profile = Profile { officer: "  ".into(), office: "Alcaldía".into(), locale: "fr".into(), lock_after_minutes: None };
        let fields: Vec<String> = profile.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["officer", "locale"]);
    }
}

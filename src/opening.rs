//! A file the desktop hands to Enlace — a double-click, "Abrir con Enlace", a path on the
//! command line — and the screen that takes it: a sync bundle goes to "Importar paquete", a
//! spreadsheet to the spreadsheet import. The path comes from outside: it is made absolute and
//! canonical, and anything but a regular file of a known type is refused with a message.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::{ErrorCode, Explain, Text};

/// Extensions of a sync bundle.
pub const BUNDLE_EXTENSIONS: &[&str] = &["enlace"];
/// Extensions the spreadsheet import reads.
pub const SPREADSHEET_EXTENSIONS: &[&str] = &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"];

/// The screen that takes an opened file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Destination {
    /// Sincronización › "Importar paquete", with the bundle checked and its summary shown.
    Bundle,
    /// Datos › import, with the sheet open.
    Spreadsheet,
}

/// A file to open and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OpenedFile {
    pub destination: Destination,
    /// Absolute and canonical.
    pub path: String,
}

/// Why an opened file cannot be taken.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot open {name}: {source}")]
    Unreadable { name: String, source: std::io::Error },
    #[error("{name} is not a file")]
    NotAFile { name: String },
    #[error("{name} is of a type Enlace does not open")]
    UnknownType { name: String },
}

impl Explain for OpenError {
    fn text(&self) -> Text {
        match self {
            OpenError::Unreadable { name, source } => {
                Text::new(format!("No se puede abrir «{name}»: {source}."), format!("Cannot open «{name}»: {source}."))
            }
            OpenError::NotAFile { name } => Text::new(
                format!("«{name}» no es un archivo: Enlace abre paquetes .enlace y hojas de cálculo."),
                format!("«{name}» is not a file: Enlace opens .enlace bundles and spreadsheets."),
            ),
            OpenError::UnknownType { name } => Text::new(
                format!("Enlace no abre «{name}»: abre paquetes de sincronización (.enlace) y hojas de cálculo (.csv, .xlsx, .ods)."),
                format!("Enlace does not open «{name}»: it opens sync bundles (.enlace) and spreadsheets (.csv, .xlsx, .ods)."),
            ),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            OpenError::Unreadable { .. } => ErrorCode::Io,
            OpenError::NotAFile { .. } | OpenError::UnknownType { .. } => ErrorCode::Invalid,
        }
    }
}

/// Where `path` goes; a relative path is taken from `cwd` (the folder the launch came from).
pub fn route(path: &Path, cwd: &Path) -> Result<OpenedFile, OpenError> {
    let name = path.file_name().unwrap_or(path.as_os_str()).to_string_lossy().into_owned();
    let path = std::fs::canonicalize(cwd.join(path)).map_err(|source| OpenError::Unreadable { name: name.clone(), source })?;
    // canonicalize resolved every link, so this is what the path really is.
    if !path.metadata().map_err(|source| OpenError::Unreadable { name: name.clone(), source })?.is_file() {
        return Err(OpenError::NotAFile { name });
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    let destination = if BUNDLE_EXTENSIONS.contains(&ext.as_str()) {
        Destination::Bundle
    } else if SPREADSHEET_EXTENSIONS.contains(&ext.as_str()) {
        Destination::Spreadsheet
    } else {
        return Err(OpenError::UnknownType { name });
    };
    Ok(OpenedFile { destination, path: path.display().to_string() })
}

/// The file named on a command line (the program's own name first), if any: the first
/// argument that is not an option. Desktop launchers pass the file as `%f`.
pub fn from_args(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Option<Result<OpenedFile, OpenError>> {
    let file = args.into_iter().skip(1).find(|a| !a.to_string_lossy().starts_with('-'))?;
    Some(route(&PathBuf::from(file), cwd))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in names {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        dir
    }

    #[test]
    fn a_bundle_goes_to_the_bundle_import_and_a_sheet_to_the_spreadsheet_import() {
        let dir = folder_with(&["oficina.enlace", "Actividades.XLSX", "lista.csv"]);
        let opened = route(Path::new("oficina.enlace"), dir.path()).unwrap();
        assert_eq!(opened.destination, Destination::Bundle);
        assert_eq!(Path::new(&opened.path), dir.path().canonicalize().unwrap().join("oficina.enlace"));
        assert_eq!(route(&dir.path().join("Actividades.XLSX"), &std::env::temp_dir()).unwrap().destination, Destination::Spreadsheet);
        assert_eq!(route(Path::new("lista.csv"), dir.path()).unwrap().destination, Destination::Spreadsheet);
    }

    #[test]
    fn other_types_folders_and_missing_files_are_refused_in_both_languages() {
        let dir = folder_with(&["carta.pdf"]);
        std::fs::create_dir(dir.path().join("paquete.enlace")).unwrap();
        let unknown = route(Path::new("carta.pdf"), dir.path()).unwrap_err();
        assert!(matches!(unknown, OpenError::UnknownType { .. }), "{unknown:?}");
        assert!(unknown.text().es.contains("«carta.pdf»") && unknown.text().en.contains("«carta.pdf»"));
        assert!(matches!(route(Path::new("paquete.enlace"), dir.path()), Err(OpenError::NotAFile { .. })));
        let missing = route(Path::new("falta.enlace"), dir.path()).unwrap_err();
        assert!(matches!(missing, OpenError::Unreadable { .. }));
        assert_eq!(missing.code(), ErrorCode::Io);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_to_the_file_it_names() {
        let dir = folder_with(&["real.enlace"]);
        std::os::unix::fs::symlink(dir.path().join("real.enlace"), dir.path().join("enlace-a.enlace")).unwrap();
        let opened = route(Path::new("enlace-a.enlace"), dir.path()).unwrap();
        assert!(opened.path.ends_with("real.enlace"), "{}", opened.path);
    }

    #[test]
    fn the_first_argument_that_is_not_an_option_is_the_file() {
        let dir = folder_with(&["a.enlace"]);
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(from_args(args(&["enlace-app"]), dir.path()).is_none());
        assert!(from_args(args(&["enlace-app", "--verbose"]), dir.path()).is_none());
        let opened = from_args(args(&["enlace-app", "--verbose", "a.enlace"]), dir.path()).unwrap().unwrap();
        assert_eq!(opened.destination, Destination::Bundle);
    }
}

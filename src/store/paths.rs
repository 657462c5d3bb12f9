//! Where everything of a copy lives: the data folder's layout, in one place.
//!
//! ```text
//! <data folder>/
//!   enlace.db              the database (with SQLite's enlace.db-wal and enlace.db-shm)
//!   enlace.db.files/       attachments, one file per content, named by its SHA-256
//!   enlace.db.snapshots/   backups (automatic, manual, and the copy taken before a restore)
//!   enlace.db.lineage      the copy's token, to notice a database restored or copied by hand
//!   profile.json           the app's officer, office and language
//!   drafts/                forms not saved yet
//!   window.json            the app window's last size and place
//! ```
//! The folders beside the database follow its file name, so a database opened elsewhere (the
//! CLI's `--db`) keeps its attachments and snapshots beside it too.

use std::path::{Path, PathBuf};

/// The database file's name in a data folder (and inside snapshots and archives).
pub const DATABASE: &str = "enlace.db";
/// The attachments folder's name inside snapshots and archives.
pub const FILES: &str = "files";
pub const PROFILE: &str = "profile.json";
pub const DRAFTS: &str = "drafts";
pub const WINDOW: &str = "window.json";

/// The database of a data folder.
pub fn database(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE)
}

/// Attachments of the database at `db`: `<db>.files/`.
pub fn attachments(db: &Path) -> PathBuf {
    beside(db, ".files")
}

/// Snapshots of the database at `db`: `<db>.snapshots/`.
pub fn snapshots(db: &Path) -> PathBuf {
    beside(db, ".snapshots")
}

/// The lineage token's file of the database at `db`: `<db>.lineage`.
pub fn lineage(db: &Path) -> PathBuf {
    beside(db, ".lineage")
}

fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_of_a_database_sits_beside_it() {
        let db = database(Path::new("/datos/enlace"));
        assert_eq!(db, Path::new("/datos/enlace/enlace.db"));
        assert_eq!(attachments(&db), Path::new("/datos/enlace/enlace.db.files"));
        assert_eq!(snapshots(&db), Path::new("/datos/enlace/enlace.db.snapshots"));
        assert_eq!(lineage(Path::new("copia.db")), Path::new("copia.db.lineage"));
    }
}

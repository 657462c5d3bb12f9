//! The sample data set shipped in `assets/sample/`, offered on first start.

use crate::store::{Actor, ImportError, ImportReport, Origin, Store};

/// A year of a liaison office's activities, in the interchange format.
pub const SAMPLE_JSONL: &str = include_str!("../../assets/sample/activities.jsonl");

/// Loads the sample set (again loading it changes nothing: records match by id or natural key).
pub fn load(store: &mut Store, by: &str, progress: crate::store::Progress) -> Result<ImportReport, ImportError> {
    let items = super::interchange::parse(SAMPLE_JSONL).map_err(ImportError::Invalid)?;
    store.import(&items, &Actor::new(by, Origin::Sample), false, progress)
}

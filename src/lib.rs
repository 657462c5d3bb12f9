//! Enlace core: the record of a liaison office's international activity.
//!
//! Knows nothing of Tauri. Folders say what lives where:
//! - [`domain`]: activity kinds, directory, dates, validation (pure, no I/O)
//! - [`reference`]: countries and national days shipped in `assets/`
//! - [`store`]: the SQLite database: migrations, queries, search, audit, trash
//! - [`interop`]: interchange (JSON Lines), spreadsheets, calendars, backups
//! - [`report`]: document model rendered to PDF
//! - [`sync`]: sync bundles between copies
#![deny(unsafe_code)]

pub mod domain;
#[doc(hidden)]
pub mod fuzzing;
pub mod interop;
pub mod reference;
pub mod report;
pub mod store;
pub mod sync;
pub mod text;

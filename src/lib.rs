//! Enlace core: the record of a liaison office's international activity.
//!
//! Knows nothing of Tauri. Folders say what lives where:
//! - [`domain`]: activity kinds, directory, dates, validation (pure, no I/O)
//! - [`reference`]: countries and national days shipped in `assets/`
//! - [`store`]: the SQLite database and its files: migrations, queries, search, audit, trash,
//!   the data folder's layout, backups and archives
//! - [`interop`]: interchange (JSON Lines), spreadsheets, calendars
//! - [`report`]: document model rendered to PDF
//! - [`sync`]: sync bundles between copies
//! - [`lang`]: Spanish and English: [`Lang`], [`Text`] and [`Explain`], how every error words itself
//! - [`job`]: progress and cancellation of long work
//! - [`about`]: this build, where its record lives, and the licenses of what it ships
//! - [`opening`]: a file the desktop hands to the app, and the screen that takes it
#![deny(unsafe_code)]

pub use lang::{ErrorCode, Explain, Lang, Text};

pub mod about;
pub mod domain;
#[doc(hidden)]
pub mod fuzzing;
pub mod interop;
pub mod job;
pub mod lang;
pub mod opening;
pub mod reference;
pub mod report;
pub mod store;
pub mod sync;
pub mod text;

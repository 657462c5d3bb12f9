//! Records in and out: spreadsheets (CSV, XLSX), report text, calendars (iCalendar) and
//! backups. The JSON Lines interchange lives with the CLI and the store; this module turns
//! outside files into [`crate::domain::ActivityInput`] drafts and records into files.

pub mod amounts;
pub mod export;
pub mod ics;
pub mod problem;
pub mod report_text;
pub mod spanish_dates;
pub mod spreadsheet;
pub mod vocabulary;

pub use problem::{Cancelled, Lang, Problem, Progress};

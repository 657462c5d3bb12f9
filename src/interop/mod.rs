//! Records in and out: the interchange format, spreadsheets (CSV, XLSX), report text,
//! calendars (iCalendar) and backups. Spreadsheets and report text become
//! [`crate::domain::ActivityInput`] drafts for the store's import; records become files.

pub mod amounts;
pub mod backup;
pub mod export;
pub mod ics;
pub mod import_plan;
pub mod interchange;
pub mod problem;
pub mod report_text;
pub mod sample;
pub mod spanish_dates;
pub mod spreadsheet;
pub mod vocabulary;

pub use problem::{Cancelled, Lang, Problem, Progress};

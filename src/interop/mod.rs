//! Records in and out: the interchange format, spreadsheets (CSV, XLSX), report text,
//! and calendars (iCalendar). Backups belong to the store ([`crate::store::backup`]).
//!
//! - Spreadsheet import: [`spreadsheet::read_table`] → [`spreadsheet::Mapping::propose_for`]
//!   (headers and values, each column with its reason; or a mapping file) → [`spreadsheet::preview`] / [`spreadsheet::read_rows`]
//!   → [`import_plan::plan_import`] (the dry run: creates, updates, likely duplicates, errors
//!   by line and column) → [`crate::store::Store::import`] with [`import_plan::ImportPlan::to_import`].
//! - Report text: [`report_text::drafts_from_text`] → the same plan and import.
//! - Export: [`export::csv`], [`export::xlsx`], [`ics`].
//!
//! Readers of outside wording: [`readings`] (one reader per kind of value, used by the form
//! ([`form_input`]) and the importers) over [`spanish_dates`], [`amounts`], [`vocabulary`].

pub mod amounts;
pub mod export;
pub mod form_input;
pub mod formula_guard;
pub mod ics;
pub mod import_plan;
pub mod interchange;
pub mod problem;
pub mod readings;
pub mod report_text;
pub mod sample;
pub mod spanish_dates;
pub mod spreadsheet;
pub mod vocabulary;

pub use crate::Lang;
pub use problem::{Cancelled, Problem, Progress, Unread};

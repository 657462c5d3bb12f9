//! Getting records in and out: the interchange format, spreadsheets, calendars, backups.

pub mod interchange;
pub mod sample;

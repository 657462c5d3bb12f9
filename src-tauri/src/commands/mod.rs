//! Commands the window calls. Each one only translates between the window and the core
//! (`enlace`) or a shell module; no rule about activities lives here.

pub mod activities;
pub mod app;
pub mod axes;
pub mod backups;
pub mod data;
pub mod directory;
pub mod drafts;
pub mod files;
pub mod lock;
pub mod opened;
pub mod reference;
pub mod report_text;
pub mod reports;
pub mod schema;
pub mod spreadsheet;
pub mod sync;

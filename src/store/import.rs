//! Importing many activities at once: all of them in one transaction, or none.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activities::{write, Batch, Outcome};
use super::search_index::Pending;
use super::{Actor, Store, StoreError};
use crate::domain::{validate, ActivityInput};
use crate::{ErrorCode, Explain, Lang, Text};

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub new_organisations: Vec<String>,
    pub new_people: Vec<String>,
    pub new_axes: Vec<String>,
    pub dry_run: bool,
}

/// One problem with one line of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    /// 1-based line (JSON Lines) or item (JSON array) number.
    pub line: u64,
    pub field: String,
    pub message: Text,
}

impl ImportProblem {
    /// "línea 3, campo title: …" / "line 3, field title: …".
    pub fn describe(&self, lang: Lang) -> String {
        let message = self.message.pick(lang);
        if self.field.is_empty() {
            format!("{} {}: {message}", lang.pick("línea", "line"), self.line)
        } else {
            format!("{} {}, {} {}: {message}", lang.pick("línea", "line"), self.line, lang.pick("campo", "field"), self.field)
        }
    }
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::Es))
    }
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("la importación no se realizó; nada se modificó. {} problema(s): {}", .0.len(), summary(.0, Lang::Es))]
    Invalid(Vec<ImportProblem>),
    #[error("la importación se canceló; nada se modificó")]
    Cancelled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(e.into())
    }
}

fn summary(problems: &[ImportProblem], lang: Lang) -> String {
    const SHOWN: usize = 20;
    let mut lines: Vec<String> = problems.iter().take(SHOWN).map(|p| p.describe(lang)).collect();
    if problems.len() > SHOWN {
        lines.push(format!("… {} {} {}", lang.pick("y", "and"), problems.len() - SHOWN, lang.pick("más", "more")));
    }
    lines.join("; ")
}

impl Explain for ImportError {
    fn text(&self) -> Text {
        match self {
            ImportError::Invalid(problems) => Text::new(
                self.to_string(),
                format!("the import was not done; nothing changed. {} problem(s): {}", problems.len(), summary(problems, Lang::En)),
            ),
            ImportError::Cancelled => crate::lang::cancelled(),
            ImportError::Store(e) => e.text(),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            ImportError::Invalid(_) => ErrorCode::Invalid,
            ImportError::Cancelled => ErrorCode::Cancelled,
            ImportError::Store(e) => e.code(),
        }
    }

    fn fields(&self) -> Vec<crate::domain::FieldError> {
        match self {
            ImportError::Store(e) => e.fields(),
            _ => Vec::new(),
        }
    }
}

pub use crate::job::Progress;

impl Store {
    /// Validates every item first and reports every problem with its line; only when all are
    /// valid does it write them, in one transaction. A dry run validates and matches against
    /// the database, then rolls back. Lines are numbered from `first_line`.
    pub fn import(
        &mut self,
        items: &[(u64, ActivityInput)],
        actor: &Actor,
        dry_run: bool,
        progress: Progress,
    ) -> Result<ImportReport, ImportError> {
        let mut valid = Vec::with_capacity(items.len());
        let mut problems = Vec::new();
        for (line, input) in items {
            match validate(input) {
                Ok(v) => valid.push((*line, v)),
                Err(errors) => problems.extend(errors.errors.into_iter().map(|e| ImportProblem {
                    line: *line,
                    field: e.field,
                    message: e.message,
                })),
            }
        }
        if !problems.is_empty() {
            return Err(ImportError::Invalid(problems));
        }

        let total = valid.len() as u64;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut report = ImportReport { dry_run, ..Default::default() };
        let mut batch = Batch::default();
        let mut search = Pending::default();
        for (done, (line, v)) in valid.into_iter().enumerate() {
            let outcome = write(&tx, v, actor, &mut batch, &mut search).map_err(|e| match e {
                StoreError::Conflict(message) => ImportError::Invalid(vec![ImportProblem { line, field: String::new(), message }]),
                other => ImportError::Store(other),
            })?;
            match outcome.1 {
                Outcome::Created => report.created += 1,
                Outcome::Updated => report.updated += 1,
                Outcome::Unchanged => report.unchanged += 1,
            }
            if done % 256 == 0 && !progress(done as u64, total) {
                return Err(ImportError::Cancelled);
            }
        }
        search.flush(&tx)?;
        progress(total, total);
        report.new_organisations = batch.created.organisations;
        report.new_people = batch.created.people;
        report.new_axes = batch.created.axes;
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
            // A large import changes the shape of the data: refresh the planner's statistics
            // (cheap; SQLite only re-analyses tables that changed enough).
            self.conn.execute_batch("PRAGMA optimize")?;
        }
        Ok(report)
    }
}

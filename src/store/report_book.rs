//! Report definitions saved for reuse (`report_definitions`) and the record of every report
//! generated (`reports_generated`): the only SQL over them.
//!
//! Both are this copy's office paperwork, not the shared record, so they neither enter the
//! change feed nor travel in sync bundles: a definition names the people who sign this
//! office's report, and the history says which files this machine wrote.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{Actor, Result, Store, StoreError};
use crate::report::{Narrative, ReportDefinition, SignOff, Signer};
use crate::text::fold;
use crate::Text;

/// One report file written, as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GeneratedReport {
    #[ts(type = "number")]
    pub id: i64,
    /// The saved definition used, if any.
    pub definition: Option<String>,
    /// Everything the report was generated with.
    pub parameters: ReportDefinition,
    pub generated_by: String,
    /// RFC 3339 UTC.
    pub generated_at: String,
    pub file_name: String,
    /// SHA-256 of the file, lowercase hex.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
}

/// Filters as the `filters` column keeps them.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Filters {
    axes: Vec<String>,
    kinds: Vec<crate::domain::Kind>,
    countries: Vec<String>,
    statuses: Vec<crate::domain::Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    breakdown: Option<crate::report::Breakdown>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    compare: bool,
}

/// Keeps saved definitions naming a renamed axis by its new name, in their filter and their
/// introductions: a rename must not orphan the text written for the axis.
pub(crate) fn axis_renamed(conn: &Connection, before: &str, after: &str) -> rusqlite::Result<()> {
    let is_before = |name: &str| fold(name) == fold(before);
    let rows: Vec<(String, String, String)> = conn
        .prepare("SELECT name, filters, introductions FROM report_definitions")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, filters, introductions) in rows {
        // A row that does not read is left as it is: reading it says what is wrong.
        let (Ok(mut filters), Ok(mut introductions)) =
            (serde_json::from_str::<Filters>(&filters), serde_json::from_str::<BTreeMap<String, String>>(&introductions))
        else {
            continue;
        };
        let renamed_filter = filters.axes.iter().any(|a| is_before(a));
        filters.axes.iter_mut().filter(|a| is_before(a)).for_each(|a| *a = after.to_string());
        let old_key = introductions.keys().find(|k| is_before(k)).cloned();
        if let Some(text) = old_key.and_then(|k| introductions.remove(&k)) {
            introductions.insert(after.to_string(), text);
        } else if !renamed_filter {
            continue;
        }
        conn.execute(
            "UPDATE report_definitions SET filters = ?2, introductions = ?3 WHERE name = ?1",
            (&name, json(&filters), json(&introductions)),
        )?;
    }
    Ok(())
}

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

const DEFINITION_COLUMNS: &str = "name, period_from, period_to, filters, language, paper, presentation, introductions, \
     prepared_name, prepared_post, reviewed_name, reviewed_post, authorised_name, authorised_post";

/// The row's text columns, parsed into a definition (a damaged JSON or date says which).
fn definition(row: &Row) -> rusqlite::Result<Result<ReportDefinition>> {
    let text = |i: usize| row.get::<_, String>(i);
    let name = text(0)?;
    let signer = |i: usize| -> rusqlite::Result<Signer> { Ok(Signer { name: text(i)?, post: text(i + 1)? }) };
    let sign_off = SignOff { prepared: signer(8)?, reviewed: signer(10)?, authorised: signer(12)? };
    let (from, to, filters, lang, paper, presentation, introductions) =
        (text(1)?, text(2)?, text(3)?, text(4)?, text(5)?, text(6)?, text(7)?);
    Ok((|| {
        let what = format!("definición de informe «{name}»");
        let filters: Filters = serde_json::from_str(&filters).map_err(|e| corrupt(&what, e))?;
        Ok(ReportDefinition {
            from: from.parse().map_err(|e| corrupt(&what, e))?,
            to: to.parse().map_err(|e| corrupt(&what, e))?,
            axes: filters.axes,
            kinds: filters.kinds,
            countries: filters.countries,
            statuses: filters.statuses,
            breakdown: filters.breakdown,
            compare: filters.compare,
            lang: crate::Lang::parse(&lang).ok_or_else(|| corrupt(&what, &lang))?,
            paper: crate::report::Paper::parse(&paper).ok_or_else(|| corrupt(&what, &paper))?,
            narrative: Narrative {
                presentation,
                introductions: serde_json::from_str(&introductions).map_err(|e| corrupt(&what, e))?,
            },
            sign_off,
            name,
        })
    })())
}

fn find(conn: &Connection, name: &str) -> Result<Option<ReportDefinition>> {
    let sql = format!("SELECT {DEFINITION_COLUMNS} FROM report_definitions WHERE name = ?1");
    conn.query_row(&sql, [name], definition).optional()?.transpose()
}

impl Store {
    /// Saves a definition under its name (trimmed), replacing the one of that name.
    pub fn save_report_definition(&mut self, def: &ReportDefinition, actor: &Actor) -> Result<ReportDefinition> {
        let name = def.name.trim();
        if name.is_empty() {
            return Err(StoreError::Conflict(Text::new(
                "la definición del informe necesita un nombre",
                "the report definition needs a name",
            )));
        }
        let filters = Filters {
            axes: def.axes.clone(),
            kinds: def.kinds.clone(),
            countries: def.countries.clone(),
            statuses: def.statuses.clone(),
            breakdown: def.breakdown,
            compare: def.compare,
        };
        // An introduction emptied in the form is no introduction.
        let mut introductions = def.narrative.introductions.clone();
        introductions.retain(|_, text| !text.trim().is_empty());
        let s = &def.sign_off;
        self.with_transaction(|tx| {
            tx.execute(
                &format!(
                    "INSERT OR REPLACE INTO report_definitions ({DEFINITION_COLUMNS}, updated_by, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                ),
                rusqlite::params![
                    name,
                    def.from.to_string(),
                    def.to.to_string(),
                    json(&filters),
                    def.lang.code(),
                    def.paper.code(),
                    def.narrative.presentation,
                    json(&introductions),
                    s.prepared.name,
                    s.prepared.post,
                    s.reviewed.name,
                    s.reviewed.post,
                    s.authorised.name,
                    s.authorised.post,
                    actor.name,
                    super::now(),
                ],
            )?;
            find(tx, name)?.ok_or_else(|| StoreError::NotFound { entity: "definición de informe", id: name.to_string() })
        })
    }

    /// Every saved definition, by name.
    pub fn report_definitions(&self) -> Result<Vec<ReportDefinition>> {
        let mut stmt = self.conn.prepare(&format!("SELECT {DEFINITION_COLUMNS} FROM report_definitions ORDER BY name"))?;
        let rows = stmt.query_map([], definition)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }

    /// The definition saved under `name`.
    pub fn report_definition(&self, name: &str) -> Result<Option<ReportDefinition>> {
        find(&self.conn, name.trim())
    }

    /// Records a report file just written: its parameters, `file_name`, and the SHA-256 and
    /// size of `file` (the bytes written).
    pub fn record_generated_report(
        &mut self,
        parameters: &ReportDefinition,
        file_name: &str,
        file: &[u8],
        actor: &Actor,
    ) -> Result<GeneratedReport> {
        let definition = Some(parameters.name.trim()).filter(|n| !n.is_empty());
        let generated_at = super::now();
        let sha256 = sha256_hex(file);
        let id = self.with_transaction(|tx| {
            tx.execute(
                "INSERT INTO reports_generated (definition, parameters, generated_by, generated_at, file_name, sha256, size)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![definition, json(parameters), actor.name, generated_at, file_name, sha256, file.len() as i64],
            )?;
            Ok::<_, StoreError>(tx.last_insert_rowid())
        })?;
        Ok(GeneratedReport {
            id,
            definition: definition.map(str::to_string),
            parameters: parameters.clone(),
            generated_by: actor.name.clone(),
            generated_at,
            file_name: file_name.to_string(),
            sha256,
            size: file.len() as u64,
        })
    }

    /// The reports generated, newest first.
    pub fn generated_reports(&self) -> Result<Vec<GeneratedReport>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, definition, parameters, generated_by, generated_at, file_name, sha256, size
             FROM reports_generated ORDER BY generated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], generated)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }
}

fn generated(r: &Row) -> rusqlite::Result<Result<GeneratedReport>> {
    let (parameters, file_name): (String, String) = (r.get(2)?, r.get(5)?);
    let parameters = match serde_json::from_str(&parameters) {
        Ok(parameters) => parameters,
        Err(e) => return Ok(Err(corrupt(&format!("informe generado {file_name}"), e))),
    };
    Ok(Ok(GeneratedReport {
        id: r.get(0)?,
        definition: r.get(1)?,
        parameters,
        generated_by: r.get(3)?,
        generated_at: r.get(4)?,
        file_name,
        sha256: r.get(6)?,
        size: r.get::<_, i64>(7)? as u64,
    }))
}

//! The dry run of a spreadsheet or text import: per line, what will be created, what looks
//! like a record already in the database (or an earlier line of the same file), and what is
//! wrong. Nothing is written here; the confirmed lines go to [`crate::store::Store::import`],
//! which writes them all in one transaction.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::spreadsheet::{CellError, RowDraft};
use crate::domain::{validate, ActivityId, ActivityInput, Kind, PartialDate};
use crate::store::{Filter, Store, StoreError};
use crate::text::fold;

/// What will happen to one line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
#[ts(export)]
pub enum LineAction {
    Create,
    /// The line carries the id of a record in the database, which it will update.
    Update { id: ActivityId },
    /// Same kind, same start date and a similar title as a record in the database.
    /// (`other_title` in JSON: the line's own title sits beside it.)
    DuplicateOfRecord {
        id: ActivityId,
        #[serde(rename = "other_title")]
        title: String,
    },
    /// Same kind, same start date and a similar title as an earlier line of the file.
    DuplicateOfLine {
        #[serde(rename = "other_line")]
        line: usize,
        #[serde(rename = "other_title")]
        title: String,
    },
    Error { errors: Vec<CellError> },
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LinePlan {
    pub line: usize,
    pub kind: String,
    pub start_date: String,
    pub title: String,
    #[serde(flatten)]
    pub action: LineAction,
}

/// The whole dry run.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportPlan {
    pub lines: Vec<LinePlan>,
    #[serde(skip)]
    #[ts(skip)]
    inputs: Vec<(usize, ActivityInput)>,
}

impl LinePlan {
    /// The line's kind by its label; what the file said when it names no kind.
    fn kind_shown(&self, lang: super::Lang) -> String {
        Kind::parse(&self.kind).map_or_else(|| self.kind.clone(), |k| crate::report::words::kind(lang, k).to_string())
    }

    /// The line's date in words; as the file wrote it when it is not a date.
    fn date_shown(&self, lang: super::Lang) -> String {
        self.start_date.parse::<PartialDate>().map_or_else(|_| self.start_date.clone(), |d| crate::report::words::date(lang, &d))
    }
}

impl ImportPlan {
    pub fn count(&self, wanted: fn(&LineAction) -> bool) -> usize {
        self.lines.iter().filter(|l| wanted(&l.action)).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(|a| matches!(a, LineAction::Error { .. })) > 0
    }

    /// The lines to hand to the store's import: new and updated records, and the likely
    /// duplicates only when the person says they are not.
    pub fn to_import(&self, include_duplicates: bool) -> Vec<(u64, ActivityInput)> {
        self.lines
            .iter()
            .zip(&self.inputs)
            .filter(|(plan, _)| match plan.action {
                LineAction::Create | LineAction::Update { .. } => true,
                LineAction::DuplicateOfRecord { .. } | LineAction::DuplicateOfLine { .. } => include_duplicates,
                LineAction::Error { .. } => false,
            })
            .map(|(_, (line, input))| (*line as u64, input.clone()))
            .collect()
    }

    /// The plan as text, one line per row, in the person's language.
    pub fn render(&self, lang: super::Lang) -> String {
        let mut out = String::new();
        for l in &self.lines {
            let what = match &l.action {
                LineAction::Create => lang.pick("se creará", "will be created").to_string(),
                LineAction::Update { id } => format!("{} {id}", lang.pick("actualizará", "will update")),
                LineAction::DuplicateOfRecord { id, title } => {
                    format!("{} «{title}» ({id})", lang.pick("parece duplicado de", "looks like a duplicate of"))
                }
                LineAction::DuplicateOfLine { line, title } => {
                    format!("{} {line} «{title}»", lang.pick("parece duplicado de la línea", "looks like a duplicate of line"))
                }
                LineAction::Error { errors } => {
                    let list: Vec<String> = errors.iter().map(|e| e.describe(lang)).collect();
                    format!("{}:\n    {}", lang.pick("error", "error"), list.join("\n    "))
                }
            };
            out.push_str(&format!("{} {}: {} · {} · «{}» — {what}\n", lang.pick("Línea", "Line"), l.line, l.kind_shown(lang), l.date_shown(lang), l.title));
        }
        let created = self.count(|a| matches!(a, LineAction::Create | LineAction::Update { .. }));
        let duplicates = self.count(|a| matches!(a, LineAction::DuplicateOfRecord { .. } | LineAction::DuplicateOfLine { .. }));
        let errors = self.count(|a| matches!(a, LineAction::Error { .. }));
        out.push_str(&match lang {
            super::Lang::Es => format!("{created} por importar, {duplicates} posibles duplicados, {errors} con errores\n"),
            super::Lang::En => format!("{created} to import, {duplicates} likely duplicates, {errors} with errors\n"),
        });
        out
    }
}

/// Plans the import of drafts against the records already in the store.
pub fn plan_import(store: &Store, drafts: &[RowDraft]) -> Result<ImportPlan, StoreError> {
    let mut problems: Vec<Vec<CellError>> = Vec::with_capacity(drafts.len());
    let mut keys: Vec<Option<(Kind, PartialDate)>> = Vec::with_capacity(drafts.len());
    let mut ids: Vec<Option<ActivityId>> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let valid = validate(&d.input);
        ids.push(valid.as_ref().ok().and_then(|v| v.id));
        match valid {
            Ok(v) if d.errors.is_empty() => {
                keys.push(Some((v.kind, v.start)));
                problems.push(Vec::new());
            }
            Ok(_) => {
                keys.push(None);
                problems.push(d.errors.clone());
            }
            Err(invalid) => {
                keys.push(None);
                // Drafts from report text carry no located errors; validation says what is wrong.
                let unlocated = invalid.errors.into_iter().map(|e| CellError {
                    line: d.line,
                    column: None,
                    header: None,
                    field: e.field,
                    message: e.message,
                });
                problems.push(if d.errors.is_empty() { unlocated.collect() } else { d.errors.clone() });
            }
        }
    }
    let existing = existing_records(store, &keys)?;
    let mut seen: HashMap<(Kind, PartialDate), Vec<(usize, String)>> = HashMap::new();
    let mut lines = Vec::with_capacity(drafts.len());
    let mut inputs = Vec::with_capacity(drafts.len());
    for (((d, key), errors), id) in drafts.iter().zip(&keys).zip(problems).zip(ids) {
        let mut input = d.input.clone();
        let action = match (key, id) {
            (None, _) => LineAction::Error { errors },
            (Some(_), Some(id)) => match store.get(&id)? {
                Some(record) => {
                    if let Some(given) = &d.given {
                        input = overlay(record.to_input(), &d.input, given);
                    }
                    LineAction::Update { id }
                }
                None => LineAction::Create,
            },
            (Some(key), _) => {
                let on_record = existing.get(key).and_then(|list| list.iter().find(|(_, t)| similar_titles(t, &d.input.title)));
                let on_line = seen.get(key).and_then(|list| list.iter().find(|(_, t)| similar_titles(t, &d.input.title)));
                match (on_record, on_line) {
                    (Some((id, title)), _) => LineAction::DuplicateOfRecord { id: *id, title: title.clone() },
                    (None, Some((line, title))) => LineAction::DuplicateOfLine { line: *line, title: title.clone() },
                    (None, None) => LineAction::Create,
                }
            }
        };
        if let Some(key) = key {
            seen.entry(*key).or_default().push((d.line, d.input.title.clone()));
        }
        inputs.push((d.line, input));
        lines.push(LinePlan {
            line: d.line,
            kind: d.input.kind.clone(),
            start_date: d.input.start_date.clone(),
            title: d.input.title.clone(),
            action,
        });
    }
    Ok(ImportPlan { lines, inputs })
}

/// The record with the fields a sheet has columns for replaced by the sheet's values; a
/// change of kind replaces the kind-specific details whole.
fn overlay(record: ActivityInput, row: &ActivityInput, given: &[String]) -> ActivityInput {
    let mut base = serde_json::to_value(&record).expect("inputs serialise");
    let new = serde_json::to_value(row).expect("inputs serialise");
    let kind_changed = record.kind != row.kind && given.iter().any(|f| f == "kind");
    let fields = given.iter().map(String::as_str).chain(kind_changed.then_some("details"));
    for field in fields {
        let (parent, key) = match field.split_once('.') {
            Some((parent, key)) => (base.get_mut(parent), key),
            None => (Some(&mut base), field),
        };
        let source = match field.split_once('.') {
            Some((parent, key)) => new.get(parent).and_then(|p| p.get(key)),
            None => new.get(field),
        };
        if let Some(serde_json::Value::Object(target)) = parent {
            match source {
                Some(value) => target.insert(key.to_string(), value.clone()),
                None => target.remove(key),
            };
        }
    }
    serde_json::from_value(base).expect("a merge of two inputs is an input")
}

/// Records by kind and start date: what a line must differ from.
type ByKindAndStart = HashMap<(Kind, PartialDate), Vec<(ActivityId, String)>>;

/// Records of the kinds and days the import touches, in one query over its date range.
fn existing_records(store: &Store, keys: &[Option<(Kind, PartialDate)>]) -> Result<ByKindAndStart, StoreError> {
    let present: Vec<&(Kind, PartialDate)> = keys.iter().flatten().collect();
    let mut map = ByKindAndStart::new();
    let (Some(from), Some(to)) = (present.iter().map(|(_, d)| d.first_day()).min(), present.iter().map(|(_, d)| d.last_day()).max()) else {
        return Ok(map);
    };
    let kinds: HashSet<Kind> = present.iter().map(|(k, _)| *k).collect();
    let filter = Filter { from: Some(from), to: Some(to), kinds: kinds.into_iter().collect(), ..Filter::default() };
    for a in store.list(&filter)?.items {
        map.entry((a.kind, a.start)).or_default().push((a.id, a.title));
    }
    Ok(map)
}

const STOP_WORDS: &[&str] = &["de", "del", "la", "el", "los", "las", "y", "e", "en", "con", "para", "por", "a", "al", "the", "of", "and", "with"];

fn title_words(title: &str) -> HashSet<String> {
    fold(title).split(' ').filter(|w| !w.is_empty() && !STOP_WORDS.contains(w)).map(String::from).collect()
}

/// Folded titles that share most of their words: "Reunión con la Embajada del Perú" and
/// "Reunion con Embajada de Peru" are the same; "Reunión con Perú" and "Reunión con Chile"
/// are not.
pub fn similar_titles(a: &str, b: &str) -> bool {
    let (wa, wb) = (title_words(a), title_words(b));
    if wa.is_empty() || wb.is_empty() {
        return fold(a) == fold(b);
    }
    let shared = wa.intersection(&wb).count();
    let smaller = wa.len().min(wb.len());
    let union = wa.union(&wb).count();
    shared * 10 >= union * 6 || (smaller >= 3 && shared == smaller)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_titles_ignore_accents_articles_and_case() {
        assert!(similar_titles("Reunión con la Embajada del Perú", "REUNION CON EMBAJADA DE PERU"));
        assert!(similar_titles("Curso de contratación pública abierta", "Curso contratación pública abierta CDMX"));
        assert!(!similar_titles("Reunión con Perú", "Reunión con Chile"));
        assert!(similar_titles("", ""));
    }
}

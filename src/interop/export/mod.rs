//! Records out to spreadsheets. One table of columns, in the person's language, shared by
//! the CSV and XLSX writers: the common fields, then each kind-specific field any of the
//! exported records uses, labelled as the forms label it.

pub mod csv;
pub mod register;
pub mod xlsx;

use rust_decimal::Decimal;

use crate::domain::details::FieldType;
use crate::domain::{fields_of, Activity, DetailField, Kind, PartialDate};
use crate::{ErrorCode, Explain, Lang, Text};

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no se pudo escribir la exportación: {0}")]
    Io(#[from] std::io::Error),
    #[error("no se pudo escribir el libro de Excel: {0}")]
    Xlsx(String),
    #[error("exportación cancelada")]
    Cancelled,
}

impl Explain for ExportError {
    fn text(&self) -> Text {
        match self {
            ExportError::Io(e) => Text::new(self.to_string(), format!("the export could not be written: {e}")).sentence(),
            ExportError::Xlsx(m) => Text::new(self.to_string(), format!("the Excel workbook could not be written: {m}")).sentence(),
            ExportError::Cancelled => crate::lang::cancelled(),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            ExportError::Cancelled => ErrorCode::Cancelled,
            _ => ErrorCode::Io,
        }
    }
}

impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        ExportError::Io(std::io::Error::other(e.to_string()))
    }
}

/// A typed value of one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(PartialDate),
    Integer(i64),
    Decimal(Decimal),
}

impl Value {
    fn text(text: Option<&str>) -> Value {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => Value::Text(t.to_string()),
            None => Value::Empty,
        }
    }

    fn list(items: impl IntoIterator<Item = String>) -> Value {
        let joined: Vec<String> = items.into_iter().collect();
        Value::text(Some(&joined.join("; ")))
    }

    /// The value as CSV writes it: dates in ISO form (`2021-07-27`, `2021-10`, `2021`).
    pub fn to_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Date(d) => d.to_string(),
            Value::Integer(i) => i.to_string(),
            Value::Decimal(d) => d.to_string(),
        }
    }
}

/// One exported column.
#[derive(Debug, Clone, Copy)]
pub enum Column {
    Id,
    Kind,
    Title,
    Start,
    End,
    DateText,
    StartTime,
    EndTime,
    Status,
    Modality,
    Place,
    Countries,
    /// The world regions of the countries, derived from the reference data (import ignores it).
    Regions,
    Organisations,
    People,
    Axis,
    Topics,
    Summary,
    Outcomes,
    FollowUps,
    Detail(&'static DetailField),
}

const COMMON: [(Column, &str, &str, f64); 20] = [
    (Column::Id, "Id", "Id", 38.0),
    (Column::Kind, "Tipo", "Kind", 22.0),
    (Column::Title, "Título", "Title", 50.0),
    (Column::Start, "Fecha de inicio", "Start date", 14.0),
    (Column::End, "Fecha de término", "End date", 14.0),
    (Column::DateText, "Fecha como se escribió", "Date as written", 24.0),
    (Column::StartTime, "Hora de inicio", "Start time", 10.0),
    (Column::EndTime, "Hora de término", "End time", 10.0),
    (Column::Status, "Estado", "Status", 12.0),
    (Column::Modality, "Modalidad", "Modality", 14.0),
    (Column::Place, "Lugar", "Place", 28.0),
    (Column::Countries, "Países", "Countries", 16.0),
    (Column::Regions, "Regiones", "Regions", 24.0),
    (Column::Organisations, "Contrapartes", "Counterparts", 40.0),
    (Column::People, "Personas", "People", 36.0),
    (Column::Axis, "Eje", "Axis", 28.0),
    (Column::Topics, "Temas", "Topics", 28.0),
    (Column::Summary, "Descripción", "Description", 70.0),
    (Column::Outcomes, "Resultados", "Outcomes", 40.0),
    (Column::FollowUps, "Seguimiento", "Follow-up", 40.0),
];

impl Column {
    pub fn header(&self, lang: Lang) -> String {
        match self {
            Column::Detail(f) => lang.pick(f.label_es, f.label_en).to_string(),
            c => COMMON.iter().find(|(col, ..)| std::mem::discriminant(col) == std::mem::discriminant(c)).map(|(_, es, en, _)| lang.pick(es, en).to_string()).unwrap_or_default(),
        }
    }

    /// Width in characters for the XLSX column.
    pub fn width(&self) -> f64 {
        match self {
            Column::Detail(f) => match f.field_type {
                FieldType::LongText => 50.0,
                FieldType::Integer | FieldType::Currency | FieldType::Date => 14.0,
                _ => 24.0,
            },
            c => COMMON.iter().find(|(col, ..)| std::mem::discriminant(col) == std::mem::discriminant(c)).map_or(20.0, |(.., w)| *w),
        }
    }

    pub fn value(&self, a: &Activity, lang: Lang) -> Value {
        match self {
            Column::Id => Value::Text(a.id.to_string()),
            Column::Kind => Value::Text(lang.pick(a.kind.label_es(), a.kind.label_en()).to_string()),
            Column::Title => Value::text(Some(&a.title)),
            Column::Start => Value::Date(a.start),
            Column::End => a.end.map_or(Value::Empty, Value::Date),
            Column::DateText => Value::text(a.date_text.as_deref()),
            Column::StartTime => Value::text(a.start_time.as_deref()),
            Column::EndTime => Value::text(a.end_time.as_deref()),
            Column::Status => Value::Text(lang.pick(a.status.label_es(), a.status.label_en()).to_string()),
            Column::Modality => Value::text(a.modality.map(|m| lang.pick(m.label_es(), m.label_en()))),
            Column::Place => Value::text(a.place.as_deref()),
            Column::Countries => Value::list(a.countries.iter().map(|c| country_name(c, lang))),
            Column::Regions => {
                let mut names: Vec<String> = Vec::new();
                for region in a.countries.iter().filter_map(|c| crate::reference::country(c)).map(|c| &c.region) {
                    let name = lang.pick(&region.name_es, &region.name_en).to_string();
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                Value::list(names)
            }
            // "Name [role]" and "Name [post | organisation]": the importer reads them back.
            Column::Organisations => Value::list(a.organisations.iter().map(|o| match &o.role {
                Some(r) => format!("{} [{r}]", o.name),
                None => o.name.clone(),
            })),
            Column::People => Value::list(a.people.iter().map(|p| match (&p.post, &p.organisation) {
                (None, None) => p.name.clone(),
                (post, None) => format!("{} [{}]", p.name, post.as_deref().unwrap_or_default()),
                (post, Some(org)) => format!("{} [{} | {org}]", p.name, post.as_deref().unwrap_or_default()),
            })),
            Column::Axis => Value::text(a.axis.as_deref()),
            Column::Topics => Value::list(a.topics.iter().cloned()),
            Column::Summary => Value::text(a.summary.as_deref()),
            Column::Outcomes => Value::text(a.outcomes.as_deref()),
            Column::FollowUps => Value::list(a.follow_ups.iter().map(|f| {
                let due = f.due.map(|d| format!(" ({})", d)).unwrap_or_default();
                let done = if f.done { lang.pick(" ✓", " ✓") } else { "" };
                format!("{}{due}{done}", f.task)
            })),
            Column::Detail(f) => detail_value(a, f, lang),
        }
    }
}

/// A country's name in the person's language, from its ISO code (the code when unknown).
pub fn country_name(code: &str, lang: Lang) -> String {
    crate::reference::country(code).map_or(code.to_string(), |c| lang.pick(&c.name_es, &c.name_en).to_string())
}

fn detail_value(a: &Activity, field: &DetailField, lang: Lang) -> Value {
    let map = serde_json::to_value(&a.details).unwrap_or_default();
    let Some(v) = map.get(field.key) else { return Value::Empty };
    match (field.field_type, v) {
        (FieldType::Integer, serde_json::Value::Number(n)) => n.as_i64().map_or(Value::Empty, Value::Integer),
        (FieldType::Decimal, serde_json::Value::String(s)) => s.parse().map_or(Value::Text(s.clone()), Value::Decimal),
        (FieldType::Date, serde_json::Value::String(s)) => s.parse().map_or(Value::Text(s.clone()), Value::Date),
        (FieldType::Choice, serde_json::Value::String(s)) => Value::Text(field.shown(s, lang)),
        (_, serde_json::Value::Array(items)) => Value::list(items.iter().filter_map(|i| i.as_str().map(String::from))),
        (_, serde_json::Value::String(s)) => Value::text(Some(s)),
        (_, other) => Value::Text(other.to_string()),
    }
}

/// The columns for these records: the common ones, then every detail field one of them sets.
pub fn columns_for(activities: &[Activity]) -> Vec<Column> {
    let mut cols: Vec<Column> = COMMON.iter().map(|(c, ..)| *c).collect();
    let used: Vec<String> = activities.iter().flat_map(|a| a.details.set_keys()).collect();
    let mut seen = Vec::new();
    for f in Kind::ALL.iter().flat_map(|k| fields_of(*k)) {
        if used.iter().any(|k| k == f.key) && !seen.contains(&f.key) {
            seen.push(f.key);
            cols.push(Column::Detail(f));
        }
    }
    cols
}

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::domain::Activity;

    /// Records as the store returns them (a meeting with times and follow-ups, a training
    /// span, a month-precision financing), shared with the integration tests.
    pub fn activities() -> Vec<Activity> {
        serde_json::from_str(include_str!("../../../tests/fixtures/interop/activities.json")).expect("fixture parses")
    }
}

//! Rows become drafts: each cell is read by the field its column feeds, then the draft is
//! validated, and every problem is located by line, column and header.

use serde::Serialize;
use ts_rs::TS;

use super::mapping::{Mapping, Target};
use super::{Cell, Row, Table};
use crate::domain::details::FieldType;
use crate::domain::activity::{OrgMentionFull, PersonMentionFull};
use crate::domain::{field_named, fields_of, validate, ActivityInput, Details, Kind, Modality, OrgMention, PersonMention};
use crate::interop::amounts::{parse_amount, Amount};
use crate::interop::readings::{read_count, read_detail, split_list};
use crate::interop::problem::Problem;
use crate::job::Progress;
use crate::{ErrorCode, Explain, Lang, Text};
use crate::interop::spanish_dates::{from_excel_serial, parse_date, parse_time, DateContext, DateSpan};
use crate::interop::vocabulary::{complete_details, kind_from_words};

/// One problem of one row, where the person can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CellError {
    pub line: usize,
    /// 1-based column number; `None` when the problem belongs to no single column
    /// (a required field the sheet has no column for).
    pub column: Option<usize>,
    pub header: Option<String>,
    /// Interchange path of the field (`start_date`, `details.amount`).
    pub field: String,
    pub message: Text,
}

impl CellError {
    /// "línea 4, columna 2 «Fecha»: …" in the person's language.
    pub fn describe(&self, lang: Lang) -> String {
        let place = match (self.column, &self.header) {
            (Some(c), Some(h)) => format!(", {} {c} «{h}»", lang.pick("columna", "column")),
            _ => format!(" ({})", self.field),
        };
        format!("{} {}{place}: {}", lang.pick("línea", "line"), self.line, self.message.pick(lang))
    }
}

/// A row read as an activity draft.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RowDraft {
    pub line: usize,
    pub input: ActivityInput,
    pub errors: Vec<CellError>,
    /// The interchange fields the source has columns for; when the row updates a record, the
    /// record keeps its other fields (follow-ups, people's posts…). `None`: the draft is whole.
    pub given: Option<Vec<String>>,
}

/// Why rows could not be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadRowsError {
    #[error("{0}")]
    Mapping(Problem),
    #[error("lectura cancelada")]
    Cancelled,
}

impl Explain for ReadRowsError {
    fn text(&self) -> Text {
        match self {
            ReadRowsError::Mapping(p) => p.clone().sentence(),
            ReadRowsError::Cancelled => crate::lang::cancelled(),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            ReadRowsError::Mapping(_) => ErrorCode::Invalid,
            ReadRowsError::Cancelled => ErrorCode::Cancelled,
        }
    }
}

/// Reads every non-empty row. `progress` is called as rows are read; returning `false` stops.
pub fn read_rows(table: &Table, mapping: &Mapping, progress: Progress) -> Result<Vec<RowDraft>, ReadRowsError> {
    let targets = mapping.resolve(&table.headers).map_err(ReadRowsError::Mapping)?;
    let ctx = DateContext { default_year: mapping.default_year, ..DateContext::default() };
    let total = table.rows.len();
    let mut drafts = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        if i % 100 == 0 && !progress(i as u64, total as u64) {
            return Err(ReadRowsError::Cancelled);
        }
        if row.cells.iter().all(|c| c.text().is_none()) {
            continue;
        }
        drafts.push(read_row(row, &table.headers, &targets, mapping, &ctx));
    }
    if !progress(total as u64, total as u64) {
        return Err(ReadRowsError::Cancelled);
    }
    Ok(drafts)
}

/// The first `rows` rows as Enlace will read them, for the person to check the mapping.
pub fn preview(table: &Table, mapping: &Mapping, rows: usize) -> Result<Vec<RowDraft>, ReadRowsError> {
    let head = Table { rows: table.rows.iter().take(rows).cloned().collect(), ..table.clone() };
    read_rows(&head, mapping, &mut |_, _| true)
}

/// The preview as text: how the file was read, the mapping, and each row's reading.
pub fn render_preview(table: &Table, mapping: &Mapping, drafts: &[RowDraft], lang: Lang) -> String {
    let mut out = format!("{}: {}\n", lang.pick("Leído como", "Read as"), table.read_as.pick(lang));
    let targets = mapping.resolve(&table.headers).unwrap_or_default();
    for (h, t) in table.headers.iter().zip(&targets) {
        let t = if *t == Target::Ignore { lang.pick("(se ignora)", "(ignored)").to_string() } else { t.name() };
        out.push_str(&format!("  {h} → {t}\n"));
    }
    for d in drafts {
        let i = &d.input;
        let mut facts = vec![i.kind.clone(), i.start_date.clone()];
        if let Some(end) = &i.end_date {
            facts.push(format!("→ {end}"));
        }
        facts.push(format!("«{}»", i.title));
        if !i.countries.is_empty() {
            facts.push(format!("{}: {}", lang.pick("países", "countries"), i.countries.join(", ")));
        }
        if let (Some(a), Some(c)) = (&i.details.amount, &i.details.currency) {
            facts.push(format!("{a} {c}"));
        }
        out.push_str(&format!("{} {}: {}\n", lang.pick("Línea", "Line"), d.line, facts.join(" · ")));
        for e in &d.errors {
            out.push_str(&format!("  ✗ {}\n", e.describe(lang)));
        }
    }
    out
}

struct RowReader<'a> {
    line: usize,
    headers: &'a [String],
    targets: &'a [Target],
    errors: Vec<CellError>,
}

impl RowReader<'_> {
    fn error(&mut self, column: usize, target: &Target, problem: Problem) {
        self.errors.push(CellError {
            line: self.line,
            column: Some(column + 1),
            header: Some(self.headers[column].clone()),
            field: target.name(),
            message: problem,
        });
    }

    /// A problem of a value the mapping sets for every row (no column holds it).
    fn error_in(&mut self, field: &str, problem: Problem) {
        self.errors.push(CellError {
            line: self.line,
            column: None,
            header: None,
            field: field.to_string(),
            message: Text::new(format!("el valor del mapeo para todas las filas: {}", problem.es), format!("the mapping's value for every row: {}", problem.en)),
        });
    }

    /// The column that feeds an interchange field, for locating validation errors.
    fn column_of(&self, field: &str) -> Option<usize> {
        let base = field.split(['[', '.']).next().unwrap_or(field);
        let wanted: Vec<Target> = match base {
            "start_date" => vec![Target::StartDate, Target::Date],
            "end_date" => vec![Target::EndDate, Target::Date, Target::StartDate],
            "details" => {
                let key = field.trim_start_matches("details.");
                let amount_cell = ["amount", "currency", "amount_mxn"].contains(&key);
                let mut t: Vec<Target> = field_named(key).map(|f| Target::Detail(f.key)).into_iter().collect();
                if amount_cell {
                    t.push(Target::Amount);
                }
                t
            }
            other => Target::parse(other).into_iter().collect(),
        };
        wanted.iter().find_map(|w| self.targets.iter().position(|t| t == w))
    }
}


fn read_row(row: &Row, headers: &[String], targets: &[Target], mapping: &Mapping, ctx: &DateContext) -> RowDraft {
    let mut r = RowReader { line: row.line, headers, targets, errors: Vec::new() };
    let mut input = ActivityInput::default();
    let mut wording = String::new();
    // The kind first: a detail key can mean different fields in two kinds ("city_role" is a
    // choice for events, free text for projects).
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|c| targets[*c] != Target::Kind);
    for col in order {
        let target = &targets[col];
        let cell = row.cells.get(col).unwrap_or(&Cell::Empty);
        let Some(text) = cell.text() else { continue };
        if let Err(problem) = read_cell(&mut input, target, cell, &text, ctx, &mut wording) {
            r.error(col, target, problem);
        }
    }
    if input.kind.is_empty() && !r.errors.iter().any(|e| e.field == "kind") {
        match &mapping.default_kind {
            Some(k) => input.kind = kind_from_words(k).map_or(k.clone(), |k| k.as_str().to_string()),
            None => r.errors.push(CellError {
                line: r.line,
                column: r.column_of("kind").map(|c| c + 1),
                header: r.column_of("kind").map(|c| headers[c].clone()),
                field: "kind".into(),
                message: Text::new(
                    "falta el tipo de actividad (columna «Tipo» o «default_kind» en el mapeo)",
                    "the activity kind is missing (a «Type» column or «default_kind» in the mapping)",
                ),
            }),
        }
    }
    if input.details.amount.is_some() && input.details.currency.is_none() {
        input.details.currency = mapping.default_currency.clone();
    }
    wording.push(' ');
    wording.push_str(&input.title);
    complete_details(&mut input, &wording);
    for (key, text) in &mapping.default_details {
        set_default_detail(&mut input, key, text, ctx).unwrap_or_else(|problem| r.error_in(&format!("details.{key}"), problem));
    }

    if let Err(invalid) = validate(&input) {
        let already: Vec<String> = r.errors.iter().map(|e| e.field.clone()).collect();
        for e in invalid.errors {
            let base = e.field.split('[').next().unwrap_or(&e.field).to_string();
            let reported = already.iter().any(|f| *f == base || (f == "date" && base.ends_with("_date")) || (f == "amount" && base.starts_with("details.")));
            if reported {
                continue;
            }
            let column = r.column_of(&e.field);
            r.errors.push(CellError {
                line: r.line,
                column: column.map(|c| c + 1),
                header: column.map(|c| headers[c].clone()),
                field: e.field,
                message: e.message,
            });
        }
    }
    let given = targets.iter().flat_map(Target::fields).collect();
    RowDraft { line: row.line, input, errors: r.errors, given: Some(given) }
}

fn read_cell(input: &mut ActivityInput, target: &Target, cell: &Cell, text: &str, ctx: &DateContext, wording: &mut String) -> Result<(), Problem> {
    match target {
        Target::Kind => {
            wording.push_str(text);
            let kind = kind_from_words(text).ok_or_else(|| {
                Problem::new(
                    format!("tipo de actividad «{text}» no reconocido (p. ej. Reunión, Capacitación, Iluminación, Convenio)"),
                    format!("activity kind «{text}» not recognised (e.g. Meeting, Training, Illumination, Agreement)"),
                )
            })?;
            input.kind = kind.as_str().to_string();
        }
        Target::Id => input.id = Some(text.to_string()),
        Target::Title => input.title = text.to_string(),
        Target::Date => {
            let span = date_cell(cell, text, ctx)?;
            input.start_date = span.start.to_string();
            input.end_date = span.end.map(|e| e.to_string());
            input.start_time = span.start_time.or(input.start_time.take());
            input.date_text = span.date_text;
        }
        Target::StartDate => {
            let span = date_cell(cell, text, ctx)?;
            input.start_date = span.start.to_string();
            if input.end_date.is_none() {
                input.end_date = span.end.map(|e| e.to_string());
            }
            input.start_time = span.start_time.or(input.start_time.take());
            input.date_text = span.date_text.or(input.date_text.take());
        }
        Target::EndDate => {
            let span = date_cell(cell, text, ctx)?;
            input.end_date = Some(span.end.unwrap_or(span.start).to_string());
            input.end_time = span.start_time.or(input.end_time.take());
        }
        Target::StartTime => input.start_time = Some(time_cell(cell, text)?),
        Target::EndTime => input.end_time = Some(time_cell(cell, text)?),
        Target::Summary => {
            input.summary = Some(match input.summary.take() {
                Some(s) => format!("{s}\n\n{text}"),
                None => text.to_string(),
            })
        }
        Target::Modality => input.modality = Some(Modality::parse(text).map_or(text.to_string(), |m| m.as_str().to_string())),
        Target::Place => input.place = Some(text.to_string()),
        Target::Countries => input.countries.extend(split_list(text, true)),
        Target::Organisations => input.organisations.extend(split_list(text, false).iter().map(|item| org_mention(item))),
        Target::People => input.people.extend(split_list(text, false).iter().map(|item| person_mention(item))),
        Target::DateText => input.date_text = Some(text.to_string()),
        Target::Axis => input.axis = Some(text.to_string()),
        Target::Topics => input.topics.extend(split_list(text, true)),
        Target::Outcomes => input.outcomes = Some(text.to_string()),
        Target::Status => input.status = Some(text.to_string()),
        Target::Amount => {
            let amount = match cell {
                Cell::Number(n) => Amount { value: number_cell(*n)?, currency: None, mxn: None },
                _ => parse_amount(text)?,
            };
            input.details.amount = Some(amount.value);
            if amount.currency.is_some() {
                input.details.currency = amount.currency;
            }
            if amount.mxn.is_some() {
                input.details.amount_mxn = amount.mxn;
            }
        }
        Target::Detail(key) => set_detail(&mut input.details, &input.kind, key, cell, text, ctx)?,
        Target::Ignore => {}
    }
    Ok(())
}

/// A number cell as the sheet holds it: no separators to read, so never two ways.
fn number_cell(n: f64) -> Result<rust_decimal::Decimal, Problem> {
    crate::domain::decimal::parse_decimal(&n.to_string())
        .map_err(|_| Problem::new(format!("{n} no es una cantidad válida"), format!("{n} is not a valid amount")))
}

fn date_cell(cell: &Cell, text: &str, ctx: &DateContext) -> Result<DateSpan, Problem> {
    let day = |(date, time): (chrono::NaiveDate, Option<String>)| DateSpan {
        start: crate::domain::PartialDate::day(date),
        end: None,
        start_time: time,
        date_text: None,
    };
    match cell {
        Cell::Date(date, time) => Ok(day((*date, time.clone()))),
        // A typed number past 2100 is a serial day number; below it, a year.
        Cell::Number(n) if *n > 2100.0 => from_excel_serial(*n).map(day).ok_or_else(|| {
            Problem::new(format!("{n} no es una fecha de Excel válida"), format!("{n} is not a valid Excel date"))
        }),
        _ => parse_date(text, ctx),
    }
}

fn time_cell(cell: &Cell, text: &str) -> Result<String, Problem> {
    let found = match cell {
        Cell::Date(_, time) => time.clone(),
        // Workbooks store a time of day as a fraction of a day.
        Cell::Number(n) if (0.0..1.0).contains(n) => from_excel_serial(1.0 + n).and_then(|(_, t)| t).or(Some("00:00".into())),
        _ => parse_time(text),
    };
    found.ok_or_else(|| Problem::new(format!("«{text}» no es una hora (HH:MM)"), format!("«{text}» is not a time (HH:MM)")))
}

/// "Name [extra]": the name and what the brackets say, as exports write roles and posts.
fn bracketed(item: &str) -> (String, Option<String>) {
    match item.strip_suffix(']').and_then(|rest| rest.rsplit_once(" [")) {
        Some((name, extra)) if !name.trim().is_empty() => (name.trim().to_string(), Some(extra.trim().to_string())),
        _ => (item.to_string(), None),
    }
}

/// "Embajada del Perú [anfitriona]" → the organisation with its role.
fn org_mention(item: &str) -> OrgMention {
    match bracketed(item) {
        (name, Some(role)) => OrgMention::Full(OrgMentionFull { name, role: Some(role), kind: None, country: None }),
        (name, None) => OrgMention::Name(name),
    }
}

/// "Ana Pérez [Embajadora | Embajada del Perú]" → the person with post and organisation.
fn person_mention(item: &str) -> PersonMention {
    match bracketed(item) {
        (name, Some(extra)) => {
            let (post, organisation) = match extra.split_once('|') {
                Some((p, o)) => (p.trim().to_string(), Some(o.trim().to_string())),
                None => (extra, None),
            };
            let post = Some(post).filter(|p| !p.is_empty());
            PersonMention::Full(PersonMentionFull { name, post, organisation, role: None })
        }
        (name, None) => PersonMention::Name(name),
    }
}

fn set_detail(details: &mut Details, kind: &str, key: &'static str, cell: &Cell, text: &str, ctx: &DateContext) -> Result<(), Problem> {
    let kinds = Kind::parse(kind).into_iter().chain(Kind::ALL);
    let field = kinds.flat_map(fields_of).find(|f| f.key == key).expect("targets name schema keys");
    let value = match (field.field_type, cell) {
        (FieldType::Integer, _) => serde_json::json!(count(cell, text)?),
        (FieldType::Decimal, Cell::Number(n)) => serde_json::json!(number_cell(*n)?.to_string()),
        (FieldType::Date, _) => serde_json::json!(date_cell(cell, text, ctx)?.start.to_string()),
        _ => read_detail(field, text, ctx)?.value,
    };
    let mut map = serde_json::to_value(&*details).expect("details serialise");
    map.as_object_mut().expect("details are an object").insert(key.to_string(), value);
    *details = serde_json::from_value(map).map_err(|e| Problem::new(format!("«{text}»: {e}"), format!("«{text}»: {e}")))?;
    Ok(())
}

/// The mapping's value for a detail the row's kind has and the row left empty.
fn set_default_detail(input: &mut ActivityInput, key: &str, text: &str, ctx: &DateContext) -> Result<(), Problem> {
    let Some(field) = Kind::parse(&input.kind).and_then(|k| fields_of(k).iter().find(|f| f.key == key)) else { return Ok(()) };
    let current = serde_json::to_value(&input.details).expect("details serialise");
    if current.get(key).is_some_and(|v| !v.is_null()) {
        return Ok(());
    }
    set_detail(&mut input.details, &input.kind, field.key, &Cell::Text(text.to_string()), text, ctx)
}

fn count(cell: &Cell, text: &str) -> Result<u32, Problem> {
    if let Cell::Number(n) = cell {
        if n.fract() == 0.0 && *n >= 0.0 {
            return Ok(*n as u32);
        }
    }
    Ok(read_count(text)?)
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::spreadsheet::csv::read_csv;

    fn drafts(csv: &str, adjust: &str) -> Vec<RowDraft> {
        let table = read_csv(csv.as_bytes()).unwrap();
        let mapping = Mapping::propose(&table.headers).adjusted(&Mapping::from_json(adjust).unwrap());
        read_rows(&table, &mapping, &mut |_, _| true).unwrap()
    }

    #[test]
    fn a_row_becomes_a_valid_draft() {
        let d = drafts(
            "Fecha;Tipo;Título;País;Contraparte;Modalidad;Descripción\n\
             del 3 al 5 de agosto de 2021;Capacitación;Taller de contratación abierta;Reino Unido;\"Embajada Británica; UK PACT\";Híbrida;Tres sesiones.\n",
            "{}",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].errors.is_empty(), "{:?}", d[0].errors);
        let i = &d[0].input;
        assert_eq!((i.kind.as_str(), i.start_date.as_str(), i.end_date.as_deref()), ("training", "2021-08-03", Some("2021-08-05")));
        assert_eq!(i.date_text.as_deref(), Some("del 3 al 5 de agosto de 2021"));
        assert_eq!(i.countries, vec!["Reino Unido"]);
        assert_eq!(i.organisations, vec![OrgMention::Name("Embajada Británica".into()), OrgMention::Name("UK PACT".into())]);
        assert_eq!(i.modality.as_deref(), Some("hibrido"));
    }

    #[test]
    fn financing_amounts_and_implied_details() {
        let d = drafts(
            "Fecha,Actividad,Título,Contraparte,Monto\n\
             2021-09-01,Financiamiento,Movilidad eléctrica,UK PACT,\"308,000 USD (6,344,800 mxn)\"\n\
             2021-10-01,Financiamiento,Calidad del aire,Bloomberg Philanthropies,\"$ 20,000\"\n",
            r#"{"default_currency": "EUR"}"#,
        );
        let a = &d[0].input.details;
        assert_eq!((a.amount.unwrap().to_string(), a.currency.as_deref(), a.amount_mxn.unwrap().to_string()), ("308000".into(), Some("USD"), "6344800".into()));
        assert_eq!(a.donor.as_deref(), Some("UK PACT"));
        assert_eq!(d[1].input.details.currency.as_deref(), Some("EUR"), "default currency fills a bare $");
        assert!(d.iter().all(|r| r.errors.is_empty()), "{:?}", d[1].errors);
    }

    #[test]
    fn errors_carry_line_column_and_header() {
        let d = drafts(
            "Fecha;Tipo;Título;País\n\
             2021-07-27;Reunión;Con la Embajada de Perú;Perú\n\
             81 de agosto de 2021;Reunión;Con Francia;Francia\n\
             2021-08-02;Pachanga;Fiesta;Atlantis\n",
            "{}",
        );
        assert!(d[0].errors.is_empty());
        let e = &d[1].errors;
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].line, e[0].column, e[0].header.as_deref()), (3, Some(1), Some("Fecha")));
        assert!(e[0].describe(Lang::Es).starts_with("línea 3, columna 1 «Fecha»: el día 81 no existe"), "{}", e[0].describe(Lang::Es));
        let e = &d[2].errors;
        let located: Vec<(Option<usize>, &str)> = e.iter().map(|e| (e.column, e.field.as_str())).collect();
        assert_eq!(located, vec![(Some(2), "kind"), (Some(4), "countries[0]")]);
    }

    #[test]
    fn defaults_for_year_and_kind_and_separate_end_dates() {
        let d = drafts(
            "Fecha de inicio,Fecha de término,Título,Motivo\n20 julio,21 julio,Independencia de Colombia,Día nacional\n",
            r#"{"default_year": 2021, "default_kind": "Iluminación"}"#,
        );
        let i = &d[0].input;
        assert!(d[0].errors.is_empty(), "{:?}", d[0].errors);
        assert_eq!((i.kind.as_str(), i.start_date.as_str(), i.end_date.as_deref()), ("illumination", "2021-07-20", Some("2021-07-21")));
        assert_eq!(i.details.occasion.as_deref(), Some("Día nacional"));
    }

    #[test]
    fn a_detail_no_column_holds_is_inferred_from_the_row_or_set_once_in_the_mapping() {
        let sheet = "Fecha,Tipo,Título\n\
             2021-07-27,Delegación,Visita de la delegación de Nagoya\n\
             2021-08-03,Delegación,Delegación de Jalisco en Seúl\n\
             2021-08-05,Reunión,Reunión con la Embajada del Perú\n";
        let without = drafts(sheet, "{}");
        assert_eq!(without[0].input.details.direction.as_deref(), Some("incoming"), "the wording says it plainly");
        assert!(without[1].errors.iter().any(|e| e.field == "details.direction"), "{:?}", without[1].errors);

        let with = drafts(sheet, r#"{"default_details": {"direction": "Enviada al exterior"}}"#);
        assert_eq!(with[0].input.details.direction.as_deref(), Some("incoming"), "the row's own wording wins");
        assert_eq!(with[1].input.details.direction.as_deref(), Some("outgoing"));
        assert!(with.iter().all(|d| d.errors.is_empty()), "{:?}", with.iter().map(|d| &d.errors).collect::<Vec<_>>());
        assert_eq!(with[2].input.details.direction, None, "a meeting has no direction");

        let wrong = drafts(sheet, r#"{"default_details": {"direction": "de ida"}}"#);
        let e = wrong[1].errors.iter().find(|e| e.field == "details.direction").expect("the mapping's value is refused");
        assert!(e.message.es.starts_with("el valor del mapeo para todas las filas: «de ida»"), "{}", e.message.es);
    }

    #[test]
    fn details_by_type() {
        let d = drafts(
            "Fecha,Tipo,Título,Participantes,Tipo de instrumento,Vigencia\n\
             2021-08-01,Capacitación,Curso,10 mujeres y 9 hombres,,\n\
             2021-08-02,Convenio,Con Lima,,Memorándum de entendimiento,2024\n",
            "{}",
        );
        assert_eq!(d[0].input.details.participants, Some(19));
        // "Tipo de instrumento" is the agreement_type label; "Tipo" took the kind first.
        assert_eq!(d[1].input.details.agreement_type.as_deref(), Some("memorandum"));
        assert_eq!(d[1].input.details.valid_until.map(|v| v.to_string()).as_deref(), Some("2024"));
        assert!(d.iter().all(|r| r.errors.is_empty()), "{:?}", d);
    }

    #[test]
    fn preview_reads_only_the_first_rows_and_renders() {
        let table = read_csv("Fecha;Tipo;Título\n2021-07-27;Reunión;Uno\n2021-07-28;Reunión;Dos\n2021-07-29;Reunión;Tres\n".as_bytes()).unwrap();
        let mapping = Mapping::propose(&table.headers);
        let p = preview(&table, &mapping, 2).unwrap();
        assert_eq!(p.len(), 2);
        let text = render_preview(&table, &mapping, &p, Lang::Es);
        assert!(text.contains("Fecha → date"), "{text}");
        assert!(text.contains("Línea 3: meeting · 2021-07-28 · «Dos»"), "{text}");
        assert!(!text.contains("Tres"));
    }

    #[test]
    fn roles_and_posts_in_brackets() {
        assert_eq!(
            org_mention("Embajada del Perú [anfitriona]"),
            OrgMention::Full(OrgMentionFull { name: "Embajada del Perú".into(), role: Some("anfitriona".into()), kind: None, country: None })
        );
        assert_eq!(org_mention("Banco de Desarrollo (CAF)"), OrgMention::Name("Banco de Desarrollo (CAF)".into()));
        let full = |post: Option<&str>, org: Option<&str>| {
            PersonMention::Full(PersonMentionFull { name: "Ana Pérez".into(), post: post.map(String::from), organisation: org.map(String::from), role: None })
        };
        assert_eq!(person_mention("Ana Pérez [Embajadora | Embajada del Perú]"), full(Some("Embajadora"), Some("Embajada del Perú")));
        assert_eq!(person_mention("Ana Pérez [ | Embajada del Perú]"), full(None, Some("Embajada del Perú")));
        assert_eq!(person_mention("Ana Pérez [Cónsul]"), full(Some("Cónsul"), None));
    }

    #[test]
    fn cancelling_stops_reading() {
        let table = read_csv("Fecha;Tipo;Título\n2021-07-27;Reunión;Uno\n".as_bytes()).unwrap();
        let r = read_rows(&table, &Mapping::propose(&table.headers), &mut |_, _| false);
        assert_eq!(r.unwrap_err(), ReadRowsError::Cancelled);
    }
}

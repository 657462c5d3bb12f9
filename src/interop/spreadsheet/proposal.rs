//! A mapping proposed from each column's header *and* its values: a sample of the first
//! non-empty cells says whether a column holds activity kinds, dates, countries, modalities,
//! amounts or long distinct texts (titles). When two columns claim one field, the better match
//! keeps it and the other falls to its next best field; every column says why it was mapped.
//!
//! A recognised header whose values agree is the surest match; a header whose values say
//! otherwise ("Actividad" over event names is not the kind) counts for little; values alone
//! decide a column whose header is unknown. Ties are broken by the header's name, never by the
//! column's place, so the same columns in any order map the same way.

use serde::Serialize;
use ts_rs::TS;

use super::mapping::{target_for_header, Mapping, Target};
use super::{Cell, Table};
use crate::domain::{Kind, Modality, Status};
use crate::interop::amounts::parse_amount;
use crate::interop::readings::{read_country, read_date, split_list};
use crate::interop::spanish_dates::DateContext;
use crate::interop::vocabulary::kind_from_words;
use crate::text::fold;
use crate::Text;

/// How many non-empty cells of each column are looked at.
pub const SAMPLE: usize = 50;

/// Why a column was given its field, for the person checking the mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ColumnReason {
    /// The header as written in the file.
    pub header: String,
    /// The field proposed (`title`, `ignore`…), as a mapping names it.
    pub target: String,
    /// «Actividad»: textos distintos → Título.
    pub reason: Text,
}

/// A proposed mapping and, column by column in the file's order, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub mapping: Mapping,
    pub reasons: Vec<ColumnReason>,
}

/// What a column's values look like.
#[derive(Debug, Default, Clone, Copy)]
struct Content {
    values: usize,
    kinds: usize,
    dates: usize,
    countries: usize,
    modalities: usize,
    statuses: usize,
    amounts: usize,
    amounts_with_currency: usize,
    long_texts: usize,
    distinct: usize,
}

impl Content {
    fn share(&self, n: usize) -> f64 {
        if self.values == 0 {
            0.0
        } else {
            n as f64 / self.values as f64
        }
    }

    fn mostly(&self, n: usize) -> bool {
        self.values > 0 && self.share(n) >= 0.8
    }

    /// The values read as `target`: `Some(true)` when most do, `Some(false)` when few do,
    /// `None` when the values cannot tell (no values, or a field they are not checked for).
    fn agrees(&self, target: &Target) -> Option<bool> {
        if self.values == 0 {
            return None;
        }
        let n = match target {
            Target::Kind => self.kinds,
            Target::Date | Target::StartDate | Target::EndDate => self.dates,
            Target::Countries => self.countries,
            Target::Modality => self.modalities,
            Target::Status => self.statuses,
            Target::Amount => self.amounts,
            Target::Title if self.is_titles() => return Some(true),
            // Kinds, dates or countries under a "title" header are not names of activities.
            Target::Title => return (self.mostly(self.kinds) || self.mostly(self.dates) || self.mostly(self.countries)).then_some(false),
            _ => return None,
        };
        if self.mostly(n) {
            Some(true)
        } else if self.share(n) < 0.5 {
            Some(false)
        } else {
            None
        }
    }

    /// Long texts, mostly different from each other: names of activities.
    fn is_titles(&self) -> bool {
        self.mostly(self.long_texts) && (self.values < 3 || self.share(self.distinct) >= 0.8)
    }

    /// The fields the values alone point to, surest first, each with its evidence.
    fn claims(&self) -> Vec<(Target, f64, Evidence)> {
        let mut out = Vec::new();
        if self.mostly(self.kinds) {
            out.push((Target::Kind, 0.9, Evidence::Kinds));
        }
        if self.mostly(self.modalities) {
            out.push((Target::Modality, 0.85, Evidence::Modalities));
        }
        if self.mostly(self.statuses) {
            out.push((Target::Status, 0.85, Evidence::Statuses));
        }
        if self.mostly(self.dates) {
            out.push((Target::Date, 0.8, Evidence::Dates));
        }
        if self.mostly(self.countries) {
            out.push((Target::Countries, 0.8, Evidence::Countries));
        }
        if self.mostly(self.amounts_with_currency) {
            out.push((Target::Amount, 0.8, Evidence::Amounts));
        }
        if self.is_titles() {
            out.push((Target::Title, 0.5, Evidence::Titles));
        }
        out
    }
}

/// What a column's match rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Evidence {
    Header,
    HeaderAndValues,
    Kinds,
    Dates,
    Countries,
    Modalities,
    Statuses,
    Amounts,
    Titles,
}

impl Evidence {
    fn words(self, values: Option<Evidence>) -> Text {
        match self {
            Evidence::Header => Text::new("el encabezado", "the header"),
            Evidence::HeaderAndValues => {
                let v = values.map_or_else(|| Text::new("sus valores", "its values"), |e| e.words(None));
                Text::new(format!("el encabezado y {}", v.es), format!("the header and {}", v.en))
            }
            Evidence::Kinds => Text::new("valores de tipo de actividad", "activity-type values"),
            Evidence::Dates => Text::new("valores de fecha", "date values"),
            Evidence::Countries => Text::new("nombres de países", "country names"),
            Evidence::Modalities => Text::new("valores de modalidad", "modality values"),
            Evidence::Statuses => Text::new("valores de estado", "status values"),
            Evidence::Amounts => Text::new("montos con moneda", "amounts with currency"),
            Evidence::Titles => Text::new("textos distintos", "distinct texts"),
        }
    }

    /// The values' own evidence for a target, to name when header and values agree.
    fn of_values(target: &Target) -> Option<Evidence> {
        Some(match target {
            Target::Kind => Evidence::Kinds,
            Target::Date | Target::StartDate | Target::EndDate => Evidence::Dates,
            Target::Countries => Evidence::Countries,
            Target::Modality => Evidence::Modalities,
            Target::Status => Evidence::Statuses,
            Target::Amount => Evidence::Amounts,
            Target::Title => Evidence::Titles,
            _ => return None,
        })
    }
}

/// One way a column could be mapped.
struct Candidate {
    column: usize,
    target: Target,
    score: f64,
    evidence: Evidence,
}

fn label(target: &Target) -> Text {
    let name = target.name();
    Target::choices()
        .into_iter()
        .find(|c| c.name == name)
        .map_or_else(|| Text::new(name.clone(), name.clone()), |c| Text::new(c.label_es, c.label_en))
}

/// Looks at the first [`SAMPLE`] non-empty cells of each column.
fn content_of(table: &Table, column: usize) -> Content {
    let ctx = DateContext::year(2000);
    let mut seen: Vec<String> = Vec::new();
    let mut c = Content::default();
    for cell in table.rows.iter().filter_map(|r| r.cells.get(column)) {
        let Some(text) = cell.text() else { continue };
        c.values += 1;
        let words = fold(&text).split(' ').filter(|w| !w.is_empty()).count();
        if words <= 3 && (Kind::parse(&text).is_some() || kind_from_words(&text).is_some()) {
            c.kinds += 1;
        }
        if matches!(cell, Cell::Date(..)) || (!matches!(cell, Cell::Number(_)) && read_date(&text, &ctx).is_ok()) {
            c.dates += 1;
        }
        // Titles and descriptions are not lists of countries: only short cells are tried.
        let places = if words <= 8 { split_list(&text, true) } else { Vec::new() };
        if !places.is_empty() && places.iter().all(|p| read_country(p).is_ok()) {
            c.countries += 1;
        }
        if Modality::parse(&text).is_some() {
            c.modalities += 1;
        }
        if Status::parse(&text).is_some() {
            c.statuses += 1;
        }
        if let Ok(amount) = parse_amount(&text) {
            c.amounts += 1;
            if amount.currency.is_some() {
                c.amounts_with_currency += 1;
            }
        }
        if words >= 4 {
            c.long_texts += 1;
        }
        let folded = fold(&text);
        if !seen.contains(&folded) {
            seen.push(folded);
        }
        if c.values == SAMPLE {
            break;
        }
    }
    c.distinct = seen.len();
    c
}

/// Every way each column could be mapped, with how sure each is.
fn candidates(table: &Table) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (column, header) in table.headers.iter().enumerate() {
        if same_name(&table.headers, column) {
            continue;
        }
        let content = content_of(table, column);
        let named = target_for_header(header);
        let mut trusted_header = false;
        if let Some(target) = &named {
            let (score, evidence) = match content.agrees(target) {
                Some(true) => (1.0, Evidence::HeaderAndValues),
                None => (0.7, Evidence::Header),
                Some(false) => (0.2, Evidence::Header),
            };
            trusted_header = score >= 0.7;
            out.push(Candidate { column, target: target.clone(), score, evidence });
        }
        for (target, score, evidence) in content.claims() {
            if named.as_ref() == Some(&target) || (named.as_ref().is_some_and(is_date) && is_date(&target)) {
                continue;
            }
            // A header that the values do not contradict keeps the column; what the values
            // say otherwise is only its fallback.
            let score = if trusted_header { score * 0.5 } else { score };
            out.push(Candidate { column, target, score, evidence });
        }
    }
    out
}

/// Another column has the same header (without accents or case): a mapping names columns by
/// header, so it cannot tell them apart, and neither is proposed.
fn same_name(headers: &[String], column: usize) -> bool {
    let name = fold(&headers[column]);
    headers.iter().enumerate().any(|(i, h)| i != column && fold(h) == name)
}

fn is_date(t: &Target) -> bool {
    matches!(t, Target::Date | Target::StartDate | Target::EndDate | Target::DateText)
}

/// A mapping from the table's headers and values, with each column's reason.
pub fn propose(table: &Table) -> Proposal {
    let headers = &table.headers;
    let mut all = candidates(table);
    all.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| fold(&headers[a.column]).cmp(&fold(&headers[b.column]))));
    let mut chosen: Vec<Option<(Target, Text)>> = vec![None; headers.len()];
    let mut owner: Vec<(Target, usize)> = Vec::new();
    let mut lost: Vec<Option<(Target, usize)>> = vec![None; headers.len()];
    for c in &all {
        if chosen[c.column].is_some() {
            continue;
        }
        if let Some((_, by)) = owner.iter().find(|(t, _)| *t == c.target && !c.target.takes_many_columns()) {
            lost[c.column].get_or_insert((c.target.clone(), *by));
            continue;
        }
        let words = c.evidence.words(Evidence::of_values(&c.target));
        let target = label(&c.target);
        let h = &headers[c.column];
        let why = Text::new(format!("«{h}»: {} → {}", words.es, target.es), format!("«{h}»: {} → {}", words.en, target.en));
        owner.push((c.target.clone(), c.column));
        chosen[c.column] = Some((c.target.clone(), why));
    }
    let ignore = label(&Target::Ignore);
    let mut mapping = Mapping::default();
    let mut reasons = Vec::new();
    for (column, h) in headers.iter().enumerate() {
        let (target, why) = chosen[column].take().unwrap_or_else(|| {
            let why = match &lost[column] {
                Some((t, by)) => {
                    let t = label(t);
                    let by = &headers[*by];
                    Text::new(
                        format!("«{h}»: {} ya viene de «{by}», que coincide mejor → {}", t.es, ignore.es),
                        format!("«{h}»: {} already comes from «{by}», a better match → {}", t.en, ignore.en),
                    )
                }
                None if same_name(headers, column) => Text::new(
                    format!("«{h}»: otra columna se llama igual; cambie el nombre de una en el archivo → {}", ignore.es),
                    format!("«{h}»: another column has the same name; rename one in the file → {}", ignore.en),
                ),
                None => Text::new(
                    format!("«{h}»: ni el encabezado ni los valores se reconocen → {}", ignore.es),
                    format!("«{h}»: neither the header nor the values are recognised → {}", ignore.en),
                ),
            };
            (Target::Ignore, why)
        });
        reasons.push(ColumnReason { header: h.clone(), target: target.name(), reason: why });
        mapping.columns.insert(h.clone(), target);
    }
    Proposal { mapping, reasons }
}

//! A passage of a past report becomes draft activities, one per item, by rules a person can
//! predict: blocks separated by blank lines are items (a short first line is the title);
//! date-prefixed list lines ("27 julio: Celebración del Bicentenario de Perú") are one item
//! each, of the kind the heading or the lead-in sentence names; training blocks with
//! labelled lines (`Fecha:`, `Modalidad:`, `Participantes:`…) fill their fields.
//! Text pasted from PDFs is cleaned first: words split by hyphenation are joined, and lines
//! repeated on every page (headers, footers) and bare page numbers are dropped.

use serde::Serialize;
use ts_rs::TS;

use super::amounts::parse_amount;
use super::problem::Problem;
use super::spreadsheet::{CellError, RowDraft};
use super::spanish_dates::{find_date, parse_date, DateContext, DateSpan};
use super::vocabulary::{complete_details, kind_from_words, participants_from_words};
use crate::domain::{ActivityInput, Kind, Modality, OrgMention};
use crate::text::fold;

/// What the reader knows beyond the passage.
pub struct TextContext<'a> {
    pub dates: DateContext,
    /// Organisations of the directory; mentions are matched without accents, case or articles
    /// ("Embajada de Perú" finds "Embajada del Perú").
    pub known_organisations: &'a [String],
    /// Says whether some words name a country, and which (an ISO code or any stable key).
    pub country_of: &'a dyn Fn(&str) -> Option<String>,
}

/// A country lookup through Enlace's reference data, for [`TextContext::country_of`]. Only
/// names count: in running text a short capitalised word is far more often an acronym
/// ("CAF", the development bank) than a country code.
pub fn reference_country(words: &str) -> Option<String> {
    let acronym = words.chars().count() <= 3 && words.chars().all(char::is_uppercase);
    let folded = fold(words);
    let first = folded.split(' ').next().unwrap_or_default();
    // A miss in the reference lookup computes spelling suggestions; most words of a report
    // are no country, so they are turned away by the first word of the names first.
    if acronym || !country_first_words().contains(first) {
        return None;
    }
    crate::reference::resolve_country(words).ok().map(|c| c.code.clone())
}

fn country_first_words() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        crate::reference::countries()
            .iter()
            .flat_map(|c| [&c.name_es, &c.name_en].into_iter().chain(&c.variants))
            .filter_map(|name| fold(name).split(' ').next().map(String::from))
            .collect()
    })
}

/// One drafted item, with where it came from and what could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "TextDraft")]
pub struct Draft {
    /// 1-based line of the passage where the item starts.
    pub line: usize,
    pub input: ActivityInput,
    /// What could not be read, by field (no column: text has none).
    pub notes: Vec<CellError>,
}

impl From<&Draft> for RowDraft {
    /// A text draft is planned like a spreadsheet row.
    fn from(d: &Draft) -> Self {
        RowDraft { line: d.line, input: d.input.clone(), errors: d.notes.clone(), given: None }
    }
}

/// Drafts one activity per item of the passage.
pub fn drafts_from_text(text: &str, ctx: &TextContext) -> Vec<Draft> {
    let lines = clean_lines(text);
    let mut drafts = Vec::new();
    let mut section: Option<Kind> = None;
    for block in blocks(&lines) {
        let first = block[0].1.as_str();
        if block.len() == 1 && is_heading(first) {
            section = heading_kind(first);
            continue;
        }
        let mut rest = Vec::new();
        let mut list_kind = section;
        for (line_no, line) in &block {
            if let Some((span, title)) = dated_list_item(line, ctx) {
                let kind = list_kind.or_else(|| kind_from_words(&title)).unwrap_or(Kind::Other);
                drafts.push(list_draft(*line_no, span, &title, kind, ctx));
            } else if line.trim_end().ends_with(':') && !is_label_line(line) {
                // A lead-in such as "…se iluminaron los monumentos en las siguientes fechas:".
                list_kind = heading_kind(line).or(list_kind);
            } else {
                rest.push((*line_no, line.clone()));
            }
        }
        if !rest.is_empty() {
            drafts.push(item_draft(&rest, section, ctx));
        }
    }
    drafts
}

/// Lines of the passage with their numbers, cleaned of PDF residue.
fn clean_lines(text: &str) -> Vec<(usize, String)> {
    let raw: Vec<&str> = text.lines().collect();
    let mut counts = std::collections::HashMap::new();
    for l in &raw {
        let t = l.trim();
        if !t.is_empty() {
            *counts.entry(t).or_insert(0) += 1;
        }
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut join_next = false;
    for (i, l) in raw.iter().enumerate() {
        let t = l.trim();
        let page_residue = counts.get(t).is_some_and(|n| *n >= 3) || (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()));
        if page_residue {
            continue;
        }
        let (line, continues) = strip_hyphen(t);
        match out.last_mut() {
            Some(last) if join_next => last.1.push_str(line),
            _ => out.push((i + 1, line.to_string())),
        }
        join_next = continues;
    }
    out
}

/// "Ayunta-" at the end of a line: a word that continues on the next line.
fn strip_hyphen(line: &str) -> (&str, bool) {
    match line.strip_suffix('-') {
        Some(head) if head.ends_with(char::is_alphabetic) => (head, true),
        _ => (line, false),
    }
}

fn blocks(lines: &[(usize, String)]) -> Vec<Vec<(usize, String)>> {
    let mut out: Vec<Vec<(usize, String)>> = vec![Vec::new()];
    for (n, l) in lines {
        if l.is_empty() {
            if !out.last().expect("one block").is_empty() {
                out.push(Vec::new());
            }
        } else {
            out.last_mut().expect("one block").push((*n, l.clone()));
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

fn is_heading(line: &str) -> bool {
    line.chars().count() < 80 && !line.ends_with(['.', ':', ';', ',']) && line.chars().next().is_some_and(char::is_uppercase)
}

fn heading_kind(text: &str) -> Option<Kind> {
    if fold(text).contains("ilumin") {
        Some(Kind::Illumination)
    } else {
        kind_from_words(text)
    }
}

const LABELS: &[&str] = &["fecha", "fechas", "modalidad", "participantes", "objetivo del curso", "objetivo", "lugar", "sede", "imparte", "institucion"];

fn label_of(line: &str) -> Option<(&'static str, &str)> {
    let (label, value) = line.split_once(':')?;
    let label = LABELS.iter().find(|l| **l == fold(label))?;
    Some((label, value.trim()))
}

fn is_label_line(line: &str) -> bool {
    label_of(line).is_some()
}

/// "27 julio: Celebración…", "- 1 de agosto – Día Nacional de Suiza".
fn dated_list_item(line: &str, ctx: &TextContext) -> Option<(DateSpan, String)> {
    let body = line.trim_start_matches(['-', '•', '*', '·', ' ']);
    let (found, range) = find_date(body, &ctx.dates)?;
    if range.start > 0 {
        return None;
    }
    let after = body[range.end..].trim_start();
    let title = after.strip_prefix([':', '–', '—', '-'])?.trim();
    (!title.is_empty()).then(|| found.ok().map(|span| (span, title.to_string())))?
}

fn list_draft(line: usize, span: DateSpan, title: &str, kind: Kind, ctx: &TextContext) -> Draft {
    let mut input = ActivityInput { kind: kind.as_str().into(), title: title.to_string(), ..Default::default() };
    set_dates(&mut input, &span);
    input.countries = countries_in(title, ctx);
    input.organisations = organisations_in(title, ctx);
    complete_details(&mut input, title);
    Draft { line, input, notes: Vec::new() }
}

fn set_dates(input: &mut ActivityInput, span: &DateSpan) {
    input.start_date = span.start.to_string();
    input.end_date = span.end.map(|e| e.to_string());
    input.start_time = span.start_time.clone();
    input.date_text = span.date_text.clone();
}

fn item_draft(lines: &[(usize, String)], section: Option<Kind>, ctx: &TextContext) -> Draft {
    let line = lines[0].0;
    let mut notes = Vec::new();
    let note = |field: &str, p: Problem| CellError { line, column: None, header: None, field: field.into(), message: p };
    let mut labelled = Vec::new();
    let mut prose = Vec::new();
    for (_, l) in lines {
        match label_of(l) {
            Some(pair) => labelled.push(pair),
            None => prose.push(l.as_str()),
        }
    }
    let (title, body) = match prose.split_first() {
        Some((first, rest)) if lines.len() > 1 && is_heading(first) => (first.to_string(), rest.join(" ")),
        _ => (first_sentence(&prose.join(" ")), prose.join(" ")),
    };
    let values: Vec<&str> = labelled.iter().map(|(_, v)| *v).collect();
    let whole = format!("{title}. {body} {}", values.join(". "));
    let label = |names: &[&str]| labelled.iter().find(|(l, _)| names.contains(l)).map(|(_, v)| *v);

    let kind = kind_from_words(&title)
        .or(if label(&["objetivo del curso", "participantes"]).is_some() { Some(Kind::Training) } else { None })
        .or(section)
        .or_else(|| kind_from_words(&first_sentence(&body)))
        .unwrap_or(Kind::Other);
    let mut input = ActivityInput { kind: kind.as_str().into(), title: title.clone(), ..Default::default() };

    let span = match label(&["fecha", "fechas"]) {
        Some(v) => Some(parse_date(v, &ctx.dates)),
        None => find_date(&title, &ctx.dates).or_else(|| find_date(&body, &ctx.dates)).map(|(r, _)| r),
    };
    match span {
        Some(Ok(span)) => set_dates(&mut input, &span),
        Some(Err(p)) => notes.push(note("start_date", p)),
        None => notes.push(note("start_date", Problem::new("no se encontró la fecha del elemento", "no date found for the item"))),
    }
    if !body.is_empty() {
        input.summary = Some(body.clone());
    }
    input.modality = match label(&["modalidad"]) {
        Some(v) => Some(Modality::parse(v).map_or(v.to_string(), |m| m.as_str().to_string())),
        None => modality_in(&whole).map(|m| m.as_str().to_string()),
    };
    input.place = label(&["lugar", "sede"]).map(String::from);
    input.countries = countries_in(&whole, ctx);
    input.organisations = organisations_in(&whole, ctx);
    if kind == Kind::Training {
        input.details.objective = label(&["objetivo del curso", "objetivo"]).map(String::from);
        input.details.provider = label(&["imparte", "institucion"]).map(String::from);
        if let Some(v) = label(&["participantes"]) {
            match participants_from_words(v) {
                Some(n) => input.details.participants = Some(n),
                None => notes.push(note(
                    "details.participants",
                    Problem::new(format!("no se entiende el número de participantes «{v}»"), format!("cannot read the participant count «{v}»")),
                )),
            }
        }
    }
    if kind == Kind::Financing {
        if let Some(amount) = amount_in(&body) {
            input.details.amount = Some(amount.value);
            input.details.currency = amount.currency;
            input.details.amount_mxn = amount.mxn;
        }
    }
    complete_details(&mut input, &whole);
    Draft { line, input, notes }
}

fn first_sentence(text: &str) -> String {
    let end = text.find(". ").map_or(text.len(), |i| i);
    let sentence = text[..end].trim_end_matches('.');
    if sentence.chars().count() <= 120 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(120).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}

fn modality_in(text: &str) -> Option<Modality> {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    if words.iter().any(|w| w.starts_with("hibrid")) {
        Some(Modality::Hibrido)
    } else if words.contains(&"virtual") || f.contains("en linea") {
        Some(Modality::Virtual)
    } else if words.contains(&"presencial") {
        Some(Modality::Presencial)
    } else {
        None
    }
}

/// Words with their byte spans in the original text.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Country names in the text, as written, each country once: the longest run of up to four
/// words starting with a capital that names a country ("Costa de Marfil" before "Costa").
/// "Ciudad de México" and "Estado de México" are places, not the country.
fn countries_in(text: &str, ctx: &TextContext) -> Vec<String> {
    let w = words(text);
    let mut found: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let starts_upper = text[w[i].0..].chars().next().is_some_and(char::is_uppercase);
        let before = if i >= 2 { fold(&text[w[i - 2].0..w[i - 1].1]) } else { String::new() };
        if starts_upper && before != "ciudad de" && before != "estado de" {
            let hit = (1..=4.min(w.len() - i)).rev().find_map(|n| {
                let name = &text[w[i].0..w[i + n - 1].1];
                (ctx.country_of)(name).map(|key| (n, name.to_string(), key))
            });
            if let Some((n, name, key)) = hit {
                if !found.iter().any(|(k, _)| *k == key) {
                    found.push((key, name));
                }
                i += n;
                continue;
            }
        }
        i += 1;
    }
    found.into_iter().map(|(_, name)| name).collect()
}

/// Folded, without articles: "Embajada del Perú" and "embajada de peru" compare equal.
fn match_key(text: &str) -> String {
    let f = fold(text);
    let kept: Vec<&str> = f.split(' ').filter(|w| !matches!(*w, "el" | "la" | "los" | "las")).map(|w| if w == "del" { "de" } else { w }).collect();
    format!(" {} ", kept.join(" "))
}

/// Words that start the name of an institution after "con": "Reunión con la Embajada de…".
const INSTITUTION_WORDS: &[&str] = &[
    "embajada", "consulado", "gobierno", "alcaldia", "municipalidad", "prefeitura", "intendencia", "secretaria",
    "ministerio", "agencia", "banco", "fundacion", "universidad", "organizacion", "programa", "oficina", "comision",
    "delegacion", "camara", "instituto",
];

fn organisations_in(text: &str, ctx: &TextContext) -> Vec<OrgMention> {
    let key = match_key(text);
    let mut out: Vec<String> = ctx.known_organisations.iter().filter(|o| key.contains(&match_key(o))).cloned().collect();
    // "con la Embajada de Perú": the institution named after "con", up to the clause's end.
    for (pos, _) in text.match_indices(" con ") {
        let after = text[pos + 5..].trim_start();
        let after = ["la ", "el ", "los ", "las "].iter().find_map(|a| after.strip_prefix(a)).unwrap_or(after);
        let name_end = after.find([',', '.', ';', ':', '(']).unwrap_or(after.len());
        let mut name = &after[..name_end];
        for stop in [" y ", " e ", " en ", " para ", " sobre ", " con ", " a fin "] {
            name = name.split(stop).next().unwrap_or("");
        }
        let name = name.trim();
        let first = fold(name.split(' ').next().unwrap_or(""));
        if INSTITUTION_WORDS.contains(&first.as_str()) && name.chars().next().is_some_and(char::is_uppercase) {
            let k = match_key(name);
            if !out.iter().any(|o| match_key(o) == k || k.contains(&match_key(o))) {
                out.push(name.to_string());
            }
        }
    }
    out.into_iter().map(OrgMention::Name).collect()
}

/// The first amount with a currency in the text: "un monto de 308,000 USD (6,344,800 mxn)".
fn amount_in(text: &str) -> Option<super::amounts::Amount> {
    let w = words(text);
    for (i, (start, _)) in w.iter().enumerate() {
        if !text[*start..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // The longest reading wins: "308,000 USD (6,344,800 mxn)" over "308,000 USD".
        let best = (i..w.len().min(i + 8))
            .rev()
            .find_map(|j| {
                let mut end = w[j].1;
                if text[end..].starts_with(')') {
                    end += 1;
                }
                parse_amount(&text[*start..end]).ok().filter(|a| a.currency.is_some())
            });
        if best.is_some() {
            return best;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(words: &str) -> Option<String> {
        match fold(words).as_str() {
            "peru" => Some("PE".into()),
            "mexico" => Some("MX".into()),
            "colombia" => Some("CO".into()),
            "costa de marfil" => Some("CI".into()),
            _ => None,
        }
    }

    fn ctx<'a>(orgs: &'a [String]) -> TextContext<'a> {
        TextContext { dates: DateContext::year(2021), known_organisations: orgs, country_of: &country }
    }

    #[test]
    fn reference_lookup_takes_names_not_acronyms() {
        assert_eq!(reference_country("Perú").as_deref(), Some("PE"));
        assert_eq!(reference_country("Costa de Marfil").as_deref(), Some("CI"));
        assert_eq!(reference_country("CAF"), None);
        assert_eq!(reference_country("Coordinación"), None);
    }

    #[test]
    fn pdf_residue_is_cleaned() {
        let text = "Informe 2021\nUno con la Ayunta-\nmiento.\n12\nInforme 2021\n\nDos\nInforme 2021\n";
        let lines: Vec<String> = clean_lines(text).into_iter().map(|(_, l)| l).collect();
        assert_eq!(lines, vec!["Uno con la Ayuntamiento.", "", "Dos"]);
    }

    #[test]
    fn countries_longest_first_and_not_the_city() {
        let orgs = [];
        let c = ctx(&orgs);
        assert_eq!(countries_in("Con Costa de Marfil, Perú y Colombia, en la Ciudad de México.", &c), vec!["Costa de Marfil", "Perú", "Colombia"]);
        assert_eq!(countries_in("Reunión con Perú y el Perú", &c), vec!["Perú"]);
    }

    #[test]
    fn organisations_known_and_after_con() {
        let orgs = ["Embajada del Perú".to_string(), "PNUD".to_string()];
        let c = ctx(&orgs);
        let found = organisations_in("Reunión con la Embajada de Perú y el pnud, para la agenda.", &c);
        assert_eq!(found, vec![OrgMention::Name("Embajada del Perú".into()), OrgMention::Name("PNUD".into())]);
        let found = organisations_in("Reunión con la Agencia de Cooperación de Chile para el proyecto.", &c);
        assert_eq!(found, vec![OrgMention::Name("Agencia de Cooperación de Chile".into())]);
    }

    #[test]
    fn amounts_in_prose() {
        let a = amount_in("con un monto otorgado de 308,000 USD (6,344,800 mxn) por parte de UK PACT").unwrap();
        assert_eq!((a.value.to_string(), a.currency.as_deref(), a.mxn.map(|m| m.to_string())), ("308000".into(), Some("USD"), Some("6344800".into())));
        assert_eq!(amount_in("recibió 19 mil 500 libras esterlinas.").unwrap().value.to_string(), "19500");
        assert!(amount_in("participaron 35 personas").is_none());
    }
}

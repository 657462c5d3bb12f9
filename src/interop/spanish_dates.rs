//! Dates as liaison offices write them in spreadsheets and reports.
//!
//! `27/07/2021`, `2021-07-27`, `27 de julio de 2021`, `del 3 al 5 de agosto de 2021`,
//! `20 julio` (year from the period), `Ago 7, 2025`, `(octubre a noviembre)`, `OCTUBRE`,
//! `(3, 8, 10 y 14 de septiembre)`, `A partir del 27 de septiembre de 2021`, `2021-2`
//! (second semester), Excel serial numbers. The text is cut into tokens (numbers, month
//! names, range and list words); the tokens of one expression are grouped at the range word
//! and each side borrows the month or year it lacks from the other, as Spanish prose does.

use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use super::problem::Problem;
use crate::domain::{PartialDate, Precision};
use crate::text::fold;

/// What the text leaves implicit: the year of "20 julio".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// Year used when a date names none.
    pub default_year: Option<i32>,
    /// The report period (first and last day); when set, a month without a year takes the
    /// year that puts it inside the period ("enero" in July 2021–June 2022 is 2022).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Figures run month/day/year, as a person typing in the English window writes them
    /// ("07/27/2021"); otherwise day/month/year, as Mexico writes them.
    pub month_first: bool,
}

impl DateContext {
    /// How a person typing in the window's language writes dates in figures.
    pub fn typed_in(lang: crate::Lang) -> Self {
        DateContext { month_first: lang == crate::Lang::En, ..DateContext::default() }
    }

    pub fn year(year: i32) -> Self {
        DateContext { default_year: Some(year), ..DateContext::default() }
    }

    /// The context of a report period written as offices write it: "2021-2" (second
    /// semester), "2021", "julio a diciembre de 2021", "2021-07-01 al 2021-12-31".
    pub fn for_period(text: &str) -> Result<DateContext, Problem> {
        let span = parse_date(text, &DateContext::default())?;
        let last = span.end.unwrap_or(span.start).last_day();
        Ok(DateContext { period: Some((span.start.first_day(), last)), ..DateContext::default() })
    }

    fn year_for(&self, month: Option<u32>) -> Option<i32> {
        if let (Some((from, to)), Some(m)) = (self.period, month) {
            if let Some(y) = (from.year()..=to.year()).find(|y| {
                NaiveDate::from_ymd_opt(*y, m, 1).is_some_and(|d| d <= to && PartialDate::month(*y, m).is_some_and(|p| p.last_day() >= from))
            }) {
                return Some(y);
            }
        }
        self.default_year.or(self.period.map(|(from, _)| from.year()))
    }
}

/// A date or span read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// "HH:MM" when the value carried a time of day.
    pub start_time: Option<String>,
    /// The wording as written, kept when it was not plain ISO (`2021-07-27`).
    pub date_text: Option<String>,
}

/// Reads a whole cell as a date or span. Every word of the cell must belong to the date.
pub fn parse_date(text: &str, ctx: &DateContext) -> Result<DateSpan, Problem> {
    let trimmed = text.trim().trim_matches(|c| c == '(' || c == ')').trim();
    if trimmed.is_empty() {
        return Err(Problem::new("la fecha está vacía", "the date is empty"));
    }
    if let Some(iso) = ctx.month_first.then(|| us_figures_as_iso(trimmed)).flatten() {
        return parse_date(&iso, &DateContext::default());
    }
    if let Ok(iso) = trimmed.parse::<PartialDate>() {
        return Ok(DateSpan { start: iso, end: None, start_time: None, date_text: None });
    }
    if let Some(span) = semester(trimmed) {
        return Ok(span);
    }
    if let Some((date, time)) = excel_serial_text(trimmed) {
        return Ok(DateSpan { start: PartialDate::day(date), end: None, start_time: time, date_text: None });
    }
    let (body, time) = split_time(trimmed);
    let tokens = tokenize(body);
    if let Some(t) = tokens.iter().find(|t| matches!(t.tok, Tok::Word | Tok::Break)) {
        let word = &body[t.span.clone()];
        return Err(Problem::new(
            format!("no se reconoce «{word}» como parte de una fecha en «{trimmed}»"),
            format!("«{word}» is not part of a date in «{trimmed}»"),
        ));
    }
    let mut span = interpret(&tokens, ctx, trimmed)?;
    span.start_time = time;
    let plain_iso = span.end.is_none() && span.start.precision() == Precision::Day && body.trim() == span.start.to_string();
    if !plain_iso {
        span.date_text = Some(trimmed.to_string());
    }
    Ok(span)
}

/// "07/27/2021" (month, day, year) as "2021-07-27".
fn us_figures_as_iso(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split('/').collect();
    let [month, day, year] = parts.as_slice() else { return None };
    let (month, day, year): (u32, u32, i32) = (month.parse().ok()?, day.parse().ok()?, year.parse().ok()?);
    (year >= 1000).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Finds the first date expression in running text; returns how it read and where it is.
/// An expression with a month (a full name, or an abbreviation next to a number) wins over
/// a bare year found earlier, so "Agenda 2030 … 27 de julio" finds the day; "Mar del Plata"
/// is no date.
pub fn find_date(text: &str, ctx: &DateContext) -> Option<(Result<DateSpan, Problem>, Range<usize>)> {
    let tokens = tokenize(text);
    let mut year_only = None;
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].tok.is_date_atom() {
            i += 1;
            continue;
        }
        // A year (or a whole numeric date) closes an expression unless a range word follows:
        // "Agenda 2030, el 3 de agosto" is two expressions, "de 2021 al 28 de enero" one.
        let mut j = i;
        let (mut closed, mut ranged) = (false, false);
        while j < tokens.len() && tokens[j].tok.continues_date() {
            match tokens[j].tok {
                Tok::Full(_) if closed && !ranged => break,
                Tok::Num { digits: 4, .. } | Tok::Full(_) => (closed, ranged) = (true, false),
                Tok::RangeSep => ranged = true,
                ref t if t.is_date_atom() && closed && !ranged => break,
                _ => {}
            }
            j += 1;
        }
        let mut run = &tokens[i..j];
        while run.last().is_some_and(|t| !t.tok.is_date_atom()) {
            run = &run[..run.len() - 1];
        }
        let has_number = run.iter().any(|t| matches!(t.tok, Tok::Num { .. }));
        let has_month = run.iter().any(|t| match t.tok {
            Tok::Full(_) | Tok::Month { abbrev: false, .. } => true,
            Tok::Month { abbrev: true, .. } => has_number,
            _ => false,
        });
        let is_year = |t: &Token| matches!(t.tok, Tok::Num { value: 1900..=2100, digits: 4 });
        if has_month || (year_only.is_none() && run.iter().all(|t| is_year(t) || !t.tok.is_date_atom())) {
            // The wording keeps a leading "del"/"desde"/"entre": "Del 22 de noviembre … al …".
            let opener = i.checked_sub(1).map(|k| &tokens[k]).filter(|t| {
                t.tok == Tok::Filler && ["del", "desde", "entre"].contains(&fold(&text[t.span.clone()]).as_str())
            });
            let range = opener.map_or(run[0].span.start, |t| t.span.start)..run[run.len() - 1].span.end;
            let wording = &text[range.clone()];
            let result = interpret(run, ctx, wording).map(|mut s| {
                s.date_text = Some(wording.to_string());
                s
            });
            if has_month {
                return Some((result, range));
            }
            year_only = Some((result, range));
        }
        i = j;
    }
    year_only
}

/// Converts an Excel serial day number (1900 date system) to a date and time of day.
pub fn from_excel_serial(serial: f64) -> Option<(NaiveDate, Option<String>)> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.trunc() as i64;
    // Excel counts a 29 February 1900 that never was; serials from 61 on are one day late.
    let base = if days >= 61 { NaiveDate::from_ymd_opt(1899, 12, 30)? } else { NaiveDate::from_ymd_opt(1899, 12, 31)? };
    let date = base.checked_add_signed(chrono::Duration::days(days))?;
    let minutes = ((serial.fract() * 1440.0).round() as u32).min(1439);
    let time = (minutes > 0).then(|| format!("{:02}:{:02}", minutes / 60, minutes % 60));
    Some((date, time))
}

fn excel_serial_text(text: &str) -> Option<(NaiveDate, Option<String>)> {
    let int_part = text.split('.').next()?;
    if int_part.len() != 5 || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    from_excel_serial(text.parse().ok()?)
}

/// "2021-1" and "2021-2": the first and second semester, the reporting periods.
fn semester(text: &str) -> Option<DateSpan> {
    let (y, s) = text.split_once('-')?;
    let year: i32 = y.parse().ok().filter(|_| y.len() == 4)?;
    let (first, last) = match s {
        "1" => (1, 6),
        "2" => (7, 12),
        _ => return None,
    };
    Some(DateSpan {
        start: PartialDate::month(year, first)?,
        end: PartialDate::month(year, last),
        start_time: None,
        date_text: Some(text.to_string()),
    })
}

/// Splits a trailing time of day: "2021-07-27 10:30", "27/07/2021 5:00 pm", "2021-07-27T09:00:00".
fn split_time(text: &str) -> (&str, Option<String>) {
    let Some(colon) = text.find(':') else { return (text, None) };
    let Some(at) = text[..colon].rfind([' ', 'T']) else { return (text, None) };
    match parse_time(&text[at + 1..]) {
        Some(t) => (text[..at].trim(), Some(t)),
        None => (text, None),
    }
}

/// A time of day as "HH:MM": "10:30", "17:00 hrs", "5:00 pm", "09:15:00".
pub fn parse_time(text: &str) -> Option<String> {
    let text = text.trim();
    let clock_len = text.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(text.len());
    let clock = &text[..clock_len];
    let pm = match fold(&text[clock_len..]).as_str() {
        "" | "h" | "hrs" | "hr" | "horas" | "am" | "a m" => false,
        "pm" | "p m" => true,
        _ => return None,
    };
    let t = NaiveTime::parse_from_str(clock, "%H:%M").or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M:%S")).ok()?;
    let t = if pm && t.hour() < 12 { t + chrono::Duration::hours(12) } else { t };
    Some(t.format("%H:%M").to_string())
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A number as written; `digits` tells a day (1–2) from a year (4).
    Num { value: u32, digits: usize },
    Month { month: u32, abbrev: bool },
    /// A numeric date: `27/07/2021`, `2021-07-27`.
    Full(NaiveDate),
    /// "al", "a", "hasta", "-": start and end.
    RangeSep,
    /// "y", "e", ",": items of a list.
    ListSep,
    /// Words that may stand inside a date: "de", "del", "el", "lunes"…
    Filler,
    /// A sentence or clause boundary: ".", ":", ";".
    Break,
    Word,
}

impl Tok {
    fn is_date_atom(&self) -> bool {
        matches!(self, Tok::Num { .. } | Tok::Month { .. } | Tok::Full(_))
    }

    fn continues_date(&self) -> bool {
        !matches!(self, Tok::Break | Tok::Word)
    }
}

struct Token {
    tok: Tok,
    span: Range<usize>,
}

const MONTH_WORDS: &[(&str, u32)] = &[
    ("enero", 1), ("ene", 1), ("january", 1), ("jan", 1),
    ("febrero", 2), ("feb", 2), ("february", 2),
    ("marzo", 3), ("mar", 3), ("march", 3),
    ("abril", 4), ("abr", 4), ("april", 4), ("apr", 4),
    ("mayo", 5), ("may", 5),
    ("junio", 6), ("jun", 6), ("june", 6),
    ("julio", 7), ("jul", 7), ("july", 7),
    ("agosto", 8), ("ago", 8), ("august", 8), ("aug", 8),
    ("septiembre", 9), ("setiembre", 9), ("sep", 9), ("sept", 9), ("set", 9), ("september", 9),
    ("octubre", 10), ("oct", 10), ("october", 10),
    ("noviembre", 11), ("nov", 11), ("november", 11),
    ("diciembre", 12), ("dic", 12), ("december", 12), ("dec", 12),
];

/// The month a word names, and whether the word is an abbreviation ("ago", "sept").
fn month_of(word: &str) -> Option<(u32, bool)> {
    let (_, month) = MONTH_WORDS.iter().find(|(w, _)| *w == word)?;
    let full = crate::domain::date::MONTHS_ES.contains(&word)
        || word == "setiembre"
        || crate::domain::date::MONTHS_EN.iter().any(|m| m.eq_ignore_ascii_case(word));
    Some((*month, !full))
}

const FILLERS: &[&str] = &[
    "de", "del", "el", "la", "los", "las", "dia", "dias", "desde", "entre", "durante", "en", "partir", "of", "the",
    "on", "from", "between", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "o", "ro",
    "er", "st", "nd", "rd", "th",
];

fn word_token(folded: &str) -> Tok {
    if let Some((month, abbrev)) = month_of(folded) {
        return Tok::Month { month, abbrev };
    }
    match folded {
        "al" | "a" | "hasta" | "to" | "till" | "until" => Tok::RangeSep,
        "y" | "e" | "and" => Tok::ListSep,
        w if FILLERS.contains(&w) => Tok::Filler,
        _ => Tok::Word,
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |(i, _)| *i);
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if c.is_ascii_digit() {
            let mut e = k;
            while e < chars.len() && (chars[e].1.is_ascii_digit() || "/-.".contains(chars[e].1) && chars.get(e + 1).is_some_and(|n| n.1.is_ascii_digit())) {
                e += 1;
            }
            let word = &text[start..end_of(e)];
            match numeric_date(word) {
                Some(date) => out.push(Token { tok: Tok::Full(date), span: start..end_of(e) }),
                None => {
                    // Not a whole numeric date: keep the leading number, read the rest again.
                    let mut d = k;
                    while d < chars.len() && chars[d].1.is_ascii_digit() {
                        d += 1;
                    }
                    let digits = &text[start..end_of(d)];
                    let tok = digits
                        .parse()
                        .ok()
                        .filter(|_| digits.len() <= 4)
                        .map_or(Tok::Word, |value| Tok::Num { value, digits: digits.len() });
                    out.push(Token { tok, span: start..end_of(d) });
                    e = d;
                }
            }
            k = e;
        } else if c.is_alphabetic() {
            let mut e = k;
            while e < chars.len() && chars[e].1.is_alphabetic() {
                e += 1;
            }
            let folded = fold(&text[start..end_of(e)]);
            let mut tok = word_token(&folded);
            // "a partir del 27…": an open start, not a range.
            if folded == "partir" && out.last().is_some_and(|t| t.tok == Tok::RangeSep) {
                out.last_mut().expect("checked").tok = Tok::Filler;
                tok = Tok::Filler;
            }
            out.push(Token { tok, span: start..end_of(e) });
            k = e;
        } else {
            let tok = match c {
                '-' | '–' | '—' => Some(Tok::RangeSep),
                ',' => Some(Tok::ListSep),
                // "Ago. 7": the period of an abbreviation is no sentence end.
                '.' if out.last().is_some_and(|t| matches!(t.tok, Tok::Month { .. })) => None,
                '.' | ':' | ';' | '/' | '\n' => Some(Tok::Break),
                _ => None,
            };
            if let Some(tok) = tok {
                out.push(Token { tok, span: start..end_of(k + 1) });
            }
            k += 1;
        }
    }
    out
}

/// `27/07/2021`, `27-07-21`, `27.07.2021`, `2021-07-27`, `2021/07/27`; day first as in Mexico,
/// month first only when the day-first reading is impossible (`07/27/2021`).
fn numeric_date(word: &str) -> Option<NaiveDate> {
    let sep = word.chars().find(|c| "/-.".contains(*c))?;
    let parts: Vec<&str> = word.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2]);
    }
    let year = match parts[2].len() {
        4 => n[2] as i32,
        2 => 2000 + n[2] as i32 - if n[2] >= 70 { 100 } else { 0 },
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, n[1], n[0]).or_else(|| NaiveDate::from_ymd_opt(year, n[0], n[1]))
}

/// One side of a span: the days, months and years it names.
#[derive(Default, Debug)]
struct Side {
    days: Vec<u32>,
    months: Vec<u32>,
    years: Vec<i32>,
    full: Vec<NaiveDate>,
}

fn interpret(tokens: &[Token], ctx: &DateContext, wording: &str) -> Result<DateSpan, Problem> {
    let mut sides = vec![Side::default()];
    for t in tokens {
        let side = sides.last_mut().expect("one side at least");
        match t.tok {
            Tok::Num { value, digits: 4 } if (1900..=2100).contains(&value) => side.years.push(value as i32),
            Tok::Num { value, digits } if digits <= 2 => side.days.push(value),
            Tok::Num { .. } => return Err(not_a_date(wording)),
            Tok::Month { month, .. } => side.months.push(month),
            Tok::Full(d) => side.full.push(d),
            Tok::RangeSep => sides.push(Side::default()),
            Tok::ListSep | Tok::Filler => {}
            Tok::Break | Tok::Word => return Err(not_a_date(wording)),
        }
    }
    sides.retain(|s| !(s.days.is_empty() && s.months.is_empty() && s.years.is_empty() && s.full.is_empty()));
    if sides.is_empty() || sides.len() > 2 {
        return Err(not_a_date(wording));
    }
    // Each side borrows what it lacks from the other: "del 3 al 5 de agosto de 2021".
    if sides.len() == 2 {
        let (a, b) = sides.split_at_mut(1);
        let (start, end) = (&mut a[0], &mut b[0]);
        if start.full.is_empty() && !start.days.is_empty() && start.months.is_empty() {
            start.months = end.months.first().copied().or_else(|| end.full.first().map(|d| d.month())).into_iter().collect();
        }
        if start.full.is_empty() && start.years.is_empty() {
            start.years = end.years.first().copied().or_else(|| end.full.first().map(|d| d.year())).into_iter().collect();
        }
        if end.full.is_empty() && end.years.is_empty() {
            end.years = start.years.last().copied().into_iter().collect();
        }
    }
    let mut points = Vec::new();
    for side in &sides {
        points.extend(side_points(side, ctx, wording)?);
    }
    let start = points[0];
    let mut end = *points.last().expect("at least one point");
    // "del 20 de diciembre al 5 de enero" with the year implied: the end is in the next year.
    if end.first_day() < start.first_day() && sides.len() == 2 && sides[1].years.is_empty() {
        end = shift_year(end, 1);
    }
    if end.last_day() < start.first_day() {
        return Err(Problem::new(
            format!("en «{wording}» la fecha final es anterior a la inicial"),
            format!("in «{wording}» the end date is before the start date"),
        ));
    }
    Ok(DateSpan { start, end: (end != start).then_some(end), start_time: None, date_text: None })
}

fn side_points(side: &Side, ctx: &DateContext, wording: &str) -> Result<Vec<PartialDate>, Problem> {
    if !side.full.is_empty() {
        if !side.days.is_empty() || !side.months.is_empty() {
            return Err(not_a_date(wording));
        }
        return Ok(side.full.iter().map(|d| PartialDate::day(*d)).collect());
    }
    let year_of = |month: Option<u32>| -> Result<i32, Problem> {
        side.years.first().copied().or_else(|| ctx.year_for(month)).ok_or_else(|| {
            Problem::new(
                format!("«{wording}» no dice el año; indique el año o el periodo del documento"),
                format!("«{wording}» names no year; give the year or the document's period"),
            )
        })
    };
    if !side.days.is_empty() {
        let months: Vec<u32> = match side.months.len() {
            1 => vec![side.months[0]; side.days.len()],
            n if n == side.days.len() => side.months.clone(),
            0 => return Err(Problem::new(format!("«{wording}» no dice el mes"), format!("«{wording}» names no month"))),
            _ => return Err(not_a_date(wording)),
        };
        return side
            .days
            .iter()
            .zip(months)
            .map(|(&day, month)| {
                let year = year_of(Some(month))?;
                NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::day).ok_or_else(|| {
                    Problem::new(
                        format!("el día {day} no existe en {} de {year} («{wording}»)", crate::domain::date::MONTHS_ES[month as usize - 1]),
                        format!("day {day} does not exist in {} {year} («{wording}»)", crate::domain::date::MONTHS_EN[month as usize - 1]),
                    )
                })
            })
            .collect();
    }
    if !side.months.is_empty() {
        return side
            .months
            .iter()
            .map(|&m| Ok(PartialDate::month(year_of(Some(m))?, m).expect("month from the table")))
            .collect();
    }
    side.years.iter().map(|&y| PartialDate::year(y).ok_or_else(|| not_a_date(wording))).collect()
}

fn shift_year(date: PartialDate, years: i32) -> PartialDate {
    let first = date.first_day();
    let moved = NaiveDate::from_ymd_opt(first.year() + years, first.month(), first.day()).unwrap_or(first);
    PartialDate::from_parts(moved, date.precision())
}

fn not_a_date(wording: &str) -> Problem {
    Problem::new(
        format!("no se entiende la fecha «{wording}» (ejemplos: 27/07/2021, 2021-07-27, 27 de julio de 2021)"),
        format!("cannot read the date «{wording}» (examples: 27/07/2021, 2021-07-27, 27 July 2021)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> (String, Option<String>) {
        let s = parse_date(text, &DateContext::year(2021)).unwrap_or_else(|e| panic!("{text}: {e}"));
        (s.start.to_string(), s.end.map(|e| e.to_string()))
    }

    fn one(text: &str) -> String {
        let (start, end) = span(text);
        assert_eq!(end, None, "{text} should be a single date");
        start
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(one("27/07/2021"), "2021-07-27");
        assert_eq!(one("2021-07-27"), "2021-07-27");
        assert_eq!(one("27-07-21"), "2021-07-27");
        assert_eq!(one("27.07.2021"), "2021-07-27");
        assert_eq!(one("2021/07/27"), "2021-07-27");
        assert_eq!(one("07/27/2021"), "2021-07-27", "month-first only when day-first is impossible");
        assert_eq!(one("03/08/2021"), "2021-08-03", "day first as in Mexico");
        assert_eq!(one("2021-10"), "2021-10");
        assert_eq!(one("2016"), "2016");
    }

    #[test]
    fn iso_keeps_no_wording_and_prose_keeps_it() {
        let ctx = DateContext::year(2021);
        assert_eq!(parse_date("2021-07-27", &ctx).unwrap().date_text, None);
        assert_eq!(parse_date("27/07/2021", &ctx).unwrap().date_text.as_deref(), Some("27/07/2021"));
        assert_eq!(parse_date(" 20 julio ", &ctx).unwrap().date_text.as_deref(), Some("20 julio"));
    }

    #[test]
    fn spanish_prose() {
        assert_eq!(one("27 de julio de 2021"), "2021-07-27");
        assert_eq!(one("el 21 de febrero de 2026"), "2026-02-21");
        assert_eq!(one("20 julio"), "2021-07-20");
        assert_eq!(one("(06 de agosto)"), "2021-08-06");
        assert_eq!(one("Lunes 2 de agosto de 2021"), "2021-08-02");
        assert_eq!(one("1o de julio"), "2021-07-01");
        assert_eq!(one("A partir del 27 de septiembre de 2021"), "2021-09-27");
    }

    #[test]
    fn abbreviated_and_english() {
        assert_eq!(one("Ago 7, 2025"), "2025-08-07");
        assert_eq!(one("Ene 20, 2026"), "2026-01-20");
        assert_eq!(one("Sept. 3, 2021"), "2021-09-03");
        assert_eq!(one("July 27, 2021"), "2021-07-27");
        assert_eq!(one("27 Dec 2021"), "2021-12-27");
    }

    #[test]
    fn ranges() {
        assert_eq!(span("del 3 al 5 de agosto de 2021"), ("2021-08-03".into(), Some("2021-08-05".into())));
        assert_eq!(span("Del 1 de julio al 27 de agosto"), ("2021-07-01".into(), Some("2021-08-27".into())));
        assert_eq!(span("del 4 al 9 de octubre"), ("2021-10-04".into(), Some("2021-10-09".into())));
        assert_eq!(span("3-5 de agosto de 2021"), ("2021-08-03".into(), Some("2021-08-05".into())));
        assert_eq!(
            span("del 22 de noviembre de 2021 al 28 de enero de 2022"),
            ("2021-11-22".into(), Some("2022-01-28".into()))
        );
        assert_eq!(span("del 20 de diciembre al 5 de enero"), ("2021-12-20".into(), Some("2022-01-05".into())));
        assert_eq!(span("27/07/2021 al 29/07/2021"), ("2021-07-27".into(), Some("2021-07-29".into())));
    }

    #[test]
    fn month_and_year_precision() {
        assert_eq!(one("OCTUBRE"), "2021-10");
        assert_eq!(one("(Octubre)"), "2021-10");
        assert_eq!(one("octubre de 2019"), "2019-10");
        assert_eq!(span("(octubre a noviembre)"), ("2021-10".into(), Some("2021-11".into())));
        assert_eq!(span("2014 y 2016"), ("2014".into(), Some("2016".into())));
        assert_eq!(span("2021-2"), ("2021-07".into(), Some("2021-12".into())));
        assert_eq!(span("2021-1"), ("2021-01".into(), Some("2021-06".into())));
    }

    #[test]
    fn lists_of_days_span_first_to_last() {
        assert_eq!(span("(3, 8, 10 y 14 de septiembre)"), ("2021-09-03".into(), Some("2021-09-14".into())));
    }

    #[test]
    fn times_of_day() {
        let s = parse_date("2021-07-27 10:30", &DateContext::default()).unwrap();
        assert_eq!((s.start.to_string(), s.start_time.as_deref()), ("2021-07-27".into(), Some("10:30")));
        let s = parse_date("27/07/2021 17:00 hrs", &DateContext::default()).unwrap();
        assert_eq!(s.start_time.as_deref(), Some("17:00"));
        assert_eq!(parse_date("27/07/2021 5:00 pm", &DateContext::default()).unwrap().start_time.as_deref(), Some("17:00"));
        let s = parse_date("2021-07-27T09:15:00", &DateContext::default()).unwrap();
        assert_eq!((s.start.to_string(), s.start_time.as_deref()), ("2021-07-27".into(), Some("09:15")));
    }

    #[test]
    fn excel_serials() {
        assert_eq!(one("44404"), "2021-07-27");
        let (d, t) = from_excel_serial(44404.5).unwrap();
        assert_eq!((d.to_string(), t.as_deref()), ("2021-07-27".into(), Some("12:00")));
        assert_eq!(from_excel_serial(59.0).unwrap().0.to_string(), "1900-02-28");
        assert_eq!(from_excel_serial(61.0).unwrap().0.to_string(), "1900-03-01");
        assert_eq!(from_excel_serial(0.0), None);
    }

    #[test]
    fn the_period_decides_the_year() {
        let ctx = DateContext {
            default_year: None,
            period: Some((NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(), NaiveDate::from_ymd_opt(2022, 6, 30).unwrap())),
            month_first: false,
        };
        assert_eq!(parse_date("20 enero", &ctx).unwrap().start.to_string(), "2022-01-20");
        assert_eq!(parse_date("20 julio", &ctx).unwrap().start.to_string(), "2021-07-20");
    }

    #[test]
    fn periods_as_offices_write_them() {
        let ctx = DateContext::for_period("2021-2").unwrap();
        assert_eq!(parse_date("20 julio", &ctx).unwrap().start.to_string(), "2021-07-20");
        let ctx = DateContext::for_period("julio de 2021 a junio de 2022").unwrap();
        assert_eq!(parse_date("3 de marzo", &ctx).unwrap().start.to_string(), "2022-03-03");
        assert!(DateContext::for_period("julio").is_err(), "a period needs its year");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let ctx = DateContext::year(2021);
        let e = parse_date("81 de agosto", &ctx).unwrap_err();
        assert!(e.es.contains("el día 81 no existe en agosto de 2021"), "{e}");
        let e = parse_date("20 julio", &DateContext::default()).unwrap_err();
        assert!(e.es.contains("no dice el año"), "{e}");
        let e = parse_date("pendiente", &ctx).unwrap_err();
        assert!(e.es.contains("«pendiente»"), "{e}");
        assert!(parse_date("31/02/2021", &ctx).is_err());
        assert!(parse_date("", &ctx).is_err());
        assert!(parse_date("del 5 al 3 de agosto de 2021", &ctx).unwrap_err().es.contains("anterior"));
    }

    #[test]
    fn finds_dates_in_running_text() {
        let ctx = DateContext::year(2021);
        let text = "El pasado 27 de julio, a solicitud de la Embajada, se iluminó el Ángel.";
        let (found, range) = find_date(text, &ctx).unwrap();
        assert_eq!(found.unwrap().start.to_string(), "2021-07-27");
        assert_eq!(&text[range], "27 de julio");

        let text = "Se realizó del 4 al 9 de octubre de 2021 con 35 personas.";
        let (found, range) = find_date(text, &ctx).unwrap();
        let found = found.unwrap();
        assert_eq!((found.start.to_string(), found.end.unwrap().to_string()), ("2021-10-04".into(), "2021-10-09".into()));
        assert_eq!(&text[range], "del 4 al 9 de octubre de 2021");

        let (found, _) = find_date("En el marco de la Agenda 2030, el 3 de agosto de 2021", &ctx).unwrap();
        assert_eq!(found.unwrap().start.to_string(), "2021-08-03");

        assert!(find_date("Reunión en Mar del Plata con 15 personas", &ctx).is_none());
        let (found, _) = find_date("27 julio: Celebración del Bicentenario de Perú", &ctx).unwrap();
        assert_eq!(found.unwrap().start.to_string(), "2021-07-27");
    }
}

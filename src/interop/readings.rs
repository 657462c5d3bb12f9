//! One reader per kind of value, as people type it and sheets hold it: amounts, dates, whole
//! numbers, currencies, choices and countries. The app's form and the spreadsheet import both
//! read through here, so "20.000,50" is the same amount and "27/07/2021" the same day wherever
//! they are written, and a value that reads several ways ("1.500", "corea") is asked about,
//! never guessed.

use serde::Serialize;
use serde_json::{json, Value};
use ts_rs::TS;

use super::amounts::{currency_code, parse_amount};
use super::spanish_dates::{parse_date, DateContext, DateSpan};
use super::vocabulary::{agreement_type_from_words, direction_from_words, participants_from_words};
use super::problem::{Problem, Unread};
use crate::domain::date::{format_range_en, format_range_es};
use crate::domain::{Alternative, DetailField, FieldType};
use crate::reference::{resolve_country, Country};
use crate::report::numbers::format_amount;
use crate::text::fold;
use crate::{Lang, Text};

/// A detail read from text: its interchange value and, for figures and dates, how it reads
/// back to a person ("20,000.50", "27 de julio de 2021"). An amount may name its currency.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadDetail {
    pub value: Value,
    pub shown: Option<Text>,
    pub currency: Option<String>,
}

impl ReadDetail {
    fn plain(value: Value) -> Self {
        ReadDetail { value, shown: None, currency: None }
    }
}

/// Reads the text of one detail field as that field's type.
pub fn read_detail(field: &DetailField, text: &str, ctx: &DateContext) -> Result<ReadDetail, Unread> {
    let text = text.trim();
    Ok(match field.field_type {
        FieldType::Text | FieldType::LongText | FieldType::Country | FieldType::Url => ReadDetail::plain(json!(text)),
        FieldType::List => ReadDetail::plain(json!(split_list(text, false))),
        FieldType::Integer => ReadDetail::plain(json!(read_count(text)?)),
        FieldType::Decimal => {
            let amount = parse_amount(text)?;
            if amount.mxn.is_some() {
                return Err(Problem::new(
                    format!("«{text}»: escriba el equivalente en pesos en su propio campo"),
                    format!("«{text}»: write the MXN equivalent in its own field"),
                )
                .into());
            }
            let shown = format_amount(amount.value, amount.currency.as_deref().unwrap_or(""));
            ReadDetail { value: json!(amount.value.to_string()), shown: Some(Text::new(shown.clone(), shown)), currency: amount.currency }
        }
        FieldType::Date => {
            let span = read_date(text, ctx)?;
            ReadDetail { value: json!(span.start.to_string()), shown: Some(Text::new(span.start.format_es(), span.start.format_en())), currency: None }
        }
        FieldType::Currency => ReadDetail::plain(json!(currency_code(text).ok_or_else(|| Problem::new(
            format!("«{text}» no es una moneda reconocida (p. ej. USD, EUR, GBP, MXN, dólares, libras)"),
            format!("«{text}» is not a known currency (e.g. USD, EUR, GBP, MXN)"),
        ))?)),
        FieldType::Choice => ReadDetail::plain(json!(read_choice(field, text)?)),
    })
}

/// A date or span as offices write it: "2021-07-27", "27/07/2021", "27 de julio de 2021".
pub fn read_date(text: &str, ctx: &DateContext) -> Result<DateSpan, Unread> {
    Ok(parse_date(text, ctx)?)
}

/// What a date field of the app holds once read: the span's first and last days (ISO) and
/// how it reads back in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DateFieldReading {
    pub first: String,
    pub last: String,
    pub shown: Text,
}

/// A date as a person types it into a date field, in the window's language: a day, a month, a
/// year or a span of them ("27/07/2021", "27 de julio de 2021", "julio a diciembre de 2021").
/// Figures run day/month/year in Spanish and month/day/year in English ("07/27/2021"); words
/// read the same in both.
pub fn read_date_field(text: &str, lang: Lang) -> Result<DateFieldReading, Problem> {
    let span = parse_date(text, &DateContext::typed_in(lang))?;
    let last = span.end.unwrap_or(span.start).last_day();
    Ok(DateFieldReading {
        first: span.start.first_day().to_string(),
        last: last.to_string(),
        shown: Text::new(
            format_range_es(&span.start, span.end.as_ref()),
            format_range_en(&span.start, span.end.as_ref()),
        ),
    })
}

/// A whole number, in figures or in words ("veinte", "23 mujeres y 22 hombres" → 45).
pub fn read_count(text: &str) -> Result<u32, Unread> {
    participants_from_words(text)
        .ok_or_else(|| Problem::new(format!("«{text}» no es un número entero; escriba, por ejemplo, 25"), format!("«{text}» is not a whole number; write, for example, 25")).into())
}

/// A country by any name, code or variant. A name several countries share ("Corea") or one
/// close to known names is answered with those countries to choose from.
pub fn read_country(text: &str) -> Result<&'static Country, Unread> {
    resolve_country(text).map_err(|err| Unread {
        choices: err.suggestions.iter().map(|c| Alternative { value: c.name_es.clone(), label: Text::new(c.name_es.clone(), c.name_en.clone()) }).collect(),
        text: crate::Explain::text(&err),
    })
}

/// One of a choice field's values, by its code, its label in either language, or words
/// that say it. A text that names none is answered with the options to choose from.
fn read_choice(field: &DetailField, text: &str) -> Result<String, Unread> {
    if let Some(choice) = field.choice_named(text) {
        return Ok(choice.value.to_string());
    }
    let inferred = match field.key {
        "agreement_type" => agreement_type_from_words(text),
        "direction" => match fold(text).as_str() {
            "entrante" | "recibida" => Some("incoming"),
            "saliente" | "enviada" => Some("outgoing"),
            _ => direction_from_words(text),
        },
        _ => None,
    };
    inferred.map(String::from).ok_or_else(|| Unread {
        text: Text::new(
            format!("«{text}» no es un valor de «{}»; elija {}", field.label_es, field.options_text(Lang::Es)),
            format!("«{text}» is not a value of «{}»; choose {}", field.label_en, field.options_text(Lang::En)),
        ),
        choices: field.options.iter().map(Alternative::from).collect(),
    })
}

/// Splits a list cell. Names of organisations and people may hold commas and "y"
/// ("Secretaría de Medio Ambiente y Recursos Naturales"), so they split only on ";" and
/// new lines; countries and topics also on "," and a final "y".
pub fn split_list(text: &str, loose: bool) -> Vec<String> {
    let mut parts: Vec<String> = text.split([';', '\n']).map(str::to_string).collect();
    if loose {
        parts = parts
            .iter()
            .flat_map(|p| p.split([',', '/']))
            .flat_map(|p| p.split(" y ").flat_map(|q| q.split(" e ")).flat_map(|q| q.split(" and ")))
            .map(str::to_string)
            .collect();
    }
    parts.into_iter().map(|p| p.trim().trim_end_matches('.').trim().to_string()).filter(|p| !p.is_empty()).collect()
}


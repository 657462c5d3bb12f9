//! Domain-aware wording shared by the period report and the brief: dates,
//! country names, kinds in the plural, counterparts, in Spanish or English.

use crate::domain::date::{format_range_en, format_range_es, MONTHS_EN, MONTHS_ES};
use rust_decimal::Decimal;

use crate::domain::{field_named, fields_of, Activity, Details, FieldType, Kind, Modality, PartialDate, Status};

use super::{format_amount, labels, Block, Lang};

pub(crate) fn date(lang: Lang, d: &PartialDate) -> String {
    match lang {
        Lang::Es => d.format_es(),
        Lang::En => d.format_en(),
    }
}

/// "del 3 al 5 de agosto de 2021" / "3–5 August 2021".
pub(crate) fn range(lang: Lang, start: &PartialDate, end: Option<&PartialDate>) -> String {
    match lang {
        Lang::Es => format_range_es(start, end),
        Lang::En => format_range_en(start, end),
    }
}

/// The dates of an activity.
pub(crate) fn when(lang: Lang, a: &Activity) -> String {
    range(lang, &a.start, a.end.as_ref())
}

/// First letter in upper case ("del 1 de julio…" opening a line).
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A country's name from its ISO code (the code itself when unknown).
pub(crate) fn country_name(lang: Lang, code: &str) -> String {
    crate::reference::country(code)
        .map(|c| match lang {
            Lang::Es => c.name_es.to_string(),
            Lang::En => c.name_en.to_string(),
        })
        .unwrap_or_else(|| code.to_string())
}

pub(crate) fn countries(lang: Lang, codes: &[String]) -> String {
    codes.iter().map(|c| country_name(lang, c)).collect::<Vec<_>>().join(", ")
}

pub(crate) fn modality(lang: Lang, m: Modality) -> &'static str {
    match lang {
        Lang::Es => m.label_es(),
        Lang::En => m.label_en(),
    }
}

pub(crate) fn kind(lang: Lang, k: Kind) -> &'static str {
    match lang {
        Lang::Es => k.label_es(),
        Lang::En => k.label_en(),
    }
}

/// A kind as a report's sub-heading names it: in the plural.
pub(crate) fn kind_plural(lang: Lang, k: Kind) -> &'static str {
    labels::kind_plural(k).pick(lang)
}

/// A choice field's stored value as printed: its label from the domain's vocabulary.
pub(crate) fn choice(lang: Lang, key: &str, value: &str) -> String {
    field_named(key).map_or_else(|| value.to_string(), |f| f.shown(value, lang))
}

/// Organisations and people of an activity, people with their posts:
/// "Embajada del Perú; Ana Pérez (Embajadora, Embajada del Perú)".
pub(crate) fn counterparts(a: &Activity) -> String {
    let organisations = a.organisations.iter().map(|o| o.name.clone());
    let people = a.people.iter().map(|p| {
        let about: Vec<&str> = [p.post.as_deref(), p.organisation.as_deref()].into_iter().flatten().collect();
        if about.is_empty() {
            p.name.clone()
        } else {
            format!("{} ({})", p.name, about.join(", "))
        }
    });
    organisations.chain(people).collect::<Vec<_>>().join("; ")
}

/// "27 de julio de 2021 · Perú, Francia · Presencial": the line under an
/// activity's title.
pub(crate) fn facts_line(lang: Lang, a: &Activity) -> String {
    let mut parts = vec![capitalize(&when(lang, a))];
    if let Some(place) = a.place.as_deref().filter(|p| !p.trim().is_empty()) {
        parts.push(place.to_string());
    }
    if !a.countries.is_empty() {
        parts.push(countries(lang, &a.countries));
    }
    if let Some(m) = a.modality {
        parts.push(modality(lang, m).to_string());
    }
    parts.join(" · ")
}

/// An activity's title as a list prints it: marked "(programada)" or "(cancelada)" unless done.
pub(crate) fn title(lang: Lang, a: &Activity) -> String {
    marked(lang, a.status, &a.title)
}

/// `text` naming an activity of this status, marked unless done.
pub(crate) fn marked(lang: Lang, status: Status, text: &str) -> String {
    match status {
        Status::Done => text.to_string(),
        Status::Planned => format!("{text} {}", labels::PLANNED_MARK.pick(lang)),
        Status::Cancelled => format!("{text} {}", labels::CANCELLED_MARK.pick(lang)),
    }
}

/// One activity as an entry of a list: bold title, facts line, its kind's details (but those
/// in `skip`, printed elsewhere), description, counterparts and outcomes (empty parts left out).
pub(crate) fn activity_entry(lang: Lang, a: &Activity, skip: &[&str]) -> Vec<Block> {
    let (counterparts_label, outcomes_label) = (labels::COUNTERPARTS_COLON.pick(lang), labels::OUTCOMES_COLON.pick(lang));
    let blocks = vec![
        Block::Heading { level: 4, text: title(lang, a) },
        Block::Note(facts_line(lang, a)),
        Block::LabelledLines(detail_lines(lang, a, skip)),
        Block::Paragraph(a.summary.clone().unwrap_or_default()),
        Block::LabelledLines(vec![
            (counterparts_label.into(), counterparts(a)),
            (outcomes_label.into(), a.outcomes.clone().unwrap_or_default()),
        ]),
    ];
    blocks.into_iter().filter(|b| !b.is_empty()).collect()
}

/// The kind-specific fields that hold a value, each as "Label:" and its value as a person reads
/// it (labels of choices, dates and amounts in words), in the schema's order; `skip` names the
/// fields printed elsewhere. The currency is printed with the amount.
pub(crate) fn detail_lines(lang: Lang, a: &Activity, skip: &[&str]) -> Vec<(String, String)> {
    details_in_words(lang, a.kind, &a.details, skip)
}

/// [`detail_lines`] of details not yet part of an activity (a version in a sync conflict).
pub(crate) fn details_in_words(lang: Lang, kind: Kind, details: &Details, skip: &[&str]) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(values)) = serde_json::to_value(details) else {
        return Vec::new();
    };
    let currency = details.currency.clone().unwrap_or_default();
    fields_of(kind)
        .iter()
        .filter(|f| f.key != "currency" && !skip.contains(&f.key))
        .filter_map(|field| {
            let text = match (field.field_type, values.get(field.key)?) {
                (FieldType::List, serde_json::Value::Array(items)) => items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join("; "),
                (FieldType::Date, serde_json::Value::String(s)) => s.parse::<PartialDate>().map_or_else(|_| s.clone(), |d| date(lang, &d)),
                (FieldType::Decimal, serde_json::Value::String(s)) if field.key.starts_with("amount") => {
                    let unit = if field.key == "amount_mxn" { "MXN" } else { currency.as_str() };
                    s.parse::<Decimal>().map_or_else(|_| s.clone(), |m| format_amount(m, unit))
                }
                (FieldType::Country, serde_json::Value::String(s)) => country_name(lang, s),
                (FieldType::Choice, serde_json::Value::String(s)) => field.shown(s, lang),
                (_, serde_json::Value::String(s)) => s.clone(),
                (_, other) => other.to_string(),
            };
            Some((format!("{}:", field.label(lang)), text))
        })
        .collect()
}

/// "Perú — capital: Lima; día nacional: 28 de julio (Día de la Independencia)",
/// from the reference data; `None` for an unknown code.
pub(crate) fn country_context(lang: Lang, code: &str) -> Option<String> {
    let country = crate::reference::country(code)?;
    let capital = match lang {
        Lang::Es => country.capital_es.as_ref(),
        Lang::En => country.capital_en.as_ref(),
    };
    let (capital_label, day_label) = (labels::CAPITAL_COLON.pick(lang), labels::NATIONAL_DAY_COLON.pick(lang));
    let mut facts = Vec::new();
    if let Some(capital) = capital {
        facts.push(format!("{capital_label} {capital}"));
    }
    if let Some(day) = &country.national_day {
        let month = (day.month as usize).checked_sub(1).filter(|m| *m < 12);
        if let Some(m) = month {
            let (name, date) = match lang {
                Lang::Es => (&day.name_es, format!("{} de {}", day.day, MONTHS_ES[m])),
                Lang::En => (&day.name_en, format!("{} {}", day.day, MONTHS_EN[m])),
            };
            facts.push(format!("{day_label} {date} ({name})"));
        }
    }
    let name = country_name(lang, code);
    Some(if facts.is_empty() { name } else { format!("{name} — {}", facts.join("; ")) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalizes_accented_initials() {
        assert_eq!(capitalize("del 1 de julio"), "Del 1 de julio");
        assert_eq!(capitalize("ámbito"), "Ámbito");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn names_countries_and_options() {
        assert_eq!(country_name(Lang::Es, "PE"), "Perú");
        assert_eq!(country_name(Lang::En, "PE"), "Peru");
        assert_eq!(country_name(Lang::Es, "ZZ"), "ZZ");
        assert_eq!(choice(Lang::Es, "agreement_type", "memorandum"), "Memorándum de entendimiento");
        assert_eq!(choice(Lang::En, "city_role", "anfitrion"), "Host");
    }
}

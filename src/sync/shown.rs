//! A record field's value as a person reads it, for the conflict screen: "Perú, Chile", never
//! `["PE","CL"]`. Values are stored as the interchange
//! format writes them; the words come from the same vocabulary as the form and the reports.

use serde_json::Value;

use crate::domain::{Details, Kind, Modality, PartialDate, Status};
use crate::report::words::{country_name, details_in_words};
use crate::{Lang, Text};

/// A value of `field` in words, in both languages.
pub fn value_text(field: &str, value: &Value, kind: Option<Kind>) -> Text {
    Text::new(in_words(Lang::Es, field, value, kind), in_words(Lang::En, field, value, kind))
}

fn in_words(lang: Lang, field: &str, value: &Value, kind: Option<Kind>) -> String {
    let empty = || lang.pick("(vacío)", "(empty)").to_string();
    match (field, value) {
        (_, Value::Null) => empty(),
        (_, Value::String(s)) if s.trim().is_empty() => empty(),
        ("kind", Value::String(s)) => Kind::parse(s).map_or_else(|| s.clone(), |k| lang.pick(k.label_es(), k.label_en()).to_string()),
        ("status", Value::String(s)) => Status::parse(s).map_or_else(|| s.clone(), |v| lang.pick(v.label_es(), v.label_en()).to_string()),
        ("modality", Value::String(s)) => Modality::parse(s).map_or_else(|| s.clone(), |m| lang.pick(m.label_es(), m.label_en()).to_string()),
        ("start" | "end" | "start_date" | "end_date", Value::String(s)) => {
            s.parse::<PartialDate>().map_or_else(|_| s.clone(), |d| lang.pick(&d.format_es(), &d.format_en()).to_string())
        }
        ("countries", Value::Array(items)) => join(items.iter().filter_map(Value::as_str).map(|c| country_name(lang, c)), ", "),
        ("details", Value::Object(_)) => match (kind, serde_json::from_value::<Details>(value.clone())) {
            (Some(kind), Ok(details)) => join(details_in_words(lang, kind, &details, &[]).into_iter().map(|(label, v)| format!("{label} {v}")), "; "),
            _ => plain(value),
        },
        ("follow_ups", Value::Array(items)) => join(
            items.iter().map(|f| {
                let task = f.get("task").and_then(Value::as_str).unwrap_or_default();
                let due = f.get("due").and_then(Value::as_str).and_then(|d| d.parse::<PartialDate>().ok());
                let done = f.get("done").and_then(Value::as_bool).unwrap_or(false);
                let due = due.map(|d| format!(" ({})", lang.pick(&d.format_es(), &d.format_en()))).unwrap_or_default();
                let done = if done { lang.pick(" — hecha", " — done") } else { "" };
                format!("{task}{due}{done}")
            }),
            "; ",
        ),
        _ => plain(value),
    }
}

/// Any other value: texts as written; lists and mentions by their names and roles.
fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => join(items.iter().map(plain), "; "),
        Value::Object(map) => {
            let name = map.get("name").or_else(|| map.get("file_name")).map(plain).unwrap_or_default();
            let about: Vec<String> = ["role", "post", "organisation"].iter().filter_map(|k| map.get(*k).and_then(Value::as_str)).map(str::to_string).collect();
            if about.is_empty() {
                name
            } else {
                format!("{name} ({})", about.join(", "))
            }
        }
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn join(items: impl Iterator<Item = String>, separator: &str) -> String {
    items.collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_words_in_both_languages() {
        let countries = value_text("countries", &json!(["PE", "CL"]), None);
        assert_eq!((countries.es.as_str(), countries.en.as_str()), ("Perú, Chile", "Peru, Chile"));
        let details = value_text("details", &json!({"meeting_type": "cortesia", "counterpart_head": "Ana Gervasi"}), Some(Kind::Meeting));
        assert_eq!(details.es, "Titular de la contraparte: Ana Gervasi; Tipo de reunión: De cortesía");
        assert_eq!(details.en, "Counterpart head: Ana Gervasi; Meeting type: Courtesy call");
        assert_eq!(value_text("start", &json!("2021-07-27"), None).es, "27 de julio de 2021");
        assert_eq!(value_text("modality", &json!("hibrido"), None).es, "Híbrida");
        let people = value_text("people", &json!([{"name": "Ana Pérez", "post": "Consejera"}]), None);
        assert_eq!(people.es, "Ana Pérez (Consejera)");
        assert_eq!(value_text("summary", &Value::Null, None).es, "(vacío)");
    }
}

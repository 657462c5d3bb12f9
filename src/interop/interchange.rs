//! The interchange format: activities as JSON Lines (one object per line) or as a JSON array.
//! See the README for every field. Export writes what import reads, so the two round-trip.

use std::io::Write;

use crate::domain::{Activity, ActivityInput};
use crate::store::ImportProblem;
use crate::Text;

/// Says a serde error in Spanish and English, naming the field where serde does.
fn explain(err: &serde_json::Error) -> (String, Text) {
    let text = err.to_string();
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    let base = text.split(" at line ").next().unwrap_or(&text);
    if let Some(rest) = base.strip_prefix("unknown field ") {
        let field = quoted(rest).unwrap_or_default();
        let message = Text::new(
            format!("campo desconocido «{field}» (revise la ortografía; los campos desconocidos no se ignoran)"),
            format!("unknown field «{field}» (check the spelling; unknown fields are not ignored)"),
        );
        (field, message)
    } else if let Some(rest) = base.strip_prefix("missing field ") {
        let field = quoted(rest).unwrap_or_default();
        let message = Text::new(format!("falta el campo obligatorio «{field}»"), format!("the required field «{field}» is missing"));
        (field, message)
    } else if base.starts_with("invalid type") {
        (String::new(), Text::new(format!("tipo de valor incorrecto ({base})"), format!("wrong type of value ({base})")))
    } else if err.is_eof() {
        (String::new(), Text::new("el JSON está incompleto", "the JSON is incomplete"))
    } else if err.is_syntax() {
        (String::new(), Text::new(format!("JSON mal formado en la columna {}", err.column()), format!("malformed JSON at column {}", err.column())))
    } else {
        (String::new(), Text::new(base, base))
    }
}

/// Reads interchange text. Returns each activity with its line (JSON Lines) or item (array)
/// number, or every line that could not be read.
pub fn parse(text: &str) -> Result<Vec<(u64, ActivityInput)>, Vec<ImportProblem>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let mut take = |line: u64, value: Result<ActivityInput, serde_json::Error>| match value {
        Ok(input) => items.push((line, input)),
        Err(e) => {
            let (field, message) = explain(&e);
            problems.push(ImportProblem { line, field, message });
        }
    };
    if text.trim_start().starts_with('[') {
        match serde_json::from_str::<Vec<serde_json::Value>>(text) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    take(i as u64 + 1, serde_json::from_value(v));
                }
            }
            Err(e) => take(e.line() as u64, Err(e)),
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                take(i as u64 + 1, serde_json::from_str(line));
            }
        }
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(problems)
    }
}

/// Writes activities as JSON Lines in the interchange format.
pub fn write_jsonl(activities: &[Activity], out: &mut dyn Write) -> std::io::Result<()> {
    for a in activities {
        serde_json::to_writer(&mut *out, &a.to_input())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_arrays_alike() {
        let line = r#"{"kind":"meeting","title":"Reunión","start_date":"2021-07-27"}"#;
        let lines = parse(&format!("{line}\n\n{line}\n")).unwrap();
        assert_eq!(lines.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![1, 3]);
        let array = parse(&format!("[{line}, {line}]")).unwrap();
        assert_eq!(array.len(), 2);
        assert_eq!(array[1].1.title, "Reunión");
    }

    #[test]
    fn unknown_and_missing_fields_are_named_in_spanish() {
        let text = "{\"kind\":\"meeting\",\"title\":\"x\",\"start_date\":\"2021\",\"lugar\":\"CDMX\"}\n{\"kind\":\"meeting\",\"start_date\":\"2021\"}\n{\"kind\":\"illumination\",\"title\":\"x\",\"start_date\":\"2021\",\"details\":{\"monumnet\":\"Ángel\"}}";
        let problems = parse(text).unwrap_err();
        assert_eq!(problems.len(), 3);
        assert_eq!((problems[0].line, problems[0].field.as_str()), (1, "lugar"));
        assert!(problems[0].message.es.contains("campo desconocido"));
        assert_eq!((problems[1].line, problems[1].field.as_str()), (2, "title"));
        assert!(problems[1].message.es.contains("falta el campo obligatorio"));
        assert_eq!((problems[2].line, problems[2].field.as_str()), (3, "monumnet"));
    }
}

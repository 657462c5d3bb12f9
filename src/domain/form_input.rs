//! An activity as the app's form sends it: interchange JSON in which a count, an amount or a
//! date (a detail, or a follow-up's due date) may still be the text the person typed.
//!
//! Read strictly, one such value would refuse the whole record with a serde message that names
//! no field. Read here, each becomes a field error in Spanish and English, reported together
//! with everything [`validate`] finds in the rest of the record, so the form shows every
//! problem next to its field and keeps no number or date rules of its own.

use serde_json::{Map, Value};

use super::activity::ActivityInput;
use super::date::PartialDate;
use super::details::{fields_of, Details, FieldType};
use super::kind::Kind;
use super::validate::{date_message, validate, FieldError, ValidationErrors};
use crate::Text;

/// The input a form sent, or every problem with it. A value of the wrong type outside the
/// details and due dates (which no form sends) is reported as one error on the whole record.
pub fn read_form_input(mut value: Value) -> Result<ActivityInput, ValidationErrors> {
    let mut errors = Vec::new();
    if let Some(Value::Object(details)) = value.get_mut("details") {
        details.retain(|key, v| match detail_error(key, v) {
            None => true,
            Some(e) => {
                errors.push(e);
                false
            }
        });
    }
    if let Some(Value::Array(follow_ups)) = value.get_mut("follow_ups") {
        for (i, f) in follow_ups.iter_mut().enumerate() {
            let bad = f.get("due").and_then(Value::as_str).filter(|d| d.parse::<PartialDate>().is_err()).map(str::to_string);
            if let (Some(due), Some(f)) = (bad, f.as_object_mut()) {
                let (es, en) = date_message(&due);
                errors.push(FieldError { field: format!("follow_ups[{i}].due"), message: Text::new(es, en) });
                f.remove("due");
            }
        }
    }
    let input: ActivityInput = serde_json::from_value(value).map_err(|e| ValidationErrors {
        errors: vec![FieldError {
            field: String::new(),
            message: Text::new(format!("el registro no se pudo leer: {e}"), format!("the record could not be read: {e}")),
        }],
    })?;
    if errors.is_empty() {
        return Ok(input);
    }
    // The rest of the record is checked too; a value left out above is named once, by its own
    // error, not again as missing.
    let rest = validate(&input).err().map(|e| e.errors).unwrap_or_default();
    let named: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
    errors.extend(rest.into_iter().filter(|e| !named.contains(&e.field)));
    Err(ValidationErrors { errors })
}

/// Why one detail does not read as its field's type, or `None` if it does.
fn detail_error(key: &str, value: &Value) -> Option<FieldError> {
    let alone = Value::Object(Map::from_iter([(key.to_string(), value.clone())]));
    serde_json::from_value::<Details>(alone).err()?;
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let field_type = Kind::ALL.iter().flat_map(|k| fields_of(*k)).find(|f| f.key == key).map(|f| f.field_type);
    let (es, en) = match field_type {
        Some(FieldType::Integer) => (
            format!("«{text}» no es un número entero; escriba, por ejemplo, 25"),
            format!("«{text}» is not a whole number; write, for example, 25"),
        ),
        Some(FieldType::Decimal) => (
            format!("«{text}» no es una cantidad; escríbala con punto decimal y sin separadores, por ejemplo 20000 o 1250.50"),
            format!("«{text}» is not an amount; write it with a decimal point and no separators, for example 20000 or 1250.50"),
        ),
        Some(FieldType::Date) => date_message(&text),
        Some(_) => ("tipo de valor incorrecto".into(), "wrong type of value".into()),
        None => ("campo desconocido".into(), "unknown field".into()),
    };
    Some(FieldError { field: format!("details.{key}"), message: Text::new(es, en) })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(err: ValidationErrors) -> Vec<String> {
        err.errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn typed_text_in_a_number_or_date_is_named_with_the_rest_of_the_record() {
        let sent = json!({
            "kind": "training", "title": " ", "start_date": "2021-10-04",
            "follow_ups": [{"task": "Enviar constancias", "due": "pronto"}],
            "details": {"participants": "veinte", "hours": "3 horas", "provider": "UK PACT"}
        });
        let err = read_form_input(sent).unwrap_err();
        let by_field = |f: &str| err.errors.iter().find(|e| e.field == f).unwrap_or_else(|| panic!("{f}: {err:?}"));
        assert!(by_field("details.participants").message.es.contains("«veinte» no es un número entero"));
        assert!(by_field("details.hours").message.en.contains("is not an amount"));
        assert!(by_field("follow_ups[0].due").message.es.contains("«pronto» no es una fecha válida"));
        assert!(by_field("title").message.es.contains("obligatorio"));
    }

    #[test]
    fn a_bad_required_amount_is_named_once() {
        let sent = json!({
            "kind": "financing", "title": "Donación", "start_date": "2021",
            "details": {"amount": "veinte mil", "currency": "USD", "donor": "Fundación"}
        });
        assert_eq!(fields(read_form_input(sent).unwrap_err()), ["details.amount"]);
    }

    #[test]
    fn a_well_typed_record_reads_as_its_input() {
        let sent = json!({
            "kind": "agreement", "title": "Memorándum", "start_date": "2021-11",
            "follow_ups": [{"task": "Firmar", "due": "2022-01"}],
            "details": {"agreement_type": "memorandum", "signed_on": "2021-11", "parties": ["Lima"]}
        });
        let input = read_form_input(sent.clone()).unwrap();
        assert_eq!(input, serde_json::from_value::<ActivityInput>(sent).unwrap());
    }
}

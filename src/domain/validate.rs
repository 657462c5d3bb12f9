//! The one place that checks an activity before anything is written.
//!
//! [`validate`] turns an [`ActivityInput`] into a [`ValidActivity`] or returns every problem at
//! once, each naming its field and saying what is wrong in Spanish and English.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activity::{ActivityInput, FollowUp, OrgMentionFull, PersonMentionFull};
use super::date::PartialDate;
use super::details::{field_named, fields_of, Choice, Details, FieldType};
use super::ids::ActivityId;
use super::kind::{Kind, Modality, Status};
use crate::reference;
use crate::{ErrorCode, Explain, Lang, Text};

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// Interchange path of the field: `title`, `countries[1]`, `details.amount`.
    pub field: String,
    pub message: Text,
    /// When the value reads several ways ("corea", "1.500"), what it could be: the person
    /// picks one, nothing is guessed.
    #[serde(default)]
    pub choices: Vec<Alternative>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: Text) -> FieldError {
        FieldError { field: field.into(), message, choices: Vec::new() }
    }
}

/// One way to read an ambiguous value: the text to put in the field and how it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Alternative {
    pub value: String,
    pub label: Text,
}

impl From<&Choice> for Alternative {
    fn from(choice: &Choice) -> Alternative {
        Alternative { value: choice.value.to_string(), label: Text::new(choice.label_es, choice.label_en) }
    }
}

/// Every problem found in a record. Shown in Spanish by `Display`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[ts(export)]
pub struct ValidationErrors {
    pub errors: Vec<FieldError>,
}

impl ValidationErrors {
    /// Every problem on one line, `field: message; …`, in both languages (the Spanish is `Display`).
    pub fn brief(&self) -> Text {
        let join = |lang: Lang| self.errors.iter().map(|e| format!("{}: {}", e.field, e.message.pick(lang))).collect::<Vec<_>>().join("; ");
        Text::new(join(Lang::Es), join(Lang::En))
    }
}

impl Explain for ValidationErrors {
    /// How many fields to fix; each field's problem is in [`Explain::fields`].
    fn text(&self) -> Text {
        match self.errors.len() {
            1 => Text::new("Hay 1 dato por corregir.", "1 field needs fixing."),
            n => Text::new(format!("Hay {n} datos por corregir."), format!("{n} fields need fixing.")),
        }
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }

    fn fields(&self) -> Vec<FieldError> {
        self.errors.clone()
    }
}

impl Explain for FieldError {
    fn text(&self) -> Text {
        Text::new(format!("{}: {}", self.field, self.message.es), format!("{}: {}", self.field, self.message.en))
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }

    fn fields(&self) -> Vec<FieldError> {
        vec![self.clone()]
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.errors.iter().map(|e| format!("{}: {}", e.field, e.message.es)).collect();
        f.write_str(&lines.join("; "))
    }
}

/// An activity that passed validation: vocabularies parsed, countries resolved to codes.
/// Organisations, people and the axis are still names; the store links them.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidActivity {
    pub id: Option<ActivityId>,
    pub kind: Kind,
    pub title: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub summary: Option<String>,
    pub modality: Option<Modality>,
    pub place: Option<String>,
    pub countries: Vec<String>,
    pub organisations: Vec<OrgMentionFull>,
    pub people: Vec<PersonMentionFull>,
    pub axis: Option<String>,
    pub topics: Vec<String>,
    pub outcomes: Option<String>,
    pub follow_ups: Vec<FollowUp>,
    pub status: Status,
    pub date_text: Option<String>,
    pub details: Details,
}

struct Collector(Vec<FieldError>);

impl Collector {
    fn push(&mut self, field: impl Into<String>, es: impl Into<String>, en: impl Into<String>) {
        self.add(field, Text::new(es, en));
    }

    fn add(&mut self, field: impl Into<String>, message: Text) {
        self.0.push(FieldError::new(field, message));
    }
}

/// The labels of a vocabulary as a person reads a list of them: "Planeada, Realizada o Cancelada".
fn one_of<T: Copy>(all: &[T], label: fn(T) -> &'static str, lang: Lang) -> String {
    let names: Vec<&str> = all.iter().map(|v| label(*v)).collect();
    lang.listing(&names)
}

/// Trims a text and treats an empty one as absent.
fn clean(text: &Option<String>) -> Option<String> {
    text.as_ref().map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

fn clean_list(items: &[String]) -> Vec<String> {
    items.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()
}

/// What is wrong with a date that does not read, in Spanish and English.
pub(crate) fn date_message(text: &str) -> (String, String) {
    (
        format!("«{text}» no es una fecha válida; escríbala como AAAA-MM-DD, AAAA-MM o AAAA"),
        format!("«{text}» is not a valid date; write it as YYYY-MM-DD, YYYY-MM or YYYY"),
    )
}

fn parse_date(c: &mut Collector, field: &str, text: &str) -> Option<PartialDate> {
    match text.parse::<PartialDate>() {
        Ok(d) => Some(d),
        Err(_) => {
            let (es, en) = date_message(text);
            c.push(field, es, en);
            None
        }
    }
}

fn check_time(c: &mut Collector, field: &str, time: &Option<String>) -> Option<String> {
    let t = clean(time)?;
    if chrono::NaiveTime::parse_from_str(&t, "%H:%M").is_ok() {
        Some(t)
    } else {
        c.push(field, format!("«{t}» no es una hora válida (HH:MM)"), format!("«{t}» is not a valid time (HH:MM)"));
        None
    }
}

/// Checks a record and normalises it. Returns every problem found, never just the first.
pub fn validate(input: &ActivityInput) -> Result<ValidActivity, ValidationErrors> {
    let mut c = Collector(Vec::new());

    let id = clean(&input.id).and_then(|text| match text.parse::<ActivityId>() {
        Ok(id) => Some(id),
        Err(_) => {
            c.push("id", format!("«{text}» no es un identificador válido (UUID)"), format!("«{text}» is not a valid id (UUID)"));
            None
        }
    });

    let kind = Kind::parse(&input.kind);
    if kind.is_none() {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        c.push(
            "kind",
            format!("tipo de actividad desconocido «{}»; use uno de: {}", input.kind, names.join(", ")),
            format!("unknown activity kind «{}»; use one of: {}", input.kind, names.join(", ")),
        );
    }

    let title = input.title.trim().to_string();
    if title.is_empty() {
        c.push("title", "el título es obligatorio", "the title is required");
    }

    let start = if input.start_date.trim().is_empty() {
        c.push("start_date", "la fecha de inicio es obligatoria", "the start date is required");
        None
    } else {
        parse_date(&mut c, "start_date", &input.start_date)
    };
    let end = clean(&input.end_date).and_then(|t| parse_date(&mut c, "end_date", &t));
    if let (Some(s), Some(e)) = (start, end) {
        if e.last_day() < s.first_day() {
            c.push(
                "end_date",
                format!("la fecha de término ({}) es anterior a la de inicio ({})", e.format_es(), s.format_es()),
                format!("the end date ({}) is before the start date ({})", e.format_en(), s.format_en()),
            );
        }
    }
    let start_time = check_time(&mut c, "start_time", &input.start_time);
    let end_time = check_time(&mut c, "end_time", &input.end_time);

    let modality = clean(&input.modality).and_then(|m| {
        let parsed = Modality::parse(&m);
        if parsed.is_none() {
            c.push(
                "modality",
                format!("modalidad desconocida «{m}»; use {}", one_of(&Modality::ALL, Modality::label_es, Lang::Es)),
                format!("unknown modality «{m}»; use {}", one_of(&Modality::ALL, Modality::label_en, Lang::En)),
            );
        }
        parsed
    });

    let status = match clean(&input.status) {
        None => Status::default(),
        Some(s) => Status::parse(&s).unwrap_or_else(|| {
            c.push(
                "status",
                format!("estado desconocido «{s}»; use {}", one_of(&Status::ALL, Status::label_es, Lang::Es)),
                format!("unknown status «{s}»; use {}", one_of(&Status::ALL, Status::label_en, Lang::En)),
            );
            Status::default()
        }),
    };

    let mut countries: Vec<String> = Vec::new();
    for (i, name) in input.countries.iter().enumerate() {
        match reference::resolve_country(name) {
            Ok(country) => {
                if !countries.contains(&country.code) {
                    countries.push(country.code.clone());
                }
            }
            Err(err) => c.add(format!("countries[{i}]"), err.text()),
        }
    }

    let organisations: Vec<OrgMentionFull> = input
        .organisations
        .iter()
        .map(|m| m.full())
        .filter(|o| !o.name.trim().is_empty())
        .collect();
    for (i, org) in organisations.iter().enumerate() {
        if let Some(kind) = &org.kind {
            if crate::domain::OrgKind::parse(kind).is_none() {
                c.push(format!("organisations[{i}].kind"), format!("tipo de organización desconocido «{kind}»"), format!("unknown organisation kind «{kind}»"));
            }
        }
        if let Some(country) = &org.country {
            if let Err(err) = reference::resolve_country(country) {
                c.add(format!("organisations[{i}].country"), err.text());
            }
        }
    }
    let people: Vec<PersonMentionFull> =
        input.people.iter().map(|m| m.full()).filter(|p| !p.name.trim().is_empty()).collect();

    for (i, f) in input.follow_ups.iter().enumerate() {
        if f.task.trim().is_empty() {
            c.push(format!("follow_ups[{i}].task"), "la tarea de seguimiento no tiene descripción", "the follow-up task has no description");
        }
    }

    if let Some(kind) = kind {
        check_details(&mut c, kind, &input.details);
    }

    if !c.0.is_empty() {
        return Err(ValidationErrors { errors: c.0 });
    }
    Ok(ValidActivity {
        id,
        kind: kind.expect("checked above"),
        title,
        start: start.expect("checked above"),
        end,
        start_time,
        end_time,
        summary: clean(&input.summary),
        modality,
        place: clean(&input.place),
        countries,
        organisations,
        people,
        axis: clean(&input.axis),
        topics: clean_list(&input.topics),
        outcomes: clean(&input.outcomes),
        follow_ups: input.follow_ups.clone(),
        status,
        date_text: clean(&input.date_text),
        details: input.details.clone(),
    })
}

/// Kind-specific rules, read from the schema in [`super::details`].
fn check_details(c: &mut Collector, kind: Kind, details: &Details) {
    let fields = fields_of(kind);
    let value = serde_json::to_value(details).unwrap_or_default();
    let map = value.as_object().cloned().unwrap_or_default();

    for key in map.keys() {
        if !fields.iter().any(|f| f.key == key) {
            let name = |lang: Lang| field_named(key).map_or(key.to_string(), |f| f.label(lang).to_string());
            let valid = |lang: Lang| {
                let labels: Vec<&str> = fields.iter().map(|f| f.label(lang)).collect();
                if labels.is_empty() { lang.pick("no tiene campos propios", "has no fields of its own").to_string() } else { labels.join(", ") }
            };
            c.push(
                format!("details.{key}"),
                format!("«{}» no corresponde a una actividad de tipo {}; sus campos: {}", name(Lang::Es), kind.label_es().to_lowercase(), valid(Lang::Es)),
                format!("«{}» does not belong to a {} activity; its fields: {}", name(Lang::En), kind.label_en().to_lowercase(), valid(Lang::En)),
            );
        }
    }

    for f in fields {
        let field = format!("details.{}", f.key);
        let text = map.get(f.key).and_then(|v| v.as_str()).map(str::trim);
        let present = match map.get(f.key) {
            None => false,
            Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
            Some(_) => true,
        };
        if f.required && !present {
            c.push(&field, format!("«{}» es obligatorio para {}", f.label_es, kind.label_es().to_lowercase()), format!("«{}» is required for {}", f.label_en, kind.label_en().to_lowercase()));
            continue;
        }
        let Some(text) = text.filter(|t| !t.is_empty()) else { continue };
        match f.field_type {
            FieldType::Choice if !f.options.iter().any(|o| o.value == text) => c.0.push(FieldError {
                field: field.clone(),
                message: Text::new(
                    format!("«{text}» no es un valor de «{}»; elija {}", f.label_es, f.options_text(Lang::Es)),
                    format!("«{text}» is not a value of «{}»; choose {}", f.label_en, f.options_text(Lang::En)),
                ),
                choices: f.options.iter().map(Alternative::from).collect(),
            }),
            FieldType::Currency if reference::currency(text).is_none() => c.push(
                &field,
                format!("«{text}» no es un código de moneda ISO 4217 (p. ej. MXN, USD, EUR, GBP)"),
                format!("«{text}» is not an ISO 4217 currency code (e.g. MXN, USD, EUR, GBP)"),
            ),
            FieldType::Country => {
                if let Err(err) = reference::resolve_country(text) {
                    c.add(&field, err.text());
                }
            }
            _ => {}
        }
    }

    if details.amount.is_some_and(|a| a <= Decimal::ZERO) {
        c.push("details.amount", "el monto debe ser mayor que cero", "the amount must be greater than zero");
    }
    if let (Some(s), Some(v)) = (details.signed_on, details.valid_until) {
        if v.last_day() < s.first_day() {
            c.push("details.valid_until", "la vigencia termina antes de la firma", "validity ends before the signature date");
        }
    }
    if kind == Kind::Financing {
        let in_kind = details.in_kind.as_deref().is_some_and(|t| !t.trim().is_empty());
        if details.amount.is_none() && !in_kind {
            c.push(
                "details.amount",
                "escriba el monto otorgado o, si la donación fue en especie, descríbala en «Donación en especie»",
                "write the amount granted or, for a donation in kind, describe it in «In-kind donation»",
            );
        }
        if details.amount.is_some() && details.currency.as_deref().is_none_or(|t| t.trim().is_empty()) {
            c.push("details.currency", "«Moneda» es obligatoria cuando hay un monto", "«Currency» is required with an amount");
        }
    }
    if let (Some(women), Some(men), Some(all)) = (details.women, details.men, details.participants) {
        if women.saturating_add(men) > all {
            c.push(
                "details.participants",
                format!("{women} mujeres y {men} hombres suman más que los {all} participantes"),
                format!("{women} women and {men} men add up to more than the {all} participants"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str) -> ActivityInput {
        ActivityInput {
            kind: kind.into(),
            title: "Iluminación por el Bicentenario de Perú".into(),
            start_date: "2021-07-27".into(),
            ..Default::default()
        }
    }

    fn fields(err: ValidationErrors) -> Vec<String> {
        err.errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_illumination_passes_and_resolves_countries() {
        let mut a = input("illumination");
        a.countries = vec!["Perú".into(), "peru".into()];
        a.modality = Some("Presencial".into());
        a.details.occasion = Some("Bicentenario de la independencia".into());
        let v = validate(&a).unwrap();
        assert_eq!(v.countries, vec!["PE".to_string()]);
        assert_eq!(v.modality, Some(Modality::Presencial));
        assert_eq!(v.status, Status::Done);
    }

    #[test]
    fn reports_every_problem_with_its_field() {
        let mut a = input("illumination");
        a.title = "  ".into();
        a.end_date = Some("2021-07-01".into());
        a.countries = vec!["Atlantis".into()];
        a.details.amount = Some(Decimal::new(5, 0));
        let err = validate(&a).unwrap_err();
        let f = fields(err.clone());
        assert!(f.contains(&"title".to_string()));
        assert!(f.contains(&"end_date".to_string()));
        assert!(f.contains(&"countries[0]".to_string()));
        assert!(f.contains(&"details.occasion".to_string()), "occasion is required: {f:?}");
        assert!(f.contains(&"details.amount".to_string()), "amount is not an illumination field");
        assert!(err.to_string().contains("el título es obligatorio"));
    }

    #[test]
    fn financing_needs_a_donor_and_an_amount_with_its_currency_or_a_donation_in_kind() {
        let mut a = input("financing");
        let f = fields(validate(&a).unwrap_err());
        assert_eq!(f, vec!["details.donor", "details.amount"]);
        a.details.donor = Some("Gobierno de Japón".into());
        a.details.in_kind = Some("Ciento veinte sillas de ruedas".into());
        assert!(validate(&a).is_ok(), "a donation in kind needs no amount");
        a.details.in_kind = None;
        a.details.amount = Some("20000".parse().unwrap());
        assert_eq!(fields(validate(&a).unwrap_err()), vec!["details.currency"], "an amount needs its currency");
        a.details.amount = Some("20000".parse().unwrap());
        a.details.currency = Some("XYZ".into());
        a.details.donor = Some("UK PACT".into());
        assert_eq!(fields(validate(&a).unwrap_err()), vec!["details.currency"]);
        a.details.currency = Some("GBP".into());
        assert!(validate(&a).is_ok());
    }

    #[test]
    fn month_precision_end_may_share_the_start_month() {
        let mut a = input("other");
        a.start_date = "2021-10-15".into();
        a.end_date = Some("2021-10".into());
        assert!(validate(&a).is_ok());
    }

    #[test]
    fn choice_fields_take_only_their_options() {
        let mut a = input("delegation");
        a.details.direction = Some("sideways".into());
        let err = validate(&a).unwrap_err();
        assert_eq!(err.errors[0].field, "details.direction");
        let message = &err.errors[0].message;
        assert_eq!(message.es, "«sideways» no es un valor de «Sentido»; elija Recibida en la ciudad o Enviada al exterior");
        assert_eq!(message.en, "«sideways» is not a value of «Direction»; choose Incoming or Outgoing");
        let offered: Vec<&str> = err.errors[0].choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(offered, ["incoming", "outgoing"]);
    }

    /// No code reaches a person: a field of another kind is named by its label.
    #[test]
    fn a_field_of_another_kind_is_named_by_its_label() {
        let mut a = input("meeting");
        a.details.amount = Some("10".parse().unwrap());
        let err = validate(&a).unwrap_err();
        assert_eq!(err.errors[0].field, "details.amount");
        assert!(err.errors[0].message.es.starts_with("«Monto otorgado» no corresponde a una actividad de tipo reunión; sus campos: Titular de la contraparte,"), "{}", err.errors[0].message.es);
        assert!(!err.errors[0].message.es.contains("counterpart_head"));
    }
}

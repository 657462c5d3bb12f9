//! Fields that belong to one kind of activity, and the schema that says which kind owns which.
//!
//! [`Details`] holds every kind-specific field as an option; [`fields_of`] declares, per kind,
//! which of them apply, which are required and what values a vocabulary field takes. Validation,
//! the app's forms and report labels all read that one table.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::date::PartialDate;
use super::kind::Kind;

/// Kind-specific fields. Only those [`fields_of`] lists for the activity's kind may be set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct Details {
    // meeting
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterpart_head: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterpart_post: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreements_reached: Option<String>,
    // delegation
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head_rank: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    // training
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default, with = "decimal_text")]
    #[ts(type = "string")]
    pub hours: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    // illumination
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occasion: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monument: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colors: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub executed_by: Option<String>,
    // agreement
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_status: Option<String>,
    // network
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    // event
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organiser: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countries_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u32>,
    // project
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_partner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<String>,
    // award
    #[serde(skip_serializing_if = "Option::is_none")]
    pub granted_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub award_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    // financing
    #[serde(skip_serializing_if = "Option::is_none", default, with = "decimal_text")]
    #[ts(type = "string")]
    pub amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub donor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, with = "decimal_text")]
    #[ts(type = "string")]
    pub amount_mxn: Option<Decimal>,
    // press
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub piece_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
}

/// Decimals travel as strings ("19500.00", exact) but a plain JSON number is accepted too,
/// since spreadsheets and hand-written files often give `24` for hours.
mod decimal_text {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::domain::decimal::{parse_decimal, DecimalError, CEILING};

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(serde_json::Number),
        }
        let text = match Option::<Raw>::deserialize(d)? {
            None => return Ok(None),
            Some(Raw::Text(t)) => t,
            Some(Raw::Number(n)) => n.to_string(),
        };
        parse_decimal(&text).map(Some).map_err(|e| {
            serde::de::Error::custom(match e {
                DecimalError::Invalid => format!("«{text}» no es un número decimal válido"),
                DecimalError::TooLarge => format!("«{text}» es demasiado grande: el máximo es {CEILING}"),
            })
        })
    }
}

impl Details {
    /// The keys that hold a value, in interchange spelling.
    pub fn set_keys(&self) -> Vec<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map.into_iter().map(|(k, _)| k).collect(),
            _ => Vec::new(),
        }
    }
}

/// What a detail field holds; the app picks its input from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FieldType {
    Text,
    LongText,
    /// A list of short texts.
    List,
    Integer,
    Decimal,
    Date,
    /// An ISO 4217 code.
    Currency,
    /// A country name or code, resolved through reference data.
    Country,
    /// One of [`DetailField::options`].
    Choice,
    Url,
}

/// One kind-specific field as forms, validation and reports see it.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct DetailField {
    pub key: &'static str,
    pub label_es: &'static str,
    pub label_en: &'static str,
    pub field_type: FieldType,
    pub required: bool,
    /// Allowed values of a [`FieldType::Choice`] field.
    pub options: &'static [&'static str],
}

const fn field(key: &'static str, label_es: &'static str, label_en: &'static str, field_type: FieldType) -> DetailField {
    DetailField { key, label_es, label_en, field_type, required: false, options: &[] }
}

const fn required(f: DetailField) -> DetailField {
    DetailField { required: true, ..f }
}

const fn choice(key: &'static str, label_es: &'static str, label_en: &'static str, options: &'static [&'static str]) -> DetailField {
    DetailField { key, label_es, label_en, field_type: FieldType::Choice, required: false, options }
}

use FieldType::*;

const MEETING: &[DetailField] = &[
    field("counterpart_head", "Titular de la contraparte", "Counterpart head", Text),
    field("counterpart_post", "Cargo del titular", "Head's post", Text),
    choice("meeting_type", "Tipo de reunión", "Meeting type", &["trabajo", "cortesia", "vinculacion"]),
    field("agreements_reached", "Acuerdos alcanzados", "Agreements reached", LongText),
];

const DELEGATION: &[DetailField] = &[
    required(choice("direction", "Sentido", "Direction", &["incoming", "outgoing"])),
    field("members", "Integrantes", "Members", List),
    field("head", "Jefe de la delegación", "Head of delegation", Text),
    field("head_rank", "Rango del jefe", "Head's rank", Text),
    field("sites", "Sitios visitados", "Sites visited", List),
    field("protocol", "Categoría protocolaria", "Protocol category", Text),
];

const TRAINING: &[DetailField] = &[
    field("participants", "Participantes", "Participants", Integer),
    field("hours", "Horas", "Hours", Decimal),
    field("provider", "Institución que imparte", "Provider", Text),
    field("objective", "Objetivo del curso", "Objective", LongText),
    field("edition", "Edición", "Edition", Text),
    field("units", "Áreas participantes", "Participating units", List),
];

const ILLUMINATION: &[DetailField] = &[
    required(field("occasion", "Motivo", "Occasion", Text)),
    field("requested_by", "Solicitada por", "Requested by", Text),
    field("monument", "Monumento", "Monument", Text),
    field("colors", "Colores", "Colours", Text),
    field("executed_by", "Ejecutada por", "Executed by", Text),
];

const AGREEMENT: &[DetailField] = &[
    required(choice(
        "agreement_type",
        "Tipo de instrumento",
        "Instrument type",
        &["convenio_marco", "convenio_especifico", "memorandum", "hermanamiento", "carta_intencion", "declaracion"],
    )),
    field("parties", "Partes", "Parties", List),
    field("signed_on", "Fecha de firma", "Signed on", Date),
    field("valid_until", "Vigencia", "Valid until", Date),
    choice("agreement_status", "Estado del instrumento", "Instrument status", &["vigente", "en_evaluacion", "concluido"]),
];

const NETWORK: &[DetailField] = &[
    required(field("network", "Red", "Network", Text)),
    field("body", "Órgano", "Body", Text),
    field("role", "Cargo de la ciudad", "City's role", Text),
    field("term", "Periodo", "Term", Text),
];

const EVENT: &[DetailField] = &[
    choice(
        "event_type",
        "Tipo de evento",
        "Event type",
        &["foro", "cumbre", "congreso", "seminario", "webinar", "exposicion", "feria", "otro"],
    ),
    choice(
        "city_role",
        "Papel de la ciudad",
        "City's role",
        &["anfitrion", "organizador", "coorganizador", "ponente", "panelista", "mensaje_grabado", "asistente"],
    ),
    field("organiser", "Organizador", "Organiser", Text),
    field("edition", "Edición", "Edition", Text),
    field("registered", "Personas registradas", "Registered participants", Integer),
    field("countries_count", "Países participantes", "Countries taking part", Integer),
    field("sessions", "Sesiones", "Sessions", Integer),
];

const PROJECT: &[DetailField] = &[
    field("lead_partner", "Socio líder", "Lead partner", Text),
    field("funder", "Financiador", "Funder", Text),
    field("city_role", "Papel de la ciudad", "City's role", Text),
    field("products", "Productos", "Products", LongText),
];

const AWARD: &[DetailField] = &[
    required(field("granted_by", "Otorgado por", "Granted by", Text)),
    field("award_name", "Reconocimiento", "Award", Text),
    field("category", "Categoría", "Category", Text),
    field("edition", "Edición", "Edition", Text),
    field("programme", "Programa reconocido", "Awarded programme", Text),
];

const FINANCING: &[DetailField] = &[
    required(field("amount", "Monto otorgado", "Amount granted", Decimal)),
    required(field("currency", "Moneda", "Currency", Currency)),
    required(field("donor", "Organización donante", "Donor", Text)),
    field("purpose", "Proyecto o propósito", "Purpose", LongText),
    field("amount_mxn", "Equivalente en MXN", "MXN equivalent", Decimal),
];

const PRESS: &[DetailField] = &[
    required(field("outlet", "Medio", "Outlet", Text)),
    field("outlet_country", "País del medio", "Outlet's country", Country),
    choice("piece_type", "Tipo de nota", "Piece type", &["mencion", "articulo", "entrevista"]),
    field("url", "Enlace", "Link", Url),
    field("cost", "Costo para la ciudad", "Cost to the city", Text),
];

/// The detail fields of a kind, in form order.
pub fn fields_of(kind: Kind) -> &'static [DetailField] {
    match kind {
        Kind::Meeting => MEETING,
        Kind::Delegation => DELEGATION,
        Kind::Training => TRAINING,
        Kind::Illumination => ILLUMINATION,
        Kind::Agreement => AGREEMENT,
        Kind::Network => NETWORK,
        Kind::Event => EVENT,
        Kind::Project => PROJECT,
        Kind::Award => AWARD,
        Kind::Financing => FINANCING,
        Kind::Press => PRESS,
        Kind::Other => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_accept_numbers_and_write_exact_strings() {
        let d: Details = serde_json::from_str(r#"{"hours": 24, "amount": "19500.00"}"#).unwrap();
        assert_eq!(d.hours.unwrap().to_string(), "24");
        assert_eq!(serde_json::to_value(&d).unwrap()["amount"], "19500.00");
        assert!(serde_json::from_str::<Details>(r#"{"amount": "veinte mil"}"#).is_err());
    }

    /// The schema and the struct must name the same fields, or a field could never be set.
    #[test]
    fn every_schema_key_is_a_details_field_and_back() {
        let all: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"counterpart_head":"a","counterpart_post":"a","meeting_type":"a","agreements_reached":"a",
            "direction":"a","members":["a"],"head":"a","head_rank":"a","sites":["a"],"protocol":"a",
            "participants":1,"hours":"1","provider":"a","objective":"a","units":["a"],
            "occasion":"a","requested_by":"a","monument":"a","colors":"a","executed_by":"a",
            "agreement_type":"a","parties":["a"],"signed_on":"2021","valid_until":"2021","agreement_status":"a",
            "network":"a","body":"a","role":"a","term":"a","event_type":"a","city_role":"a","organiser":"a",
            "edition":"a","registered":1,"countries_count":1,"sessions":1,"lead_partner":"a","funder":"a",
            "products":"a","granted_by":"a","award_name":"a","category":"a","programme":"a","amount":"1",
            "currency":"a","donor":"a","purpose":"a","amount_mxn":"1","outlet":"a","outlet_country":"a",
            "piece_type":"a","url":"a","cost":"a"}"#,
        )
        .unwrap();
        let details: Details = serde_json::from_value(serde_json::Value::Object(all)).unwrap();
        let mut struct_keys = details.set_keys();
        struct_keys.sort();
        let mut schema_keys: Vec<String> =
            Kind::ALL.iter().flat_map(|k| fields_of(*k)).map(|f| f.key.to_string()).collect();
        schema_keys.sort();
        schema_keys.dedup();
        assert_eq!(struct_keys, schema_keys);
    }
}

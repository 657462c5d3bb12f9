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
use crate::text::fold;
use crate::Lang;

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
    /// Of the participants, how many women and men, when the office counts them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub women: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub men: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default, with = "decimal_text")]
    #[ts(type = "string")]
    pub hours: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Cohorts of a training given several times, one line each as the office writes it
    /// ("Grupo 1: del 3 al 7 de mayo, 25 participantes").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
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
    /// A donation in kind ("sillas de ruedas"), described; then the amount may be absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_kind: Option<String>,
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

/// One value of a choice field: the code a record keeps and the words a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    pub value: &'static str,
    pub label_es: &'static str,
    pub label_en: &'static str,
}

impl Choice {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_es, self.label_en)
    }

    /// Whether `text` names this choice: its code or its label in either language, whatever
    /// the accents, case, or "_" for a space.
    pub fn is_named_by(&self, text: &str) -> bool {
        let wanted = fold(text).replace('_', " ");
        [self.value, self.label_es, self.label_en].iter().any(|name| fold(name).replace('_', " ") == wanted)
    }
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
    /// Allowed values of a [`FieldType::Choice`] field, in the order a form offers them.
    pub options: &'static [Choice],
}

impl DetailField {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_es, self.label_en)
    }

    /// The option this code, label or word names.
    pub fn choice_named(&self, text: &str) -> Option<&'static Choice> {
        self.options.iter().find(|c| c.is_named_by(text))
    }

    /// A stored value as a person reads it: a choice's label; other values as kept.
    pub fn shown(&self, value: &str, lang: Lang) -> String {
        match self.options.iter().find(|c| c.value == value) {
            Some(choice) => choice.label(lang).to_string(),
            None => value.to_string(),
        }
    }

    /// The options' labels for a message: "De trabajo, De cortesía o De vinculación".
    pub fn options_text(&self, lang: Lang) -> String {
        let labels: Vec<&str> = self.options.iter().map(|c| c.label(lang)).collect();
        lang.listing(&labels)
    }
}

/// The field with this key in any kind's schema (a key two kinds share, like `edition`, has
/// the same label in both).
pub fn field_named(key: &str) -> Option<&'static DetailField> {
    Kind::ALL.iter().flat_map(|k| fields_of(*k)).find(|f| f.key == key)
}

const fn opt(value: &'static str, label_es: &'static str, label_en: &'static str) -> Choice {
    Choice { value, label_es, label_en }
}

const fn field(key: &'static str, label_es: &'static str, label_en: &'static str, field_type: FieldType) -> DetailField {
    DetailField { key, label_es, label_en, field_type, required: false, options: &[] }
}

const fn required(f: DetailField) -> DetailField {
    DetailField { required: true, ..f }
}

const fn choice(key: &'static str, label_es: &'static str, label_en: &'static str, options: &'static [Choice]) -> DetailField {
    DetailField { key, label_es, label_en, field_type: FieldType::Choice, required: false, options }
}

use FieldType::*;

const MEETING: &[DetailField] = &[
    field("counterpart_head", "Titular de la contraparte", "Counterpart head", Text),
    field("counterpart_post", "Cargo del titular", "Head's post", Text),
    choice("meeting_type", "Tipo de reunión", "Meeting type", &[
        opt("trabajo", "De trabajo", "Working meeting"),
        opt("cortesia", "De cortesía", "Courtesy call"),
        opt("vinculacion", "De vinculación", "Liaison meeting"),
    ]),
    field("agreements_reached", "Acuerdos alcanzados", "Agreements reached", LongText),
];

const DELEGATION: &[DetailField] = &[
    required(choice("direction", "Sentido", "Direction", &[
        opt("incoming", "Recibida en la ciudad", "Incoming"),
        opt("outgoing", "Enviada al exterior", "Outgoing"),
    ])),
    field("members", "Integrantes", "Members", List),
    field("head", "Jefe de la delegación", "Head of delegation", Text),
    field("head_rank", "Rango del jefe", "Head's rank", Text),
    field("sites", "Sitios visitados", "Sites visited", List),
    field("protocol", "Categoría protocolaria", "Protocol category", Text),
];

const TRAINING: &[DetailField] = &[
    field("participants", "Participantes", "Participants", Integer),
    field("women", "Mujeres", "Women", Integer),
    field("men", "Hombres", "Men", Integer),
    field("hours", "Horas", "Hours", Decimal),
    field("provider", "Institución que imparte", "Provider", Text),
    field("objective", "Objetivo del curso", "Objective", LongText),
    field("edition", "Edición", "Edition", Text),
    field("units", "Áreas participantes", "Participating units", List),
    field("groups", "Grupos", "Groups", List),
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
        &[
            opt("convenio_marco", "Convenio marco", "Framework agreement"),
            opt("convenio_especifico", "Convenio específico", "Specific agreement"),
            opt("memorandum", "Memorándum de entendimiento", "Memorandum of understanding"),
            opt("hermanamiento", "Acuerdo de hermanamiento", "Twinning agreement"),
            opt("carta_intencion", "Carta de intención", "Letter of intent"),
            opt("declaracion", "Declaración", "Declaration"),
        ],
    )),
    field("parties", "Partes", "Parties", List),
    field("signed_on", "Fecha de firma", "Signed on", Date),
    field("valid_until", "Vigencia", "Valid until", Date),
    choice("agreement_status", "Estado del instrumento", "Instrument status", &[
            opt("vigente", "Vigente", "In force"),
            opt("en_evaluacion", "En evaluación", "Under review"),
            opt("concluido", "Concluido", "Concluded"),
        ]),
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
        &[
            opt("foro", "Foro", "Forum"),
            opt("cumbre", "Cumbre", "Summit"),
            opt("congreso", "Congreso", "Congress"),
            opt("seminario", "Seminario", "Seminar"),
            opt("webinar", "Webinario", "Webinar"),
            opt("exposicion", "Exposición", "Exhibition"),
            opt("feria", "Feria", "Fair"),
            opt("otro", "Otro", "Other"),
        ],
    ),
    choice(
        "city_role",
        "Papel de la ciudad",
        "City's role",
        &[
            opt("anfitrion", "Anfitriona", "Host"),
            opt("organizador", "Organizadora", "Organiser"),
            opt("coorganizador", "Coorganizadora", "Co-organiser"),
            opt("ponente", "Ponente", "Speaker"),
            opt("panelista", "Panelista", "Panellist"),
            opt("mensaje_grabado", "Mensaje grabado", "Recorded message"),
            opt("asistente", "Asistente", "Attendee"),
        ],
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
    // An amount and its currency, or an in-kind description: validation asks for one of them.
    field("amount", "Monto otorgado", "Amount granted", Decimal),
    field("currency", "Moneda", "Currency", Currency),
    field("in_kind", "Donación en especie", "In-kind donation", LongText),
    required(field("donor", "Organización donante", "Donor", Text)),
    field("purpose", "Proyecto o propósito", "Purpose", LongText),
    field("amount_mxn", "Equivalente en MXN", "MXN equivalent", Decimal),
];

const PRESS: &[DetailField] = &[
    required(field("outlet", "Medio", "Outlet", Text)),
    field("outlet_country", "País del medio", "Outlet's country", Country),
    choice("piece_type", "Tipo de nota", "Piece type", &[
        opt("mencion", "Mención", "Mention"),
        opt("articulo", "Artículo", "Article"),
        opt("entrevista", "Entrevista", "Interview"),
    ]),
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
            "participants":1,"women":1,"men":1,"hours":"1","provider":"a","objective":"a","units":["a"],"groups":["a"],
            "occasion":"a","requested_by":"a","monument":"a","colors":"a","executed_by":"a",
            "agreement_type":"a","parties":["a"],"signed_on":"2021","valid_until":"2021","agreement_status":"a",
            "network":"a","body":"a","role":"a","term":"a","event_type":"a","city_role":"a","organiser":"a",
            "edition":"a","registered":1,"countries_count":1,"sessions":1,"lead_partner":"a","funder":"a",
            "products":"a","granted_by":"a","award_name":"a","category":"a","programme":"a","amount":"1",
            "currency":"a","donor":"a","in_kind":"a","purpose":"a","amount_mxn":"1","outlet":"a","outlet_country":"a",
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

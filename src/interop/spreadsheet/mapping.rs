//! Which column feeds which field. [`Mapping::propose`] reads the headers (Spanish or English,
//! any accents or case), [`Mapping::propose_for`] the values under them too; the person adjusts it in a JSON file that names only what changes:
//!
//! ```json
//! { "columns": { "Fecha del evento": "date", "Observaciones": "ignore", "Donante": "details.donor" },
//!   "default_year": 2021, "default_kind": "meeting", "default_currency": "USD", "sheet": "2021",
//!   "default_details": { "direction": "incoming" } }
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{field_named, fields_of, Kind};
use crate::interop::problem::Problem;
use crate::text::fold;

/// A field a column can feed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// The record's id: a sheet exported by Enlace, edited and imported back, updates records.
    Id,
    Kind,
    Title,
    /// A date or a span in one cell ("del 3 al 5 de agosto").
    Date,
    StartDate,
    EndDate,
    /// The date as the source wrote it, kept beside the parsed date.
    DateText,
    StartTime,
    EndTime,
    Summary,
    Modality,
    Place,
    Countries,
    Organisations,
    People,
    Axis,
    Topics,
    Outcomes,
    Status,
    /// An amount with its currency and MXN equivalent in one cell: "308,000 USD (6,344,800 mxn)".
    Amount,
    /// A kind-specific field: `details.donor`, `details.participants`.
    Detail(&'static str),
    Ignore,
}

const PLAIN: &[(&str, Target)] = &[
    ("id", Target::Id),
    ("kind", Target::Kind),
    ("title", Target::Title),
    ("date", Target::Date),
    ("start_date", Target::StartDate),
    ("end_date", Target::EndDate),
    ("date_text", Target::DateText),
    ("start_time", Target::StartTime),
    ("end_time", Target::EndTime),
    ("summary", Target::Summary),
    ("modality", Target::Modality),
    ("place", Target::Place),
    ("countries", Target::Countries),
    ("organisations", Target::Organisations),
    ("people", Target::People),
    ("axis", Target::Axis),
    ("topics", Target::Topics),
    ("outcomes", Target::Outcomes),
    ("status", Target::Status),
    ("amount", Target::Amount),
    ("ignore", Target::Ignore),
];

/// A field a column can feed, as a list of choices shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TargetChoice {
    /// The target as a mapping names it: `title`, `details.donor`.
    pub name: String,
    pub label_es: String,
    pub label_en: String,
}

/// Labels of the fields every kind has, in the order a person reads a record.
const PLAIN_LABELS: &[(&str, &str, &str)] = &[
    ("ignore", "(no importar)", "(do not import)"),
    ("kind", "Tipo de actividad", "Activity type"),
    ("title", "Título", "Title"),
    ("date", "Fecha o periodo", "Date or span"),
    ("start_date", "Fecha de inicio", "Start date"),
    ("end_date", "Fecha de término", "End date"),
    ("date_text", "Fecha como se escribió", "Date as written"),
    ("start_time", "Hora de inicio", "Start time"),
    ("end_time", "Hora de término", "End time"),
    ("summary", "Descripción", "Description"),
    ("modality", "Modalidad", "Modality"),
    ("place", "Lugar", "Place"),
    ("countries", "Países", "Countries"),
    ("organisations", "Organizaciones", "Organisations"),
    ("people", "Personas", "People"),
    ("axis", "Eje", "Policy axis"),
    ("topics", "Temas", "Topics"),
    ("outcomes", "Resultados", "Outcomes"),
    ("status", "Estado", "Status"),
    ("amount", "Monto con moneda", "Amount with currency"),
    ("id", "Identificador de Enlace", "Enlace id"),
];

impl Target {
    /// Every target a column can be given: the common fields, then each kind-specific field
    /// once, labelled with the kinds that have it ("Edición (Capacitación, Evento, Premio)").
    pub fn choices() -> Vec<TargetChoice> {
        let plain = PLAIN_LABELS.iter().map(|(name, es, en)| TargetChoice { name: name.to_string(), label_es: es.to_string(), label_en: en.to_string() });
        let mut details: Vec<(&'static str, String, String, Vec<Kind>)> = Vec::new();
        for kind in Kind::ALL {
            for f in fields_of(kind) {
                match details.iter_mut().find(|(key, ..)| *key == f.key) {
                    Some((.., kinds)) => kinds.push(kind),
                    None => details.push((f.key, f.label_es.to_string(), f.label_en.to_string(), vec![kind])),
                }
            }
        }
        let detail = details.into_iter().map(|(key, es, en, kinds)| {
            let names = |label: fn(&Kind) -> &'static str| kinds.iter().map(label).collect::<Vec<_>>().join(", ");
            TargetChoice {
                name: format!("details.{key}"),
                label_es: format!("{es} ({})", names(|k| k.label_es())),
                label_en: format!("{en} ({})", names(|k| k.label_en())),
            }
        });
        plain.chain(detail).collect()
    }

    pub fn name(&self) -> String {
        match self {
            Target::Detail(key) => format!("details.{key}"),
            other => PLAIN.iter().find(|(_, t)| t == other).map(|(n, _)| n.to_string()).unwrap_or_default(),
        }
    }

    pub fn parse(text: &str) -> Result<Target, Problem> {
        let name = text.trim();
        if let Some((_, t)) = PLAIN.iter().find(|(n, _)| *n == name) {
            return Ok(t.clone());
        }
        if let Some(key) = name.strip_prefix("details.").and_then(field_named).map(|f| f.key) {
            return Ok(Target::Detail(key));
        }
        let names: Vec<&str> = PLAIN.iter().map(|(n, _)| *n).collect();
        Err(Problem::new(
            format!("destino «{name}» desconocido; use uno de: {}, o details.<campo> (p. ej. details.donor)", names.join(", ")),
            format!("unknown target «{name}»; use one of: {}, or details.<field> (e.g. details.donor)", names.join(", ")),
        ))
    }

    /// The interchange fields this target writes; on an update, only these replace the
    /// record's values.
    pub fn fields(&self) -> Vec<String> {
        let names: &[&str] = match self {
            Target::Date => &["start_date", "end_date", "start_time", "date_text"],
            Target::StartDate => &["start_date", "date_text"],
            Target::Amount => &["details.amount", "details.currency", "details.amount_mxn"],
            Target::Ignore => &[],
            Target::Detail(key) => return vec![format!("details.{key}")],
            other => return vec![other.name()],
        };
        names.iter().map(|n| n.to_string()).collect()
    }

    /// Targets fed by several columns join their values instead of clashing.
    pub(crate) fn takes_many_columns(&self) -> bool {
        matches!(self, Target::Countries | Target::Organisations | Target::People | Target::Topics | Target::Summary | Target::Ignore)
    }
}


impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Target::parse(&text).map_err(|p| serde::de::Error::custom(p.es))
    }
}

/// Header words (folded) and the field they name.
const HEADER_WORDS: &[(&str, Target)] = &[
    ("identificador", Target::Id),
    ("actividad", Target::Kind),
    ("tipo", Target::Kind),
    ("tipo de actividad", Target::Kind),
    ("tipo de evento", Target::Kind),
    ("categoria", Target::Kind),
    ("activity type", Target::Kind),
    ("type", Target::Kind),
    ("titulo", Target::Title),
    ("nombre", Target::Title),
    ("nombre de la actividad", Target::Title),
    ("nombre del evento", Target::Title),
    ("nombre de la reunion", Target::Title),
    ("evento", Target::Title),
    ("event name", Target::Title),
    ("asunto", Target::Title),
    ("fecha", Target::Date),
    ("fechas", Target::Date),
    ("fecha s", Target::Date),
    ("dates", Target::Date),
    ("fecha de inicio", Target::StartDate),
    ("inicio", Target::StartDate),
    ("desde", Target::StartDate),
    ("start", Target::StartDate),
    ("fecha de termino", Target::EndDate),
    ("fecha de conclusion", Target::EndDate),
    ("fecha final", Target::EndDate),
    ("fecha de fin", Target::EndDate),
    ("termino", Target::EndDate),
    ("fin", Target::EndDate),
    ("hasta", Target::EndDate),
    ("end", Target::EndDate),
    ("fecha como se escribio", Target::DateText),
    ("date as written", Target::DateText),
    ("hora", Target::StartTime),
    ("hora de inicio", Target::StartTime),
    ("time", Target::StartTime),
    ("hora de termino", Target::EndTime),
    ("hora final", Target::EndTime),
    ("descripcion", Target::Summary),
    ("resumen", Target::Summary),
    ("narrativa", Target::Summary),
    ("description", Target::Summary),
    ("modalidad", Target::Modality),
    ("formato", Target::Modality),
    ("lugar", Target::Place),
    ("sede", Target::Place),
    ("ciudad", Target::Place),
    ("venue", Target::Place),
    ("city", Target::Place),
    ("location", Target::Place),
    ("pais", Target::Countries),
    ("paises", Target::Countries),
    ("pais es", Target::Countries),
    ("country", Target::Countries),
    ("contraparte", Target::Organisations),
    ("contrapartes", Target::Organisations),
    ("organizacion", Target::Organisations),
    ("organizaciones", Target::Organisations),
    ("dependencia", Target::Organisations),
    ("dependencias", Target::Organisations),
    ("institucion", Target::Organisations),
    ("instituciones", Target::Organisations),
    ("counterpart", Target::Organisations),
    ("counterparts", Target::Organisations),
    ("organisation", Target::Organisations),
    ("organization", Target::Organisations),
    ("organizations", Target::Organisations),
    ("personas", Target::People),
    ("asistentes", Target::People),
    ("attendees", Target::People),
    ("eje", Target::Axis),
    ("eje tematico", Target::Axis),
    ("eje de gobierno", Target::Axis),
    ("policy axis", Target::Axis),
    ("tema", Target::Topics),
    ("temas", Target::Topics),
    ("themes", Target::Topics),
    ("resultados", Target::Outcomes),
    ("results", Target::Outcomes),
    ("estado", Target::Status),
    ("estatus", Target::Status),
    ("monto", Target::Amount),
    ("importe", Target::Amount),
    ("cantidad", Target::Amount),
    ("divisa", Target::Detail("currency")),
    ("equivalente en pesos", Target::Detail("amount_mxn")),
    ("monto en pesos", Target::Detail("amount_mxn")),
    ("monto mxn", Target::Detail("amount_mxn")),
    ("donante", Target::Detail("donor")),
    ("ocasion", Target::Detail("occasion")),
    ("numero de participantes", Target::Detail("participants")),
    ("imparte", Target::Detail("provider")),
];

/// The field a header names: the word table, a field's own name (`start_date`), or a detail's
/// label in either language (`Organización donante`, `Participants`).
pub fn target_for_header(header: &str) -> Option<Target> {
    let h = fold(header);
    if let Some((_, t)) = HEADER_WORDS.iter().find(|(w, _)| *w == h) {
        return Some(t.clone());
    }
    if let Some((_, t)) = PLAIN.iter().find(|(n, t)| fold(n) == h && *t != Target::Ignore) {
        return Some(t.clone());
    }
    Kind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .find(|f| fold(f.label_es) == h || fold(f.label_en) == h || fold(f.key) == h)
        .map(|f| Target::Detail(f.key))
}

/// How a sheet's columns become fields, and what the sheet leaves implicit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct Mapping {
    /// Header as written in the file → field. Headers are matched without accents or case.
    #[serde(default)]
    #[ts(type = "Record<string, string>")]
    pub columns: BTreeMap<String, Target>,
    /// Year of dates written without one ("20 julio").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_year: Option<i32>,
    /// Kind of rows whose kind cell is empty (or that have no kind column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_kind: Option<String>,
    /// Currency of amounts that name none ("$ 20,000").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_currency: Option<String>,
    /// Workbook sheet to read (default: the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// A detail set once for every row whose kind has it and that leaves it empty, when the
    /// sheet has no column for it: `{"direction": "Recibida en la ciudad"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<BTreeMap<String, String>>", optional)]
    pub default_details: BTreeMap<String, String>,
}

impl Mapping {
    /// A mapping guessed from the headers. A field already taken by an earlier column leaves
    /// later columns ignored, so the proposal is always usable as it stands.
    pub fn propose(headers: &[String]) -> Mapping {
        let mut columns = BTreeMap::new();
        let mut taken = Vec::new();
        for h in headers {
            let target = match target_for_header(h) {
                Some(t) if t.takes_many_columns() || !taken.contains(&t) => t,
                _ => Target::Ignore,
            };
            taken.push(target.clone());
            columns.insert(h.clone(), target);
        }
        Mapping { columns, ..Mapping::default() }
    }

    /// A mapping guessed from the headers and the values under them (see
    /// [`super::proposal`]), with the reason for each column.
    pub fn propose_for(table: &super::Table) -> super::proposal::Proposal {
        super::proposal::propose(table)
    }

    /// Reads a mapping file (JSON).
    pub fn from_json(text: &str) -> Result<Mapping, Problem> {
        serde_json::from_str(text).map_err(|e| {
            Problem::new(format!("el archivo de mapeo no es válido: {e}"), format!("the mapping file is not valid: {e}"))
        })
    }

    /// This mapping with the person's adjustments on top: their columns and defaults win.
    pub fn adjusted(mut self, adjustments: &Mapping) -> Mapping {
        for (header, target) in &adjustments.columns {
            self.columns.retain(|h, _| fold(h) != fold(header));
            self.columns.insert(header.clone(), target.clone());
        }
        self.default_year = adjustments.default_year.or(self.default_year);
        self.default_kind = adjustments.default_kind.clone().or(self.default_kind);
        self.default_currency = adjustments.default_currency.clone().or(self.default_currency);
        self.sheet = adjustments.sheet.clone().or(self.sheet);
        self.default_details.extend(adjustments.default_details.clone());
        self
    }

    /// The target of each of the table's columns, in column order. Fails when the mapping
    /// names a header the file lacks, or feeds a single-valued field from two columns.
    pub fn resolve(&self, headers: &[String]) -> Result<Vec<Target>, Problem> {
        if let Some(key) = self.default_details.keys().find(|k| field_named(k).is_none()) {
            return Err(Problem::new(
                format!("el mapeo da un valor para todas las filas a «{key}», que no es un dato de ninguna actividad"),
                format!("the mapping sets «{key}» for every row, which is no activity's field"),
            ));
        }
        for named in self.columns.keys() {
            if !headers.iter().any(|h| fold(h) == fold(named)) {
                return Err(Problem::new(
                    format!("el mapeo nombra la columna «{named}», que no está en el archivo; columnas: {}", headers.join(", ")),
                    format!("the mapping names the column «{named}», which is not in the file; columns: {}", headers.join(", ")),
                ));
            }
        }
        let targets: Vec<Target> = headers
            .iter()
            .map(|h| self.columns.iter().find(|(named, _)| fold(named) == fold(h)).map_or(Target::Ignore, |(_, t)| t.clone()))
            .collect();
        for (i, t) in targets.iter().enumerate() {
            if let Some(j) = targets[..i].iter().position(|earlier| earlier == t && !t.takes_many_columns()) {
                return Err(Problem::new(
                    format!("las columnas «{}» y «{}» alimentan el mismo campo «{t}»; marque una como \"ignore\"", headers[j], headers[i]),
                    format!("columns «{}» and «{}» both feed «{t}»; mark one \"ignore\"", headers[j], headers[i]),
                ));
            }
        }
        Ok(targets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn proposes_from_spanish_and_english_headers() {
        let h = headers(&["FECHA", "País", "Tipo", "Modalidad", "Eje", "Contraparte", "Título", "Descripción", "Lugar", "Monto", "Moneda", "Organización donante", "Participants", "Notas internas"]);
        let m = Mapping::propose(&h);
        let t = m.resolve(&h).unwrap();
        use Target::*;
        assert_eq!(
            t,
            vec![Date, Countries, Kind, Modality, Axis, Organisations, Title, Summary, Place, Amount, Detail("currency"), Detail("donor"), Detail("participants"), Ignore]
        );
    }

    #[test]
    fn every_choice_parses_back_and_shared_details_appear_once() {
        let choices = Target::choices();
        for c in &choices {
            assert_eq!(Target::parse(&c.name).unwrap().name(), c.name);
        }
        assert_eq!(choices.len(), PLAIN.len() + choices.iter().filter(|c| c.name.starts_with("details.")).count());
        let edition: Vec<_> = choices.iter().filter(|c| c.name == "details.edition").collect();
        assert_eq!(edition.len(), 1);
        assert!(edition[0].label_es.contains("Capacitación") && edition[0].label_es.contains("Evento"), "{}", edition[0].label_es);
    }

    #[test]
    fn detail_labels_win_over_loose_synonyms() {
        assert_eq!(target_for_header("Periodo"), Some(Target::Detail("term")), "a network's term, not the activity's date");
        assert_eq!(target_for_header("Fecha como se escribió"), Some(Target::DateText));
        assert_eq!(target_for_header("Id"), Some(Target::Id));
    }

    #[test]
    fn a_second_column_for_the_same_field_is_ignored_in_the_proposal() {
        let h = headers(&["Fecha", "Fechas", "País", "Países"]);
        let t = Mapping::propose(&h).resolve(&h).unwrap();
        assert_eq!(t, vec![Target::Date, Target::Ignore, Target::Countries, Target::Countries]);
    }

    #[test]
    fn adjustments_from_json_win() {
        let h = headers(&["Fecha", "Notas", "Donante"]);
        let user = Mapping::from_json(r#"{"columns": {"notas": "summary", "Fecha": "start_date"}, "default_year": 2021}"#).unwrap();
        let m = Mapping::propose(&h).adjusted(&user);
        assert_eq!(m.resolve(&h).unwrap(), vec![Target::StartDate, Target::Summary, Target::Detail("donor")]);
        assert_eq!(m.default_year, Some(2021));
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(Mapping::from_json(&json).unwrap(), m, "a mapping round-trips through its file");
    }

    #[test]
    fn bad_mappings_are_explained() {
        let e = Mapping::from_json(r#"{"columns": {"Fecha": "fecha"}}"#).unwrap_err();
        assert!(e.es.contains("destino «fecha» desconocido"), "{e}");
        assert!(Mapping::from_json(r#"{"columns": {"Fecha": "details.nope"}}"#).is_err());
        let h = headers(&["Fecha", "Inicio"]);
        let m = Mapping::from_json(r#"{"columns": {"Fecha": "date", "Inicio": "date"}}"#).unwrap();
        assert!(m.resolve(&h).unwrap_err().es.contains("alimentan el mismo campo"));
        let m = Mapping::from_json(r#"{"columns": {"Día": "date"}}"#).unwrap();
        assert!(m.resolve(&h).unwrap_err().es.contains("«Día»"));
    }
}

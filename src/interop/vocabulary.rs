//! Spanish and English words offices use for what an activity is: "Reunión" is a meeting,
//! "Taller" a training, "Memorándum" an agreement of type memorandum. Also fills the
//! required details a spreadsheet row or report item implies but rarely names.

use crate::domain::{ActivityInput, Kind};
use crate::text::fold;

/// Words (folded) that name each kind; a cell or title's first matching word decides.
const KIND_WORDS: &[(&str, Kind)] = &[
    ("reunion", Kind::Meeting),
    ("meeting", Kind::Meeting),
    ("encuentro", Kind::Meeting),
    ("entrevista", Kind::Meeting),
    ("llamada", Kind::Meeting),
    ("videollamada", Kind::Meeting),
    ("audiencia", Kind::Meeting),
    ("iluminacion", Kind::Illumination),
    ("illumination", Kind::Illumination),
    ("capacitacion", Kind::Training),
    ("curso", Kind::Training),
    ("taller", Kind::Training),
    ("diplomado", Kind::Training),
    ("seminario", Kind::Training),
    ("training", Kind::Training),
    ("course", Kind::Training),
    ("workshop", Kind::Training),
    ("convenio", Kind::Agreement),
    ("memorandum", Kind::Agreement),
    ("memorando", Kind::Agreement),
    ("acuerdo", Kind::Agreement),
    ("hermanamiento", Kind::Agreement),
    ("carta", Kind::Agreement),
    ("declaracion", Kind::Agreement),
    ("adhesion", Kind::Agreement),
    ("agreement", Kind::Agreement),
    ("mou", Kind::Agreement),
    ("delegacion", Kind::Delegation),
    ("visita", Kind::Delegation),
    ("gira", Kind::Delegation),
    ("recepcion", Kind::Delegation),
    ("pasantia", Kind::Delegation),
    ("mision", Kind::Delegation),
    ("delegation", Kind::Delegation),
    ("visit", Kind::Delegation),
    ("red", Kind::Network),
    ("network", Kind::Network),
    ("evento", Kind::Event),
    ("foro", Kind::Event),
    ("cumbre", Kind::Event),
    ("congreso", Kind::Event),
    ("conferencia", Kind::Event),
    ("webinar", Kind::Event),
    ("webinario", Kind::Event),
    ("exposicion", Kind::Event),
    ("feria", Kind::Event),
    ("event", Kind::Event),
    ("forum", Kind::Event),
    ("summit", Kind::Event),
    ("proyecto", Kind::Project),
    ("project", Kind::Project),
    ("reconocimiento", Kind::Award),
    ("premio", Kind::Award),
    ("mencion", Kind::Award),
    ("acreditacion", Kind::Award),
    ("record", Kind::Award),
    ("award", Kind::Award),
    ("financiamiento", Kind::Financing),
    ("donacion", Kind::Financing),
    ("financing", Kind::Financing),
    ("grant", Kind::Financing),
    ("prensa", Kind::Press),
    ("press", Kind::Press),
    ("otro", Kind::Other),
    ("otra", Kind::Other),
    ("other", Kind::Other),
];

/// The kind a cell or title names: an interchange name ("illumination") or the first
/// Spanish or English word that names a kind ("Reunión de trabajo con…" → meeting).
pub fn kind_from_words(text: &str) -> Option<Kind> {
    if let Some(kind) = Kind::parse(text) {
        return Some(kind);
    }
    let folded = fold(text);
    let named = |w: &str| KIND_WORDS.iter().find(|(word, _)| *word == w).map(|(_, k)| *k);
    // Headings use plurals: "Capacitaciones", "Financiamientos recibidos", "Redes".
    folded.split(' ').find_map(|w| named(w).or_else(|| w.strip_suffix('s').and_then(named)).or_else(|| w.strip_suffix("es").and_then(named)))
}

/// The instrument an agreement's wording names, as `details.agreement_type` spells it.
pub fn agreement_type_from_words(text: &str) -> Option<&'static str> {
    let f = fold(text);
    let has = |w: &str| f.contains(w);
    if has("convenio marco") || has("acuerdo marco") {
        Some("convenio_marco")
    } else if has("especific") {
        Some("convenio_especifico")
    } else if has("memorand") || f.split(' ').any(|w| w == "mou") {
        Some("memorandum")
    } else if has("hermanamiento") || has("ciudades hermanas") {
        Some("hermanamiento")
    } else if has("carta de intencion") {
        Some("carta_intencion")
    } else if has("declaracion") || has("adhesion") {
        Some("declaracion")
    } else {
        None
    }
}

/// Incoming or outgoing, from words like "recepción", "visita a la Ciudad" or "gira".
pub fn direction_from_words(text: &str) -> Option<&'static str> {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    let visit_received = ["visita a la ciudad", "visita de la delegacion", "visita de una delegacion"].iter().any(|p| f.contains(p));
    if has("recepcion") || has("huesped") || has("recibio") || has("incoming") || visit_received {
        Some("incoming")
    } else if has("gira") || has("pasantia") || has("viaje") || has("outgoing") || f.contains("visita oficial a") {
        Some("outgoing")
    } else {
        None
    }
}

/// Fills required details the rest of the record implies, so a spreadsheet of
/// illuminations or financings imports without a column per detail: the occasion of an
/// illumination is its title; the donor, granting body, network or outlet is the first
/// counterpart; the agreement type and delegation direction come from the wording.
/// Never overwrites a value the source gave.
pub fn complete_details(input: &mut ActivityInput, wording: &str) {
    let Some(kind) = Kind::parse(&input.kind) else { return };
    let first_org = input.organisations.first().map(|o| o.full().name);
    let d = &mut input.details;
    let fill = |slot: &mut Option<String>, value: Option<String>| {
        if slot.as_deref().is_none_or(|s| s.trim().is_empty()) {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                *slot = Some(v);
            }
        }
    };
    match kind {
        Kind::Illumination => fill(&mut d.occasion, Some(input.title.clone())),
        Kind::Financing => fill(&mut d.donor, first_org),
        Kind::Award => fill(&mut d.granted_by, first_org),
        Kind::Network => fill(&mut d.network, first_org),
        Kind::Press => fill(&mut d.outlet, first_org),
        Kind::Agreement => fill(&mut d.agreement_type, agreement_type_from_words(wording).map(String::from)),
        Kind::Delegation => fill(&mut d.direction, direction_from_words(wording).map(String::from)),
        _ => {}
    }
}

/// A head count as reports write it: "35", "35 personas", "35 personas (20 mujeres y 15
/// hombres)" → 35; a breakdown alone is summed: "10 mujeres y 9 hombres" → 19.
pub fn participants_from_words(text: &str) -> Option<u32> {
    let numbers: Vec<u32> = text.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    let (first, rest) = numbers.split_first()?;
    if rest.is_empty() {
        return Some(*first);
    }
    let f = fold(text);
    let breakdown_only = f.split(' ').nth(1).is_some_and(|w| w == "mujeres" || w == "hombres");
    if breakdown_only {
        Some(numbers.iter().sum())
    } else {
        f.split(' ').any(|w| w == "mujeres" || w == "hombres").then_some(*first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::OrgMention;

    #[test]
    fn spanish_words_name_kinds() {
        let cases = [
            ("Reunión", Kind::Meeting),
            ("REUNIÓN DE TRABAJO", Kind::Meeting),
            ("Iluminación", Kind::Illumination),
            ("Capacitación", Kind::Training),
            ("Curso en línea", Kind::Training),
            ("Taller", Kind::Training),
            ("Convenio", Kind::Agreement),
            ("Memorándum de Entendimiento", Kind::Agreement),
            ("Recepción de delegación", Kind::Delegation),
            ("Foro internacional", Kind::Event),
            ("Premio", Kind::Award),
            ("Capacitaciones", Kind::Training),
            ("Financiamientos recibidos", Kind::Financing),
            ("Redes de ciudades", Kind::Network),
            ("Financiamiento", Kind::Financing),
            ("illumination", Kind::Illumination),
            ("Meeting", Kind::Meeting),
        ];
        for (text, kind) in cases {
            assert_eq!(kind_from_words(text), Some(kind), "{text}");
        }
        assert_eq!(kind_from_words("Reunión con la Embajada para preparar el foro"), Some(Kind::Meeting), "first word wins");
        assert_eq!(kind_from_words("Asuntos varios"), None);
    }

    #[test]
    fn head_counts() {
        assert_eq!(participants_from_words("35"), Some(35));
        assert_eq!(participants_from_words("35 personas (20 mujeres y 15 hombres)"), Some(35));
        assert_eq!(participants_from_words("10 mujeres y 9 hombres"), Some(19));
        assert_eq!(participants_from_words("entre 30 y 40"), None);
        assert_eq!(participants_from_words("por confirmar"), None);
    }

    #[test]
    fn agreement_types_and_directions() {
        assert_eq!(agreement_type_from_words("Memorándum de Entendimiento"), Some("memorandum"));
        assert_eq!(agreement_type_from_words("Convenio Marco de Colaboración"), Some("convenio_marco"));
        assert_eq!(agreement_type_from_words("Convenio de cooperación específica"), Some("convenio_especifico"));
        assert_eq!(agreement_type_from_words("Convenio"), None);
        assert_eq!(direction_from_words("Recepción de la delegación de Bogotá"), Some("incoming"));
        assert_eq!(direction_from_words("Gira de trabajo por Francia"), Some("outgoing"));
    }

    #[test]
    fn completes_required_details_without_overwriting() {
        let mut input = ActivityInput {
            kind: "financing".into(),
            title: "Movilidad eléctrica".into(),
            organisations: vec![OrgMention::Name("UK PACT".into())],
            ..Default::default()
        };
        complete_details(&mut input, "");
        assert_eq!(input.details.donor.as_deref(), Some("UK PACT"));

        let mut input = ActivityInput { kind: "illumination".into(), title: "Día de Suiza".into(), ..Default::default() };
        input.details.occasion = Some("Fiesta nacional".into());
        complete_details(&mut input, "");
        assert_eq!(input.details.occasion.as_deref(), Some("Fiesta nacional"));

        let mut input = ActivityInput { kind: "agreement".into(), title: "Hermanamiento".into(), ..Default::default() };
        complete_details(&mut input, "Acuerdo de hermanamiento con Lima");
        assert_eq!(input.details.agreement_type.as_deref(), Some("hermanamiento"));
    }
}

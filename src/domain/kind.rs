//! The kinds of international activity an office records.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What sort of activity a record is. Its interchange name is the snake_case variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Kind {
    Meeting,
    Delegation,
    Training,
    Illumination,
    Agreement,
    Network,
    Event,
    Project,
    Award,
    Financing,
    Press,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Meeting,
        Kind::Delegation,
        Kind::Training,
        Kind::Illumination,
        Kind::Agreement,
        Kind::Network,
        Kind::Event,
        Kind::Project,
        Kind::Award,
        Kind::Financing,
        Kind::Press,
        Kind::Other,
    ];

    /// The interchange and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Delegation => "delegation",
            Kind::Training => "training",
            Kind::Illumination => "illumination",
            Kind::Agreement => "agreement",
            Kind::Network => "network",
            Kind::Event => "event",
            Kind::Project => "project",
            Kind::Award => "award",
            Kind::Financing => "financing",
            Kind::Press => "press",
            Kind::Other => "other",
        }
    }

    /// Singular label in Spanish, as a section of a report names it.
    pub fn label_es(self) -> &'static str {
        match self {
            Kind::Meeting => "Reunión",
            Kind::Delegation => "Delegación",
            Kind::Training => "Capacitación",
            Kind::Illumination => "Iluminación de monumentos",
            Kind::Agreement => "Convenio",
            Kind::Network => "Red de ciudades",
            Kind::Event => "Evento",
            Kind::Project => "Proyecto de cooperación",
            Kind::Award => "Reconocimiento",
            Kind::Financing => "Financiamiento",
            Kind::Press => "Prensa internacional",
            Kind::Other => "Otra actividad",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Kind::Meeting => "Meeting",
            Kind::Delegation => "Delegation",
            Kind::Training => "Training",
            Kind::Illumination => "Monument illumination",
            Kind::Agreement => "Agreement",
            Kind::Network => "City network",
            Kind::Event => "Event",
            Kind::Project => "Cooperation project",
            Kind::Award => "Award",
            Kind::Financing => "Financing",
            Kind::Press => "International press",
            Kind::Other => "Other activity",
        }
    }

    /// Reads an interchange name (`"illumination"`).
    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an activity took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Modality {
    Presencial,
    Virtual,
    Hibrido,
    /// Trainings abroad ("en el extranjero").
    Extranjero,
}

impl Modality {
    pub const ALL: [Modality; 4] = [Modality::Presencial, Modality::Virtual, Modality::Hibrido, Modality::Extranjero];

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Presencial => "presencial",
            Modality::Virtual => "virtual",
            Modality::Hibrido => "hibrido",
            Modality::Extranjero => "extranjero",
        }
    }

    pub fn label_es(self) -> &'static str {
        match self {
            Modality::Presencial => "Presencial",
            Modality::Virtual => "Virtual",
            Modality::Hibrido => "Híbrida",
            Modality::Extranjero => "En el extranjero",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Modality::Presencial => "In person",
            Modality::Virtual => "Virtual",
            Modality::Hibrido => "Hybrid",
            Modality::Extranjero => "Abroad",
        }
    }

    /// Accepts the interchange names with or without accents and in either language.
    pub fn parse(text: &str) -> Option<Modality> {
        match crate::text::fold(text).as_str() {
            "presencial" | "in person" => Some(Modality::Presencial),
            "virtual" | "en linea" | "online" => Some(Modality::Virtual),
            "hibrido" | "hibrida" | "hybrid" => Some(Modality::Hibrido),
            "extranjero" | "en el extranjero" | "abroad" => Some(Modality::Extranjero),
            _ => None,
        }
    }
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    Planned,
    #[default]
    Done,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Planned, Status::Done, Status::Cancelled];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn label_es(self) -> &'static str {
        match self {
            Status::Planned => "Planeada",
            Status::Done => "Realizada",
            Status::Cancelled => "Cancelada",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::Done => "Done",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Accepts the interchange names and their Spanish forms.
    pub fn parse(text: &str) -> Option<Status> {
        match crate::text::fold(text).as_str() {
            "planned" | "planeada" | "planeado" | "programada" => Some(Status::Planned),
            "done" | "realizada" | "realizado" | "concluida" => Some(Status::Done),
            "cancelled" | "canceled" | "cancelada" | "cancelado" => Some(Status::Cancelled),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_their_names() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        assert_eq!(Kind::parse("iluminacion"), None);
    }

    #[test]
    fn modality_accepts_accents_and_english() {
        assert_eq!(Modality::parse("Híbrido"), Some(Modality::Hibrido));
        assert_eq!(Modality::parse("hibrido"), Some(Modality::Hibrido));
        assert_eq!(Modality::parse("In person"), Some(Modality::Presencial));
        assert_eq!(Modality::parse("telepatía"), None);
    }
}

//! The directory: organisations and people that activities link to.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activity::RecordMeta;
use super::ids::{OrgId, PersonId};

/// What sort of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OrgKind {
    Embassy,
    Consulate,
    NationalGovernment,
    LocalGovernment,
    Multilateral,
    CityNetwork,
    CooperationAgency,
    Foundation,
    Company,
    University,
    Ngo,
    Domestic,
    #[default]
    Other,
}

impl OrgKind {
    pub const ALL: [OrgKind; 13] = [
        OrgKind::Embassy,
        OrgKind::Consulate,
        OrgKind::NationalGovernment,
        OrgKind::LocalGovernment,
        OrgKind::Multilateral,
        OrgKind::CityNetwork,
        OrgKind::CooperationAgency,
        OrgKind::Foundation,
        OrgKind::Company,
        OrgKind::University,
        OrgKind::Ngo,
        OrgKind::Domestic,
        OrgKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Embassy => "embassy",
            OrgKind::Consulate => "consulate",
            OrgKind::NationalGovernment => "national_government",
            OrgKind::LocalGovernment => "local_government",
            OrgKind::Multilateral => "multilateral",
            OrgKind::CityNetwork => "city_network",
            OrgKind::CooperationAgency => "cooperation_agency",
            OrgKind::Foundation => "foundation",
            OrgKind::Company => "company",
            OrgKind::University => "university",
            OrgKind::Ngo => "ngo",
            OrgKind::Domestic => "domestic",
            OrgKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }

    /// A best guess from the name, for organisations an import creates without a kind.
    pub fn guess(name: &str) -> OrgKind {
        let folded = crate::text::fold(name);
        let starts = |p: &str| folded.starts_with(p);
        if starts("embajada") || starts("embassy") {
            OrgKind::Embassy
        } else if starts("consulado") || starts("consulate") {
            OrgKind::Consulate
        } else if starts("universidad") || starts("university") {
            OrgKind::University
        } else if starts("ayuntamiento") || starts("alcaldia") || starts("prefeitura") || starts("intendencia") || starts("municipalidad") || starts("city of") {
            OrgKind::LocalGovernment
        } else {
            OrgKind::Other
        }
    }
}

/// An organisation of the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    pub acronym: Option<String>,
    pub notes: Option<String>,
    pub meta: RecordMeta,
}

/// A person of the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub post: Option<String>,
    pub organisation_id: Option<crate::domain::OrgId>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub meta: RecordMeta,
}

/// Two directory entries that probably name the same organisation or person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LikelyDuplicate {
    pub a_id: String,
    pub a_name: String,
    pub b_id: String,
    pub b_name: String,
    /// Why they look alike, in Spanish.
    pub reason: String,
}

/// Reduces an organisation's name to what identifies it, so that "Embajada del Perú",
/// "Embajada de Peru" and "embajada de perú en méxico" compare equal.
pub fn org_key(name: &str) -> String {
    const FILLER: [&str; 8] = ["de", "del", "la", "el", "los", "las", "the", "of"];
    let folded = crate::text::fold(name);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !FILLER.contains(w)).collect();
    // "… en México" adds nothing for an office in Mexico.
    if let Some(pos) = words.windows(2).position(|w| w[0] == "en" && (w[1] == "mexico" || w[1] == "cdmx")) {
        words.truncate(pos);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_key_ignores_articles_accents_and_host_country() {
        assert_eq!(org_key("Embajada del Perú"), org_key("Embajada de Peru"));
        assert_eq!(org_key("Embajada de Perú en México"), org_key("EMBAJADA DEL PERU"));
        assert_ne!(org_key("Embajada de Perú"), org_key("Embajada de Chile"));
    }

    #[test]
    fn guesses_kind_from_name() {
        assert_eq!(OrgKind::guess("Embajada de Francia"), OrgKind::Embassy);
        assert_eq!(OrgKind::guess("Prefeitura de São Paulo"), OrgKind::LocalGovernment);
        assert_eq!(OrgKind::guess("GIZ"), OrgKind::Other);
    }
}

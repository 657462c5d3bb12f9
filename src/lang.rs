//! The two languages Enlace speaks, and text said in both.
//!
//! [`Lang`] is the language a person reads the app, documents, exports and messages in (Spanish
//! first). [`Text`] is one thing said in Spanish and in English; every core error explains
//! itself as a `Text` through [`Explain`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language a person reads documents, exports and messages in. Spanish is the default:
/// it is what the offices read first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, es: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }

    /// Parses `es` / `en` (as given on the command line), case-insensitive.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// ISO 639-1 code, written into the PDF metadata.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

/// One thing said in Spanish and in English: a message, a label, a field's problem.
/// `Display` shows the Spanish (es-MX first).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Text {
    pub es: String,
    pub en: String,
}

impl Text {
    pub fn new(es: impl Into<String>, en: impl Into<String>) -> Text {
        Text { es: es.into(), en: en.into() }
    }

    /// The text in `lang`.
    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.es, &self.en)
    }

    /// The same change made to both languages: `text.map(|s| format!("{s}."))`.
    pub fn map(self, mut f: impl FnMut(String) -> String) -> Text {
        Text { es: f(self.es), en: f(self.en) }
    }

    /// Both languages as sentences: capital first letter, final full stop.
    pub fn sentence(self) -> Text {
        self.map(|s| sentence(&s))
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.es)
    }
}

/// Outside data that could not be read is explained by its [`Text`] alone
/// ([`Problem`](crate::interop::Problem) is a `Text`).
impl std::error::Error for Text {}

impl Explain for Text {
    fn text(&self) -> Text {
        self.clone()
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Invalid
    }
}

impl Lang {
    /// Names as a sentence lists them: "Planeada, Realizada o Cancelada".
    pub fn listing(self, names: &[&str]) -> String {
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), self.pick("o", "or")),
            _ => names.concat(),
        }
    }
}

/// A message as a sentence: capital first letter, final full stop.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    let body = format!("{first}{}", chars.as_str());
    if body.ends_with('.') {
        body
    } else {
        format!("{body}.")
    }
}

/// What sort of failure an error is, for a caller (the window) that branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Invalid,
    NotFound,
    Cancelled,
    Storage,
    Io,
    /// The database needs the office passphrase, or the one given is wrong.
    Locked,
}

/// An error that explains itself to a person, in Spanish and English. Every core error
/// implements it; the desktop shell turns any of them into what the window shows.
pub trait Explain {
    /// What went wrong and, where it helps, what to do: the message a person reads.
    fn text(&self) -> Text;

    /// What sort of failure it is.
    fn code(&self) -> ErrorCode;

    /// For a record that failed validation, each field's problem; empty otherwise.
    fn fields(&self) -> Vec<crate::domain::FieldError> {
        Vec::new()
    }
}

/// The message of any cancelled job.
pub fn cancelled() -> Text {
    Text::new("Operación cancelada.", "Operation cancelled.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_parses_and_makes_sentences() {
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        let t = Text::new("ámbito cerrado", "closed scope");
        assert_eq!(t.pick(Lang::En), "closed scope");
        assert_eq!(t.to_string(), "ámbito cerrado");
        assert_eq!(t.sentence(), Text::new("Ámbito cerrado.", "Closed scope."));
        assert_eq!(sentence("ya."), "Ya.");
    }
}

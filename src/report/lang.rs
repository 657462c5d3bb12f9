//! The language a document is printed in, and the few labels the renderer
//! itself prints (everything else arrives as text from the caller).

/// The language a person reads documents, exports and messages in. Spanish is the default:
/// it is what the offices read first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
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

    /// The running footer's page label: "Página 3 de 12" / "Page 3 of 12".
    pub fn page_of(self, page: usize, total: usize) -> String {
        match self {
            Lang::Es => format!("Página {page} de {total}"),
            Lang::En => format!("Page {page} of {total}"),
        }
    }

    /// Title of the table of contents.
    pub fn contents(self) -> &'static str {
        match self {
            Lang::Es => "Contenido",
            Lang::En => "Contents",
        }
    }

    /// Printed in place of a photo that cannot be read.
    pub fn unreadable_photo(self) -> &'static str {
        match self {
            Lang::Es => "(no se pudo leer la imagen)",
            Lang::En => "(the image could not be read)",
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

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(Lang::Es.page_of(3, 12), "Página 3 de 12");
        assert_eq!(Lang::En.page_of(3, 12), "Page 3 of 12");
        assert_eq!(Lang::default().contents(), "Contenido");
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}

//! The few labels the renderer itself prints (everything else arrives as text from the caller).

use crate::Lang;

impl Lang {
    /// The running footer's page label: "Página 3 de 12" / "Page 3 of 12".
    pub fn page_of(self, page: usize, total: usize) -> String {
        match self {
            Lang::Es => format!("Página {page} de {total}"),
            Lang::En => format!("Page {page} of {total}"),
        }
    }

    /// Title of the table of contents.
    pub fn contents(self) -> &'static str {
        self.pick("Contenido", "Contents")
    }

    /// Printed in place of a photo that cannot be read.
    pub fn unreadable_photo(self) -> &'static str {
        self.pick("(no se pudo leer la imagen)", "(the image could not be read)")
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(Lang::Es.page_of(3, 12), "Página 3 de 12");
        assert_eq!(Lang::En.page_of(3, 12), "Page 3 of 12");
        assert_eq!(Lang::default().contents(), "Contenido");
    }
}

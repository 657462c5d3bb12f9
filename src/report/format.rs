//! The file formats a document renders to: PDF to print and sign, Word (DOCX) to edit.

use std::path::Path;

use super::{render_docx, render_pdf_with_progress, Document, RenderError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Format {
    #[default]
    Pdf,
    Docx,
}

impl Format {
    /// Parses `pdf` / `docx` (or `word`), case-insensitive.
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" | "word" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format a file name's extension asks for, if it names one.
    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::parse)
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// What a person calls it: "PDF" / "Word".
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "Word",
        }
    }

    /// A proposed file name (`informe-2021-S2.pdf`) with this format's extension.
    pub fn file_name(self, name: &str) -> String {
        Path::new(name).with_extension(self.extension()).to_string_lossy().into_owned()
    }

    /// The document as a file of this format.
    pub fn render(self, doc: &Document) -> Result<Vec<u8>, RenderError> {
        self.render_with_progress(doc, &mut |_, _| true)
    }

    /// Renders like [`Format::render`], telling `progress` how far it got (see
    /// [`render_pdf_with_progress`]; a Word document is one step, being quick). When
    /// `progress` answers false the rendering stops with [`RenderError::Cancelled`].
    pub fn render_with_progress(self, doc: &Document, progress: crate::job::Progress) -> Result<Vec<u8>, RenderError> {
        match self {
            Format::Pdf => render_pdf_with_progress(doc, progress),
            Format::Docx => {
                let bytes = render_docx(doc)?;
                if progress(1, 1) { Ok(bytes) } else { Err(RenderError::Cancelled) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_names_and_file_names() {
        assert_eq!(Format::parse(" Word "), Some(Format::Docx));
        assert_eq!(Format::parse("odt"), None);
        assert_eq!(Format::of_path(Path::new("informe.DOCX")), Some(Format::Docx));
        assert_eq!(Format::of_path(Path::new("informe.pdf")), Some(Format::Pdf));
        assert_eq!(Format::of_path(Path::new("informe")), None);
        assert_eq!(Format::Docx.file_name("informe-2021-S2.pdf"), "informe-2021-S2.docx");
    }
}

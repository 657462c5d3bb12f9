//! Printed documents: a declarative [`Document`] model (what a report says)
//! and its PDF and Word renderings (how it looks), independent of the activity domain.
//!
//! ```
//! use enlace::report::{render_pdf, Block, Document, Lang, Metadata, Section};
//!
//! let metadata = Metadata {
//!     author: "Coordinación de Asuntos Internacionales".into(),
//!     subject: String::new(),
//!     keywords: vec![],
//!     created: chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
//! };
//! let mut doc = Document::new("Informe", Lang::Es, metadata);
//! doc.push_section(Section::new("Iluminaciones").with(Block::Paragraph("27 de julio: Perú".into())));
//! let pdf = render_pdf(&doc).unwrap();
//! assert!(pdf.starts_with(b"%PDF"));
//! ```

mod brief;
mod compare;
mod country;
mod definition;
mod docx;
mod document;
mod error;
mod file_name;
mod fonts;
mod format;
mod labels;
mod layout;
pub mod narrative;
mod partner;
pub(crate) mod numbers;
mod pdf;
mod period;
mod photos;
mod raster;
mod register;
pub(crate) mod words;
mod world;
mod wrap;
mod years;

pub use brief::{brief_document, brief_report, BriefRequest};
pub use country::{country_brief_document, country_brief_report, CountryBriefRequest};
pub use definition::{Narrative, ReportDefinition, SignOff, Signer};
pub use docx::render_docx;
pub use document::{Align, Bar, BarChart, Block, Choropleth, Column, Cover, Document, Figure, Metadata, Paper, Photo, Run, Section, Signature, Table};
pub use error::ReportError;
pub use format::Format;
pub use crate::lang::Lang;
pub use numbers::{format_amount, format_count};
pub use pdf::{render_pdf, render_pdf_with_progress};
pub use period::{period_document, period_report, PeriodFigures, PeriodRequest};
pub use compare::{previous_period, PreviousPeriod};
pub use partner::{partner_dossier_report, PartnerDossierRequest};
pub use register::{register_document, register_report, RegisterRequest};
pub use world::{MapCountry, MapStep, WorldMap};
pub use years::{Breakdown, YearFigures};
pub use photos::PHOTOS_PER_ENTRY;

use crate::{ErrorCode, Explain, Text};

/// Why a document could not be rendered. `Display` says it in Spanish; [`Explain`] in both languages.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("no se pudo leer la fuente incluida {0}")]
    Font(String),
    #[error("no se pudo escribir el documento: {0}")]
    Write(String),
    #[error("no se pudo armar el PDF: {0}")]
    Pdf(#[from] lopdf::Error),
    #[error("generación del PDF cancelada")]
    Cancelled,
}

impl Explain for RenderError {
    fn text(&self) -> Text {
        let en = match self {
            RenderError::Font(f) => format!("the bundled font {f} could not be read"),
            RenderError::Write(m) => format!("the document could not be written: {m}"),
            RenderError::Pdf(e) => format!("the PDF could not be assembled: {e}"),
            RenderError::Cancelled => return crate::lang::cancelled(),
        };
        Text::new(self.to_string(), en)
    }

    fn code(&self) -> ErrorCode {
        match self {
            RenderError::Cancelled => ErrorCode::Cancelled,
            _ => ErrorCode::Io,
        }
    }
}

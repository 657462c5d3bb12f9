//! The Word (DOCX) rendering of the same [`Document`] the PDF renders: real Word structure
//! (heading styles, a contents field, tables with a repeating header row, bulleted lists,
//! page-number fields in the footer, the cover as its own section), so a person can edit it
//! as if they had written it. The OOXML package is a zip of fixed parts from
//! `assets/docx/` and parts written here through [`xml::Xml`].

mod body;
mod media;
mod page;
mod parts;
mod tables;
mod xml;

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::document::Document;
use super::fonts::Fonts;
use super::raster::Painter;
use super::RenderError;

/// Renders a document to the bytes of a `.docx` file.
pub fn render_docx(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let fonts = Fonts::load()?;
    let painter = Painter::new(&fonts)?;
    let (document, media) = body::document(doc, &fonts, &painter);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip_time(doc));
    // Photos are JPEGs and charts PNGs, compressed already: storing them saves the time of
    // compressing them again.
    let stored = deflated.compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, data: &[u8], options: SimpleFileOptions| -> Result<(), RenderError> {
        zip.start_file(name, options).map_err(write_error)?;
        zip.write_all(data).map_err(write_error)
    };
    // [Content_Types].xml first, as Office writes it.
    put("[Content_Types].xml", parts::CONTENT_TYPES.as_bytes(), deflated)?;
    put("_rels/.rels", parts::PACKAGE_RELS.as_bytes(), deflated)?;
    put("docProps/core.xml", &parts::core(doc), deflated)?;
    put("docProps/app.xml", parts::APP.as_bytes(), deflated)?;
    put("word/document.xml", &document, deflated)?;
    put("word/_rels/document.xml.rels", &parts::document_rels(&media), deflated)?;
    put("word/styles.xml", parts::styles(doc).as_bytes(), deflated)?;
    put("word/numbering.xml", parts::NUMBERING.as_bytes(), deflated)?;
    put("word/settings.xml", parts::settings(doc).as_bytes(), deflated)?;
    put("word/fontTable.xml", parts::FONT_TABLE.as_bytes(), deflated)?;
    put("word/header1.xml", &parts::header(doc), deflated)?;
    put("word/footer1.xml", &parts::footer(doc), deflated)?;
    for image in &media.files {
        put(&format!("word/media/{}", image.name), &image.data, stored)?;
    }
    let cursor = zip.finish().map_err(write_error)?;
    Ok(cursor.into_inner())
}

fn write_error(e: impl std::fmt::Display) -> RenderError {
    RenderError::Write(e.to_string())
}

/// The entries' dates: the document's, so the same report renders to the same bytes.
fn zip_time(doc: &Document) -> zip::DateTime {
    use chrono::{Datelike, Timelike};
    let t = doc.metadata.created.naive_utc();
    let date = (t.year() as u16, t.month() as u8, t.day() as u8, t.hour() as u8, t.minute() as u8, t.second() as u8);
    zip::DateTime::from_date_and_time(date.0, date.1, date.2, date.3, date.4, date.5).unwrap_or_default()
}

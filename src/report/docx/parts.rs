//! The package's parts besides the body: the fixed ones from `assets/docx/`, the styles and
//! settings in the document's language, the core properties, the running header and footer
//! and the relationships.

use super::body::{field_end, field_start, write_run, FOOTER_REL, HEADER_REL, NAMESPACES};
use super::media::{Image, Media};
use super::page::Geometry;
use super::xml::Xml;
use crate::report::document::{Document, Run};
use crate::report::labels::DOCX_STYLE_NAMES;
use crate::Lang;

pub(super) const CONTENT_TYPES: &str = include_str!("../../../assets/docx/content_types.xml");
pub(super) const PACKAGE_RELS: &str = include_str!("../../../assets/docx/rels.xml");
pub(super) const APP: &str = include_str!("../../../assets/docx/app.xml");
pub(super) const NUMBERING: &str = include_str!("../../../assets/docx/numbering.xml");
pub(super) const FONT_TABLE: &str = include_str!("../../../assets/docx/fontTable.xml");
const STYLES: &str = include_str!("../../../assets/docx/styles.xml");
const SETTINGS: &str = include_str!("../../../assets/docx/settings.xml");

const RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The language Word checks spelling in.
fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "es-MX",
        Lang::En => "en-US",
    }
}

/// The styles, in the document's language and with tab stops at its text width.
pub(super) fn styles(doc: &Document) -> String {
    let text_width = Geometry::of(doc.paper).text_width().to_string();
    let mut styles = STYLES.replace("{{LANG}}", language_tag(doc.lang)).replace("{{TEXT_WIDTH}}", &text_width);
    for (token, name) in DOCX_STYLE_NAMES {
        styles = styles.replace(token, name.pick(doc.lang));
    }
    styles
}

pub(super) fn settings(doc: &Document) -> String {
    SETTINGS.replace("{{LANG}}", language_tag(doc.lang))
}

/// Title, author (the office), subject, keywords, language and dates.
pub(super) fn core(doc: &Document) -> Vec<u8> {
    let m = &doc.metadata;
    let date = m.created.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let w3c = [("xsi:type", "dcterms:W3CDTF")];
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.leaf("dc:title", &[], &doc.title);
    x.leaf("dc:subject", &[], &m.subject);
    x.leaf("dc:creator", &[], &m.author);
    x.leaf("cp:keywords", &[], &m.keywords.join(", "));
    x.leaf("cp:lastModifiedBy", &[], &m.author);
    x.leaf("dc:language", &[], language_tag(doc.lang));
    x.leaf("dcterms:created", &w3c, &date);
    x.leaf("dcterms:modified", &w3c, &date);
    x.close("cp:coreProperties");
    x.finish()
}

/// The running header: the document's header text, top left.
pub(super) fn header(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:hdr", &NAMESPACES);
    paragraph_start(&mut x, "Header");
    write_run(&mut x, &Run::plain(doc.header.as_str()));
    x.close("w:p");
    x.close("w:hdr");
    x.finish()
}

/// The running footer: its text at the left, "Página N de M" at the right as PAGE and
/// NUMPAGES fields Word and LibreOffice fill in.
pub(super) fn footer(doc: &Document) -> Vec<u8> {
    let (page, of) = doc.lang.page_words();
    let mut x = Xml::new();
    x.open("w:ftr", &NAMESPACES);
    paragraph_start(&mut x, "Footer");
    write_run(&mut x, &Run::plain(format!("{}\t{page} ", doc.footer)));
    for (instruction, after) in [(" PAGE ", format!(" {of} ")), (" NUMPAGES ", String::new())] {
        field_start(&mut x, instruction);
        write_run(&mut x, &Run::plain("1"));
        field_end(&mut x);
        if !after.is_empty() {
            write_run(&mut x, &Run::plain(after));
        }
    }
    x.close("w:p");
    x.close("w:ftr");
    x.finish()
}

fn paragraph_start(x: &mut Xml, style: &str) {
    x.open("w:p", &[]);
    x.open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style)]);
    x.close("w:pPr");
}

/// The body's relationships: its fixed parts, header, footer and every image.
pub(super) fn document_rels(media: &Media) -> Vec<u8> {
    let fixed = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFonts", "fontTable", "fontTable.xml"),
        (HEADER_REL, "header", "header1.xml"),
        (FOOTER_REL, "footer", "footer1.xml"),
    ];
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")]);
    let mut relationship = |id: &str, kind: &str, target: &str| {
        let kind = format!("{RELATIONSHIP}/{kind}");
        x.empty("Relationship", &[("Id", id), ("Type", &kind), ("Target", target)]);
    };
    for (id, kind, target) in fixed {
        relationship(id, kind, target);
    }
    for (n, image) in media.files.iter().enumerate() {
        relationship(&Image::rel_id(n + 1), "image", &format!("media/{}", image.name));
    }
    x.close("Relationships");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::theme::{ACCENT, MUTED, RULE};

    #[test]
    fn the_styles_template_uses_the_theme_colours_and_every_token_is_filled() {
        assert!([ACCENT, MUTED, RULE].iter().all(|c| STYLES.contains(&c.hex())));
        let meta = crate::report::Metadata {
            author: "Coordinación".into(),
            subject: String::new(),
            keywords: vec![],
            created: chrono::DateTime::from_timestamp(0, 0).unwrap(),
        };
        let doc = Document::new("Informe", Lang::Es, meta);
        let styles = styles(&doc);
        assert!(!styles.contains("{{"), "a token was left unfilled");
        assert!(styles.contains("w:val=\"es-MX\"") && styles.contains("Título de entrada"));
    }
}

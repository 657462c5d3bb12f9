//! Writes laid-out pages as a PDF with printpdf: embedded, subset fonts;
//! real text; metadata with the document's dates; a nested outline
//! (bookmarks) of the headings; clickable contents.

use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, LineDashPattern, LinkAnnotation, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix, XObjectId, XObjectTransform,
};

use super::document::Document;
use super::fonts::{Face, Fonts};
use super::layout::theme::Rgb;
use super::layout::{layout, Anchor, Draw, Layout, Page};
use super::photos;
use super::RenderError;

/// Renders a document to the bytes of a PDF file.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, RenderError> {
    render_pdf_with_progress(doc, &mut |_, _| true)
}

/// Renders like [`render_pdf`], telling `progress` how far it got as
/// `(done, total)` steps: the layout, each page, the assembly with its font
/// subsets, the compressed file (`total` is the page count plus 3, known
/// once the layout is done). When `progress` answers false the rendering
/// stops with [`RenderError::Cancelled`].
pub fn render_pdf_with_progress(doc: &Document, progress: crate::job::Progress) -> Result<Vec<u8>, RenderError> {
    let fonts = Fonts::load()?;
    let photos = photos::prepare_all(doc.blocks());
    let sizes: Vec<Option<(u32, u32)>> = photos.iter().map(|p| p.as_ref().map(|p| (p.width, p.height))).collect();
    let laid = layout(doc, &fonts, &sizes);
    let total = laid.pages.len() as u64 + 3;
    let mut step = |done: u64| if progress(done, total) { Ok(()) } else { Err(RenderError::Cancelled) };
    step(1)?;

    let mut pdf = PdfDocument::new(&doc.title);
    let regular = pdf.add_font(&fonts.regular.parsed);
    let bold = pdf.add_font(&fonts.bold.parsed);
    set_info(&mut pdf, doc)?;
    let images: Vec<Option<(XObjectId, f32, f32)>> = photos
        .iter()
        .map(|p| p.as_ref().map(|p| (pdf.add_image(&p.raw), p.width as f32, p.height as f32)))
        .collect();
    let ids = FontIds { regular, bold };
    let mut pages = Vec::with_capacity(laid.pages.len());
    for (n, page) in laid.pages.iter().enumerate() {
        pages.push(pdf_page(page, &laid, &ids, &images));
        step(2 + n as u64)?;
    }
    pdf.with_pages(pages);

    let mut warnings = Vec::new();
    let mut file = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    add_outline(&mut file, &laid.anchors)?;
    file.catalog_mut()?.set("Lang", lopdf::text_string(doc.lang.code()));
    step(total - 1)?;
    file.compress();
    let mut bytes = Vec::new();
    file.save_to(&mut bytes).map_err(|e| RenderError::Write(e.to_string()))?;
    step(total)?;
    Ok(bytes)
}

fn set_info(pdf: &mut PdfDocument, doc: &Document) -> Result<(), RenderError> {
    let created = printpdf::DateTime::from_unix_timestamp(doc.metadata.created.timestamp())
        .map_err(|e| RenderError::Write(e.to_string()))?;
    let info = &mut pdf.metadata.info;
    info.document_title = doc.title.clone();
    info.author = doc.metadata.author.clone();
    info.subject = doc.metadata.subject.clone();
    info.keywords = doc.metadata.keywords.clone();
    info.creator = "Enlace".to_string();
    info.producer = format!("Enlace {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    Ok(())
}

struct FontIds {
    regular: FontId,
    bold: FontId,
}

impl FontIds {
    fn handle(&self, face: Face) -> PdfFontHandle {
        PdfFontHandle::External(match face.upright() {
            Face::Bold => self.bold.clone(),
            _ => self.regular.clone(),
        })
    }
}

/// Moves to where a text starts; a slanted face also shears its glyphs by about 12°.
fn text_position(face: Face, x: f32, y: f32) -> Op {
    if face.slanted() {
        Op::SetTextMatrix { matrix: TextMatrix::Raw([1.0, 0.0, 0.21, 1.0, x, y]) }
    } else {
        Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } }
    }
}

fn color(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb { r: rgb.0, g: rgb.1, b: rgb.2, icc_profile: None })
}

fn point(x: f32, y: f32) -> printpdf::LinePoint {
    printpdf::LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }
}

/// Layout coordinates run down from the top; PDF's run up from the bottom.
/// `images`: each photo's XObject and size in pixels.
fn pdf_page(page: &Page, laid: &Layout, fonts: &FontIds, images: &[Option<(XObjectId, f32, f32)>]) -> PdfPage {
    let height = laid.height;
    let mut ops = Vec::with_capacity(page.draws.len() * 6);
    for draw in &page.draws {
        match draw {
            Draw::Text { x, baseline, face, size, color: rgb, text } => ops.extend([
                Op::StartTextSection,
                Op::SetFont { font: fonts.handle(*face), size: Pt(*size) },
                Op::SetFillColor { col: color(*rgb) },
                text_position(*face, *x, height - baseline),
                Op::ShowText { items: vec![TextItem::Text(text.clone())] },
                Op::EndTextSection,
            ]),
            Draw::Rect { x, y, w, h, fill } => ops.extend([
                Op::SetFillColor { col: color(*fill) },
                Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Fill),
                        ..Rect::from_xywh(Pt(*x), Pt(height - y - h), Pt(*w), Pt(*h))
                    },
                },
            ]),
            Draw::Line { x1, y1, x2, y2, width, color: rgb, dotted } => {
                let dash = if *dotted {
                    LineDashPattern::new(0.0, &[0.6, 2.4])
                } else {
                    LineDashPattern::solid()
                };
                ops.extend([
                    Op::SetOutlineColor { col: color(*rgb) },
                    Op::SetOutlineThickness { pt: Pt(*width) },
                    Op::SetLineDashPattern { dash },
                    Op::DrawLine {
                        line: printpdf::Line {
                            points: vec![point(*x1, height - y1), point(*x2, height - y2)],
                            is_closed: false,
                        },
                    },
                ]);
            }
            Draw::Shape { rings, fill, outline } => ops.extend([
                Op::SetFillColor { col: color(*fill) },
                Op::SetOutlineColor { col: color(*outline) },
                Op::SetOutlineThickness { pt: Pt(0.3) },
                Op::SetLineDashPattern { dash: LineDashPattern::solid() },
                Op::DrawPolygon {
                    polygon: printpdf::Polygon {
                        rings: rings
                            .iter()
                            .map(|ring| printpdf::PolygonRing { points: ring.iter().map(|(x, y)| point(*x, height - y)).collect() })
                            .collect(),
                        mode: PaintMode::FillStroke,
                        winding_order: printpdf::WindingOrder::EvenOdd,
                    },
                },
            ]),
            Draw::Image { x, y, w, h, index } => {
                if let Some(Some((id, px_w, px_h))) = images.get(*index) {
                    // At 72 dpi one pixel is one point; then scale to the box.
                    let transform = XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(height - y - h)),
                        scale_x: Some(w / px_w),
                        scale_y: Some(h / px_h),
                        dpi: Some(72.0),
                        ..XObjectTransform::default()
                    };
                    ops.push(Op::UseXobject { id: id.clone(), transform });
                }
            }
            Draw::Link { x, y, w, h, page } => ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect::from_xywh(Pt(*x), Pt(height - y - h), Pt(*w), Pt(*h)),
                    Actions::go_to(Destination::Xyz { page: *page, left: None, top: None, zoom: None }),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            }),
        }
    }
    PdfPage {
        media_box: Rect::from_wh(Pt(laid.width), Pt(height)),
        trim_box: Rect::from_wh(Pt(laid.width), Pt(height)),
        crop_box: Rect::from_wh(Pt(laid.width), Pt(height)),
        ops,
    }
}

/// The headings as nested bookmarks: each one a child of the nearest
/// shallower heading before it.
fn add_outline(file: &mut lopdf::Document, anchors: &[Anchor]) -> Result<(), RenderError> {
    if anchors.is_empty() {
        return Ok(());
    }
    let page_ids = file.get_pages();
    // (level, bookmark id) of the open ancestors.
    let mut open: Vec<(u8, u32)> = Vec::new();
    for anchor in anchors {
        let Some(page) = page_ids.get(&(anchor.page as u32)) else { continue };
        while open.last().is_some_and(|(level, _)| *level >= anchor.level) {
            open.pop();
        }
        let parent = open.last().map(|(_, id)| *id);
        let bookmark = lopdf::Bookmark::new(anchor.text.clone(), [0.0, 0.0, 0.0], 0, *page);
        let id = file.add_bookmark(bookmark, parent);
        open.push((anchor.level, id));
    }
    if let Some(outline) = file.build_outline() {
        let catalog = file.catalog_mut()?;
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    Ok(())
}

//! Pictures embedded in the Word document: the files under `word/media/` and the inline
//! DrawingML that places each one in the text.

use super::page::EMU_PER_TWIP;
use super::xml::Xml;

/// The images of a document, in the order they appear.
#[derive(Default)]
pub(super) struct Media {
    pub(super) files: Vec<Image>,
}

pub(super) struct Image {
    /// Its file name under `word/media/` (`image1.jpeg`, `chart1.png`).
    pub(super) name: String,
    pub(super) data: Vec<u8>,
}

impl Image {
    /// The id the document's relationships give it.
    pub(super) fn rel_id(n: usize) -> String {
        format!("rIdImage{n}")
    }
}

impl Media {
    /// Adds an image file named `stem` and its number among those of that stem (`chart2`),
    /// `extension` jpeg or png; returns its name and its number among all the images (from 1).
    fn add(&mut self, stem: &str, data: Vec<u8>, extension: &str) -> (String, usize) {
        let of_stem = self.files.iter().filter(|f| f.name.starts_with(stem)).count();
        let name = format!("{stem}{}", of_stem + 1);
        self.files.push(Image { name: format!("{name}.{extension}"), data });
        (name, self.files.len())
    }
}

/// The file of an image to place: its bytes, `jpeg` or `png`, and the stem of its name
/// (`image`, `chart`).
pub(super) struct Picture<'a> {
    pub(super) data: Vec<u8>,
    pub(super) extension: &'a str,
    pub(super) stem: &'a str,
}

/// Places an image in the current paragraph at `width`×`height` twips, `description` as its
/// alternative text.
pub(super) fn inline(x: &mut Xml, media: &mut Media, picture: Picture, size: (u32, u32), description: &str) {
    let (name, n) = media.add(picture.stem, picture.data, picture.extension);
    let (cx, cy) = ((u64::from(size.0) * EMU_PER_TWIP).to_string(), (u64::from(size.1) * EMU_PER_TWIP).to_string());
    let (id, rel) = (n.to_string(), Image::rel_id(n));
    x.open("w:r", &[]);
    x.open("w:drawing", &[]);
    x.open("wp:inline", &[("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")]);
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty("wp:docPr", &[("id", &id), ("name", &name), ("descr", description)]);
    x.open("wp:cNvGraphicFramePr", &[]);
    x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
    x.close("wp:cNvGraphicFramePr");
    x.open("a:graphic", &[]);
    x.open("a:graphicData", &[("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture")]);
    x.open("pic:pic", &[]);
    x.open("pic:nvPicPr", &[]);
    x.empty("pic:cNvPr", &[("id", &id), ("name", &name), ("descr", description)]);
    x.empty("pic:cNvPicPr", &[]);
    x.close("pic:nvPicPr");
    x.open("pic:blipFill", &[]);
    x.empty("a:blip", &[("r:embed", &rel)]);
    x.open("a:stretch", &[]);
    x.empty("a:fillRect", &[]);
    x.close("a:stretch");
    x.close("pic:blipFill");
    x.open("pic:spPr", &[]);
    x.open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    x.close("a:xfrm");
    x.open("a:prstGeom", &[("prst", "rect")]);
    x.empty("a:avLst", &[]);
    x.close("a:prstGeom");
    x.close("pic:spPr");
    x.close("pic:pic");
    x.close("a:graphicData");
    x.close("a:graphic");
    x.close("wp:inline");
    x.close("w:drawing");
    x.close("w:r");
}

//! The Word renderer checked as Word and LibreOffice see the file: the package's parts, the
//! text of every block in the model's order, and LibreOffice's own conversion to PDF
//! (`soffice`, Debian package libreoffice-writer-nogui, installed by scripts/setup.sh).
//!
//! The rendered samples stay in `target/report-samples/` for looking at.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use enlace::domain::ActivityId;
use enlace::interop::interchange;
use enlace::report::{
    brief_report, country_brief_report, period_report, render_docx, Block, BriefRequest, CountryBriefRequest, Document,
    Lang, Paper, PeriodRequest, Photo, Section, Signature,
};
use enlace::store::{Actor, Filter, Origin, Store};
use quick_xml::events::Event;

mod report_support;

use report_support::sample::{sample, TABLE_HEADER, TABLE_ROWS};

const RECORDS: &str = r#"{"kind":"illumination","title":"Iluminación por el Bicentenario del Perú","start_date":"2021-07-27","countries":["Perú"],"organisations":["Embajada del Perú en México"],"axis":"Capital Cultural de América","details":{"occasion":"Bicentenario de la independencia del Perú","requested_by":"Embajada del Perú","monument":"Ángel de la Independencia"}}
{"kind":"training","title":"Taller de mediación cultural","start_date":"2021-08-03","end_date":"2021-08-05","modality":"virtual","countries":["Francia"],"axis":"Capital Cultural de América","summary":"Tres sesiones en línea sobre públicos y territorio.","details":{"participants":19,"provider":"Institut français"}}
{"kind":"meeting","title":"Reunión de trabajo sobre movilidad eléctrica","start_date":"2021-09-10","start_time":"10:00","end_time":"11:30","modality":"presencial","place":"Antiguo Palacio del Ayuntamiento","countries":["Perú"],"organisations":["Embajada del Perú en México"],"people":[{"name":"Terézia Šajgalíková","post":"Consejera","organisation":"Embajada del Perú en México"}],"axis":"Más y Mejor Movilidad","topics":["transporte público eléctrico"],"summary":"Se revisaron experiencias de transporte público eléctrico & se acordó un intercambio <técnico>.","outcomes":"Intercambio técnico en el primer trimestre.","follow_ups":[{"task":"Enviar minuta a la embajada","owner":"Ana López","due":"2021-09-17"}]}
{"kind":"financing","title":"Movilidad activa en barrios","start_date":"2021-11-15","end_date":"2022-02-15","countries":["Reino Unido"],"axis":"Ciudad Sustentable","details":{"amount":"19500","currency":"GBP","donor":"Embajada Británica"}}"#;

const OFFICE: &str = "Coordinación General de Asuntos Internacionales";

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let items = interchange::parse(RECORDS).unwrap();
    store.import(&items, &Actor::new("Ana López", Origin::Import), false, &mut |_, _| true).unwrap();
    store
}

fn generated() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap()
}

fn id_of(store: &Store, title: &str) -> ActivityId {
    store.list(&Filter::default()).unwrap().items.into_iter().find(|a| a.title == title).unwrap().id
}

/// The sample with what it lacks for Word: photos (one unreadable) and signature boxes.
fn full_sample(lang: Lang, paper: Paper) -> Document {
    let mut doc = sample(lang, paper);
    let photos = vec![
        Photo { data: report_support::phone_photo(1), caption: "Ángel de la Independencia\nFoto: Ana López".into() },
        Photo { data: b"not a picture".to_vec(), caption: "Archivo dañado".into() },
        Photo { data: report_support::phone_photo(2), caption: "Recorrido técnico".into() },
    ];
    doc.push_section(Section::new("Galería").with(Block::Photos(photos)).with(Block::SignOff(vec![
        Signature { role: "Elaboró".into(), name: "Ana López".into(), post: "Enlace internacional".into() },
        Signature { role: "Autorizó".into(), name: "Päivi Pohjanheimo".into(), post: "Coordinadora".into() },
    ])));
    doc
}

fn samples_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The package's parts by name.
struct Package(std::collections::BTreeMap<String, Vec<u8>>);

impl Package {
    fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip");
        let mut parts = std::collections::BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            parts.insert(file.name().unwrap().to_string(), data);
        }
        Package(parts)
    }

    fn text(&self, name: &str) -> String {
        String::from_utf8(self.0.get(name).unwrap_or_else(|| panic!("no part {name}")).clone()).unwrap()
    }

    /// The files under `word/media/` whose names start with `stem` (`image`, `chart`).
    fn media(&self, stem: &str) -> Vec<&Vec<u8>> {
        self.0.iter().filter(|(n, _)| n.starts_with(&format!("word/media/{stem}"))).map(|(_, d)| d).collect()
    }
}

/// Every paragraph of a part as (style, text), in order; `w:tab` as a tab, `w:br` as a newline.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut style, mut text, mut in_text) = (Vec::new(), String::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:p" => (style, text) = (String::new(), String::new()),
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                style = e.try_get_attribute("w:val").unwrap().unwrap().value.into_owned();
            }
            Event::Empty(e) if e.name().as_ref() == "w:tab" => text.push('\t'),
            Event::Empty(e) if e.name().as_ref() == "w:br" => text.push('\n'),
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                text.push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap());
            }
            Event::End(e) if e.name().as_ref() == "w:p" => out.push((std::mem::take(&mut style), std::mem::take(&mut text))),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// What the model says, block by block, as the texts a reader must find in that order.
fn model_texts(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| out.extend(s.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(String::from));
    for block in doc.blocks() {
        match block {
            Block::Cover(c) => [&c.kicker, &c.title, &c.subtitle].into_iter().chain(&c.details).for_each(|s| add(s)),
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => add(text),
            Block::LabelledLines(pairs) => pairs.iter().filter(|(_, v)| !v.trim().is_empty()).for_each(|(l, v)| {
                add(l);
                add(v)
            }),
            Block::BulletList(items) => items.iter().for_each(|i| add(i)),
            Block::Styled(runs) => runs.iter().for_each(|r| add(&r.text)),
            Block::StyledList(items) => items.iter().flatten().for_each(|r| add(&r.text)),
            Block::SignOff(s) => s.iter().for_each(|s| [&s.role, &s.name, &s.post].into_iter().for_each(|t| add(t))),
            Block::Table(t) => {
                t.columns.iter().for_each(|c| add(&c.header));
                t.rows.iter().chain(&t.totals).flatten().for_each(|c| add(c));
            }
            Block::Figures(f) => f.iter().for_each(|f| [&f.value, &f.label].into_iter().for_each(|t| add(t))),
            Block::BarChart(c) => [&c.title].into_iter().chain(c.bars.iter().map(|b| &b.label)).for_each(|t| add(t)),
            Block::Photos(p) => p.iter().for_each(|p| add(&p.caption)),
            // A picture (its description is the alternative text); the countries' table precedes it.
            Block::Map(_) => {}
            Block::TableOfContents | Block::PageBreak | Block::Spacer(_) => {}
        }
    }
    out
}

/// Asserts the body holds every text of the model, in order (the contents left aside).
fn assert_in_order(doc: &Document, package: &Package) {
    let body: String = paragraphs(&package.text("word/document.xml"))
        .into_iter()
        .filter(|(style, _)| !style.starts_with("TOC"))
        .map(|(_, text)| text + "\n")
        .collect();
    let mut at = 0;
    for expected in model_texts(doc) {
        match body[at..].find(&expected) {
            Some(found) => at += found + expected.len(),
            None => panic!("«{expected}» missing or out of order after: …{}", &body[at.saturating_sub(200)..at]),
        }
    }
}

/// The parts Word needs, the footer's page fields, the metadata and the language.
fn assert_parts(doc: &Document, package: &Package, lang_tag: &str) {
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/footer1.xml",
    ] {
        let text = package.text(part);
        paragraphs(&text); // well-formed
    }
    let footer = package.text("word/footer1.xml");
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "), "{footer}");
    let (page_word, _) = if lang_tag == "es-MX" { ("Página", "de") } else { ("Page", "of") };
    assert!(paragraphs(&footer)[0].1.contains(page_word));
    let core = package.text("docProps/core.xml");
    assert!(core.contains(&format!("<dc:creator>{}</dc:creator>", doc.metadata.author)), "{core}");
    assert!(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-11-24T"), "{core}");
    assert!(core.contains(&format!("<dc:language>{lang_tag}</dc:language>")));
    let styles = package.text("word/styles.xml");
    assert!(styles.contains(&format!("w:val=\"{lang_tag}\"")) && styles.contains("w:ascii=\"Noto Sans\""));
    for heading in ["heading 1", "heading 2", "heading 3"] {
        assert!(styles.contains(&format!("<w:name w:val=\"{heading}\"/>")));
    }
}

#[test]
fn sample_has_word_structure_and_every_text_in_order() {
    let doc = full_sample(Lang::Es, Paper::Letter);
    let bytes = render_docx(&doc).unwrap();
    std::fs::write(samples_dir().join("sample-es-letter.docx"), &bytes).unwrap();
    let package = Package::open(&bytes);
    assert_parts(&doc, &package, "es-MX");
    assert_in_order(&doc, &package);

    let document = package.text("word/document.xml");
    let paras = paragraphs(&document);
    let styles_of = |text: &str| paras.iter().filter(|(_, t)| t == text).map(|(s, _)| s.as_str()).collect::<Vec<_>>();
    assert_eq!(styles_of("Presentación"), ["TOC1", "Heading1"], "listed in the contents and a Word heading");
    assert_eq!(styles_of("Iluminación de monumentos"), ["TOC2", "Heading2"]);
    let unescaped = quick_xml::escape::unescape(&document).unwrap();
    assert!(unescaped.contains("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText>"), "a contents field");
    assert!(document.contains("<w:tblHeader/>"), "the header row repeats");
    assert_eq!(paras.iter().filter(|(s, _)| s == "ListBullet").count(), 2, "bullets as list paragraphs");
    assert!(package.text("word/numbering.xml").contains("w:numFmt w:val=\"bullet\""));
    // The cover's section has no header or footer; the body's has both, on Letter paper.
    let sections: Vec<&str> = document.split("<w:sectPr>").skip(1).collect();
    assert_eq!(sections.len(), 2);
    assert!(!sections[0].contains("headerReference") && sections[1].contains("footerReference"));
    assert!(sections[1].contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));
    // Two readable photos embedded as JPEG, each with its caption; the third says it is unreadable.
    let media = package.media("image");
    assert_eq!(media.len(), 2);
    assert!(media.iter().all(|m| m.starts_with(&[0xFF, 0xD8])));
    assert_eq!(package.media("chart").len(), 1, "the chart as a picture");
    assert!(paras.iter().any(|(s, t)| s == "Caption" && t == "Ángel de la Independencia\nFoto: Ana López"));
    assert!(paras.iter().any(|(_, t)| t.starts_with("(no se pudo leer la imagen)")));
    let rels = package.text("word/_rels/document.xml.rels");
    assert!(rels.contains("Target=\"media/image2.jpeg\""));
}

#[test]
fn english_a4_sample_says_so() {
    let doc = full_sample(Lang::En, Paper::A4);
    let package = Package::open(&render_docx(&doc).unwrap());
    assert_parts(&doc, &package, "en-US");
    assert!(package.text("word/document.xml").contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(paragraphs(&package.text("word/document.xml")).iter().any(|(s, t)| s == "TOCHeading" && t == "Contents"));
}

#[test]
fn period_report_brief_and_country_brief_come_out_as_word_documents() {
    let store = store();
    let period = PeriodRequest::new(
        chrono::NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        OFFICE,
        generated(),
    );
    let brief = BriefRequest {
        id: id_of(&store, "Reunión de trabajo sobre movilidad eléctrica"),
        lang: Lang::Es,
        paper: Paper::Letter,
        office: OFFICE.into(),
        generated: generated(),
    };
    let country = CountryBriefRequest {
        country: "PE".into(),
        from: period.from,
        to: period.to,
        lang: Lang::Es,
        paper: Paper::Letter,
        office: OFFICE.into(),
        generated: generated(),
    };
    let docs = [
        ("period-es.docx", period_report(&store, &period).unwrap()),
        ("brief-es.docx", brief_report(&store, &brief).unwrap()),
        ("country-pe-es.docx", country_brief_report(&store, &country).unwrap()),
    ];
    for (name, doc) in docs {
        let bytes = render_docx(&doc).unwrap();
        std::fs::write(samples_dir().join(name), &bytes).unwrap();
        let package = Package::open(&bytes);
        assert_parts(&doc, &package, "es-MX");
        assert_in_order(&doc, &package);
    }
}

/// The body's pictures in order: the relationship each embeds, its extent (EMU) and alt text.
fn pictures(document: &str) -> Vec<(String, (u64, u64), String)> {
    let mut reader = quick_xml::Reader::from_str(document);
    let attr = |e: &quick_xml::events::BytesStart, name: &str| -> String {
        let value = e.try_get_attribute(name).unwrap().unwrap_or_else(|| panic!("{name} missing")).value.into_owned();
        quick_xml::escape::unescape(&value).unwrap().into_owned()
    };
    let (mut out, mut extent, mut descr) = (Vec::new(), (0, 0), String::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Empty(e) if e.name().as_ref() == "wp:extent" => {
                extent = (attr(&e, "cx").parse().unwrap(), attr(&e, "cy").parse().unwrap());
            }
            Event::Empty(e) if e.name().as_ref() == "wp:docPr" => descr = attr(&e, "descr"),
            Event::Empty(e) if e.name().as_ref() == "a:blip" => out.push((attr(&e, "r:embed"), extent, descr.clone())),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// The package's relationships from the body: id → target.
fn relationships(package: &Package) -> std::collections::HashMap<String, String> {
    let rels = package.text("word/_rels/document.xml.rels");
    rels.split("<Relationship ")
        .skip(1)
        .map(|r| {
            let value = |name: &str| r.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().to_string();
            (value("Id"), value("Target"))
        })
        .collect()
}

/// Every chart of a period report is a picture at print resolution (300 dpi at the text's
/// width), placed by its relationship with alt text naming it, a numbered caption under it, and
/// its data after it, in both languages and on both papers.
#[test]
fn charts_are_pictures_at_print_resolution_with_numbered_captions() {
    let store = store();
    let cases = [
        (Lang::Es, Paper::Letter, 2000, ["Gráfica 1. Actividades por tipo", "Gráfica 2. Actividades por eje", "Gráfica 3. Actividades en curso por mes"]),
        (Lang::En, Paper::A4, 1930, ["Chart 1. Activities by kind", "Chart 2. Activities by axis", "Chart 3. Activities taking place by month"]),
    ];
    for (lang, paper, width_px, captions) in cases {
        let mut request = PeriodRequest::new(
            chrono::NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
            OFFICE,
            generated(),
        );
        (request.lang, request.paper) = (lang, paper);
        let doc = period_report(&store, &request).unwrap();
        let bytes = render_docx(&doc).unwrap();
        std::fs::write(samples_dir().join(format!("period-charts-{lang:?}.docx")), &bytes).unwrap();
        let package = Package::open(&bytes);
        assert_in_order(&doc, &package);
        assert!(package.text("[Content_Types].xml").contains("Extension=\"png\" ContentType=\"image/png\""));
        let document = package.text("word/document.xml");
        let rels = relationships(&package);
        let (charts, others): (Vec<_>, Vec<_>) = pictures(&document).into_iter().partition(|(embed, ..)| rels[embed].starts_with("media/chart"));
        assert_eq!(charts.len(), 3, "one picture per chart");
        assert_eq!(package.media("chart").len(), 3);
        assert_eq!(others.len(), 1, "and the world map");
        assert_eq!(package.media("map").len(), 1);
        for (n, ((embed, (cx, cy), descr), caption)) in charts.iter().zip(captions).enumerate() {
            assert_eq!(rels[embed], format!("media/chart{}.png", n + 1));
            let png = image::load_from_memory_with_format(&package.0[&format!("word/{}", rels[embed])], image::ImageFormat::Png)
                .expect("a valid PNG");
            assert_eq!(png.width(), width_px, "{lang:?}: as wide as the text at 300 dpi");
            let at_300_dpi = |emu: u64| emu as f64 / 914_400.0 * 300.0;
            assert!((at_300_dpi(*cx) - f64::from(png.width())).abs() < 1.0 && (at_300_dpi(*cy) - f64::from(png.height())).abs() < 1.0);
            assert_eq!(descr, caption, "the alt text names the chart");
        }
        let paras = paragraphs(&document);
        let found: Vec<&str> = paras.iter().filter(|(s, _)| s == "Caption").map(|(_, t)| t.as_str()).collect();
        assert_eq!(found, captions, "{lang:?}: numbered captions in order");
        let word = captions[0].split(' ').next().unwrap();
        let unescaped = quick_xml::escape::unescape(&document).unwrap();
        assert!(unescaped.contains(&format!("<w:instrText xml:space=\"preserve\"> SEQ {word} \\* ARABIC </w:instrText>")));
        // Each picture, then its caption, then its data, with no heading between.
        for n in 1..=captions.len() {
            let picture = document.find(&format!("name=\"chart{n}\"")).unwrap();
            let caption = picture + document[picture..].find("w:val=\"Caption\"").unwrap();
            let table = caption + document[caption..].find("<w:tbl>").unwrap();
            assert!(!document[picture..table].contains("w:val=\"Heading"), "chart {n}: its data follows its caption");
        }
    }
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (scripts/setup.sh installs it): {e}"));
    assert!(out.status.success(), "{program} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// LibreOffice opens the file without complaint and prints it: the headings, the table with its
/// header on every page it runs onto, the chart's picture and caption, and "Página N de M" at
/// the foot.
#[test]
fn libreoffice_converts_it_to_a_pdf_with_headings_tables_and_page_numbers() {
    let dir = samples_dir().join("docx-libreoffice");
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("sample-es-letter.docx");
    std::fs::write(&docx, render_docx(&full_sample(Lang::Es, Paper::Letter)).unwrap()).unwrap();
    // A profile of its own, so the test neither needs nor touches a user's LibreOffice settings.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let outdir = dir.to_str().unwrap();
    run("soffice", &[&profile, "--headless", "--convert-to", "pdf", "--outdir", outdir, docx.to_str().unwrap()]);
    let pdf = dir.join("sample-es-letter.pdf");
    let text = run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    let pages: Vec<String> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let total = pages.len();
    assert!(pages[0].contains("Informe de acción internacional") && !pages[0].contains("Página"), "the cover has no footer");
    for heading in ["Contenido", "Presentación", "Resumen ejecutivo", "Capital Cultural de América", "Iluminación de monumentos", "Capacitaciones"] {
        assert!(pages.iter().skip(1).any(|p| p.contains(heading)), "heading «{heading}» missing");
    }
    assert!(pages[1].contains(&format!("Página 2 de {total}")), "{}", pages[1]);
    let with_table: Vec<&String> = pages.iter().filter(|p| p.contains("(fila 001)") || p.contains(&format!("(fila {TABLE_ROWS:03})")) || p.contains("(fila 060)")).collect();
    assert!(with_table.len() >= 2, "the long table runs over pages");
    for page in with_table {
        assert!(page.contains(TABLE_HEADER), "a page continues the table without its header: {page}");
    }
    assert!(pages.iter().any(|p| p.contains("Päivi Pohjanheimo")) && pages.iter().any(|p| p.contains("Foto: Ana López")));
    // The chart is printed as its picture, text-wide at 300 dpi, over its numbered caption.
    assert!(pages.iter().any(|p| p.contains("Gráfica 1. Actividades por eje")), "the chart's caption");
    let images = run("pdfimages", &["-list", pdf.to_str().unwrap()]);
    let chart = |line: &str| {
        let columns: Vec<&str> = line.split_whitespace().collect();
        (columns.get(3), columns.get(12)) == (Some(&"2000"), Some(&"300"))
    };
    assert_eq!(images.lines().filter(|l| chart(l)).count(), 1, "{images}");
}

//! The PDF renderer checked the way a reader's tools see the file:
//! pdftotext, pdffonts and qpdf (poppler-utils and qpdf must be installed).
//!
//! The rendered samples stay in `target/report-samples/` for looking at:
//! `pdftoppm -r 60 -png target/report-samples/sample-es-letter.pdf /tmp/report-png/es`

use std::path::{Path, PathBuf};
use std::process::Command;

use enlace::report::{render_pdf, Document, Lang, Paper};

mod report_support;

use report_support::sample::{sample, TABLE_HEADER, TABLE_ROWS};

fn samples_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn render_to(doc: &Document, name: &str) -> PathBuf {
    let bytes = render_pdf(doc).expect("renders");
    let path = samples_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(program: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (poppler-utils / qpdf): {e}"));
    (out.status.success(), String::from_utf8(out.stdout).unwrap())
}

/// The text of every page, in order (pdftotext separates pages with \f).
fn pages_text(path: &Path, layout: bool) -> Vec<String> {
    let file = path.to_str().unwrap();
    let mut args = vec!["-enc", "UTF-8"];
    if layout {
        args.push("-layout");
    }
    args.extend([file, "-"]);
    let (ok, text) = run("pdftotext", &args);
    assert!(ok, "pdftotext failed on {file}");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn text_extracts_exactly_and_every_page_is_numbered() {
    let path = render_to(&sample(Lang::Es, Paper::Letter), "sample-es-letter.pdf");
    let pages = pages_text(&path, false);
    let all = pages.concat();
    for word in ["Iluminación", "Perú", "año", "Šajgalíková", "Päivi", "—", "Contenido"] {
        assert!(all.contains(word), "{word:?} not extracted");
    }
    let total = pages.len();
    assert!(total >= 6, "only {total} pages");
    assert!(!pages[0].contains("Página"), "the cover has no running footer");
    for (i, page) in pages.iter().enumerate().skip(1) {
        let label = format!("Página {} de {total}", i + 1);
        assert!(page.contains(&label), "page {} lacks {label:?}", i + 1);
        assert!(page.contains("Generado el 23 de noviembre de 2026"), "page {} lacks the footer", i + 1);
        assert!(page.contains("del 1 de julio al 31 de diciembre de 2021"), "page {} lacks the header", i + 1);
    }
    // The empty subsection was left out.
    assert!(!all.contains("Sin registros en el periodo"));
}

#[test]
fn table_header_repeats_on_every_page_the_table_spans() {
    let path = render_to(&sample(Lang::Es, Paper::A4), "sample-es-a4.pdf");
    let pages = pages_text(&path, false);
    let table_pages: Vec<usize> = (0..pages.len()).filter(|&i| pages[i].contains("Día nacional (fila")).collect();
    assert!(table_pages.len() >= 3, "120 rows should span several pages: {table_pages:?}");
    for &i in &table_pages {
        assert!(pages[i].contains(TABLE_HEADER), "page {} continues the table without its header", i + 1);
    }
    let rows_seen = (1..=TABLE_ROWS).filter(|n| pages.concat().contains(&format!("(fila {n:03})"))).count();
    assert_eq!(rows_seen, TABLE_ROWS - TABLE_ROWS / 7, "every plain row prints once");
    assert!(pages[*table_pages.last().unwrap()].contains("120 iluminaciones"), "totals close the table");
}

#[test]
fn contents_page_numbers_match_where_headings_land() {
    for (lang, name) in [(Lang::Es, "sample-es-letter-toc.pdf"), (Lang::En, "sample-en-letter.pdf")] {
        let path = render_to(&sample(lang, Paper::Letter), name);
        let pages = pages_text(&path, true);
        let toc = &pages[1];
        assert!(toc.contains(lang.contents()), "page 2 is the contents: {toc}");
        let headings = [
            "Presentación",
            "Resumen ejecutivo",
            "Capital Cultural de América",
            "Iluminación de monumentos",
            "Capacitaciones",
            "Anexo: actividades del periodo",
        ];
        for heading in headings {
            let line = toc.lines().find(|l| l.trim_start().starts_with(heading)).unwrap_or_else(|| panic!("{heading} not in contents:\n{toc}"));
            let printed: usize = line.split_whitespace().last().unwrap().parse().unwrap_or_else(|_| panic!("no page number in {line:?}"));
            let landed = pages
                .iter()
                .enumerate()
                .skip(2)
                .find(|(_, text)| text.lines().any(|l| l.trim() == heading))
                .map(|(i, _)| i + 1)
                .unwrap_or_else(|| panic!("{heading} not found in the body"));
            assert_eq!(printed, landed, "{heading}: contents say {printed}, it is on {landed}");
        }
        if lang == Lang::En {
            assert!(pages[2].contains(&format!("Page 3 of {}", pages.len())));
        }
    }
}

#[test]
fn fonts_are_embedded_and_subset_and_the_file_is_valid() {
    let path = render_to(&sample(Lang::Es, Paper::Letter), "sample-es-letter-check.pdf");
    let file = path.to_str().unwrap();
    let (ok, fonts) = run("pdffonts", &[file]);
    assert!(ok);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold only:\n{fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap();
        assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "not subset: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [type2] encoding emb sub uni object id
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "emb/sub/uni: {row}");
    }
    let (ok, check) = run("qpdf", &["--check", file]);
    assert!(ok, "qpdf --check failed:\n{check}");
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size < 300_000, "subset fonts keep the file small: {size} bytes");
}

#[test]
fn bookmarks_nest_headings_under_their_parts() {
    let path = render_to(&sample(Lang::Es, Paper::Letter), "sample-es-letter-outline.pdf");
    let (ok, json) = run("qpdf", &["--json", "--json-key=outlines", path.to_str().unwrap()]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let top: Vec<&str> = json["outlines"].as_array().unwrap().iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(top, ["Presentación", "Resumen ejecutivo", "Capital Cultural de América", "Anexo: actividades del periodo"]);
    let culture = &json["outlines"][2]["kids"];
    let kids: Vec<&str> = culture.as_array().unwrap().iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(kids, ["Iluminación de monumentos", "Capacitaciones"]);
}

#[test]
fn metadata_carries_the_given_dates_and_title() {
    let path = render_to(&sample(Lang::Es, Paper::Letter), "sample-es-letter-info.pdf");
    let (ok, info) = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(ok);
    assert!(info.contains("Informe de acción internacional"), "{info}");
    assert!(info.contains("2025"), "creation date is the document's, not 1970: {info}");
    assert!(info.contains("Page size:       612 x 792 pts (letter)"), "{info}");
}

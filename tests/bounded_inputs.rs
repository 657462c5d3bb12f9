//! Bounded inputs (issue 11): money past the decimal ceiling, oversized attachments and
//! spreadsheets built to exhaust memory are refused with a message saying what and where, and a
//! refused import leaves the database exactly as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use enlace::interop::interchange;
use enlace::interop::spreadsheet::{read_rows, read_table, read_table_within, Limits, Mapping, ReadError};
use enlace::report::{period_document, period_report, Lang, PeriodRequest, ReportError};
use enlace::store::{Actor, Filter, Origin, Store, StoreError};
use enlace::Text;
use predicates::prelude::*;

/// One more than the largest decimal Enlace holds.
const PAST_CEILING: &str = "79228162514264337593543950336";
const CEILING_SAID: &str = "el máximo es 79,228,162,514,264,337,593,543,950,335";
/// Valid alone; three of them add up past the ceiling.
const HUGE_VALID: &str = "30000000000000000000000000000";

fn actor() -> Actor {
    Actor::new("Ana López", Origin::Import)
}

fn financing(title: &str, amount: &str) -> String {
    format!(
        r#"{{"kind":"financing","title":"{title}","start_date":"2021-10-01","countries":["Reino Unido"],"axis":"Ciudad Sustentable","details":{{"amount":"{amount}","currency":"USD","donor":"UK PACT"}}}}"#
    )
}

fn store_with(dir: &Path, lines: &[String]) -> Store {
    let mut store = Store::open(&dir.join("enlace.db")).unwrap();
    let items = interchange::parse(&lines.join("\n")).unwrap();
    store.import(&items, &actor(), false, &mut |_, _| true).unwrap();
    store
}

/// The whole record as the interchange export writes it, after SQLite's own check passes.
fn snapshot(store: &Store) -> String {
    let check: String = rusqlite::Connection::open_with_flags(store.path().unwrap(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut out = Vec::new();
    interchange::write_jsonl(&store.list(&Filter::default()).unwrap().items, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn an_interchange_amount_past_the_ceiling_names_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), &[financing("Base", "308000")]);
    let before = snapshot(&store);
    let number = financing("Como número", "1").replace(r#""amount":"1""#, &format!(r#""amount":{PAST_CEILING}"#));
    let text = [financing("Bien", "1000"), financing("Demasiado", PAST_CEILING), number].join("\n");
    let problems = interchange::parse(&text).unwrap_err();
    let lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3], "{problems:?}");
    assert!(problems[0].message.es.contains(&format!("«{PAST_CEILING}» es demasiado grande: {CEILING_SAID}")), "{problems:?}");
    // A bare JSON number that large arrives as a float; it is refused, not rounded.
    assert!(problems[1].message.es.contains("no es un número decimal válido"), "{problems:?}");
    drop(store);

    let db = dir.path().join("enlace.db");
    let file = write(dir.path(), "demasiado.jsonl", text.as_bytes());
    Command::cargo_bin("enlace")
        .unwrap()
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file)
        .env_remove("ENLACE_DB")
        .assert()
        .failure()
        .stderr(predicate::str::contains("línea 2").and(predicate::str::contains("es demasiado grande")));
    assert_eq!(snapshot(&Store::open(&db).unwrap()), before);
}

#[test]
fn a_spreadsheet_amount_past_the_ceiling_is_an_error_of_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let csv = format!(
        "Fecha;Tipo;Título;Monto;Donante\n2021-10-01;Financiamiento;Uno;308,000 USD;UK PACT\n2021-10-02;Financiamiento;Dos;{PAST_CEILING} USD;UK PACT\n2021-10-03;Financiamiento;Tres;79228162514264337593543951 mil dólares;UK PACT\n"
    );
    let table = read_table(&write(dir.path(), "montos.csv", csv.as_bytes()), None).unwrap();
    let drafts = read_rows(&table, &Mapping::propose(&table.headers), &mut |_, _| true).unwrap();
    assert!(drafts[0].errors.is_empty(), "{:?}", drafts[0].errors);
    for (draft, line) in drafts[1..].iter().zip([3, 4]) {
        let said: Vec<String> = draft.errors.iter().map(|e| e.describe(enlace::interop::Lang::Es)).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with(&format!("línea {line}, columna 4 «Monto»")) && said[0].contains(CEILING_SAID), "{said:?}");
    }
}

#[test]
fn totals_past_the_ceiling_are_an_error_in_stats_and_the_period_report() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (1..=3).map(|i| financing(&format!("Fondo {i}"), HUGE_VALID)).collect();
    let store = store_with(dir.path(), &lines);

    let err = store.stats(&Filter::default()).unwrap_err();
    let StoreError::TooLarge(Text { es, en }) = &err else { panic!("{err:?}") };
    assert!(
        es.contains("la suma de los 3 financiamientos en USD pasa del máximo") && es.contains("79,228,162,514,264,337,593,543,950,335"),
        "{es}"
    );
    assert!(en.contains("the sum of the 3 financings in USD"), "{en}");

    let request = PeriodRequest::new(
        NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
        NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        "Oficina",
        chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
    );
    let Err(ReportError::Store(StoreError::TooLarge(_))) = period_report(&store, &request) else { panic!("the report must refuse") };

    // Two of them fit: the figure is exact.
    let other = tempfile::tempdir().unwrap();
    let two = store_with(other.path(), &lines[..2]);
    assert_eq!(two.stats(&Filter::default()).unwrap().financing[0].total, "60000000000000000000000000000");

    // A document declared from records read elsewhere says the sum is too large in the total cell.
    let activities = store.list(&Filter::default()).unwrap().items;
    let stats = two.stats(&Filter::default()).unwrap();
    for (lang, said) in [
        (Lang::Es, "más de 79,228,162,514,264,337,593,543,950,335 USD (la suma es demasiado grande)"),
        (Lang::En, "over 79,228,162,514,264,337,593,543,950,335 USD"),
    ] {
        let doc = period_document(&PeriodRequest { lang, ..request.clone() }, &activities, &stats.clone().into(), &[], &|_| Vec::new());
        assert!(format!("{doc:?}").contains(said), "{lang:?}");
    }
}

#[test]
fn an_attachment_over_the_limit_is_refused_before_anything_is_copied() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with(dir.path(), &[financing("Fondo", "1000")]);
    let id = store.list(&Filter::default()).unwrap().items[0].id;
    let before = snapshot(&store);
    store.set_max_attachment_bytes(1000);
    let big = write(dir.path(), "video.mp4", &[7u8; 1536]);
    let err = store.attach(&id, &big, &Actor::new("Ana", Origin::App)).unwrap_err();
    let StoreError::TooLarge(Text { es, en }) = &err else { panic!("{err:?}") };
    assert_eq!(es, "«video.mp4» pesa 1.5 KiB; el límite para adjuntos es 1000 bytes. No se adjuntó nada.");
    assert_eq!(en, "«video.mp4» is 1.5 KiB; the attachment limit is 1000 bytes. Nothing was attached.");
    assert_eq!(snapshot(&store), before);
    let files = store.attachments_dir().unwrap();
    assert!(!files.exists() || std::fs::read_dir(&files).unwrap().next().is_none(), "nothing copied");

    // A device reports no size; the read itself stops past the limit.
    let err = store.attach(&id, Path::new("/dev/zero"), &Actor::new("Ana", Origin::App)).unwrap_err();
    assert_eq!(err.to_string(), "«zero» pesa más de 1000 bytes; el límite para adjuntos es 1000 bytes. No se adjuntó nada.");
    assert_eq!(snapshot(&store), before);

    let fits = write(dir.path(), "foto.jpg", &[7u8; 1000]);
    assert_eq!(store.attach(&id, &fits, &Actor::new("Ana", Origin::App)).unwrap().size, 1000);
}

/// A workbook written part by part, as a hostile one would be: `sheet` is the worksheet's XML
/// and `strings` the shared strings, each given as chunks so a large part is never held whole.
fn workbook(path: &Path, sheet: &[&str], strings: Option<(&str, usize)>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    let part = |zip: &mut zip::ZipWriter<std::fs::File>, name: &str, chunks: &[&str]| {
        zip.start_file(name, options).unwrap();
        for c in chunks {
            zip.write_all(c.as_bytes()).unwrap();
        }
    };
    part(
        &mut zip,
        "[Content_Types].xml",
        &[
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
        ],
    );
    part(
        &mut zip,
        "_rels/.rels",
        &[
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ],
    );
    part(
        &mut zip,
        "xl/workbook.xml",
        &[
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ],
    );
    part(
        &mut zip,
        "xl/_rels/workbook.xml.rels",
        &[
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ],
    );
    let mut xml = vec![r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#];
    xml.extend_from_slice(sheet);
    xml.push("</worksheet>");
    part(&mut zip, "xl/worksheets/sheet1.xml", &xml);
    if let Some((text, times)) = strings {
        let mut chunks = vec![
            r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#,
        ];
        chunks.extend(std::iter::repeat_n(text, times));
        chunks.push("</t></si></sst>");
        part(&mut zip, "xl/sharedStrings.xml", &chunks);
    }
    zip.finish().unwrap();
}

const HEADER_ROW: &str =
    r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Fecha</t></is></c><c r="B1" t="inlineStr"><is><t>Título</t></is></c></row>"#;

#[test]
fn a_declared_dimension_of_the_whole_grid_costs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dimension.xlsx");
    let data = r#"<row r="2"><c r="A2" t="inlineStr"><is><t>2021-07-27</t></is></c><c r="B2" t="inlineStr"><is><t>Uno</t></is></c></row>"#;
    workbook(&path, &[r#"<dimension ref="A1:XFD1048576"/><sheetData>"#, HEADER_ROW, data, "</sheetData>"], None);
    let table = read_table(&path, None).unwrap();
    assert_eq!((table.headers.len(), table.rows.len(), table.rows[0].line), (2, 1, 2));
}

#[test]
fn a_cell_far_out_in_the_grid_is_refused_with_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lejos.xlsx");
    let corner = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    workbook(&path, &["<sheetData>", HEADER_ROW, corner, "</sheetData>"], None);
    let err = read_table(&path, None).unwrap_err();
    assert!(matches!(err, ReadError::TooManyRows { line: 1048576, column: 16384, limit: 100_000 }), "{err:?}");
    assert_eq!(err.to_string(), "fila 1048576, columna 16384: la hoja pasa del límite de 100000 filas; divídala en partes");

    let wide = r#"<row r="2"><c r="ALM2" t="inlineStr"><is><t>x</t></is></c></row>"#;
    workbook(&path, &["<sheetData>", HEADER_ROW, wide, "</sheetData>"], None);
    let err = read_table(&path, None).unwrap_err();
    assert_eq!(err.to_string(), "fila 2, columna 1001: la hoja pasa del límite de 1000 columnas");
    assert_eq!(err.brief().en, "row 2, column 1001: the sheet goes past the limit of 1000 columns");
}

#[test]
fn a_huge_cell_is_refused_by_its_part_or_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("celda.xlsx");
    let shared = r#"<row r="2"><c r="B2" t="s"><v>0</v></c></row>"#;
    // 2 MiB of text, which compresses to a few kilobytes.
    workbook(&path, &["<sheetData>", HEADER_ROW, shared, "</sheetData>"], Some((&"a".repeat(1024), 2048)));
    let small = Limits { max_part_bytes: 1024 * 1024, ..Limits::default() };
    let err = read_table_within(&path, None, &small).unwrap_err();
    assert!(matches!(&err, ReadError::PartTooLarge { part, .. } if part == "xl/sharedStrings.xml"), "{err:?}");
    assert!(
        err.to_string().starts_with("la parte «xl/sharedStrings.xml» del libro ocupa 2.0 MiB al descomprimirla; el máximo es 1.0 MiB"),
        "{err}"
    );

    let err = read_table(&path, None).unwrap_err();
    assert_eq!(err.to_string(), "fila 2, columna 2: la celda tiene 2.0 MiB de texto; el máximo es 1.0 MiB");

    let csv = format!("Fecha,Título\n2021-07-27,\"{}\"\n", "a".repeat(2048));
    let path = write(dir.path(), "celda.csv", csv.as_bytes());
    let err = read_table_within(&path, None, &Limits { max_cell_bytes: 1024, ..Limits::default() }).unwrap_err();
    assert_eq!(err.to_string(), "fila 2, columna 2: la celda tiene 2.0 KiB de texto; el máximo es 1.0 KiB");
    let err = read_table_within(&path, None, &Limits { max_file_bytes: 1000, ..Limits::default() }).unwrap_err();
    assert_eq!(err.to_string(), "el archivo pesa 2.0 KiB; el máximo que se importa es 1000 bytes: divídalo en partes");
}

#[test]
fn shared_strings_declaring_billions_of_texts_are_refused_before_the_reader_reserves_room() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cuenta.xlsx");
    workbook(&path, &["<sheetData>", HEADER_ROW, "</sheetData>"], Some(("Uno", 1)));
    // The helper declares one text; this one declares four billion.
    let honest = read_table(&path, None);
    assert!(honest.is_ok(), "{honest:?}");
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text).unwrap();
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(text.replace(r#"uniqueCount="1""#, r#"uniqueCount="4000000000""#).as_bytes()).unwrap();
    }
    out.finish().unwrap();
    let err = read_table(&path, None).unwrap_err();
    assert!(
        err.to_string().starts_with("la parte «xl/sharedStrings.xml» del libro declara 4000000000 textos, más de los que caben en"),
        "{err}"
    );
}

#[test]
fn a_csv_of_a_hundred_thousand_columns_is_refused_at_the_first_filled_one_too_far() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Fecha,Título\n2021-07-27,Uno");
    csv.push_str(&",".repeat(100_000));
    csv.push_str("x\n");
    let err = read_table(&write(dir.path(), "ancho.csv", csv.as_bytes()), None).unwrap_err();
    assert_eq!(err.to_string(), "fila 2, columna 100002: la hoja pasa del límite de 1000 columnas");

    // Empty cells past the limit hold nothing and are dropped.
    let mut csv = String::from("Fecha,Título\n2021-07-27,Uno");
    csv.push_str(&",".repeat(100_000));
    let table = read_table(&write(dir.path(), "vacias.csv", csv.as_bytes()), None).unwrap();
    assert_eq!((table.headers.len(), table.rows[0].cells.len()), (2, 2));
}

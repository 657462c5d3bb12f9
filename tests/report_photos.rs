//! Photos in the period report: an activity's photos marked for the report print after its
//! entry, at most two, with caption and credit; unmarked ones and other files never print; a
//! photo that cannot be read prints as such; twenty phone photos keep the file under 10 MB.
//!
//! Samples stay in `target/report-samples/`.

mod report_support;

use report_support::second_semester_2021;

use std::path::PathBuf;
use std::process::Command;

use enlace::domain::{ActivityId, ReportMark};
use enlace::interop::interchange;
use enlace::report::{period_report, render_pdf, Lang, PHOTOS_PER_ENTRY};
use enlace::store::{Actor, Origin, Store};

/// A store on disk (attachments live beside it) with `meetings` meetings in the period.
fn store(dir: &std::path::Path, meetings: usize) -> (Store, Vec<ActivityId>) {
    let mut store = Store::open(&dir.join("enlace.db")).unwrap();
    let lines: Vec<String> = (0..meetings)
        .map(|n| {
            format!(
                r#"{{"kind":"meeting","title":"Reunión {n} con la Embajada de Chile","start_date":"2021-09-{:02}","countries":["Chile"],"axis":"Ciudad Sustentable","summary":"Se revisó la cooperación técnica."}}"#,
                n % 28 + 1
            )
        })
        .collect();
    let items = interchange::parse(&lines.join("\n")).unwrap();
    store.import(&items, &Actor::new("Ana", Origin::Import), false, &mut |_, _| true).unwrap();
    let ids = store.list(&Default::default()).unwrap().items.into_iter().map(|a| a.id).collect();
    (store, ids)
}

/// A phone photo saved as `name` (PNG when the name says so).
fn photo(dir: &std::path::Path, name: &str, seed: u32) -> PathBuf {
    let path = dir.join(name);
    let jpeg = report_support::phone_photo(seed);
    if name.ends_with(".png") {
        image::load_from_memory(&jpeg).unwrap().save(&path).unwrap();
    } else {
        std::fs::write(&path, jpeg).unwrap();
    }
    path
}

fn attach_marked(store: &mut Store, id: &ActivityId, file: &std::path::Path, caption: &str, credit: &str) -> String {
    let actor = Actor::new("Ana", Origin::App);
    let hash = store.attach(id, file, &actor).unwrap().hash;
    let mark = ReportMark { in_report: true, caption: Some(caption.into()), credit: Some(credit.into()) };
    store.mark_attachment(id, &hash, mark, &actor).unwrap();
    hash
}

fn write(store: &Store, lang: Lang, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../report-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, render_pdf(&period_report(store, &second_semester_2021(lang)).unwrap()).unwrap()).unwrap();
    path
}

fn text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8", path.to_str().unwrap(), "-"]).output().expect("pdftotext installed");
    String::from_utf8(out.stdout).unwrap()
}

/// Images in the file, as `pdfimages -list` counts them.
fn images(path: &std::path::Path) -> usize {
    let out = Command::new("pdfimages").args(["-list", path.to_str().unwrap()]).output().expect("pdfimages (poppler-utils)");
    String::from_utf8(out.stdout).unwrap().lines().skip(2).count()
}

#[test]
fn marked_photos_print_after_their_entry_at_most_two_with_caption_and_credit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ids) = store(dir.path(), 2);
    let actor = Actor::new("Ana", Origin::App);
    for (n, caption) in ["Firma del memorándum", "Recorrido por la planta", "Foto de grupo"].iter().enumerate() {
        attach_marked(&mut store, &ids[0], &photo(dir.path(), &format!("foto{n}.jpg"), n as u32), caption, "Ana López");
    }
    // Attached but not marked, and a document: neither prints.
    store.attach(&ids[0], &photo(dir.path(), "sin-marcar.png", 9), &actor).unwrap();
    let pdf = dir.path().join("programa.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    store.attach(&ids[0], &pdf, &actor).unwrap();

    let path = write(&store, Lang::Es, "period-es-photos.pdf");
    let all = text(&path);
    let entry = all.find("Reunión 0 con la Embajada de Chile").expect("the entry");
    let first = all.find("Firma del memorándum").expect("the first caption");
    assert!(entry < first, "the photos follow their entry");
    assert!(all.contains("Recorrido por la planta"));
    assert_eq!(all.matches("Foto: Ana López").count(), PHOTOS_PER_ENTRY, "{all}");
    assert!(!all.contains("Foto de grupo"), "a third photo is past the limit");
    assert!(!all.contains("sin-marcar") && !all.contains("programa.pdf"));
    assert_eq!(images(&path), PHOTOS_PER_ENTRY);

    let english = text(&write(&store, Lang::En, "period-en-photos.pdf"));
    assert_eq!(english.matches("Photo: Ana López").count(), PHOTOS_PER_ENTRY);
}

#[test]
fn a_marked_photo_whose_file_is_missing_prints_as_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ids) = store(dir.path(), 1);
    let hash = attach_marked(&mut store, &ids[0], &photo(dir.path(), "firma.jpg", 1), "Firma del memorándum", "Ana López");
    std::fs::remove_file(store.attachment_path(&hash).unwrap()).unwrap();
    let all = text(&write(&store, Lang::Es, "period-es-photo-missing.pdf"));
    assert!(all.contains("(no se pudo leer la imagen)\nFirma del memorándum"), "{all}");
}

#[test]
fn twenty_phone_photos_keep_the_report_under_ten_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ids) = store(dir.path(), 10);
    for (n, id) in ids.iter().enumerate() {
        for k in 0..2 {
            let file = photo(dir.path(), &format!("foto-{n}-{k}.jpg"), (n * 2 + k) as u32);
            attach_marked(&mut store, id, &file, &format!("Foto {n}.{k} de la reunión"), "Oficina de prensa");
        }
    }
    let path = write(&store, Lang::Es, "period-es-20-photos.pdf");
    let size = std::fs::metadata(&path).unwrap().len();
    assert_eq!(images(&path), 20);
    assert!(size < 10 * 1024 * 1024, "{size} bytes");
    let inputs: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("foto-"))
        .map(|e| e.metadata().unwrap().len())
        .sum();
    println!("20 photos of 2000 × 1500 ({} MB as JPEG files): report of {:.1} MB", inputs / 1_000_000, size as f64 / 1_048_576.0);
}

//! Fuzz targets: one function per parser that reads outside data, driving the public entry
//! points the way a file, a cell or a pasted passage reaches them, and checking what is cheap
//! to check (a value read back from its own written form is the same value; a path from an
//! archive never lands outside its folder). Every target takes any bytes and must neither
//! panic nor hang: a bad input is an `Err`.
//!
//! The afl binaries in `fuzz/` call these, and `tests/fuzz_corpus.rs` replays every case kept
//! in `fuzz/corpus/<target>/` through [`TARGETS`] under `cargo test`. Not part of the API.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use arbitrary::{Arbitrary, Unstructured};

use crate::domain::{validate, PartialDate, Precision};
use crate::interop::amounts::{currency_code, parse_amount};
use crate::interop::report_text::{drafts_from_text, reference_country, TextContext};
use crate::interop::spanish_dates::{find_date, from_excel_serial, parse_date, parse_time, DateContext};
use crate::interop::spreadsheet::{self, csv::read_csv_within, Limits, Mapping};
use crate::interop::interchange;
use crate::store::backup;
use crate::Lang;
use crate::store::{Actor, Origin, Store};
use crate::sync::container::{open, open_archive, sha256_hex, sign, tar_of};
use crate::sync::hlc::Hlc;
use crate::sync::identity::{CopyId, Identity, PublicIdentity, Role};
use crate::sync::manifest::{format_of, Addressee, Counts, EntryHash, Manifest, OriginRange, FORMAT_VERSION};
use crate::sync::paths::{CHANGES, MANIFEST, SIGNATURE};

/// Every target by the name of its corpus folder.
pub const TARGETS: &[(&str, fn(&[u8]))] = &[
    ("bundle", bundle),
    ("manifest", manifest),
    ("interchange", interchange),
    ("spreadsheet", spreadsheet),
    ("dates", dates),
    ("amounts", amounts),
    ("report_text", report_text),
    ("archive", archive),
];

/// The target named `name`.
pub fn target(name: &str) -> Option<fn(&[u8])> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A fresh folder for one call, removed when dropped (also when the call panics).
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let root = std::env::var_os("ENLACE_FUZZ_SCRATCH").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        let dir = root.join(format!("enlace-fuzz-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------------
// Sync bundles

/// The two ends of a bundle, made once per process (key generation is the slow part).
struct Peers {
    officer: Identity,
    central: Identity,
}

fn peers() -> &'static Peers {
    static PEERS: OnceLock<Peers> = OnceLock::new();
    PEERS.get_or_init(|| {
        let id = |n: u128| CopyId(uuid::Uuid::from_u128(n));
        Peers {
            officer: Identity::generate(id(1), "Oficial de prueba", Role::Officer).expect("keys"),
            central: Identity::generate(id(2), "Oficina central", Role::Central).expect("keys"),
        }
    })
}

fn roster(key: &str) -> Option<PublicIdentity> {
    let p = peers();
    [&p.officer.public, &p.central.public].into_iter().find(|i| i.minisign == key).cloned()
}

/// A bundle file from an officer to the central office. The first byte picks how the rest
/// reaches [`open`]:
/// - 0: the rest is the `.enlace` file as received (age header, then ciphertext);
/// - 1: the rest is the tar inside, already decrypted (entry names, sizes, manifest,
///   signature checks);
/// - otherwise: the next [`SEALED_PARTS_BYTES`] bytes choose the manifest's counts, ranges
///   and hashes ([`SealedParts`]) and the rest is `changes.jsonl`, sealed in a well-signed
///   bundle, so the checks after the signature are reached too.
pub fn bundle(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let p = peers();
    let _ = match mode {
        0 => open(rest, &p.central, roster),
        1 => open_archive(rest, &p.central, roster),
        _ => {
            let (head, changes) = rest.split_at(rest.len().min(SEALED_PARTS_BYTES));
            let Ok(parts) = SealedParts::arbitrary_take_rest(Unstructured::new(head)) else { return };
            open_archive(&parts.seal(changes), &p.central, roster)
        }
    };
}

/// How many bytes after the mode byte choose the [`SealedParts`].
const SEALED_PARTS_BYTES: usize = 64;

/// What a signed bundle says about its changes, chosen by the fuzzer; `honest` ones count
/// and hash what the bundle really holds.
#[derive(Debug, Arbitrary)]
struct SealedParts {
    honest: bool,
    number: u64,
    counts: (u64, u64, u64, u64),
    ranges: Vec<(u8, u64, u64, u64)>,
    acks: Vec<(u8, u64)>,
    attachments: Vec<Vec<u8>>,
    bad_hash: Option<u8>,
}

impl SealedParts {
    fn seal(&self, changes: &[u8]) -> Vec<u8> {
        let p = peers();
        let origin = |n: u8| CopyId(uuid::Uuid::from_u128(n as u128 % 4));
        let mut body: Vec<(String, Vec<u8>)> = vec![(CHANGES.to_string(), changes.to_vec())];
        for a in &self.attachments {
            body.push((format!("attachments/{}", sha256_hex(a)), a.clone()));
        }
        let mut entries: Vec<EntryHash> = body
            .iter()
            .map(|(path, d)| EntryHash { path: path.clone(), sha256: sha256_hex(d), size: d.len() as u64 })
            .collect();
        if let Some(i) = self.bad_hash {
            let n = entries.len();
            entries[i as usize % n].sha256 = sha256_hex(b"otro");
        }
        let (counts, ranges) = if self.honest {
            honest_counts(changes, self.attachments.len() as u64)
        } else {
            let (changes, upserts, deletions, attachments) = self.counts;
            let ranges = self
                .ranges
                .iter()
                .map(|&(o, first, last, count)| OriginRange { origin: origin(o), first, last, count })
                .collect();
            (Counts { changes, upserts, deletions, attachments, attachment_bytes: 0 }, ranges)
        };
        let manifest = Manifest {
            format: FORMAT_VERSION,
            bundle_id: uuid::Uuid::from_u128(7),
            number: self.number,
            sender: p.officer.public.clone(),
            recipient: Addressee {
                id: p.central.public.id,
                name: p.central.public.name.clone(),
                age: p.central.public.age.clone(),
            },
            created_at: "2021-07-27T10:00:00Z".into(),
            created_hlc: Hlc { millis: 1_627_380_000_000, counter: 0 },
            full: false,
            ranges,
            acks: self.acks.iter().map(|&(o, s)| (origin(o), s)).collect(),
            counts,
            entries,
            series: Vec::new(),
        };
        let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
        let signature = sign(&p.officer, &manifest_bytes, "fuzz").expect("signs");
        let mut all: Vec<(String, &[u8])> =
            vec![(MANIFEST.to_string(), &manifest_bytes), (SIGNATURE.to_string(), signature.as_bytes())];
        all.extend(body.iter().map(|(n, d)| (n.clone(), d.as_slice())));
        tar_of(&all).expect("tar in memory")
    }
}

/// Counts and ranges that match the changes a lenient reading finds.
fn honest_counts(changes: &[u8], attachments: u64) -> (Counts, Vec<OriginRange>) {
    let read: Vec<crate::sync::change::Change> = std::str::from_utf8(changes)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let mut by_origin: BTreeMap<CopyId, Vec<u64>> = BTreeMap::new();
    for c in &read {
        by_origin.entry(c.origin).or_default().push(c.seq);
    }
    let ranges = by_origin
        .into_iter()
        .map(|(origin, seqs)| OriginRange {
            origin,
            first: *seqs.iter().min().expect("one at least"),
            last: *seqs.iter().max().expect("one at least"),
            count: seqs.len() as u64,
        })
        .collect();
    let deletions = read.iter().filter(|c| c.is_delete()).count() as u64;
    let counts = Counts {
        changes: read.len() as u64,
        upserts: read.len() as u64 - deletions,
        deletions,
        attachments,
        attachment_bytes: 0,
    };
    (counts, ranges)
}

/// A bundle's `manifest.json` alone: the format probe, the full reading, and a manifest read
/// is written back the same.
pub fn manifest(data: &[u8]) {
    let _ = format_of(data);
    if let Ok(m) = serde_json::from_slice::<Manifest>(data) {
        let written = serde_json::to_vec_pretty(&m).expect("a manifest read is written");
        let again: Manifest = serde_json::from_slice(&written).expect("a written manifest reads back");
        assert_eq!(again, m);
        let _ = crate::sync::inspect::Inspection { manifest: m, new_changes: 0, known_changes: 0 }.describe_es();
    }
}

// ---------------------------------------------------------------------------------------
// Interchange, spreadsheets, report text

/// One in-memory database per process for dry runs.
fn store() -> &'static Mutex<Store> {
    static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| Mutex::new(Store::open_in_memory().expect("in-memory store")))
}

/// An interchange file (JSON Lines or a JSON array): parsed, each activity validated and
/// written back and read again the same, then the whole file dry-run imported.
pub fn interchange(data: &[u8]) {
    let Ok(items) = interchange::parse(&text(data)) else { return };
    for (_, input) in &items {
        let _ = validate(input);
        let line = serde_json::to_string(input).expect("an activity read is written");
        match interchange::parse(&line) {
            Ok(again) => {
                assert_eq!(again.len(), 1, "{line}");
                assert_eq!(serde_json::to_string(&again[0].1).expect("written"), line);
            }
            Err(problems) => panic!("written activity does not read back: {line}: {problems:?}"),
        }
    }
    let mut store = store().lock().unwrap_or_else(|e| e.into_inner());
    let actor = Actor::new("fuzz", Origin::Import);
    let _ = store.import(&items, &actor, true, &mut |_, _| true);
}

/// A spreadsheet file: a workbook when it starts as a zip or an OLE file does, a CSV
/// otherwise; then the proposed mapping, the rows and their preview.
pub fn spreadsheet(data: &[u8]) {
    let limits = Limits { max_file_bytes: 1 << 20, max_part_bytes: 4 << 20, max_rows: 2_000, max_columns: 200, max_cell_bytes: 64 << 10 };
    let table = if data.starts_with(b"PK") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let scratch = Scratch::new();
        let ext = if data.starts_with(b"PK") { "xlsx" } else { "xls" };
        let path = scratch.0.join(format!("hoja.{ext}"));
        std::fs::write(&path, data).expect("scratch file");
        let _ = spreadsheet::sheet_names(&path);
        spreadsheet::read_table_within(&path, None, &limits)
    } else {
        read_csv_within(data, &limits)
    };
    let Ok(table) = table else { return };
    let proposal = Mapping::propose_for(&table);
    assert!(proposal.mapping.resolve(&table.headers).is_ok(), "a proposal by content is usable as it stands");
    assert_eq!(proposal.reasons.len(), table.headers.len(), "every column has its reason");
    let mapping = Mapping::propose(&table.headers);
    if let Ok(drafts) = spreadsheet::read_rows(&table, &mapping, &mut |_, _| true) {
        let _ = spreadsheet::render_preview(&table, &mapping, &drafts, Lang::Es);
        for e in drafts.iter().flat_map(|d| &d.errors) {
            let _ = e.describe(Lang::En);
        }
    }
}

/// A pasted passage of a report, read with a period's dates and a small directory.
pub fn report_text(data: &[u8]) {
    let passage = text(data);
    let organisations = ["Embajada del Perú".to_string(), "Ciudades y Gobiernos Locales Unidos".to_string()];
    let country_of = |words: &str| reference_country(words);
    let period = DateContext::for_period("2021-2").expect("a valid period");
    let ctx = TextContext { dates: period, known_organisations: &organisations, country_of: &country_of };
    let lines = passage.lines().count().max(1);
    for d in drafts_from_text(&passage, &ctx) {
        assert!((1..=lines).contains(&d.line), "draft at line {} of {lines}", d.line);
        let _ = validate(&d.input);
    }
}

// ---------------------------------------------------------------------------------------
// Dates and amounts

/// A date cell or phrase, read every way the app reads one. A plain ISO date is written back
/// the same; a date to the day or month in 1900–2100 reads back from its Spanish prose.
pub fn dates(data: &[u8]) {
    let t = text(data);
    if let Ok(d) = t.parse::<PartialDate>() {
        assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
        let _ = (d.format_en(), d.last_day());
    }
    for ctx in [DateContext::default(), DateContext::year(2021), DateContext::for_period("2021-2").expect("period")] {
        if let Ok(span) = parse_date(&t, &ctx) {
            for d in std::iter::once(span.start).chain(span.end) {
                check_prose(d);
            }
            let _ = crate::domain::date::format_range_es(&span.start, span.end.as_ref());
        }
        let _ = find_date(&t, &ctx);
    }
    let _ = DateContext::for_period(&t);
    let _ = parse_time(&t);
    if let Ok(serial) = t.trim().parse::<f64>() {
        let _ = from_excel_serial(serial);
    }
}

fn check_prose(d: PartialDate) {
    if d.precision() == Precision::Year || !(1900..=2100).contains(&d.year_number()) {
        return;
    }
    let prose = d.format_es();
    match parse_date(&prose, &DateContext::default()) {
        Ok(back) => assert_eq!((back.start, back.end), (d, None), "{prose}"),
        Err(e) => panic!("«{prose}» does not read back: {e:?}"),
    }
}

/// An amount cell or phrase ("20.000,50", "19 mil 500 libras"), a currency cell, and a plain
/// decimal, which is written back the same.
pub fn amounts(data: &[u8]) {
    let t = text(data);
    let _ = parse_amount(&t);
    let _ = currency_code(&t);
    if let Ok(d) = crate::domain::decimal::parse_decimal(&t) {
        assert_eq!(crate::domain::decimal::parse_decimal(&d.to_string()), Ok(d));
        let _ = crate::report::numbers::format_amount(d, "MXN");
    }
}

// ---------------------------------------------------------------------------------------
// Archives for moving to another computer

/// A valid empty Enlace database, made once per process.
fn empty_database() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let scratch = Scratch::new();
        let path = scratch.0.join("plantilla.db");
        let store = Store::open(&path).expect("template database");
        store.checkpoint().expect("checkpoint");
        drop(store);
        std::fs::read(&path).expect("template bytes")
    })
}

/// Entries the fuzzer adds to a well-formed archive.
#[derive(Debug, Arbitrary)]
struct ArchiveParts {
    entries: Vec<(String, Vec<u8>)>,
    directories: Vec<String>,
}

/// A `.zip` to move a copy to another computer, opened into a new folder. The first byte
/// picks the file: 0, the rest as the zip received; otherwise a zip holding a valid manifest
/// and database plus the entries the rest describes ([`ArchiveParts`]). Either way nothing
/// may be written outside the new database's folder.
pub fn archive(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let scratch = Scratch::new();
    let zip_path = scratch.0.join("mudanza.zip");
    if mode == 0 {
        std::fs::write(&zip_path, rest).expect("scratch file");
    } else {
        let Ok(parts) = ArchiveParts::arbitrary_take_rest(Unstructured::new(rest)) else { return };
        std::fs::write(&zip_path, well_formed_archive(&parts)).expect("scratch file");
    }
    // The database goes four folders down, so an entry climbing out of its folder lands in
    // one of them and is seen.
    let nest = scratch.0.join("a").join("b").join("c");
    let db = nest.join("nueva").join("enlace.db");
    let _ = backup::import_archive(&zip_path, &db, None, &mut |_, _| true);
    for (dir, allowed) in [
        (scratch.0.clone(), &["mudanza.zip", "a"][..]),
        (scratch.0.join("a"), &["b"][..]),
        (scratch.0.join("a").join("b"), &["c"][..]),
        (nest.clone(), &["nueva"][..]),
    ] {
        for name in listing(&dir) {
            assert!(allowed.contains(&name.as_str()), "archive wrote «{name}» in {}", dir.display());
        }
    }
    for name in listing(&nest.join("nueva")) {
        assert!(name.starts_with("enlace.db"), "archive wrote «{name}» beside the database");
    }
}

fn listing(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

fn well_formed_archive(parts: &ArchiveParts) -> Vec<u8> {
    let db = empty_database();
    let manifest = serde_json::json!({
        "format": 1,
        "created_at": "2021-07-27T10:00:00Z",
        "kind": "manual",
        "reason": "archivo para mudanza",
        "sha256": sha256_hex(db),
        "activities": 0,
        "files": parts.entries.len(),
    });
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let add = |zip: &mut zip::ZipWriter<_>, name: &str, data: &[u8]| {
        if zip.start_file(name, options).is_ok() {
            let _ = zip.write_all(data);
        }
    };
    add(&mut zip, "manifest.json", manifest.to_string().as_bytes());
    add(&mut zip, "enlace.db", db);
    for (name, data) in &parts.entries {
        add(&mut zip, name, data);
    }
    for name in &parts.directories {
        let _ = zip.add_directory(name.as_str(), options);
    }
    zip.finish().expect("zip in memory").into_inner()
}

//! Replays every case kept in `fuzz/corpus/<target>/` (seeds and every crash or hang the
//! fuzzer found, see scripts/fuzz.sh) through the same `enlace::fuzzing` target the afl
//! binaries run, so a fixed crash stays fixed under plain `cargo test`.

use std::path::Path;

#[test]
fn every_corpus_case_runs_through_its_target_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join("corpus");
    let mut folders: Vec<_> = std::fs::read_dir(&root).expect("fuzz/corpus exists").map(|e| e.expect("listing").path()).collect();
    folders.sort();
    let mut failures = Vec::new();
    let mut replayed = 0;
    for folder in folders.iter().filter(|p| p.is_dir()) {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let Some(target) = enlace::fuzzing::target(&name) else {
            failures.push(format!("fuzz/corpus/{name}/ has no target in enlace::fuzzing::TARGETS"));
            continue;
        };
        let mut cases: Vec<_> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
        cases.sort();
        assert!(!cases.is_empty(), "fuzz/corpus/{name}/ is empty");
        for case in cases {
            let data = std::fs::read(&case).unwrap();
            if std::panic::catch_unwind(|| target(&data)).is_err() {
                failures.push(format!("{name}/{}", case.file_name().unwrap().to_string_lossy()));
            }
            replayed += 1;
        }
    }
    for (name, _) in enlace::fuzzing::TARGETS {
        assert!(root.join(name).is_dir(), "target «{name}» has no folder fuzz/corpus/{name}/");
    }
    assert!(failures.is_empty(), "{} of {replayed} cases failed: {failures:#?}", failures.len());
}

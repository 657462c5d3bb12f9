//! The licenses "Acerca de Enlace" lists are generated (scripts/licenses.sh): this fails when
//! a crate, npm package or font changed and the list was not written again.

use std::process::Command;

#[test]
fn the_third_party_list_matches_the_dependencies() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash").arg("scripts/licenses.sh").arg("--print").current_dir(root).output().expect("bash runs");
    assert!(out.status.success(), "scripts/licenses.sh failed: {}", String::from_utf8_lossy(&out.stderr));
    let committed = std::fs::read_to_string(format!("{root}/assets/licenses/third-party.json")).unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout) == committed,
        "assets/licenses/third-party.json is stale: run `bash scripts/licenses.sh` and commit it"
    );
}

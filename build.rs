//! Embeds every `src/store/migrations/*.sql` file, in name order, into the binary.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/store/migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("migrations folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    names.sort();
    // Paths from CARGO_MANIFEST_DIR as the crate is compiled, not as the script last ran: a
    // target folder shared by two checkouts must not embed the other checkout's files.
    let entries: String = names
        .iter()
        .map(|n| format!("    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?}))),\n", format!("/src/store/migrations/{n}")))
        .collect();
    let out = Path::new(&env::var("OUT_DIR").expect("out dir")).join("migrations.rs");
    fs::write(out, format!("&[\n{entries}]\n")).expect("write migrations list");
}

//! Sync between an officer's copy and the central office through the `enlace` command line.

use assert_cmd::Command;
use predicates::prelude::*;

fn enlace(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("enlace").unwrap();
    cmd.arg("--db").arg(db).env_remove("ENLACE_DB").env_remove("ENLACE_USER");
    cmd
}

#[test]
fn an_officer_bundle_reaches_the_central_office_once_and_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (ana, central) = (dir.path().join("ana.db"), dir.path().join("central.db"));
    let (ana_pub, central_pub) = (dir.path().join("ana.pub"), dir.path().join("central.pub"));
    enlace(&ana).args(["identity", "init", "--name", "Ana López", "--role", "officer"]).assert().success();
    enlace(&central).args(["identity", "init", "--name", "Oficina Central", "--role", "central"]).assert().success();
    enlace(&ana).args(["identity", "show", "--out"]).arg(&ana_pub).assert().success();
    enlace(&central).args(["identity", "show", "--out"]).arg(&central_pub).assert().success();
    enlace(&central).args(["roster", "add"]).arg(&ana_pub).assert().success().stdout(predicate::str::contains("Ana López"));
    enlace(&ana).args(["roster", "add"]).arg(&central_pub).assert().success();

    enlace(&ana).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    let bundle = dir.path().join("ana-1.enlace");
    enlace(&ana).args(["bundle", "export", "--to"]).arg(&central_pub).arg("--out").arg(&bundle).assert().success();

    enlace(&central).args(["bundle", "inspect"]).arg(&bundle).assert().success().stdout(predicate::str::contains("Ana López"));
    enlace(&central).args(["bundle", "import"]).arg(&bundle).assert().success().stdout(predicate::str::contains("aplicados"));
    enlace(&central).arg("list").assert().success().stdout(predicate::str::contains("12 de 12"));
    // The same bundle again changes nothing.
    enlace(&central).args(["bundle", "import"]).arg(&bundle).assert().success();
    enlace(&central).arg("list").assert().success().stdout(predicate::str::contains("12 de 12"));

    // A truncated copy is refused with a message, and the central office keeps what it had.
    let bytes = std::fs::read(&bundle).unwrap();
    let truncated = dir.path().join("cortado.enlace");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    enlace(&central).args(["bundle", "import"]).arg(&truncated).assert().failure().stderr(predicate::str::contains("Error"));
    enlace(&central).arg("list").assert().success().stdout(predicate::str::contains("12 de 12"));
    enlace(&central).arg("conflicts").assert().success().stdout(predicate::str::contains("0 conflictos"));
}

//! The `enlace` binary as scripts use it.

use assert_cmd::Command;
use predicates::prelude::*;

fn enlace(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("enlace").unwrap();
    cmd.arg("--db").arg(db).env_remove("ENLACE_DB").env_remove("ENLACE_USER");
    cmd
}

#[test]
fn import_list_search_show_stats_and_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).arg("init").assert().success();
    enlace(&db)
        .args(["import", "tests/fixtures/every_kind.jsonl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("12 actividades creadas").and(predicate::str::contains("UK PACT")));

    enlace(&db)
        .args(["list", "--kind", "illumination", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Iluminación por el Bicentenario de Perú").and(predicate::str::contains("\"total\": 1")));
    enlace(&db)
        .args(["search", "peru", "--country", "Perú"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 de 2 actividades"));
    enlace(&db)
        .args(["show", "0190f0a0-0000-7000-8000-00000000000a"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"amount\": \"19500.00\""));
    enlace(&db)
        .args(["stats", "--from", "2021-07-01", "--to", "2021-12-31", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"participants_trained\": 45"));

    let out = dir.path().join("export.jsonl");
    enlace(&db).args(["export", "--format", "jsonl", "--out"]).arg(&out).assert().success();
    let db2 = dir.path().join("copia.db");
    enlace(&db2).arg("import").arg(&out).assert().success().stdout(predicate::str::contains("12 actividades creadas"));
    let again = dir.path().join("again.jsonl");
    enlace(&db2).args(["export", "--out"]).arg(&again).assert().success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), std::fs::read_to_string(&again).unwrap());
}

#[test]
fn a_bad_file_fails_with_line_and_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"kind\":\"meeting\",\"title\":\"Bien\",\"start_date\":\"2021-07-01\"}\n{\"kind\":\"illumination\",\"title\":\"Sin motivo\",\"start_date\":\"2021-07-28\",\"countries\":[\"Atlantis\"]}\n",
    )
    .unwrap();
    enlace(&db)
        .arg("import")
        .arg(&bad)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("línea 2, campo countries[0]")
                .and(predicate::str::contains("Atlantis"))
                .and(predicate::str::contains("línea 2, campo details.occasion"))
                .and(predicate::str::contains("nada se modificó")),
        );
    enlace(&db).arg("list").assert().success().stdout(predicate::str::contains("0 de 0 actividades"));
}

#[test]
fn trash_restore_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    let id = "0190f0a0-0000-7000-8000-000000000004";
    enlace(&db).args(["--as", "Ana López", "trash", id]).assert().success();
    enlace(&db).args(["list", "--trash"]).assert().success().stdout(predicate::str::contains("1 de 1"));
    enlace(&db).args(["restore", id]).assert().success();
    enlace(&db)
        .args(["history", id])
        .assert()
        .success()
        .stdout(predicate::str::contains("trash").and(predicate::str::contains("Ana López")).and(predicate::str::contains("restore")));
    enlace(&db).args(["show", "no-es-un-id"]).assert().failure().stderr(predicate::str::contains("no es un identificador"));
}

#[test]
fn sample_data_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).arg("sample").assert().success().stdout(predicate::str::contains("0 sin cambios"));
    enlace(&db).arg("sample").assert().success().stdout(predicate::str::contains(" 0 actividades creadas"));
}

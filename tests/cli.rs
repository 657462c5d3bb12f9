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
    // The tables a person reads speak labels, never the stored codes.
    let said = |args: &[&str]| String::from_utf8(enlace(&db).args(args).assert().success().get_output().stdout.clone()).unwrap();
    let list = said(&["list", "--kind", "illumination"]);
    assert!(list.contains("27 de julio de 2021") && list.contains("Iluminación de monumentos") && list.contains("Perú") && list.contains("Realizada"), "{list}");
    let stats = said(&["stats", "--from", "2021-07-01", "--to", "2021-12-31"]);
    assert!(stats.contains("Iluminación de monumentos") && stats.contains("Perú") && stats.contains("julio de 2021"), "{stats}");
    for code in ["illumination", " PE ", "2021-07 ", "done"] {
        assert!(!list.contains(code) && !stats.contains(code), "«{code}» reached a person:\n{list}\n{stats}");
    }

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
    enlace(&db).args(["untrash", id]).assert().success();
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

#[test]
fn report_and_brief_write_pdfs_with_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    let informe = dir.path().join("informe.pdf");
    enlace(&db)
        .args(["report", "--from", "2021-07-01", "--to", "2021-12-31", "--office", "Alcaldía Cuauhtémoc", "--out"])
        .arg(&informe)
        .assert()
        .success()
        .stdout(predicate::str::contains("PDF escrito"));
    let text = std::process::Command::new("pdftotext").arg(&informe).arg("-").output().expect("pdftotext (poppler-utils)");
    // Table cells wrap, so compare with line breaks folded into spaces.
    let text = String::from_utf8(text.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Alcaldía Cuauhtémoc"), "office on the cover");
    assert!(text.contains("Iluminación por el Bicentenario de Perú"));
    assert!(text.contains("27 de julio de 2021"));

    let brief = dir.path().join("ficha.pdf");
    enlace(&db).args(["brief", "0190f0a0-0000-7000-8000-000000000004", "--lang", "en", "--out"]).arg(&brief).assert().success();
    assert!(std::fs::read(&brief).unwrap().starts_with(b"%PDF"));
    enlace(&db)
        .args(["report", "--from", "2021-12-31", "--to", "2021-01-01", "--out"])
        .arg(dir.path().join("x.pdf"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("antes de empezar"));
}

#[test]
fn report_brief_and_country_brief_as_word_by_flag_or_extension() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    let is_docx = |path: &std::path::Path| {
        let bytes = std::fs::read(path).unwrap();
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let found = zip.file_names().any(|n| n.is_ok_and(|n| n == "word/document.xml"));
        found
    };
    // The extension decides...
    let informe = dir.path().join("informe.docx");
    enlace(&db)
        .args(["report", "--from", "2021-07-01", "--to", "2021-12-31", "--out"])
        .arg(&informe)
        .assert()
        .success()
        .stdout(predicate::str::contains("Word escrito"));
    assert!(is_docx(&informe));
    enlace(&db).args(["report-history"]).assert().success().stdout(predicate::str::contains("informe.docx"));
    // ...unless --format says otherwise.
    let brief = dir.path().join("ficha.doc");
    enlace(&db)
        .args(["brief", "0190f0a0-0000-7000-8000-000000000004", "--format", "docx", "--out"])
        .arg(&brief)
        .assert()
        .success();
    assert!(is_docx(&brief));
    let country = dir.path().join("pais.docx");
    enlace(&db)
        .args(["country-brief", "PE", "--from", "2021-01-01", "--to", "2021-12-31", "--format", "pdf", "--out"])
        .arg(&country)
        .assert()
        .success();
    assert!(std::fs::read(&country).unwrap().starts_with(b"%PDF"));
    enlace(&db)
        .args(["brief", "0190f0a0-0000-7000-8000-000000000004", "--format", "odt", "--out"])
        .arg(&brief)
        .assert()
        .failure()
        .stderr(predicate::str::contains("use pdf o docx"));
}

#[test]
fn spreadsheets_calendars_and_backups_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    // The fixture has good rows and bad ones: the dry run lists both, the import refuses.
    enlace(&db)
        .args(["import", "tests/fixtures/interop/actividades_2021.csv", "--dry-run"])
        .assert()
        .failure()
        .stdout(predicate::str::contains("se creará").and(predicate::str::contains("Atlántida")))
        .stdout(predicate::str::contains("«Actividad»: el encabezado y valores de tipo de actividad → Tipo de actividad"))
        .stderr(predicate::str::contains("no se escribió nada"));
    enlace(&db).arg("list").assert().success().stdout(predicate::str::contains("0 de 0"));

    enlace(&db).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    let xlsx = dir.path().join("actividades.xlsx");
    enlace(&db).args(["export", "--format", "xlsx", "--out"]).arg(&xlsx).assert().success();
    let copy = dir.path().join("copia.db");
    enlace(&copy).arg("import").arg(&xlsx).assert().success().stdout(predicate::str::contains("12 actividades creadas"));
    let ics = dir.path().join("agenda.ics");
    enlace(&db).args(["export", "--format", "ics", "--out"]).arg(&ics).assert().success();
    assert!(std::fs::read_to_string(&ics).unwrap().contains("BEGIN:VEVENT"));

    let snapshots = dir.path().join("respaldos");
    enlace(&db).args(["backup", "--dir"]).arg(&snapshots).assert().success();
    let name = std::fs::read_dir(&snapshots).unwrap().next().unwrap().unwrap().file_name();
    enlace(&db).args(["trash", "0190f0a0-0000-7000-8000-000000000004"]).assert().success();
    enlace(&db)
        .arg("restore")
        .arg(&name)
        .arg("--dir")
        .arg(&snapshots)
        .assert()
        .success()
        .stdout(predicate::str::contains("Restaurado: 12 actividades"));
    enlace(&db).arg("list").assert().success().stdout(predicate::str::contains("12 de 12"));
    enlace(&db)
        .args(["history", "database"])
        .assert()
        .success()
        .stdout(predicate::str::contains("restore").and(predicate::str::contains("cli")).and(predicate::str::contains("[database]")));
}

#[test]
fn axes_are_ordered_renamed_archived_and_kept_in_sets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).arg("init").assert().success();
    for name in ["Igualdad de Derechos", "Ciudad Sustentable", "Agenda de la Jefatura de Gobierno"] {
        enlace(&db).args(["axes", "add", name]).assert().success().stdout(format!("Eje: {name}\n"));
    }
    enlace(&db).args(["axes", "move", "agenda de la jefatura de gobierno", "--to", "1"]).assert().success();
    enlace(&db)
        .args(["axes", "cross-cutting", "Agenda de la Jefatura de Gobierno"])
        .assert()
        .success()
        .stdout("Eje: Agenda de la Jefatura de Gobierno (transversal)\n");
    enlace(&db).args(["axes", "rename", "Ciudad Sustentable", "Ciudad Sustentable y Resiliente"]).assert().success();
    enlace(&db).args(["axes", "archive", "Igualdad de Derechos"]).assert().success();
    enlace(&db).args(["axes", "set-add", "Plan General de Desarrollo 2013–2018"]).assert().success();
    enlace(&db).args(["axes", "add", "Equidad e Inclusión Social", "--set", "Plan General de Desarrollo 2013–2018"]).assert().success();
    enlace(&db).args(["axes", "list"]).assert().success().stdout(
        "Plan de gobierno (activo)\n\
         \x20 1. Agenda de la Jefatura de Gobierno (transversal)\n\
         \x20 2. Igualdad de Derechos (archivado)\n\
         \x20 3. Ciudad Sustentable y Resiliente\n\
         Plan General de Desarrollo 2013–2018\n\
         \x20 1. Equidad e Inclusión Social\n",
    );
    enlace(&db)
        .args(["axes", "set-activate", "plan general de desarrollo 2013–2018"])
        .assert()
        .success()
        .stdout("Conjunto de ejes activo: Plan General de Desarrollo 2013–2018\n");
    enlace(&db).args(["axes", "cross-cutting", "Agenda de la Jefatura de Gobierno", "--off"]).assert().success().stdout("Eje: Agenda de la Jefatura de Gobierno\n");
    enlace(&db)
        .args(["axes", "rename", "Movilidad", "Más y Mejor Movilidad"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no hay un eje llamado «Movilidad»"));
    enlace(&db)
        .args(["axes", "add", "equidad e inclusión social"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("ya hay un eje llamado «equidad e inclusión social» (en «Plan General de Desarrollo 2013–2018»)"));
    enlace(&db).args(["axes", "--help"]).assert().success().stdout(predicate::str::contains("Move an axis to place N of its set"));
}

#[test]
fn a_photo_is_marked_for_the_report_from_a_script_and_taken_out_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oficina.db");
    enlace(&db).args(["import", "tests/fixtures/every_kind.jsonl"]).assert().success();
    let id = "0190f0a0-0000-7000-8000-00000000000a";
    let photo = dir.path().join("firma.png");
    image::RgbImage::from_pixel(40, 30, image::Rgb([20, 60, 120])).save(&photo).unwrap();
    let out = enlace(&db).args(["attachment", "add", id]).arg(&photo).assert().success().get_output().stdout.clone();
    let hash = String::from_utf8(out).unwrap().split_whitespace().nth(1).unwrap().to_string();

    enlace(&db)
        .args(["attachment", "mark", id, &hash, "--caption", "Firma del convenio", "--credit", "Ana López"])
        .assert()
        .success()
        .stdout(predicate::str::contains("firma.png: en el informe"));
    enlace(&db)
        .args(["show", id])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"in_report\": true").and(predicate::str::contains("\"caption\": \"Firma del convenio\"")));
    enlace(&db).args(["history", id]).assert().success().stdout(predicate::str::contains("mark"));

    // --off keeps the caption and credit for the next time.
    enlace(&db).args(["attachment", "mark", id, &hash, "--off"]).assert().success().stdout(predicate::str::contains("fuera del informe"));
    enlace(&db)
        .args(["show", id])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"in_report\": false").and(predicate::str::contains("\"credit\": \"Ana López\"")));
    enlace(&db).args(["attachment", "mark", "--help"]).assert().success().stdout(predicate::str::contains("--caption").and(predicate::str::contains("--off")));
}

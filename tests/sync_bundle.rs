//! Bad bundles are refused with a clear Spanish message and the database exactly as before;
//! good ones can be checked by hand with the `age` and `minisign` command-line tools.

mod sync_support;

use enlace::sync::container::{encrypt, sha256_hex};
use enlace::sync::manifest::Manifest;
use enlace::sync::{BundleError, Role, SyncError};
use sync_support::tamper::{entries, get, raw_tar, resign};
use sync_support::{meeting, Copy, Office};

/// An office where Ana has two records to send; returns her good bundle for central.
fn office_with_bundle() -> (Office, Vec<u8>) {
    let mut o = Office::new();
    o.ana.save(meeting("Reunión con la Embajada de Perú", "2026-11-02"));
    o.ana.save(meeting("Iluminación por el Día de Perú", "2026-07-28"));
    let bytes = o.ana.bundle_for(&o.central);
    (o, bytes)
}

fn rejected(o: &mut Office, bytes: &[u8]) -> SyncError {
    let before = o.central.whole_digest();
    let err = o.central.import(bytes).expect_err("the bundle must be refused");
    assert_eq!(o.central.whole_digest(), before, "refused bundle changed the database: {err}");
    assert!(err.to_string().starts_with("paquete rechazado; nada se modificó"), "{err}");
    err
}

/// Archives and encrypts crafted entries to central, then expects the import to refuse them.
fn rejected_tar(o: &mut Office, entries: &[(Vec<u8>, Vec<u8>)]) -> SyncError {
    let bytes = encrypt(&o.central.public, &raw_tar(entries)).unwrap();
    rejected(o, &bytes)
}

#[test]
fn a_good_bundle_applies_and_inspects() {
    let (mut o, bytes) = office_with_bundle();
    let before = o.central.whole_digest();
    let seen = enlace::sync::inspect(&o.central.store, &bytes).unwrap();
    assert_eq!(o.central.whole_digest(), before, "inspecting writes nothing");
    assert_eq!((seen.new_changes, seen.known_changes), (2, 0));
    assert_eq!(seen.manifest.sender.name, "Ana López");
    assert!(seen.describe_es().contains("Firma minisign verificada"));
    let report = o.central.import(&bytes).unwrap();
    assert_eq!((report.applied, report.skipped, report.conflicted), (2, 0, 0));
    assert_eq!(o.central.titles().len(), 2);
    assert_eq!(enlace::sync::inspect(&o.central.store, &bytes).unwrap().known_changes, 2);
}

#[test]
fn truncated_bundles_are_refused() {
    let (mut o, bytes) = office_with_bundle();
    for len in [0, 10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 17, bytes.len() - 1] {
        let err = rejected(&mut o, &bytes[..len]);
        assert!(matches!(err, SyncError::Bundle(BundleError::Damaged(_) | BundleError::NotForThisCopy)), "{len}: {err}");
    }
}

#[test]
fn a_flipped_bit_anywhere_is_refused() {
    let (mut o, bytes) = office_with_bundle();
    let step = (bytes.len() / 40).max(1);
    for at in (0..bytes.len()).step_by(step).chain([bytes.len() - 1]) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x04;
        rejected(&mut o, &bad);
    }
    assert!(o.central.import(&bytes).is_ok(), "the untouched bundle still applies");
}

#[test]
fn a_signer_outside_the_roster_is_refused() {
    let (mut o, _) = office_with_bundle();
    let mut mallory = Copy::new(o.dir.path(), "Mallory", Role::Officer);
    mallory.trust(&o.central);
    mallory.save(meeting("Reunión falsa", "2026-11-02"));
    let bytes = mallory.bundle_for(&o.central);
    let err = rejected(&mut o, &bytes);
    assert!(matches!(err, SyncError::Bundle(BundleError::UnknownSigner(ref n)) if n == "Mallory"), "{err}");
    assert!(err.to_string().contains("no está en el registro"));
}

#[test]
fn a_bundle_encrypted_to_another_copy_is_refused() {
    let (mut o, _) = office_with_bundle();
    let other_central = Copy::new(o.dir.path(), "Otra Oficina", Role::Central);
    o.ana.trust(&other_central);
    let bytes = o.ana.bundle_for(&other_central);
    let err = rejected(&mut o, &bytes);
    assert!(matches!(err, SyncError::Bundle(BundleError::NotForThisCopy)), "{err}");
    assert!(err.to_string().contains("otro destinatario"));
}

#[test]
fn a_bundle_replayed_from_another_office_is_refused() {
    // Ana's genuine bundle for another office, re-encrypted to this central by whoever holds it.
    let (mut o, _) = office_with_bundle();
    let other_central = Copy::new(o.dir.path(), "Otra Oficina", Role::Central);
    o.ana.trust(&other_central);
    let for_other = o.ana.bundle_for(&other_central);
    let plain = age::decrypt(other_central.identity().decryption_key(), &for_other[..]).unwrap();
    let replayed = encrypt(&o.central.public, &plain).unwrap();
    let err = rejected(&mut o, &replayed);
    assert!(matches!(err, SyncError::Bundle(BundleError::WrongRecipient { ref name, .. }) if name == "Otra Oficina"), "{err}");
}

#[test]
fn a_newer_format_is_refused_as_such() {
    let (mut o, bytes) = office_with_bundle();
    let mut e = entries(&bytes, &o.central);
    resign(&mut e, &o.ana, |m| m["format"] = 3.into());
    let err = rejected_tar(&mut o, &e);
    assert!(matches!(err, SyncError::Bundle(BundleError::FutureFormat { found: 3, supported: 2 })), "{err}");
    assert!(err.to_string().contains("actualice Enlace"));
}

#[test]
fn entry_names_escaping_the_folder_are_refused() {
    let (mut o, bytes) = office_with_bundle();
    for evil in ["../manifest.json", "/tmp/enlace-evil", "attachments/../../evil", "attachments/../changes.jsonl"] {
        let mut e = entries(&bytes, &o.central);
        e.push((evil.as_bytes().to_vec(), b"x".to_vec()));
        let err = rejected_tar(&mut o, &e);
        assert!(matches!(err, SyncError::Bundle(BundleError::BadEntry(ref n)) if n == evil), "{evil}: {err}");
    }
}

#[test]
fn an_attachment_name_escaping_its_folder_is_refused() {
    let (mut o, bytes) = office_with_bundle();
    let mut e = entries(&bytes, &o.central);
    let first: serde_json::Value = serde_json::from_slice(get(&mut e, "changes.jsonl").split(|b| *b == b'\n').next().unwrap()).unwrap();
    let activity = first["id"].as_str().unwrap();
    let content = b"contenido".to_vec();
    let hash = sha256_hex(&content);
    let change = serde_json::json!({
        "origin": o.ana.public.id, "seq": 99, "hlc": first["hlc"], "entity": "attachment", "id": format!("{activity}/{hash}"),
        "writes": { "file_name": { "value": "../../../.bashrc" }, "media_type": { "value": "text/plain" }, "size": { "value": 9 } }
    });
    let changes = get(&mut e, "changes.jsonl");
    changes.extend(serde_json::to_vec(&change).unwrap());
    changes.push(b'\n');
    let (changes_hash, changes_len) = (sha256_hex(changes), changes.len());
    let path = format!("attachments/{hash}");
    e.push((path.clone().into_bytes(), content.clone()));
    resign(&mut e, &o.ana, |m| {
        let manifest: &mut serde_json::Value = m;
        manifest["counts"]["changes"] = (manifest["counts"]["changes"].as_u64().unwrap() + 1).into();
        manifest["counts"]["upserts"] = (manifest["counts"]["upserts"].as_u64().unwrap() + 1).into();
        manifest["counts"]["attachments"] = 1.into();
        manifest["ranges"][0]["last"] = 99.into();
        manifest["ranges"][0]["count"] = (manifest["ranges"][0]["count"].as_u64().unwrap() + 1).into();
        manifest["entries"] = serde_json::json!([
            { "path": "changes.jsonl", "sha256": changes_hash, "size": changes_len },
            { "path": path, "sha256": hash, "size": content.len() },
        ]);
    });
    let err = rejected_tar(&mut o, &e);
    assert!(matches!(err, SyncError::Bundle(BundleError::BadEntry(ref n)) if n == "../../../.bashrc"), "{err}");
}

#[test]
fn content_not_matching_the_manifest_hashes_is_refused() {
    let (mut o, bytes) = office_with_bundle();
    let mut e = entries(&bytes, &o.central);
    get(&mut e, "changes.jsonl").extend(b"\n");
    let err = rejected_tar(&mut o, &e);
    assert!(matches!(err, SyncError::Bundle(BundleError::HashMismatch(ref p)) if p == "changes.jsonl"), "{err}");
}

#[test]
fn a_manifest_changed_after_signing_is_refused() {
    let (mut o, bytes) = office_with_bundle();
    let mut e = entries(&bytes, &o.central);
    let text = String::from_utf8(get(&mut e, "manifest.json").clone()).unwrap();
    *get(&mut e, "manifest.json") = text.replacen("\"full\": false", "\"full\": true", 1).into_bytes();
    let err = rejected_tar(&mut o, &e);
    assert!(matches!(err, SyncError::Bundle(BundleError::BadSignature(ref n)) if n == "Ana López"), "{err}");
}

fn have(tool: &str) -> bool {
    std::process::Command::new(tool).arg("-h").output().is_ok()
}

#[test]
fn the_age_and_minisign_tools_open_and_verify_a_bundle() {
    if !have("age") || !have("minisign") {
        eprintln!("OMITIDO: faltan los programas `age` y/o `minisign` (apt-get install age minisign); CI los instala");
        return;
    }
    let (o, bytes) = office_with_bundle();
    let dir = o.dir.path();
    std::fs::write(dir.join("paquete.enlace"), &bytes).unwrap();
    std::fs::write(dir.join("central.age-key"), o.central.identity().age_secret_text()).unwrap();
    let run = |cmd: &mut std::process::Command| {
        let out = cmd.current_dir(dir).output().unwrap();
        assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    };
    run(std::process::Command::new("age").args(["-d", "-i", "central.age-key", "-o", "paquete.tar", "paquete.enlace"]));
    let plain = std::fs::read(dir.join("paquete.tar")).unwrap();
    let unpacked = dir.join("paquete");
    tar::Archive::new(&plain[..]).unpack(&unpacked).unwrap();
    let out = run(std::process::Command::new("minisign").args(["-V", "-m", "paquete/manifest.json", "-P", &o.ana.public.minisign]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Signature and comment signature verified"));
    let manifest: Manifest = serde_json::from_slice(&std::fs::read(unpacked.join("manifest.json")).unwrap()).unwrap();
    for entry in &manifest.entries {
        assert_eq!(sha256_hex(&std::fs::read(unpacked.join(&entry.path)).unwrap()), entry.sha256);
    }
    // A tampered manifest fails the CLI's check too.
    std::fs::write(unpacked.join("manifest.json"), b"{}").unwrap();
    let bad = std::process::Command::new("minisign")
        .args(["-V", "-m", "paquete/manifest.json", "-P", &o.ana.public.minisign])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

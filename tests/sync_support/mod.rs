//! Copies of the database for sync tests: officers and a central office in one temp folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use enlace::domain::ActivityInput;
use enlace::store::{Actor, Origin, Store};
use enlace::sync::{self, identity, roster, Identity, ImportOptions, ImportReport, PublicIdentity, Role, SyncError};
use sha2::{Digest, Sha256};

pub struct Copy {
    pub store: Store,
    pub public: PublicIdentity,
    pub path: PathBuf,
}

impl Copy {
    pub fn new(dir: &Path, name: &str, role: Role) -> Copy {
        let path = dir.join(format!("{}.db", name.replace(' ', "_")));
        let store = Store::open(&path).unwrap();
        let public = identity::init(&store, name, role).unwrap();
        Copy { store, public, path }
    }

    pub fn identity(&self) -> Identity {
        Identity::require(&self.store).unwrap()
    }

    pub fn trust(&self, other: &Copy) {
        roster::add(&self.store, &other.public).unwrap();
    }

    pub fn save(&mut self, json: serde_json::Value) -> String {
        let input: ActivityInput = serde_json::from_value(json).unwrap();
        let who = Actor::new(self.public.name.clone(), Origin::App);
        self.store.save_activity(&input, &who).unwrap().id.to_string()
    }

    /// Changes one field of an activity the way the app does: load, edit, save.
    pub fn edit(&mut self, id: &str, field: &str, value: serde_json::Value) {
        let current = self.store.get(&id.parse().unwrap()).unwrap().unwrap();
        let mut json = serde_json::to_value(current.to_input()).unwrap();
        json[field] = value;
        self.save(json);
    }

    pub fn trash(&mut self, id: &str) {
        let who = Actor::new(self.public.name.clone(), Origin::App);
        self.store.trash(&id.parse().unwrap(), &who).unwrap();
    }

    pub fn bundle_for(&mut self, to: &Copy) -> Vec<u8> {
        sync::export(&mut self.store, &to.public, false).unwrap().bytes
    }

    pub fn import(&mut self, bytes: &[u8]) -> Result<ImportReport, SyncError> {
        sync::import(&mut self.store, bytes, &ImportOptions { confirm: true, ..Default::default() })
    }

    pub fn import_with(&mut self, bytes: &[u8], options: ImportOptions) -> Result<ImportReport, SyncError> {
        sync::import(&mut self.store, bytes, &options)
    }

    /// SHA-256 over every row of every table: "the database exactly as before". SQLite's own
    /// planner statistics (`sqlite_stat*`, refreshed by `PRAGMA optimize` when a store opens)
    /// are not content and are left out.
    pub fn whole_digest(&self) -> String {
        digest_of_tables(&self.db(), |t| !t.starts_with("sqlite_stat"))
    }

    /// A read-only connection of the test's own, to look at the tables as they are.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(&self.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
    }

    /// SHA-256 of what copies must agree on: records (live and trashed), the live directory of
    /// organisations by name, and the merge state (values, conflicts) of every synced record.
    pub fn content_digest(&self) -> String {
        let conn = self.db();
        let mut hasher = Sha256::new();
        let ids: Vec<String> = conn
            .prepare("SELECT id FROM activities ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for id in ids {
            let a = self.store.get(&id.parse().unwrap()).unwrap().unwrap();
            hasher.update(serde_json::to_vec(&a.to_input()).unwrap());
            hasher.update([a.meta.deleted_at.is_some() as u8]);
            let files: Vec<String> = a.attachments.iter().map(|f| format!("{}:{}", f.hash, f.file_name)).collect();
            hasher.update(files.join(",").as_bytes());
        }
        for o in self.store.organisations().unwrap() {
            hasher.update(o.name.as_bytes());
        }
        let mut stmt = conn.prepare("SELECT entity, entity_id, state, conflicted FROM sync_records ORDER BY entity, entity_id").unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok(format!("{}|{}|{}|{}", r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
            })
            .unwrap();
        for row in rows {
            hasher.update(row.unwrap().as_bytes());
        }
        hex::encode(hasher.finalize())
    }

    pub fn titles(&self) -> Vec<String> {
        let conn = self.db();
        let mut v: Vec<String> = conn
            .prepare("SELECT title FROM activities WHERE deleted_at IS NULL")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        v.sort();
        v
    }
}

pub fn digest_of_tables(conn: &rusqlite::Connection, keep: impl Fn(&str) -> bool) -> String {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|t: &String| keep(t))
        .collect();
    let mut hasher = Sha256::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("\u{1f}")))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        hasher.update(t.as_bytes());
        for r in rows {
            hasher.update(r.as_bytes());
            hasher.update(b"\n");
        }
    }
    hex::encode(hasher.finalize())
}

/// Two officers and a central office that trust each other as the roster says.
pub struct Office {
    pub dir: tempfile::TempDir,
    pub ana: Copy,
    pub bob: Copy,
    pub central: Copy,
}

impl Office {
    pub fn new() -> Office {
        let dir = tempfile::tempdir().unwrap();
        let ana = Copy::new(dir.path(), "Ana López", Role::Officer);
        let bob = Copy::new(dir.path(), "Bob Ruiz", Role::Officer);
        let central = Copy::new(dir.path(), "Oficina Central", Role::Central);
        for officer in [&ana, &bob] {
            officer.trust(&central);
            central.trust(officer);
        }
        Office { dir, ana, bob, central }
    }

    /// Officers send to central, central imports, then sends back to both.
    pub fn round(&mut self) {
        let a = self.ana.bundle_for(&self.central);
        let b = self.bob.bundle_for(&self.central);
        self.central.import(&a).unwrap();
        self.central.import(&b).unwrap();
        let to_ana = self.central.bundle_for(&self.ana);
        let to_bob = self.central.bundle_for(&self.bob);
        self.ana.import(&to_ana).unwrap();
        self.bob.import(&to_bob).unwrap();
    }

    pub fn converged(&self) -> bool {
        let c = self.central.content_digest();
        self.ana.content_digest() == c && self.bob.content_digest() == c
    }
}

pub fn meeting(title: &str, date: &str) -> serde_json::Value {
    serde_json::json!({ "kind": "meeting", "title": title, "start_date": date, "countries": ["PE"], "organisations": ["Embajada de Perú"] })
}

/// Taking a bundle apart and putting it back together as an attacker (or a broken tool) would.
pub mod tamper {
    use std::io::Read;

    use enlace::sync::container::{sha256_hex, sign};

    use super::Copy;

    /// The tar entries inside a bundle, as raw (name, bytes).
    pub fn entries(bytes: &[u8], to: &Copy) -> Vec<(Vec<u8>, Vec<u8>)> {
        let me = to.identity();
        let plain = age::decrypt(me.decryption_key(), bytes).unwrap();
        let mut archive = tar::Archive::new(&plain[..]);
        archive
            .entries()
            .unwrap()
            .map(|e| {
                let mut e = e.unwrap();
                let name = e.path_bytes().into_owned();
                let mut data = Vec::new();
                e.read_to_end(&mut data).unwrap();
                (name, data)
            })
            .collect()
    }

    /// A tar with the names written as given (no path checks, as an attacker's tool would).
    pub fn raw_tar(entries: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (name, data) in entries {
            let mut header = tar::Header::new_old();
            header.as_old_mut().name[..name.len()].copy_from_slice(name);
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_entry_type(tar::EntryType::Regular);
            header.set_cksum();
            builder.append(&header, &data[..]).unwrap();
        }
        builder.into_inner().unwrap()
    }

    pub fn get<'a>(entries: &'a mut [(Vec<u8>, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
        &mut entries.iter_mut().find(|(n, _)| n == name.as_bytes()).unwrap().1
    }

    /// Re-signs a changed manifest with `by`'s key, as if that copy (or its stolen key) made it.
    pub fn resign(entries: &mut [(Vec<u8>, Vec<u8>)], by: &Copy, change: impl FnOnce(&mut serde_json::Value)) {
        let mut manifest: serde_json::Value = serde_json::from_slice(get(entries, "manifest.json")).unwrap();
        change(&mut manifest);
        let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
        *get(entries, "manifest.json.minisig") = sign(&by.identity(), &bytes, "prueba").unwrap().into_bytes();
        *get(entries, "manifest.json") = bytes;
    }

    /// Rewrites the changes of a bundle and re-signs it with `by`'s key: the manifest's hash
    /// of changes.jsonl, its counts and its ranges follow the new content.
    pub fn forge(entries: &mut [(Vec<u8>, Vec<u8>)], by: &Copy, edit: impl FnOnce(&mut Vec<serde_json::Value>)) {
        let text = String::from_utf8(get(entries, "changes.jsonl").clone()).unwrap();
        let mut changes: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        edit(&mut changes);
        let body: String = changes.iter().map(|c| format!("{c}\n")).collect();
        let mut ranges: std::collections::BTreeMap<String, (u64, u64, u64)> = Default::default();
        for c in &changes {
            let seq = c["seq"].as_u64().unwrap();
            let r = ranges.entry(c["origin"].as_str().unwrap().to_string()).or_insert((seq, seq, 0));
            *r = (r.0.min(seq), r.1.max(seq), r.2 + 1);
        }
        *get(entries, "changes.jsonl") = body.clone().into_bytes();
        resign(entries, by, |m| {
            for e in m["entries"].as_array_mut().unwrap() {
                if e["path"] == "changes.jsonl" {
                    e["sha256"] = sha256_hex(body.as_bytes()).into();
                    e["size"] = body.len().into();
                }
            }
            m["ranges"] = ranges
                .iter()
                .map(|(o, (first, last, count))| serde_json::json!({ "origin": o, "first": first, "last": last, "count": count }))
                .collect();
            m["counts"]["changes"] = changes.len().into();
            m["counts"]["upserts"] = (changes.len() as u64 - m["counts"]["deletions"].as_u64().unwrap()).into();
        });
    }
}

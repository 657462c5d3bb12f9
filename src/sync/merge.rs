//! The merge: how copies that edited the same records offline end up identical.
//!
//! # Design
//! Every record is a map of fields; every field is a *register* holding the writes to it that
//! no known write has replaced (its **heads**) and the stamps of writes already replaced.
//! A write carries a [`Stamp`] (hybrid logical clock, then origin copy id) and the stamps it
//! replaces (`supersedes`): a local edit replaces the value the person saw (the field's
//! winner); a coordinator's resolution replaces every head.
//!
//! Receiving a write: if its stamp is already a head or already replaced, nothing happens
//! (importing twice changes nothing). Otherwise the stamps it replaces are recorded as
//! replaced, heads among them leave, and the write becomes a head unless something known
//! already replaced it (a later edit that arrived first: out-of-order bundles are fine).
//! The state is therefore a function of the *set* of writes received, not of their order:
//! any permutation of the same bundles gives the same state, byte for byte.
//!
//! The field's value is its highest-stamped head (clock first, then copy id: deterministic on
//! every copy). More than one head with different values is a **conflict**: two copies edited
//! the field without seeing each other's edit. The losing values stay as heads — the conflict
//! log — until a coordinator resolves it by keeping one or writing a new value, which
//! supersedes all of them and travels like any edit.
//!
//! Deletion is the field [`DELETED`]: `null` (live) or the list of writes the deleting copy had
//! seen. A deleted record with a field head not in that list was edited concurrently with its
//! deletion: a delete-vs-edit conflict, resolved by deleting again (seeing everything) or
//! restoring.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::change::{Change, Entity, FieldWrite, DELETED};
use super::hlc::{Hlc, Stamp};
use super::identity::CopyId;

/// One surviving write to a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub stamp: Stamp,
    pub value: Value,
}

/// A field's surviving writes (sorted by stamp) and the stamps already replaced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Register {
    pub heads: Vec<Head>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub superseded: BTreeSet<Stamp>,
}

impl Register {
    /// Receives one write; `false` when it changed nothing (already known).
    ///
    /// A write already replaced by one received earlier still passes on what *it* replaced,
    /// so the heads end up the writes that nothing received replaces, whatever the order.
    pub fn apply(&mut self, stamp: Stamp, value: &Value, supersedes: &[Stamp]) -> bool {
        if self.heads.iter().any(|h| h.stamp == stamp) {
            return false;
        }
        let before = (self.heads.len(), self.superseded.len());
        self.superseded.extend(supersedes.iter().copied());
        let superseded = &self.superseded;
        self.heads.retain(|h| !superseded.contains(&h.stamp));
        if !self.superseded.contains(&stamp) {
            let at = self.heads.partition_point(|h| h.stamp < stamp);
            self.heads.insert(at, Head { stamp, value: value.clone() });
            return true;
        }
        before != (self.heads.len(), self.superseded.len())
    }

    /// The value that counts: the highest-stamped head.
    pub fn winner(&self) -> Option<&Head> {
        self.heads.last()
    }

    /// Heads that lost to the winner with a different value.
    pub fn losers(&self) -> Vec<&Head> {
        match self.winner() {
            Some(w) => self.heads.iter().filter(|h| h.stamp != w.stamp && h.value != w.value).collect(),
            None => Vec::new(),
        }
    }

    pub fn stamps(&self) -> impl Iterator<Item = Stamp> + '_ {
        self.heads.iter().map(|h| h.stamp)
    }
}

/// A conflict the merge found, kept until a coordinator resolves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Conflict {
    /// Concurrent edits of one field: the winner shown, the losing values kept.
    Field { field: String, winner: Head, losers: Vec<Head> },
    /// Deleted on one copy while edited on another.
    DeleteEdit { deleted: Head, edits: Vec<(String, Head)> },
}

/// How a coordinator settles a conflict.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// Keep this value for the field (the winner's, a loser's, or a new one).
    Value { field: String, value: Value },
    /// Keep the record deleted.
    KeepDeleted,
    /// Take the record out of the trash with its edits.
    Restore,
}

/// The merge state of one record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordState {
    pub fields: BTreeMap<String, Register>,
}

impl RecordState {
    /// Receives a change; returns whether any of its writes was new here.
    pub fn apply(&mut self, change: &Change) -> bool {
        let stamp = change.stamp();
        let mut new = false;
        for (field, write) in &change.writes {
            new |= self.fields.entry(field.clone()).or_default().apply(stamp, &write.value, &write.supersedes);
        }
        new
    }

    /// Whether the record has any write at all.
    pub fn exists(&self) -> bool {
        self.fields.iter().any(|(f, r)| f != DELETED && !r.heads.is_empty())
    }

    pub fn is_deleted(&self) -> bool {
        self.deletion().is_some()
    }

    fn deletion(&self) -> Option<&Head> {
        self.fields.get(DELETED).and_then(Register::winner).filter(|h| !h.value.is_null())
    }

    /// The record as its winning values make it (fields whose value is `null` left out).
    pub fn value(&self) -> Map<String, Value> {
        self.fields
            .iter()
            .filter(|(f, _)| f.as_str() != DELETED)
            .filter_map(|(f, r)| r.winner().filter(|h| !h.value.is_null()).map(|h| (f.clone(), h.value.clone())))
            .collect()
    }

    /// Stamps of every surviving field write (what a deletion made now has seen).
    fn seen(&self) -> Vec<Stamp> {
        let mut seen: Vec<Stamp> =
            self.fields.iter().filter(|(f, _)| f.as_str() != DELETED).flat_map(|(_, r)| r.stamps()).collect();
        seen.sort();
        seen.dedup();
        seen
    }

    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out: Vec<Conflict> = self
            .fields
            .iter()
            .filter_map(|(field, r)| {
                let losers = r.losers();
                (!losers.is_empty()).then(|| Conflict::Field {
                    field: field.clone(),
                    winner: r.winner().expect("losers imply a winner").clone(),
                    losers: losers.into_iter().cloned().collect(),
                })
            })
            .collect();
        if let Some(deleted) = self.deletion() {
            let seen: BTreeSet<Stamp> = deleted
                .value
                .get("seen")
                .and_then(|s| serde_json::from_value::<Vec<Stamp>>(s.clone()).ok())
                .unwrap_or_default()
                .into_iter()
                .collect();
            let edits: Vec<(String, Head)> = self
                .fields
                .iter()
                .filter(|(f, _)| f.as_str() != DELETED)
                .flat_map(|(f, r)| r.heads.iter().map(move |h| (f, h)))
                .filter(|(_, h)| !seen.contains(&h.stamp))
                .map(|(f, h)| (f.clone(), h.clone()))
                .collect();
            if !edits.is_empty() {
                out.push(Conflict::DeleteEdit { deleted: deleted.clone(), edits });
            }
        }
        out
    }

    /// A local edit of these fields: each replaces the value it was made over (the winner).
    pub fn edit(&self, at: Stamp, seq: u64, entity: Entity, id: &str, values: BTreeMap<String, Value>) -> Change {
        let writes = values
            .into_iter()
            .map(|(field, value)| {
                let supersedes = self.fields.get(&field).and_then(Register::winner).map(|h| vec![h.stamp]).unwrap_or_default();
                (field, FieldWrite { value, supersedes })
            })
            .collect();
        change(at, seq, entity, id, writes)
    }

    /// A local deletion, recording every write it has seen.
    pub fn delete(&self, at: Stamp, seq: u64, entity: Entity, id: &str) -> Change {
        let value = json!({ "seen": self.seen() });
        let supersedes = self.fields.get(DELETED).map(|r| r.stamps().collect()).unwrap_or_default();
        change(at, seq, entity, id, BTreeMap::from([(DELETED.to_string(), FieldWrite { value, supersedes })]))
    }

    /// A coordinator's resolution: it replaces every head of the field(s) concerned.
    pub fn resolve(&self, at: Stamp, seq: u64, entity: Entity, id: &str, resolution: &Resolution) -> Change {
        let all = |field: &str| self.fields.get(field).map(|r| r.stamps().collect()).unwrap_or_default();
        let mut writes = BTreeMap::new();
        match resolution {
            Resolution::Value { field, value } => {
                writes.insert(field.clone(), FieldWrite { value: value.clone(), supersedes: all(field) });
            }
            Resolution::KeepDeleted => {
                let value = json!({ "seen": self.seen() });
                writes.insert(DELETED.to_string(), FieldWrite { value, supersedes: all(DELETED) });
            }
            Resolution::Restore => {
                writes.insert(DELETED.to_string(), FieldWrite { value: Value::Null, supersedes: all(DELETED) });
            }
        }
        change(at, seq, entity, id, writes)
    }
}

fn change(at: Stamp, seq: u64, entity: Entity, id: &str, writes: BTreeMap<String, FieldWrite>) -> Change {
    Change { origin: at.origin, seq, hlc: at.hlc, entity, id: id.to_string(), writes }
}

/// An in-memory copy: the same merge as the database's, for tests and reasoning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    pub records: BTreeMap<(Entity, String), RecordState>,
}

impl Replica {
    /// Receives changes; returns how many were new.
    pub fn apply_all<'a>(&mut self, changes: impl IntoIterator<Item = &'a Change>) -> usize {
        changes.into_iter().filter(|c| self.records.entry((c.entity, c.id.clone())).or_default().apply(c)).count()
    }

    /// SHA-256 of the whole state.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let rows: Vec<_> = self.records.iter().collect();
        hex::encode(Sha256::digest(serde_json::to_vec(&rows).expect("state serialises")))
    }
}

/// A write's clock reading and copy, for building changes in tests and in the journal.
pub fn stamp(millis: u64, counter: u32, origin: CopyId) -> Stamp {
    Stamp { hlc: Hlc { millis, counter }, origin }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn copy(n: u8) -> CopyId {
        CopyId(uuid::Uuid::from_bytes([n; 16]))
    }

    fn edit(r: &Replica, at: Stamp, seq: u64, id: &str, field: &str, value: &str) -> Change {
        let state = r.records.get(&(Entity::Activity, id.to_string())).cloned().unwrap_or_default();
        state.edit(at, seq, Entity::Activity, id, BTreeMap::from([(field.to_string(), json!(value))]))
    }

    fn state<'a>(r: &'a Replica, id: &str) -> &'a RecordState {
        &r.records[&(Entity::Activity, id.to_string())]
    }

    #[test]
    fn concurrent_edits_pick_the_later_clock_and_keep_the_loser() {
        let (ana, bob) = (copy(1), copy(2));
        let base = Replica::default();
        let a = edit(&base, stamp(100, 0, ana), 1, "x", "title", "Reunión con Perú");
        let b = edit(&base, stamp(200, 0, bob), 1, "x", "title", "Reunión con la Embajada de Perú");
        let mut one = Replica::default();
        one.apply_all([&a, &b]);
        let mut two = Replica::default();
        two.apply_all([&b, &a]);
        assert_eq!(one, two);
        assert_eq!(state(&one, "x").value()["title"], json!("Reunión con la Embajada de Perú"));
        let conflicts = state(&one, "x").conflicts();
        assert!(matches!(&conflicts[..], [Conflict::Field { losers, .. }] if losers[0].value == json!("Reunión con Perú")));
    }

    #[test]
    fn same_clock_ties_break_on_copy_id() {
        let (ana, bob) = (copy(1), copy(2));
        let base = Replica::default();
        let a = edit(&base, stamp(100, 0, ana), 1, "x", "place", "A");
        let b = edit(&base, stamp(100, 0, bob), 1, "x", "place", "B");
        let mut r = Replica::default();
        r.apply_all([&b, &a]);
        assert_eq!(state(&r, "x").value()["place"], json!("B"));
    }

    #[test]
    fn a_later_edit_that_saw_the_first_is_no_conflict_even_out_of_order() {
        let ana = copy(1);
        let mut r = Replica::default();
        let first = edit(&r, stamp(100, 0, ana), 1, "x", "title", "uno");
        r.apply_all([&first]);
        let second = edit(&r, stamp(50, 0, copy(2)), 1, "x", "title", "dos");
        let mut fresh = Replica::default();
        fresh.apply_all([&second, &first]);
        assert_eq!(state(&fresh, "x").value()["title"], json!("dos"), "supersession beats a lower clock");
        assert!(state(&fresh, "x").conflicts().is_empty());
    }

    #[test]
    fn delete_against_unseen_edit_is_a_conflict_until_resolved() {
        let (ana, bob) = (copy(1), copy(2));
        let mut base = Replica::default();
        let create = edit(&base, stamp(10, 0, ana), 1, "x", "title", "t");
        base.apply_all([&create]);
        let del = state(&base, "x").delete(stamp(20, 0, bob), 1, Entity::Activity, "x");
        let ed = edit(&base, stamp(30, 0, ana), 2, "x", "summary", "notas");
        let mut r = base.clone();
        r.apply_all([&del, &ed]);
        assert!(state(&r, "x").is_deleted());
        assert!(matches!(&state(&r, "x").conflicts()[..], [Conflict::DeleteEdit { edits, .. }] if edits[0].0 == "summary"));
        let fix = state(&r, "x").resolve(stamp(40, 0, bob), 2, Entity::Activity, "x", &Resolution::Restore);
        r.apply_all([&fix]);
        assert!(!state(&r, "x").is_deleted() && state(&r, "x").conflicts().is_empty());
    }

    #[test]
    fn resolution_clears_the_conflict_everywhere() {
        let (ana, bob, central) = (copy(1), copy(2), copy(3));
        let base = Replica::default();
        let a = edit(&base, stamp(100, 0, ana), 1, "x", "title", "A");
        let b = edit(&base, stamp(200, 0, bob), 1, "x", "title", "B");
        let mut c = Replica::default();
        c.apply_all([&a, &b]);
        let keep_a = state(&c, "x").resolve(
            stamp(300, 0, central),
            1,
            Entity::Activity,
            "x",
            &Resolution::Value { field: "title".into(), value: json!("A") },
        );
        c.apply_all([&keep_a]);
        let mut other = Replica::default();
        other.apply_all([&keep_a, &b, &a]);
        assert_eq!(c, other);
        assert_eq!(state(&c, "x").value()["title"], json!("A"));
        assert!(state(&c, "x").conflicts().is_empty());
    }

    /// One step of a random history on three copies.
    #[derive(Debug, Clone)]
    enum Op {
        Edit { copy: usize, record: u8, field: u8, value: u8 },
        Delete { copy: usize, record: u8 },
        Restore { copy: usize, record: u8 },
        Send { from: usize, to: usize },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0..3usize, 0..3u8, 0..3u8, 0..4u8).prop_map(|(copy, record, field, value)| Op::Edit { copy, record, field, value }),
            1 => (0..3usize, 0..3u8).prop_map(|(copy, record)| Op::Delete { copy, record }),
            1 => (0..3usize, 0..3u8).prop_map(|(copy, record)| Op::Restore { copy, record }),
            2 => (0..3usize, 0..3usize).prop_map(|(from, to)| Op::Send { from, to }),
        ]
    }

    /// Plays a history; returns every change made, grouped as the "bundles" sent.
    fn play(ops: &[Op]) -> (Vec<Vec<Change>>, Vec<Replica>) {
        let mut replicas = vec![Replica::default(); 3];
        let mut known: Vec<Vec<Change>> = vec![Vec::new(); 3];
        let mut bundles = Vec::new();
        let mut seqs = [0u64; 3];
        for (t, op) in ops.iter().enumerate() {
            let at = |c: usize| stamp(1000 + (t as u64 / 3) * 7, (t % 3) as u32, copy(c as u8 + 1));
            let local = match op {
                Op::Edit { copy: c, record, field, value } => {
                    seqs[*c] += 1;
                    let state = replicas[*c].records.get(&(Entity::Activity, record.to_string())).cloned().unwrap_or_default();
                    Some(state.edit(at(*c), seqs[*c], Entity::Activity, &record.to_string(), BTreeMap::from([(format!("f{field}"), json!(value))])))
                }
                Op::Delete { copy: c, record } | Op::Restore { copy: c, record } => {
                    let Some(state) = replicas[*c].records.get(&(Entity::Activity, record.to_string())) else { continue };
                    seqs[*c] += 1;
                    Some(if matches!(op, Op::Delete { .. }) {
                        state.delete(at(*c), seqs[*c], Entity::Activity, &record.to_string())
                    } else {
                        state.resolve(at(*c), seqs[*c], Entity::Activity, &record.to_string(), &Resolution::Restore)
                    })
                }
                Op::Send { from, to } => {
                    let bundle = known[*from].clone();
                    replicas[*to].apply_all(&bundle);
                    for c in &bundle {
                        if !known[*to].contains(c) {
                            known[*to].push(c.clone());
                        }
                    }
                    bundles.push(bundle);
                    None
                }
            };
            if let Some(change) = local {
                let c = change.origin.0.as_bytes()[0] as usize - 1;
                replicas[c].apply_all([&change]);
                known[c].push(change);
            }
        }
        bundles.push(known.concat());
        (bundles, replicas)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_order_of_the_same_bundles_gives_the_same_state(
            ops in prop::collection::vec(op(), 1..40),
            seed in any::<u64>(),
        ) {
            let (bundles, _) = play(&ops);
            let mut in_order = Replica::default();
            for b in &bundles { in_order.apply_all(b); }
            let mut shuffled = bundles.clone();
            let mut rng = seed;
            for i in (1..shuffled.len()).rev() {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (rng >> 33) as usize % (i + 1));
            }
            let mut other = Replica::default();
            for b in shuffled.iter().rev() { other.apply_all(b.iter().rev()); }
            prop_assert_eq!(in_order.content_hash(), other.content_hash());
        }

        #[test]
        fn importing_again_changes_nothing(ops in prop::collection::vec(op(), 1..40)) {
            let (bundles, _) = play(&ops);
            let mut r = Replica::default();
            for b in &bundles { r.apply_all(b); }
            let before = r.content_hash();
            let again: usize = bundles.iter().map(|b| r.apply_all(b)).sum();
            prop_assert_eq!(again, 0);
            prop_assert_eq!(before, r.content_hash());
        }

        #[test]
        fn copies_that_exchanged_everything_agree(ops in prop::collection::vec(op(), 1..40)) {
            let (bundles, mut replicas) = play(&ops);
            let all = bundles.last().expect("play adds the union");
            for r in &mut replicas { r.apply_all(all); }
            prop_assert_eq!(replicas[0].content_hash(), replicas[1].content_hash());
            prop_assert_eq!(replicas[1].content_hash(), replicas[2].content_hash());
        }
    }
}

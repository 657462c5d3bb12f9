//! Organisations and people: matching names to entries, likely duplicates, and merging.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Write};
use super::feed::{self, Entity};
use super::{Actor, Result, StoreError};
use crate::domain::activity::{OrgMentionFull, PersonMentionFull};
use crate::domain::directory::org_key;
use crate::domain::{LikelyDuplicate, OrgId, OrgKind, PersonId};
use crate::text::fold;
use crate::{Explain, Text};

/// An organisation with how many activities name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgSummary {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub country: Option<String>,
    pub activities: i64,
}

/// A person with their post, organisation and how many activities name them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonSummary {
    pub id: PersonId,
    pub name: String,
    pub post: Option<String>,
    pub organisation: Option<String>,
    pub activities: i64,
}

/// Follows merges: the entry a (possibly merged-away) id now lives on as.
fn live_id(conn: &Connection, table: &str, id: String) -> rusqlite::Result<String> {
    let sql = format!("SELECT merged_into FROM {table} WHERE id = ?1");
    let mut current = id;
    for _ in 0..16 {
        let next: Option<String> = conn.prepare_cached(&sql)?.query_row([&current], |r| r.get(0)).optional()?.flatten();
        match next {
            Some(n) => current = n,
            None => break,
        }
    }
    Ok(current)
}

fn org_record(name: &str, kind: OrgKind, country: Option<&str>) -> serde_json::Value {
    serde_json::json!({ "name": name, "kind": kind.as_str(), "country": country })
}

/// The organisation of this name (accent- and case-insensitive), created if new.
/// Returns the id, the name as the directory writes it, and whether it was created.
pub(crate) fn find_or_create_org(conn: &Connection, m: &OrgMentionFull, actor: &Actor) -> Result<(String, String, bool)> {
    let key = fold(&m.name);
    let found: Option<String> = conn
        .prepare_cached("SELECT id FROM organisations WHERE name_key = ?1 ORDER BY deleted_at IS NOT NULL, created_at LIMIT 1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        let id = live_id(conn, "organisations", id)?;
        let name = conn.prepare_cached("SELECT name FROM organisations WHERE id = ?1")?.query_row([&id], |r| r.get(0))?;
        return Ok((id, name, false));
    }
    let id = OrgId::new().to_string();
    let kind = m.kind.as_deref().and_then(OrgKind::parse).unwrap_or_else(|| OrgKind::guess(&m.name));
    let country = match &m.country {
        Some(c) => Some(
            crate::reference::resolve_country(c)
                .map_err(|e| StoreError::Conflict(e.text()))?
                .code
                .clone(),
        ),
        None => None,
    };
    let now = super::now();
    conn.prepare_cached(
        "INSERT INTO organisations (id, name, name_key, kind, country, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
    )?
    .execute((&id, m.name.trim(), &key, kind.as_str(), &country, &now, &actor.name))?;
    let record = org_record(m.name.trim(), kind, country.as_deref());
    audit::record(conn, actor, Write { entity: "organisation", entity_id: &id, action: "create", before: None, after: Some(&record) })?;
    feed::append(conn, Entity::Organisation, &id, Some(&record), &["country".into(), "kind".into(), "name".into()])?;
    Ok((id, m.name.trim().to_string(), true))
}

/// The person of this name, created if new; a post or organisation given fills in a blank one.
/// Returns the id, the directory's spelling of the name, and whether it was created.
pub(crate) fn find_or_create_person(conn: &Connection, m: &PersonMentionFull, actor: &Actor) -> Result<(String, String, bool)> {
    let key = fold(&m.name);
    let found: Option<String> = conn
        .prepare_cached("SELECT id FROM people WHERE name_key = ?1 ORDER BY deleted_at IS NOT NULL, created_at LIMIT 1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    let org_id = match &m.organisation {
        Some(name) if !name.trim().is_empty() => {
            let mention = OrgMentionFull { name: name.trim().into(), role: None, kind: None, country: None };
            Some(find_or_create_org(conn, &mention, actor)?.0)
        }
        _ => None,
    };
    if let Some(id) = found {
        let id = live_id(conn, "people", id)?;
        conn.prepare_cached(
            "UPDATE people SET post = COALESCE(post, ?2), organisation_id = COALESCE(organisation_id, ?3) WHERE id = ?1",
        )?
        .execute((&id, &m.post, &org_id))?;
        let name = conn.prepare_cached("SELECT name FROM people WHERE id = ?1")?.query_row([&id], |r| r.get(0))?;
        return Ok((id, name, false));
    }
    let id = PersonId::new().to_string();
    let now = super::now();
    conn.prepare_cached(
        "INSERT INTO people (id, name, name_key, post, organisation_id, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
    )?
    .execute((&id, m.name.trim(), &key, &m.post, &org_id, &now, &actor.name))?;
    let record = serde_json::json!({ "name": m.name.trim(), "post": m.post, "organisation_id": org_id });
    audit::record(conn, actor, Write { entity: "person", entity_id: &id, action: "create", before: None, after: Some(&record) })?;
    feed::append(conn, Entity::Person, &id, Some(&record), &["name".into(), "organisation_id".into(), "post".into()])?;
    Ok((id, m.name.trim().to_string(), true))
}

impl super::Store {
    /// Live organisations with their activity counts, by name.
    pub fn organisations(&self) -> Result<Vec<OrgSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.id, o.name, o.kind, o.country,
                    (SELECT COUNT(*) FROM activity_organisations ao JOIN activities a ON a.id = ao.activity_id
                      WHERE ao.organisation_id = o.id AND a.deleted_at IS NULL)
             FROM organisations o WHERE o.deleted_at IS NULL ORDER BY o.name_key",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: String = r.get(0)?;
            let kind: String = r.get(2)?;
            Ok(OrgSummary {
                id: OrgId(id.parse().unwrap_or_default()),
                name: r.get(1)?,
                kind: OrgKind::parse(&kind).unwrap_or_default(),
                country: r.get(3)?,
                activities: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Live people with their organisation's name and activity counts, by name.
    pub fn people(&self) -> Result<Vec<PersonSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, p.post, o.name,
                    (SELECT COUNT(*) FROM activity_people ap JOIN activities a ON a.id = ap.activity_id
                      WHERE ap.person_id = p.id AND a.deleted_at IS NULL)
             FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
             WHERE p.deleted_at IS NULL AND p.merged_into IS NULL ORDER BY p.name_key",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: String = r.get(0)?;
            Ok(PersonSummary {
                id: PersonId(id.parse().unwrap_or_default()),
                name: r.get(1)?,
                post: r.get(2)?,
                organisation: r.get(3)?,
                activities: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Pairs of live organisations whose names reduce to the same key
    /// ("Embajada de Perú" / "Embajada del Peru").
    pub fn likely_duplicate_organisations(&self) -> Result<Vec<LikelyDuplicate>> {
        let orgs = self.organisations()?;
        let mut by_key: std::collections::BTreeMap<String, Vec<&OrgSummary>> = Default::default();
        for o in &orgs {
            by_key.entry(org_key(&o.name)).or_default().push(o);
        }
        let mut out = Vec::new();
        for group in by_key.values().filter(|g| g.len() > 1) {
            for b in &group[1..] {
                let a = group[0];
                out.push(LikelyDuplicate {
                    a_id: a.id.to_string(),
                    a_name: a.name.clone(),
                    b_id: b.id.to_string(),
                    b_name: b.name.clone(),
                    reason: "los nombres coinciden sin acentos, mayúsculas ni artículos".into(),
                });
            }
        }
        Ok(out)
    }

    /// Would a new organisation of this name duplicate an existing one? Returns the existing names.
    pub fn organisations_like(&self, name: &str) -> Result<Vec<OrgSummary>> {
        let key = org_key(name);
        Ok(self.organisations()?.into_iter().filter(|o| org_key(&o.name) == key).collect())
    }

    /// Merges organisation `drop` into `keep`: every activity and person that named `drop` now
    /// names `keep`; `drop` stays as a tombstone pointing at `keep`.
    pub fn merge_organisations(&mut self, keep: &str, drop: &str, actor: &Actor) -> Result<()> {
        if keep == drop {
            return Err(StoreError::Conflict(Text::new("no se puede fusionar una organización consigo misma", "an organisation cannot be merged with itself")));
        }
        self.with_transaction(|tx| {
            for id in [keep, drop] {
                let live: bool = tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM organisations WHERE id = ?1 AND deleted_at IS NULL)",
                    [id],
                    |r| r.get(0),
                )?;
                if !live {
                    return Err(StoreError::NotFound { entity: "organización", id: id.into() });
                }
            }
            let affected: Vec<String> = tx
                .prepare("SELECT activity_id FROM activity_organisations WHERE organisation_id = ?1")?
                .query_map([drop], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            tx.execute(
                "DELETE FROM activity_organisations WHERE organisation_id = ?1
                   AND activity_id IN (SELECT activity_id FROM activity_organisations WHERE organisation_id = ?2)",
                (drop, keep),
            )?;
            tx.execute("UPDATE activity_organisations SET organisation_id = ?2 WHERE organisation_id = ?1", (drop, keep))?;
            tx.execute("UPDATE people SET organisation_id = ?2 WHERE organisation_id = ?1", (drop, keep))?;
            let now = super::now();
            tx.execute(
                "UPDATE organisations SET merged_into = ?2, deleted_at = ?3, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
                (drop, keep, &now, &actor.name),
            )?;
            let record = serde_json::json!({ "merged_into": keep });
            audit::record(tx, actor, Write { entity: "organisation", entity_id: drop, action: "merge", before: None, after: Some(&record) })?;
            feed::append(tx, Entity::Organisation, drop, Some(&record), &["merged_into".into()])?;
            for activity in affected {
                super::search_index::reindex(tx, &activity)?;
            }
            Ok(())
        })
    }
}

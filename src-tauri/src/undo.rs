//! "Undo last action": each write from the window remembers how to reverse itself, once.
//! Reversals go through the store's ordinary write path, so they are audited like any change.

use std::sync::Mutex;

use enlace::domain::{ActivityId, ActivityInput};
use enlace::store::{Actor, Store, StoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::state::DatabaseCache;

/// The last undoable action from the window, if any: at most one, used once.
#[derive(Default)]
pub struct LastUndo(Mutex<Option<Undo>>);

impl LastUndo {
    pub fn set(&self, undo: Undo) {
        *self.0.lock().expect("undo lock") = Some(undo);
    }

    pub fn take(&self) -> Option<Undo> {
        self.0.lock().expect("undo lock").take()
    }
}

impl DatabaseCache for LastUndo {
    fn forget(&self) {
        self.take();
    }
}

pub enum Undo {
    /// An activity was created: undoing sends it to the trash.
    Created(ActivityId, String),
    /// An activity was edited: undoing writes back what it was before.
    Updated(Box<ActivityInput>),
    Trashed(ActivityId, String),
    Restored(ActivityId, String),
}

/// What was undone, for the window's notice.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Undone {
    /// The action that was reversed: `created`, `updated`, `trashed` or `restored`.
    pub action: String,
    pub id: String,
    pub title: String,
}

impl Undo {
    pub fn apply(self, store: &mut Store, actor: &Actor) -> Result<Undone, StoreError> {
        let (action, id, title) = match self {
            Undo::Created(id, title) => {
                store.trash(&id, actor)?;
                ("created", id, title)
            }
            Undo::Updated(before) => {
                let restored = store.save_activity(&before, actor)?;
                ("updated", restored.id, restored.title)
            }
            Undo::Trashed(id, title) => {
                store.restore(&id, actor)?;
                ("trashed", id, title)
            }
            Undo::Restored(id, title) => {
                store.trash(&id, actor)?;
                ("restored", id, title)
            }
        };
        Ok(Undone { action: action.into(), id: id.to_string(), title })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enlace::store::{Filter, Origin};

    fn meeting(title: &str) -> ActivityInput {
        ActivityInput { kind: "meeting".into(), title: title.into(), start_date: "2021-08-03".into(), ..Default::default() }
    }

    #[test]
    fn undoing_an_edit_brings_back_the_previous_title() {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Ana", Origin::App);
        let saved = store.save_activity(&meeting("Reunión con la Embajada de Francia"), &actor).unwrap();
        let before = saved.to_input();
        let mut edited = before.clone();
        edited.title = "Reunión de trabajo con Francia".into();
        store.save_activity(&edited, &actor).unwrap();

        let undone = Undo::Updated(Box::new(before)).apply(&mut store, &actor).unwrap();
        assert_eq!(undone.action, "updated");
        assert_eq!(store.get(&saved.id).unwrap().unwrap().title, "Reunión con la Embajada de Francia");
    }

    #[test]
    fn undoing_a_creation_sends_the_record_to_the_trash() {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Ana", Origin::App);
        let saved = store.save_activity(&meeting("Visita técnica"), &actor).unwrap();
        Undo::Created(saved.id, saved.title.clone()).apply(&mut store, &actor).unwrap();
        assert_eq!(store.list(&Filter::default()).unwrap().total, 0);
        assert_eq!(store.list(&Filter { trash: true, ..Filter::default() }).unwrap().total, 1);
    }
}

//! `axes`: the policy axes, their sets and order.

use anyhow::Result;
use clap::Subcommand;
use enlace::store::{Actor, Axis, Store};

/// Axes are named by their name (accents and capitals aside); names are unique across sets.
#[derive(Subcommand)]
pub enum AxesCmd {
    /// Print each set (the active one first) and its axes in report order.
    List,
    /// Add an axis at the end of a set (the active one unless --set).
    Add {
        name: String,
        #[arg(long)]
        set: Option<String>,
    },
    /// Rename an axis; its activities keep it.
    Rename { old: String, new: String },
    /// Move an axis to place N of its set (1 = first; past the end = last).
    Move {
        name: String,
        #[arg(long)]
        to: usize,
    },
    /// Archive an axis: the form no longer offers it; its activities keep it and reports print it.
    Archive { name: String },
    /// Offer an archived axis in the form again.
    Unarchive { name: String },
    /// Mark an axis cross-cutting: the report prints it first, after the summary (--off: undo).
    CrossCutting {
        name: String,
        #[arg(long)]
        off: bool,
    },
    /// Create an empty set of axes (e.g. "Plan de Gobierno 2013–2018").
    SetAdd { name: String },
    /// Make a set the active one: the form offers its axes.
    SetActivate { name: String },
}

pub fn run(store: &mut Store, action: Option<AxesCmd>, actor: &Actor) -> Result<()> {
    let done = |axis: Axis| println!("Eje: {}", describe(&axis));
    match action.unwrap_or(AxesCmd::List) {
        AxesCmd::List => list(store)?,
        AxesCmd::Add { name, set } => done(store.add_axis(&name, set.as_deref(), actor)?),
        AxesCmd::Rename { old, new } => done(store.rename_axis(&old, &new, actor)?),
        AxesCmd::Move { name, to } => done(store.move_axis(&name, to, actor)?),
        AxesCmd::Archive { name } => done(store.set_axis_archived(&name, true, actor)?),
        AxesCmd::Unarchive { name } => done(store.set_axis_archived(&name, false, actor)?),
        AxesCmd::CrossCutting { name, off } => done(store.set_axis_cross_cutting(&name, !off, actor)?),
        AxesCmd::SetAdd { name } => println!("Conjunto de ejes: {}", store.add_axis_set(&name, actor)?),
        AxesCmd::SetActivate { name } => println!("Conjunto de ejes activo: {}", store.activate_axis_set(&name, actor)?),
    }
    Ok(())
}

fn list(store: &Store) -> Result<()> {
    for set in store.axis_sets()? {
        println!("{}{}", set.name, if set.active { " (activo)" } else { "" });
        if set.axes.is_empty() {
            println!("  (sin ejes)");
        }
        for (i, axis) in set.axes.iter().enumerate() {
            println!("  {}. {}", i + 1, describe(axis));
        }
    }
    Ok(())
}

/// "Agenda de la Jefatura de Gobierno (transversal, archivado)".
fn describe(axis: &Axis) -> String {
    let marks: Vec<&str> = [(axis.cross_cutting, "transversal"), (axis.archived, "archivado")]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect();
    if marks.is_empty() {
        axis.name.clone()
    } else {
        format!("{} ({})", axis.name, marks.join(", "))
    }
}

//! `enlace`: the command line over the Enlace core. Parsing arguments and printing only;
//! every rule lives in the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use enlace::domain::ActivityId;
use enlace::interop::{interchange, sample};
use enlace::store::{Actor, Filter, Origin, Sort, Store};

mod filters;
use filters::FilterArgs;

#[derive(Parser)]
#[command(name = "enlace", version, about = "Enlace: registro de la acción internacional de una oficina de enlace")]
struct Cli {
    /// Database file (created if missing).
    #[arg(long, env = "ENLACE_DB", global = true, default_value = "enlace.db")]
    db: PathBuf,
    /// Name recorded in the audit trail for changes made by this command.
    #[arg(long = "as", env = "ENLACE_USER", global = true, default_value = "cli")]
    actor: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create (or upgrade) the database.
    Init,
    /// Import activities from an interchange file (.jsonl or .json).
    Import {
        file: PathBuf,
        /// Check and report what would change, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export activities in the interchange format (round-trips with import).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        #[command(flatten)]
        filter: FilterArgs,
        /// Output file (standard output if omitted).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List activities.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Full-text search (accent- and case-insensitive) combined with filters.
    Search {
        text: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show one activity in full, as JSON.
    Show { id: String },
    /// Counts by kind, country, axis and month.
    Stats {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Load the sample data set.
    Sample,
    /// Move an activity to the trash.
    Trash { id: String },
    /// Take an activity out of the trash.
    Restore { id: String },
    /// Show an activity's history.
    History { id: String },
    /// Policy axes.
    Axes {
        #[command(subcommand)]
        action: Option<AxesAction>,
    },
    /// Directory of organisations.
    Orgs {
        #[command(subcommand)]
        action: Option<OrgsAction>,
    },
}

#[derive(Subcommand)]
enum AxesAction {
    List,
    Add { name: String },
}

#[derive(Subcommand)]
enum OrgsAction {
    List,
    /// Pairs that probably name the same organisation.
    Duplicates,
    /// Merge DROP into KEEP; every link to DROP moves to KEEP.
    Merge { keep: String, drop: String },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ListFormat {
    Table,
    Json,
}

fn parse_id(text: &str) -> Result<ActivityId> {
    text.parse().with_context(|| format!("«{text}» no es un identificador de actividad válido"))
}

fn print_table(store: &Store, f: &Filter) -> Result<()> {
    let page = store.list(f)?;
    let mut out = std::io::stdout().lock();
    for a in &page.items {
        let title: String = a.title.chars().take(60).collect();
        writeln!(out, "{}  {:<12}  {:<12}  {:<60}  {}  {}", a.start, a.kind.as_str(), a.countries.join(","), title, a.status.as_str(), a.id)?;
    }
    writeln!(out, "{} de {} actividades", page.items.len(), page.total)?;
    Ok(())
}

fn print_json(value: &impl serde::Serialize) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn open(db: &Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("no se pudo abrir la base de datos {}", db.display()))
}

fn run(cli: Cli) -> Result<()> {
    let actor = Actor::new(cli.actor.clone(), Origin::Cli);
    let mut store = open(&cli.db)?;
    match cli.command {
        Command::Init => println!("Base de datos lista: {}", cli.db.display()),
        Command::Import { file, dry_run } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("no se pudo leer {}", file.display()))?;
            let items = interchange::parse(&text).map_err(enlace::store::ImportError::Invalid)?;
            let import_actor = Actor::new(cli.actor, Origin::Import);
            let report = store.import(&items, &import_actor, dry_run, &mut |_, _| true)?;
            let verb = if dry_run { "se crearían" } else { "creadas" };
            println!(
                "{} actividades {verb}, {} actualizadas, {} sin cambios",
                report.created, report.updated, report.unchanged
            );
            for (label, names) in [
                ("Organizaciones nuevas", &report.new_organisations),
                ("Personas nuevas", &report.new_people),
                ("Ejes nuevos", &report.new_axes),
            ] {
                if !names.is_empty() {
                    println!("{label} ({}): {}", names.len(), names.join("; "));
                }
            }
            if dry_run {
                println!("Simulación: no se escribió nada.");
            }
        }
        Command::Export { format: ExportFormat::Jsonl, filter, out } => {
            let f = Filter { sort: Sort::DateAsc, ..filter.to_filter()? };
            let activities = store.list(&f)?.items;
            match out {
                Some(path) => {
                    let mut file = std::io::BufWriter::new(
                        std::fs::File::create(&path).with_context(|| format!("no se pudo crear {}", path.display()))?,
                    );
                    interchange::write_jsonl(&activities, &mut file)?;
                    file.flush()?;
                    eprintln!("{} actividades exportadas a {}", activities.len(), path.display());
                }
                None => interchange::write_jsonl(&activities, &mut std::io::stdout().lock())?,
            }
        }
        Command::List { filter, format } => {
            let f = filter.to_filter()?;
            match format {
                ListFormat::Table => print_table(&store, &f)?,
                ListFormat::Json => print_json(&store.list(&f)?)?,
            }
        }
        Command::Search { text, filter, format } => {
            let f = Filter { text: Some(text), sort: Sort::Relevance, ..filter.to_filter()? };
            match format {
                ListFormat::Table => print_table(&store, &f)?,
                ListFormat::Json => print_json(&store.list(&f)?)?,
            }
        }
        Command::Show { id } => match store.get(&parse_id(&id)?)? {
            Some(a) => print_json(&a)?,
            None => bail!("no existe ninguna actividad con id {id}"),
        },
        Command::Stats { filter, format } => {
            let stats = store.stats(&filter.to_filter()?)?;
            if format == ListFormat::Json {
                return print_json(&stats);
            }
            println!("Total: {}", stats.total);
            for (title, counts) in [
                ("Por tipo", &stats.by_kind),
                ("Por país", &stats.by_country),
                ("Por eje", &stats.by_axis),
                ("Por mes", &stats.by_month),
            ] {
                println!("\n{title}:");
                for c in counts {
                    let key = if c.key.is_empty() { "(sin eje)" } else { &c.key };
                    println!("  {key:<40} {:>6}", c.count);
                }
            }
            println!("\nPersonas capacitadas: {}", stats.participants_trained);
            for m in &stats.financing {
                println!("Financiamiento {}: {} ({} proyectos)", m.currency, m.total, m.count);
            }
        }
        Command::Sample => {
            let report = sample::load(&mut store, &cli.actor, &mut |_, _| true)?;
            println!("Datos de ejemplo: {} actividades creadas, {} sin cambios", report.created, report.unchanged);
        }
        Command::Trash { id } => {
            store.trash(&parse_id(&id)?, &actor)?;
            println!("Actividad enviada a la papelera: {id}");
        }
        Command::Restore { id } => {
            store.restore(&parse_id(&id)?, &actor)?;
            println!("Actividad restaurada: {id}");
        }
        Command::History { id } => {
            for e in store.audit_of(&id)? {
                println!("{}  {:<8} {:<8} {} [{}] {}", e.at, e.action, e.origin, e.actor, e.entity, e.fields.join(", "));
            }
        }
        Command::Axes { action } => match action {
            None | Some(AxesAction::List) => {
                for a in store.axes()? {
                    println!("{}", a.name);
                }
            }
            Some(AxesAction::Add { name }) => println!("Eje: {}", store.add_axis(&name)?.name),
        },
        Command::Orgs { action } => match action {
            None | Some(OrgsAction::List) => {
                for o in store.organisations()? {
                    println!("{}  {:<20} {:<4} {:>5}  {}", o.id, o.kind.as_str(), o.country.as_deref().unwrap_or("-"), o.activities, o.name);
                }
            }
            Some(OrgsAction::Duplicates) => {
                for d in store.likely_duplicate_organisations()? {
                    println!("{}  «{}»\n{}  «{}»\n  {}\n", d.a_id, d.a_name, d.b_id, d.b_name, d.reason);
                }
            }
            Some(OrgsAction::Merge { keep, drop }) => {
                store.merge_organisations(&keep, &drop, &actor)?;
                println!("Organización {drop} fusionada en {keep}");
            }
        },
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

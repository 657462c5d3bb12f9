//! `enlace`: the command line over the Enlace core. Parsing arguments and printing only;
//! every rule lives in the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use enlace::domain::{ActivityId, Kind, PartialDate};
use enlace::interop::{interchange, sample};
use enlace::reference;
use enlace::store::{Actor, Count, Filter, Origin, Passphrase, Sort, Store, StoreError};

mod attachments;
mod axes_cmds;
mod definitions;
mod filters;
mod interop_cmds;
mod passphrase_cmds;
mod reports;
mod sync_cmds;
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
    /// Import activities: interchange (.jsonl, .json) or spreadsheet (.csv, .xlsx).
    Import {
        file: PathBuf,
        /// Check and report what would change, writing nothing.
        #[arg(long)]
        dry_run: bool,
        /// Spreadsheets: a JSON file mapping headers to fields (default: guessed from the headers).
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Spreadsheets: the sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Spreadsheets: also import rows that look like duplicates.
        #[arg(long)]
        with_duplicates: bool,
    },
    /// Propose draft activities from a passage of a past report (saved with --save).
    ImportText {
        file: PathBuf,
        /// The report's period, for dates without a year: "2021-2", "2021", "julio a diciembre de 2021".
        #[arg(long)]
        period: Option<String>,
        #[arg(long)]
        save: bool,
    },
    /// Export activities in the interchange format (round-trips with import).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Language of headers and labels (csv, xlsx, ics).
        #[arg(long, default_value = "es", value_parser = interop_cmds::parse_lang)]
        lang: enlace::Lang,
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
    /// Counts by kind, country, world region, axis and month.
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
    Untrash { id: String },
    /// Show an activity's history (`database`: the restores of the whole database).
    History { id: String },
    /// Period report (informe) as PDF or Word, recorded in the report history.
    Report(reports::ReportArgs),
    /// Saved report definitions: period, filters, presentation, axis introductions, sign-off.
    ReportDefinitions {
        #[command(subcommand)]
        action: definitions::DefinitionsCmd,
    },
    /// Reports generated: when, by whom, period, file and SHA-256.
    ReportHistory,
    /// One-activity brief as PDF or Word.
    Brief(reports::BriefArgs),
    /// Everything logged with one country in a period, as PDF or Word.
    CountryBrief(reports::CountryBriefArgs),
    /// Everything done with one partner organisation or city over all years (or a period),
    /// as PDF or Word.
    PartnerDossier(reports::PartnerDossierArgs),
    /// Every signed agreement with its validity today (in force, expiring within 90 days,
    /// expired, no end date), whatever its signing date: PDF, Word or Excel (--out F.xlsx).
    Register(reports::RegisterArgs),
    /// Snapshot the database and attachments now (keeps 7 daily and 4 weekly).
    Backup {
        /// Snapshots folder (default: beside the database).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// List snapshots.
    Backups {
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Restore a snapshot (the current state is snapshotted first).
    Restore {
        snapshot: String,
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// The office passphrase: encrypt, re-key or decrypt the database and its snapshots.
    /// The current passphrase comes from ENLACE_PASSPHRASE, the new one from
    /// ENLACE_NEW_PASSPHRASE; either is asked on a terminal when not set.
    Passphrase {
        #[command(subcommand)]
        action: passphrase_cmds::PassphraseCmd,
        /// Snapshots folder (default: beside the database).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// The whole copy in one file, for moving to another computer (sealed with the passphrase).
    Archive {
        #[command(subcommand)]
        action: interop_cmds::ArchiveCmd,
    },
    /// This copy's sync identity.
    Identity {
        #[command(subcommand)]
        action: sync_cmds::IdentityCmd,
    },
    /// Copies this one accepts bundles from.
    Roster {
        #[command(subcommand)]
        action: sync_cmds::RosterCmd,
    },
    /// Sync bundles: export, import, inspect.
    Bundle {
        #[command(subcommand)]
        action: sync_cmds::BundleCmd,
    },
    /// Conflicts found by sync.
    Conflicts {
        #[command(subcommand)]
        action: Option<sync_cmds::ConflictsCmd>,
    },
    /// Attachments: add a file to an activity, mark a photo for the period report.
    Attachment {
        #[command(subcommand)]
        action: attachments::AttachmentCmd,
    },
    /// Policy axes: sets, order, names, archive, cross-cutting.
    Axes {
        #[command(subcommand)]
        action: Option<axes_cmds::AxesCmd>,
    },
    /// Directory of organisations.
    Orgs {
        #[command(subcommand)]
        action: Option<OrgsAction>,
    },
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
    Csv,
    Xlsx,
    Ics,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ListFormat {
    Table,
    Json,
}

fn parse_id(text: &str) -> Result<ActivityId> {
    text.parse().with_context(|| format!("«{text}» no es un identificador de actividad válido"))
}

/// One line per activity as a person reads it: date in words, kind and status by their labels,
/// countries by their names (scripts read `--format json`).
fn print_table(store: &Store, f: &Filter) -> Result<()> {
    let page = store.list(f)?;
    let mut out = std::io::stdout().lock();
    for a in &page.items {
        let title: String = a.title.chars().take(60).collect();
        let countries: Vec<String> = a.countries.iter().map(|c| country_name(c)).collect();
        writeln!(
            out,
            "{:<26}  {:<24}  {:<20}  {:<60}  {:<11}  {}",
            a.start.format_es(),
            a.kind.label_es(),
            countries.join(", "),
            title,
            a.status.label_es(),
            a.id
        )?;
    }
    writeln!(out, "{} de {} actividades", page.items.len(), page.total)?;
    Ok(())
}

/// A country's Spanish name from its code (the code itself when the reference data lacks it).
fn country_name(code: &str) -> String {
    reference::country(code).map_or_else(|| code.to_string(), |c| c.name_es.clone())
}

fn print_json(value: &impl serde::Serialize) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn open(db: &Path, key: Option<&Passphrase>) -> Result<Store> {
    match Store::open_with(db, key) {
        Err(StoreError::Locked(why)) => bail!("{}\n{}", why.es, why.en),
        opened => opened.with_context(|| format!("no se pudo abrir la base de datos {}", db.display())),
    }
}

fn is_spreadsheet(file: &Path) -> bool {
    let ext = file.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods")
}

fn run(cli: Cli) -> Result<()> {
    // Restoring, a passphrase change and an archive opened replace or make the database file,
    // so they run with it closed.
    let actor = Actor::new(cli.actor.clone(), Origin::Cli);
    match cli.command {
        Command::Passphrase { action, dir } => return passphrase_cmds::run(&cli.db, dir.as_ref(), action),
        Command::Archive { action: interop_cmds::ArchiveCmd::Open { file } } => {
            return interop_cmds::open_archive(&file, &cli.db, passphrase_cmds::for_archive(&file)?.as_ref());
        }
        _ => {}
    }
    let key = passphrase_cmds::current(&cli.db)?;
    if let Command::Restore { snapshot, dir } = &cli.command {
        return interop_cmds::restore(&cli.db, key.as_ref(), snapshot, dir.as_ref(), &actor);
    }
    let mut store = open(&cli.db, key.as_ref())?;
    match cli.command {
        Command::Init => println!("Base de datos lista: {}", cli.db.display()),
        Command::Restore { .. } | Command::Passphrase { .. } | Command::Archive { action: interop_cmds::ArchiveCmd::Open { .. } } => {
            unreachable!("handled before opening")
        }
        Command::Archive { action: interop_cmds::ArchiveCmd::Export { out } } => interop_cmds::export_archive(&store, &out)?,
        Command::Import { file, dry_run, mapping, sheet, with_duplicates } if is_spreadsheet(&file) => {
            interop_cmds::import_spreadsheet(&mut store, &file, mapping.as_deref(), sheet.as_deref(), dry_run, with_duplicates, &cli.actor)?
        }
        Command::ImportText { file, period, save } => {
            interop_cmds::import_text(&mut store, &file, period.as_deref(), save, &cli.actor)?
        }
        Command::Backup { dir } => interop_cmds::backup_now(&store, &cli.db, dir.as_ref())?,
        Command::Backups { dir } => interop_cmds::list_backups(&cli.db, dir.as_ref())?,
        Command::Import { file, dry_run, .. } => {
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
        Command::Export { format, lang, filter, out } if !matches!(format, ExportFormat::Jsonl) => {
            let f = Filter { sort: Sort::DateAsc, ..filter.to_filter()? };
            interop_cmds::export(&store.list(&f)?.items, format, lang, out.as_ref())?
        }
        Command::Export { filter, out, .. } => {
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
            // Kinds, countries and regions by their labels; an axis is its name already.
            let kind = |key: &str| Kind::parse(key).map_or_else(|| key.to_string(), |k| k.label_es().to_string());
            let region = |key: &str| reference::world_region(key).map_or_else(|| key.to_string(), |r| r.name_es.clone());
            let axis = |key: &str| if key.is_empty() { "(sin eje)".to_string() } else { key.to_string() };
            let by: [(&str, &Vec<Count>, &dyn Fn(&str) -> String); 4] = [
                ("Por tipo", &stats.by_kind, &kind),
                ("Por país", &stats.by_country, &country_name),
                ("Por región", &stats.by_region, &region),
                ("Por eje", &stats.by_axis, &axis),
            ];
            for (title, counts, shown) in by {
                println!("\n{title}:");
                for c in counts {
                    println!("  {:<40} {:>6}", shown(&c.key), c.count);
                }
            }
            println!("\nPor mes (actividades que ocurren en el mes):");
            for c in &stats.by_month {
                let month = c.key.parse::<PartialDate>().map_or_else(|_| c.key.clone(), |m| m.format_es());
                println!("  {month:<40} {:>6}", c.count);
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
        Command::Untrash { id } => {
            store.restore(&parse_id(&id)?, &actor)?;
            println!("Actividad restaurada: {id}");
        }
        Command::History { id } => {
            for e in store.audit_of(&id)? {
                println!("{}  {:<8} {:<8} {} [{}] {}", e.at, e.action, e.origin, e.actor, e.entity, e.fields.join(", "));
            }
        }
        Command::Report(args) => reports::period(&mut store, args, &actor)?,
        Command::ReportDefinitions { action } => definitions::definitions(&mut store, action, &actor)?,
        Command::ReportHistory => definitions::history(&store)?,
        Command::Brief(args) => reports::brief(&store, args)?,
        Command::CountryBrief(args) => reports::country(&store, args)?,
        Command::PartnerDossier(args) => reports::partner(&store, args)?,
        Command::Register(args) => reports::register(&store, args)?,
        Command::Identity { action } => sync_cmds::identity(&store, action)?,
        Command::Roster { action } => sync_cmds::roster_cmd(&store, action)?,
        Command::Bundle { action } => sync_cmds::bundle(&mut store, action)?,
        Command::Conflicts { action } => sync_cmds::conflicts_cmd(&mut store, action, &actor)?,
        Command::Attachment { action } => attachments::attachment(&mut store, action, &actor)?,
        Command::Axes { action } => axes_cmds::run(&mut store, action, &actor)?,
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
        // A reader that stopped early (`enlace list | head`) is not an error to report.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

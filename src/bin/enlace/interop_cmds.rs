//! Spreadsheet and report-text import, CSV/XLSX/iCalendar export, backups.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use enlace::domain::Activity;
use enlace::store::backup::{self, Retention, SnapshotKind};
use enlace::interop::ics::{to_ics, IcsOptions};
use enlace::interop::import_plan::plan_import;
use enlace::interop::report_text::{drafts_from_text, TextContext};
use enlace::interop::spanish_dates::DateContext;
use enlace::interop::spreadsheet::{self, Mapping, RowDraft};
use enlace::interop::export;
use enlace::Lang;
use enlace::store::{Actor, Origin, Passphrase, Store};

fn no_progress() -> impl FnMut(u64, u64) -> bool {
    |_, _| true
}

pub fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "es" => Ok(Lang::Es),
        "en" => Ok(Lang::En),
        _ => Err(format!("idioma desconocido «{s}»; use es o en")),
    }
}

/// Plans drafts against the store, prints the plan, and writes them unless it is a dry run
/// or a line has errors.
fn plan_and_write(store: &mut Store, drafts: &[RowDraft], dry_run: bool, with_duplicates: bool, actor: &str) -> Result<()> {
    let plan = plan_import(store, drafts)?;
    print!("{}", plan.render(Lang::Es));
    if plan.has_errors() {
        bail!("hay líneas con errores; corríjalas y vuelva a importar (no se escribió nada)");
    }
    if dry_run {
        println!("Simulación: no se escribió nada.");
        return Ok(());
    }
    let items = plan.to_import(with_duplicates);
    let report = store.import(&items, &Actor::new(actor, Origin::Import), false, &mut no_progress())?;
    println!("{} actividades creadas, {} actualizadas, {} sin cambios", report.created, report.updated, report.unchanged);
    Ok(())
}

/// `import FILE.csv|FILE.xlsx`: headers mapped automatically, or by `--mapping FILE.json`.
pub fn import_spreadsheet(
    store: &mut Store,
    file: &Path,
    mapping: Option<&Path>,
    sheet: Option<&str>,
    dry_run: bool,
    with_duplicates: bool,
    actor: &str,
) -> Result<()> {
    let table = spreadsheet::read_table(file, sheet)?;
    let mapping = match mapping {
        Some(path) => Mapping::from_json(&std::fs::read_to_string(path).with_context(|| format!("no se pudo leer {}", path.display()))?)?,
        None => {
            let proposal = Mapping::propose_for(&table);
            println!("Columnas:");
            for r in &proposal.reasons {
                println!("  {}", r.reason.es);
            }
            proposal.mapping
        }
    };
    println!("Leído como {}; {} filas", table.read_as.es, table.rows.len());
    let drafts = spreadsheet::read_rows(&table, &mapping, &mut no_progress()).map_err(|e| anyhow!("{e}"))?;
    plan_and_write(store, &drafts, dry_run, with_duplicates, actor)
}

/// `import-text FILE.txt`: one draft per item of a report passage; saved with `--save`.
pub fn import_text(store: &mut Store, file: &Path, period: Option<&str>, save: bool, actor: &str) -> Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("no se pudo leer {}", file.display()))?;
    let dates = match period {
        Some(p) => DateContext::for_period(p)?,
        None => DateContext::default(),
    };
    let known: Vec<String> = store.organisations()?.into_iter().map(|o| o.name).collect();
    let country_of = |words: &str| enlace::interop::report_text::reference_country(words);
    let drafts = drafts_from_text(&text, &TextContext { dates, known_organisations: &known, country_of: &country_of });
    for d in &drafts {
        println!("{}", serde_json::to_string(&d.input)?);
        for n in &d.notes {
            println!("  # línea {}: {}", d.line, n.describe(Lang::Es));
        }
    }
    println!("{} borradores", drafts.len());
    if save {
        let rows: Vec<RowDraft> = drafts.iter().map(RowDraft::from).collect();
        plan_and_write(store, &rows, false, false, actor)?;
    }
    Ok(())
}

/// `export --format csv|xlsx|ics`.
pub fn export(activities: &[Activity], format: super::ExportFormat, lang: Lang, out: Option<&PathBuf>) -> Result<()> {
    let out = out.ok_or_else(|| anyhow!("indique el archivo de salida con --out"))?;
    let write_err = || format!("no se pudo escribir {}", out.display());
    match format {
        super::ExportFormat::Csv => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(out).with_context(write_err)?);
            export::csv::write_csv(activities, lang, &mut file, &mut no_progress())?;
        }
        super::ExportFormat::Xlsx => export::xlsx::write_xlsx(activities, lang, out, &mut no_progress())?,
        super::ExportFormat::Ics => {
            let options = IcsOptions { lang, ..IcsOptions::default() };
            let text = to_ics(activities, &options, &mut no_progress())?;
            std::fs::write(out, text).with_context(write_err)?;
        }
        super::ExportFormat::Jsonl => unreachable!("written by the interchange exporter"),
    }
    eprintln!("{} actividades exportadas a {}", activities.len(), out.display());
    Ok(())
}

fn snapshots_dir(db: &Path, given: Option<&PathBuf>) -> PathBuf {
    given.cloned().unwrap_or_else(|| backup::default_snapshots_dir(db))
}

/// `backup`: a snapshot now, then the retention rule.
pub fn backup_now(store: &Store, db: &Path, dir: Option<&PathBuf>) -> Result<()> {
    let dir = snapshots_dir(db, dir);
    let info = backup::snapshot(store, &dir, SnapshotKind::Manual)?;
    let pruned = backup::prune_snapshots(&dir, Retention::default())?;
    println!("Respaldo creado: {}", info.path.display());
    if !pruned.is_empty() {
        println!("Respaldos antiguos eliminados: {}", pruned.len());
    }
    Ok(())
}

/// `backups`: the snapshots there are, newest first.
pub fn list_backups(db: &Path, dir: Option<&PathBuf>) -> Result<()> {
    for s in backup::list_snapshots(&snapshots_dir(db, dir))? {
        println!("{}", s.name);
    }
    Ok(())
}

/// `restore SNAPSHOT`: the database must not be open; the current state is kept first and
/// the restore is written to the restored database's history (`history database`).
pub fn restore(db: &Path, key: Option<&Passphrase>, snapshot: &str, dir: Option<&PathBuf>, actor: &Actor) -> Result<()> {
    let dir = snapshots_dir(db, dir);
    let path = if Path::new(snapshot).is_dir() { PathBuf::from(snapshot) } else { dir.join(snapshot) };
    if !path.is_dir() {
        bail!("no existe el respaldo «{snapshot}» en {}", dir.display());
    }
    let report = backup::restore(db, key, &path, &dir, actor)?;
    println!(
        "Restaurado: {} actividades. Estado anterior guardado en {}",
        report.activities,
        report.safety_copy.path.display()
    );
    Ok(())
}

#[derive(clap::Subcommand)]
pub enum ArchiveCmd {
    /// Write the whole copy into one file (a zip; sealed with age when the copy has a passphrase).
    Export { out: PathBuf },
    /// Make the database at --db (which must not exist) from an archive.
    Open { file: PathBuf },
}

/// `archive export OUT`.
pub fn export_archive(store: &Store, out: &Path) -> Result<()> {
    let manifest = backup::export_archive(store, out, &mut no_progress())?;
    println!("Archivo creado / archive written: {} ({} actividades, {} adjuntos)", out.display(), manifest.activities.unwrap_or(0), manifest.files);
    Ok(())
}

/// `archive open FILE`: a sealed archive needs the passphrase it was made with.
pub fn open_archive(file: &Path, db: &Path, key: Option<&Passphrase>) -> Result<()> {
    match backup::import_archive(file, db, key, &mut no_progress()) {
        Ok(manifest) => {
            println!("Base creada / database made: {} ({} actividades)", db.display(), manifest.activities.unwrap_or(0));
            Ok(())
        }
        Err(e) => {
            let why = e.brief();
            bail!("{}\n{}", why.es, why.en)
        }
    }
}

//! What a period report is made with, given on the command line or saved under a name
//! (`report-definitions`), and the record of the reports generated (`report-history`).

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use enlace::domain::{Kind, Status};
use enlace::report::{Breakdown, Paper, PeriodRequest, ReportDefinition, Signer};
use enlace::store::{Actor, Store};
use enlace::Lang;

/// A report's parameters. With a saved definition as the base, only the flags given change it.
#[derive(Args)]
pub struct DefinitionArgs {
    #[arg(long)]
    from: Option<NaiveDate>,
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Only these axes (repeatable).
    #[arg(long = "axis")]
    axes: Vec<String>,
    /// Only these kinds (repeatable).
    #[arg(long = "kind", value_parser = super::filters::parse_kind)]
    kinds: Vec<Kind>,
    /// Only these countries, by code or name (repeatable).
    #[arg(long = "country")]
    countries: Vec<String>,
    /// Statuses printed: done (default), planned, cancelled; several separated by commas.
    /// Planned and cancelled activities are marked as such.
    #[arg(long = "status", value_parser = super::filters::parse_status, value_delimiter = ',')]
    statuses: Vec<Status>,
    /// Break the period down by year: the record of several years (activities by year and
    /// kind, agreements by region, networks, visits, awards) instead of every activity.
    #[arg(long = "by", value_name = "year", value_parser = parse_breakdown)]
    breakdown: Option<Breakdown>,
    /// Show the previous comparable period (the semester or year before) beside each summary
    /// figure, with the difference.
    #[arg(long)]
    compare: bool,
    /// Language of the document: es (default) or en.
    #[arg(long, value_parser = super::reports::parse_lang)]
    lang: Option<Lang>,
    /// Paper size: letter (default) or a4.
    #[arg(long, value_parser = super::reports::parse_paper)]
    paper: Option<Paper>,
    /// The "Presentación", read from this file (paragraphs, **bold**, *italic*, "- " lists).
    #[arg(long)]
    presentation_file: Option<PathBuf>,
    /// An axis' introduction: AXIS=FILE (repeatable; an empty file removes it).
    #[arg(long = "intro", value_name = "AXIS=FILE")]
    intros: Vec<String>,
    /// Sign-off "Elaboró": "Name|Post".
    #[arg(long, value_name = "NAME|POST")]
    prepared: Option<String>,
    /// Sign-off "Revisó": "Name|Post".
    #[arg(long, value_name = "NAME|POST")]
    reviewed: Option<String>,
    /// Sign-off "Autorizó": "Name|Post".
    #[arg(long, value_name = "NAME|POST")]
    authorised: Option<String>,
}

impl DefinitionArgs {
    /// `base` changed by the flags given; without a base, `--from` and `--to` are required.
    pub fn onto(self: Box<Self>, name: &str, base: Option<ReportDefinition>) -> Result<ReportDefinition> {
        let mut def = match base {
            Some(base) => base,
            // A definition holds no office nor date: the request's defaults are all it takes.
            None => ReportDefinition::of_request(
                name,
                &PeriodRequest::new(
                    self.from.ok_or_else(|| anyhow!("falta --from (o --definition)"))?,
                    self.to.ok_or_else(|| anyhow!("falta --to (o --definition)"))?,
                    "",
                    chrono::Utc::now(),
                ),
            ),
        };
        def.from = self.from.unwrap_or(def.from);
        def.to = self.to.unwrap_or(def.to);
        if !self.axes.is_empty() {
            def.axes = self.axes;
        }
        if !self.kinds.is_empty() {
            def.kinds = self.kinds;
        }
        if !self.countries.is_empty() {
            def.countries = self.countries.iter().map(|c| super::reports::country_code(c)).collect::<Result<_>>()?;
        }
        if !self.statuses.is_empty() {
            def.statuses = self.statuses;
        }
        def.breakdown = self.breakdown.or(def.breakdown);
        def.compare |= self.compare;
        def.lang = self.lang.unwrap_or(def.lang);
        def.paper = self.paper.unwrap_or(def.paper);
        if let Some(file) = &self.presentation_file {
            def.narrative.presentation = read(file)?;
        }
        for intro in &self.intros {
            let (axis, file) = intro.split_once('=').ok_or_else(|| anyhow!("--intro espera EJE=ARCHIVO, no «{intro}»"))?;
            let text = read(&PathBuf::from(file))?;
            match text.trim().is_empty() {
                true => def.narrative.introductions.remove(axis.trim()),
                false => def.narrative.introductions.insert(axis.trim().to_string(), text),
            };
        }
        for (given, signer) in [
            (self.prepared, &mut def.sign_off.prepared),
            (self.reviewed, &mut def.sign_off.reviewed),
            (self.authorised, &mut def.sign_off.authorised),
        ] {
            if let Some(given) = given {
                let (name, post) = given.split_once('|').unwrap_or((&given, ""));
                *signer = Signer { name: name.trim().to_string(), post: post.trim().to_string() };
            }
        }
        Ok(def)
    }
}

fn parse_breakdown(s: &str) -> Result<Breakdown, String> {
    Breakdown::parse(s).ok_or_else(|| format!("desglose desconocido «{s}»; use year"))
}

fn read(file: &PathBuf) -> Result<String> {
    std::fs::read_to_string(file).with_context(|| format!("no se pudo leer {}", file.display()))
}

#[derive(Subcommand)]
pub enum DefinitionsCmd {
    /// Saved definitions: name and period.
    List,
    /// One definition, as JSON.
    Show { name: String },
    /// Save (or change) a definition: the flags given replace what it had.
    Save {
        name: String,
        #[command(flatten)]
        args: Box<DefinitionArgs>,
    },
}

pub fn definitions(store: &mut Store, cmd: DefinitionsCmd, actor: &Actor) -> Result<()> {
    match cmd {
        DefinitionsCmd::List => {
            for def in store.report_definitions()? {
                println!("{}  {} a {}", def.name, def.from, def.to);
            }
        }
        DefinitionsCmd::Show { name } => match store.report_definition(&name)? {
            Some(def) => super::print_json(&def)?,
            None => bail!("no hay una definición de informe llamada «{name}»"),
        },
        DefinitionsCmd::Save { name, args } => {
            let base = store.report_definition(&name)?;
            let def = args.onto(&name, base)?;
            // An introduction prints in the part of the axis it names: say so when none has that name.
            let axes: Vec<String> = store.axes()?.into_iter().map(|a| a.name).collect();
            for axis in def.narrative.introductions.keys().filter(|a| !axes.contains(a)) {
                eprintln!("Aviso: no hay un eje llamado «{axis}»; su introducción no se imprimirá mientras no exista.");
            }
            let saved = store.save_report_definition(&def, actor)?;
            println!("Definición guardada: {} ({} a {})", saved.name, saved.from, saved.to);
        }
    }
    Ok(())
}

/// `report-history`: the reports generated, newest first.
pub fn history(store: &Store) -> Result<()> {
    for r in store.generated_reports()? {
        let definition = r.definition.as_deref().unwrap_or("-");
        println!(
            "{}  {}  {} a {}  {}  {}  {}",
            r.generated_at, r.generated_by, r.parameters.from, r.parameters.to, definition, r.file_name, r.sha256
        );
    }
    Ok(())
}

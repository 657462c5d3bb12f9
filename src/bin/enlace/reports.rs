//! `report`, `brief`, `country-brief`, `partner-dossier` and `register`: PDF or Word documents from the record.
//! Every period report written is recorded in the report history with its SHA-256.

use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};
use chrono::{NaiveDate, Utc};
use clap::Args;
use enlace::reference;
use enlace::report::{self, Document, Format, Paper};
use enlace::Lang;
use enlace::store::{Actor, Store};

/// Printing options every document shares.
#[derive(Args)]
pub struct PrintArgs {
    /// Language of the document: es (default) or en.
    #[arg(long, default_value = "es", value_parser = parse_lang)]
    lang: Lang,
    /// Paper size: letter (default) or a4.
    #[arg(long, default_value = "letter", value_parser = parse_paper)]
    paper: Paper,
    /// Office named on the document (default: the office set in the app).
    #[arg(long)]
    office: Option<String>,
    #[command(flatten)]
    file: FileArgs,
}

/// Where a document goes and as what.
#[derive(Args)]
pub struct FileArgs {
    /// Where to write the document.
    #[arg(long)]
    out: PathBuf,
    /// File format: pdf or docx (Word). Default: the extension of --out, else pdf.
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
}

impl FileArgs {
    fn format(&self) -> Format {
        self.format.or_else(|| Format::of_path(&self.out)).unwrap_or_default()
    }
}

/// `enlace report`: a period report, from flags, a saved definition, or both (flags win).
#[derive(Args)]
pub struct ReportArgs {
    /// Start from the saved definition of this name (see `report-definitions`).
    #[arg(long)]
    definition: Option<String>,
    #[command(flatten)]
    parameters: Box<super::definitions::DefinitionArgs>,
    /// Office named on the document (default: the office set in the app).
    #[arg(long)]
    office: Option<String>,
    #[command(flatten)]
    file: FileArgs,
}

#[derive(Args)]
pub struct BriefArgs {
    /// Activity id.
    id: String,
    #[command(flatten)]
    print: PrintArgs,
}

#[derive(Args)]
pub struct CountryBriefArgs {
    /// Country code or name.
    country: String,
    #[arg(long)]
    from: NaiveDate,
    #[arg(long)]
    to: NaiveDate,
    #[command(flatten)]
    print: PrintArgs,
}

#[derive(Args)]
pub struct PartnerDossierArgs {
    /// The partner: an organisation's name (written any way: "Embajada de Perú") or id.
    partner: String,
    /// From this day (default: the first activity with the partner).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// To this day (default: the last activity with the partner).
    #[arg(long)]
    to: Option<NaiveDate>,
    #[command(flatten)]
    print: PrintArgs,
}

#[derive(Args)]
pub struct RegisterArgs {
    /// The day validity is reckoned on (default: today).
    #[arg(long)]
    today: Option<NaiveDate>,
    #[command(flatten)]
    print: PrintArgs,
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("idioma desconocido «{s}»; use es o en"))
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("formato desconocido «{s}»; use pdf o docx"))
}

pub(crate) fn parse_paper(s: &str) -> Result<Paper, String> {
    Paper::parse(s).ok_or_else(|| format!("tamaño de papel desconocido «{s}»; use letter o a4"))
}

/// The office name printed on documents: given, or the one set at first start.
fn office(store: &Store, given: &Option<String>) -> Result<String> {
    Ok(match given {
        Some(o) => o.clone(),
        None => store.setting("office")?.unwrap_or_else(|| "Coordinación de Asuntos Internacionales".into()),
    })
}

pub(crate) fn country_code(text: &str) -> Result<String> {
    Ok(reference::resolve_country(text).map_err(|e| anyhow!("{e}"))?.code.clone())
}

/// Renders and writes the document in the format asked for; returns the file's bytes.
fn write(doc: &Document, file: &FileArgs) -> Result<Vec<u8>> {
    let format = file.format();
    let bytes = format.render(doc)?;
    let out = &file.out;
    std::fs::write(out, &bytes).with_context(|| format!("no se pudo escribir {}", out.display()))?;
    println!("{} escrito: {} ({} KB)", format.name(), out.display(), bytes.len().div_ceil(1024));
    Ok(bytes)
}

/// Writes the period report and records it in the report history.
pub fn period(store: &mut Store, a: ReportArgs, actor: &Actor) -> Result<()> {
    let base = match &a.definition {
        Some(name) => Some(store.report_definition(name)?.ok_or_else(|| anyhow!("no hay una definición de informe llamada «{name}»"))?),
        None => None,
    };
    let parameters = a.parameters.onto(a.definition.as_deref().unwrap_or(""), base)?;
    let request = parameters.request(office(store, &a.office)?, Utc::now());
    let bytes = write(&report::period_report(store, &request)?, &a.file)?;
    let file_name = a.file.out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let record = store.record_generated_report(&parameters, &file_name, &bytes, actor)?;
    println!("SHA-256: {}", record.sha256);
    Ok(())
}

pub fn brief(store: &Store, a: BriefArgs) -> Result<()> {
    let request = report::BriefRequest {
        id: super::parse_id(&a.id)?,
        lang: a.print.lang,
        paper: a.print.paper,
        office: office(store, &a.print.office)?,
        generated: Utc::now(),
    };
    write(&report::brief_report(store, &request)?, &a.print.file).map(drop)
}

pub fn partner(store: &Store, a: PartnerDossierArgs) -> Result<()> {
    let request = report::PartnerDossierRequest {
        partner: a.partner,
        from: a.from,
        to: a.to,
        lang: a.print.lang,
        paper: a.print.paper,
        office: office(store, &a.print.office)?,
        generated: Utc::now(),
    };
    write(&report::partner_dossier_report(store, &request)?, &a.print.file).map(drop)
}

/// The agreements register: PDF, Word, or an Excel workbook when --out ends in .xlsx.
pub fn register(store: &Store, a: RegisterArgs) -> Result<()> {
    let today = a.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let out = &a.print.file.out;
    if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        let register = store.agreement_register(today)?;
        if register.is_empty() {
            return Err(report::ReportError::NoAgreements.into());
        }
        let bytes = enlace::interop::export::register::register_xlsx(&register, a.print.lang, &mut |_, _| true)?;
        std::fs::write(out, &bytes).with_context(|| format!("no se pudo escribir {}", out.display()))?;
        println!("Excel escrito: {} ({} KB)", out.display(), bytes.len().div_ceil(1024));
        return Ok(());
    }
    let request = report::RegisterRequest {
        today,
        lang: a.print.lang,
        paper: a.print.paper,
        office: office(store, &a.print.office)?,
        generated: Utc::now(),
    };
    write(&report::register_report(store, &request)?, &a.print.file).map(drop)
}

pub fn country(store: &Store, a: CountryBriefArgs) -> Result<()> {
    let request = report::CountryBriefRequest {
        country: country_code(&a.country)?,
        from: a.from,
        to: a.to,
        lang: a.print.lang,
        paper: a.print.paper,
        office: office(store, &a.print.office)?,
        generated: Utc::now(),
    };
    write(&report::country_brief_report(store, &request)?, &a.print.file).map(drop)
}

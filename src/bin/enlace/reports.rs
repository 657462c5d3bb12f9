//! `report`, `brief` and `country-brief`: PDF documents from the record.

use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};
use chrono::{NaiveDate, Utc};
use clap::Args;
use enlace::domain::{Kind, Status};
use enlace::reference;
use enlace::report::{self, Document, Paper};
use enlace::Lang;
use enlace::store::Store;

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
    /// Where to write the PDF.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Args)]
pub struct ReportArgs {
    #[arg(long)]
    from: NaiveDate,
    #[arg(long)]
    to: NaiveDate,
    /// Only these axes (repeatable).
    #[arg(long = "axis")]
    axes: Vec<String>,
    /// Only these kinds (repeatable).
    #[arg(long = "kind", value_parser = super::filters::parse_kind)]
    kinds: Vec<Kind>,
    /// Only these countries, by code or name (repeatable).
    #[arg(long = "country")]
    countries: Vec<String>,
    #[arg(long, value_parser = super::filters::parse_status)]
    status: Option<Status>,
    #[command(flatten)]
    print: PrintArgs,
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

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("idioma desconocido «{s}»; use es o en"))
}

fn parse_paper(s: &str) -> Result<Paper, String> {
    Paper::parse(s).ok_or_else(|| format!("tamaño de papel desconocido «{s}»; use letter o a4"))
}

/// The office name printed on documents: given, or the one set at first start.
fn office(store: &Store, given: &Option<String>) -> Result<String> {
    Ok(match given {
        Some(o) => o.clone(),
        None => store.setting("office")?.unwrap_or_else(|| "Coordinación de Asuntos Internacionales".into()),
    })
}

fn country_code(text: &str) -> Result<String> {
    Ok(reference::resolve_country(text).map_err(|e| anyhow!("{e}"))?.code.clone())
}

fn write(doc: &Document, out: &PathBuf) -> Result<()> {
    let pdf = report::render_pdf(doc)?;
    std::fs::write(out, &pdf).with_context(|| format!("no se pudo escribir {}", out.display()))?;
    println!("PDF escrito: {} ({} KB)", out.display(), pdf.len().div_ceil(1024));
    Ok(())
}

pub fn period(store: &Store, a: ReportArgs) -> Result<()> {
    let request = report::PeriodRequest {
        from: a.from,
        to: a.to,
        axes: a.axes,
        kinds: a.kinds,
        countries: a.countries.iter().map(|c| country_code(c)).collect::<Result<_>>()?,
        status: a.status,
        lang: a.print.lang,
        paper: a.print.paper,
        office: office(store, &a.print.office)?,
        generated: Utc::now(),
    };
    write(&report::period_report(store, &request)?, &a.print.out)
}

pub fn brief(store: &Store, a: BriefArgs) -> Result<()> {
    let request = report::BriefRequest {
        id: super::parse_id(&a.id)?,
        lang: a.print.lang,
        paper: a.print.paper,
        office: office(store, &a.print.office)?,
        generated: Utc::now(),
    };
    write(&report::brief_report(store, &request)?, &a.print.out)
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
    write(&report::country_brief_report(store, &request)?, &a.print.out)
}

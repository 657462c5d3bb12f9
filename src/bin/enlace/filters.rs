//! Filter options shared by the commands that select activities.

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use enlace::domain::{Kind, Modality, Status};
use enlace::reference;
use enlace::store::{Filter, Sort};

#[derive(Args, Default)]
pub struct FilterArgs {
    /// Kind of activity (repeatable).
    #[arg(long = "kind", value_parser = parse_kind)]
    kinds: Vec<Kind>,
    /// Activities that end on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Activities that start on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Country: code or Spanish/English name (repeatable).
    #[arg(long = "country")]
    countries: Vec<String>,
    /// World region or subregion: Spanish or English name, or UN M49 code (repeatable).
    #[arg(long = "region")]
    regions: Vec<String>,
    /// Policy axis name (repeatable).
    #[arg(long = "axis")]
    axes: Vec<String>,
    /// Organisation id.
    #[arg(long)]
    org: Option<String>,
    /// Person id.
    #[arg(long)]
    person: Option<String>,
    /// Statuses to list (planned, done, cancelled; several separated by commas).
    #[arg(long = "status", value_parser = parse_status, value_delimiter = ',')]
    statuses: Vec<Status>,
    #[arg(long, value_parser = parse_modality)]
    modality: Option<Modality>,
    /// List the trash instead.
    #[arg(long)]
    trash: bool,
    #[arg(long, value_enum)]
    sort: Option<SortArg>,
    #[arg(long)]
    limit: Option<u32>,
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SortArg {
    DateDesc,
    DateAsc,
    Title,
    Kind,
    Updated,
    Relevance,
}

pub fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("tipo desconocido «{s}»; use uno de: {}", names.join(", "))
    })
}

pub fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(s).ok_or_else(|| format!("estado desconocido «{s}»; use planned (planeada), done (realizada) o cancelled (cancelada)"))
}

pub fn parse_modality(s: &str) -> Result<Modality, String> {
    Modality::parse(s).ok_or_else(|| format!("modalidad desconocida «{s}»"))
}

impl FilterArgs {
    pub fn to_filter(&self) -> Result<Filter> {
        let countries = self
            .countries
            .iter()
            .map(|c| reference::resolve_country(c).map(|c| c.code.clone()).map_err(|e| anyhow::anyhow!("{e}")))
            .collect::<Result<Vec<_>>>()?;
        let regions = self
            .regions
            .iter()
            .map(|r| {
                reference::find_world_region(r)
                    .map(|r| r.code.clone())
                    .ok_or_else(|| anyhow::anyhow!("«{r}» no corresponde a ninguna región del mundo conocida"))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Filter {
            text: None,
            from: self.from,
            to: self.to,
            kinds: self.kinds.clone(),
            countries,
            regions,
            axes: self.axes.clone(),
            organisation: self.org.clone(),
            person: self.person.clone(),
            statuses: self.statuses.clone(),
            modality: self.modality,
            trash: self.trash,
            sort: match self.sort {
                None | Some(SortArg::DateDesc) => Sort::DateDesc,
                Some(SortArg::DateAsc) => Sort::DateAsc,
                Some(SortArg::Title) => Sort::Title,
                Some(SortArg::Kind) => Sort::Kind,
                Some(SortArg::Updated) => Sort::UpdatedDesc,
                Some(SortArg::Relevance) => Sort::Relevance,
            },
            limit: self.limit,
            offset: self.offset,
        })
    }
}

//! The agreements register ("Registro de convenios"): every signed agreement with its validity
//! on the day it is made, whatever its signing date, grouped by where it stands (expiring within
//! [`EXPIRING_WITHIN_DAYS`] days, in force, with no end date, expired).

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::PartialDate;
use crate::store::{AgreementStanding, Store, Validity, EXPIRING_WITHIN_DAYS};

use super::labels;
use super::words;
use super::{format_count, Block, Column, Document, Figure, Lang, Metadata, Paper, ReportError, Section, Table};

#[derive(Debug, Clone)]
pub struct RegisterRequest {
    /// The day the validity is reckoned on.
    pub today: NaiveDate,
    pub lang: Lang,
    pub paper: Paper,
    pub office: String,
    pub generated: DateTime<Utc>,
}

impl RegisterRequest {
    /// The name a save dialog proposes: `registro-convenios-2026-12-01.pdf`.
    pub fn file_name(&self) -> String {
        format!("{}-{}.pdf", labels::REGISTER_FILE.pick(self.lang), self.today)
    }
}

/// Reads the register from the store and declares the document; a copy with no signed
/// agreement is refused with a message rather than an empty register.
pub fn register_report(store: &Store, request: &RegisterRequest) -> Result<Document, ReportError> {
    let register = store.agreement_register(request.today)?;
    if register.is_empty() {
        return Err(ReportError::NoAgreements);
    }
    Ok(register_document(request, &register))
}

/// Declares the register from its entries, in the order [`Store::agreement_register`] gives.
pub fn register_document(request: &RegisterRequest, register: &[AgreementStanding]) -> Document {
    let lang = request.lang;
    let title = labels::REGISTER.pick(lang);
    let today = words::date(lang, &PartialDate::day(request.today));
    let generated = words::date(lang, &PartialDate::day(request.generated.date_naive()));
    let metadata = Metadata {
        author: request.office.clone(),
        subject: format!("{title}, {today}"),
        keywords: vec![title.to_string()],
        created: request.generated,
    };
    let mut doc = Document::new(title, lang, metadata);
    doc.paper = request.paper;
    doc.header = format!("{title} · {today}");
    doc.footer = format!("{} {generated}", labels::GENERATED_NOTE.pick(lang));
    doc.push(Block::Note(format!("{} · {generated}", request.office)));

    let mut part = Section::new(title);
    part.push(Block::Paragraph(labels::REGISTER_SENTENCE.pick(lang)(&today, register.len(), EXPIRING_WITHIN_DAYS)));
    let count = |v: Validity| register.iter().filter(|a| a.validity == v).count();
    part.push(Block::Figures(
        Validity::ALL.iter().map(|v| Figure::new(format_count(count(*v) as f64), labels::register_group(*v).pick(lang).to_lowercase())).collect(),
    ));
    for validity in Validity::ALL {
        let entries: Vec<&AgreementStanding> = register.iter().filter(|a| a.validity == validity).collect();
        part.push_section(Section::new(validity_heading(lang, validity)).with(Block::Table(table(lang, &entries))));
    }
    doc.push_section(part);
    doc
}

fn validity_heading(lang: Lang, validity: Validity) -> String {
    match validity {
        Validity::Expiring => labels::EXPIRING_HEADING.pick(lang)(EXPIRING_WITHIN_DAYS),
        other => labels::register_group(other).pick(lang).to_string(),
    }
}

fn table(lang: Lang, entries: &[&AgreementStanding]) -> Table {
    // The agreement by its title, which names what it is and with whom (the workbook has the
    // counterparts in a column of their own; a seventh column here would break words).
    let mut table = Table::new(vec![
        Column::new(labels::AGREEMENT_COL.pick(lang), 2.4),
        Column::new(labels::COUNTRY_COL.pick(lang), 1.0),
        Column::new(labels::KIND_COL.pick(lang), 1.5),
        Column::new(labels::SIGNED_COL.pick(lang), 1.2),
        Column::new(labels::VALIDITY_COL.pick(lang), 1.2),
        Column::numeric(labels::DAYS_LEFT_COL.pick(lang), 1.0),
    ]);
    for entry in entries {
        let a = &entry.activity;
        let d = &a.details;
        let signed = d.signed_on.as_ref().unwrap_or(&a.start);
        let kind = d.agreement_type.as_deref().map(|c| words::choice(lang, "agreement_type", c)).unwrap_or_default();
        let until = d.valid_until.as_ref().map(|u| words::date(lang, u)).unwrap_or_default();
        let days = entry.days_left.filter(|d| *d >= 0).map(|d| format_count(d as f64)).unwrap_or_default();
        table.row([a.title.clone(), words::countries(lang, &a.countries), kind, words::date(lang, signed), until, days]);
    }
    table
}

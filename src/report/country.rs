//! The country brief: everything the office logged with one country in a
//! period — context (capital, national day), counts by kind, the
//! counterparts met, each activity, and the follow-up tasks still open.
//! The partner dossier ([`super::partner`]) is the same brief about one partner.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Activity, Kind, PartialDate};
use crate::store::{Filter, Sort, Store};

use super::labels;
use super::words::{self, capitalize, country_name, kind_plural};
use super::{file_name, format_count, Block, Column, Document, Lang, Metadata, Paper, ReportError, Section, Table};

#[derive(Debug, Clone)]
pub struct CountryBriefRequest {
    /// ISO alpha-2 code.
    pub country: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lang: Lang,
    pub paper: Paper,
    pub office: String,
    pub generated: DateTime<Utc>,
}

impl CountryBriefRequest {
    /// The name a save dialog proposes: `ficha-pais-PE-2021-S2.pdf`.
    pub fn file_name(&self) -> String {
        file_name::country_brief(self.lang, &self.country, self.from, self.to)
    }
}

/// Reads the country's activities in the period and declares the brief; a
/// backward period or one with no activity with the country is refused.
pub fn country_brief_report(store: &Store, request: &CountryBriefRequest) -> Result<Document, ReportError> {
    ReportError::check_period(request.from, request.to)?;
    let filter = Filter {
        countries: vec![request.country.clone()],
        from: Some(request.from),
        to: Some(request.to),
        sort: Sort::DateAsc,
        ..Filter::default()
    };
    let activities = store.list(&filter)?.items;
    if activities.is_empty() {
        return Err(ReportError::NoActivities {
            from: request.from,
            to: request.to,
            filtered: false,
            country: Some(request.country.clone()),
        });
    }
    Ok(country_brief_document(request, &activities))
}

/// Declares the brief from the country's activities, in date order.
pub fn country_brief_document(request: &CountryBriefRequest, activities: &[Activity]) -> Document {
    let lang = request.lang;
    let t = Labels::of(lang);
    let period = words::range(lang, &PartialDate::day(request.from), Some(&PartialDate::day(request.to)));
    let subject = Subject {
        kind: t.brief,
        name: country_name(lang, &request.country),
        period,
        context: vec![(t.context.into(), words::country_context(lang, &request.country).unwrap_or_default())],
        leave_out: Vec::new(),
    };
    subject_brief(&subject, lang, request.paper, &request.office, request.generated, activities)
}

/// Who or what a brief is about, and the lines that place it.
pub(super) struct Subject {
    /// "Ficha de país", "Expediente de contraparte".
    pub(super) kind: &'static str,
    pub(super) name: String,
    /// The period covered, in words.
    pub(super) period: String,
    /// Labelled lines printed after the period (capital, national day; a partner's country).
    pub(super) context: Vec<(String, String)>,
    /// Organisations not listed among the counterparts met (the partner itself).
    pub(super) leave_out: Vec<String>,
}

/// The brief of everything logged with a subject (a country, a partner) in date order: the
/// period and context, the activities by kind (and by year when they span several), the
/// counterparts met, each activity, and the follow-up tasks still open.
pub(super) fn subject_brief(subject: &Subject, lang: Lang, paper: Paper, office: &str, generated_at: DateTime<Utc>, activities: &[Activity]) -> Document {
    let t = Labels::of(lang);
    let (name, period) = (&subject.name, &subject.period);
    let generated = words::date(lang, &PartialDate::day(generated_at.date_naive()));
    let metadata = Metadata {
        author: office.to_string(),
        subject: format!("{}: {name}, {period}", subject.kind),
        keywords: vec![subject.kind.to_string(), name.clone()],
        created: generated_at,
    };
    let mut doc = Document::new(format!("{}: {name}", subject.kind), lang, metadata);
    doc.paper = paper;
    doc.header = format!("{}: {name} · {period}", subject.kind);
    doc.footer = format!("{} {generated}", t.generated);

    doc.push(Block::Note(format!("{office} · {generated}")));
    let mut brief = Section::new(name.clone());
    let mut lines = vec![(t.period.into(), capitalize(period))];
    lines.extend(subject.context.iter().cloned());
    lines.push((t.activities.into(), format_count(activities.len() as f64)));
    brief.push(Block::LabelledLines(lines));

    let mut kinds = Table::new(vec![Column::new(t.kind, 3.0), Column::numeric(t.count, 1.0)]);
    for kind in Kind::ALL {
        let n = activities.iter().filter(|a| a.kind == kind).count();
        if n > 0 {
            kinds.row([kind_plural(lang, kind).to_string(), format_count(n as f64)]);
        }
    }
    brief.push_section(Section::new(t.by_kind).with(Block::Table(kinds)));

    let mut years: Vec<(i32, usize)> = Vec::new();
    for a in activities {
        match years.iter_mut().find(|(y, _)| *y == a.start.year_number()) {
            Some((_, n)) => *n += 1,
            None => years.push((a.start.year_number(), 1)),
        }
    }
    if years.len() > 1 {
        years.sort_unstable();
        let mut by_year = Table::new(vec![Column::new(t.year, 3.0), Column::numeric(t.count, 1.0)]);
        years.iter().for_each(|(y, n)| by_year.row([y.to_string(), format_count(*n as f64)]));
        brief.push_section(Section::new(t.by_year).with(Block::Table(by_year)));
    }

    let mut organisations: Vec<(String, usize)> = Vec::new();
    for o in activities.iter().flat_map(|a| &a.organisations).filter(|o| !subject.leave_out.contains(&o.name)) {
        match organisations.iter_mut().find(|(name, _)| *name == o.name) {
            Some((_, n)) => *n += 1,
            None => organisations.push((o.name.clone(), 1)),
        }
    }
    organisations.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let met: Vec<String> = organisations.iter().map(|(name, n)| (t.times)(name, *n)).collect();
    brief.push_section(Section::new(t.counterparts).with(Block::BulletList(met)));

    let mut list = Section::new(t.list);
    activities.iter().flat_map(|a| words::activity_entry(lang, a, &[])).for_each(|b| list.push(b));
    brief.push_section(list);

    let mut open = Table::new(vec![
        Column::new(t.task, 2.4),
        Column::new(t.owner, 1.3),
        Column::new(t.due, 1.2),
        Column::new(t.activity, 2.0),
    ]);
    for a in activities {
        for f in a.follow_ups.iter().filter(|f| !f.done) {
            let due = f.due.as_ref().map(|d| words::date(lang, d)).unwrap_or_default();
            open.row([f.task.clone(), f.owner.clone().unwrap_or_default(), due, a.title.clone()]);
        }
    }
    brief.push_section(Section::new(t.open_tasks).with(Block::Table(open)));
    doc.push_section(brief);
    doc
}

struct Labels {
    brief: &'static str,
    year: &'static str,
    by_year: &'static str,
    generated: &'static str,
    period: &'static str,
    context: &'static str,
    activities: &'static str,
    by_kind: &'static str,
    kind: &'static str,
    count: &'static str,
    counterparts: &'static str,
    times: fn(&str, usize) -> String,
    list: &'static str,
    open_tasks: &'static str,
    task: &'static str,
    owner: &'static str,
    due: &'static str,
    activity: &'static str,
}

impl Labels {
    fn of(lang: Lang) -> Labels {
        Labels {
            brief: labels::COUNTRY_BRIEF.pick(lang),
            year: labels::YEAR_COL.pick(lang),
            by_year: labels::BY_YEAR.pick(lang),
            generated: labels::GENERATED_NOTE.pick(lang),
            period: labels::PERIOD.pick(lang),
            context: labels::CONTEXT.pick(lang),
            activities: labels::ACTIVITIES.pick(lang),
            by_kind: labels::BY_KIND.pick(lang),
            kind: labels::KIND_COL.pick(lang),
            count: labels::ACTIVITIES_COL.pick(lang),
            counterparts: labels::COUNTERPARTS.pick(lang),
            times: labels::TIMES.pick(lang),
            list: labels::LIST.pick(lang),
            open_tasks: labels::OPEN_TASKS.pick(lang),
            task: labels::TASK.pick(lang),
            owner: labels::OWNER.pick(lang),
            due: labels::DUE.pick(lang),
            activity: labels::ACTIVITY.pick(lang),
        }
    }
}


//! The country brief: everything the office logged with one country in a
//! period — context (capital, national day), counts by kind, the
//! counterparts met, each activity, and the follow-up tasks still open.

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
    let name = country_name(lang, &request.country);
    let period = words::range(lang, &PartialDate::day(request.from), Some(&PartialDate::day(request.to)));
    let generated = words::date(lang, &PartialDate::day(request.generated.date_naive()));
    let metadata = Metadata {
        author: request.office.clone(),
        subject: format!("{}: {name}, {period}", t.brief),
        keywords: vec![t.brief.to_string(), name.clone()],
        created: request.generated,
    };
    let mut doc = Document::new(format!("{}: {name}", t.brief), lang, metadata);
    doc.paper = request.paper;
    doc.header = format!("{}: {name} · {period}", t.brief);
    doc.footer = format!("{} {generated}", t.generated);

    doc.push(Block::Note(format!("{} · {generated}", request.office)));
    let mut brief = Section::new(name.clone());
    brief.push(Block::LabelledLines(vec![
        (t.period.into(), capitalize(&period)),
        (t.context.into(), words::country_context(lang, &request.country).unwrap_or_default()),
        (t.activities.into(), format_count(activities.len() as f64)),
    ]));

    let mut kinds = Table::new(vec![Column::new(t.kind, 3.0), Column::numeric(t.count, 1.0)]);
    for kind in Kind::ALL {
        let n = activities.iter().filter(|a| a.kind == kind).count();
        if n > 0 {
            kinds.row([kind_plural(lang, kind).to_string(), format_count(n as f64)]);
        }
    }
    brief.push_section(Section::new(t.by_kind).with(Block::Table(kinds)));

    let mut organisations: Vec<(String, usize)> = Vec::new();
    for o in activities.iter().flat_map(|a| &a.organisations) {
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


//! The period report ("informe"): what the office did between two dates,
//! optionally for some axes, kinds or countries. Every figure is counted
//! from the records the filter selects; nothing is typed.
//!
//! Cover, contents, the presentation written for it, executive summary
//! (figures, charts, top countries), one part per axis (its introduction, then
//! a sub-section per kind of activity), an annex listing every activity with
//! totals, and the sign-off.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::domain::decimal::checked_total;
use crate::domain::{Activity, Kind, PartialDate, Precision, Status};
use crate::store::{Axis, Count, Filter, PeriodCount, Sort, Stats, Store};

use super::labels;
use super::photos;
use super::compare::{self, PreviousPeriod};
use super::years::{self, Breakdown, YearFigures};
use super::words::{self, capitalize, country_name, kind_plural, when};
use super::{
    file_name, format_amount, format_count, BarChart, Block, Choropleth, Column, Cover, Document, Figure, Lang, Metadata, Narrative,
    Paper, ReportError, Section, SignOff, Table,
};

/// Countries listed in the summary's table.
const TOP_COUNTRIES: usize = 10;

/// What to report on and how to print it.
#[derive(Debug, Clone)]
pub struct PeriodRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Axis names; empty means every axis.
    pub axes: Vec<String>,
    pub kinds: Vec<Kind>,
    /// ISO alpha-2 codes.
    pub countries: Vec<String>,
    /// The statuses printed; empty: done activities only, since a report tells what was
    /// done. Planned and cancelled ones, when asked for, are marked as such.
    pub statuses: Vec<Status>,
    pub lang: Lang,
    pub paper: Paper,
    /// The office the report is from (cover, metadata).
    pub office: String,
    /// When the report is generated (footer, file dates).
    pub generated: DateTime<Utc>,
    /// Presentation and axis introductions written for this report.
    pub narrative: Narrative,
    /// The closing "Elaboró / Revisó / Autorizó" block.
    pub sign_off: SignOff,
    /// Year by year: the report is then the period's record (summary and the tables of each
    /// year) rather than the account of every activity, which a semester report gives.
    pub breakdown: Option<Breakdown>,
    /// Show the previous comparable period beside each summary figure, with the difference.
    pub compare: bool,
}

impl PeriodRequest {
    /// A report of every done activity from `from` to `to`, in Spanish on Letter paper, with no
    /// texts of its own: the rest is set field by field.
    pub fn new(from: NaiveDate, to: NaiveDate, office: impl Into<String>, generated: DateTime<Utc>) -> PeriodRequest {
        PeriodRequest {
            from,
            to,
            axes: Vec::new(),
            kinds: Vec::new(),
            countries: Vec::new(),
            statuses: Vec::new(),
            lang: Lang::default(),
            paper: Paper::default(),
            office: office.into(),
            generated,
            narrative: Narrative::default(),
            sign_off: SignOff::default(),
            breakdown: None,
            compare: false,
        }
    }

    /// The store filter selecting the report's activities, oldest first.
    pub fn filter(&self) -> Filter {
        Filter {
            from: Some(self.from),
            to: Some(self.to),
            axes: self.axes.clone(),
            kinds: self.kinds.clone(),
            countries: self.countries.clone(),
            statuses: self.printed_statuses(),
            sort: Sort::DateAsc,
            ..Filter::default()
        }
    }

    /// The statuses the report prints.
    pub fn printed_statuses(&self) -> Vec<Status> {
        if self.statuses.is_empty() {
            vec![Status::Done]
        } else {
            self.statuses.clone()
        }
    }

    /// Whether the request narrows the period to some axes, kinds or countries.
    pub fn is_filtered(&self) -> bool {
        !self.axes.is_empty() || !self.kinds.is_empty() || !self.countries.is_empty()
    }

    /// The name a save dialog proposes: `informe-2021-S2.pdf`.
    pub fn file_name(&self) -> String {
        file_name::period_report(self.lang, self.from, self.to)
    }
}

/// Reads the period's activities and figures from the store and declares
/// the report. A period that ends before it starts, or that has no
/// activities, is refused with a message saying so.
pub fn period_report(store: &Store, request: &PeriodRequest) -> Result<Document, ReportError> {
    ReportError::check_period(request.from, request.to)?;
    let filter = request.filter();
    let stats = store.stats(&filter)?;
    if stats.total == 0 {
        return Err(ReportError::NoActivities {
            from: request.from,
            to: request.to,
            filtered: request.is_filtered(),
            country: None,
        });
    }
    let (activities, years) = match request.breakdown {
        // The record of several years reads only the kinds its tables list one by one.
        Some(Breakdown::Year) => (years::listed_activities(store, &filter)?, years::read_years(store, &filter, &stats)?),
        None => (store.list(&filter)?.items, Vec::new()),
    };
    let previous = if request.compare {
        let (from, to) = compare::previous_period(request.from, request.to);
        Some(PreviousPeriod { from, to, stats: store.stats(&Filter { from: Some(from), to: Some(to), ..filter })? })
    } else {
        None
    };
    let read = |hash: &str| store.attachment_path(hash).and_then(|path| std::fs::read(path).ok()).unwrap_or_default();
    Ok(period_document(request, &activities, &PeriodFigures { stats, years, previous }, &store.axes()?, &read))
}

/// The figures a period report prints, read from the store over the report's filter.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodFigures {
    pub stats: Stats,
    /// Each year's, when the report breaks its period down by year.
    pub years: Vec<YearFigures>,
    /// The previous comparable period's, when the report compares.
    pub previous: Option<PreviousPeriod>,
}

impl From<Stats> for PeriodFigures {
    fn from(stats: Stats) -> PeriodFigures {
        PeriodFigures { stats, years: Vec::new(), previous: None }
    }
}

/// Declares the report from records already read: `activities` in date
/// order (for a record by year, those of the kinds it lists suffice), `figures` over the same filter, `axes` in their order (see `by_axis`);
/// `read_photo` gives an attached file's bytes by its hash (empty when missing).
pub fn period_document(
    request: &PeriodRequest,
    activities: &[Activity],
    figures: &PeriodFigures,
    axes: &[Axis],
    read_photo: &dyn Fn(&str) -> Vec<u8>,
) -> Document {
    let lang = request.lang;
    let t = Labels::of(lang);
    let stats = &figures.stats;
    let period = words::range(lang, &PartialDate::day(request.from), Some(&PartialDate::day(request.to)));
    let generated = words::date(lang, &PartialDate::day(request.generated.date_naive()));

    let metadata = Metadata {
        author: request.office.clone(),
        subject: format!("{} {period}", t.title),
        keywords: vec![t.title.to_string()],
        created: request.generated,
    };
    let mut doc = Document::new(t.title, lang, metadata);
    doc.paper = request.paper;
    doc.header = format!("{} · {period}", t.title);
    doc.footer = format!("{} · {} {generated}", request.office, t.generated);

    let mut details = vec![format!("{} {period}", t.period)];
    if let Some(filters) = describe_filters(request) {
        details.push(filters);
    }
    details.push(format!("{} {generated}", t.generated));
    doc.push(Block::Cover(Cover {
        kicker: request.office.clone(),
        title: t.title.to_string(),
        subtitle: capitalize(&period),
        details,
    }));
    doc.push(Block::TableOfContents);

    let presentation = request.narrative.presentation_section(lang);
    if !presentation.is_empty() {
        doc.push_section(presentation);
        doc.push(Block::PageBreak);
    }
    doc.push_section(summary(lang, &t, &period, stats, figures.previous.as_ref()));
    if request.breakdown.is_some() {
        doc.push(Block::PageBreak);
        doc.push_section(years::years_part(lang, &figures.years, stats, activities));
        doc.push(request.sign_off.block(lang));
        return doc;
    }
    for (axis, items) in by_axis(activities, axes) {
        let introduction = request.narrative.introduction(&axis);
        let title = if axis.is_empty() { t.no_axis.to_string() } else { axis };
        doc.push(Block::PageBreak);
        let mut part = axis_part(lang, &t, title, &items, read_photo);
        // A part's own blocks print under its heading, before its kinds' sub-sections.
        introduction.into_iter().for_each(|b| part.push(b));
        doc.push_section(part);
    }
    doc.push(Block::PageBreak);
    doc.push_section(annex(lang, &t, activities));
    doc.push(request.sign_off.block(lang));
    doc
}

/// "Filtros: eje Ciudad Sustentable; tipo Reunión; país Perú", or nothing.
fn describe_filters(request: &PeriodRequest) -> Option<String> {
    let lang = request.lang;
    let t = Labels::of(lang);
    let mut parts = Vec::new();
    if !request.axes.is_empty() {
        parts.push(format!("{} {}", t.axis_word, request.axes.join(", ")));
    }
    if !request.kinds.is_empty() {
        let kinds: Vec<&str> = request.kinds.iter().map(|k| words::kind(lang, *k)).collect();
        parts.push(format!("{} {}", t.kind_word, kinds.join(", ")));
    }
    if !request.countries.is_empty() {
        parts.push(format!("{} {}", t.country_word, words::countries(lang, &request.countries)));
    }
    (!parts.is_empty()).then(|| format!("{} {}", t.filters, parts.join("; ")))
}

fn summary(lang: Lang, t: &Labels, period: &str, stats: &Stats, previous: Option<&PreviousPeriod>) -> Section {
    let mut s = Section::new(t.summary);
    let axes = stats.by_axis.iter().filter(|c| !c.key.is_empty()).count();
    s.push(Block::Paragraph((t.summary_sentence)(period, stats.total, stats.by_country.len(), axes)));

    let mut figures = vec![
        Figure::new(format_count(stats.total as f64), t.activities_figure),
        Figure::new(format_count(stats.by_country.len() as f64), t.countries_figure),
    ];
    if stats.participants_trained > 0 {
        figures.push(Figure::new(format_count(stats.participants_trained as f64), t.trained_figure));
    }
    for money in &stats.financing {
        if let Ok(total) = money.total.parse::<Decimal>() {
            figures.push(Figure::new(format_amount(total, &money.currency), t.financing_figure));
        }
    }
    s.push(Block::Figures(figures));
    if let Some(previous) = previous {
        s.push_section(compare::comparison(lang, stats, previous));
    }

    let kinds: Vec<Count> = stats
        .by_kind
        .iter()
        .map(|c| Count { key: Kind::parse(&c.key).map_or(c.key.clone(), |k| kind_plural(lang, k).to_string()), count: c.count })
        .collect();
    s.push_section(Section::new(t.by_kind).with(chart(&kinds)));
    let axes: Vec<Count> = stats
        .by_axis
        .iter()
        .map(|c| Count { key: if c.key.is_empty() { t.no_axis.to_string() } else { c.key.clone() }, count: c.count })
        .collect();
    s.push_section(Section::new(t.by_axis).with(chart(&axes)));
    let months = by_month(lang, &stats.by_month);
    s.push_section(Section::new(t.by_month).with(chart(&months)));

    let mut countries = Table::new(vec![Column::new(t.country_col, 3.0), Column::numeric(t.activities_col, 1.0), Column::numeric("%", 1.0)]);
    let with_country: u64 = stats.by_country.iter().map(|c| c.count).sum();
    for c in stats.by_country.iter().take(TOP_COUNTRIES) {
        let share = if with_country == 0 { 0.0 } else { 100.0 * c.count as f64 / with_country as f64 };
        countries.row([country_name(lang, &c.key), format_count(c.count as f64), format!("{share:.1}")]);
    }
    let mut top = Section::new(t.top_countries);
    if stats.by_country.len() > TOP_COUNTRIES {
        top.push(Block::Note((t.top_note)(TOP_COUNTRIES, stats.by_country.len())));
    }
    top.push(Block::Table(countries));
    s.push_section(top);
    let map = Choropleth {
        values: stats.by_country.iter().map(|c| (c.key.clone(), c.count as f64)).collect(),
        legend: t.activities_col.to_string(),
        description: labels::MAP_DESCRIPTION.pick(lang).to_string(),
    };
    s.push_section(Section::new(labels::MAP.pick(lang)).with(Block::Map(map)));
    s
}

/// A bar chart under a heading that already names it.
pub(super) fn chart(counts: &[Count]) -> Block {
    let mut chart = BarChart::new("");
    for c in counts {
        chart = chart.bar(c.key.clone(), c.count as f64);
    }
    Block::BarChart(chart)
}

/// Activities taking place in each month of the period, empty months included (a long
/// project counts in every month it runs, as the app's list and dashboard count it).
fn by_month(lang: Lang, months: &[PeriodCount]) -> Vec<Count> {
    months.iter().map(|c| Count { key: month_label(lang, &c.key), count: c.count }).collect()
}

/// "2021-07" → "julio de 2021" / "July 2021".
fn month_label(lang: Lang, key: &str) -> String {
    let parsed = key.split_once('-').and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)));
    match parsed.and_then(|(y, m)| PartialDate::month(y, m)) {
        Some(month) => capitalize(&words::date(lang, &month)),
        None => key.to_string(),
    }
}

/// Activities grouped by axis. The parts in print order: cross-cutting axes first, then the other axes in their order,
/// then axes not listed (by name), "no axis" last. Axes without activities print nothing.
fn by_axis<'a>(activities: &'a [Activity], axes: &[Axis]) -> Vec<(String, Vec<&'a Activity>)> {
    let (cross_cutting, others): (Vec<&Axis>, Vec<&Axis>) = axes.iter().partition(|a| a.cross_cutting);
    let mut groups: Vec<(String, Vec<&Activity>)> =
        cross_cutting.into_iter().chain(others).map(|a| (a.name.clone(), Vec::new())).collect();
    let known = groups.len();
    for a in activities {
        let axis = a.axis.clone().unwrap_or_default();
        match groups.iter_mut().find(|(name, _)| *name == axis) {
            Some((_, items)) => items.push(a),
            None => groups.push((axis, vec![a])),
        }
    }
    groups[known..].sort_by(|a, b| (a.0.is_empty(), &a.0).cmp(&(b.0.is_empty(), &b.0)));
    groups.retain(|(_, items)| !items.is_empty());
    groups
}

/// One part: a sub-section per kind, each in the form its kind is
/// reported in. An entry's marked photos print after it; those of kinds
/// reported as a table, after the table.
fn axis_part(lang: Lang, t: &Labels, title: String, items: &[&Activity], read_photo: &dyn Fn(&str) -> Vec<u8>) -> Section {
    let mut part = Section::new(title);
    for kind in Kind::ALL {
        let of_kind: Vec<&Activity> = items.iter().copied().filter(|a| a.kind == kind).collect();
        let mut s = Section::new(kind_plural(lang, kind));
        let photos = |s: &mut Section, a: &Activity| s.push(photos::marked(lang, a, read_photo));
        match kind {
            Kind::Illumination => illuminations(&mut s, lang, t, &of_kind),
            Kind::Financing => financing(&mut s, lang, t, &of_kind),
            Kind::Agreement => s.push(Block::Table(agreements(lang, t, &of_kind))),
            _ => {}
        }
        let free_press = kind == Kind::Press && press_costs_nothing(&of_kind);
        let ordered = if kind == Kind::Training { by_provider(&of_kind) } else { of_kind.clone() };
        for a in ordered {
            match kind {
                Kind::Illumination | Kind::Financing | Kind::Agreement => {}
                Kind::Training => training(&mut s, lang, t, a),
                Kind::Event => {
                    words::activity_entry(lang, a, &["registered", "countries_count", "sessions"]).into_iter().for_each(|b| s.push(b));
                    s.push(Block::Figures(numeralia(t, a)));
                }
                // The cost of nothing is said once, after the section.
                Kind::Press if free_press => words::activity_entry(lang, a, &["cost"]).into_iter().for_each(|b| s.push(b)),
                _ => words::activity_entry(lang, a, &[]).into_iter().for_each(|b| s.push(b)),
            }
            photos(&mut s, a);
        }
        if free_press {
            s.push(Block::Paragraph(t.no_press_cost.to_string()));
        }
        part.push_section(s);
    }
    part
}

/// An event's figures ("numeralia"): registered people, countries, sessions.
fn numeralia(t: &Labels, a: &Activity) -> Vec<Figure> {
    let d = &a.details;
    [(d.registered, t.registered_figure), (d.countries_count, t.event_countries_figure), (d.sessions, t.sessions_figure)]
        .into_iter()
        .filter_map(|(value, label)| value.map(|v| Figure::new(format_count(f64::from(v)), label)))
        .collect()
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// Illuminations in two tables, as informes list them: international days (the reference
/// calendar's observances) and the national days and other dates of countries.
fn illuminations(s: &mut Section, lang: Lang, t: &Labels, items: &[&Activity]) {
    let (international, national): (Vec<&Activity>, Vec<&Activity>) = items.iter().copied().partition(|a| is_international_day(a));
    for (title, group) in [(t.national_days, national), (t.international_days, international)] {
        if group.is_empty() {
            continue;
        }
        s.push(Block::Heading { level: 4, text: title.to_string() });
        s.push(Block::Table(illumination_table(lang, t, &group)));
    }
}

/// Whether an illumination marks an international day: on the date of one of the reference
/// calendar's observances, or named so ("Día Internacional de…", "Día Mundial de…").
fn is_international_day(a: &Activity) -> bool {
    let occasion = crate::text::fold(a.details.occasion.as_deref().unwrap_or(&a.title));
    let on_observance = a.start.precision() == Precision::Day
        && crate::reference::observances_in(a.start.year_number()).iter().any(|(date, _)| *date == a.start.first_day());
    on_observance || occasion.contains("dia internacional") || occasion.contains("dia mundial") || occasion.contains("international day")
}

fn illumination_table(lang: Lang, t: &Labels, items: &[&Activity]) -> Table {
    let mut table = Table::new(vec![
        Column::new(t.date_col, 1.1),
        Column::new(t.monument_col, 1.5),
        Column::new(t.occasion_col, 2.1),
        Column::new(t.requested_col, 1.8),
    ]);
    for a in items {
        let d = &a.details;
        let occasion = words::marked(lang, a.status, d.occasion.as_deref().unwrap_or(&a.title));
        let requested = d.requested_by.clone().unwrap_or_else(|| words::countries(lang, &a.countries));
        // Colours and who lit it travel with the monument: "Ángel de la Independencia (rojo y blanco; Alumbrado Público)".
        let about: Vec<&str> = [d.colors.as_deref(), d.executed_by.as_deref()].into_iter().flatten().collect();
        let monument = match (text(&d.monument), about.is_empty()) {
            (m, true) => m,
            (m, false) => format!("{m} ({})", about.join("; ")).trim().to_string(),
        };
        table.row([when(lang, a), monument, occasion, requested]);
    }
    table
}

/// Financing received: grants with their amounts and totals, then donations in kind apart.
fn financing(s: &mut Section, lang: Lang, t: &Labels, items: &[&Activity]) {
    let (grants, in_kind): (Vec<&Activity>, Vec<&Activity>) = items.iter().copied().partition(|a| a.details.amount.is_some());
    if !grants.is_empty() {
        s.push(Block::Table(financing_table(lang, t, &grants)));
    }
    if !in_kind.is_empty() {
        s.push(Block::Heading { level: 4, text: t.in_kind_title.to_string() });
        let mut table = Table::new(vec![Column::new(t.project_col, 2.0), Column::new(t.organisation_col, 1.6), Column::new(t.in_kind_col, 2.4), Column::new(t.date_col, 1.2)]);
        for a in in_kind {
            let organisation = a.details.donor.clone().unwrap_or_default();
            table.row([words::title(lang, a), organisation, text(&a.details.in_kind), when(lang, a)]);
        }
        s.push(Block::Table(table));
    }
}

fn financing_table(lang: Lang, t: &Labels, items: &[&Activity]) -> Table {
    let mut table = Table::new(vec![
        Column::new(t.project_col, 2.0),
        Column::new(t.organisation_col, 1.6),
        Column::numeric(t.amount_col, 1.3),
        Column::new(t.start_col, 1.2),
        Column::new(t.end_col, 1.2),
        Column::new(t.duration_col, 0.9),
    ]);
    let mut amounts: Vec<(String, Vec<Decimal>)> = Vec::new();
    for a in items {
        let d = &a.details;
        let currency = d.currency.clone().unwrap_or_default();
        let mut amount = d.amount.map(|m| format_amount(m, &currency)).unwrap_or_default();
        if let Some(mxn) = d.amount_mxn {
            amount = format!("{amount}\n({})", format_amount(mxn, "MXN"));
        }
        let project = match &d.purpose {
            Some(purpose) => format!("{}\n{purpose}", words::title(lang, a)),
            None => words::title(lang, a),
        };
        if let Some(m) = d.amount {
            match amounts.iter_mut().find(|(c, _)| *c == currency) {
                Some((_, values)) => values.push(m),
                None => amounts.push((currency.clone(), vec![m])),
            }
        }
        let organisation = d.donor.clone().unwrap_or_else(|| a.organisations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join("; "));
        let end = a.end.as_ref().map(|e| words::date(lang, e)).unwrap_or_default();
        table.row([project, organisation, amount, words::date(lang, &a.start), end, duration(lang, a)]);
    }
    // Past the decimal ceiling the cell says so instead of a figure. `Store::stats` refuses such
    // a period first, so this is for documents declared from records read elsewhere.
    let sums: Vec<String> = amounts
        .into_iter()
        .map(|(c, values)| checked_total(values).map_or_else(|| (t.total_too_large)(&c), |sum| format_amount(sum, &c)))
        .collect();
    table.totals = Some(vec![t.total.to_string(), String::new(), sums.join("\n")]);
    table
}

/// "12 meses", "45 días": how long a dated span lasts.
fn duration(lang: Lang, a: &Activity) -> String {
    let Some(end) = a.end else { return String::new() };
    let days = (end.last_day() - a.start.first_day()).num_days() + 1;
    if days <= 0 {
        return String::new();
    }
    let (n, unit) = if days >= 60 { ((days as f64 / 30.44).round() as i64, 1) } else { (days, 0) };
    let label = match (lang, unit, n == 1) {
        (Lang::Es, 1, true) => "mes",
        (Lang::Es, 1, false) => "meses",
        (Lang::Es, _, true) => "día",
        (Lang::Es, _, false) => "días",
        (Lang::En, 1, true) => "month",
        (Lang::En, 1, false) => "months",
        (Lang::En, _, true) => "day",
        (Lang::En, _, false) => "days",
    };
    format!("{n} {label}")
}

fn agreements(lang: Lang, t: &Labels, items: &[&Activity]) -> Table {
    let mut table = Table::new(vec![
        Column::new(t.date_col, 1.2),
        Column::new(t.counterpart_col, 2.4),
        Column::new(t.type_col, 1.6),
        Column::new(t.validity_col, 1.4),
    ]);
    for a in items {
        let d = &a.details;
        let date = d.signed_on.as_ref().map_or_else(|| when(lang, a), |s| words::date(lang, s));
        let counterpart = if d.parties.is_empty() {
            a.organisations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join("; ")
        } else {
            d.parties.join("; ")
        };
        let kind = d.agreement_type.as_deref().map(|c| words::choice(lang, "agreement_type", c)).unwrap_or_default();
        let status = d.agreement_status.as_deref().map(|c| words::choice(lang, "agreement_status", c));
        let validity = match (&d.valid_until, status) {
            (Some(until), Some(status)) => format!("{} ({})", words::date(lang, until), status.to_lowercase()),
            (Some(until), None) => words::date(lang, until),
            (None, Some(status)) => status,
            (None, None) => String::new(),
        };
        table.row([date, counterpart, kind, validity]);
    }
    table
}

/// Trainings grouped by who gave them, each provider in the order it first appears.
fn by_provider<'a>(items: &[&'a Activity]) -> Vec<&'a Activity> {
    let mut providers: Vec<Option<&str>> = Vec::new();
    for a in items {
        if !providers.contains(&a.details.provider.as_deref()) {
            providers.push(a.details.provider.as_deref());
        }
    }
    providers.iter().flat_map(|p| items.iter().copied().filter(move |a| a.details.provider.as_deref() == *p)).collect()
}

/// Whether every press piece says it cost the city nothing: then the section says so once.
fn press_costs_nothing(items: &[&Activity]) -> bool {
    !items.is_empty() && items.iter().all(|a| a.details.cost.as_deref().is_some_and(costs_nothing))
}

/// Whether a press piece's cost says it cost nothing: "ninguno", "sin costo", "0", "$0.00 MXN", "none".
fn costs_nothing(cost: &str) -> bool {
    let folded = crate::text::fold(cost);
    let said = folded.trim().trim_end_matches('.');
    let figure: String = said.replace("mxn", "").chars().filter(|c| !matches!(c, '$' | ' ' | ',' | '.')).collect();
    ["ninguno", "ninguna", "nada", "sin costo", "gratuito", "gratuita", "none", "no cost", "free"].contains(&said)
        || (!figure.is_empty() && figure.chars().all(|c| c == '0'))
}

/// A training as reports print it: its title, then `Fecha:` · `Modalidad:`
/// · `Participantes:` · `Objetivo del curso:` · `Lugar:` lines.
fn training(s: &mut Section, lang: Lang, t: &Labels, a: &Activity) {
    let d = &a.details;
    let mut participants = d.participants.map(|n| n.to_string()).unwrap_or_default();
    if let (Some(women), Some(men)) = (d.women, d.men) {
        participants = format!("{participants} {}", (t.women_and_men)(women, men)).trim().to_string();
    }
    if !d.units.is_empty() {
        participants = [participants, d.units.join(", ")].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ");
    }
    let mut place = text(&a.place);
    if !a.countries.is_empty() {
        place = [place, words::countries(lang, &a.countries)].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ");
    }
    s.push(Block::Heading { level: 4, text: words::title(lang, a) });
    let mut lines = vec![
        (t.date_label.into(), when(lang, a)),
        (t.modality_label.into(), a.modality.map(|m| words::modality(lang, m).to_string()).unwrap_or_default()),
        (t.provider_label.into(), text(&d.provider)),
        (t.participants_label.into(), participants),
        (t.objective_label.into(), text(&d.objective)),
        (t.place_label.into(), place),
    ];
    // Hours, edition, and any detail the lines above do not print.
    lines.extend(words::detail_lines(lang, a, &["participants", "women", "men", "units", "provider", "objective"]));
    s.push(Block::LabelledLines(lines));
    if let Some(summary) = &a.summary {
        s.push(Block::Paragraph(summary.clone()));
    }
}

fn annex(lang: Lang, t: &Labels, activities: &[Activity]) -> Section {
    let mut list = Table::new(vec![
        Column::numeric("#", 0.65),
        Column::new(t.date_col, 1.5),
        Column::new(t.activity_col, 2.8),
        Column::new(t.type_col, 1.6),
        Column::new(t.countries_col, 1.2),
        Column::new(t.axis_col, 1.4),
    ]);
    for (n, a) in activities.iter().enumerate() {
        list.row([
            (n + 1).to_string(),
            when(lang, a),
            words::title(lang, a),
            words::kind(lang, a.kind).to_string(),
            words::countries(lang, &a.countries),
            text(&a.axis),
        ]);
    }
    list.totals = Some(vec![String::new(), t.total.to_string(), (t.activities_total)(activities.len())]);

    let mut totals = Table::new(vec![Column::new(t.type_col, 3.0), Column::numeric(t.activities_col, 1.0)]);
    for kind in Kind::ALL {
        let n = activities.iter().filter(|a| a.kind == kind).count();
        if n > 0 {
            totals.row([kind_plural(lang, kind).to_string(), format_count(n as f64)]);
        }
    }
    totals.totals = Some(vec![t.total.to_string(), format_count(activities.len() as f64)]);

    let mut annex = Section::new(t.annex);
    if !activities.is_empty() {
        annex.push(Block::Table(list));
        annex.push(Block::Heading { level: 3, text: t.totals_by_kind.to_string() });
        annex.push(Block::Table(totals));
    }
    annex
}

/// Every label the report prints, per language.
struct Labels {
    title: &'static str,
    summary: &'static str,
    summary_sentence: fn(&str, u64, usize, usize) -> String,
    activities_figure: &'static str,
    countries_figure: &'static str,
    trained_figure: &'static str,
    financing_figure: &'static str,
    registered_figure: &'static str,
    sessions_figure: &'static str,
    event_countries_figure: &'static str,
    by_kind: &'static str,
    by_axis: &'static str,
    by_month: &'static str,
    top_countries: &'static str,
    top_note: fn(usize, usize) -> String,
    no_axis: &'static str,
    annex: &'static str,
    totals_by_kind: &'static str,
    activities_total: fn(usize) -> String,
    generated: &'static str,
    period: &'static str,
    filters: &'static str,
    axis_word: &'static str,
    kind_word: &'static str,
    country_word: &'static str,
    total: &'static str,
    total_too_large: fn(&str) -> String,
    date_col: &'static str,
    activity_col: &'static str,
    type_col: &'static str,
    countries_col: &'static str,
    axis_col: &'static str,
    country_col: &'static str,
    activities_col: &'static str,
    monument_col: &'static str,
    occasion_col: &'static str,
    requested_col: &'static str,
    project_col: &'static str,
    organisation_col: &'static str,
    amount_col: &'static str,
    start_col: &'static str,
    end_col: &'static str,
    duration_col: &'static str,
    counterpart_col: &'static str,
    validity_col: &'static str,
    date_label: &'static str,
    modality_label: &'static str,
    provider_label: &'static str,
    participants_label: &'static str,
    objective_label: &'static str,
    national_days: &'static str,
    international_days: &'static str,
    in_kind_title: &'static str,
    in_kind_col: &'static str,
    no_press_cost: &'static str,
    women_and_men: fn(u32, u32) -> String,
    place_label: &'static str,
}

impl Labels {
    fn of(lang: Lang) -> Labels {
        Labels {
            title: labels::TITLE.pick(lang),
            summary: labels::SUMMARY.pick(lang),
            summary_sentence: labels::SUMMARY_SENTENCE.pick(lang),
            activities_figure: labels::ACTIVITIES_FIGURE.pick(lang),
            countries_figure: labels::COUNTRIES_FIGURE.pick(lang),
            trained_figure: labels::TRAINED_FIGURE.pick(lang),
            financing_figure: labels::FINANCING_FIGURE.pick(lang),
            registered_figure: labels::REGISTERED_FIGURE.pick(lang),
            sessions_figure: labels::SESSIONS_FIGURE.pick(lang),
            event_countries_figure: labels::EVENT_COUNTRIES_FIGURE.pick(lang),
            by_kind: labels::BY_KIND.pick(lang),
            by_axis: labels::BY_AXIS.pick(lang),
            by_month: labels::BY_MONTH.pick(lang),
            top_countries: labels::TOP_COUNTRIES.pick(lang),
            top_note: labels::TOP_NOTE.pick(lang),
            no_axis: labels::NO_AXIS.pick(lang),
            annex: labels::ANNEX.pick(lang),
            totals_by_kind: labels::TOTALS_BY_KIND.pick(lang),
            activities_total: labels::ACTIVITIES_TOTAL.pick(lang),
            generated: labels::GENERATED_REPORT.pick(lang),
            period: labels::PERIOD.pick(lang),
            filters: labels::FILTERS.pick(lang),
            axis_word: labels::AXIS_WORD.pick(lang),
            kind_word: labels::KIND_WORD.pick(lang),
            country_word: labels::COUNTRY_WORD.pick(lang),
            total: labels::TOTAL.pick(lang),
            total_too_large: labels::TOTAL_TOO_LARGE.pick(lang),
            date_col: labels::DATE_COL.pick(lang),
            activity_col: labels::ACTIVITY.pick(lang),
            type_col: labels::KIND_COL.pick(lang),
            countries_col: labels::COUNTRIES_COL.pick(lang),
            axis_col: labels::AXIS_COL.pick(lang),
            country_col: labels::COUNTRY_COL.pick(lang),
            activities_col: labels::ACTIVITIES_COL.pick(lang),
            monument_col: labels::MONUMENT_COL.pick(lang),
            occasion_col: labels::OCCASION_COL.pick(lang),
            requested_col: labels::REQUESTED_COL.pick(lang),
            project_col: labels::PROJECT_COL.pick(lang),
            organisation_col: labels::ORGANISATION_COL.pick(lang),
            amount_col: labels::AMOUNT_COL.pick(lang),
            start_col: labels::START_COL.pick(lang),
            end_col: labels::END_COL.pick(lang),
            duration_col: labels::DURATION_COL.pick(lang),
            counterpart_col: labels::COUNTERPART_COL.pick(lang),
            validity_col: labels::VALIDITY_COL.pick(lang),
            date_label: labels::DATE.pick(lang),
            modality_label: labels::MODALITY.pick(lang),
            provider_label: labels::PROVIDER_LABEL.pick(lang),
            participants_label: labels::PARTICIPANTS_LABEL.pick(lang),
            objective_label: labels::OBJECTIVE_LABEL.pick(lang),
            national_days: labels::NATIONAL_DAYS.pick(lang),
            international_days: labels::INTERNATIONAL_DAYS.pick(lang),
            in_kind_title: labels::IN_KIND_TITLE.pick(lang),
            in_kind_col: labels::IN_KIND_COL.pick(lang),
            no_press_cost: labels::NO_PRESS_COST.pick(lang),
            women_and_men: labels::WOMEN_AND_MEN.pick(lang),
            place_label: labels::PLACE.pick(lang),
        }
    }
}


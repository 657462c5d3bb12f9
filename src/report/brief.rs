//! The brief ("ficha informativa"): one or two pages on one activity for
//! whoever attends or signs: what, when, where and how; the counterparts
//! with their posts; a context line per country (capital, national day);
//! objectives, kind-specific details, outcomes, photos, follow-up tasks,
//! and the antecedentes: earlier activities with the same counterparts.

use chrono::{DateTime, Utc};

use crate::domain::{Activity, ActivityId, PartialDate};
use crate::store::{Filter, Sort, Store, StoreError};

use super::labels;
use super::words::{self, capitalize, when};
use super::{file_name, Block, Column, Document, Lang, Metadata, Paper, Photo, Section, Table};

/// Earlier activities listed per brief, newest first.
const ANTECEDENTS: usize = 12;
/// Photos printed per brief.
const PHOTOS: usize = 4;

#[derive(Debug, Clone)]
pub struct BriefRequest {
    pub id: ActivityId,
    pub lang: Lang,
    pub paper: Paper,
    pub office: String,
    pub generated: DateTime<Utc>,
}

impl BriefRequest {
    /// The name a save dialog proposes for the brief of the activity titled
    /// `title`: `ficha-reunion-con-la-embajada-de-francia.pdf`.
    pub fn file_name(&self, title: &str) -> String {
        file_name::brief(self.lang, title)
    }
}

/// Reads the activity and its antecedentes from the store and declares the
/// brief.
pub fn brief_report(store: &Store, request: &BriefRequest) -> Result<Document, StoreError> {
    let activity = store
        .get(&request.id)?
        .ok_or_else(|| StoreError::NotFound { entity: "actividad", id: request.id.to_string() })?;
    let antecedents = antecedents(store, &activity)?;
    let photos = photos(store, &activity)?;
    Ok(brief_document(request, &activity, &antecedents, photos))
}

/// The activity's attached JPEG and PNG pictures, captioned with their file
/// names.
fn photos(store: &Store, activity: &Activity) -> Result<Vec<Photo>, StoreError> {
    let mut photos = Vec::new();
    for attachment in activity.attachments.iter().filter(|a| a.is_photo()) {
        if let Some(path) = store.attachment_path(&attachment.hash) {
            photos.push(Photo { data: std::fs::read(path)?, caption: attachment.file_name.clone() });
        }
        if photos.len() == PHOTOS {
            break;
        }
    }
    Ok(photos)
}

/// Activities with any of the same organisations that started before this
/// one, newest first.
fn antecedents(store: &Store, activity: &Activity) -> Result<Vec<Activity>, StoreError> {
    let before = activity.start.first_day().pred_opt();
    let mut found: Vec<Activity> = Vec::new();
    for organisation in &activity.organisations {
        let filter = Filter {
            organisation: Some(organisation.id.to_string()),
            to: before,
            sort: Sort::DateDesc,
            limit: Some(ANTECEDENTS as u32),
            ..Filter::default()
        };
        for earlier in store.list(&filter)?.items {
            if earlier.id != activity.id && earlier.start < activity.start && !found.iter().any(|f| f.id == earlier.id) {
                found.push(earlier);
            }
        }
    }
    found.sort_by_key(|a| std::cmp::Reverse(a.start));
    found.truncate(ANTECEDENTS);
    Ok(found)
}

/// Declares the brief from records already read.
pub fn brief_document(request: &BriefRequest, a: &Activity, antecedents: &[Activity], photos: Vec<Photo>) -> Document {
    let lang = request.lang;
    let t = Labels::of(lang);
    let generated = words::date(lang, &PartialDate::day(request.generated.date_naive()));
    let metadata = Metadata {
        author: request.office.clone(),
        subject: format!("{}: {}", t.brief, a.title),
        keywords: vec![t.brief.to_string(), words::kind(lang, a.kind).to_string()],
        created: request.generated,
    };
    let mut doc = Document::new(format!("{}: {}", t.brief, a.title), lang, metadata);
    doc.paper = request.paper;
    doc.header = format!("{} · {}", t.brief, a.title);
    doc.footer = format!("{} {generated}", t.generated);

    doc.push(Block::Note(format!("{} · {generated}", request.office)));
    let mut brief = Section::new(a.title.clone());

    let status = match lang {
        Lang::Es => a.status.label_es(),
        Lang::En => a.status.label_en(),
    };
    brief.push(Block::LabelledLines(vec![
        (t.kind.into(), words::kind(lang, a.kind).into()),
        (t.date.into(), capitalize(&when(lang, a))),
        (t.time.into(), time(a)),
        (t.place.into(), a.place.clone().unwrap_or_default()),
        (t.modality.into(), a.modality.map(|m| words::modality(lang, m).to_string()).unwrap_or_default()),
        (t.countries.into(), words::countries(lang, &a.countries)),
        (t.axis.into(), a.axis.clone().unwrap_or_default()),
        (t.status.into(), status.into()),
    ]));

    let mut people: Vec<String> = a
        .organisations
        .iter()
        .map(|o| match &o.role {
            Some(role) => format!("{} ({role})", o.name),
            None => o.name.clone(),
        })
        .collect();
    people.extend(a.people.iter().map(|p| {
        let about: Vec<&str> = [p.post.as_deref(), p.organisation.as_deref()].into_iter().flatten().collect();
        if about.is_empty() { p.name.clone() } else { format!("{} — {}", p.name, about.join(", ")) }
    }));
    brief.push_section(Section::new(t.counterparts).with(Block::BulletList(people)));

    let context: Vec<String> = a.countries.iter().filter_map(|code| words::country_context(lang, code)).collect();
    brief.push_section(Section::new(t.context).with(Block::BulletList(context)));

    let mut about = Section::new(t.description);
    if let Some(summary) = &a.summary {
        about.push(Block::Paragraph(summary.clone()));
    }
    brief.push_section(about);

    let mut objectives = Section::new(t.objectives);
    if let Some(objective) = &a.details.objective {
        objectives.push(Block::Paragraph(objective.clone()));
    }
    objectives.push(Block::BulletList(a.topics.clone()));
    brief.push_section(objectives);

    brief.push_section(Section::new(t.details).with(Block::LabelledLines(words::detail_lines(lang, a, &["objective"]))));

    let mut outcomes = Section::new(t.outcomes);
    if let Some(text) = &a.outcomes {
        outcomes.push(Block::Paragraph(text.clone()));
    }
    brief.push_section(outcomes);

    let mut pictures = Section::new(t.photos);
    pictures.push(Block::Photos(photos));
    brief.push_section(pictures);

    let mut tasks = Table::new(vec![
        Column::new(t.task, 3.0),
        Column::new(t.owner, 1.5),
        Column::new(t.due, 1.3),
        Column::new(t.state, 0.9),
    ]);
    for f in &a.follow_ups {
        let due = f.due.as_ref().map(|d| words::date(lang, d)).unwrap_or_default();
        let state = if f.done { t.done } else { t.pending };
        tasks.row([f.task.clone(), f.owner.clone().unwrap_or_default(), due, state.to_string()]);
    }
    brief.push_section(Section::new(t.follow_ups).with(Block::Table(tasks)));

    let mut earlier = Table::new(vec![Column::new(t.date.trim_end_matches(':'), 1.4), Column::new(t.activity, 3.2), Column::new(t.kind.trim_end_matches(':'), 1.3)]);
    for e in antecedents {
        earlier.row([when(lang, e), e.title.clone(), words::kind(lang, e.kind).to_string()]);
    }
    brief.push_section(Section::new(t.antecedents).with(Block::Table(earlier)));

    doc.push_section(brief);
    doc
}

fn time(a: &Activity) -> String {
    match (&a.start_time, &a.end_time) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => start.clone(),
        _ => String::new(),
    }
}

struct Labels {
    brief: &'static str,
    generated: &'static str,
    kind: &'static str,
    date: &'static str,
    time: &'static str,
    place: &'static str,
    modality: &'static str,
    countries: &'static str,
    axis: &'static str,
    status: &'static str,
    counterparts: &'static str,
    context: &'static str,
    description: &'static str,
    objectives: &'static str,
    details: &'static str,
    outcomes: &'static str,
    follow_ups: &'static str,
    task: &'static str,
    owner: &'static str,
    due: &'static str,
    state: &'static str,
    done: &'static str,
    pending: &'static str,
    antecedents: &'static str,
    activity: &'static str,
    photos: &'static str,
}

impl Labels {
    fn of(lang: Lang) -> Labels {
        Labels {
            brief: labels::BRIEFING_NOTE.pick(lang),
            generated: labels::GENERATED_NOTE.pick(lang),
            kind: labels::KIND.pick(lang),
            date: labels::DATE.pick(lang),
            time: labels::TIME.pick(lang),
            place: labels::PLACE.pick(lang),
            modality: labels::MODALITY.pick(lang),
            countries: labels::COUNTRIES.pick(lang),
            axis: labels::AXIS.pick(lang),
            status: labels::STATUS.pick(lang),
            counterparts: labels::COUNTERPARTS.pick(lang),
            context: labels::COUNTRY_CONTEXT.pick(lang),
            description: labels::DESCRIPTION.pick(lang),
            objectives: labels::OBJECTIVES.pick(lang),
            details: labels::DETAILS.pick(lang),
            outcomes: labels::OUTCOMES.pick(lang),
            follow_ups: labels::FOLLOW_UPS.pick(lang),
            task: labels::TASK.pick(lang),
            owner: labels::OWNER.pick(lang),
            due: labels::DUE.pick(lang),
            state: labels::STATE.pick(lang),
            done: labels::DONE.pick(lang),
            pending: labels::PENDING.pick(lang),
            antecedents: labels::ANTECEDENTS.pick(lang),
            activity: labels::ACTIVITY.pick(lang),
            photos: labels::PHOTOS.pick(lang),
        }
    }
}


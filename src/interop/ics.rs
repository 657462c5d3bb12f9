//! Records to iCalendar (RFC 5545): a VEVENT per activity (all-day when only the date is
//! known, timed in the office's zone when the record has times) and a VTODO per follow-up
//! with a due date. UIDs come from record ids, so re-exporting updates the same entries in
//! a calendar instead of duplicating them.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::domain::{Activity, Precision, Status};
use crate::job::{Cancelled, Progress};
use crate::Lang;

/// The zone that times of day are written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsZone {
    /// America/Mexico_City, with its daylight-saving rules up to their end in October 2022.
    MexicoCity,
    /// Another zone, with the VTIMEZONE block (BEGIN:VTIMEZONE … END:VTIMEZONE) describing it.
    Custom { tzid: String, vtimezone: String },
    /// Times without a zone: read as local time wherever the calendar is opened.
    Floating,
}

impl IcsZone {
    /// A zone by name: "America/Mexico_City" or "floating" ("flotante"). Other zones need
    /// their VTIMEZONE block: build [`IcsZone::Custom`].
    pub fn named(name: &str) -> Result<IcsZone, crate::interop::Problem> {
        match crate::text::fold(name).as_str() {
            "america mexico city" | "cdmx" | "mexico city" => Ok(IcsZone::MexicoCity),
            "floating" | "flotante" => Ok(IcsZone::Floating),
            _ => Err(crate::interop::Problem::new(
                format!("zona horaria «{name}» sin definición incluida; use America/Mexico_City, floating, o un archivo VTIMEZONE"),
                format!("time zone «{name}» has no built-in definition; use America/Mexico_City, floating, or a VTIMEZONE file"),
            )),
        }
    }

    fn tzid(&self) -> Option<&str> {
        match self {
            IcsZone::MexicoCity => Some("America/Mexico_City"),
            IcsZone::Custom { tzid, .. } => Some(tzid),
            IcsZone::Floating => None,
        }
    }

    fn vtimezone(&self) -> Option<String> {
        match self {
            IcsZone::MexicoCity => Some(MEXICO_CITY.to_string()),
            IcsZone::Custom { vtimezone, .. } => Some(vtimezone.trim().replace("\r\n", "\n")),
            IcsZone::Floating => None,
        }
    }
}

/// Central Mexico observed daylight saving time (first Sunday of April to last Sunday of
/// October) from 2002 until it was abolished in 2022; standard time (UTC−6) since.
const MEXICO_CITY: &str = "BEGIN:VTIMEZONE
TZID:America/Mexico_City
BEGIN:DAYLIGHT
TZOFFSETFROM:-0600
TZOFFSETTO:-0500
TZNAME:CDT
DTSTART:20020407T020000
RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20220403T080000Z
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0500
TZOFFSETTO:-0600
TZNAME:CST
DTSTART:20021027T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20221030T070000Z
END:STANDARD
END:VTIMEZONE";

/// How a calendar is written.
#[derive(Debug, Clone)]
pub struct IcsOptions {
    pub zone: IcsZone,
    pub lang: Lang,
    pub calendar_name: String,
    /// DTSTAMP of records whose last change time cannot be read.
    pub now: DateTime<Utc>,
}

impl Default for IcsOptions {
    fn default() -> Self {
        IcsOptions { zone: IcsZone::MexicoCity, lang: Lang::Es, calendar_name: "Enlace".into(), now: Utc::now() }
    }
}

/// The calendar as text with CRLF line ends, lines folded at 75 octets.
pub fn to_ics(activities: &[Activity], options: &IcsOptions, progress: Progress) -> Result<String, Cancelled> {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Enlace//Actividad internacional//ES".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", escape(&options.calendar_name)),
    ];
    if let Some(tzid) = options.zone.tzid() {
        lines.push(format!("X-WR-TIMEZONE:{tzid}"));
    }
    if let Some(block) = options.zone.vtimezone() {
        lines.extend(block.lines().map(str::to_string));
    }
    for (i, a) in activities.iter().enumerate() {
        if i % 100 == 0 && !progress(i as u64, activities.len() as u64) {
            return Err(Cancelled);
        }
        event(&mut lines, a, options);
        todos(&mut lines, a, options);
    }
    lines.push("END:VCALENDAR".into());
    progress(activities.len() as u64, activities.len() as u64);
    let mut out = String::new();
    for line in lines {
        fold_into(&mut out, &line);
    }
    Ok(out)
}

fn uid(a: &Activity) -> String {
    format!("{}@enlace", a.id)
}

fn stamp(a: &Activity, options: &IcsOptions) -> String {
    let when = DateTime::parse_from_rfc3339(&a.meta.updated_at).map(|d| d.with_timezone(&Utc)).unwrap_or(options.now);
    when.format("%Y%m%dT%H%M%SZ").to_string()
}

fn date_value(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn event(lines: &mut Vec<String>, a: &Activity, options: &IcsOptions) {
    let lang = options.lang;
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}", uid(a)));
    lines.push(format!("DTSTAMP:{}", stamp(a, options)));
    let start_time = a.start_time.as_deref().and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
    match start_time.filter(|_| a.start.precision() == Precision::Day) {
        Some(t) => {
            let start = NaiveDateTime::new(a.start.first_day(), t);
            let end_day = a.end.filter(|e| e.precision() == Precision::Day).map_or(a.start.first_day(), |e| e.first_day());
            let end_time = a.end_time.as_deref().and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
            let end = end_time.map(|t| NaiveDateTime::new(end_day, t)).filter(|e| *e > start).unwrap_or(start + chrono::Duration::hours(1));
            lines.push(timed("DTSTART", start, &options.zone));
            lines.push(timed("DTEND", end, &options.zone));
        }
        None => {
            let last = a.end.map_or(a.start.last_day(), |e| e.last_day());
            lines.push(format!("DTSTART;VALUE=DATE:{}", date_value(a.start.first_day())));
            lines.push(format!("DTEND;VALUE=DATE:{}", date_value(last + Days::new(1))));
            if a.start.precision() != Precision::Day {
                // A month or a year is when it happened, not a day the person was busy.
                lines.push("TRANSP:TRANSPARENT".into());
            }
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&a.title)));
    let mut description = vec![lang.pick(a.kind.label_es(), a.kind.label_en()).to_string()];
    if let Some(text) = &a.date_text {
        description.push(format!("{}: {text}", lang.pick("Fecha", "Date")));
    }
    if !a.organisations.is_empty() {
        let names: Vec<&str> = a.organisations.iter().map(|o| o.name.as_str()).collect();
        description.push(format!("{}: {}", lang.pick("Contrapartes", "Counterparts"), names.join("; ")));
    }
    description.extend(a.summary.clone());
    if let Some(outcomes) = &a.outcomes {
        description.push(format!("{}: {outcomes}", lang.pick("Resultados", "Outcomes")));
    }
    lines.push(format!("DESCRIPTION:{}", escape(&description.join("\n\n"))));
    let countries = a.countries.iter().map(|c| super::export::country_name(c, lang));
    let location: Vec<String> = a.place.iter().cloned().chain(countries).collect();
    if !location.is_empty() {
        lines.push(format!("LOCATION:{}", escape(&location.join(", "))));
    }
    lines.push(format!("CATEGORIES:{}", escape(lang.pick(a.kind.label_es(), a.kind.label_en()))));
    let status = match a.status {
        Status::Planned => "TENTATIVE",
        Status::Done => "CONFIRMED",
        Status::Cancelled => "CANCELLED",
    };
    lines.push(format!("STATUS:{status}"));
    lines.push("END:VEVENT".into());
}

fn timed(name: &str, at: NaiveDateTime, zone: &IcsZone) -> String {
    let value = at.format("%Y%m%dT%H%M%S");
    match zone.tzid() {
        Some(tzid) => format!("{name};TZID={tzid}:{value}"),
        None => format!("{name}:{value}"),
    }
}

fn todos(lines: &mut Vec<String>, a: &Activity, options: &IcsOptions) {
    let lang = options.lang;
    for (n, f) in a.follow_ups.iter().enumerate() {
        let Some(due) = f.due else { continue };
        lines.push("BEGIN:VTODO".into());
        // The position in the record's list: stable while the list is only appended to.
        lines.push(format!("UID:{}-{}-{}@enlace", a.id, lang.pick("seguimiento", "follow-up"), n + 1));
        lines.push(format!("DTSTAMP:{}", stamp(a, options)));
        lines.push(format!("SUMMARY:{}", escape(&f.task)));
        lines.push(format!("DUE;VALUE=DATE:{}", date_value(due.last_day())));
        let mut description = format!("{}: {}", lang.pick("Seguimiento de", "Follow-up of"), a.title);
        if let Some(owner) = &f.owner {
            description.push_str(&format!("\n{}: {owner}", lang.pick("Responsable", "Owner")));
        }
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        lines.push(format!("STATUS:{}", if f.done { "COMPLETED" } else { "NEEDS-ACTION" }));
        lines.push(format!("RELATED-TO:{}", uid(a)));
        lines.push("END:VTODO".into());
    }
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded so no physical line exceeds 75 octets (RFC 5545 §3.1),
/// never splitting a UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::export::fixtures::activities;

    fn calendar(zone: IcsZone) -> String {
        let options = IcsOptions { zone, lang: Lang::Es, calendar_name: "Vinculación, CDMX".into(), now: Utc::now() };
        to_ics(&activities(), &options, &mut |_, _| true).unwrap()
    }

    #[test]
    fn lines_are_folded_at_75_octets_with_crlf() {
        let text = calendar(IcsZone::MexicoCity);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(text.contains("\r\n "), "the long description is folded");
        assert!(!text.replace("\r\n", "").contains('\n'), "no bare line feeds");
    }

    #[test]
    fn escaping_and_stable_uids() {
        let text = calendar(IcsZone::MexicoCity);
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Reunión con la Embajada de Perú\\; agenda\\, cultura y \\\\ migración"), "{unfolded}");
        assert!(unfolded.contains("UID:00000000-0000-0000-0000-000000000001@enlace"));
        assert_eq!(text, calendar(IcsZone::MexicoCity), "same records, same file");
    }

    #[test]
    fn zones_by_name() {
        assert_eq!(IcsZone::named("America/Mexico_City").unwrap(), IcsZone::MexicoCity);
        assert_eq!(IcsZone::named("floating").unwrap(), IcsZone::Floating);
        assert!(IcsZone::named("Europe/Madrid").unwrap_err().es.contains("VTIMEZONE"));
    }

    #[test]
    fn floating_zone_has_no_vtimezone() {
        let text = calendar(IcsZone::Floating);
        assert!(!text.contains("VTIMEZONE") && !text.contains("TZID"));
        assert!(text.contains("DTSTART:20210727T100000"));
    }
}

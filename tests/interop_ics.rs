//! The calendar export read back by an independent iCalendar parser (the `icalendar` crate).

use chrono::{NaiveDate, NaiveDateTime, Utc};
use enlace::domain::Activity;
use enlace::interop::ics::{to_ics, IcsOptions, IcsZone};
use enlace::interop::Lang;
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};

fn activities() -> Vec<Activity> {
    serde_json::from_str(include_str!("fixtures/interop/activities.json")).unwrap()
}

fn export() -> String {
    let options = IcsOptions { zone: IcsZone::MexicoCity, lang: Lang::Es, calendar_name: "Vinculación".into(), now: Utc::now() };
    to_ics(&activities(), &options, &mut |_, _| true).unwrap()
}

#[test]
fn an_independent_parser_reads_events_todos_and_zone() {
    let text = export();
    let calendar: icalendar::Calendar = text.parse().expect("the icalendar crate parses our file");
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| match c {
        CalendarComponent::Event(e) => Some(e),
        _ => None,
    }).collect();
    let todos: Vec<&icalendar::Todo> = calendar.components.iter().filter_map(|c| match c {
        CalendarComponent::Todo(t) => Some(t),
        _ => None,
    }).collect();
    assert_eq!(events.len(), 3);
    assert_eq!(todos.len(), 1, "one follow-up has a due date, the other has none");

    let meeting = events.iter().find(|e| e.get_uid() == Some("00000000-0000-0000-0000-000000000001@enlace")).unwrap();
    assert_eq!(meeting.get_summary(), Some("Reunión con la Embajada de Perú; agenda, cultura y \\ migración"));
    match meeting.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "America/Mexico_City");
            assert_eq!(date_time, NaiveDateTime::parse_from_str("2021-07-27 10:00", "%Y-%m-%d %H:%M").unwrap());
        }
        other => panic!("a timed start in the office's zone, got {other:?}"),
    }
    match meeting.get_end() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, .. })) => {
            assert_eq!(date_time.format("%H:%M").to_string(), "11:30");
        }
        other => panic!("timed end, got {other:?}"),
    }
    let description = meeting.get_description().unwrap();
    assert!(description.contains("Primera reunión de trabajo con la Embajadora.\n\nSe acordó"), "{description}");
    assert_eq!(meeting.get_location(), Some("Antiguo Palacio del Ayuntamiento, Ciudad de México, Perú"));

    let training = events.iter().find(|e| e.get_summary() == Some("Taller de contratación abierta")).unwrap();
    assert_eq!(training.get_start(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2021, 8, 3).unwrap())));
    assert_eq!(training.get_end(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2021, 8, 6).unwrap())), "all-day DTEND is exclusive");

    let financing = events.iter().find(|e| e.get_summary() == Some("Movilidad eléctrica")).unwrap();
    assert_eq!(financing.get_start(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2021, 10, 1).unwrap())));
    assert_eq!(financing.get_end(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2022, 4, 1).unwrap())), "month precision spans to the end of March");
    assert_eq!(financing.property_value("STATUS"), Some("TENTATIVE"));

    let todo = todos[0];
    assert_eq!(todo.get_summary(), Some("Enviar propuesta de agenda cultural"));
    assert_eq!(todo.get_due(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2021, 8, 15).unwrap())));
    assert_eq!(todo.property_value("RELATED-TO"), Some("00000000-0000-0000-0000-000000000001@enlace"));

    // The VTIMEZONE is there for the TZID used.
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let zone = parsed.components.iter().find(|c| c.name == "VTIMEZONE").expect("a VTIMEZONE");
    assert!(zone.properties.iter().any(|p| p.name == "TZID" && p.val == "America/Mexico_City"));
}

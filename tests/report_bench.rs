//! Period report of 1,000 activities: time and size against the time to
//! just read the rows. Goal: under 2 s and under 1 MB in a release build; with
//! twenty phone photos marked for the report, under 10 MB. As a Word document:
//! under 1 s. The record of ten years (`--by year`) over 100,000 activities: under 5 s.
//!
//! `cargo test --release --test report_bench -- --ignored --nocapture`

mod report_support;

use report_support::second_semester_2021;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use enlace::domain::{Activity, ActivityInput, Attachment};
use enlace::report::{period_document, period_report, Breakdown, Format, Lang, PeriodRequest};
use enlace::store::{Actor, Axis, Origin, Stats, Store};

const COUNTRIES: [&str; 12] = [
    "Perú",
    "Francia",
    "Reino Unido",
    "Nueva Zelandia",
    "Japón",
    "Alemania",
    "Colombia",
    "España",
    "Eslovaquia",
    "Finlandia",
    "Canadá",
    "Chile",
];
const AXES: [&str; 6] = [
    "Igualdad de Derechos",
    "Ciudad Sustentable",
    "Más y Mejor Movilidad",
    "Capital Cultural de América",
    "Cero Agresión y Más Seguridad",
    "Ciencia, Innovación y Tecnología",
];

fn activity(n: usize) -> ActivityInput {
    let day = NaiveDate::from_ymd_opt(2021, 7, 1).unwrap() + chrono::Days::new((n % 184) as u64);
    let country = COUNTRIES[n % COUNTRIES.len()];
    let mut input = ActivityInput {
        title: format!("Actividad {n} con contrapartes de {country}"),
        start_date: day.to_string(),
        countries: vec![country.to_string()],
        axis: Some(AXES[n % AXES.len()].to_string()),
        summary: Some(format!(
            "Reunión de trabajo número {n} con la representación de {country}: se revisaron proyectos de cooperación, \
             se acordaron los siguientes pasos y se definió un calendario de seguimiento para el año próximo."
        )),
        ..ActivityInput::default()
    };
    let details = &mut input.details;
    input.kind = match n % 10 {
        0 => {
            details.occasion = Some(format!("Día nacional de {country}"));
            details.requested_by = Some(format!("Embajada de {country}"));
            "illumination"
        }
        1 => {
            details.participants = Some(20 + (n % 15) as u32);
            details.objective = Some("Compartir metodologías de gestión pública con equipos de la ciudad.".into());
            input.end_date = Some((day + chrono::Days::new(2)).to_string());
            "training"
        }
        2 => {
            details.amount = Some(rust_decimal::Decimal::from(10_000 + n as i64 * 100));
            details.currency = Some("USD".into());
            details.donor = Some("Fundación internacional".into());
            input.end_date = Some((day + chrono::Days::new(365)).to_string());
            "financing"
        }
        3 => {
            details.agreement_type = Some("memorandum".into());
            "agreement"
        }
        _ => "meeting",
    }
    .to_string();
    input
}

/// The thousand activities in a store, read back for the second semester of 2021 with the
/// time the reading took.
fn thousand() -> (PeriodRequest, Vec<Activity>, Stats, Vec<Axis>, Duration) {
    let mut store = Store::open_in_memory().unwrap();
    let items: Vec<(u64, ActivityInput)> = (0..1000).map(|n| (n as u64 + 1, activity(n))).collect();
    store.import(&items, &Actor::new("bench", Origin::Import), false, &mut |_, _| true).unwrap();
    let request = second_semester_2021(Lang::Es);

    let filter = request.filter();
    let started = Instant::now();
    let activities = store.list(&filter).unwrap().items;
    let stats = store.stats(&filter).unwrap();
    let axes = store.axes().unwrap();
    let read = started.elapsed();
    assert_eq!(activities.len(), 1000);
    (request, activities, stats, axes, read)
}

#[test]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
fn period_report_of_a_thousand_activities() {
    let (request, mut activities, stats, axes, read) = thousand();
    let (seconds, bytes) = render(&request, &activities, &stats, &axes, &|_| Vec::new(), read, "period-1000.pdf");
    // A row of the figures table `scripts/bench.sh` prints.
    println!("| period report of 1,000 activities (PDF) | < 1 s | — | {seconds:.2} s | {} |", if seconds < 1.0 { "PASS" } else { "MISS" });
    assert!(seconds < 2.0, "over 2 s: {seconds}");
    assert!(bytes < 1_000_000, "over 1 MB: {bytes}");

    // The same with twenty phone photos marked for the report: two on each of ten entries.
    let photos: Vec<Vec<u8>> = (0..20).map(report_support::phone_photo).collect();
    for (n, activity) in activities.iter_mut().filter(|a| a.kind.as_str() == "meeting").take(10).enumerate() {
        for k in 0..2 {
            let index = n * 2 + k;
            activity.attachments.push(Attachment {
                hash: index.to_string(),
                file_name: format!("foto-{index}.jpg"),
                media_type: "image/jpeg".into(),
                in_report: true,
                caption: Some(format!("Foto {index} de la reunión")),
                credit: Some("Oficina de prensa".into()),
                ..Attachment::default()
            });
        }
    }
    let read_photo = |hash: &str| photos[hash.parse::<usize>().unwrap()].clone();
    let (_, bytes) = render(&request, &activities, &stats, &axes, &read_photo, read, "period-1000-20-photos.pdf");
    assert!(bytes < 10 * 1024 * 1024, "over 10 MB: {bytes}");
}

#[test]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
fn period_report_of_a_thousand_activities_as_word() {
    let (request, activities, stats, axes, read) = thousand();
    let (seconds, bytes) = render(&request, &activities, &stats, &axes, &|_| Vec::new(), read, "period-1000.docx");
    assert!(seconds < 1.0, "over 1 s: {seconds}");
    assert!(bytes < 1_000_000, "over 1 MB: {bytes}");
}

/// Activity `n` of 100,000 spread over the ten years 2015–2024.
fn decade_activity(n: usize) -> ActivityInput {
    let mut input = activity(n);
    let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(((n * 7) % 3652) as u64);
    let length = input.end_date.as_ref().map(|end| {
        let end: NaiveDate = end.parse().unwrap();
        let start: NaiveDate = input.start_date.parse().unwrap();
        end - start
    });
    input.start_date = day.to_string();
    input.end_date = length.map(|l| (day + l).to_string());
    if n % 10 == 4 {
        input.kind = "network".into();
        input.details.network = Some(["C40", "Metropolis", "UCCI", "ICLEI"][n % 4].into());
        input.details.role = Some("Vicepresidencia".into());
    }
    input
}

#[test]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
fn record_of_ten_years_over_100000_activities() {
    let mut store = Store::open_in_memory().unwrap();
    let items: Vec<(u64, ActivityInput)> = (0..100_000).map(|n| (n as u64 + 1, decade_activity(n))).collect();
    let started = Instant::now();
    store.import(&items, &Actor::new("bench", Origin::Import), false, &mut |_, _| true).unwrap();
    println!("imported 100,000 activities in {:.1} s", started.elapsed().as_secs_f64());
    let (from, to) = (NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    let generated = chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    let request = PeriodRequest { breakdown: Some(Breakdown::Year), compare: true, ..PeriodRequest::new(from, to, "Oficina", generated) };

    let filter = request.filter();
    let started = Instant::now();
    let stats = store.stats(&filter).unwrap();
    let stats_took = started.elapsed();
    let one_year = filter.narrowed_to(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2020, 12, 31).unwrap());
    let started = Instant::now();
    store.stats(&one_year).unwrap();
    let year_took = started.elapsed();
    let started = Instant::now();
    let agreements = store.list(&enlace::store::Filter { kinds: vec![enlace::domain::Kind::Agreement], ..filter.clone() }).unwrap().items.len();
    println!(
        "stats of the decade {:.0} ms ({} activities), of one year {:.0} ms, list of {agreements} agreements {:.0} ms",
        stats_took.as_secs_f64() * 1000.0,
        stats.total,
        year_took.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0
    );

    let started = Instant::now();
    let doc = period_report(&store, &request).unwrap();
    let declared = started.elapsed();
    let pdf = Format::Pdf.render(&doc).unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&path).unwrap();
    std::fs::write(path.join("record-10-years.pdf"), &pdf).unwrap();
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    println!(
        "record of 10 years over 100,000 activities: read and declare {:.0} ms, total with PDF {:.0} ms; {} KB, {pages} pages",
        declared.as_secs_f64() * 1000.0,
        seconds * 1000.0,
        pdf.len() / 1024
    );
    println!("| 10-year record over 100,000 activities (PDF) | < 5 s | — | {seconds:.2} s | {} |", if seconds < 5.0 { "PASS" } else { "MISS" });
}

/// Declares and renders the report in the format `name`'s extension says, prints the figures;
/// answers the seconds taken (with the time to read the rows, `read`) and the file's size.
fn render(
    request: &PeriodRequest,
    activities: &[Activity],
    stats: &Stats,
    axes: &[Axis],
    read_photo: &dyn Fn(&str) -> Vec<u8>,
    read: Duration,
    name: &str,
) -> (f64, usize) {
    let started = Instant::now();
    let doc = period_document(request, activities, &stats.clone().into(), axes, read_photo);
    let declared = started.elapsed();
    let format = Format::of_path(std::path::Path::new(name)).unwrap();
    let file = format.render(&doc).unwrap();
    let total = read + started.elapsed();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-samples");
    std::fs::create_dir_all(&path).unwrap();
    std::fs::write(path.join(name), &file).unwrap();

    let pages = match format {
        Format::Pdf => format!(", {} pages", lopdf::Document::load_mem(&file).unwrap().get_pages().len()),
        Format::Docx => String::new(),
    };
    println!(
        "{name}: read rows {:.0} ms, declare {:.0} ms, total with {} {:.0} ms; {} bytes ({:.0} KB){pages}",
        read.as_secs_f64() * 1000.0,
        declared.as_secs_f64() * 1000.0,
        format.name(),
        total.as_secs_f64() * 1000.0,
        file.len(),
        file.len() as f64 / 1024.0
    );
    (total.as_secs_f64(), file.len())
}

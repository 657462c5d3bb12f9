//! The sample document every renderer is checked with: a cover, contents, figures, a bar
//! chart, a long table with totals, entries with labelled lines and bullets, notes.

use enlace::report::{BarChart, Block, Column, Cover, Document, Figure, Lang, Metadata, Paper, Section, Table};

pub const TABLE_HEADER: &str = "País / embajada solicitante";
pub const TABLE_ROWS: usize = 120;

pub const LONG: &str = "Durante el semestre la oficina mantuvo reuniones de trabajo con embajadas, \
organismos multilaterales y gobiernos locales de otros países. Cada encuentro quedó registrado con \
su fecha, modalidad, contrapartes y acuerdos, de modo que las cifras de este informe provienen de \
los registros y no de un conteo manual. En julio se recibió a la delegación de la Embajada del Perú \
con motivo del bicentenario de su independencia; en agosto se sostuvo una sesión virtual con la \
Agencia de Cooperación sobre gestión de riesgos; en octubre se firmó un memorándum de entendimiento \
sobre movilidad sustentable. Este año la coordinación también atendió solicitudes de iluminación \
de monumentos y acompañó capacitaciones impartidas por socios extranjeros.";

pub fn sample(lang: Lang, paper: Paper) -> Document {
    let metadata = Metadata {
        author: "Coordinación General de Asuntos Internacionales".into(),
        subject: "Informe semestral de acción internacional".into(),
        keywords: vec!["acción internacional".into(), "informe".into()],
        created: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
    };
    let mut doc = Document::new("Informe de acción internacional", lang, metadata);
    doc.paper = paper;
    doc.header = "Informe de acción internacional · del 1 de julio al 31 de diciembre de 2021".into();
    doc.footer = "Generado el 23 de noviembre de 2026".into();
    doc.push(Block::Cover(Cover {
        kicker: "Gobierno de la Ciudad · Coordinación General de Asuntos Internacionales".into(),
        title: "Informe de acción internacional".into(),
        subtitle: "Segundo semestre de 2021".into(),
        details: vec!["Periodo: del 1 de julio al 31 de diciembre de 2021".into(), "Ciudad de México, noviembre de 2026".into()],
    }));
    doc.push(Block::TableOfContents);

    doc.push_section(
        Section::new("Presentación")
            .with(Block::Paragraph(LONG.into()))
            .with(Block::Paragraph(format!("{LONG} {LONG}"))),
    );

    let mut summary = Section::new("Resumen ejecutivo");
    summary.push(Block::Figures(vec![
        Figure::new("1,000", "actividades registradas"),
        Figure::new("48", "países con los que se trabajó"),
        Figure::new("120", "iluminaciones de monumentos"),
        Figure::new("7", "convenios firmados en el año"),
    ]));
    summary.push(Block::BarChart(
        BarChart::new("Actividades por eje")
            .bar("Igualdad de Derechos", 212.0)
            .bar("Ciudad Sustentable", 187.0)
            .bar("Más y Mejor Movilidad", 96.0)
            .bar("Capital Cultural de América", 301.0)
            .bar("Cero Agresión y Más Seguridad", 74.0)
            .bar("Ciencia, Innovación y Tecnología", 130.0),
    ));
    doc.push(Block::PageBreak);
    doc.push_section(summary);

    let mut culture = Section::new("Capital Cultural de América");
    let mut illuminations = Table::new(vec![
        Column::new("Fecha", 0.9),
        Column::new("Monumento", 1.4),
        Column::new("Motivo", 2.0),
        Column::new(TABLE_HEADER, 1.6),
    ]);
    for n in 1..=TABLE_ROWS {
        let occasion = if n % 7 == 0 {
            "Bicentenario de la independencia, con iluminación en los colores de la bandera nacional durante toda la noche".to_string()
        } else {
            format!("Día nacional (fila {n:03})")
        };
        illuminations.row([format!("{} de julio", n % 28 + 1), "Ángel de la Independencia".into(), occasion, "Embajada del Perú".into()]);
    }
    illuminations.totals = Some(vec!["Total".into(), String::new(), format!("{TABLE_ROWS} iluminaciones"), String::new()]);
    culture.push_section(Section::new("Iluminación de monumentos").with(Block::Table(illuminations)));
    culture.push_section(Section::new("Sin registros en el periodo"));
    let mut trainings = Section::new("Capacitaciones");
    trainings.push(Block::Heading { level: 4, text: "Taller de gestión cultural comunitaria".into() });
    trainings.push(Block::LabelledLines(vec![
        ("Fecha:".into(), "del 3 al 5 de agosto de 2021".into()),
        ("Modalidad:".into(), "Virtual".into()),
        ("Participantes:".into(), "19 (10 mujeres y 9 hombres) de la Secretaría de Cultura".into()),
        ("Objetivo del curso:".into(), "Compartir metodologías de mediación cultural; imparten Terézia Šajgalíková y Päivi Pohjanheimo — con la Embajada de España (año dual).".into()),
        ("Lugar:".into(), "Plataforma en línea".into()),
    ]));
    trainings.push(Block::BulletList(vec![
        "Seguimiento: enviar la relatoría a la embajada antes del 30 de agosto.".into(),
        "Acordar una segunda edición presencial, con sede en el Museo de la Ciudad, para el año siguiente, sujeta a la disponibilidad presupuestal de ambas partes.".into(),
    ]));
    culture.push_section(trainings);
    doc.push(Block::PageBreak);
    doc.push_section(culture);

    let mut annex = Section::new("Anexo: actividades del periodo");
    annex.push(Block::Note("Cifras obtenidas de los registros de la oficina.".into()));
    annex.push(Block::Paragraph(LONG.into()));
    doc.push(Block::PageBreak);
    doc.push_section(annex);
    doc
}

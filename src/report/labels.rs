//! Every fixed label a report prints, said once in Spanish and English: the period report's,
//! the briefs', the shared wording of [`words`](super::words) and the renderer's own.

use crate::domain::decimal::CEILING;
use crate::domain::Kind;
use crate::Lang;

use super::format_count;

/// A label in both languages; most are text, a few are phrases built from figures.
#[derive(Clone, Copy)]
pub(crate) struct Label<T: Copy = &'static str> {
    pub(crate) es: T,
    pub(crate) en: T,
}

impl<T: Copy> Label<T> {
    pub(crate) const fn new(es: T, en: T) -> Self {
        Label { es, en }
    }

    /// The label in `lang`.
    pub(crate) fn pick(&self, lang: Lang) -> T {
        match lang {
            Lang::Es => self.es,
            Lang::En => self.en,
        }
    }
}

impl Lang {
    /// The running footer's page label: "Página 3 de 12" / "Page 3 of 12".
    pub fn page_of(self, page: usize, total: usize) -> String {
        let (word, of) = self.page_words();
        format!("{word} {page} {of} {total}")
    }

    /// The words around the numbers of [`Lang::page_of`]: ("Página", "de") / ("Page", "of").
    pub(crate) fn page_words(self) -> (&'static str, &'static str) {
        PAGE_WORDS.pick(self)
    }

    /// Title of the table of contents.
    pub fn contents(self) -> &'static str {
        CONTENTS.pick(self)
    }

    /// Printed in place of a photo that cannot be read.
    pub fn unreadable_photo(self) -> &'static str {
        UNREADABLE_PHOTO.pick(self)
    }

    /// After the title of a chart continued from the page before.
    pub fn continued(self) -> &'static str {
        CONTINUED.pick(self)
    }

    /// What a Word document's chart captions call a chart: "Gráfica 1. …" / "Chart 1. …".
    pub(crate) fn chart(self) -> &'static str {
        CHART.pick(self)
    }
}

// The renderer's own.
const PAGE_WORDS: Label<(&str, &str)> = Label::new(("Página", "de"), ("Page", "of"));
const CONTENTS: Label = Label::new("Contenido", "Contents");
const UNREADABLE_PHOTO: Label = Label::new("(no se pudo leer la imagen)", "(the image could not be read)");
const CONTINUED: Label = Label::new("(continúa)", "(continued)");
const CHART: Label = Label::new("Gráfica", "Chart");

/// The names of the Word document's own paragraph and table styles, by the token that stands
/// for each in `assets/docx/styles.xml` (Word names its built-in styles in its own language).
pub(crate) const DOCX_STYLE_NAMES: [(&str, Label); 11] = [
    ("{{ITEM_TITLE}}", Label::new("Título de entrada", "Entry title")),
    ("{{NOTE}}", Label::new("Nota", "Note")),
    ("{{TABLE_TEXT}}", Label::new("Texto de tabla", "Table text")),
    ("{{TABLE_HEADING}}", Label::new("Encabezado de tabla", "Table heading")),
    ("{{REPORT_TABLE}}", Label::new("Tabla del informe", "Report table")),
    ("{{COVER_KICKER}}", Label::new("Portada: dependencia", "Cover: office")),
    ("{{COVER_DETAILS}}", Label::new("Portada: datos", "Cover: details")),
    ("{{FIGURE_VALUE}}", Label::new("Cifra", "Figure")),
    ("{{FIGURE_LABEL}}", Label::new("Cifra: concepto", "Figure: label")),
    ("{{SIGNATURE}}", Label::new("Firma", "Signature")),
    ("{{PICTURE}}", Label::new("Imagen", "Picture")),
];

// Shared wording (words.rs): an activity's entry and a country's context.
pub(crate) const COUNTERPARTS_COLON: Label = Label::new("Contrapartes:", "Counterparts:");
pub(crate) const PLANNED_MARK: Label = Label::new("(programada)", "(planned)");
pub(crate) const CANCELLED_MARK: Label = Label::new("(cancelada)", "(cancelled)");
pub(crate) const OUTCOMES_COLON: Label = Label::new("Resultados:", "Outcomes:");
pub(crate) const CAPITAL_COLON: Label = Label::new("capital:", "capital:");
pub(crate) const NATIONAL_DAY_COLON: Label = Label::new("día nacional:", "national day:");

/// A kind as a report's sub-heading names it: in the plural.
pub(crate) fn kind_plural(k: Kind) -> Label {
    match k {
        Kind::Meeting => Label::new("Reuniones", "Meetings"),
        Kind::Delegation => Label::new("Delegaciones", "Delegations"),
        Kind::Training => Label::new("Capacitaciones", "Trainings"),
        Kind::Illumination => Label::new("Iluminación de monumentos", "Monument illuminations"),
        Kind::Agreement => Label::new("Convenios e instrumentos", "Agreements and instruments"),
        Kind::Network => Label::new("Redes de ciudades", "City networks"),
        Kind::Event => Label::new("Eventos internacionales", "International events"),
        Kind::Project => Label::new("Proyectos de cooperación", "Cooperation projects"),
        Kind::Award => Label::new("Reconocimientos", "Awards"),
        Kind::Financing => Label::new("Financiamientos recibidos", "Financing received"),
        Kind::Press => Label::new("Presencia en prensa internacional", "International press"),
        Kind::Other => Label::new("Otras actividades", "Other activities"),
    }
}

// The reports' tables (brief, country brief, period report); a label two of them print is here once.
pub(crate) const BRIEFING_NOTE: Label = Label::new("Ficha informativa", "Briefing note");
pub(crate) const GENERATED_NOTE: Label = Label::new("Generada el", "Generated on");
pub(crate) const KIND: Label = Label::new("Tipo:", "Kind:");
pub(crate) const DATE: Label = Label::new("Fecha:", "Date:");
pub(crate) const TIME: Label = Label::new("Horario:", "Time:");
pub(crate) const PLACE: Label = Label::new("Lugar:", "Venue:");
pub(crate) const MODALITY: Label = Label::new("Modalidad:", "Modality:");
pub(crate) const COUNTRIES: Label = Label::new("Países:", "Countries:");
pub(crate) const AXIS: Label = Label::new("Eje:", "Axis:");
pub(crate) const STATUS: Label = Label::new("Estado:", "Status:");
pub(crate) const COUNTERPARTS: Label = Label::new("Contrapartes", "Counterparts");
pub(crate) const COUNTRY_CONTEXT: Label = Label::new("Contexto del país", "Country context");
pub(crate) const DESCRIPTION: Label = Label::new("Descripción", "Description");
pub(crate) const OBJECTIVES: Label = Label::new("Objetivos y agenda", "Objectives and agenda");
pub(crate) const DETAILS: Label = Label::new("Detalles", "Details");
pub(crate) const OUTCOMES: Label = Label::new("Resultados", "Outcomes");
pub(crate) const FOLLOW_UPS: Label = Label::new("Seguimiento", "Follow-up");
pub(crate) const TASK: Label = Label::new("Tarea", "Task");
pub(crate) const OWNER: Label = Label::new("Responsable", "Owner");
pub(crate) const DUE: Label = Label::new("Fecha límite", "Due");
pub(crate) const STATE: Label = Label::new("Estado", "Status");
pub(crate) const DONE: Label = Label::new("Hecha", "Done");
pub(crate) const PENDING: Label = Label::new("Pendiente", "Pending");
pub(crate) const ANTECEDENTS: Label = Label::new("Antecedentes", "Background");
pub(crate) const ACTIVITY: Label = Label::new("Actividad", "Activity");
pub(crate) const PHOTO_CREDIT: Label = Label::new("Foto:", "Photo:");
pub(crate) const PHOTOS: Label = Label::new("Fotografías", "Photographs");
pub(crate) const COUNTRY_BRIEF: Label = Label::new("Ficha de país", "Country brief");
pub(crate) const PERIOD: Label = Label::new("Periodo:", "Period:");
pub(crate) const CONTEXT: Label = Label::new("Contexto:", "Context:");
pub(crate) const ACTIVITIES: Label = Label::new("Actividades:", "Activities:");
pub(crate) const BY_KIND: Label = Label::new("Actividades por tipo", "Activities by kind");
pub(crate) const KIND_COL: Label = Label::new("Tipo", "Kind");
pub(crate) const BY_YEAR: Label = Label::new("Actividades por año", "Activities by year");
pub(crate) const PARTNER_DOSSIER: Label = Label::new("Expediente de contraparte", "Partner dossier");
pub(crate) const ALL_YEARS: Label<fn(&str) -> String> = Label {
    es: |span| format!("{span} (todos los años registrados)"),
    en: |span| format!("{span} (every year recorded)"),
};
pub(crate) const ACTIVITIES_COL: Label = Label::new("Actividades", "Activities");
pub(crate) const TIMES: Label<fn(&str, usize) -> String> = Label {
    es: |name, n| if n == 1 { name.to_string() } else { format!("{name} ({n} actividades)") },
    en: |name, n| if n == 1 { name.to_string() } else { format!("{name} ({n} activities)") },
};
pub(crate) const LIST: Label = Label::new("Actividades del periodo", "Activities in the period");
pub(crate) const OPEN_TASKS: Label = Label::new("Seguimiento pendiente", "Open follow-up tasks");
pub(crate) const TITLE: Label = Label::new("Informe de acción internacional", "International action report");
pub(crate) const SUMMARY: Label = Label::new("Resumen ejecutivo", "Executive summary");
pub(crate) const SUMMARY_SENTENCE: Label<fn(&str, u64, usize, usize) -> String> = Label {
    es: |period, total, countries, axes| {
        format!(
            "En el periodo {period} la oficina registró {} actividades de acción internacional, con contrapartes de {} países, en {} ejes de gobierno. Las cifras de este informe se obtienen de esos registros.",
            format_count(total as f64),
            format_count(countries as f64),
            axes
        )
    },
    en: |period, total, countries, axes| {
        format!(
            "In the period {period} the office recorded {} international activities, with counterparts from {} countries, across {} policy axes. Every figure in this report is counted from those records.",
            format_count(total as f64),
            format_count(countries as f64),
            axes
        )
    },
};
pub(crate) const ACTIVITIES_FIGURE: Label = Label::new("actividades registradas", "activities recorded");
pub(crate) const COUNTRIES_FIGURE: Label = Label::new("países con actividades", "countries involved");
pub(crate) const TRAINED_FIGURE: Label = Label::new("personas capacitadas", "people trained");
pub(crate) const FINANCING_FIGURE: Label = Label::new("de financiamiento recibido", "of financing received");
pub(crate) const REGISTERED_FIGURE: Label = Label::new("personas registradas", "people registered");
pub(crate) const SESSIONS_FIGURE: Label = Label::new("sesiones", "sessions");
pub(crate) const EVENT_COUNTRIES_FIGURE: Label = Label::new("países participantes", "participating countries");
pub(crate) const BY_AXIS: Label = Label::new("Actividades por eje", "Activities by axis");
pub(crate) const BY_MONTH: Label = Label::new("Actividades en curso por mes", "Activities taking place by month");
pub(crate) const TOP_COUNTRIES: Label = Label::new("Países con más actividades", "Countries with most activities");
pub(crate) const TOP_NOTE: Label<fn(usize, usize) -> String> = Label {
    es: |shown, all| format!("Los {shown} países con más actividades de los {all} registrados."),
    en: |shown, all| format!("The {shown} countries with most activities of the {all} recorded."),
};
pub(crate) const MAP: Label = Label::new("Mapa de países con actividades", "Map of countries with activities");
pub(crate) const MAP_DESCRIPTION: Label = Label::new(
    "Mapa del mundo: cada país sombreado según el número de actividades con él; más oscuro, más actividades.",
    "World map: each country shaded by the number of activities with it; the darker, the more.",
);
pub(crate) const NO_AXIS: Label = Label::new("Sin eje asignado", "No axis assigned");
pub(crate) const ANNEX: Label = Label::new("Anexo. Relación de actividades", "Annex. List of activities");
pub(crate) const PRESENTATION: Label = Label::new("Presentación", "Foreword");
pub(crate) const PREPARED_BY: Label = Label::new("Elaboró", "Prepared by");
pub(crate) const REVIEWED_BY: Label = Label::new("Revisó", "Reviewed by");
pub(crate) const AUTHORISED_BY: Label = Label::new("Autorizó", "Authorised by");
pub(crate) const TOTALS_BY_KIND: Label = Label::new("Totales por tipo de actividad", "Totals by kind of activity");
pub(crate) const ACTIVITIES_TOTAL: Label<fn(usize) -> String> = Label {
    es: |n| format!("{} actividades", format_count(n as f64)),
    en: |n| format!("{} activities", format_count(n as f64)),
};
pub(crate) const GENERATED_REPORT: Label = Label::new("Generado el", "Generated on");
pub(crate) const FILTERS: Label = Label::new("Filtros:", "Filters:");
pub(crate) const AXIS_WORD: Label = Label::new("eje", "axis");
pub(crate) const KIND_WORD: Label = Label::new("tipo", "kind");
pub(crate) const COUNTRY_WORD: Label = Label::new("país", "country");
pub(crate) const TOTAL: Label = Label::new("Total", "Total");
pub(crate) const TOTAL_TOO_LARGE: Label<fn(&str) -> String> = Label {
    es: |currency| format!("más de {CEILING} {currency} (la suma es demasiado grande)"),
    en: |currency| format!("over {CEILING} {currency} (the sum is too large)"),
};
pub(crate) const DATE_COL: Label = Label::new("Fecha", "Date");
pub(crate) const COUNTRIES_COL: Label = Label::new("Países", "Countries");
pub(crate) const AXIS_COL: Label = Label::new("Eje", "Axis");
pub(crate) const COUNTRY_COL: Label = Label::new("País", "Country");
pub(crate) const MONUMENT_COL: Label = Label::new("Monumento", "Monument");
pub(crate) const OCCASION_COL: Label = Label::new("Motivo", "Occasion");
pub(crate) const REQUESTED_COL: Label = Label::new("País / embajada solicitante", "Requesting country / embassy");
pub(crate) const PROJECT_COL: Label = Label::new("Proyecto", "Project");
pub(crate) const ORGANISATION_COL: Label = Label::new("Organización", "Organisation");
pub(crate) const AMOUNT_COL: Label = Label::new("Monto otorgado", "Amount granted");
pub(crate) const START_COL: Label = Label::new("Fecha de inicio", "Start date");
pub(crate) const END_COL: Label = Label::new("Fecha de conclusión", "End date");
pub(crate) const DURATION_COL: Label = Label::new("Duración", "Duration");
pub(crate) const COUNTERPART_COL: Label = Label::new("Contraparte", "Counterpart");
pub(crate) const AGREEMENT_COL: Label = Label::new("Convenio", "Agreement");
pub(crate) const VALIDITY_COL: Label = Label::new("Vigencia", "Validity");
pub(crate) const PROVIDER_LABEL: Label = Label::new("Imparte:", "Provider:");
pub(crate) const PARTICIPANTS_LABEL: Label = Label::new("Participantes:", "Participants:");
pub(crate) const NATIONAL_DAYS: Label = Label::new("Días nacionales y fechas de otros países", "National days and other countries' dates");
pub(crate) const INTERNATIONAL_DAYS: Label = Label::new("Días internacionales", "International days");
pub(crate) const IN_KIND_TITLE: Label = Label::new("Donaciones en especie", "Donations in kind");
pub(crate) const IN_KIND_COL: Label = Label::new("Donación", "Donation");
pub(crate) const NO_PRESS_COST: Label = Label::new(
    "Ninguna colaboración con estos medios representó un gasto para la Ciudad.",
    "None of these pieces in the media cost the City anything.",
);
pub(crate) const WOMEN_AND_MEN: Label<fn(u32, u32) -> String> = Label {
    es: |women, men| format!("({women} {} y {men} {})", if women == 1 { "mujer" } else { "mujeres" }, if men == 1 { "hombre" } else { "hombres" }),
    en: |women, men| format!("({women} {} and {men} {})", if women == 1 { "woman" } else { "women" }, if men == 1 { "man" } else { "men" }),
};
pub(crate) const OBJECTIVE_LABEL: Label = Label::new("Objetivo del curso:", "Course objective:");

// The period year by year (years.rs).
pub(crate) const YEAR_BY_YEAR: Label = Label::new("Año por año", "Year by year");
pub(crate) const BY_YEAR_AND_KIND: Label = Label::new("Actividades por año y tipo", "Activities by year and kind");
pub(crate) const YEARS_NOTE: Label = Label::new(
    "Cada año cuenta las actividades que ocurren en él dentro del periodo (el primero y el último pueden ser parciales). Una actividad que abarca varios años cuenta en cada uno, por lo que la suma de los años puede pasar del total.",
    "Each year counts the activities taking place in it within the period (the first and last may be partial). An activity spanning several years counts in each, so the years may add up to more than the total.",
);
pub(crate) const AGREEMENTS_BY_REGION: Label = Label::new("Convenios por región", "Agreements by region");
pub(crate) const REGION_COL: Label = Label::new("Región", "Region");
pub(crate) const AGREEMENTS_COL: Label = Label::new("Convenios", "Agreements");
pub(crate) const NO_COUNTRY: Label = Label::new("Sin país registrado", "No country recorded");
pub(crate) const YEAR_COL: Label = Label::new("Año", "Year");
pub(crate) const NETWORKS: Label = Label::new("Redes de ciudades", "City networks");
pub(crate) const NETWORKS_SENTENCE: Label<fn(usize) -> String> = Label {
    es: |n| if n == 1 { "En el periodo la ciudad participó en 1 red de ciudades.".into() } else { format!("En el periodo la ciudad participó en {} redes de ciudades.", format_count(n as f64)) },
    en: |n| if n == 1 { "In the period the city took part in 1 city network.".into() } else { format!("In the period the city took part in {} city networks.", format_count(n as f64)) },
};
pub(crate) const NETWORK_COL: Label = Label::new("Red", "Network");
pub(crate) const ROLES_COL: Label = Label::new("Cargo (órgano) y periodo", "Role (body) and term");
pub(crate) const YEARS_COL: Label = Label::new("Años", "Years");
pub(crate) const VISITS_BY_YEAR_AND_MONTH: Label = Label::new("Visitas recibidas por año y mes", "Visits received by year and month");
pub(crate) const MONTHS_SHORT: Label<[&str; 12]> = Label::new(
    ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"],
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
);
pub(crate) const AWARDS_BY_YEAR: Label = Label::new("Reconocimientos por año", "Awards by year");
pub(crate) const AWARD_COL: Label = Label::new("Reconocimiento", "Award");
pub(crate) const GRANTED_BY_COL: Label = Label::new("Otorgado por", "Granted by");
pub(crate) const CATEGORY_COL: Label = Label::new("Categoría", "Category");
pub(crate) const AWARDS_TOTAL: Label<fn(usize) -> String> = Label {
    es: |n| if n == 1 { "1 reconocimiento".into() } else { format!("{} reconocimientos", format_count(n as f64)) },
    en: |n| if n == 1 { "1 award".into() } else { format!("{} awards", format_count(n as f64)) },
};

// The previous comparable period beside this one (compare.rs).
pub(crate) const COMPARISON: Label = Label::new("Comparación con el periodo anterior", "Compared with the previous period");
pub(crate) const COMPARISON_NOTE: Label<fn(&str) -> String> = Label {
    es: |period| format!("Periodo anterior comparable: {period}, con los mismos filtros."),
    en: |period| format!("Previous comparable period: {period}, with the same filters."),
};
pub(crate) const FIGURE_COL: Label = Label::new("Concepto", "Figure");
pub(crate) const THIS_PERIOD_COL: Label = Label::new("Este periodo", "This period");
pub(crate) const PREVIOUS_PERIOD_COL: Label = Label::new("Periodo anterior", "Previous period");
pub(crate) const DIFFERENCE_COL: Label = Label::new("Diferencia", "Difference");
pub(crate) const FINANCING_IN: Label<fn(&str) -> String> = Label {
    es: |currency| format!("Financiamiento recibido en {currency}"),
    en: |currency| format!("Financing received in {currency}"),
};

// The agreements register (register.rs).
pub(crate) const REGISTER: Label = Label::new("Registro de convenios", "Agreements register");
pub(crate) const REGISTER_FILE: Label = Label::new("registro-convenios", "agreements-register");
pub(crate) const REGISTER_SENTENCE: Label<fn(&str, usize, u32) -> String> = Label {
    es: |today, n, days| format!(
        "Vigencia al {today} de los {} convenios firmados registrados, cualquiera que sea su fecha de firma. «Por vencer»: vigentes cuya vigencia termina en los próximos {days} días.",
        format_count(n as f64)
    ),
    en: |today, n, days| format!(
        "Validity on {today} of the {} signed agreements recorded, whatever their signing date. “Expiring”: in force, their validity ending within the next {days} days.",
        format_count(n as f64)
    ),
};
pub(crate) const EXPIRING_HEADING: Label<fn(u32) -> String> = Label {
    es: |days| format!("Por vencer en los próximos {days} días"),
    en: |days| format!("Expiring within {days} days"),
};
/// The heading of the register's group of agreements that stand so (the expiring ones' says
/// within how many days: [`EXPIRING_HEADING`]).
pub(crate) fn register_group(v: crate::store::Validity) -> Label {
    use crate::store::Validity;
    match v {
        Validity::Expiring => Label::new("Por vencer", "Expiring"),
        Validity::InForce => Label::new("Vigentes", "In force"),
        Validity::NoEndDate => Label::new("Sin fecha de término", "With no end date"),
        Validity::Expired => Label::new("Vencidos", "Expired"),
    }
}
pub(crate) const SIGNED_COL: Label = Label::new("Firma", "Signed");
pub(crate) const DAYS_LEFT_COL: Label = Label::new("Días restantes", "Days left");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(Lang::Es.page_of(3, 12), "Página 3 de 12");
        assert_eq!(Lang::En.page_of(3, 12), "Page 3 of 12");
        assert_eq!(Lang::default().contents(), "Contenido");
        assert_eq!(kind_plural(Kind::Press).pick(Lang::En), "International press");
        assert_eq!(TOP_NOTE.pick(Lang::Es)(10, 42), "Los 10 países con más actividades de los 42 registrados.");
    }
}

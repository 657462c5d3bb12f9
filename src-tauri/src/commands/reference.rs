use enlace::reference::{countries, currencies_usual_first, embassy, national_days_in, observances_in, Currency};
use enlace::Text;
use serde::Serialize;
use ts_rs::TS;

/// A country as the window's pickers and lists show it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct CountryRef {
    pub code: String,
    pub name_es: String,
    pub name_en: String,
    /// Other spellings that also find it ("Nueva Zelanda", "Holanda").
    pub variants: Vec<String>,
}

#[tauri::command]
pub fn list_countries() -> Vec<CountryRef> {
    countries()
        .iter()
        .map(|c| CountryRef { code: c.code.clone(), name_es: c.name_es.clone(), name_en: c.name_en.clone(), variants: c.variants.clone() })
        .collect()
}

/// Currencies for the currency picker, the office's usual ones first.
#[tauri::command]
pub fn list_currencies() -> Vec<Currency> {
    currencies_usual_first().into_iter().cloned().collect()
}

/// A day on which embassies ask cities to light monuments: a country's national day or an
/// international day.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct IlluminationDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// ISO alpha-2 code for a national day; `None` for an international day.
    pub country: Option<String>,
    pub name_es: String,
    pub name_en: String,
    pub colors_es: Option<String>,
    pub colors_en: Option<String>,
    /// For a national day, the country's embassy as it names itself (who usually asks).
    pub embassy: Option<Text>,
}

/// National and international days of `year`, in date order.
#[tauri::command]
pub fn illumination_calendar(year: i32) -> Vec<IlluminationDay> {
    let national = national_days_in(year).into_iter().filter_map(|(date, c)| {
        let day = c.national_day.as_ref()?;
        Some(IlluminationDay {
            date: date.to_string(),
            country: Some(c.code.clone()),
            name_es: day.name_es.clone(),
            name_en: day.name_en.clone(),
            colors_es: None,
            colors_en: None,
            embassy: embassy(&c.code),
        })
    });
    let international = observances_in(year).into_iter().map(|(date, o)| IlluminationDay {
        date: date.to_string(),
        country: None,
        name_es: o.name_es.clone(),
        name_en: o.name_en.clone(),
        colors_es: o.colors_es.clone(),
        colors_en: o.colors_en.clone(),
        embassy: None,
    });
    let mut days: Vec<IlluminationDay> = national.chain(international).collect();
    days.sort_by(|a, b| a.date.cmp(&b.date));
    days
}

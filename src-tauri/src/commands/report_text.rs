//! A passage pasted from an old report becomes draft activities for the person to review.

use enlace::interop::report_text::{drafts_from_text, reference_country, Draft as TextDraft, TextContext};
use enlace::interop::spanish_dates::DateContext;
use tauri::State;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

/// One draft per item of `text`. `period` ("2021-2", "julio a diciembre de 2021") gives the
/// year to dates that name none; organisations are matched against the directory.
#[tauri::command(async)]
pub fn drafts_from_report_text(state: State<'_, AppState>, text: String, period: Option<String>) -> CommandResult<Vec<TextDraft>> {
    drafts(&state, &text, period.as_deref())
}

fn drafts(state: &AppState, text: &str, period: Option<&str>) -> CommandResult<Vec<TextDraft>> {
    let dates = match period.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => DateContext::for_period(p).map_err(|e| {
            CommandError::new(ErrorCode::Invalid, format!("El periodo no se entiende: {}.", e.es), format!("The period cannot be read: {}.", e.en))
        })?,
        None => DateContext::default(),
    };
    let known: Vec<String> = state.store()?.organisations()?.into_iter().map(|o| o.name).collect();
    Ok(drafts_from_text(text, &TextContext { dates, known_organisations: &known, country_of: &reference_country }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_passage_gives_one_draft_per_item_dated_within_the_period() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path()).unwrap();
        let text = "Iluminación de monumentos\n\nSe iluminaron los monumentos en las siguientes fechas:\n20 julio: Día de la Independencia de Colombia\n27 julio: Celebración del Bicentenario de Perú\n";
        let found = drafts(&state, text, Some("2021-2")).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!((found[1].input.kind.as_str(), found[1].input.start_date.as_str()), ("illumination", "2021-07-27"));
        assert_eq!(found[1].input.countries, ["Perú"], "as written; the form resolves it");
        assert_eq!(drafts(&state, text, Some("nunca")).unwrap_err().code, ErrorCode::Invalid);
    }
}

//! Exported cells that cannot attack their reader: a spreadsheet runs a cell that starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (CSV injection), so such text
//! leaves with a leading apostrophe, the spreadsheets' own "this is text" mark, and the CSV
//! reader takes it off again. Leading apostrophes already in the text are counted in, so every
//! text comes back exactly: `'=x` leaves as `''=x` and reads back as `'=x`.

use std::borrow::Cow;

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would take `text` (past any leading apostrophes) for a formula.
pub fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// The text as written into a CSV cell.
pub fn guard(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a [`guard`]ed cell held; any other text is left alone.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_leave_as_text_and_every_text_comes_back() {
        for (text, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+52 55 1234", "'+52 55 1234"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("'=x", "''=x"),
            ("'nota", "'nota"),
            ("Reunión", "Reunión"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(guard(text), written, "{text:?}");
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
    }
}

//! Text helpers shared by matching, search and duplicate detection, and sizes as messages say them.

use unicode_normalization::UnicodeNormalization;

/// Folds text for comparison: lower case, accents removed, punctuation and
/// repeated spaces collapsed. "Embajada del  Perú" → "embajada del peru".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("  Embajada del  PERÚ. "), "embajada del peru");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Terézia Šajgalíková"), "terezia sajgalikova");
        assert_eq!(fold("Año"), "ano");
    }
}

/// "640 bytes", "2.1 KiB", "1.5 MiB": a size as messages give it.
pub fn size_text(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{:.1} KiB", bytes as f64 / KIB),
        _ => format!("{:.1} MiB", bytes as f64 / (KIB * KIB)),
    }
}

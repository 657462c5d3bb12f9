//! Line breaking with real glyph widths: greedy, at spaces; a word wider
//! than the line is split between characters rather than cut off.

use super::fonts::{Face, Fonts};

/// Breaks `text` into lines no wider than `width` points when set in
/// `face` at `size`. A `\n` always starts a new line; runs of spaces
/// collapse to one.
pub(crate) fn wrap(fonts: &Fonts, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
    let font = fonts.face(face);
    let space = font.width(" ", size);
    let mut lines = Vec::new();
    for source_line in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in source_line.split_whitespace() {
            let word_width = font.width(word, size);
            let needed = if line.is_empty() { word_width } else { line_width + space + word_width };
            if needed <= width + 0.01 {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // An overlong word (a URL, a long reference): fill lines char by char.
            line_width = 0.0;
            for c in word.chars() {
                let w = font.width(c.encode_utf8(&mut [0; 4]), size);
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// Shortens `text` with an ellipsis so that it fits in `width` points.
pub(crate) fn truncate(fonts: &Fonts, face: Face, size: f32, text: &str, width: f32) -> String {
    let font = fonts.face(face);
    if font.width(text, size) <= width {
        return text.to_string();
    }
    let budget = width - font.width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = font.width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_width_and_keeps_every_word() {
        let fonts = Fonts::load().unwrap();
        let text = "Reunión de trabajo con la Embajada del Perú sobre la iluminación del Ángel de la Independencia por el bicentenario";
        let lines = wrap(&fonts, Face::Regular, 10.0, text, 150.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(fonts.width(Face::Regular, line, 10.0) <= 150.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn splits_overlong_words_and_honours_newlines() {
        let fonts = Fonts::load().unwrap();
        let lines = wrap(&fonts, Face::Regular, 10.0, "a\nhttps://example.org/una/ruta/muy/larga/sin/espacios", 60.0);
        assert_eq!(lines[0], "a");
        assert!(lines.len() > 2);
        assert_eq!(lines[1..].concat(), "https://example.org/una/ruta/muy/larga/sin/espacios");
        assert_eq!(wrap(&fonts, Face::Regular, 10.0, "", 60.0), vec![String::new()]);
    }

    #[test]
    fn truncates_with_ellipsis() {
        let fonts = Fonts::load().unwrap();
        let short = truncate(&fonts, Face::Regular, 8.0, "Informe semestral de acción internacional", 80.0);
        assert!(short.ends_with('…') && fonts.width(Face::Regular, &short, 8.0) <= 80.0, "{short}");
        assert_eq!(truncate(&fonts, Face::Regular, 8.0, "Perú", 80.0), "Perú");
    }
}

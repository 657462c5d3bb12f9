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

/// A piece of a wrapped styled line: text in one face, `x` points from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub x: f32,
    pub face: Face,
    pub text: String,
}

/// Breaks text set in several faces into lines of pieces no wider than `width`, as [`wrap`]
/// does plain text: greedy at spaces (any whitespace, newlines included), a word may change
/// face midway ("**Perú**,"), an overlong word is split between characters.
pub(crate) fn wrap_styled(fonts: &Fonts, size: f32, runs: &[(Face, &str)], width: f32) -> Vec<Vec<Piece>> {
    let mut words: Vec<Vec<(Face, String)>> = Vec::new();
    let mut in_word = false;
    for (face, text) in runs {
        for c in text.chars() {
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                words.push(Vec::new());
                in_word = true;
            }
            let word = words.last_mut().expect("a word is open");
            match word.last_mut() {
                Some((f, t)) if f == face => t.push(c),
                _ => word.push((*face, c.to_string())),
            }
        }
    }
    let mut lines = Lines { fonts, size, lines: vec![Vec::new()], end: 0.0 };
    for word in words {
        let word_width: f32 = word.iter().map(|(f, t)| fonts.width(*f, t, size)).sum();
        if lines.end + lines.space() + word_width > width + 0.01 {
            lines.break_line();
        }
        if word_width <= width {
            let mut join = true;
            for (face, text) in word {
                lines.place(face, &text, join);
                join = false;
            }
            continue;
        }
        let mut join = true;
        for (face, text) in word {
            for c in text.chars() {
                let c = c.encode_utf8(&mut [0; 4]).to_string();
                if lines.end + fonts.width(face, &c, size) > width && lines.end > 0.0 {
                    lines.break_line();
                }
                lines.place(face, &c, std::mem::take(&mut join));
            }
        }
    }
    lines.lines
}

/// The lines [`wrap_styled`] is filling, and where the last one ends.
struct Lines<'a> {
    fonts: &'a Fonts,
    size: f32,
    lines: Vec<Vec<Piece>>,
    end: f32,
}

impl Lines<'_> {
    /// The space before the next word: in the face of the text before it; none at a line start.
    fn space(&self) -> f32 {
        self.current_last().map_or(0.0, |p| self.fonts.width(p.face, " ", self.size))
    }

    fn current_last(&self) -> Option<&Piece> {
        self.lines.last().and_then(|l| l.last())
    }

    fn break_line(&mut self) {
        if self.current_last().is_some() {
            self.lines.push(Vec::new());
            self.end = 0.0;
        }
    }

    /// Sets `text` at the end of the line; `word_start` puts a space before it (not at a line
    /// start). Text in the face of the piece before it joins that piece.
    fn place(&mut self, face: Face, text: &str, word_start: bool) {
        let space = if word_start { self.space() } else { 0.0 };
        let spaced = if space > 0.0 { format!(" {text}") } else { text.to_string() };
        let line = self.lines.last_mut().expect("a line is open");
        match line.last_mut() {
            Some(piece) if piece.face == face => piece.text.push_str(&spaced),
            _ => line.push(Piece { x: self.end + space, face, text: text.to_string() }),
        }
        self.end += space + self.fonts.width(face, text, self.size);
    }
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
    fn styled_text_wraps_like_plain_text_and_keeps_faces() {
        let fonts = Fonts::load().unwrap();
        let text = "Reunión de trabajo con la Embajada del Perú sobre la iluminación del Ángel de la Independencia";
        let plain = wrap(&fonts, Face::Regular, 10.0, text, 150.0);
        let styled = wrap_styled(&fonts, 10.0, &[(Face::Regular, text)], 150.0);
        let joined: Vec<String> = styled.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect();
        assert_eq!(joined, plain);

        let lines = wrap_styled(&fonts, 10.0, &[(Face::Regular, "la "), (Face::Bold, "Embajada"), (Face::Italic, ", del"), (Face::Regular, " Perú")], 500.0);
        let pieces: Vec<(Face, &str)> = lines[0].iter().map(|p| (p.face, p.text.as_str())).collect();
        assert_eq!(pieces, [(Face::Regular, "la"), (Face::Bold, "Embajada"), (Face::Italic, ", del"), (Face::Regular, "Perú")]);
        let bold_x = fonts.width(Face::Regular, "la ", 10.0);
        assert!((lines[0][1].x - bold_x).abs() < 0.01);
        assert!(lines[0][2].x > lines[0][1].x + fonts.width(Face::Bold, "Embajada", 10.0) - 0.01);

        let long = wrap_styled(&fonts, 10.0, &[(Face::Bold, "https://example.org/una/ruta/muy/larga")], 60.0);
        assert!(long.len() > 2);
        assert_eq!(long.iter().flatten().map(|p| p.text.as_str()).collect::<String>(), "https://example.org/una/ruta/muy/larga");
    }

    #[test]
    fn truncates_with_ellipsis() {
        let fonts = Fonts::load().unwrap();
        let short = truncate(&fonts, Face::Regular, 8.0, "Informe semestral de acción internacional", 80.0);
        assert!(short.ends_with('…') && fonts.width(Face::Regular, &short, 8.0) <= 80.0, "{short}");
        assert_eq!(truncate(&fonts, Face::Regular, 8.0, "Perú", 80.0), "Perú");
    }
}

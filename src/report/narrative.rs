//! The narrative markup people write in the app (a report's presentation, an axis'
//! introduction), read into document blocks. Deliberately tiny: paragraphs separated by blank
//! lines, `**bold**`, `*italic*`, and lines starting with `- ` as bulleted items; anything
//! else prints as written.
//!
//! ```
//! use enlace::report::{narrative, Block, Run};
//!
//! let blocks = narrative::blocks("Un **gran** semestre.\n\n- Perú\n- Chile");
//! assert_eq!(blocks.len(), 2);
//! assert!(matches!(&blocks[0], Block::Styled(runs) if runs[1] == Run { text: "gran".into(), bold: true, italic: false }));
//! ```

use super::{Block, Run};

/// The blocks `text` reads as, in order: a [`Block::Styled`] per paragraph (its lines joined
/// by spaces), a [`Block::StyledList`] per run of `- ` lines. Empty text gives no blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<Vec<Run>> = Vec::new();
    for line in text.lines().map(str::trim) {
        let item = line.strip_prefix("- ");
        if (line.is_empty() || item.is_some()) && !paragraph.is_empty() {
            out.push(Block::Styled(runs(&paragraph.join(" "))));
            paragraph.clear();
        }
        if item.is_none() && !items.is_empty() {
            out.push(Block::StyledList(std::mem::take(&mut items)));
        }
        match item {
            Some(item) => items.push(runs(item.trim())),
            None if !line.is_empty() => paragraph.push(line),
            None => {}
        }
    }
    if !paragraph.is_empty() {
        out.push(Block::Styled(runs(&paragraph.join(" "))));
    }
    if !items.is_empty() {
        out.push(Block::StyledList(items));
    }
    out.retain(|b| !b.is_empty());
    out
}

/// The styled runs of one paragraph or item: `**…**` bold, `*…*` italic (nestable). A marker
/// with no partner, or enclosing nothing or spaces at its edges ("2 * 3 * 4"), prints as written.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    inline(text, false, false, &mut out);
    out
}

fn inline(text: &str, bold: bool, italic: bool, out: &mut Vec<Run>) {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '*' {
            let marker = if rest.starts_with("**") { "**" } else { "*" };
            let after = &rest[marker.len()..];
            if let Some(inner) = closing(after, marker).map(|end| &after[..end]).filter(|s| encloses(s)) {
                push(out, std::mem::take(&mut plain), bold, italic);
                inline(inner, bold || marker == "**", italic || marker == "*", out);
                rest = &after[inner.len() + marker.len()..];
                continue;
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    push(out, plain, bold, italic);
}

/// Where `marker` closes in `text`: for `*`, the first single star (a `**` pair inside an
/// italic stretch is its bold part).
fn closing(text: &str, marker: &str) -> Option<usize> {
    if marker == "**" {
        return text.find("**");
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'*' {
            if bytes.get(i + 1) == Some(&b'*') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A marked stretch must hold text and not start or end with a space.
fn encloses(inner: &str) -> bool {
    !inner.is_empty() && inner.trim() == inner
}

/// Appends text in a style, joining it to the previous run when the style is the same.
fn push(out: &mut Vec<Run>, text: String, bold: bool, italic: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(&text),
        _ => out.push(Run { text, bold, italic }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, italic: bool) -> Run {
        Run { text: text.into(), bold, italic }
    }

    #[test]
    fn bold_italic_and_nesting() {
        assert_eq!(
            runs("La **Embajada del Perú** y *Casa de México*."),
            [run("La ", false, false), run("Embajada del Perú", true, false), run(" y ", false, false), run("Casa de México", false, true), run(".", false, false)]
        );
        assert_eq!(runs("*muy **buen** año*"), [run("muy ", false, true), run("buen", true, true), run(" año", false, true)]);
    }

    #[test]
    fn stray_markers_print_as_written() {
        for text in ["2 * 3 * 4", "un *solo asterisco", "**", "a ** b", "5*"] {
            assert_eq!(runs(text), [run(text, false, false)], "{text}");
        }
    }

    #[test]
    fn paragraphs_and_lists() {
        let text = "Primer párrafo\ncontinúa aquí.\n\n\nSegundo.\n- uno\n- **dos**\n\nFin.";
        assert_eq!(
            blocks(text),
            [
                Block::Styled(vec![run("Primer párrafo continúa aquí.", false, false)]),
                Block::Styled(vec![run("Segundo.", false, false)]),
                Block::StyledList(vec![vec![run("uno", false, false)], vec![run("dos", true, false)]]),
                Block::Styled(vec![run("Fin.", false, false)]),
            ]
        );
        assert!(blocks(" \n\n ").is_empty());
    }
}

//! Front matter: the cover and the table of contents.

use super::theme::*;
use super::{Composer, Draw};
use crate::report::document::Cover;
use crate::report::fonts::Face;
use crate::report::wrap::wrap;

/// A page of its own with no running header or footer: a dark band with the
/// office, the title and subtitle, and the details at the foot.
pub(super) fn cover(c: &mut Composer, cover: &Cover) {
    if c.pages.is_empty() || !c.at_page_top() {
        c.new_page();
    }
    c.pages.last_mut().expect("cover page").furniture = false;
    let (left, right, width, height) = (c.left, c.right, c.width, c.height);
    let text_width = right - left;

    let band = 150.0;
    c.draw(Draw::Rect { x: 0.0, y: 0.0, w: width, h: band, fill: ACCENT });
    let kicker = wrap(c.fonts, Face::Bold, 11.0, &cover.kicker, text_width);
    let mut y = band - 30.0 - 15.0 * kicker.len() as f32;
    for line in &kicker {
        c.text_at(left, y, TextStyle::new(Face::Bold, 11.0, 15.0, WHITE), line);
        y += 15.0;
    }

    let mut y = height * 0.36;
    for line in wrap(c.fonts, Face::Bold, 26.0, &cover.title, text_width) {
        c.text_at(left, y, TextStyle::new(Face::Bold, 26.0, 33.0, ACCENT), &line);
        y += 33.0;
    }
    y += 10.0;
    c.draw(Draw::Rect { x: left, y, w: 56.0, h: 3.0, fill: ACCENT });
    y += 16.0;
    for line in wrap(c.fonts, Face::Regular, 14.0, &cover.subtitle, text_width) {
        c.text_at(left, y, TextStyle::new(Face::Regular, 14.0, 19.0, MUTED), &line);
        y += 19.0;
    }

    let details: Vec<String> = cover
        .details
        .iter()
        .flat_map(|d| wrap(c.fonts, Face::Regular, BODY_SIZE, d, text_width))
        .collect();
    let mut y = height - 72.0 - BODY_LINE * details.len() as f32;
    c.draw(Draw::Line { x1: left, y1: y - 10.0, x2: right, y2: y - 10.0, width: 0.5, color: RULE, dotted: false });
    for line in &details {
        c.text_at(left, y, TextStyle::new(Face::Regular, BODY_SIZE, BODY_LINE, TEXT), line);
        y += BODY_LINE;
    }
    c.new_page();
}

/// "Contenido": every heading up to the document's depth with the page it
/// lands on (right-aligned, dotted leaders, clickable). It ends its page.
pub(super) fn contents(c: &mut Composer) {
    let entries: Vec<(u8, String)> = c
        .doc
        .blocks()
        .iter()
        .filter_map(|b| match b {
            crate::report::Block::Heading { level, text } if *level <= c.doc.toc_depth => Some((*level, text.clone())),
            _ => None,
        })
        .collect();
    let title_style = heading_style(1);
    c.reserve(title_style.line + 40.0);
    let title = c.doc.lang.contents();
    c.text_at(c.left, c.y, title_style.text(), title);
    c.y += title_style.line + 3.0;
    let (left, right, y) = (c.left, c.right, c.y);
    c.draw(Draw::Line { x1: left, y1: y, x2: right, y2: y, width: 1.0, color: ACCENT, dotted: false });
    c.y += 14.0;

    let number_column = 30.0;
    for (index, (level, text)) in entries.iter().enumerate() {
        let (face, size, indent, before) = match level {
            1 => (Face::Bold, 10.5, 0.0, 7.0),
            2 => (Face::Regular, BODY_SIZE, 16.0, 1.0),
            _ => (Face::Regular, 9.5, 32.0, 0.0),
        };
        let x = c.left + indent;
        let width = c.right - number_column - 8.0 - x;
        let lines = wrap(c.fonts, face, size, text, width);
        c.space(before);
        c.reserve(BODY_LINE * lines.len() as f32);
        let top = c.y;
        for line in &lines {
            c.text_at(x, c.y, TextStyle::new(face, size, BODY_LINE, TEXT), line);
            c.y += BODY_LINE;
        }
        let Some(page) = c.toc_pages.and_then(|pages| pages.get(index)).copied() else {
            continue;
        };
        let last_top = c.y - BODY_LINE;
        let baseline = Composer::baseline(last_top, BODY_LINE, size);
        let number = page.to_string();
        let number_width = c.fonts.width(face, &number, size);
        let last_width = c.fonts.width(face, lines.last().map_or("", String::as_str), size);
        let leader_start = x + last_width + 6.0;
        let leader_end = c.right - number_width - 6.0;
        if leader_end > leader_start {
            c.draw(Draw::Line { x1: leader_start, y1: baseline, x2: leader_end, y2: baseline, width: 0.8, color: MUTED, dotted: true });
        }
        c.draw(Draw::Text { x: c.right - number_width, baseline, face, size, color: TEXT, text: number });
        let link = Draw::Link { x, y: top, w: c.right - x, h: c.y - top, page };
        c.draw(link);
    }
    c.new_page();
}

//! The sign-off: "Elaboró / Revisó / Autorizó" boxes side by side at the end of a report,
//! each with room to sign above a line, the name and post below it, all on one page.

use super::theme::*;
use super::{Composer, Draw};
use crate::report::document::Signature;
use crate::report::fonts::Face;
use crate::report::wrap::wrap;

/// Room left above the line for the handwritten signature.
const SIGNING_ROOM: f32 = 46.0;
const COLUMN_GAP: f32 = 24.0;

pub(super) fn sign_off(c: &mut Composer, signatures: &[Signature]) {
    let role = TextStyle::new(Face::Bold, SMALL_SIZE, SMALL_LINE, MUTED);
    let name = TextStyle::new(Face::Bold, BODY_SIZE, BODY_LINE, TEXT);
    let post = TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, TEXT);
    let count = signatures.len().max(1) as f32;
    let column = (c.text_width() - COLUMN_GAP * (count - 1.0)) / count;
    let wrapped: Vec<[Vec<String>; 3]> = signatures
        .iter()
        .map(|s| [(role, &s.role), (name, &s.name), (post, &s.post)].map(|(style, text)| wrap(c.fonts, style.face, style.size, text, column)))
        .collect();
    let lines = |i: usize, style: TextStyle| wrapped.iter().map(|w| w[i].len()).max().unwrap_or(0) as f32 * style.line;
    let below = lines(1, name) + lines(2, post);
    let line_at = lines(0, role) + SIGNING_ROOM;

    c.space(BLOCK_GAP * 4.0);
    c.reserve(line_at + 4.0 + below);
    let top = c.y;
    for (i, [roles, names, posts]) in wrapped.iter().enumerate() {
        let x = c.left + i as f32 * (column + COLUMN_GAP);
        let mut y = top;
        for line in roles {
            centred(c, x, column, y, role, line);
            y += role.line;
        }
        let rule = top + line_at;
        c.draw(Draw::Line { x1: x + 8.0, y1: rule, x2: x + column - 8.0, y2: rule, width: 0.6, color: TEXT, dotted: false });
        let mut y = rule + 4.0;
        for (style, text) in names.iter().map(|l| (name, l)).chain(posts.iter().map(|l| (post, l))) {
            centred(c, x, column, y, style, text);
            y += style.line;
        }
    }
    c.y = top + line_at + 4.0 + below;
}

fn centred(c: &mut Composer, x: f32, width: f32, top: f32, style: TextStyle, text: &str) {
    let offset = (width - c.fonts.width(style.face, text, style.size)).max(0.0) / 2.0;
    c.text_at(x + offset, top, style, text);
}

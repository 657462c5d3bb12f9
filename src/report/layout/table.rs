//! Tables: wrapped cells, zebra rows, a header row repeated on every page
//! the table continues on, and a row taller than the space left split
//! between its lines rather than cut.

use super::theme::*;
use super::{Composer, Draw};
use crate::report::document::{Align, Table};
use crate::report::fonts::Face;
use crate::report::wrap::wrap;

const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;

/// Column geometry shared by every row.
struct Grid {
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
}

/// A row wrapped into lines per cell.
struct Row {
    cells: Vec<Vec<String>>,
    face: Face,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(1).max(1)
    }
}

fn row_height(lines: usize) -> f32 {
    lines as f32 * SMALL_LINE + 2.0 * PAD_Y
}

/// Tables of at most this many rows are measured whole to keep them on one
/// page (long tables are not, to spare wrapping every cell twice).
const SHORT_TABLE_ROWS: usize = 15;

fn grid(c: &Composer, table: &Table) -> Grid {
    let total: f32 = table.columns.iter().map(|col| col.width.max(0.01)).sum();
    let mut x = c.left;
    let mut grid = Grid { xs: Vec::new(), widths: Vec::new(), aligns: Vec::new() };
    for col in &table.columns {
        let w = c.text_width() * col.width.max(0.01) / total;
        grid.xs.push(x);
        grid.widths.push(w);
        grid.aligns.push(col.align);
        x += w;
    }
    grid
}

fn wrap_row(c: &Composer, grid: &Grid, cells: &[String], face: Face) -> Row {
    let cells = grid
        .widths
        .iter()
        .enumerate()
        .map(|(i, w)| wrap(c.fonts, face, SMALL_SIZE, cells.get(i).map_or("", String::as_str), w - 2.0 * PAD_X))
        .collect();
    Row { cells, face }
}

fn header_row(c: &Composer, grid: &Grid, table: &Table) -> Row {
    let headers: Vec<String> = table.columns.iter().map(|col| col.header.clone()).collect();
    wrap_row(c, grid, &headers, Face::Bold)
}

/// The height that must fit on the page where the table starts: all of a
/// short table (it is kept together), else its header and first row.
pub(super) fn start_height(c: &Composer, table: &Table) -> f32 {
    let grid = grid(c, table);
    let header = row_height(header_row(c, &grid, table).lines());
    let rows = table.rows.iter().map(|r| wrap_row(c, &grid, r, Face::Regular));
    if table.rows.len() <= SHORT_TABLE_ROWS {
        let totals = table.totals.iter().map(|r| wrap_row(c, &grid, r, Face::Bold));
        let whole = header + rows.chain(totals).map(|r| row_height(r.lines())).sum::<f32>();
        if whole <= c.column_height() / 3.0 {
            return whole;
        }
    }
    let first = table.rows.first().map_or(0, |r| wrap_row(c, &grid, r, Face::Regular).lines());
    header + row_height(first.min(3))
}

pub(super) fn table(c: &mut Composer, table: &Table) {
    let grid = grid(c, table);
    let header = header_row(c, &grid, table);
    let rows: Vec<Row> = table.rows.iter().map(|r| wrap_row(c, &grid, r, Face::Regular)).collect();
    let totals = table.totals.as_ref().map(|r| wrap_row(c, &grid, r, Face::Bold));

    c.space(BLOCK_GAP);
    c.reserve(start_height(c, table));
    draw_header(c, &grid, &header);

    for (index, row) in rows.iter().enumerate() {
        let fill = (index % 2 == 1).then_some(ZEBRA);
        place_row(c, &grid, &header, row, fill, false);
    }
    if let Some(totals) = &totals {
        place_row(c, &grid, &header, totals, Some(ACCENT_PALE), true);
    }
    c.space(BLOCK_GAP + 4.0);
}

/// Places a row, continuing it (or moving it whole) onto new pages under a
/// repeated header when it does not fit.
fn place_row(c: &mut Composer, grid: &Grid, header: &Row, row: &Row, fill: Option<Rgb>, totals: bool) {
    let header_height = row_height(header.lines());
    let fits_on_fresh_page = header_height + row_height(row.lines()) <= c.column_height();
    let mut from = 0;
    // Right after a page break something must be placed, or a pathological
    // row (taller than any page) would never advance.
    let mut fresh_page = false;
    while from < row.lines() {
        let left = row.lines() - from;
        let mut fit = ((c.room() - 2.0 * PAD_Y) / SMALL_LINE).floor().max(0.0) as usize;
        if fresh_page {
            fit = fit.max(1);
        }
        if fit >= left {
            draw_row(c, grid, row, from, left, fill, totals);
            return;
        }
        if fit > 0 && (fresh_page || !(from == 0 && fits_on_fresh_page)) {
            draw_row(c, grid, row, from, fit, fill, totals);
            from += fit;
        }
        c.new_page();
        draw_header(c, grid, header);
        fresh_page = true;
    }
}

fn draw_header(c: &mut Composer, grid: &Grid, header: &Row) {
    let height = row_height(header.lines());
    let (x, y, w) = (c.left, c.y, c.text_width());
    c.draw(Draw::Rect { x, y, w, h: height, fill: ACCENT });
    draw_cells(c, grid, header, 0, header.lines(), WHITE);
    c.y += height;
}

/// Draws lines `from..from + count` of a row at the cursor.
fn draw_row(c: &mut Composer, grid: &Grid, row: &Row, from: usize, count: usize, fill: Option<Rgb>, totals: bool) {
    let height = row_height(count);
    let (x, y, w) = (c.left, c.y, c.text_width());
    if let Some(fill) = fill {
        c.draw(Draw::Rect { x, y, w, h: height, fill });
    }
    if totals {
        c.draw(Draw::Line { x1: x, y1: y, x2: x + w, y2: y, width: 1.0, color: ACCENT, dotted: false });
    }
    draw_cells(c, grid, row, from, count, TEXT);
    let bottom = y + height;
    c.draw(Draw::Line { x1: x, y1: bottom, x2: x + w, y2: bottom, width: 0.4, color: RULE, dotted: false });
    c.y = bottom;
}

fn draw_cells(c: &mut Composer, grid: &Grid, row: &Row, from: usize, count: usize, color: Rgb) {
    let top = c.y + PAD_Y;
    for (col, lines) in row.cells.iter().enumerate() {
        for (i, line) in lines.iter().enumerate().skip(from).take(count) {
            let x = match grid.aligns[col] {
                Align::Left => grid.xs[col] + PAD_X,
                Align::Right => grid.xs[col] + grid.widths[col] - PAD_X - c.fonts.width(row.face, line, SMALL_SIZE),
            };
            let line_top = top + (i - from) as f32 * SMALL_LINE;
            c.text_at(x, line_top, TextStyle::new(row.face, SMALL_SIZE, SMALL_LINE, color), line);
        }
    }
}

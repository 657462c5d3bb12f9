//! Figures drawn rather than written: "numeralia" boxes and horizontal bar
//! charts, both as vector graphics with real (extractable) text.

use super::theme::*;
use super::{Composer, Draw};
use crate::report::document::{BarChart, Figure};
use crate::report::fonts::Face;
use crate::report::numbers::format_count;
use crate::report::wrap::wrap;

const FIGURES_PER_ROW: usize = 4;
const FIGURE_SIZE: f32 = 22.0;

/// Rows of up to four boxes: a big number over its label.
pub(super) fn figures(c: &mut Composer, figures: &[Figure]) {
    let gap = 10.0;
    c.space(BLOCK_GAP + 2.0);
    for chunk in figures.chunks(FIGURES_PER_ROW) {
        // A fixed grid: a short last row keeps the boxes' width.
        let per_row = FIGURES_PER_ROW as f32;
        let box_width = (c.text_width() - gap * (per_row - 1.0)) / per_row;
        let labels: Vec<Vec<String>> =
            chunk.iter().map(|f| wrap(c.fonts, Face::Regular, SMALL_SIZE, &f.label, box_width - 16.0)).collect();
        let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
        let value_line = FIGURE_SIZE * 1.3;
        let height = 12.0 + value_line + SMALL_LINE * label_lines as f32 + 12.0;
        c.reserve(height);
        let top = c.y;
        for (i, (figure, label)) in chunk.iter().zip(&labels).enumerate() {
            let x = c.left + i as f32 * (box_width + gap);
            c.draw(Draw::Rect { x, y: top, w: box_width, h: height, fill: ACCENT_PALE });
            c.draw(Draw::Rect { x, y: top, w: 3.0, h: height, fill: ACCENT });
            // Long values ("19,500 GBP") shrink to fit their box.
            let natural = c.fonts.width(Face::Bold, &figure.value, FIGURE_SIZE);
            let size = FIGURE_SIZE * ((box_width - 16.0) / natural).min(1.0);
            let value_width = c.fonts.width(Face::Bold, &figure.value, size);
            let centre = x + 1.5 + box_width / 2.0;
            c.text_at(centre - value_width / 2.0, top + 10.0, TextStyle::new(Face::Bold, size, value_line, ACCENT), &figure.value);
            for (n, line) in label.iter().enumerate() {
                let w = c.fonts.width(Face::Regular, line, SMALL_SIZE);
                let line_top = top + 10.0 + value_line + n as f32 * SMALL_LINE;
                c.text_at(centre - w / 2.0, line_top, TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, TEXT), line);
            }
        }
        c.y += height;
        c.space(gap);
    }
    c.space(BLOCK_GAP + 6.0);
}

/// A step of 1, 2 or 5 × 10ⁿ giving about `ticks` gridlines up to `max`
/// (whole numbers only when every value is whole).
fn axis_step(max: f64, ticks: f64, whole: bool) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = match raw / magnitude {
        n if n <= 1.0 => 1.0,
        n if n <= 2.0 => 2.0,
        n if n <= 5.0 => 5.0,
        _ => 10.0,
    } * magnitude;
    if whole {
        step.max(1.0)
    } else {
        step
    }
}

const BAR_HEIGHT: f32 = 11.0;
const AXIS_LABELS: f32 = 16.0;
const TITLE_LINE: f32 = 16.0;
/// Bars a piece of a split chart starts with at the least (and a heading above keeps with):
/// fewer would leave a title over a stub.
const LEAD_BARS: usize = 3;

/// The measured parts of a bar chart.
struct ChartPlan {
    label_width: f32,
    labels: Vec<Vec<String>>,
    /// Height of each bar's row.
    rows: Vec<f32>,
    title_line: f32,
    height: f32,
}

impl ChartPlan {
    /// Height of a piece drawing the bars `bars`, with a title line of `title_line`.
    fn piece_height(&self, title_line: f32, bars: std::ops::Range<usize>) -> f32 {
        title_line + 4.0 + self.rows[bars].iter().sum::<f32>() + 6.0 + AXIS_LABELS
    }
}

fn plan(c: &Composer, chart: &BarChart) -> ChartPlan {
    let fonts = c.fonts;
    let label_width = chart
        .bars
        .iter()
        .map(|b| fonts.width(Face::Regular, &b.label, SMALL_SIZE))
        .fold(0.0, f32::max)
        .min(c.text_width() * 0.34);
    let labels: Vec<Vec<String>> =
        chart.bars.iter().map(|b| wrap(fonts, Face::Regular, SMALL_SIZE, &b.label, label_width)).collect();
    let title_line = if chart.title.is_empty() { 0.0 } else { TITLE_LINE };
    let rows: Vec<f32> = labels.iter().map(|l| (l.len() as f32 * SMALL_LINE).max(BAR_HEIGHT) + 7.0).collect();
    let mut plan = ChartPlan { label_width, labels, rows, title_line, height: 0.0 };
    plan.height = plan.piece_height(title_line, 0..plan.rows.len());
    plan
}

/// The height a heading above a chart keeps with it: the whole chart when it fits on a page,
/// else the first bars of the first piece.
pub(super) fn lead_height(c: &Composer, chart: &BarChart) -> f32 {
    let plan = plan(c, chart);
    if plan.height <= c.column_height() {
        plan.height
    } else {
        plan.piece_height(plan.title_line, 0..LEAD_BARS.min(plan.rows.len()))
    }
}

/// Title, then one row per bar: label (right-aligned, wrapped), bar, value;
/// gridlines and tick labels along a value axis at the foot.
///
/// A chart that fits on a page but not in the room left moves whole to the next page. A chart
/// taller than a page is split between bars: each piece fills the room left (starting a page
/// when not even [`LEAD_BARS`] fit), and the next ones repeat the title (or the heading above
/// it) with "(continúa)" and keep the same scale, so bars compare across pages. Split rather
/// than scaled: thirty axes or two years of months scaled into one page would print labels
/// too small to read, and a page break between bars loses nothing.
pub(super) fn bar_chart(c: &mut Composer, chart: &BarChart) {
    let plan = plan(c, chart);
    let max = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let whole = chart.bars.iter().all(|b| b.value.fract() == 0.0);
    let step = axis_step(max, 5.0, whole);
    let axis = Axis { step, max: (max / step).ceil().max(1.0) * step };

    c.space(BLOCK_GAP + 4.0);
    if plan.height <= c.column_height() {
        c.reserve(plan.height);
        piece(c, chart, &plan, &axis, &chart.title, 0..chart.bars.len());
    } else {
        let mut start = 0;
        while start < chart.bars.len() {
            let title = if start == 0 {
                chart.title.clone()
            } else {
                let named = if chart.title.is_empty() { c.last_heading.as_str() } else { chart.title.as_str() };
                format!("{named} {}", c.doc.lang.continued()).trim().to_string()
            };
            let title_line = if title.is_empty() { 0.0 } else { TITLE_LINE };
            let lead = LEAD_BARS.min(chart.bars.len() - start);
            c.reserve(plan.piece_height(title_line, start..start + lead));
            let mut end = start + lead;
            while end < chart.bars.len() && plan.piece_height(title_line, start..end + 1) <= c.room() {
                end += 1;
            }
            piece(c, chart, &plan, &axis, &title, start..end);
            start = end;
            if start < chart.bars.len() {
                c.new_page();
            }
        }
    }
    c.space(BLOCK_GAP + 4.0);
}

/// The value axis every piece of a chart shares.
struct Axis {
    step: f64,
    max: f64,
}

/// Draws the bars `bars` of a chart from the cursor, under `title`.
fn piece(c: &mut Composer, chart: &BarChart, plan: &ChartPlan, axis: &Axis, title: &str, bars: std::ops::Range<usize>) {
    let fonts = c.fonts;
    let title_line = if title.is_empty() { 0.0 } else { TITLE_LINE };
    let top = c.y;
    c.text_at(c.left, top, TextStyle::new(Face::Bold, 9.5, title_line, SLATE), title);

    let x0 = c.left + plan.label_width + 10.0;
    let value_room = fonts.width(Face::Regular, &format_count(axis.max), SMALL_SIZE) + 8.0;
    let x1 = c.right - value_room;
    let plot_top = top + title_line + 4.0;
    let plot_bottom = plot_top + plan.rows[bars.clone()].iter().sum::<f32>() + 6.0;
    let scale = (x1 - x0) as f64 / axis.max;

    // Gridlines and tick labels.
    let ticks = (axis.max / axis.step).round() as usize;
    for t in 0..=ticks {
        let value = axis.step * t as f64;
        let x = x0 + (value * scale) as f32;
        let color = if t == 0 { MUTED } else { RULE };
        c.draw(Draw::Line { x1: x, y1: plot_top, x2: x, y2: plot_bottom, width: if t == 0 { 0.8 } else { 0.4 }, color, dotted: false });
        let text = format_count(value);
        let w = fonts.width(Face::Regular, &text, 7.5);
        c.text_at(x - w / 2.0, plot_bottom + 2.0, TextStyle::new(Face::Regular, 7.5, 12.0, MUTED), &text);
    }
    c.draw(Draw::Line { x1: x0, y1: plot_bottom, x2: x1, y2: plot_bottom, width: 0.8, color: MUTED, dotted: false });

    let mut y = plot_top + 3.0;
    for n in bars {
        let (bar, label, row) = (&chart.bars[n], &plan.labels[n], plan.rows[n]);
        let middle = y + row / 2.0;
        let label_top = middle - label.len() as f32 * SMALL_LINE / 2.0;
        for (i, line) in label.iter().enumerate() {
            let w = fonts.width(Face::Regular, line, SMALL_SIZE);
            c.text_at(x0 - 8.0 - w, label_top + i as f32 * SMALL_LINE, TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, TEXT), line);
        }
        let w = (bar.value.max(0.0) * scale) as f32;
        c.draw(Draw::Rect { x: x0, y: middle - BAR_HEIGHT / 2.0, w, h: BAR_HEIGHT, fill: ACCENT });
        c.text_at(x0 + w + 4.0, middle - SMALL_LINE / 2.0, TextStyle::new(Face::Bold, SMALL_SIZE, SMALL_LINE, TEXT), &format_count(bar.value));
        y += row;
    }
    c.y = plot_bottom + AXIS_LABELS;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(axis_step(37.0, 5.0, true), 10.0);
        assert_eq!(axis_step(3.0, 5.0, true), 1.0);
        assert_eq!(axis_step(0.0, 5.0, true), 1.0);
        assert_eq!(axis_step(0.9, 5.0, false), 0.2);
        assert_eq!(axis_step(1_200_000.0, 5.0, true), 500_000.0);
    }
}

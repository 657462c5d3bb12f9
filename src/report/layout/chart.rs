//! Figures drawn rather than written: "numeralia" boxes and horizontal bar
//! charts, both as vector graphics with real (extractable) text.

use super::theme::*;
use super::{Composer, Draw, Sheet};
use crate::report::document::{BarChart, Figure};
use crate::report::fonts::{Face, Fonts};
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

/// Measures a chart set `width` points wide.
fn plan(fonts: &Fonts, chart: &BarChart, width: f32) -> ChartPlan {
    let label_width = chart
        .bars
        .iter()
        .map(|b| fonts.width(Face::Regular, &b.label, SMALL_SIZE))
        .fold(0.0, f32::max)
        .min(width * 0.34);
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
    let plan = plan(c.fonts, chart, c.text_width());
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
    let plan = plan(c.fonts, chart, c.text_width());
    let axis = Axis::of(chart);

    c.space(BLOCK_GAP + 4.0);
    if plan.height <= c.column_height() {
        c.reserve(plan.height);
        c.piece(chart, &plan, &axis, &chart.title, 0..chart.bars.len());
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
            c.piece(chart, &plan, &axis, &title, start..end);
            start = end;
            if start < chart.bars.len() {
                c.new_page();
            }
        }
    }
    c.space(BLOCK_GAP + 4.0);
}

/// A bar chart drawn on sheets of its own, `width` points wide, for a document that places
/// pictures (Word): the same rows, labels, bars and axis the PDF draws, without the title (the
/// picture's caption says it). A chart taller than `max_height` is split between bars into
/// sheets that keep one scale, as the PDF splits it between pages.
pub(crate) fn chart_sheets(fonts: &Fonts, chart: &BarChart, width: f32, max_height: f32) -> Vec<Sheet> {
    let plan = plan(fonts, chart, width);
    let axis = Axis::of(chart);
    let mut sheets = Vec::new();
    let mut start = 0;
    while start < chart.bars.len() {
        let mut end = start + 1;
        while end < chart.bars.len() && plan.piece_height(0.0, start..end + 1) <= max_height {
            end += 1;
        }
        let height = plan.piece_height(0.0, start..end);
        sheets.push(Sheet { width, height, draws: draw_piece(fonts, chart, &plan, &axis, "", start..end, (0.0, width, 0.0)) });
        start = end;
    }
    sheets
}

/// The value axis every piece of a chart shares.
struct Axis {
    step: f64,
    max: f64,
}

impl Axis {
    /// Round steps up to a round maximum at or past the longest bar.
    fn of(chart: &BarChart) -> Axis {
        let max = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let whole = chart.bars.iter().all(|b| b.value.fract() == 0.0);
        let step = axis_step(max, 5.0, whole);
        Axis { step, max: (max / step).ceil().max(1.0) * step }
    }
}

impl Composer<'_> {
    /// Draws the bars `bars` of a chart from the cursor, under `title`, and moves past them.
    fn piece(&mut self, chart: &BarChart, plan: &ChartPlan, axis: &Axis, title: &str, bars: std::ops::Range<usize>) {
        let title_line = if title.is_empty() { 0.0 } else { TITLE_LINE };
        let draws = draw_piece(self.fonts, chart, plan, axis, title, bars.clone(), (self.left, self.right, self.y));
        draws.into_iter().for_each(|d| self.draw(d));
        self.y += plan.piece_height(title_line, bars);
    }
}

/// The drawing of the bars `bars` of a chart under `title`, between `left` and `right` from
/// `top` (points): label (right-aligned, wrapped), bar and value per row; gridlines and tick
/// labels along the value axis at the foot.
fn draw_piece(
    fonts: &Fonts,
    chart: &BarChart,
    plan: &ChartPlan,
    axis: &Axis,
    title: &str,
    bars: std::ops::Range<usize>,
    (left, right, top): (f32, f32, f32),
) -> Vec<Draw> {
    let mut out = Vec::new();
    let title_line = if title.is_empty() { 0.0 } else { TITLE_LINE };
    out.extend(Draw::text(left, top, TextStyle::new(Face::Bold, 9.5, title_line, SLATE), title));

    let x0 = left + plan.label_width + 10.0;
    let value_room = fonts.width(Face::Regular, &format_count(axis.max), SMALL_SIZE) + 8.0;
    let x1 = right - value_room;
    let plot_top = top + title_line + 4.0;
    let plot_bottom = plot_top + plan.rows[bars.clone()].iter().sum::<f32>() + 6.0;
    let scale = (x1 - x0) as f64 / axis.max;

    // Gridlines and tick labels.
    let ticks = (axis.max / axis.step).round() as usize;
    for t in 0..=ticks {
        let value = axis.step * t as f64;
        let x = x0 + (value * scale) as f32;
        let color = if t == 0 { MUTED } else { RULE };
        out.push(Draw::Line { x1: x, y1: plot_top, x2: x, y2: plot_bottom, width: if t == 0 { 0.8 } else { 0.4 }, color, dotted: false });
        let label = format_count(value);
        let w = fonts.width(Face::Regular, &label, 7.5);
        out.extend(Draw::text(x - w / 2.0, plot_bottom + 2.0, TextStyle::new(Face::Regular, 7.5, 12.0, MUTED), &label));
    }
    out.push(Draw::Line { x1: x0, y1: plot_bottom, x2: x1, y2: plot_bottom, width: 0.8, color: MUTED, dotted: false });

    let mut y = plot_top + 3.0;
    for n in bars {
        let (bar, label, row) = (&chart.bars[n], &plan.labels[n], plan.rows[n]);
        let middle = y + row / 2.0;
        let label_top = middle - label.len() as f32 * SMALL_LINE / 2.0;
        for (i, line) in label.iter().enumerate() {
            let w = fonts.width(Face::Regular, line, SMALL_SIZE);
            let style = TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, TEXT);
            out.extend(Draw::text(x0 - 8.0 - w, label_top + i as f32 * SMALL_LINE, style, line));
        }
        let w = (bar.value.max(0.0) * scale) as f32;
        out.push(Draw::Rect { x: x0, y: middle - BAR_HEIGHT / 2.0, w, h: BAR_HEIGHT, fill: ACCENT });
        let style = TextStyle::new(Face::Bold, SMALL_SIZE, SMALL_LINE, TEXT);
        out.extend(Draw::text(x0 + w + 4.0, middle - SMALL_LINE / 2.0, style, &format_count(bar.value)));
        y += row;
    }
    out
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

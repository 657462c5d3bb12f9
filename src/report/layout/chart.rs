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
        let per_row = chunk.len().max(2) as f32;
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
    c.space(BLOCK_GAP + 2.0);
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

/// The measured parts of a bar chart.
struct ChartPlan {
    label_width: f32,
    labels: Vec<Vec<String>>,
    /// Height of each bar's row.
    rows: Vec<f32>,
    title_line: f32,
    plot_height: f32,
    height: f32,
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
    let title_line = if chart.title.is_empty() { 0.0 } else { 16.0 };
    let rows: Vec<f32> = labels.iter().map(|l| (l.len() as f32 * SMALL_LINE).max(BAR_HEIGHT) + 7.0).collect();
    let plot_height: f32 = rows.iter().sum::<f32>() + 6.0;
    let height = title_line + 4.0 + plot_height + AXIS_LABELS;
    ChartPlan { label_width, labels, rows, title_line, plot_height, height }
}

/// The height a chart needs on one page (a heading above keeps with it).
pub(super) fn bar_chart_height(c: &Composer, chart: &BarChart) -> f32 {
    plan(c, chart).height
}

/// Title, then one row per bar: label (right-aligned, wrapped), bar, value;
/// gridlines and tick labels along a value axis at the foot.
pub(super) fn bar_chart(c: &mut Composer, chart: &BarChart) {
    let fonts = c.fonts;
    let ChartPlan { label_width, labels, rows, title_line, plot_height, height } = plan(c, chart);
    let max = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let whole = chart.bars.iter().all(|b| b.value.fract() == 0.0);
    let step = axis_step(max, 5.0, whole);
    let axis_max = (max / step).ceil().max(1.0) * step;

    c.space(BLOCK_GAP + 4.0);
    c.reserve(height);
    let top = c.y;
    c.text_at(c.left, top, TextStyle::new(Face::Bold, 9.5, title_line, SLATE), &chart.title);

    let x0 = c.left + label_width + 10.0;
    let value_room = fonts.width(Face::Regular, &format_count(axis_max), SMALL_SIZE) + 8.0;
    let x1 = c.right - value_room;
    let plot_top = top + title_line + 4.0;
    let plot_bottom = plot_top + plot_height;
    let scale = (x1 - x0) as f64 / axis_max;

    // Gridlines and tick labels.
    let ticks = (axis_max / step).round() as usize;
    for t in 0..=ticks {
        let value = step * t as f64;
        let x = x0 + (value * scale) as f32;
        let color = if t == 0 { MUTED } else { RULE };
        c.draw(Draw::Line { x1: x, y1: plot_top, x2: x, y2: plot_bottom, width: if t == 0 { 0.8 } else { 0.4 }, color, dotted: false });
        let text = format_count(value);
        let w = fonts.width(Face::Regular, &text, 7.5);
        c.text_at(x - w / 2.0, plot_bottom + 2.0, TextStyle::new(Face::Regular, 7.5, 12.0, MUTED), &text);
    }
    c.draw(Draw::Line { x1: x0, y1: plot_bottom, x2: x1, y2: plot_bottom, width: 0.8, color: MUTED, dotted: false });

    let mut y = plot_top + 3.0;
    for ((bar, label), row) in chart.bars.iter().zip(&labels).zip(&rows) {
        let middle = y + row / 2.0;
        let label_top = middle - label.len() as f32 * SMALL_LINE / 2.0;
        for (n, line) in label.iter().enumerate() {
            let w = fonts.width(Face::Regular, line, SMALL_SIZE);
            c.text_at(x0 - 8.0 - w, label_top + n as f32 * SMALL_LINE, TextStyle::new(Face::Regular, SMALL_SIZE, SMALL_LINE, TEXT), line);
        }
        let w = (bar.value.max(0.0) * scale) as f32;
        c.draw(Draw::Rect { x: x0, y: middle - BAR_HEIGHT / 2.0, w, h: BAR_HEIGHT, fill: ACCENT });
        c.text_at(x0 + w + 4.0, middle - SMALL_LINE / 2.0, TextStyle::new(Face::Bold, SMALL_SIZE, SMALL_LINE, TEXT), &format_count(bar.value));
        y += row;
    }
    c.y = plot_bottom + AXIS_LABELS;
    c.space(BLOCK_GAP + 4.0);
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

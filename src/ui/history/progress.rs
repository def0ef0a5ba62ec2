//! One exercise over time: a chart per side, personal records with dates,
//! and left against right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType};

use crate::app::history::{Metric, ProgressPage, Span};
use crate::domain::calendar::Calendar;
use crate::domain::cardio::{metres, pace_per};
use crate::domain::distance::DistanceUnit;
use crate::domain::progress::{PerSide, ProgressPoint};
use crate::domain::set::Side;
use crate::domain::{Unit, time};

use super::super::text;
use super::super::theme::Theme;

/// The value a point draws for `metric`; cardio reads in `unit`.
fn value(metric: Metric, unit: DistanceUnit, p: &ProgressPoint) -> PerSide {
    let both = |v: Option<f64>| PerSide {
        both: v,
        ..PerSide::default()
    };
    match metric {
        Metric::Estimate => p.e1rm_kg,
        Metric::Hold => p.hold_secs,
        Metric::Reps => p.reps,
        Metric::Distance => both(p.distance_m.map(|m| m / metres(unit))),
        Metric::Pace => both(p.pace_s_per_km.map(|s| s * metres(pace_per(unit)) / 1000.0)),
    }
}

/// The chart's title: a long and a short form.
fn metric_name(metric: Metric, unit: DistanceUnit) -> (String, String) {
    let (long, short) = match metric {
        Metric::Estimate => (
            "estimated 1RM, kg (Epley: load × (1 + reps/30))",
            "e1RM, kg",
        ),
        Metric::Reps => ("reps per session", "reps"),
        Metric::Hold => ("longest hold, s", "hold, s"),
        Metric::Distance => {
            let u = unit.as_str();
            return (format!("distance per session, {u}"), u.to_string());
        }
        Metric::Pace => {
            let u = pace_per(unit).as_str();
            return (format!("best pace, min per {u}"), format!("min/{u}"));
        }
    };
    (long.to_string(), short.to_string())
}

/// A y-axis label: pace as m:ss, small distances with a decimal.
fn y_label(metric: Metric, v: f64, step: f64) -> String {
    match metric {
        Metric::Pace => time::clock(std::time::Duration::from_secs_f64(v.max(0.0))),
        Metric::Distance if step < 5.0 => format!("{v:.1}"),
        _ => format!("{v:.0}"),
    }
}

/// The key line, short enough for a phone's 40 columns.
fn keys(metric: Metric, tab: bool) -> &'static str {
    match metric {
        Metric::Estimate | Metric::Reps if tab => "← → span · Tab e1RM / reps · Esc back",
        Metric::Distance | Metric::Pace => "← → span · Tab distance/pace · Esc back",
        _ => "← → time span · Esc back",
    }
}

/// A span's name, in a shorter form when the title row is narrow.
fn span_label(span: Span, short: bool) -> &'static str {
    match (span, short) {
        (_, false) => span.label(),
        (Span::Weeks12, true) => "12w",
        (Span::Year, true) => "1y",
        (Span::Years5, true) => "5y",
        (Span::All, true) => "all",
    }
}

pub fn draw(
    frame: &mut Frame,
    title: Rect,
    body: Rect,
    page: &ProgressPage,
    calendar: &Calendar,
    unit: Unit,
    theme: &Theme,
) -> &'static str {
    let long: usize = Span::ALL.iter().map(|s| text::width(s.label()) + 1).sum();
    let short = text::width(&page.exercise.name) + 1 + long > usize::from(title.width);
    let spans: Vec<TextSpan> = Span::ALL
        .iter()
        .flat_map(|&s| {
            let style = if s == page.span {
                theme.selected()
            } else {
                theme.dim()
            };
            [
                TextSpan::raw(" "),
                TextSpan::styled(span_label(s, short), style),
            ]
        })
        .collect();
    let mut line = vec![TextSpan::styled(
        format!(" {}", page.exercise.name),
        theme.title(),
    )];
    line.extend(spans);
    frame.render_widget(Line::from(line), title);
    let wide = body.width >= 90;
    let (chart_area, side_area) = if wide {
        let [c, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(38)]).areas(body);
        (c, r)
    } else {
        let records =
            super::records::height(&page.records, page.cardio.as_deref(), calendar, body.width);
        // The chart keeps room for a few rows of points and its axis.
        let [c, r] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(records.min(body.height.saturating_sub(8))),
        ])
        .areas(body);
        (c, r)
    };
    let balance = page.balance.as_ref().map(|b| format!(" {b}"));
    let chart_area = match balance {
        Some(text) => {
            let [chart, line] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(chart_area);
            frame.render_widget(Line::styled(text, theme.accent()), line);
            chart
        }
        None => chart_area,
    };
    draw_chart(frame, chart_area, page, calendar, theme);
    match &page.cardio {
        Some(c) => frame.render_widget(super::records::cardio(c, calendar, theme), side_area),
        None => super::records::draw_sides(frame, side_area, &page.records, calendar, unit, theme),
    }
    keys(page.metric, page.has_loads())
}

/// The chart's block: its name, and the legend coloured per line, in the
/// title row so that it covers no point.
fn chart_block<'a>(
    page: &ProgressPage,
    unit: DistanceUnit,
    width: u16,
    legend: &[(&'static str, Style)],
    theme: &Theme,
) -> Block<'a> {
    let (long, short) = metric_name(page.metric, unit);
    let legend_width: usize = legend.iter().map(|(n, _)| text::width(n) + 3).sum();
    let name = if text::width(&long) + legend_width + 4 <= usize::from(width) {
        long
    } else {
        short
    };
    let mut title = vec![TextSpan::styled(format!(" {name} "), theme.title())];
    for (n, style) in legend {
        title.push(TextSpan::styled(format!("━ {n} "), *style));
    }
    Block::bordered().title(Line::from(title))
}

/// A line of the chart: its name, its points (day, value) and its colour.
type Series = (&'static str, Vec<(f64, f64)>, Style);

fn draw_chart(
    frame: &mut Frame,
    area: Rect,
    page: &ProgressPage,
    calendar: &Calendar,
    theme: &Theme,
) {
    let unit = page
        .cardio
        .as_ref()
        .and_then(|c| c.unit)
        .unwrap_or(DistanceUnit::Km);
    let day = |p: &ProgressPoint| {
        page.from
            .map_or(0.0, |from| (p.at - from).num_seconds() as f64 / 86_400.0)
    };
    let series = |side: Option<Side>| -> Vec<(f64, f64)> {
        page.points
            .iter()
            .filter_map(|p| value(page.metric, unit, p).get(side).map(|v| (day(p), v)))
            .collect()
    };
    let lines: Vec<Series> = [
        ("both", series(None), theme.accent()),
        ("left", series(Some(Side::Left)), theme.good()),
        ("right", series(Some(Side::Right)), theme.title()),
    ]
    .into_iter()
    .filter(|(_, d, _)| !d.is_empty())
    .collect();
    // One line needs no legend; "both" beside sides does.
    let legend: Vec<(&'static str, Style)> = if lines.len() > 1 {
        lines.iter().map(|(n, _, s)| (*n, *s)).collect()
    } else {
        vec![]
    };
    let block = chart_block(page, unit, area.width, &legend, theme);
    let (Some(from), Some(to)) = (page.from, page.to) else {
        frame.render_widget(super::empty(" Loading…", theme).block(block), area);
        return;
    };
    // The y axis spans the values with a margin, not from zero: progress
    // of a few percent must show.
    let values = lines.iter().flat_map(|(_, d, _)| d.iter().map(|p| p.1));
    let Some((low, high)) = values.fold(None, |b: Option<(f64, f64)>, v| {
        Some(b.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
    }) else {
        let text = if page.points.is_empty() {
            " Nothing logged in this span."
        } else {
            " Nothing of this measure in this span."
        };
        frame.render_widget(super::empty(text, theme).block(block), area);
        return;
    };
    let pad = match page.metric {
        Metric::Distance => ((high - low) * 0.1).max(0.1),
        _ => ((high - low) * 0.1).max(1.0),
    };
    let (low, top) = ((low - pad).max(0.0), high + pad);
    let span_days = ((to - from).num_seconds() as f64 / 86_400.0).max(1.0);
    let datasets: Vec<Dataset> = lines
        .iter()
        .map(|(_, d, style)| {
            Dataset::default()
                .marker(Marker::Braille)
                // A line of one point draws nothing.
                .graph_type(if d.len() > 1 {
                    GraphType::Line
                } else {
                    GraphType::Scatter
                })
                .style(*style)
                .data(d)
        })
        .collect();
    let x_labels = vec![
        Line::from(super::date(calendar, from)),
        Line::from(super::date(calendar, to)),
    ];
    let step = (top - low) / 2.0;
    let y_labels = [low, low + step, top]
        .map(|v| Line::from(y_label(page.metric, v, step)))
        .to_vec();
    let chart = Chart::new(datasets)
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, span_days])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([low, top])
                .labels(y_labels)
                .style(theme.dim()),
        )
        .legend_position(None);
    frame.render_widget(chart, area);
}

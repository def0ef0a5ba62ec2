//! One exercise over time: a chart per side, personal records with dates,
//! and left against right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use crate::app::history::{Metric, ProgressPage, Span};
use crate::domain::calendar::Calendar;
use crate::domain::progress::{PerSide, ProgressPoint, SideRecords, latest_imbalance};
use crate::domain::set::Side;
use crate::domain::time;

use super::super::theme::Theme;

const KEYS: &str = "← → time span · Tab estimate / reps · Esc back";

fn metric_values(metric: Metric) -> impl Fn(&ProgressPoint) -> PerSide {
    move |p| match metric {
        Metric::Estimate => p.e1rm_kg,
        Metric::Hold => p.hold_secs,
        Metric::Reps => PerSide {
            both: Some(f64::from(p.reps)),
            left: None,
            right: None,
        },
    }
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Estimate => "estimated 1RM, kg (Epley: load × (1 + reps/30))",
        Metric::Reps => "reps per session",
        Metric::Hold => "longest hold per side, s",
    }
}

pub fn draw(
    frame: &mut Frame,
    title: Rect,
    body: Rect,
    page: &ProgressPage,
    calendar: &Calendar,
    theme: &Theme,
) -> &'static str {
    let spans: Vec<TextSpan> = Span::ALL
        .iter()
        .flat_map(|&s| {
            let style = if s == page.span {
                theme.selected()
            } else {
                theme.dim()
            };
            [TextSpan::raw(" "), TextSpan::styled(s.label(), style)]
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
        let [c, r] = Layout::vertical([Constraint::Fill(1), Constraint::Length(body.height / 2)])
            .areas(body);
        (c, r)
    };
    let [chart_area, balance] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(chart_area);
    draw_chart(frame, chart_area, page, calendar, theme);
    let values = metric_values(page.metric);
    let balance_text = match latest_imbalance(&page.points, &values) {
        Some(i) => format!(
            " Left vs right: {} {:.1}% weaker (mean of the latest points)",
            i.weaker.as_str(),
            i.percent
        ),
        None => String::new(),
    };
    frame.render_widget(Line::styled(balance_text, theme.accent()), balance);
    frame.render_widget(records(&page.records, calendar, theme), side_area);
    if page.metric == Metric::Hold {
        "← → time span · Esc back"
    } else {
        KEYS
    }
}

fn draw_chart(
    frame: &mut Frame,
    area: Rect,
    page: &ProgressPage,
    calendar: &Calendar,
    theme: &Theme,
) {
    let block = Block::bordered().title(format!(" {} ", metric_name(page.metric)));
    let (Some(from), Some(to)) = (page.from, page.to) else {
        frame.render_widget(super::empty(" Loading…", theme).block(block), area);
        return;
    };
    if page.points.is_empty() {
        frame.render_widget(
            super::empty(" Nothing logged in this span.", theme).block(block),
            area,
        );
        return;
    }
    let values = metric_values(page.metric);
    let day = |p: &ProgressPoint| (p.at - from).num_seconds() as f64 / 86_400.0;
    let series = |side: Option<Side>| -> Vec<(f64, f64)> {
        page.points
            .iter()
            .filter_map(|p| values(p).get(side).map(|v| (day(p), v)))
            .collect()
    };
    let lines = [
        ("both", series(None), theme.accent()),
        ("left", series(Some(Side::Left)), theme.good()),
        ("right", series(Some(Side::Right)), theme.title()),
    ];
    // The y axis spans the values with a margin, not from zero: progress
    // of a few percent must show.
    let values = lines.iter().flat_map(|(_, d, _)| d.iter().map(|p| p.1));
    let (low, high) = values.fold((f64::MAX, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((high - low) * 0.1).max(1.0);
    let (low, top) = ((low - pad).max(0.0), high + pad);
    let span_days = ((to - from).num_seconds() as f64 / 86_400.0).max(1.0);
    let datasets: Vec<Dataset> = lines
        .iter()
        .filter(|(_, d, _)| !d.is_empty())
        .map(|(name, d, style)| {
            Dataset::default()
                .name(*name)
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(*style)
                .data(d)
        })
        .collect();
    let x_labels = vec![
        Line::from(super::date(calendar, from)),
        Line::from(super::date(calendar, to)),
    ];
    let y_labels = vec![
        Line::from(format!("{low:.0}")),
        Line::from(format!("{:.0}", (low + top) / 2.0)),
        Line::from(format!("{top:.0}")),
    ];
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
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 1)));
    frame.render_widget(chart, area);
}

fn side_title(side: Option<Side>) -> &'static str {
    match side {
        None => "Both sides",
        Some(Side::Left) => "Left",
        Some(Side::Right) => "Right",
    }
}

fn records<'a>(sides: &[SideRecords], calendar: &Calendar, theme: &Theme) -> Paragraph<'a> {
    let mut lines = vec![];
    for s in sides {
        lines.push(Line::styled(side_title(s.side), theme.accent()));
        if let Some(r) = &s.heaviest {
            lines.push(Line::from(format!(
                " heaviest {} × {}  {}",
                r.value.0,
                r.value.1,
                super::date(calendar, r.at)
            )));
        }
        for r in s.most_reps.iter().take(2) {
            let load = crate::domain::load::show(r.value.0);
            lines.push(Line::from(format!(
                " reps     {} × {load}  {}",
                r.value.1,
                super::date(calendar, r.at)
            )));
        }
        if let Some(r) = &s.longest_hold {
            lines.push(Line::from(format!(
                " hold     {}  {}",
                time::clock(r.value),
                super::date(calendar, r.at)
            )));
        }
        if let Some(r) = &s.best_volume_kg {
            lines.push(Line::from(format!(
                " volume   {:.0} kg  {}",
                r.value,
                super::date(calendar, r.at)
            )));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled("No records yet.", theme.dim()));
    }
    Paragraph::new(lines).block(Block::bordered().title(" Personal records "))
}

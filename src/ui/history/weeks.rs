//! The week list: the streak, the last 12 weeks as bars, then every week
//! newest first with its sessions against the target.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Row};

use crate::app::history::{HistoryView, WeeksPage};
use crate::app::state::State;
use crate::domain::history::{Standing, WeekSummary};

use super::super::theme::Theme;

const KEYS: &str = "↑↓ move · Enter open week · r progress · Esc back";

pub fn draw(
    frame: &mut Frame,
    title: Rect,
    body: Rect,
    view: &HistoryView,
    page: &WeeksPage,
    state: &State,
    theme: &Theme,
) -> &'static str {
    let target = view.target;
    let streak = match page.streak {
        1 => "1 week".to_string(),
        n => format!("{n} weeks"),
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(" History", theme.title()),
            Span::raw(" · streak "),
            Span::styled(streak, theme.accent()),
            Span::raw(format!(" · {target} a week")),
        ]),
        title,
    );
    if !page.loaded {
        frame.render_widget(super::empty(" Loading…", theme), body);
        return KEYS;
    }
    if page.weeks.is_empty() {
        let text = " No history yet. Finish a session and it shows here, week by week.";
        frame.render_widget(
            super::empty(text, theme).block(Block::bordered().title(" Weeks ")),
            body,
        );
        return "Esc back";
    }
    let bars_height = if body.height >= 18 { 8 } else { 6 };
    let [bars, list] =
        Layout::vertical([Constraint::Length(bars_height), Constraint::Fill(1)]).areas(body);
    frame.render_widget(last_weeks(&page.weeks, target, bars.width, theme), bars);
    week_table(frame, list, page, target, state, theme);
    KEYS
}

/// Bars in "Last 12 weeks".
const BARS: usize = 12;

/// Sessions per week for the 12 newest weeks, oldest on the left; weeks
/// before the first session stand empty, so the chart always spans 12.
fn last_weeks<'a>(weeks: &[WeekSummary], target: u32, width: u16, theme: &Theme) -> BarChart<'a> {
    let label = |day: NaiveDate| Line::from(format!("{:02}", day.iso_week().week()));
    let shown = &weeks[..weeks.len().min(BARS)];
    let before = shown
        .last()
        .map(|w| w.week.first_day)
        .into_iter()
        .flat_map(|oldest| {
            (1..=BARS - shown.len())
                .rev()
                .filter_map(move |k| oldest.checked_sub_days(Days::new(7 * k as u64)))
        });
    let mut bars: Vec<Bar> = before
        .map(|day| Bar::default().value(0).label(label(day)))
        .collect();
    bars.extend(shown.iter().rev().map(|w| {
        let style = if w.met(target) {
            theme.good()
        } else {
            theme.dim()
        };
        Bar::default()
            .value(u64::from(w.totals.sessions))
            .label(label(w.week.first_day))
            .style(style)
            .value_style(theme.selected())
    }));
    BarChart::default()
        .block(Block::bordered().title(" Last 12 weeks: sessions "))
        .data(BarGroup::default().bars(&bars))
        .bar_width(if width >= 52 { 3 } else { 2 })
        .bar_gap(1)
        .max(u64::from(target.max(1)) * 2)
}

/// What a week's sessions say against the target, in words: the width
/// of the column decides between "1 short" and "short".
fn verdict(standing: Standing, wide: bool) -> String {
    match (standing, wide) {
        (Standing::Met, _) => "✓".into(),
        (Standing::Missed, _) => "missed".into(),
        (Standing::Short(n), true) => format!("{n} short"),
        (Standing::Short(_), false) => "short".into(),
        (Standing::ToGo(n), true) => format!("{n} to go"),
        (Standing::ToGo(_), false) => "to go".into(),
    }
}

/// Load moved in a phone's narrow column: "10.9k", its unit in the header
/// (a cut "10.9k k" said neither).
fn narrow_moved(moved: &str) -> String {
    moved.rsplit_once(' ').map_or(moved, |(n, _)| n).to_string()
}

fn week_table(
    frame: &mut Frame,
    area: Rect,
    page: &WeeksPage,
    target: u32,
    state: &State,
    theme: &Theme,
) {
    let wide = area.width >= 64;
    let unit = state.settings.unit;
    let rows = page.weeks.iter().map(|w| {
        let label = format!(
            "{} {}",
            w.week.first_day.format("%-d %b %y"),
            w.week.iso_label().split_once('-').map_or("", |x| x.1)
        );
        let marks: String = (0..target.max(w.totals.sessions))
            .map(|i| if i < w.totals.sessions { '●' } else { '○' })
            .collect();
        let verdict = verdict(w.standing(target, state.now.wall), wide);
        let style = if w.totals.sessions == 0 {
            theme.dim()
        } else {
            Style::new()
        };
        let [sets, reps, kg, held] = super::totals_cells(&w.totals, unit);
        let mut cells = vec![label, format!("{marks} {verdict}")];
        if w.totals.sessions > 0 {
            cells.extend(if wide {
                vec![sets, reps, kg, held]
            } else {
                vec![sets, narrow_moved(&kg)]
            });
        }
        Row::new(cells).style(style)
    });
    let (header, widths): (Vec<&str>, Vec<Constraint>) = if wide {
        (
            vec!["week", "sessions", "sets", "reps", "moved", "held"],
            vec![
                Constraint::Length(14),
                Constraint::Length(12),
                Constraint::Length(5),
                Constraint::Length(6),
                Constraint::Length(10),
                Constraint::Length(8),
            ],
        )
    } else {
        (
            vec!["week", "sessions", "sets", unit.as_str()],
            vec![
                Constraint::Length(14),
                Constraint::Length(9),
                Constraint::Length(4),
                Constraint::Fill(1),
            ],
        )
    };
    let block = Block::bordered().title(" Weeks ");
    super::table(
        frame,
        area,
        (Row::new(header), rows.collect()),
        widths,
        block,
        page.selected,
        theme,
    );
}

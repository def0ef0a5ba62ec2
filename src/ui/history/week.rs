//! One week: its sessions with their totals.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Row};

use crate::app::history::{HistoryView, WeekPage};
use crate::app::state::State;

use super::super::theme::Theme;

const KEYS: &str = "↑↓ move · Enter open session · r progress · Esc back";

pub fn draw(
    frame: &mut Frame,
    title: Rect,
    body: Rect,
    view: &HistoryView,
    page: &WeekPage,
    state: &State,
    theme: &Theme,
) -> &'static str {
    let w = &page.week;
    let narrow = title.width < 64;
    let verdict = match (w.met(view.target), narrow) {
        (true, false) => Span::styled(" ✓ target met", theme.good()),
        (true, true) => Span::styled(" ✓ met", theme.good()),
        (false, _) => Span::raw(""),
    };
    // A phone gets the short date, so the count and the verdict stay.
    let iso = w.week.iso_label();
    let (date, count) = if narrow {
        (
            format!(
                "{} ({})",
                w.week.first_day.format("%-d %b"),
                iso.split_once('-').map_or(iso.as_str(), |x| x.1)
            ),
            format!(" · {} of {}", w.totals.sessions, view.target),
        )
    } else {
        (
            format!("{} ({iso})", w.week.first_day.format("%a %-d %b %Y")),
            format!(" · {} of {} sessions", w.totals.sessions, view.target),
        )
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" Week of {date}"), theme.title()),
            Span::raw(count),
            verdict,
        ]),
        title,
    );
    let block = Block::bordered().title(" Sessions ");
    if !page.loaded {
        frame.render_widget(super::empty(" Loading…", theme).block(block), body);
        return KEYS;
    }
    if page.sessions.is_empty() {
        let why = if state.now.wall < w.week.end {
            " No sessions yet this week."
        } else {
            " No sessions this week: a missed week."
        };
        frame.render_widget(super::empty(why, theme).block(block), body);
        return "Esc back";
    }
    let wide = body.width >= 64;
    let unit = state.settings.unit;
    let rows = page.sessions.iter().map(|s| {
        let minutes = s
            .ended_at
            .map(|end| format!("{} min", (end - s.started_at).num_minutes()))
            .unwrap_or_else(|| "unfinished".into());
        let [sets, reps, kg, held] = super::totals_cells(&s.totals, unit);
        let mut cells = vec![
            super::when(&state.calendar, s.started_at),
            minutes,
            sets,
            kg,
        ];
        if wide {
            cells.extend([reps, held]);
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(17),
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Length(9),
    ];
    let mut header = vec!["started", "length", "sets", "moved"];
    if wide {
        widths.extend([Constraint::Length(6), Constraint::Length(8)]);
        header.extend(["reps", "held"]);
    }
    super::table(
        frame,
        body,
        (Row::new(header), rows.collect()),
        widths,
        block,
        page.selected,
        theme,
    );
    KEYS
}

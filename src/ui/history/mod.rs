//! The history screens: the week list, a week, a session, an exercise's
//! progress. Pure: they draw what the state holds and read no clock.

mod exercises;
mod progress;
mod records;
mod session;
mod week;
mod weeks;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};

use crate::app::history::{HistoryView, Page};
use crate::app::state::State;
use crate::domain::calendar::Calendar;
use crate::domain::history::Totals;
use crate::domain::load::kg_in;
use crate::domain::{Unit, time};

use super::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &HistoryView, theme: &Theme) {
    let keys = page(frame, area, 1, state, view, theme);
    // Keys that need a second row (a phone) get it: redrawn a row shorter.
    let status_rows =
        u16::try_from(super::status_line(state, keys, area.width, theme).line_count(area.width))
            .unwrap_or(1)
            .clamp(1, 2);
    if status_rows > 1 {
        frame.render_widget(ratatui::widgets::Clear, area);
        page(frame, area, status_rows, state, view, theme);
    }
    let status = Rect {
        y: area.bottom().saturating_sub(status_rows),
        height: status_rows.min(area.height),
        ..area
    };
    frame.render_widget(super::status_line(state, keys, status.width, theme), status);
}

/// The page over all but the bottom `status_rows`; its keys.
fn page(
    frame: &mut Frame,
    area: Rect,
    status_rows: u16,
    state: &State,
    view: &HistoryView,
    theme: &Theme,
) -> &'static str {
    let [title, body, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_rows),
    ])
    .areas(area);
    match view.page() {
        Some(Page::Weeks(p)) => weeks::draw(frame, title, body, view, p, state, theme),
        Some(Page::Week(p)) => week::draw(frame, title, body, view, p, state, theme),
        Some(Page::Session(p)) => session::draw(frame, title, body, p, state, theme),
        Some(Page::Exercises(p)) => exercises::draw(frame, title, body, p, theme),
        Some(Page::Progress(p)) => progress::draw(
            frame,
            title,
            body,
            p,
            &state.calendar,
            state.settings.unit,
            theme,
        ),
        None => "",
    }
}

/// Day and time in local time: "Mon 23 Nov 18:02".
fn when(calendar: &Calendar, at: DateTime<Utc>) -> String {
    calendar.local(at).format("%a %-d %b %H:%M").to_string()
}

/// A date in local time: "23 Nov 2026".
fn date(calendar: &Calendar, at: DateTime<Utc>) -> String {
    calendar.local(at).format("%-d %b %Y").to_string()
}

/// Load moved, in the unit the person uses; thousands as "k" to fit narrow columns.
fn moved(volume_kg: f64, unit: Unit) -> String {
    match kg_in(volume_kg, unit) {
        v if v >= 10_000.0 => format!("{:.1}k {}", v / 1000.0, unit.as_str()),
        v => format!("{v:.0} {}", unit.as_str()),
    }
}

/// The cells of a totals row: sets, reps, load moved, time held.
fn totals_cells(t: &Totals, unit: Unit) -> [String; 4] {
    [
        t.sets.to_string(),
        t.reps.to_string(),
        moved(t.volume_kg, unit),
        time::clock(t.held),
    ]
}

/// A table of rows under a dim header, the selected row highlighted.
fn table<'a>(
    frame: &mut Frame,
    area: Rect,
    (header, rows): (Row<'a>, Vec<Row<'a>>),
    widths: Vec<Constraint>,
    block: Block<'a>,
    selected: usize,
    theme: &Theme,
) {
    let table = Table::new(rows, widths)
        .header(header.style(theme.dim()))
        .block(block)
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶");
    frame.render_stateful_widget(
        table,
        area,
        &mut TableState::default().with_selected(Some(selected)),
    );
}

/// A centred, dim message in an empty panel.
fn empty<'a>(text: &'a str, theme: &Theme) -> Paragraph<'a> {
    Paragraph::new(Line::styled(text, theme.dim())).wrap(ratatui::widgets::Wrap { trim: true })
}

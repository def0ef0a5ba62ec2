//! The finish screen: what the session added up to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::Action;
use crate::app::state::State;
use crate::domain::load::kg_in;
use crate::domain::summary::Summary;
use crate::domain::time::clock;

use super::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, s: &Summary, theme: &Theme) {
    let [body, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let unit = state.settings.unit;
    let mut lines = vec![
        if s.sets > 0 {
            Line::styled("Session done. Well trained.", theme.title())
        } else {
            // Warm-ups alone, or nothing: say why the week's count stays.
            Line::styled(
                "Session ended with no working set: it does not count toward the week.",
                theme.title(),
            )
        },
        Line::from(""),
        Line::from(format!("Sets        {}", s.sets)),
        Line::from(format!("Reps        {}", s.reps)),
        Line::from(format!(
            "Load moved  {:.0} {}",
            kg_in(s.volume_kg, unit),
            unit.as_str()
        )),
    ];
    if !(s.held_left + s.held_right + s.held_both).is_zero() {
        lines.push(Line::from(format!(
            "Held        left {} · right {}",
            clock(s.held_left),
            clock(s.held_right)
        )));
        if !s.held_both.is_zero() {
            lines.push(Line::from(format!(
                "            both {}",
                clock(s.held_both)
            )));
        }
    }
    lines.push(Line::from(format!("Duration    {}", clock(s.duration))));
    if !s.records.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled("New records", theme.accent()));
        // A record too long for the row wraps under its own first word.
        let inner = usize::from(body.width.saturating_sub(2));
        lines.extend(
            s.records
                .iter()
                .flat_map(|r| super::wrap::wrap(&r.to_string(), inner, "  ★ ", "    "))
                .map(|row| Line::styled(row, theme.good())),
        );
    }
    frame.render_widget(
        // Narrow terminals wrap a record's line rather than cut it.
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Summary ")),
        body,
    );
    let keys = state
        .settings
        .keys
        .hint(&[(&[Action::Confirm], "home"), (&[Action::Quit], "quit")]);
    frame.render_widget(
        super::status_line(state, &keys, status.width, theme),
        status,
    );
}

//! Drawing. Every function here is pure: it reads the state and writes a
//! frame, and never reads a clock or a database.

mod big;
mod history;
mod hold_form;
mod home;
mod overlay;
mod plan;
mod session;
mod sets;
mod summary;
pub mod text;
pub mod theme;
mod timer;
mod wrap;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::state::{Screen, State};
use theme::Theme;

/// `n` and the noun, plural unless `n` is 1: "1 set", "3 sets".
pub fn count(n: impl Into<u64>, noun: &str) -> String {
    match n.into() {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    // The core decides, so that keys do nothing while this is all there is.
    if state.too_small() {
        let min = state.min_size();
        too_small(frame, area, min.width, min.height);
        return;
    }
    let theme = Theme::new(state.settings.color);
    match &state.screen {
        Screen::Home(home) => home::draw(frame, area, state, home, &theme),
        Screen::Session(view) => session::draw(frame, area, state, view, &theme),
        Screen::Summary(summary) => summary::draw(frame, area, state, summary, &theme),
        Screen::History(view) => history::draw(frame, area, state, view, &theme),
    }
    if let Some(o) = &state.overlay {
        overlay::draw(frame, area, state, o, &theme);
    }
    if state.damaged.is_some() {
        damaged(frame, area, &theme);
    }
}

/// A damaged database, in place of the status line and as few rows above it
/// as the words need: it cannot be missed, and the exercise and the set
/// that was not saved stay in view. The whole story (the file, what is
/// wrong, how to recover) goes to stderr at quit.
fn damaged(frame: &mut Frame, area: Rect, theme: &Theme) {
    let banner = Paragraph::new(
        "⚠ Database damaged: nothing more is saved. q quits and says how to recover it.",
    )
    .style(theme.error().add_modifier(Modifier::REVERSED))
    .wrap(Wrap { trim: true });
    let height = (banner.line_count(area.width) as u16).min(area.height);
    let bottom = Rect {
        y: area.bottom().saturating_sub(height),
        height,
        ..area
    };
    frame.render_widget(Clear, bottom);
    frame.render_widget(banner, bottom);
}

fn too_small(frame: &mut Frame, area: Rect, w: u16, h: u16) {
    let text = vec![
        Line::from("Enlarge the terminal"),
        Line::from(format!("to {w}×{h} (now {}×{})", area.width, area.height)),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}

/// The bottom line: the latest notice, else the keys that matter here.
/// A notice wraps to `width` (the caller gives it the rows), so its end is
/// not lost, and a figure stays whole ([`wrap`]).
fn status_line(state: &State, keys: &str, width: u16, theme: &Theme) -> Paragraph<'static> {
    let (text, style) = match &state.notice {
        Some((text, true)) => (format!("⚠ {text}"), theme.error()),
        Some((text, false)) => (text.clone(), theme.good()),
        None => (keys.to_string(), theme.dim()),
    };
    let rows = wrap::wrap(&text, usize::from(width), "", "");
    let lines: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
    Paragraph::new(lines)
}

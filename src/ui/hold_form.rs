//! The forms of a hold on the session screen: the load of a weighted hold
//! before it starts, and a logged hold being corrected (seconds and load).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::history::{Edit, HoldForm};
use crate::domain::Load;
use crate::domain::entry::SetEntry;

use super::text;
use super::theme::Theme;

/// A field `width` columns wide, `[ 12.5▏ ]`: its end shows when the
/// text is longer, the cursor while typing.
fn boxed(typed: &str, focused: bool, typing: bool, theme: &Theme) -> Span<'static> {
    let shown = if focused && typing {
        format!("{typed}▏")
    } else {
        typed.to_string()
    };
    let style = if focused {
        theme.selected()
    } else {
        Style::new()
    };
    Span::styled(
        format!("[{}]", text::center(text::tail(&shown, 6), 6)),
        style,
    )
}

fn or_bodyweight(load: &str) -> &str {
    if load.is_empty() { "BW" } else { load }
}

/// The load of a weighted hold waiting to start, and why it is refused.
pub fn load_lines(e: &SetEntry, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::raw(" load "),
        boxed(or_bodyweight(&e.load), true, e.editing, theme),
        Span::raw(format!(" {}", e.unit.as_str())),
    ])];
    if let Some((f, message)) = &e.error {
        lines.push(Line::styled(
            format!(" ⚠ {}: {message}", f.name()),
            theme.error(),
        ));
    }
    lines
}

/// The load a running hold will be logged with; its form is closed.
pub fn held_with(e: &SetEntry) -> Line<'static> {
    // The hold started only once its load read (`session::hold`).
    let load = match Load::parse(&e.load, e.unit) {
        Ok(Some(load)) => load.to_string(),
        _ => "bodyweight".to_string(),
    };
    Line::from(format!(" with {load}"))
}

/// The seconds and load of a hold being corrected.
pub fn correction_lines(form: &Edit, theme: &Theme) -> Vec<Line<'static>> {
    let Edit::Hold(f) = form else {
        return vec![];
    };
    let HoldForm {
        secs,
        load,
        unit,
        on_load,
        typed,
        ..
    } = f;
    let mut lines = vec![Line::from(vec![
        Span::raw(" held "),
        boxed(secs, !on_load, *typed, theme),
        Span::raw(" s load "),
        boxed(or_bodyweight(load), *on_load, *typed, theme),
        Span::raw(format!(" {}", unit.as_str())),
    ])];
    if let Some(message) = form.error() {
        lines.push(Line::styled(format!(" ⚠ {message}"), theme.error()));
    }
    lines
}

//! Choosing an exercise whose progress to open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState};

use crate::app::history::ExercisesPage;
use crate::domain::{Kind, Sides};

use super::super::text;
use super::super::theme::Theme;

const KEYS: &str = "↑↓ move · Enter progress · Esc back";

pub fn draw(
    frame: &mut Frame,
    title: Rect,
    body: Rect,
    page: &ExercisesPage,
    theme: &Theme,
) -> &'static str {
    frame.render_widget(
        Line::styled(" Progress · choose an exercise", theme.title()),
        title,
    );
    let block = Block::bordered().title(" Exercises ");
    if page.exercises.is_empty() {
        let text = if page.loaded {
            " Nothing logged yet."
        } else {
            " Loading…"
        };
        frame.render_widget(super::empty(text, theme).block(block), body);
        return "Esc back";
    }
    let items: Vec<ListItem> = page
        .exercises
        .iter()
        .map(|e| {
            let kind = match (e.kind, e.sides) {
                (Kind::Reps, Sides::Both) => "reps",
                (Kind::Reps, Sides::Each) => "reps, each side",
                (Kind::Hold, Sides::Both) => "hold",
                (Kind::Hold, Sides::Each) => "hold, each side",
                (Kind::Cardio, _) => "cardio",
            };
            ListItem::new(format!("{} {kind}", text::pad(&e.name, 24)))
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(
        list,
        body,
        &mut ListState::default().with_selected(Some(page.selected)),
    );
    KEYS
}

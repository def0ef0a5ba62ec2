//! Popups over the current screen: key help and yes/no questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::keymap::HELP;
use crate::app::state::Overlay;

use super::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, overlay: Overlay, theme: &Theme) {
    let (title, lines): (&str, Vec<Line>) = match overlay {
        Overlay::Help => (
            " Keys (Esc closes) ",
            HELP.iter()
                .map(|(k, what)| {
                    Line::from(vec![
                        Span::styled(format!("{k:<10}"), theme.accent()),
                        Span::raw(*what),
                    ])
                })
                .collect(),
        ),
        Overlay::ConfirmQuit => (
            " Quit? ",
            vec![
                Line::from("Quit now? The session stays saved"),
                Line::from("and can be resumed."),
                Line::from(""),
                Line::styled("y / Enter: quit   n / Esc: stay", theme.accent()),
            ],
        ),
        Overlay::ConfirmFinish => (
            " Finish? ",
            vec![
                Line::from("Finish this session?"),
                Line::from(""),
                Line::styled("y / Enter: finish   n / Esc: not yet", theme.accent()),
            ],
        ),
    };
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let popup = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(title)),
        popup,
    );
}

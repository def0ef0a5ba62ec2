//! Popups over the current screen: key help, questions, and small forms.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::keymap::Keymap;
use crate::app::overlay::{Annotation, HelpPage, Overlay};
use crate::app::plan::PlanMode;
use crate::app::state::{Screen, State};

use super::theme::Theme;
use super::{plan, text};

pub fn draw(frame: &mut Frame, area: Rect, state: &State, overlay: &Overlay, theme: &Theme) {
    let (title, lines) = match overlay {
        Overlay::Help { scroll } => (
            " Keys (Esc closes) ",
            help(&state.settings.keys, *scroll, area, theme),
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
        Overlay::ConfirmFinish {
            note,
            error,
            skipped,
        } => (
            " Finish the session? ",
            skipped_lines(skipped, theme)
                .into_iter()
                .chain([
                    Line::from("A note on the session (optional):"),
                    Line::from(text_field(note, true, 34, theme)),
                ])
                .chain(
                    error
                        .iter()
                        .map(|e| Line::styled(format!("⚠ {e}"), theme.error())),
                )
                .chain([
                    Line::from(""),
                    Line::styled("Enter: finish   Esc: not yet", theme.accent()),
                ])
                .collect(),
        ),
        Overlay::Annotate(form) => (" RPE and note ", annotate(form, theme)),
        Overlay::Plan(editor) => match &state.screen {
            Screen::Session(view) => {
                let focus = match editor.mode {
                    PlanMode::Browse => editor.cursor,
                    _ => 0,
                };
                let lines = plan::lines(editor, &view.session, &state.settings.keys, theme);
                return popup(frame, area, " Plan ", lines, focus);
            }
            _ => return,
        },
    };
    popup(frame, area, title, lines, 0);
}

/// A bordered popup sized to its wrapped lines. When they do not fit, the
/// last line (the keys) stays at the foot and the rest scrolls to keep the
/// line `focus` in view.
fn popup(frame: &mut Frame, area: Rect, title: &str, mut lines: Vec<Line<'static>>, focus: usize) {
    let width = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4).min(area.width);
    let inner_w = width.saturating_sub(2);
    let rows = |ls: &[Line<'static>]| {
        u16::try_from(
            Paragraph::new(ls.to_vec())
                .wrap(Wrap { trim: false })
                .line_count(inner_w),
        )
        .unwrap_or(u16::MAX)
    };
    let height = rows(&lines).saturating_add(2).min(area.height);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(title.to_string());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let keys = lines.pop().map(|l| vec![l]).unwrap_or_default();
    let keys_h = rows(&keys).min(inner.height);
    let [body, foot] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(keys_h)]).areas(inner);
    let through_focus = rows(&lines[..(focus + 1).min(lines.len())]);
    let scroll = through_focus.saturating_sub(body.height);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
    frame.render_widget(Paragraph::new(keys).wrap(Wrap { trim: false }), foot);
}

/// The help as the keys are bound now: the page scrolled to, and where it
/// is when it does not all fit.
fn help(keys: &Keymap, scroll: usize, area: Rect, theme: &Theme) -> Vec<Line<'static>> {
    let page = HelpPage::new(keys, area.as_size());
    let scroll = scroll.min(page.max_scroll());
    let width = page.key_width;
    let total = page.rows.len();
    let mut lines: Vec<Line<'static>> = page
        .rows
        .into_iter()
        .skip(scroll)
        .take(page.visible)
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(text::pad(&k, width), theme.accent()),
                Span::raw(what),
            ])
        })
        .collect();
    if page.visible < total {
        let more = match (scroll > 0, scroll + page.visible < total) {
            (true, true) => "↑↓ more",
            (true, false) => "↑ more",
            _ => "↓ more",
        };
        lines.push(Line::styled(
            format!(
                "{more} · {}-{} of {total} · PgUp PgDn",
                scroll + 1,
                scroll + page.visible
            ),
            theme.dim(),
        ));
    }
    lines
}

/// The exercises not started, one a line, before the finish question.
fn skipped_lines(skipped: &[String], theme: &Theme) -> Vec<Line<'static>> {
    if skipped.is_empty() {
        return vec![];
    }
    let head = match skipped.len() {
        1 => "Not started, skipped if you finish:".to_string(),
        n => format!("{n} not started, skipped if you finish:"),
    };
    let names = skipped.iter().map(|n| Line::from(format!(" · {n}")));
    [Line::styled(head, theme.error())]
        .into_iter()
        .chain(names)
        .chain([Line::from("")])
        .collect()
}

/// A one-line text field showing the end of what was typed; the style is
/// the span's, so that it stays when the field shares a line.
fn text_field(typed: &str, focused: bool, width: usize, theme: &Theme) -> Span<'static> {
    let tail = text::tail(typed, width - 1);
    let shown = if focused {
        format!("{tail}▏")
    } else {
        tail.to_string()
    };
    let style = if focused {
        theme.selected()
    } else {
        Style::new()
    };
    Span::styled(format!("[{}]", text::pad(&shown, width)), style)
}

fn annotate(form: &Annotation, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(format!("Last {}", form.label)),
        Line::from(""),
        Line::from(vec![
            Span::raw("RPE (1-10)  "),
            text_field(&form.rpe, !form.on_note, 5, theme),
        ]),
        Line::from("Note"),
        Line::from(text_field(&form.note, form.on_note, 34, theme)),
    ];
    if let Some(error) = &form.error {
        lines.push(Line::styled(format!("⚠ {error}"), theme.error()));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Tab switch   Enter save   Esc cancel",
        theme.accent(),
    ));
    lines
}

//! The plan editor popup: the session's exercises, a picker, a new-exercise form.

use ratatui::text::{Line, Span};

use crate::app::keymap::{Action, Keymap};
use crate::app::plan::{Choice, PlanEditor, PlanMode, choices};
use crate::domain::session::ActiveSession;
use crate::domain::{Kind, Sides};

use super::theme::Theme;

pub fn lines(
    editor: &PlanEditor,
    session: &ActiveSession,
    keys: &Keymap,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = match &editor.mode {
        PlanMode::Browse => browse(editor, session, keys, theme),
        PlanMode::Pick {
            swap,
            query,
            selected,
        } => {
            let list = choices(editor, query, |n| session.contains(n));
            let verb = if *swap { "Swap in" } else { "Add" };
            let mut out = vec![
                Line::from(format!(
                    "{verb} which exercise? Type to find or name a new one:"
                )),
                Line::styled(format!("[{query}▏]"), theme.selected()),
            ];
            let at = (*selected).min(list.len().saturating_sub(1));
            out.extend(list.iter().enumerate().take(8).map(|(i, c)| {
                let text = match c {
                    Choice::Known(k) => format!("{} ({})", k.name, kind_sides(k.kind, k.sides)),
                    Choice::New(name) => format!("New exercise: {name}"),
                };
                let style = if i == at {
                    theme.selected()
                } else {
                    theme.dim()
                };
                Line::styled(format!(" {text}"), style)
            }));
            out.push(Line::styled(
                "↑↓ choose · Enter take · Esc back",
                theme.accent(),
            ));
            out
        }
        PlanMode::New {
            name,
            kind,
            sides,
            on_name,
            ..
        } => {
            let name_style = if *on_name {
                theme.selected()
            } else {
                theme.dim()
            };
            vec![
                Line::from("A new exercise:"),
                Line::from(vec![
                    Span::raw("Name  "),
                    Span::styled(
                        format!("[{name}{}]", if *on_name { "▏" } else { "" }),
                        name_style,
                    ),
                ]),
                Line::from(format!(
                    "Kind  {}   (r reps, h hold)",
                    kind_sides(*kind, Sides::Both)
                )),
                Line::from(format!(
                    "Sides {}   (b both, e each side)",
                    if *sides == Sides::Each {
                        "each side"
                    } else {
                        "both"
                    }
                )),
                Line::styled("Tab edit name · Enter add · Esc back", theme.accent()),
            ]
        }
    };
    if let Some(error) = &editor.error {
        lines.push(Line::styled(format!("⚠ {error}"), theme.error()));
    }
    lines
}

fn browse(
    editor: &PlanEditor,
    session: &ActiveSession,
    keys: &Keymap,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = session
        .plan
        .iter()
        .enumerate()
        .map(|(i, ex)| {
            let done = session.logged_at(i).count();
            let mark = if i == session.position {
                "▶"
            } else if done > 0 {
                "✓"
            } else {
                " "
            };
            let text = format!(
                "{mark} {} · {}{}",
                ex.name,
                super::count(ex.sets, "set"),
                if done > 0 {
                    format!(", {done} logged")
                } else {
                    String::new()
                }
            );
            let style = if i == editor.cursor {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    out.push(Line::from(""));
    let hint = keys.hint(&[
        (&[Action::AddSet][..], "add"),
        (&[Action::Swap], "swap"),
        (&[Action::MoveUp, Action::MoveDown], "move"),
        (&[Action::Back], "close"),
    ]);
    out.push(Line::styled(hint, theme.accent()));
    out
}

fn kind_sides(kind: Kind, sides: Sides) -> String {
    let kind = if kind == Kind::Hold { "hold" } else { "reps" };
    if sides == Sides::Each {
        format!("{kind}, each side")
    } else {
        kind.to_string()
    }
}

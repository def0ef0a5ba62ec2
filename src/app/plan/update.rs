//! Keys in the plan editor.

use std::time::Duration;

use super::{Choice, PlanEditor, PlanMode, choices};
use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::overlay::Overlay;
use crate::app::state::State;
use crate::domain::exercise::Exercise;
use crate::domain::note;
use crate::domain::session::{ActiveSession, PlannedExercise};
use crate::domain::{Kind, Sides};

pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(view) = state.screen.session_mut() else {
        return vec![];
    };
    let cursor = view.session.position;
    state.overlay = Some(Overlay::Plan(PlanEditor {
        cursor,
        known: vec![],
        mode: PlanMode::Browse,
        error: None,
    }));
    vec![Effect::LoadExercises]
}

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let settings = &state.settings;
    let (Some(Overlay::Plan(editor)), Some(view)) =
        (state.overlay.as_mut(), state.screen.session_mut())
    else {
        return vec![];
    };
    let (close, mut effects) = edit(editor, &mut view.session, action, settings.default_rest);
    if let [Effect::SavePlan { position, .. }] = effects.as_slice() {
        view.stored_position = *position;
        if view.idle() {
            // The current exercise may be a new one now: prefill its form.
            view.ready(settings);
        }
    }
    effects.extend(view.store_position());
    if close {
        state.overlay = None;
    }
    effects
}

/// One key in the plan editor; returns whether it closes, and the effects.
fn edit(
    editor: &mut PlanEditor,
    session: &mut ActiveSession,
    action: Action,
    rest: Duration,
) -> (bool, Vec<Effect>) {
    editor.error = None;
    let len = session.plan.len();
    let mut chosen: Option<(bool, Exercise)> = None;
    let mut close = false;
    match &mut editor.mode {
        PlanMode::Browse => match action {
            Action::Up => editor.cursor = editor.cursor.saturating_sub(1),
            Action::Down => editor.cursor = (editor.cursor + 1).min(len.saturating_sub(1)),
            Action::MoveUp | Action::MoveDown => match session
                .shift(editor.cursor, action == Action::MoveUp)
            {
                Some(to) => {
                    editor.cursor = to;
                    return (false, vec![save(session)]);
                }
                None => editor.error = Some("Only exercises after the current one move.".into()),
            },
            Action::AddSet => {
                editor.mode = PlanMode::Pick {
                    swap: false,
                    query: String::new(),
                    selected: 0,
                }
            }
            Action::Swap if session.logged_at(editor.cursor).next().is_some() => {
                editor.error = Some("It has sets logged; add the other exercise instead.".into());
            }
            Action::Swap => {
                editor.mode = PlanMode::Pick {
                    swap: true,
                    query: String::new(),
                    selected: 0,
                }
            }
            Action::Back | Action::Plan | Action::Confirm | Action::Quit => close = true,
            _ => {}
        },
        PlanMode::Pick {
            swap,
            query,
            selected,
        } => match action {
            Action::Char(c) => {
                query.extend(note::clean(c));
                *selected = 0;
            }
            Action::Backspace => {
                note::backspace(query);
                *selected = 0;
            }
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected += 1,
            Action::Back => editor.mode = PlanMode::Browse,
            Action::Confirm => {
                let (swap, query, selected) = (*swap, query.clone(), *selected);
                let list = choices(editor, &query, |n| session.contains(n));
                match list.get(selected.min(list.len().saturating_sub(1))) {
                    Some(Choice::Known(k)) => chosen = Some((swap, k.clone())),
                    Some(Choice::New(name)) => {
                        let name = name.clone();
                        editor.mode = PlanMode::New {
                            swap,
                            name,
                            kind: Kind::Reps,
                            sides: Sides::Both,
                            on_name: false,
                        };
                    }
                    // With a name typed, nothing to offer means the exercise of
                    // that name is in the session already.
                    None => {
                        let taken = editor
                            .known
                            .iter()
                            .find(|k| k.name.eq_ignore_ascii_case(query.trim()));
                        editor.error = Some(match taken {
                            Some(k) => format!("{} is in this session already.", k.name),
                            None => "Type a name to find or create an exercise.".into(),
                        })
                    }
                }
            }
            _ => {}
        },
        PlanMode::New {
            swap,
            name,
            kind,
            sides,
            on_name,
        } => match action {
            Action::NextField => *on_name = !*on_name,
            Action::Char(c) if *on_name => name.extend(note::clean(c)),
            Action::Backspace if *on_name => {
                note::backspace(name);
            }
            Action::Char('r') => *kind = Kind::Reps,
            Action::Char('h') => *kind = Kind::Hold,
            Action::Char('b') => *sides = Sides::Both,
            Action::Char('e') => *sides = Sides::Each,
            Action::Back => editor.mode = PlanMode::Browse,
            Action::Confirm if name.trim().is_empty() => {
                editor.error = Some("The exercise needs a name.".into())
            }
            Action::Confirm if session.contains(name) => {
                editor.error = Some("It is in this session already.".into())
            }
            Action::Confirm => {
                chosen = Some((
                    *swap,
                    Exercise {
                        id: 0,
                        name: name.trim().to_string(),
                        kind: *kind,
                        sides: *sides,
                    },
                ));
            }
            _ => {}
        },
    }
    let Some((swap, known)) = chosen else {
        return (close, vec![]);
    };
    let entry = PlannedExercise::added(&known, rest);
    editor.mode = PlanMode::Browse;
    if swap {
        if let Err(e) = session.swap(editor.cursor, entry) {
            editor.error = Some(e.into());
            return (false, vec![]);
        }
    } else {
        session.insert_after(editor.cursor, entry);
        editor.cursor += 1;
    }
    (false, vec![save(session)])
}

fn save(session: &ActiveSession) -> Effect {
    Effect::SavePlan {
        session: session.id,
        plan: session.plan.clone(),
        position: session.position,
    }
}

//! The one place state changes: `update(state, msg, now) -> effects`. It
//! reads no clock and touches no database; the executor and the loop do.

use super::history::Edit;
use super::keymap::{Action, Input};
use super::msg::{Effect, Msg, Now};
use super::overlay::Overlay;
use super::plan::PlanMode;
use super::session::{Fixing, SessionView, Step};
use super::state::{Screen, State};
use super::{history, home, overlay, session};
use crate::domain::entry::{Field, SetEntry};
use crate::domain::note::{self, MAX_NOTE};

pub fn update(state: &mut State, msg: Msg, now: Now) -> Vec<Effect> {
    state.now = now;
    let mut effects = fire_deadlines(state);
    effects.extend(handle(state, msg));
    effects
}

fn handle(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => match state.settings.keys.action(key, input(state)) {
            Some(Action::ForceQuit) => state.quit(),
            // Only "Enlarge the terminal" is on screen: nothing happens blind.
            Some(_) if state.too_small() => vec![],
            Some(action) => on_action(state, action),
            None => vec![],
        },
        Msg::Paste(_) if state.too_small() => vec![],
        Msg::Paste(text) => paste(state, &text),
        Msg::Resize(size) => {
            state.size = Some(size);
            vec![]
        }
        Msg::Tick => vec![],
        Msg::Terminate => state.quit(),
        Msg::HomeLoaded(data) => {
            if let Screen::Home(home) = &mut state.screen {
                home.unfinished = data.unfinished;
                home.week_done = data.week_done;
            }
            let last = state.home_items().len().saturating_sub(1);
            if let Screen::Home(home) = &mut state.screen {
                home.selected = home.selected.min(last);
            }
            vec![]
        }
        Msg::SessionLoaded(active) => {
            let resumed = (!active.logged.is_empty()).then_some(active.id);
            let plan_next = state.plan_next(&active);
            let mut view = SessionView::open(active, &state.settings);
            // A file written before positions followed the resume rule.
            let mut effects = view.store_position();
            effects.extend(plan_next);
            state.screen = Screen::Session(Box::new(view));
            state.notice = None;
            if let Some(session) = resumed {
                effects.push(Effect::History(history::HistoryEffect::RecallRecords(
                    session,
                )));
            }
            effects
        }
        Msg::NextPlanned { session, next } => session::on_advised(state, session, &next),
        Msg::SetSaved(saved) => session::on_saved(state, saved),
        Msg::Annotated { id, rpe, note } => {
            if let Some(view) = state.screen.session_mut()
                && let Some(logged) = view.session.logged.iter_mut().find(|l| l.id == id)
            {
                logged.set.rpe = rpe;
                logged.set.note = note;
            }
            state.notice = Some(("RPE and note saved.".into(), false));
            vec![]
        }
        Msg::SaveFailed(reason) => session::on_save_failed(state, reason),
        Msg::Finished(mut summary) => {
            if let Screen::Session(view) = &state.screen {
                summary.records = view.records.clone();
            }
            state.screen = Screen::Summary(summary);
            state.notice = None;
            vec![]
        }
        Msg::ExercisesLoaded(known) => {
            if let Some(Overlay::Plan(editor)) = &mut state.overlay {
                editor.known = known;
            }
            vec![]
        }
        Msg::PlanSaved(plan) => {
            let settings = state.settings.clone();
            if let Some(view) = state.screen.session_mut() {
                let current_changed = view.session.current().map(|e| &e.name)
                    != plan.get(view.session.position).map(|e| &e.name);
                view.session.replan(plan);
                if view.idle() || current_changed {
                    view.ready(&settings);
                }
            }
            vec![]
        }
        Msg::StoreFailed(reason) => {
            match &mut state.screen {
                Screen::Session(view) => view.undoing = false,
                // What failed may be the session it was opening: let Enter retry.
                Screen::Home(home) => home.opening = false,
                _ => {}
            }
            state.notice = Some((reason, true));
            vec![]
        }
        Msg::Damaged(text) => {
            // Whatever is on screen (an unsaved set, a note being typed)
            // stays; the banner says why nothing more is saved.
            state.damaged = Some(text);
            vec![]
        }
        Msg::History(history::HistoryMsg::Corrected {
            correction,
            session,
            sets,
        }) if matches!(state.screen, Screen::Session(_)) => {
            session::on_corrected(state, correction, session, sets)
        }
        Msg::History(msg) => history::on_msg(state, msg),
    }
}

fn input(state: &State) -> Input {
    match (&state.overlay, &state.screen) {
        (Some(o), _) if o.takes_text() => Input::Text,
        (Some(_), _) => Input::Commands,
        (None, Screen::Session(v)) => match &v.fixing {
            Some(Fixing::Edit {
                form: Edit::Reps(entry),
                ..
            }) => entry_input(entry),
            // A hold's load takes `u` for its unit, as the reps form's does.
            Some(Fixing::Edit {
                form: Edit::Hold(f),
                ..
            }) if f.on_load => Input::Load,
            Some(Fixing::Edit { .. }) => Input::Number,
            Some(Fixing::Pick(_)) => Input::Commands,
            None if entry_input(&v.entry) == Input::Text && v.step != Step::Ready => {
                Input::Commands
            }
            None => entry_input(&v.entry),
        },
        _ => Input::Commands,
    }
}

/// What keys are in a set's form.
fn entry_input(entry: &SetEntry) -> Input {
    match (entry.typing_text(), entry.editing, entry.focus) {
        (true, _, _) => Input::Text,
        (false, true, Field::Load) => Input::Load,
        (false, true, _) => Input::Number,
        (false, false, _) => Input::Commands,
    }
}

/// Pasted text is typed into the field being edited, as if each character
/// were a key, with line breaks as spaces: never an Enter that logs a set,
/// nor a letter taken for a command where no field takes text.
fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    if !takes_paste(state) {
        state.notice = Some((
            "Nothing pasted: choose a field to type in first.".into(),
            true,
        ));
        return vec![];
    }
    // Past the longest field's limit every character would be refused.
    note::clean_text(text)
        .chars()
        .take(MAX_NOTE + 1)
        .flat_map(|c| on_action(state, Action::Char(c)))
        .collect()
}

fn takes_paste(state: &State) -> bool {
    match (&state.overlay, &state.screen) {
        (Some(Overlay::ConfirmFinish { .. } | Overlay::Annotate(_)), _) => true,
        (Some(Overlay::Plan(editor)), _) => matches!(
            editor.mode,
            PlanMode::Pick { .. } | PlanMode::New { on_name: true, .. }
        ),
        (Some(_), _) => false,
        (None, Screen::Session(v)) => v.reps_form_open(),
        (None, _) => false,
    }
}

fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    if state.overlay.is_some() {
        return overlay::on_action(state, action);
    }
    match action {
        Action::Help => {
            state.overlay = Some(Overlay::Help { scroll: 0 });
            vec![]
        }
        _ => match &mut state.screen {
            Screen::Home(_) => home::on_action(state, action),
            Screen::Session(_) => session::on_action(state, action),
            Screen::History(_) => history::on_action(state, action),
            Screen::Summary(_) => match action {
                Action::Confirm | Action::Back => state.go_home(),
                Action::Quit => state.quit(),
                _ => vec![],
            },
        },
    }
}

/// Deadlines that have passed fire, whatever message woke us.
fn fire_deadlines(state: &mut State) -> Vec<Effect> {
    if state.flash_until.is_some_and(|t| t <= state.now.at) {
        state.flash_until = None;
    }
    let now = state.now.at;
    let fired = match &mut state.screen {
        Screen::Session(view) => session::fire(view, now),
        _ => false,
    };
    if fired { state.cue() } else { vec![] }
}

//! The live session: walking through sets, timing holds, reps and rests,
//! and handing every confirmed set to the store before moving on.

mod hold;
mod reps;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::domain::entry::SetEntry;
use crate::domain::session::ActiveSession;
use crate::domain::set::{Rpe, Work};
use crate::domain::timer::Countdown;
use crate::domain::{Kind, LoggedSet, NewSet};

use super::history::HistoryEffect;
use super::keymap::Action;
use super::msg::Effect;
use super::state::{Overlay, SessionView, Settings, State, Step};
use super::update::view_mut;

/// Rest steps for + and -, in seconds.
const REST_STEP: i64 = 15;

type Notice = Option<(String, bool)>;

pub fn open(session: ActiveSession, settings: &Settings) -> SessionView {
    let stored_position = session.position;
    let mut view = SessionView {
        session,
        step: Step::Ready,
        entry: SetEntry::new(1, None, settings.unit),
        stopwatch: None,
        timed: None,
        tempo_mark: None,
        rest: None,
        pending: None,
        records: vec![],
        stored_position,
    };
    view.session.position = view.session.resume_position();
    ready(&mut view, settings);
    view
}

/// Tells the store where a resume would open whenever that changes, so the
/// home screen's "at EXERCISE" is where Resume goes. Looking back at a
/// finished exercise moves nothing: a resume still goes on from there.
pub fn store_position(view: &mut SessionView) -> Vec<Effect> {
    let position = view.session.resume_position();
    if position == view.stored_position {
        return vec![];
    }
    view.stored_position = position;
    vec![Effect::SavePosition {
        session: view.session.id,
        position,
    }]
}

/// Prepares the next set of the current exercise: a prefilled form, or Done.
pub(super) fn ready(view: &mut SessionView, settings: &Settings) {
    view.stopwatch = None;
    view.timed = None;
    view.tempo_mark = None;
    view.step = match view.slot() {
        Some(slot) => {
            let (reps, load) = view.session.prefill(view.session.position, slot);
            view.entry = SetEntry::new(reps, load, settings.unit);
            Step::Ready
        }
        None if view.session.next_open_position(0).is_some() => Step::Ready,
        None => Step::Done,
    };
}

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let (now, settings) = (state.now, state.settings.clone());
    let Some(view) = view_mut(state) else {
        return vec![];
    };
    let overlay = match action {
        Action::Quit => Some(Overlay::ConfirmQuit),
        Action::Finish if !view.timing_hold() => Some(Overlay::ConfirmFinish {
            note: String::new(),
            error: None,
        }),
        Action::Annotate if !view.timing_hold() => {
            view.session.logged.last().map(Overlay::annotate)
        }
        _ => None,
    };
    if overlay.is_some() {
        state.overlay = overlay;
        return vec![];
    }
    if action == Action::Plan && !view.timing_hold() {
        return super::plan::open(state);
    }
    match action {
        Action::RestLonger | Action::RestShorter if view.rest.is_some() => {
            let secs = if action == Action::RestLonger {
                REST_STEP
            } else {
                -REST_STEP
            };
            if let Some(rest) = &mut view.rest {
                rest.adjust(now.at, secs);
            }
            return vec![];
        }
        Action::Toggle if view.rest.is_some() && !view.timing_hold() => {
            view.rest = None;
            return vec![];
        }
        _ => {}
    }
    let (mut effects, notice) = step_action(view, action, now.at, now.wall, &settings);
    effects.extend(store_position(view));
    if let Some(notice) = notice {
        state.notice = Some(notice);
    }
    effects
}

fn step_action(
    view: &mut SessionView,
    action: Action,
    now: Instant,
    wall: DateTime<Utc>,
    settings: &Settings,
) -> (Vec<Effect>, Notice) {
    if view.pending.is_some() {
        return (vec![], None);
    }
    if view.timing_hold() {
        return hold::on_action(view, action, now, wall);
    }
    match (&view.step, action) {
        (Step::Unsaved(set), Action::Confirm) => {
            let set = set.clone();
            view.pending = Some(set.clone());
            (vec![Effect::SaveSet(set)], None)
        }
        (Step::Unsaved(_), _) => (
            vec![],
            Some(("This set is not saved yet: Enter tries again.".into(), true)),
        ),
        (_, Action::Left) => move_to(view, view.session.position.checked_sub(1), settings),
        (_, Action::Right) => move_to(view, Some(view.session.position + 1), settings),
        (_, Action::AddSet) => {
            view.session.add_set();
            if view.step == Step::Done {
                ready(view, settings);
            }
            (plan_effect(view), None)
        }
        (_, Action::RemoveSet) => {
            if !view.session.remove_set() {
                return (
                    vec![],
                    Some(("Only sets not yet logged can be removed.".into(), true)),
                );
            }
            ready(view, settings);
            (plan_effect(view), None)
        }
        (Step::Ready, Action::Toggle | Action::Confirm) if view.kind() == Some(Kind::Hold) => {
            hold::start(view, now, settings);
            (vec![], None)
        }
        (Step::Ready, _) if view.kind() == Some(Kind::Reps) => {
            reps::on_action(view, action, now, wall)
        }
        _ => (vec![], None),
    }
}

fn plan_effect(view: &SessionView) -> Vec<Effect> {
    let position = view.session.position;
    let sets = view.session.current().map_or(0, |e| e.sets);
    vec![Effect::SavePlannedSets {
        session: view.session.id,
        position,
        sets,
    }]
}

fn move_to(
    view: &mut SessionView,
    position: Option<usize>,
    settings: &Settings,
) -> (Vec<Effect>, Notice) {
    if let Some(p) = position.filter(|&p| p < view.session.plan.len()) {
        view.session.position = p;
        ready(view, settings);
    }
    (vec![], None)
}

/// Hands the current slot's set to the store; the screen moves on only
/// when the store says it is saved.
fn save(
    view: &mut SessionView,
    work: Work,
    duration: Option<Duration>,
    (rpe, note): (Option<Rpe>, Option<String>),
    wall: DateTime<Utc>,
) -> Vec<Effect> {
    let (Some(slot), Some(ex)) = (view.slot(), view.session.current()) else {
        return vec![];
    };
    let set = NewSet {
        session_id: view.session.id,
        exercise_id: ex.exercise_id,
        set_number: slot.set_number,
        side: slot.side,
        work,
        duration,
        rpe,
        note,
        logged_at: wall,
    };
    view.pending = Some(set.clone());
    vec![Effect::SaveSet(set)]
}

pub fn on_saved(state: &mut State, saved: LoggedSet) -> Vec<Effect> {
    let (now, settings) = (state.now.at, state.settings.clone());
    let Some(view) = view_mut(state) else {
        return vec![];
    };
    view.pending = None;
    let name = view
        .session
        .current()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    let side = saved
        .set
        .side
        .map(|s| format!(" {}", s.as_str()))
        .unwrap_or_default();
    let notice = format!(
        "Saved {name} set {}{side}: {}",
        saved.set.set_number, saved.set.work
    );
    let finished_set = saved.set.set_number;
    let mut effects = vec![Effect::History(HistoryEffect::CheckRecords(saved.clone()))];
    view.session.logged.push(saved);
    let rest = view.session.current().map(|e| e.rest).unwrap_or_default();
    match view.slot() {
        // The other side of the same set follows without a rest.
        Some(slot) if slot.set_number == finished_set => {
            if view.kind() == Some(Kind::Hold) {
                view.step = Step::Switch {
                    countdown: Countdown::start(now, settings.switch_sides),
                };
            } else {
                ready(view, &settings);
            }
        }
        Some(_) => {
            ready(view, &settings);
            view.rest = Some(Countdown::start(now, rest));
        }
        // The exercise is done: on to the next with a set to do, or back
        // to one skipped earlier.
        None => {
            view.session.position = view.session.resume_position();
            ready(view, &settings);
            if view.step != Step::Done {
                view.rest = Some(Countdown::start(now, rest));
            }
        }
    }
    effects.extend(store_position(view));
    state.notice = Some((notice, false));
    effects
}

pub fn on_save_failed(state: &mut State, reason: String) -> Vec<Effect> {
    if let Some(view) = view_mut(state)
        && let Some(set) = view.pending.take()
    {
        view.step = Step::Unsaved(set);
    }
    state.notice = Some((format!("Not saved: {reason}. Enter tries again."), true));
    vec![]
}

/// Advances timers whose deadline has passed; true when that deserves a cue.
pub fn fire(view: &mut SessionView, now: Instant) -> bool {
    let rest_over = view.rest.is_some_and(|r| r.is_done(now));
    if rest_over {
        view.rest = None;
    }
    let hold = hold::fire(view, now);
    let tempo = reps::fire_tempo(view, now);
    rest_over || hold || tempo
}

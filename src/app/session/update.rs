//! Keys and the store's answers during a live session.

use std::time::Instant;

use chrono::{DateTime, Utc};

use super::{Change, Notice, SessionView, Step, fix, hold, reps};
use crate::app::history::HistoryEffect;
use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::overlay::Overlay;
use crate::app::plan;
use crate::app::settings::Settings;
use crate::app::state::State;
use crate::domain::correction::Correction;
use crate::domain::history::SetRow;
use crate::domain::progression::NextSession;
use crate::domain::set::SetType;
use crate::domain::timer::Countdown;
use crate::domain::{Kind, LoggedSet};

/// Rest steps for + and -, in seconds.
const REST_STEP: i64 = 15;

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let (now, settings) = (state.now, state.settings.clone());
    let Some(view) = state.screen.session_mut() else {
        return vec![];
    };
    let overlay = match action {
        Action::Quit => Some(Overlay::ConfirmQuit),
        Action::Finish if !view.timing_hold() => Some(Overlay::ConfirmFinish {
            note: String::new(),
            error: None,
            skipped: view.session.untouched(),
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
        return plan::open(state);
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
                // Lengthened back into the future, its end is cued again.
                view.rest_over &= rest.is_done(now.at);
            }
            return vec![];
        }
        Action::Toggle if view.rest.is_some() && !view.timing_hold() => {
            view.end_rest();
            return vec![];
        }
        _ => {}
    }
    let was_fixing = view.fixing.is_some();
    let (mut effects, notice) = step_action(view, action, now.at, now.wall, &settings);
    effects.extend(view.store_position());
    // Choosing a set to fix: the status line shows the keys for it.
    if !was_fixing && view.fixing.is_some() {
        state.notice = None;
    }
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
    if !matches!(view.step, Step::Unsaved(_))
        && let Some(out) = fix::on_action(view, action, settings.unit)
    {
        return out;
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
                view.ready(settings);
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
            view.ready(settings);
            let notice = view.what_next(&settings.keys).map(|text| (text, false));
            (plan_effect(view), notice)
        }
        (Step::Ready, Action::Toggle | Action::Confirm) if view.kind() == Some(Kind::Hold) => {
            hold::start(view, now, settings);
            (vec![], None)
        }
        (Step::Ready, _) if view.session.weighted_hold(view.session.position) => {
            hold::on_form(view, action, settings);
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
        view.ready(settings);
    }
    (vec![], None)
}

pub fn on_saved(state: &mut State, saved: LoggedSet) -> Vec<Effect> {
    let (now, settings) = (state.now.at, state.settings.clone());
    let Some(view) = state.screen.session_mut() else {
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
    let set = if saved.set.set_type == SetType::Warmup {
        "warm-up"
    } else {
        "set"
    };
    let notice = format!(
        "Saved {name} {set} {}{side}: {}",
        saved.set.set_number, saved.set.work
    );
    let (finished_set, warmup) = (saved.set.set_number, saved.set.set_type == SetType::Warmup);
    // A warm-up is no record: nothing to check.
    let mut effects = if warmup {
        vec![]
    } else {
        vec![Effect::History(HistoryEffect::LoadBests(saved.clone()))]
    };
    view.changes.push(Change::Logged(saved.id));
    view.session.logged.push(saved);
    let rest = view.session.current().map(|e| e.rest).unwrap_or_default();
    match view.slot() {
        // The other side of the same set follows without a rest, and so
        // does the next warm-up: the rest is for working sets.
        Some(slot)
            if warmup || (slot.set_number == finished_set && slot.set_type == SetType::Normal) =>
        {
            if view.kind() == Some(Kind::Hold) {
                view.step = Step::Switch {
                    countdown: Countdown::start(now, settings.switch_sides),
                };
            } else {
                view.ready(&settings);
            }
        }
        Some(_) => {
            view.ready(&settings);
            view.start_rest(now, rest);
        }
        // The exercise is done: on to the next with a set to do, or back
        // to one skipped earlier.
        None => {
            view.session.position = view.session.resume_position();
            view.ready(&settings);
            if view.step != Step::Done {
                view.start_rest(now, rest);
            }
        }
    }
    effects.extend(view.store_position());
    state.notice = Some((notice, false));
    effects
}

/// The store answered what the routine's rules advise for `session`: the
/// first set of each exercise is prefilled with it, a fresh session takes
/// its sets (kept by the store), and a lighter week is said.
pub fn on_advised(state: &mut State, session: i64, next: &NextSession) -> Vec<Effect> {
    let settings = state.settings.clone();
    let Some(view) = state.screen.session_of(session) else {
        return vec![];
    };
    let changed = view.session.advise(next);
    let effects = changed
        .into_iter()
        .filter_map(|position| {
            let sets = view.session.plan.get(position)?.sets;
            Some(Effect::SavePlannedSets {
                session,
                position,
                sets,
            })
        })
        .collect();
    if view.idle() {
        view.ready(&settings);
    }
    if let Some(week) = &next.week {
        state.notice = Some((week.note.clone(), false));
    }
    effects
}

/// The store saved a correction, a deletion or an undo of this session.
pub fn on_corrected(
    state: &mut State,
    correction: Option<Correction>,
    session: i64,
    rows: Vec<SetRow>,
) -> Vec<Effect> {
    let settings = state.settings.clone();
    let Some(view) = state.screen.session_of(session) else {
        return vec![];
    };
    let text = fix::apply(view, correction, rows);
    // A set taken back is to do again; a form being typed is left alone.
    if view.idle() || view.step == Step::Done || view.slot().is_none() {
        view.session.position = view.session.resume_position();
        view.ready(&settings);
    }
    let effects = view.store_position();
    state.notice = Some((text, false));
    effects
}

pub fn on_save_failed(state: &mut State, reason: String) -> Vec<Effect> {
    if let Some(view) = state.screen.session_mut()
        && let Some(set) = view.pending.take()
    {
        view.step = Step::Unsaved(set);
    }
    state.notice = Some((format!("Not saved: {reason}. Enter tries again."), true));
    vec![]
}

/// Advances timers whose deadline has passed; true when that deserves a cue.
pub fn fire(view: &mut SessionView, now: Instant) -> bool {
    let rest_over = !view.rest_over && view.rest.is_some_and(|r| r.is_done(now));
    if rest_over {
        view.rest_over = true;
    }
    let hold = hold::fire(view, now);
    let tempo = reps::fire_tempo(view, now);
    rest_over || hold || tempo
}

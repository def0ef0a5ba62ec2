//! A reps set: the form, the set stopwatch, and the tempo timer.

use std::time::Instant;

use chrono::{DateTime, TimeDelta, Utc};

use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::domain::entry::{Entered, SetEntry};
use crate::domain::set::Work;
use crate::domain::timer::Stopwatch;

use super::{Notice, SessionView};

pub(super) fn on_action(
    view: &mut SessionView,
    action: Action,
    now: Instant,
    wall: DateTime<Utc>,
) -> (Vec<Effect>, Notice) {
    let tempo_running = view.stopwatch.is_some() && view.tempo().is_some();
    let entry = &mut view.entry;
    match action {
        _ if super::type_key(entry, action) => {}
        Action::Down | Action::NextField => entry.focus_next(),
        Action::Up => entry.focus_previous(),
        Action::Back if entry.editing => {
            let unit = view.entry.unit;
            if let Some(slot) = view.slot() {
                let p = view.session.prefill(view.session.position, slot);
                view.entry = SetEntry::new(p.reps, p.load, unit);
            }
        }
        Action::Toggle => toggle_timer(view, now),
        // Enter stops a running tempo set first, so its counted reps can be checked.
        Action::Confirm if tempo_running => toggle_timer(view, now),
        Action::Confirm => match view.entry.validate() {
            Ok(v) if view.double_press(&v, wall) => {
                return (
                    vec![],
                    Some((
                        "Not logged: the same numbers were logged under a second ago (Enter twice?)."
                            .into(),
                        true,
                    )),
                );
            }
            Ok(v) => {
                let duration = view.stopwatch.map(|w| w.elapsed(now)).or(view.timed);
                view.end_rest();
                let effects = view.save(
                    Work::Reps {
                        reps: v.reps,
                        load: v.load,
                    },
                    duration,
                    (v.rpe, v.note),
                    wall,
                );
                return (effects, None);
            }
            Err(fault) => view.entry.error = Some(fault),
        },
        _ => {}
    }
    (vec![], None)
}

impl SessionView {
    /// `v` repeats the set of this exercise logged less than a second ago:
    /// a second Enter, not a second set.
    fn double_press(&self, v: &Entered, wall: DateTime<Utc>) -> bool {
        let same = Work::Reps {
            reps: v.reps,
            load: v.load,
        };
        self.session
            .logged_at(self.session.position)
            .filter(|l| l.set.work == same)
            .any(|l| (wall - l.set.logged_at) < TimeDelta::seconds(1))
    }
}

/// Starts or stops the set's timer. Stopping a tempo set puts the reps it
/// counted into the reps field, still editable.
fn toggle_timer(view: &mut SessionView, now: Instant) {
    match view.stopwatch.take() {
        Some(watch) => {
            view.timed = Some(watch.elapsed(now));
            view.tempo_mark = None;
            if let Some(tempo) = view.tempo() {
                let reps = tempo.read(watch.started, now).reps;
                if reps > 0 {
                    view.entry.reps = reps.to_string();
                    view.entry.editing = false;
                }
            }
        }
        None => {
            view.end_rest();
            view.stopwatch = Some(Stopwatch { started: now });
            view.timed = None;
            view.tempo_mark = view.tempo().map(|_| 0);
        }
    }
}

/// Advances the tempo cue; true when a new phase began.
pub(super) fn fire_tempo(view: &mut SessionView, now: Instant) -> bool {
    let (Some(watch), Some(tempo), Some(mark)) = (view.stopwatch, view.tempo(), view.tempo_mark)
    else {
        return false;
    };
    let reading = tempo.read(watch.started, now);
    view.tempo_mark = Some(reading.mark);
    reading.mark != mark
}

//! A hold: get ready, hold (past the target if you can), switch sides. A
//! weighted hold's load is typed before it starts, in the reps form's
//! load field (same unit, `u` toggle and prefill).

use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::settings::Settings;
use crate::domain::entry::Field;
use crate::domain::set::Work;
use crate::domain::timer::{Countdown, Stopwatch};
use crate::domain::{Load, Side};

use super::{Notice, SessionView, Step};

pub(super) fn holding(view: &SessionView, side: Option<Side>, started: Instant) -> Step {
    let target = view
        .session
        .current()
        .and_then(|e| e.target_hold_for(side))
        .unwrap_or_default();
    Step::Holding {
        side,
        watch: Stopwatch { started },
        target,
        cued: false,
    }
}

impl SessionView {
    /// The load of the hold about to start or running: none for a
    /// bodyweight hold, else what its load field holds.
    fn hold_load(&self) -> Result<Option<Load>, String> {
        if !self.session.weighted_hold(self.session.position) {
            return Ok(None);
        }
        Load::parse(&self.entry.load, self.entry.unit)
    }
}

/// Keys on the load field of a weighted hold waiting to start.
pub(super) fn on_form(view: &mut SessionView, action: Action, settings: &Settings) {
    let entry = &mut view.entry;
    // Esc puts the prefill back.
    if !super::type_key(entry, action) && action == Action::Back && entry.editing {
        view.ready(settings);
    }
}

/// Space (or Enter) on a hold waiting to start. A load that does not read
/// keeps it waiting, the reason in the form.
pub(super) fn start(view: &mut SessionView, now: Instant, settings: &Settings) {
    let Some(slot) = view.slot() else { return };
    if let Err(message) = view.hold_load() {
        view.entry.error = Some((Field::Load, message));
        return;
    }
    view.entry.editing = false;
    view.end_rest();
    view.step = if settings.get_ready.is_zero() {
        holding(view, slot.side, now)
    } else {
        Step::GetReady {
            side: slot.side,
            countdown: Countdown::start(now, settings.get_ready),
        }
    };
}

/// Keys while a hold timer runs.
pub(super) fn on_action(
    view: &mut SessionView,
    action: Action,
    now: Instant,
    wall: DateTime<Utc>,
) -> (Vec<Effect>, Notice) {
    match (&view.step, action) {
        (Step::GetReady { .. } | Step::Switch { .. }, Action::Toggle | Action::Confirm) => {
            let side = view.slot().and_then(|s| s.side);
            view.step = holding(view, side, now);
            (vec![], None)
        }
        (Step::Holding { watch, .. }, Action::Toggle | Action::Confirm) => {
            let held = watch.elapsed(now);
            // The load read when the hold started (`start`), and the form
            // takes no keys while it runs: it reads the same now.
            let load = view.hold_load().unwrap_or_default();
            (
                view.save(Work::Hold { held, load }, None, (None, None), wall),
                None,
            )
        }
        (_, Action::Back) => {
            view.step = Step::Ready;
            (
                vec![],
                Some(("Hold cancelled; nothing logged.".into(), false)),
            )
        }
        (_, Action::Left | Action::Right | Action::RemoveSet | Action::Finish) => (
            vec![],
            Some((
                "Stop the timer first (Space), or Esc to cancel it.".into(),
                true,
            )),
        ),
        _ => (vec![], None),
    }
}

/// Moves get-ready and side-switch on at their deadlines, and cues the
/// target; true when a cue is due.
pub(super) fn fire(view: &mut SessionView, now: Instant) -> bool {
    match view.step {
        // Holding starts at the deadline, not at the late tick that saw it.
        Step::GetReady { side, countdown } if countdown.is_done(now) => {
            view.step = holding(view, side, countdown.deadline);
            true
        }
        Step::Switch { countdown } if countdown.is_done(now) => {
            let side = view.slot().and_then(|s| s.side);
            view.step = holding(view, side, countdown.deadline);
            true
        }
        Step::Holding {
            ref mut cued,
            watch,
            target,
            ..
        } if !*cued && watch.elapsed(now) >= target => {
            *cued = true;
            true
        }
        _ => false,
    }
}

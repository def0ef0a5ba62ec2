//! The live session: walking through sets, timing holds, reps and rests,
//! and handing every confirmed set to the store before moving on.

mod fix;
mod hold;
mod records;
mod reps;
mod update;

pub use fix::{Change, Fixing};
pub use records::{on_bests, on_recalled};
pub use update::{fire, on_action, on_advised, on_corrected, on_save_failed, on_saved};

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::keymap::{Action, Keymap};
use super::msg::Effect;
use super::settings::Settings;
use crate::domain::entry::{Field, SetEntry};
use crate::domain::records::NewRecord;
use crate::domain::session::{ActiveSession, Slot};
use crate::domain::set::{Rpe, Work};
use crate::domain::tempo::Tempo;
use crate::domain::timer::{Countdown, Stopwatch};
use crate::domain::{Kind, NewSet, Side};

/// A line for the status bar: (text, is it an error).
type Notice = Option<(String, bool)>;

/// Where the current set stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Reps: the form is open. Holds: waiting for Space.
    Ready,
    GetReady {
        side: Option<Side>,
        countdown: Countdown,
    },
    Holding {
        side: Option<Side>,
        watch: Stopwatch,
        target: Duration,
        cued: bool,
    },
    /// Between the left and the right side of a hold.
    Switch { countdown: Countdown },
    /// The store refused this set; Enter tries again.
    Unsaved(NewSet),
    /// Every planned set is logged.
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub session: ActiveSession,
    pub step: Step,
    pub entry: SetEntry,
    /// The set stopwatch (or tempo timer) of a reps set, while it runs.
    pub stopwatch: Option<Stopwatch>,
    /// How long the set's timer ran, once stopped.
    pub timed: Option<Duration>,
    /// The tempo phase last cued, while a tempo set runs.
    pub tempo_mark: Option<u64>,
    pub rest: Option<Countdown>,
    /// The rest's end was cued: it stays on screen, counting the time
    /// rested past it, until they act.
    pub rest_over: bool,
    /// A set handed to the store and not yet confirmed saved.
    pub pending: Option<NewSet>,
    /// Records reached so far, announced on each set and on the summary.
    pub records: Vec<NewRecord>,
    /// The position the store holds, where a resume would open.
    pub stored_position: usize,
    /// A logged set being chosen or corrected.
    pub fixing: Option<Fixing>,
    /// What `z` takes back, newest last.
    pub changes: Vec<Change>,
    /// An undo is with the store: its answer is not a change to undo.
    pub undoing: bool,
}

impl SessionView {
    /// A session as loaded (started or resumed), at its resume position.
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
            rest_over: false,
            pending: None,
            records: vec![],
            stored_position,
            fixing: None,
            changes: vec![],
            undoing: false,
        };
        view.session.position = view.session.resume_position();
        view.ready(settings);
        view
    }

    pub fn slot(&self) -> Option<Slot> {
        self.session.next_slot(self.session.position)
    }

    pub fn kind(&self) -> Option<Kind> {
        self.session.current().map(|e| e.kind)
    }

    /// The tempo of the current exercise, if it has one.
    pub fn tempo(&self) -> Option<Tempo> {
        self.session.current().and_then(|e| e.tempo)
    }

    pub fn start_rest(&mut self, now: Instant, total: Duration) {
        self.rest = Some(Countdown::start(now, total));
        self.rest_over = false;
    }

    /// They acted (skipped, started or logged a set): the rest is over.
    pub fn end_rest(&mut self) {
        self.rest = None;
        self.rest_over = false;
    }

    /// The hold running now has passed its target (its cue was given).
    pub fn past_target(&self) -> bool {
        matches!(self.step, Step::Holding { cued: true, .. })
    }

    /// A hold timer is running: moving away would lose it.
    pub fn timing_hold(&self) -> bool {
        matches!(
            self.step,
            Step::GetReady { .. } | Step::Holding { .. } | Step::Switch { .. }
        )
    }

    /// Waiting for the next set, with nothing typed and no timer running:
    /// a changed plan may refill the form.
    pub fn idle(&self) -> bool {
        self.step == Step::Ready && !self.entry.editing && self.stopwatch.is_none()
    }

    /// The reps form of the next set is on screen: typing goes into it, a
    /// paste too.
    pub fn reps_form_open(&self) -> bool {
        self.step == Step::Ready && self.kind() == Some(Kind::Reps) && self.slot().is_some()
    }

    /// Prepares the next set of the current exercise: a prefilled form, or Done.
    pub fn ready(&mut self, settings: &Settings) {
        self.stopwatch = None;
        self.timed = None;
        self.tempo_mark = None;
        self.step = match self.slot() {
            Some(slot) => {
                let p = self.session.prefill(self.session.position, slot);
                self.entry = SetEntry::new(p.reps, p.load, p.unit.unwrap_or(settings.unit));
                // A hold's form is its load alone (a weighted hold's).
                if self.kind() == Some(Kind::Hold) {
                    self.entry.focus = Field::Load;
                }
                Step::Ready
            }
            None if self.session.next_open_position(0).is_some() => Step::Ready,
            None => Step::Done,
        };
    }

    /// What to do when the exercise on screen has no set left to do: go
    /// to one that has, add a set back, or finish. None while it has one.
    pub fn what_next(&self, keys: &Keymap) -> Option<String> {
        if self.slot().is_some() || !matches!(self.step, Step::Ready | Step::Done) {
            return None;
        }
        let add = keys.hint(&[(&[Action::AddSet], "adds one back")]);
        let open = self.session.next_open_position(0);
        Some(match open.and_then(|p| self.session.plan.get(p)) {
            Some(next) => {
                let ahead = self.session.next_open_position(self.session.position);
                let go = keys.key(if ahead.is_some() {
                    Action::Right
                } else {
                    Action::Left
                });
                format!(
                    "No sets left here: {} for {}, {add}.",
                    go.unwrap_or_default(),
                    next.name
                )
            }
            None => format!(
                "Every set is logged: {}, {add}.",
                keys.hint(&[(&[Action::Finish], "finishes")])
            ),
        })
    }

    /// Tells the store where a resume would open whenever that changes, so
    /// the home screen's "at EXERCISE" is where Resume goes. Looking back at
    /// a finished exercise moves nothing: a resume still goes on from there.
    pub fn store_position(&mut self) -> Vec<Effect> {
        let position = self.session.resume_position();
        if position == self.stored_position {
            return vec![];
        }
        self.stored_position = position;
        vec![Effect::SavePosition {
            session: self.session.id,
            position,
        }]
    }

    /// Hands the current slot's set to the store; the screen moves on only
    /// when the store says it is saved.
    fn save(
        &mut self,
        work: Work,
        duration: Option<Duration>,
        (rpe, note): (Option<Rpe>, Option<String>),
        wall: DateTime<Utc>,
    ) -> Vec<Effect> {
        let (Some(slot), Some(ex)) = (self.slot(), self.session.current()) else {
            return vec![];
        };
        let set = NewSet {
            session_id: self.session.id,
            exercise_id: ex.exercise_id,
            set_number: slot.set_number,
            side: slot.side,
            work,
            duration,
            rpe,
            note,
            logged_at: wall,
            set_type: slot.set_type,
        };
        self.pending = Some(set.clone());
        vec![Effect::SaveSet(set)]
    }
}

/// A key typed into a set's form (reps, or a weighted hold's load); false
/// when it is not one.
fn type_key(entry: &mut SetEntry, action: Action) -> bool {
    match action {
        Action::Char(c) => entry.type_char(c),
        // Without a rest to adjust, + and - are typed, so "-5" is refused visibly.
        Action::RestShorter => entry.type_char('-'),
        Action::RestLonger => entry.type_char('+'),
        Action::Backspace => entry.backspace(),
        Action::ToggleUnit => entry.toggle_unit(),
        _ => return false,
    }
    true
}

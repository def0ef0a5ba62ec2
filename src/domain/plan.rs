//! Changing a session's plan while it runs: adding, swapping and
//! reordering exercises. What was logged never moves.

use std::time::Duration;

use super::routine::{Kind, Sides};
use super::session::{ActiveSession, PlannedExercise};

/// An exercise the database knows, to add to a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownExercise {
    pub name: String,
    pub kind: Kind,
    pub sides: Sides,
}

/// Sets and targets given to an exercise added mid-session.
const ADDED_SETS: u32 = 3;
const ADDED_REPS: u32 = 10;
const ADDED_HOLD: Duration = Duration::from_secs(30);

impl PlannedExercise {
    /// A plan entry with default targets; its id is filled in when stored.
    pub fn added(known: &KnownExercise, rest: Duration) -> PlannedExercise {
        PlannedExercise {
            exercise_id: 0,
            name: known.name.trim().to_string(),
            kind: known.kind,
            sides: known.sides,
            sets: ADDED_SETS,
            target_reps: (known.kind == Kind::Reps).then_some(ADDED_REPS),
            target_hold: (known.kind == Kind::Hold).then_some(ADDED_HOLD),
            rest,
            tempo: None,
            cue: String::new(),
            last: None,
        }
    }
}

impl ActiveSession {
    pub fn contains(&self, name: &str) -> bool {
        self.plan
            .iter()
            .any(|e| e.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Adds an exercise after `after`; the current exercise stays current.
    pub fn insert_after(&mut self, after: usize, ex: PlannedExercise) {
        let at = (after + 1).min(self.plan.len());
        self.plan.insert(at, ex);
        if at <= self.position {
            self.position += 1;
        }
    }

    /// Replaces the exercise at `at`, which must have nothing logged.
    pub fn swap(&mut self, at: usize, ex: PlannedExercise) -> Result<(), &'static str> {
        if self.logged_at(at).next().is_some() {
            return Err("it has sets logged; add the other exercise instead");
        }
        match self.plan.get_mut(at) {
            Some(slot) => {
                *slot = ex;
                Ok(())
            }
            None => Err("no exercise there"),
        }
    }

    /// Moves a remaining exercise one place earlier (`up`) or later, never
    /// before the current one. Returns where it went.
    pub fn shift(&mut self, at: usize, up: bool) -> Option<usize> {
        let to = if up { at.checked_sub(1)? } else { at + 1 };
        if at <= self.position || to <= self.position || to >= self.plan.len() {
            return None;
        }
        self.plan.swap(at, to);
        Some(to)
    }
}

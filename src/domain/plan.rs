//! Changing a session's plan while it runs: adding, swapping and
//! reordering exercises. What was logged never moves.

use std::time::Duration;

use super::exercise::Exercise;
use super::routine::Kind;
use super::session::{ActiveSession, PlannedExercise};

/// Sets and targets given to an exercise added mid-session.
const ADDED_SETS: u32 = 3;
const ADDED_REPS: u32 = 10;
const ADDED_HOLD: Duration = Duration::from_secs(30);

impl PlannedExercise {
    /// A plan entry with default targets; the id of a new exercise is
    /// filled in when stored.
    pub fn added(exercise: &Exercise, rest: Duration) -> PlannedExercise {
        PlannedExercise {
            exercise_id: exercise.id,
            name: exercise.name.trim().to_string(),
            kind: exercise.kind,
            sides: exercise.sides,
            sets: ADDED_SETS,
            target_reps: (exercise.kind == Kind::Reps).then_some(ADDED_REPS),
            target_hold: (exercise.kind == Kind::Hold).then_some(ADDED_HOLD),
            rest,
            tempo: None,
            cue: String::new(),
            weighted: false,
            last: None,
            advice: None,
        }
    }
}

impl ActiveSession {
    /// Takes the plan as stored after a change; each exercise keeps the
    /// advice it had, which the store does not hold.
    pub fn replan(&mut self, mut plan: Vec<PlannedExercise>) {
        for ex in &mut plan {
            ex.advice = self
                .plan
                .iter()
                .find(|old| old.name.eq_ignore_ascii_case(&ex.name))
                .and_then(|old| old.advice.clone());
        }
        self.plan = plan;
    }

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

//! Today's advice for one exercise of a live session, from its routine's
//! rule (see [`super::progression`]): the suggestion for each side in the
//! order to do them (the weaker side first, with its extra set), the
//! warm-up sets before the working sets, and whether a bar is loaded.
//! The session's slots and prefill follow it; nothing of it is stored, as
//! the same history gives the same advice again on a resume.

use std::time::Duration;

use super::progression::{ExerciseNext, Suggestion, Target, WarmupSet};
use super::set::Side;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// One per side, in the order to do them.
    pub suggestions: Vec<Suggestion>,
    pub warmup: Vec<WarmupSet>,
    pub bar: bool,
}

impl From<&ExerciseNext> for Advice {
    fn from(next: &ExerciseNext) -> Self {
        Advice {
            suggestions: next.suggestions.clone(),
            warmup: next.warmup.clone(),
            bar: next.bar,
        }
    }
}

impl Advice {
    pub fn for_side(&self, side: Option<Side>) -> Option<&Suggestion> {
        self.suggestions.iter().find(|s| s.side == side)
    }

    /// The sets every side does; a side that trails does one more.
    pub fn base_sets(&self) -> Option<u32> {
        self.suggestions.iter().map(|s| s.sets).min()
    }

    /// The side that does a set more than the other, when one does.
    pub fn extra(&self) -> Option<Option<Side>> {
        let base = self.base_sets()?;
        self.suggestions
            .iter()
            .find(|s| s.sets > base)
            .map(|s| s.side)
    }

    /// The reps to aim at on `side`, when the rule gives them.
    pub fn reps(&self, side: Option<Side>) -> Option<u32> {
        match self.for_side(side)?.target {
            Target::Reps(reps) => Some(reps),
            Target::Hold { .. } => None,
        }
    }

    /// The hold to aim at on `side`, when the rule gives one.
    pub fn hold(&self, side: Option<Side>) -> Option<Duration> {
        match self.for_side(side)?.target {
            Target::Hold { secs } => Some(Duration::from_secs(u64::from(secs))),
            Target::Reps(_) => None,
        }
    }
}

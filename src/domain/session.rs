//! A session under way: its plan, what has been logged, and where it stands.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::advice::Advice;
use super::routine::{ExerciseSpec, Kind, Sides};
use super::set::{LoggedSet, SetType, Side, Work};
use super::tempo::Tempo;

/// A session that was started and never finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub id: i64,
    pub routine: String,
    pub started_at: DateTime<Utc>,
    pub sets: u32,
    /// The exercise it stood at.
    pub at_exercise: Option<String>,
}

/// One exercise of a session's plan, as copied from the routine at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedExercise {
    pub exercise_id: i64,
    pub name: String,
    pub kind: Kind,
    pub sides: Sides,
    pub sets: u32,
    pub target_reps: Option<u32>,
    pub target_hold: Option<Duration>,
    pub rest: Duration,
    pub tempo: Option<Tempo>,
    pub cue: String,
    /// A hold done with a load: its form asks for one.
    pub weighted: bool,
    /// What was done for this exercise in the latest earlier session.
    pub last: Option<LastTime>,
    /// What the routine's rule advises today, once the store has said.
    pub advice: Option<Box<Advice>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastTime {
    pub at: DateTime<Utc>,
    /// The routine that session followed.
    pub routine: String,
    /// (set number, side, work), in order.
    pub sets: Vec<(u32, Option<Side>, Work)>,
}

impl PlannedExercise {
    /// A routine's exercise as planned; its id is filled in when stored.
    pub fn from_spec(spec: &ExerciseSpec) -> PlannedExercise {
        PlannedExercise {
            exercise_id: 0,
            name: spec.name.trim().to_string(),
            kind: spec.kind,
            sides: spec.sides,
            sets: spec.sets,
            target_reps: spec.reps,
            target_hold: spec.hold_secs.map(|s| Duration::from_secs(u64::from(s))),
            rest: Duration::from_secs(u64::from(spec.rest_secs.unwrap_or(0))),
            tempo: spec.tempo,
            cue: spec.cue.clone(),
            weighted: spec.weighted,
            last: None,
            advice: None,
        }
    }
}

/// The next set to do: its number and, for one-sided exercises, its side;
/// warm-ups are numbered apart from the working sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub set_number: u32,
    pub side: Option<Side>,
    pub set_type: SetType,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSession {
    pub id: i64,
    pub routine: String,
    pub started_at: DateTime<Utc>,
    pub plan: Vec<PlannedExercise>,
    pub logged: Vec<LoggedSet>,
    pub position: usize,
}

impl PlannedExercise {
    pub fn sides_list(&self) -> &'static [Option<Side>] {
        match self.sides {
            Sides::Both => &[None],
            Sides::Each => &[Some(Side::Left), Some(Side::Right)],
        }
    }

    /// The sides in the order they are done: the weaker first when the
    /// advice says one trails.
    pub fn side_order(&self) -> Vec<Option<Side>> {
        let advised = self.advice.as_ref().map(|a| {
            let order: Vec<Option<Side>> = a.suggestions.iter().map(|s| s.side).collect();
            order
        });
        match advised {
            Some(order) if order.len() == self.sides_list().len() => order,
            _ => self.sides_list().to_vec(),
        }
    }

    /// The warm-up sets before the working sets.
    pub fn warmups(&self) -> u32 {
        self.advice
            .as_ref()
            .map_or(0, |a| u32::try_from(a.warmup.len()).unwrap_or(0))
    }

    /// Whether `side` does set `n`: every side does the planned sets, a
    /// side that trails one more.
    pub fn does(&self, n: u32, side: Option<Side>) -> bool {
        let extra = self.advice.as_ref().and_then(|a| a.extra());
        n <= self.sets || (n == self.sets + 1 && extra == Some(side))
    }

    /// The side that does a set more than the planned sets, when one does.
    pub fn extra_side(&self) -> Option<Side> {
        let extra = self.advice.as_ref().and_then(|a| a.extra()).flatten();
        extra.filter(|_| self.sets > 0)
    }

    /// The working set rows: the planned sets, and a side's extra one.
    pub fn rows(&self) -> u32 {
        let extra = self.advice.as_ref().and_then(|a| a.extra());
        self.sets + u32::from(extra.is_some() && self.sets > 0)
    }

    /// The hold to aim at on `side`: the rule's, else the routine's.
    pub fn target_hold_for(&self, side: Option<Side>) -> Option<Duration> {
        self.advice
            .as_ref()
            .and_then(|a| a.hold(side))
            .or(self.target_hold)
    }

    fn slots(&self) -> Vec<Slot> {
        let order = self.side_order();
        let slot = |set_type| {
            move |(n, side): (u32, Option<Side>)| Slot {
                set_number: n,
                side,
                set_type,
            }
        };
        let pairs = |rows: u32| {
            let order = &order;
            (1..=rows).flat_map(move |n| order.iter().map(move |&side| (n, side)))
        };
        let warm = pairs(self.warmups()).map(slot(SetType::Warmup));
        let work = pairs(self.rows())
            .filter(|&(n, side)| self.does(n, side))
            .map(slot(SetType::Normal));
        warm.chain(work).collect()
    }
}

impl ActiveSession {
    pub fn current(&self) -> Option<&PlannedExercise> {
        self.plan.get(self.position)
    }

    /// Sets logged for the exercise at `position`, in the order they were logged.
    pub fn logged_at(&self, position: usize) -> impl Iterator<Item = &LoggedSet> {
        let id = self.plan.get(position).map(|p| p.exercise_id);
        self.logged
            .iter()
            .filter(move |l| Some(l.set.exercise_id) == id)
    }

    /// The set logged in `slot` at `position`, if it is.
    pub fn logged_in(&self, position: usize, slot: Slot) -> Option<&LoggedSet> {
        let warmup = slot.set_type == SetType::Warmup;
        self.logged_at(position).find(|l| {
            l.set.set_number == slot.set_number
                && l.set.side == slot.side
                && (l.set.set_type == SetType::Warmup) == warmup
        })
    }

    /// The first planned set at `position` that has not been logged.
    pub fn next_slot(&self, position: usize) -> Option<Slot> {
        let ex = self.plan.get(position)?;
        ex.slots()
            .into_iter()
            .find(|&s| self.logged_in(position, s).is_none())
    }

    /// The first exercise from `position` on with a set still to do.
    pub fn next_open_position(&self, from: usize) -> Option<usize> {
        (from..self.plan.len()).find(|&p| self.next_slot(p).is_some())
    }

    /// Where the session goes on: the first exercise from the current one
    /// with a set to do, else the first such anywhere (one skipped earlier),
    /// else the current one. A resume opens here.
    pub fn resume_position(&self) -> usize {
        self.next_open_position(self.position)
            .or_else(|| self.next_open_position(0))
            .unwrap_or(self.position)
    }

    /// The hold at `position` is done with a load: its routine says so, or
    /// a set of it carried one (today or last time, an import's included),
    /// so its form asks for the load.
    pub fn weighted_hold(&self, position: usize) -> bool {
        let Some(ex) = self.plan.get(position).filter(|e| e.kind == Kind::Hold) else {
            return false;
        };
        let last = ex
            .last
            .iter()
            .flat_map(|l| l.sets.iter().map(|(_, _, w)| w));
        ex.weighted
            || self
                .logged_at(position)
                .map(|l| &l.set.work)
                .chain(last)
                .any(|w| w.load().is_some())
    }

    /// Working sets started (at least one side logged) at `position`.
    pub fn sets_started(&self, position: usize) -> u32 {
        self.logged_at(position)
            .filter(|l| l.set.set_type != SetType::Warmup)
            .map(|l| l.set.set_number)
            .max()
            .unwrap_or(0)
    }

    /// The names of the planned exercises with no set logged.
    pub fn untouched(&self) -> Vec<String> {
        (0..self.plan.len())
            .filter(|&p| self.logged_at(p).next().is_none())
            .map(|p| self.plan[p].name.clone())
            .collect()
    }

    /// Adds a planned set to the current exercise.
    pub fn add_set(&mut self) {
        if let Some(ex) = self.plan.get_mut(self.position) {
            ex.sets = ex.sets.saturating_add(1).min(99);
        }
    }

    /// Removes the last planned set of the current exercise, if it is not logged.
    pub fn remove_set(&mut self) -> bool {
        let started = self.sets_started(self.position);
        match self.plan.get_mut(self.position) {
            Some(ex) if ex.sets > started && ex.sets > 0 => {
                ex.sets -= 1;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests;

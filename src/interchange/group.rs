//! Turns the set rows of a CSV export into whole workouts: rows that share
//! a workout key become one session, consecutive rows of one exercise one
//! item of its plan.

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use super::values::Rounding;
use super::workout::{Import, PlanItem, Workout, WorkoutSet};
use crate::domain::set::MAX_HOLD_MS;

/// What one row of a CSV export says, once its fields are read. It borrows
/// the row's text: only a new workout or plan item copies it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// With `routine`, the workout's natural key: its start as written.
    pub start: &'a str,
    pub routine: &'a str,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub workout_notes: Option<Cow<'a, str>>,
    pub exercise: &'a str,
    /// A note on the exercise repeated on each of its rows (Hevy).
    pub exercise_note: Option<Cow<'a, str>>,
    pub entry: Entry,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A set; `set_number` is `None` when the file numbers only normal sets.
    Set {
        set_number: Option<u32>,
        set: WorkoutSet,
    },
    /// Strong's rest-timer row: the rest after this exercise's sets.
    Rest { ms: i64 },
    /// Strong's note row: a note on the exercise, not a set.
    Note(String),
}

/// The workouts of a CSV file, built row by row and handed on one by one:
/// a workout is done when a row of another one comes (the rows of one
/// workout follow each other in every export), so only one is held.
pub struct Workouts<'s> {
    source: &'static str,
    current: Option<Workout>,
    done: &'s mut dyn FnMut(Workout),
    rest_rows: u64,
    note_rows: u64,
    distances: bool,
    /// A bad row was read: the file will be refused, so no more workouts
    /// are built or handed on (what was handed on is undone by the store).
    refused: bool,
}

/// Whether `key` is the natural key of `start` and `routine`.
fn is_key(key: &str, start: &str, routine: &str) -> bool {
    key.strip_prefix(start).and_then(|k| k.strip_prefix('|')) == Some(routine)
}

impl<'s> Workouts<'s> {
    /// Workouts of the app `source`, each handed to `done` when complete.
    pub fn new(source: &'static str, done: &'s mut dyn FnMut(Workout)) -> Workouts<'s> {
        Workouts {
            source,
            current: None,
            done,
            rest_rows: 0,
            note_rows: 0,
            distances: false,
            refused: false,
        }
    }

    /// The file has a bad row: reading goes on only to list the others.
    pub fn refuse(&mut self) {
        self.refused = true;
        self.current = None;
    }

    pub fn push(&mut self, row: Row) {
        if self.refused {
            return;
        }
        match &row.entry {
            Entry::Rest { .. } => self.rest_rows += 1,
            Entry::Note(_) => self.note_rows += 1,
            Entry::Set { set, .. } => self.distances |= set.distance.is_some(),
        }
        let same = self.current.as_ref().is_some_and(|w| {
            let key = w.source_key.as_deref().unwrap_or_default();
            is_key(key, row.start, row.routine)
        });
        if !same {
            let next = Workout {
                routine: row.routine.to_string(),
                started_at: row.started_at,
                ended_at: Some(row.ended_at),
                position: 0,
                notes: row.workout_notes.clone().map(Cow::into_owned),
                source: Some(self.source.to_string()),
                source_key: Some(format!("{}|{}", row.start, row.routine)),
                plan: Vec::new(),
                sets: Vec::new(),
            };
            if let Some(done) = self.current.replace(next) {
                (self.done)(done);
            }
        }
        if let Some(w) = self.current.as_mut() {
            add(w, row);
        }
    }

    /// Hands on the last workout; what the file held besides, for the report.
    pub fn finish(mut self, rounded: Rounding) -> Import {
        if let Some(done) = self.current.take().filter(|_| !self.refused) {
            (self.done)(done);
        }
        Import {
            rounded: rounded.kept,
            rounded_total: rounded.total,
            rest_rows: self.rest_rows,
            note_rows: self.note_rows,
            ..Import::default()
        }
    }

    /// Whether any set went a distance.
    pub fn distances(&self) -> bool {
        self.distances
    }
}

fn add(w: &mut Workout, row: Row) {
    let same = w
        .plan
        .last()
        .is_some_and(|p| p.exercise.eq_ignore_ascii_case(row.exercise));
    if !same {
        w.plan.push(PlanItem {
            exercise: row.exercise.to_string(),
            sets: 0,
            target_reps: None,
            target_hold_ms: None,
            rest_ms: 0,
            cue: String::new(),
            tempo: None,
            weighted: false,
        });
        if let Some(note) = row.exercise_note.as_deref() {
            append_note(w, row.exercise, note);
        }
    }
    if w.notes.is_none() {
        w.notes = row.workout_notes.map(Cow::into_owned);
    }
    let Some(item) = w.plan.last_mut() else {
        return;
    };
    match row.entry {
        Entry::Set {
            set_number,
            mut set,
        } => {
            // Files number normal sets only: a warm-up, drop or failure set
            // counts among the sets of its kind in this exercise.
            let of_kind = w.sets[w.sets.len() - item.sets as usize..]
                .iter()
                .filter(|s| s.set_type == set.set_type)
                .count() as u32;
            item.sets += 1;
            // A hold with a weight beside it (a plate on a plank) asks for
            // its load when this plan is resumed or repeated.
            item.weighted |= set.hold_ms.is_some() && set.load.is_some();
            set.set_number = set_number.unwrap_or(of_kind + 1);
            w.sets.push(set);
        }
        Entry::Rest { ms } => item.rest_ms = ms,
        Entry::Note(text) => append_note(w, row.exercise, &text),
    }
}

/// Exercise notes have no column of their own: they join the session's
/// notes as `Exercise: note` lines, so nothing in the file is dropped.
fn append_note(w: &mut Workout, exercise: &str, note: &str) {
    let note = note.trim();
    if note.is_empty() {
        return;
    }
    let line = format!("{exercise}: {note}");
    w.notes = Some(match w.notes.take() {
        Some(n) if !n.is_empty() => format!("{n}\n{line}"),
        _ => line,
    });
}

/// Seconds with no reps are a hold, unless the set went a distance or
/// lasted longer than any hold (an hour): then it is cardio, its time a
/// duration. Seconds beside reps are how long the set took.
pub fn timed(mut set: WorkoutSet, seconds_ms: Option<i64>) -> WorkoutSet {
    match (set.reps, seconds_ms) {
        (None | Some(0), Some(ms)) if set.distance.is_some() || ms > MAX_HOLD_MS => {
            set.reps = None;
            set.duration_ms = Some(ms);
        }
        (None | Some(0), Some(ms)) => {
            set.reps = None;
            set.hold_ms = Some(ms);
        }
        (_, ms) => set.duration_ms = ms,
    }
    set
}

//! Turns the set rows of a CSV export into whole workouts: rows that share
//! a workout key become one session, consecutive rows of one exercise one
//! item of its plan.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::workout::{Import, PlanItem, Rounded, Workout, WorkoutSet};
use crate::domain::Kind;
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

/// The workouts of a CSV file, built row by row.
pub struct Workouts {
    source: &'static str,
    out: Vec<Workout>,
    /// Position in `out` by natural key, `start|routine`.
    index: HashMap<String, usize>,
    rest_rows: u64,
    note_rows: u64,
}

/// Whether `key` is the natural key of `start` and `routine`.
fn is_key(key: &str, start: &str, routine: &str) -> bool {
    key.strip_prefix(start).and_then(|k| k.strip_prefix('|')) == Some(routine)
}

impl Workouts {
    pub fn new(source: &'static str) -> Workouts {
        Workouts {
            source,
            out: Vec::new(),
            index: HashMap::new(),
            rest_rows: 0,
            note_rows: 0,
        }
    }

    pub fn push(&mut self, row: Row) {
        match row.entry {
            Entry::Rest { .. } => self.rest_rows += 1,
            Entry::Note(_) => self.note_rows += 1,
            Entry::Set { .. } => {}
        }
        // Rows of one workout mostly follow each other.
        let last = self.out.len().checked_sub(1).filter(|&i| {
            let key = self.out[i].source_key.as_deref().unwrap_or_default();
            is_key(key, row.start, row.routine)
        });
        let at = match last {
            Some(at) => at,
            None => {
                let key = format!("{}|{}", row.start, row.routine);
                match self.index.get(&key) {
                    Some(&at) => at,
                    None => {
                        self.out.push(Workout {
                            routine: row.routine.to_string(),
                            started_at: row.started_at,
                            ended_at: Some(row.ended_at),
                            position: 0,
                            notes: row.workout_notes.clone().map(Cow::into_owned),
                            source: Some(self.source.to_string()),
                            source_key: Some(key.clone()),
                            plan: Vec::new(),
                            sets: Vec::new(),
                        });
                        self.index.insert(key, self.out.len() - 1);
                        self.out.len() - 1
                    }
                }
            }
        };
        add(&mut self.out[at], row);
    }

    pub fn finish(mut self, rounded: Vec<Rounded>) -> Import {
        cardio_throughout(&mut self.out);
        Import {
            exercises: Vec::new(),
            routines: Vec::new(),
            workouts: self.out,
            rounded,
            pounds: 0,
            language: None,
            rest_rows: self.rest_rows,
            note_rows: self.note_rows,
            assumed_distance_unit: None,
        }
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

/// An exercise that went a distance in one set is cardio in all: its
/// other timed sets without reps (a run logged without its distance) are
/// cardio too, not holds.
fn cardio_throughout(workouts: &mut [Workout]) {
    let cardio: HashSet<String> = workouts
        .iter()
        .flat_map(|w| &w.sets)
        .filter(|s| s.kind() == Kind::Cardio)
        .map(|s| s.exercise.to_lowercase())
        .collect();
    if cardio.is_empty() {
        return;
    }
    for set in workouts.iter_mut().flat_map(|w| &mut w.sets) {
        if set.kind() == Kind::Hold && cardio.contains(&set.exercise.to_lowercase()) {
            set.duration_ms = set.hold_ms.take();
        }
    }
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

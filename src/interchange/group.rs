//! Turns the set rows of a CSV export into whole workouts: rows that share
//! a workout key become one session, consecutive rows of one exercise one
//! item of its plan.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::workout::{Import, PlanItem, Rounded, Workout, WorkoutSet};

/// What one row of a CSV export says, once its fields are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The workout's natural key in the file: its start as written, its name.
    pub key: String,
    pub routine: String,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub workout_notes: Option<String>,
    pub exercise: String,
    /// A note on the exercise repeated on each of its rows (Hevy).
    pub exercise_note: Option<String>,
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

/// The import of a CSV file's rows.
pub fn import(source: &str, rows: Vec<Row>, rounded: Vec<Rounded>) -> Import {
    let rest_rows = rows
        .iter()
        .filter(|r| matches!(r.entry, Entry::Rest { .. }))
        .count() as u64;
    let note_rows = rows
        .iter()
        .filter(|r| matches!(r.entry, Entry::Note(_)))
        .count() as u64;
    Import {
        exercises: Vec::new(),
        workouts: workouts(source, rows),
        rounded,
        rest_rows,
        note_rows,
    }
}

fn workouts(source: &str, rows: Vec<Row>) -> Vec<Workout> {
    let mut out: Vec<Workout> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in rows {
        // Rows of one workout mostly follow each other.
        let last = out.len().checked_sub(1);
        let at = match last.filter(|&i| out[i].source_key.as_ref() == Some(&row.key)) {
            Some(at) => at,
            None => *index.entry(row.key.clone()).or_insert_with(|| {
                out.push(Workout {
                    routine: row.routine.clone(),
                    started_at: row.started_at,
                    ended_at: Some(row.ended_at),
                    position: 0,
                    notes: row.workout_notes.clone(),
                    source: Some(source.to_string()),
                    source_key: Some(row.key.clone()),
                    plan: Vec::new(),
                    sets: Vec::new(),
                });
                out.len() - 1
            }),
        };
        add(&mut out[at], row);
    }
    out
}

fn add(w: &mut Workout, row: Row) {
    let same = w
        .plan
        .last()
        .is_some_and(|p| p.exercise.eq_ignore_ascii_case(&row.exercise));
    if !same {
        w.plan.push(PlanItem {
            exercise: row.exercise.clone(),
            sets: 0,
            target_reps: None,
            target_hold_ms: None,
            rest_ms: 0,
            cue: String::new(),
            tempo: None,
        });
        if let Some(note) = row.exercise_note.as_deref() {
            append_note(w, &row.exercise, note);
        }
    }
    if w.notes.is_none() {
        w.notes = row.workout_notes;
    }
    let Some(item) = w.plan.last_mut() else {
        return;
    };
    match row.entry {
        Entry::Set {
            set_number,
            mut set,
        } => {
            item.sets += 1;
            set.set_number = set_number.unwrap_or(item.sets);
            w.sets.push(set);
        }
        Entry::Rest { ms } => item.rest_ms = ms,
        Entry::Note(text) => append_note(w, &row.exercise, &text),
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

/// Seconds with no reps are a hold; seconds beside reps are how long the
/// set took.
pub fn timed(mut set: WorkoutSet, seconds_ms: Option<i64>) -> WorkoutSet {
    match (set.reps, seconds_ms) {
        (None | Some(0), Some(ms)) => {
            set.reps = None;
            set.hold_ms = Some(ms);
        }
        (_, ms) => set.duration_ms = ms,
    }
    set
}

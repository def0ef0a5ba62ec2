//! The one shape every format is read into and written from: whole sessions
//! with their plan and sets, carrying every stored field, so an export read
//! back in gives the same history.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::domain::distance::{Distance, DistanceUnit};
pub use crate::domain::set::SetType;
use crate::domain::{Kind, Load, Routine, Side, Sides};

/// An exercise as the database knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseDef {
    pub name: String,
    pub kind: Kind,
    pub sides: Sides,
}

/// One exercise of a session's plan (the routine as it was at the start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub exercise: String,
    pub sets: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_hold_ms: Option<i64>,
    #[serde(default)]
    pub rest_ms: i64,
    #[serde(default)]
    pub cue: String,
    /// Such as `3-1-3`: seconds down, held, up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkoutSet {
    pub exercise: String,
    pub set_number: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    #[serde(default, rename = "type")]
    pub set_type: SetType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<Load>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Distance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub logged_at: DateTime<Utc>,
}

impl WorkoutSet {
    /// The kind of exercise this set alone shows.
    pub fn kind(&self) -> Kind {
        match (self.reps, self.hold_ms, self.duration_ms) {
            (None, Some(_), _) => Kind::Hold,
            (None, None, Some(_)) => Kind::Cardio,
            _ => Kind::Reps,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workout {
    pub routine: String,
    pub started_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub position: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_key: Option<String>,
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    #[serde(default)]
    pub sets: Vec<WorkoutSet>,
}

/// A weight that carried float noise and was rounded to hundredths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rounded {
    pub line: u64,
    pub written: String,
    pub kept: String,
}

/// A file read and checked, ready to be stored in one transaction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Import {
    /// Exercises the file defines (runstrong JSON); others are created from
    /// the sets, reps or hold by what the sets did.
    pub exercises: Vec<ExerciseDef>,
    /// Routines the file carries (runstrong JSON), to add to the person's own.
    pub routines: Vec<Routine>,
    pub workouts: Vec<Workout>,
    pub rounded: Vec<Rounded>,
    /// The language of the file's header, when not English.
    pub language: Option<&'static str>,
    /// Weights of a kg-only file read back as the pounds they convert.
    pub pounds: u64,
    /// Rows that are not sets and went into the plan or the notes.
    pub rest_rows: u64,
    pub note_rows: u64,
    /// The unit distances were read in when the file names none.
    pub assumed_distance_unit: Option<DistanceUnit>,
}

impl Import {
    pub fn set_count(&self) -> usize {
        self.workouts.iter().map(|w| w.sets.len()).sum()
    }

    /// Every exercise the import refers to, once each (names compared
    /// case-insensitively), in order of appearance: as the file defines it
    /// (runstrong JSON), else inferred: a hold when every set of it is a
    /// timed hold, cardio when every set is cardio (a time with no reps and
    /// no hold), both sides at once.
    pub fn exercise_defs(&self) -> Vec<ExerciseDef> {
        let mut defs: Vec<ExerciseDef> = self.exercises.clone();
        let mut index: HashMap<String, usize> = defs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.name.to_ascii_lowercase(), i))
            .collect();
        let defined = defs.len();
        for set in self.workouts.iter().flat_map(|w| &w.sets) {
            let kind = set.kind();
            let at = *index
                .entry(set.exercise.to_ascii_lowercase())
                .or_insert_with(|| {
                    defs.push(ExerciseDef {
                        name: set.exercise.clone(),
                        kind,
                        sides: Sides::Both,
                    });
                    defs.len() - 1
                });
            if at >= defined && defs[at].kind != kind {
                defs[at].kind = Kind::Reps;
            }
        }
        for item in self.workouts.iter().flat_map(|w| &w.plan) {
            index
                .entry(item.exercise.to_ascii_lowercase())
                .or_insert_with(|| {
                    let kind = if item.target_hold_ms.is_some() {
                        Kind::Hold
                    } else {
                        Kind::Reps
                    };
                    defs.push(ExerciseDef {
                        name: item.exercise.clone(),
                        kind,
                        sides: Sides::Both,
                    });
                    defs.len() - 1
                });
        }
        defs
    }
}

/// One row the file got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// Where: `line 12` in a CSV file, `session 3, set 2` in a document.
    pub at: String,
    pub reason: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}

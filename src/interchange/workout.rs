//! The one shape every format is read into and written from: whole sessions
//! with their plan and sets, carrying every stored field, so an export read
//! back in gives the same history.

use std::collections::{HashMap, HashSet};
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
    /// A hold done with a load: its form asks for one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weighted: bool,
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
    /// Values rounded for float noise: the first few, to show.
    pub rounded: Vec<Rounded>,
    /// How many were rounded in all.
    pub rounded_total: u64,
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

    /// Every exercise the import refers to: see [`Kinds::defs`].
    pub fn exercise_defs(&self) -> Vec<ExerciseDef> {
        let mut kinds = Kinds::default();
        for w in &self.workouts {
            kinds.add(w);
        }
        kinds.defs(&self.exercises)
    }
}

/// What the sets of an import say of each exercise's kind, gathered workout
/// by workout so that a file need not be held whole.
#[derive(Debug, Default)]
pub struct Kinds {
    /// By first set.
    sets: Vec<Seen>,
    /// Position in `sets` by lowercase name.
    index: HashMap<String, usize>,
    /// Exercises planned: the name and the kind its plan item says.
    plan: Vec<(String, Kind)>,
    planned: HashSet<String>,
    /// Workouts added so far.
    workouts: usize,
    /// A workout was settled with less than the whole file says: see
    /// [`Kinds::unsettled`].
    unsettled: bool,
}

/// What the sets of one exercise showed.
#[derive(Debug)]
struct Seen {
    /// The name as first written.
    name: String,
    /// Which kinds its sets showed: reps, hold, cardio.
    kinds: [bool; 3],
    /// The workout (counted from 1) of its first hold.
    first_hold: usize,
}

impl Kinds {
    pub fn add(&mut self, w: &Workout) {
        self.workouts += 1;
        // The sets of an exercise follow each other: look it up once.
        let mut last: Option<(&str, usize)> = None;
        for set in &w.sets {
            let at = match last {
                Some((name, at)) if name == set.exercise => at,
                _ => self.position(&set.exercise),
            };
            last = Some((&set.exercise, at));
            let seen = &mut self.sets[at];
            match set.kind() {
                Kind::Reps => seen.kinds[0] = true,
                Kind::Hold => {
                    if !seen.kinds[1] {
                        seen.first_hold = self.workouts;
                    }
                    seen.kinds[1] = true;
                }
                Kind::Cardio => {
                    // Holds of an earlier workout were settled as holds.
                    self.unsettled |=
                        !seen.kinds[2] && seen.kinds[1] && seen.first_hold < self.workouts;
                    seen.kinds[2] = true;
                }
            }
        }
        for item in &w.plan {
            if self.planned.insert(item.exercise.to_ascii_lowercase()) {
                let kind = if item.target_hold_ms.is_some() {
                    Kind::Hold
                } else {
                    Kind::Reps
                };
                self.plan.push((item.exercise.clone(), kind));
            }
        }
    }

    /// Whether a workout, settled as it was added ([`Kinds::add`] then
    /// [`Kinds::settle`]), kept as holds the timed sets of an exercise that a
    /// later workout showed to be cardio: settled with the whole file, they
    /// would be cardio. Reading the file once is then not enough.
    pub fn unsettled(&self) -> bool {
        self.unsettled
    }

    /// Where `exercise` is in `sets`, added if new.
    fn position(&mut self, exercise: &str) -> usize {
        let name = exercise.to_ascii_lowercase();
        match self.index.get(&name) {
            Some(&at) => at,
            None => {
                self.sets.push(Seen {
                    name: exercise.to_string(),
                    kinds: [false; 3],
                    first_hold: 0,
                });
                self.index.insert(name, self.sets.len() - 1);
                self.sets.len() - 1
            }
        }
    }

    /// Whether a set of `exercise` was cardio.
    fn cardio(&self, exercise: &str) -> bool {
        self.index
            .get(&exercise.to_ascii_lowercase())
            .is_some_and(|&at| self.sets[at].kinds[2])
    }

    /// An exercise that went a distance in one set is cardio in all: its
    /// timed sets without reps (a run logged without its distance) are
    /// cardio too, not holds.
    pub fn settle(&self, w: &mut Workout) {
        for set in &mut w.sets {
            if set.kind() == Kind::Hold && self.cardio(&set.exercise) {
                set.duration_ms = set.hold_ms.take();
            }
        }
    }

    /// Every exercise referred to, once each (names compared
    /// case-insensitively): as `defined` (runstrong JSON), then in order of
    /// first set, then those only planned. An exercise not defined is a hold
    /// when all its sets are holds, cardio when they are cardio (holds of a
    /// cardio exercise included, see [`Kinds::settle`]), else reps; both
    /// sides at once.
    pub fn defs(&self, defined: &[ExerciseDef]) -> Vec<ExerciseDef> {
        let mut defs = defined.to_vec();
        let mut known: HashSet<String> = defs.iter().map(|d| d.name.to_ascii_lowercase()).collect();
        let from_sets = self.sets.iter().map(|seen| {
            let kind = match seen.kinds {
                [false, true, false] => Kind::Hold,
                [false, _, true] => Kind::Cardio,
                _ => Kind::Reps,
            };
            (&seen.name, kind)
        });
        let planned = self.plan.iter().map(|(name, kind)| (name, *kind));
        for (name, kind) in from_sets.chain(planned) {
            if known.insert(name.to_ascii_lowercase()) {
                defs.push(ExerciseDef {
                    name: name.clone(),
                    kind,
                    sides: Sides::Both,
                });
            }
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

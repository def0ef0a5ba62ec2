//! Routines: an ordered list of exercises with their targets, read from TOML.

use serde::{Deserialize, Serialize};

/// The built-in routine, embedded in the binary.
const RUNNERS: &str = include_str!("../../assets/routines/runners.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Counted repetitions, usually with a load.
    Reps,
    /// An isometric hold, timed.
    Hold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sides {
    /// Both limbs work together; one set is one row.
    Both,
    /// One side at a time; each set is a left and a right row.
    Each,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseSpec {
    pub name: String,
    pub kind: Kind,
    pub sides: Sides,
    pub sets: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_secs: Option<u32>,
    pub rest_secs: u32,
    #[serde(default)]
    pub cue: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub exercises: Vec<ExerciseSpec>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RoutineError {
    #[error("{0}")]
    Syntax(String),
    #[error("exercise {name:?}: {problem}")]
    Exercise { name: String, problem: &'static str },
    #[error("routine has no exercises")]
    Empty,
}

impl Routine {
    /// Parses and checks a routine written in TOML.
    pub fn from_toml(text: &str) -> Result<Self, RoutineError> {
        let routine: Routine =
            toml::from_str(text).map_err(|e| RoutineError::Syntax(e.to_string()))?;
        routine.check()?;
        Ok(routine)
    }

    /// The routines that ship with runstrong.
    pub fn built_in() -> Vec<Routine> {
        // The asset is checked by a unit test, so it always parses.
        Routine::from_toml(RUNNERS).into_iter().collect()
    }

    fn check(&self) -> Result<(), RoutineError> {
        if self.exercises.is_empty() {
            return Err(RoutineError::Empty);
        }
        for ex in &self.exercises {
            let problem = match ex.kind {
                Kind::Reps if ex.reps.is_none_or(|r| r == 0) => {
                    Some("a reps exercise needs reps > 0")
                }
                Kind::Hold if ex.hold_secs.is_none_or(|s| s == 0) => {
                    Some("a hold exercise needs hold_secs > 0")
                }
                _ if ex.sets == 0 => Some("sets must be at least 1"),
                _ if ex.name.trim().is_empty() => Some("name must not be empty"),
                _ => None,
            };
            if let Some(problem) = problem {
                return Err(RoutineError::Exercise {
                    name: ex.name.clone(),
                    problem,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_routine_is_the_runners_program() {
        let routines = Routine::built_in();
        assert_eq!(routines.len(), 1);
        let r = &routines[0];
        assert_eq!(r.name, "Strength for runners");
        let names: Vec<_> = r.exercises.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Weighted dorsiflexion",
                "Seated calf raise",
                "Standing calf raise",
                "Lunge",
                "Single-leg deadlift",
                "Cossack squat",
                "Copenhagen plank"
            ]
        );
        let plank = &r.exercises[6];
        assert_eq!((plank.kind, plank.sides), (Kind::Hold, Sides::Each));
        assert!(plank.hold_secs.is_some_and(|s| s >= 10));
        assert!(r.exercises.iter().all(|e| !e.cue.is_empty()));
    }

    #[test]
    fn a_hold_without_hold_secs_is_refused() {
        let text = r#"
            name = "x"
            [[exercises]]
            name = "Plank"
            kind = "hold"
            sides = "both"
            sets = 1
            rest_secs = 30
        "#;
        assert_eq!(
            Routine::from_toml(text),
            Err(RoutineError::Exercise {
                name: "Plank".into(),
                problem: "a hold exercise needs hold_secs > 0"
            })
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let text = "name = \"x\"\nexercises = []\ncolour = \"red\"\n";
        assert!(
            matches!(Routine::from_toml(text), Err(RoutineError::Syntax(m)) if m.contains("colour"))
        );
    }
}

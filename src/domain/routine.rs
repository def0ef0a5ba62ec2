//! Routines: an ordered list of exercises with their targets, read from TOML.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

use super::entry::MAX_REPS;
use super::rule::{Measured, Rule};
use super::tempo::Tempo;

/// The built-in routine, embedded in the binary.
const RUNNERS: &str = include_str!("../../assets/routines/runners.toml");

/// Its text (serde, strum) is the one routines and the database hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr, EnumString)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Kind {
    /// Counted repetitions, usually with a load.
    Reps,
    /// An isometric hold, timed.
    Hold,
    /// Distance and duration work (a run, a row): never a hold, so it stays
    /// out of time held and hold records. Comes only from imports.
    Cardio,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr, EnumString)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
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
    /// Rest after each set; the configured default rest when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_secs: Option<u32>,
    /// Seconds lowering, paused, lifting (and paused at the top): "3-1-3".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempo: Option<Tempo>,
    #[serde(default)]
    pub cue: String,
    /// How the next session's targets follow from the last ones; double
    /// progression for reps, +5 s for holds when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progression: Option<Rule>,
    /// Warm-up sets before the first working set: `[percent, reps]` each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warmup: Option<Vec<[u32; 2]>>,
    /// Done with a barbell: loads are rounded to what the plates make, and
    /// the plates are shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bar: bool,
    /// A hold done with a load (a plate, a vest): its form asks for the
    /// load, as a reps set's does. Reps exercises always have the field.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weighted: bool,
    /// The harder variation to move on to once the reps are all done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl ExerciseSpec {
    /// What is wrong with the progression fields, if anything.
    fn check_progression(&self) -> Result<(), String> {
        if let Some(rule) = &self.progression {
            match self.kind {
                Kind::Hold => rule.check(Measured::Hold)?,
                _ => rule.check(Measured::Reps)?,
            }
        }
        let loaded = self.kind == Kind::Reps;
        if let Some(steps) = &self.warmup {
            let rising = steps.windows(2).all(|w| w[0][0] < w[1][0]);
            let fits =
                |&[pct, reps]: &[u32; 2]| (1..100).contains(&pct) && (1..=50).contains(&reps);
            if !loaded || steps.len() > 8 || !rising || !steps.iter().all(fits) {
                return Err("warmup is up to 8 [percent, reps] pairs for a reps exercise, percent rising from 1 to 99, reps 1 to 50, e.g. [[40, 8], [60, 5], [80, 3]]".into());
            }
        }
        if self.bar && !loaded {
            return Err("bar = true is for reps exercises".into());
        }
        if self.weighted && self.kind != Kind::Hold {
            return Err(
                "weighted = true is for holds (a reps exercise always asks for its load)".into(),
            );
        }
        match &self.next {
            Some(next) if next.trim().is_empty() => Err("next names no exercise".into()),
            Some(next) if next.trim().eq_ignore_ascii_case(self.name.trim()) => {
                Err("next must name another exercise".into())
            }
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub exercises: Vec<ExerciseSpec>,
}

/// What is wrong with a routine file, and on which line when known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct RoutineError {
    pub line: Option<usize>,
    pub message: String,
}

/// Where each exercise's name is in a routine file, for messages.
#[derive(Deserialize)]
struct NameLines {
    exercises: Vec<NameLine>,
}

#[derive(Deserialize)]
struct NameLine {
    name: toml::Spanned<String>,
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl Routine {
    /// Parses and checks a routine written in TOML.
    pub fn from_toml(text: &str) -> Result<Self, RoutineError> {
        let routine: Routine = toml::from_str(text).map_err(|e| RoutineError {
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        routine.check().map_err(|(at, message)| RoutineError {
            // Point at the exercise's name line, the closest thing to "where".
            line: at.and_then(|i| {
                let names: NameLines = toml::from_str(text).ok()?;
                Some(line_of(text, names.exercises.get(i)?.name.span().start))
            }),
            message,
        })?;
        Ok(routine)
    }

    /// The routines that ship with runstrong.
    pub fn built_in() -> Vec<Routine> {
        // The asset is checked by a unit test, so it always parses.
        Routine::from_toml(RUNNERS).into_iter().collect()
    }

    /// The built-in routine's file, renamed: a commented start for your own.
    pub fn template(name: &str) -> String {
        let quoted = toml::Value::String(name.to_string()).to_string();
        RUNNERS.replacen(
            "name = \"Strength for runners\"",
            &format!("name = {quoted}"),
            1,
        )
    }

    /// The routine with `default` as the rest of exercises that give none.
    pub fn with_default_rest(mut self, default: Duration) -> Routine {
        let secs = u32::try_from(default.as_secs()).unwrap_or(u32::MAX);
        for ex in &mut self.exercises {
            ex.rest_secs.get_or_insert(secs);
        }
        self
    }

    /// What is wrong with the routine, if anything, and the index of the
    /// exercise it is wrong in; a routine file or a JSON export's routine
    /// must pass it.
    pub fn check(&self) -> Result<(), (Option<usize>, String)> {
        if self.name.trim().is_empty() {
            return Err((None, "the routine needs a name".into()));
        }
        if self.exercises.is_empty() {
            return Err((None, "the routine has no exercises".into()));
        }
        for (i, ex) in self.exercises.iter().enumerate() {
            // A session tells its exercises apart by name (as the database
            // does: trimmed, any case), so each may appear once.
            if let Some(first) = self.exercises[..i]
                .iter()
                .find(|e| e.name.trim().eq_ignore_ascii_case(ex.name.trim()))
            {
                return Err((
                    Some(i),
                    format!(
                        "exercise {:?} is in the routine already, as {:?}; give that one more sets instead",
                        ex.name, first.name
                    ),
                ));
            }
            let problem = match ex.kind {
                _ if ex.name.trim().is_empty() => "an exercise needs a name",
                Kind::Reps if ex.reps.is_none_or(|r| r == 0 || r > MAX_REPS) => {
                    "a reps exercise needs reps from 1 to 500"
                }
                Kind::Hold if ex.hold_secs.is_none_or(|s| s == 0 || s > 3600) => {
                    "a hold exercise needs hold_secs from 1 to 3600"
                }
                Kind::Hold if ex.tempo.is_some() => "a hold has no tempo",
                Kind::Cardio => "cardio comes from imports; a routine has reps and holds",
                _ if ex.sets == 0 || ex.sets > 20 => "sets must be from 1 to 20",
                _ if ex.rest_secs.is_some_and(|r| r > 3600) => "rest_secs must be at most 3600",
                _ => {
                    ex.check_progression().map_err(|problem| {
                        (Some(i), format!("exercise {:?}: {problem}", ex.name))
                    })?;
                    continue;
                }
            };
            return Err((Some(i), format!("exercise {:?}: {problem}", ex.name)));
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
    fn a_hold_without_hold_secs_is_refused_with_its_line() {
        let text = "name = \"x\"\n\n[[exercises]]\nname = \"Plank\"\nkind = \"hold\"\nsides = \"both\"\nsets = 1\n";
        let err = Routine::from_toml(text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 4: exercise \"Plank\": a hold exercise needs hold_secs from 1 to 3600"
        );
    }

    #[test]
    fn syntax_errors_and_unknown_fields_name_the_line() {
        let err =
            Routine::from_toml("name = \"x\"\nexercises = []\ncolour = \"red\"\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("colour"), "{err}");
        let err =
            Routine::from_toml("name = \"x\"\n[[exercises]]\nname = \"Lunge\"\nsets = three\n")
                .unwrap_err();
        assert_eq!(err.line, Some(4));
    }

    #[test]
    fn tempo_is_read_and_checked() {
        let text = "name = \"x\"\n[[exercises]]\nname = \"Squat\"\nkind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 5\ntempo = \"3-1-3\"\n";
        let r = Routine::from_toml(text).unwrap();
        assert_eq!(
            r.exercises[0].tempo.map(|t| t.to_string()).as_deref(),
            Some("3-1-3")
        );
        let err = Routine::from_toml(&text.replace("3-1-3", "fast")).unwrap_err();
        assert_eq!(err.line, Some(8));
        assert!(err.message.contains("tempo"), "{err}");
    }

    #[test]
    fn progression_fields_are_read_and_checked_with_their_line() {
        let text = "name = \"x\"\n[[exercises]]\nname = \"Squat\"\nkind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 5\nbar = true\nwarmup = [[40, 8], [80, 3]]\nprogression = { rule = \"linear\" }\n";
        let ex = Routine::from_toml(text).unwrap().exercises.remove(0);
        assert!(ex.bar && ex.warmup == Some(vec![[40, 8], [80, 3]]));
        assert_eq!(ex.progression.map(|r| r.name()), Some("linear"));
        for (change, wanted) in [
            ("[[40, 8], [80, 3]]", "[[80, 8], [40, 3]]", "percent rising"),
            (
                "{ rule = \"linear\" }",
                "{ rule = \"hold\" }",
                "for hold exercises",
            ),
            (
                "{ rule = \"linear\" }",
                "{ rule = \"double\", reps = [12, 8] }",
                "low <= high",
            ),
            ("bar = true", "next = \"squat\"", "another exercise"),
        ]
        .map(|(from, to, wanted)| (text.replace(from, to), wanted))
        {
            let err = Routine::from_toml(&change).unwrap_err();
            assert_eq!(err.line, Some(3), "{err}");
            assert!(err.message.contains(wanted), "{err}");
        }
        let err = Routine::from_toml(&text.replace("linear", "tripple")).unwrap_err();
        assert_eq!(err.line, Some(10), "{err}");
    }

    #[test]
    fn a_hold_can_be_weighted_and_a_reps_exercise_is_told_it_need_not() {
        let text = "name = \"x\"\n[[exercises]]\nname = \"Plank\"\nkind = \"hold\"\nsides = \"each\"\nsets = 2\nhold_secs = 30\nweighted = true\n";
        let ex = Routine::from_toml(text).unwrap().exercises.remove(0);
        assert!(ex.weighted);
        let reps = text
            .replace("\"hold\"", "\"reps\"")
            .replace("hold_secs = 30", "reps = 8");
        let err = Routine::from_toml(&reps).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(
            err.message.contains("weighted = true is for holds"),
            "{err}"
        );
        let plain = text.replace("weighted = true\n", "");
        assert!(!Routine::from_toml(&plain).unwrap().exercises[0].weighted);
    }

    #[test]
    fn the_built_in_routine_names_its_rules() {
        let r = &Routine::built_in()[0];
        let rules: Vec<_> = r
            .exercises
            .iter()
            .map(|e| e.progression.as_ref().map(Rule::name))
            .collect();
        assert!(rules.iter().all(Option::is_some), "{rules:?}");
        assert_eq!(r.exercises[3].next.as_deref(), Some("Walking lunge"));
    }

    #[test]
    fn the_template_is_the_built_in_routine_renamed() {
        let r = Routine::from_toml(&Routine::template("My \"heavy\" days")).unwrap();
        assert_eq!(r.name, "My \"heavy\" days");
        assert_eq!(r.exercises, Routine::built_in()[0].exercises);
    }
}

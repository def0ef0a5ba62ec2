//! `runstrong routines [show NAME | new NAME]`.

use std::fmt::Write;
use std::path::Path;

use crate::cli::{RoutinesAction, RoutinesArgs};
use crate::domain::{Kind, Routine, Sides};
use crate::routines::{self, Loaded};

/// Prints the list, a routine, or the path of a new one.
pub fn run(config_dir: Option<&Path>, args: RoutinesArgs) -> Result<(), String> {
    let text = answer(config_dir, args)?;
    super::stdout::print(&text).map_err(|e| e.to_string())
}

fn answer(config_dir: Option<&Path>, args: RoutinesArgs) -> Result<String, String> {
    let loaded = routines::load(config_dir);
    for problem in &loaded.problems {
        super::stderr::tell(problem);
    }
    match args.action {
        None => Ok(list(&loaded)),
        Some(RoutinesAction::Show { name }) => match loaded.find(&name) {
            Some(found) => Ok(format!("{}from {}\n", show(&found.routine), found.origin)),
            None => Err(format!(
                "no routine named {name:?}; `runstrong routines` lists them"
            )),
        },
        Some(RoutinesAction::New { name }) => {
            let dir = config_dir.ok_or("no config directory; pass --config-dir")?;
            let path = routines::create(dir, &name)?;
            Ok(format!("{}\n", path.display()))
        }
    }
}

fn list(loaded: &Loaded) -> String {
    let width = loaded
        .routines
        .iter()
        .map(|a| a.routine.name.chars().count())
        .max()
        .unwrap_or(0);
    loaded.routines.iter().fold(String::new(), |mut out, a| {
        let n = a.routine.exercises.len();
        let _ = writeln!(
            out,
            "{:<width$}  {n} exercises  {}",
            a.routine.name, a.origin
        );
        out
    })
}

/// A routine for people: one line per exercise.
pub fn show(routine: &Routine) -> String {
    let mut out = format!("{}\n", routine.name);
    if !routine.description.is_empty() {
        let _ = writeln!(out, "{}", routine.description);
    }
    for ex in &routine.exercises {
        let target = match ex.kind {
            Kind::Reps => format!("{} x {} reps", ex.sets, ex.reps.unwrap_or(0)),
            Kind::Hold => format!("{} x {} s hold", ex.sets, ex.hold_secs.unwrap_or(0)),
            Kind::Cardio => format!("{} x cardio", ex.sets),
        };
        let sides = if ex.sides == Sides::Each {
            ", each side"
        } else {
            ""
        };
        let rest = ex
            .rest_secs
            .map(|r| format!(", rest {r} s"))
            .unwrap_or_default();
        let tempo = ex.tempo.map(|t| format!(", tempo {t}")).unwrap_or_default();
        let _ = writeln!(out, "  {:<22} {target}{sides}{rest}{tempo}", ex.name);
    }
    out
}

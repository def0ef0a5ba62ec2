//! `runstrong routines [show NAME | new NAME]`.

use std::fmt::Write;
use std::path::Path;

use crate::cli::{RoutinesAction, RoutinesArgs};
use crate::domain::{Kind, Routine, Sides};
use crate::routines::{self, Loaded};
use crate::ui::text;

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
        .map(|a| text::width(&a.routine.name))
        .max()
        .unwrap_or(0);
    loaded.routines.iter().fold(String::new(), |mut out, a| {
        let n = a.routine.exercises.len();
        let name = text::pad(&a.routine.name, width);
        let _ = writeln!(out, "{name}  {n} exercises  {}", a.origin);
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
        let name = text::pad(&ex.name, 22);
        let _ = writeln!(out, "  {name} {target}{sides}{rest}{tempo}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routines::{Available, Origin};

    fn named(name: &str) -> Available {
        let mut routine = Routine::built_in().remove(0);
        routine.name = name.into();
        routine.exercises[0].name = name.into();
        Available {
            routine,
            origin: Origin::BuiltIn,
        }
    }

    /// Names are padded in columns, as a terminal shows them: a name of
    /// wide characters lines up with one of letters.
    #[test]
    fn wide_names_line_up_in_columns() {
        let loaded = Loaded {
            routines: vec![named("深蹲日"), named("Legs")],
            problems: vec![],
        };
        let listed = list(&loaded);
        let at: Vec<usize> = listed
            .lines()
            .map(|l| text::width(&l[..l.find("7 exercises").unwrap_or(0)]))
            .collect();
        assert_eq!(at, [8, 8], "{listed}");
        let shown = [show(&named("深蹲日").routine), show(&named("Legs").routine)];
        let target = |s: &str| {
            let line = s.lines().find(|l| l.contains(" x ")).unwrap_or_default();
            text::width(&line[..line.find(" x ").unwrap_or(0)])
        };
        assert_eq!(target(&shown[0]), target(&shown[1]), "{shown:?}");
    }
}

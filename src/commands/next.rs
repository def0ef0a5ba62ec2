//! `runstrong next`: the next session of a routine, every exercise with its
//! suggestion, warm-ups, plates and reason, as a table or JSON. Read only,
//! so it runs beside an open app.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::Utc;

use super::next_out;
use super::{CommandError, stdout};
use crate::cli::{NextArgs, NextFormat};
use crate::domain::Routine;
use crate::domain::calendar::Calendar;
use crate::domain::progression::Rules;
use crate::routines::Loaded;
use crate::store::Store;

/// The routine asked for, else the one last done, else the first.
fn choose<'a>(
    store: &Store,
    loaded: &'a Loaded,
    asked: Option<&str>,
) -> Result<&'a Routine, CommandError> {
    if let Some(name) = asked {
        return loaded.find(name).map(|a| &a.routine).ok_or_else(|| {
            let known: Vec<&str> = loaded
                .routines
                .iter()
                .map(|a| a.routine.name.as_str())
                .collect();
            CommandError::Usage(format!(
                "no routine named {name:?}; known: {}",
                known.join(", ")
            ))
        });
    }
    let last = store.last_routine()?;
    last.and_then(|name| loaded.find(&name))
        .or(loaded.routines.first())
        .map(|a| &a.routine)
        .ok_or_else(|| CommandError::Usage("no routines to plan".into()))
}

/// Prints the next session of the routine `args` name, planned for today
/// in this machine's zone with weeks as `calendar` starts them.
pub fn run(
    db: &Path,
    loaded: &Loaded,
    args: &NextArgs,
    rules: &Rules,
    calendar: &Calendar,
) -> Result<(), CommandError> {
    for problem in &loaded.problems {
        super::stderr::tell(problem);
    }
    let store = Store::open_reader(db)?;
    let routine = choose(&store, loaded, args.routine.as_deref())?;
    // A session under way (in the app beside it) is today's, not the past:
    // the plan is the one the app shows for it.
    let today = store.unfinished()?.map(|u| u.id);
    let next = store.plan_next(routine, rules, calendar, Utc::now(), today)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match args.format {
        NextFormat::Table => next_out::table(&next, &mut out),
        NextFormat::Json => next_out::json(&next, &mut out),
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if stdout::reader_gone(&e) => Ok(()),
        other => other.map_err(CommandError::file(Path::new(stdout::NAME))),
    }
}

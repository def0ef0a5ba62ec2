//! `runstrong next`: the next session of a routine, every exercise with its
//! suggestion, warm-ups, plates and reason, as a table or JSON. Read only,
//! so it runs beside an open app.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Local, NaiveDate, Weekday};

use super::next_out;
use super::{CommandError, stdout};
use crate::cli::{NextArgs, NextFormat};
use crate::domain::progression::{self, NextSession};
use crate::domain::{Routine, Unit};
use crate::routines::Loaded;
use crate::store::{Store, StoreError};

/// What the suggestions follow besides the history.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub settings: &'a progression::Settings,
    pub week_start: Weekday,
    /// The unit of a person with no loaded history.
    pub unit: Unit,
}

/// The next session of `routine` on `today` (local), from the store: per
/// exercise, only the sessions its rule reads.
pub fn plan(
    store: &Store,
    routine: &Routine,
    rules: Rules,
    today: NaiveDate,
) -> Result<NextSession, StoreError> {
    let schedule = rules.settings.schedule;
    let first = match schedule.deload_every {
        Some(_) => store
            .first_session_start()?
            .map(|at| at.with_timezone(&Local).date_naive()),
        None => None,
    };
    let week = schedule.week(today, rules.week_start, first);
    let exercises = routine
        .exercises
        .iter()
        .map(|spec| {
            let past = store.recent_sessions(&spec.name, progression::depth(spec))?;
            Ok(progression::suggest(
                spec,
                &past,
                rules.settings,
                week.as_ref(),
                rules.unit,
            ))
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(NextSession {
        routine: routine.name.clone(),
        date: today,
        week,
        exercises,
    })
}

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

pub fn run(db: &Path, loaded: &Loaded, args: &NextArgs, rules: Rules) -> Result<(), CommandError> {
    for problem in &loaded.problems {
        super::stderr::tell(problem);
    }
    let store = Store::open_reader(db)?;
    let routine = choose(&store, loaded, args.routine.as_deref())?;
    let next = plan(&store, routine, rules, Local::now().date_naive())?;
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

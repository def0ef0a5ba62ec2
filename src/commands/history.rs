//! `runstrong history`: past weeks, their sessions and sets, on stdout.
//! Streams one week at a time, so memory follows the largest week, not the
//! number of weeks asked for.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Local, Utc};

use super::history_csv::Csv;
use super::history_json::Json;
use super::history_out::Sink;
use super::history_table::Table;
use crate::cli::{Detail, HistoryArgs, HistoryFormat};
use crate::domain::Unit;
use crate::domain::calendar::{Calendar, WeekRules};
use crate::domain::exercise::Exercise;
use crate::domain::history::{Totals, WeekSummary};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("writing the history: {0}")]
    Io(#[from] io::Error),
    #[error("no exercise named {name:?}; known: {known}")]
    UnknownExercise { name: String, known: String },
}

/// Writes the history to stdout, loads moved in `unit` (config.toml's).
pub fn run(path: &Path, args: &HistoryArgs, rules: WeekRules, unit: Unit) -> Result<(), String> {
    let store = Store::open_reader(path).map_err(|e| e.to_string())?;
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = store.snapshot(|store| write(store, args, (rules, unit), Utc::now(), &mut out));
    match written.and_then(|()| Ok(out.flush()?)) {
        // A reader that stops early (`| head`) is not an error.
        Err(HistoryError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}

/// Finds an exercise by name, ignoring case.
pub fn find_exercise(store: &Store, name: &str) -> Result<Exercise, HistoryError> {
    let mut all = store.exercises()?;
    // Listed in the order they were first used.
    all.sort_by_key(|e| e.id);
    let wanted = name.trim().to_lowercase();
    match all.iter().find(|e| e.name.to_lowercase() == wanted) {
        Some(e) => Ok(e.clone()),
        None => Err(HistoryError::UnknownExercise {
            name: name.to_string(),
            known: if all.is_empty() {
                "none yet".into()
            } else {
                all.iter()
                    .map(|e| e.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        }),
    }
}

/// Writes the history as of `now` in local time, loads moved in `unit`.
pub fn write(
    store: &Store,
    args: &HistoryArgs,
    (rules, unit): (WeekRules, Unit),
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), HistoryError> {
    let exercise = args
        .exercise
        .as_deref()
        .map(|n| find_exercise(store, n))
        .transpose()?
        .map(|e| e.id);
    let calendar = Calendar::new(Local, rules.starts_on);
    let mut weeks = match args.since {
        Some(day) => calendar.weeks_since(day, now),
        None => calendar.weeks_back(now, usize::from(args.weeks)),
    };
    // As in the app: no weeks before the first session, none at all
    // before there is one (they were never "missed").
    let first = store.first_session_start()?.map(|at| calendar.week_of(at));
    weeks.retain(|w| first.is_some_and(|first| w.first_day >= first));
    let mut sink: Box<dyn Sink + '_> = match args.format {
        HistoryFormat::Table => Box::new(Table::new(out, args.detail, unit, now)),
        HistoryFormat::Csv => Box::new(Csv::new(out, args.detail, unit)),
        HistoryFormat::Json => Box::new(Json::new(out, unit)),
    };
    sink.begin(rules.target)?;
    if args.detail >= Detail::Sets {
        // Every set is read anyway: one pass over each week's sets gives the
        // sessions' and the week's totals too, with no SQL aggregation.
        for &week in &weeks {
            let sessions = store.sessions_with_sets(week.start, week.end, exercise)?;
            let totals = Totals::sum(sessions.iter().map(|(s, _)| &s.totals));
            sink.week(&WeekSummary { week, totals }, &sessions)?;
        }
    } else {
        // Totals for many weeks at once; each week's sessions on demand.
        for chunk in weeks.chunks(64) {
            for week in store.week_summaries(chunk, exercise)? {
                let sessions = if args.detail == Detail::Sessions && week.totals.logged_any() {
                    store
                        .sessions_between(week.week.start, week.week.end, exercise)?
                        .into_iter()
                        .map(|s| (s, Vec::new()))
                        .collect()
                } else {
                    Vec::new()
                };
                sink.week(&week, &sessions)?;
            }
        }
    }
    sink.end()?;
    Ok(())
}

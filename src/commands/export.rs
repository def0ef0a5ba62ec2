//! `runstrong export`: the history, or a date range of it, as CSV or JSON.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Days, Local, Utc, Weekday};

use super::{CommandError, stdout};
use crate::cli::{ExportArgs, ExportFormat};
use crate::domain::Routine;
use crate::domain::calendar::Calendar;
use crate::interchange::{CsvWriter, Workout, json};
use crate::store::Store;
use crate::ui::count;

/// `routines` go into a JSON export, so that they move with the history.
pub fn run(db: &Path, routines: &[Routine], args: ExportArgs) -> Result<(), CommandError> {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        return Err(CommandError::Usage(format!(
            "--since {since} is after --until {until}"
        )));
    }
    let local = Calendar::new(Local, Weekday::Mon);
    let from = args.since.map(|d| local.midnight(d));
    let to = args
        .until
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .map(|d| local.midnight(d));
    let store = Store::open_reader(db)?;
    let Some(path) = args.out else {
        // Buffered as a file is: a write per session costs a system call.
        let out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
        return match write(
            &store,
            routines,
            args.format,
            (from, to),
            out,
            Path::new(stdout::NAME),
        ) {
            Ok((sessions, sets)) => {
                super::stderr::tell(format!(
                    "exported {} ({})",
                    count(sessions, "session"),
                    count(sets, "set")
                ));
                Ok(())
            }
            Err(CommandError::File { source, .. }) if stdout::reader_gone(&source) => Ok(()),
            Err(e) => Err(e),
        };
    };
    let file = File::create_new(&path).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => CommandError::Usage(format!(
            "{}: already exists; choose another name or remove it first",
            path.display()
        )),
        _ => CommandError::file(&path)(e),
    })?;
    let out = BufWriter::new(file);
    match write(&store, routines, args.format, (from, to), out, &path) {
        Ok((sessions, sets)) => stdout::print(&format!(
            "exported {} ({}) to {}\n",
            count(sessions, "session"),
            count(sets, "set"),
            path.display()
        )),
        Err(e) => {
            // A half-written export is worse than none.
            let _ = std::fs::remove_file(&path);
            Err(e)
        }
    }
}

/// Streams the sessions in `[from, to)` to `out`, called `name` in errors;
/// returns (sessions, sets).
fn write(
    store: &Store,
    routines: &[Routine],
    format: ExportFormat,
    (from, to): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    out: impl Write,
    name: &Path,
) -> Result<(u64, u64), CommandError> {
    // One snapshot: the exercise list and every session as of one moment.
    store.snapshot(|store| {
        let (mut sessions, mut sets) = (0, 0);
        let io_err = CommandError::file(name);
        let mut count = |w: &Workout| {
            sessions += 1;
            sets += w.sets.len() as u64;
        };
        let written = match format {
            ExportFormat::Csv => {
                let mut w = CsvWriter::begin(out).map_err(io_err)?;
                store.for_each_workout(from, to, |workout| {
                    count(&workout);
                    w.session(&workout, &Local)
                        .map_err(CommandError::file(name))
                })?;
                w.finish().map(drop)
            }
            ExportFormat::Json => {
                let mut w =
                    json::Writer::begin(out, &store.exercise_defs()?, routines).map_err(io_err)?;
                store.for_each_workout(from, to, |workout| {
                    count(&workout);
                    w.session(&workout).map_err(CommandError::file(name))
                })?;
                w.finish().map(drop)
            }
        };
        written.map_err(CommandError::file(name))?;
        Ok((sessions, sets))
    })
}

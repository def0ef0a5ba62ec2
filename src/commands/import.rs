//! `runstrong import`: read an export once and store it as it is read, in
//! one transaction that a bad row rolls back (a workout at a time: the file
//! is never held whole); or, where that cannot leave the database as it was
//! (runstrong JSON, a database to upgrade first) and for `--dry-run`, read it
//! through once to check every row and then again to store or preview it.

mod once;

use std::fs;
use std::io::{self, IsTerminal, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, TimeZone, Utc};
use indicatif::{ProgressBar, ProgressStyle};

use super::CommandError;
use crate::cli::ImportArgs;
use crate::domain::{Routine, Unit};
use crate::interchange::{self, Format, Import, Scan, Source};
use crate::routines;
use crate::store::{Feed, Holder, ImportOutcome, Store, StoreError};
use crate::ui::count;

use once::beside;
pub use once::{Failed, store as store_once};

/// `config_dir` receives the routines a runstrong JSON export carries.
pub fn run(db: &Path, config_dir: Option<&Path>, args: ImportArgs) -> Result<(), CommandError> {
    let path = args.file.as_path();
    let file = File::open(path).map_err(CommandError::file(path))?;
    let refused = |source| CommandError::Import {
        path: path.to_path_buf(),
        source,
    };
    let failed = |e| match e {
        Failed::Refused(source) => refused(source),
        Failed::Store(StoreError::Sqlite(e)) => {
            CommandError::NothingImported(StoreError::at(db, e))
        }
        Failed::Store(e) => CommandError::NothingImported(e),
    };
    let format = interchange::format_of(&file, args.from.map(Into::into)).map_err(refused)?;
    let one_pass = !args.dry_run && format != Format::Runstrong;
    let importing = if one_pass {
        Store::open_import(db, &mut super::tell_upgrade)?
    } else {
        None
    };
    let (import, outcome) = match importing {
        Some(mut importing) => {
            let stored = store(&mut importing.store, &file, format, args.unit, &Local);
            if stored.is_err() {
                importing.discard();
            }
            stored.map_err(failed)?
        }
        None => {
            // Every row checked before the database is touched.
            let scan =
                interchange::scan(&file, Some(format), args.unit, &Local).map_err(refused)?;
            let outcome = if args.dry_run {
                // A dry run never creates the database: without one, all is new.
                let store = if db.exists() {
                    Store::open_reader(db)?
                } else {
                    Store::empty()?
                };
                store.preview_each(&scan.exercises, &mut feed(&file, &scan, &Local))?
            } else {
                let mut store = Store::open_as(db, Holder::Import, &mut super::tell_upgrade)?;
                store_scanned(&mut store, &file, &scan, &Local).map_err(failed)?
            };
            (scan.summary, outcome)
        }
    };
    let routines = add_routines(config_dir, &import.routines, args.dry_run);
    let mut text = String::new();
    for line in report(path, format, &import, &outcome, args.dry_run, db, routines) {
        text.push_str(&line);
        text.push('\n');
    }
    super::stdout::print(&text)
}

/// Stores `file` (in `format`, read in `tz`) as it is read, or, when one
/// pass cannot store it as two would (nothing was written then), checks it
/// and stores it in two. One transaction either way.
pub fn store<Tz>(
    store: &mut Store,
    file: &File,
    format: Format,
    unit: Option<Unit>,
    tz: &Tz,
) -> Result<(Import, ImportOutcome), Failed>
where
    Tz: TimeZone + Sync,
{
    let bar = progress(0);
    let once = once::store(store, file, format, unit, tz, &mut |sets, of| {
        bar.set_length(of);
        bar.inc(sets);
    });
    if matches!(once, Ok(Some(_))) {
        // The count is exact now that the file has been read: shown once.
        bar.set_length(bar.position());
        bar.finish();
    }
    bar.finish_and_clear();
    if let Some(done) = once? {
        return Ok(done);
    }
    let scan = interchange::scan(file, Some(format), unit, tz).map_err(Failed::Refused)?;
    let outcome = store_scanned(store, file, &scan, tz)?;
    Ok((scan.summary, outcome))
}

/// Stores `file`, which `scan` found good, in one transaction.
fn store_scanned<Tz>(
    store: &mut Store,
    file: &File,
    scan: &Scan,
    tz: &Tz,
) -> Result<ImportOutcome, Failed>
where
    Tz: TimeZone + Sync,
{
    let bar = progress(scan.sets);
    let outcome = store.import_each(&scan.exercises, &mut feed(file, scan, tz), &mut |sets| {
        bar.inc(sets)
    });
    bar.finish_and_clear();
    // One transaction: whatever stopped it, the database is as it was.
    outcome.map_err(Failed::Store)
}

/// Saves the routines a file carries that the person does not have, each as
/// a file of its own, and says what it did (or, in a dry run, would do). A
/// routine they have by that name stays as it is.
fn add_routines(config_dir: Option<&Path>, carried: &[Routine], dry_run: bool) -> Vec<String> {
    let loaded = routines::load(config_dir);
    let mut lines = Vec::new();
    for routine in carried {
        let name = &routine.name;
        lines.push(match (loaded.find(name), config_dir) {
            (Some(have), _) if &have.routine == routine => continue,
            (Some(have), _) => format!(
                "  routine {name:?} kept as it is ({}); the file's differs",
                have.origin
            ),
            (None, _) if dry_run => format!("  would add routine {name:?}"),
            (None, None) => {
                format!("  routine {name:?} not added: no config directory; pass --config-dir")
            }
            (None, Some(dir)) => match routines::add(dir, routine) {
                Ok(file) => format!("  added routine {name:?}: {}", file.display()),
                Err(e) => format!("  routine {name:?} not added: {e}"),
            },
        });
    }
    lines
}

/// The file to import, opened anew for each pass.
pub struct File {
    path: PathBuf,
    /// Bytes of a byte-order mark at its start.
    bom: u64,
}

impl File {
    pub fn open(path: &Path) -> io::Result<File> {
        let mut start = Vec::new();
        fs::File::open(path)?.take(3).read_to_end(&mut start)?;
        Ok(File {
            path: path.to_path_buf(),
            bom: (start.len() - interchange::without_bom(&start).len()) as u64,
        })
    }

    /// Its length, a byte-order mark not counted.
    fn len(&self) -> io::Result<u64> {
        Ok(fs::metadata(&self.path)?.len().saturating_sub(self.bom))
    }

    fn from(&self, at: u64) -> io::Result<fs::File> {
        let mut file = fs::File::open(&self.path)?;
        file.seek(SeekFrom::Start(self.bom + at))?;
        Ok(file)
    }
}

impl Source for File {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.from(0)?))
    }

    fn tail(&self, at: u64) -> io::Result<Vec<u8>> {
        let mut tail = Vec::new();
        self.from(at)?.read_to_end(&mut tail)?;
        Ok(tail)
    }
}

/// The second pass over `file`, as `scan` found it, for the store: each
/// workout in turn, read and parsed on a thread of its own while the store
/// writes what it has.
pub fn feed<'a, Tz>(file: &'a File, scan: &'a Scan, tz: &'a Tz) -> Box<Feed<'a>>
where
    Tz: TimeZone + Sync,
{
    Box::new(move |each| {
        beside(|w| interchange::workouts(file, scan, tz, w), each)
            .map_err(|e| StoreError::Source(format!("{}: {e}", file.path.display())))
    })
}

/// A progress bar on a terminal; nothing when stderr is piped.
fn progress(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("importing {bar:40} {pos}/{len} sets") {
        bar.set_style(style);
    }
    bar
}

fn day(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%Y-%m-%d").to_string()
}

/// What happened, in a few lines.
pub fn report(
    file: &Path,
    format: Format,
    import: &Import,
    o: &ImportOutcome,
    dry_run: bool,
    db: &Path,
    routines: Vec<String>,
) -> Vec<String> {
    let verb = if dry_run { "would add" } else { "added" };
    let language = import
        .language
        .map(|l| format!(", {l}"))
        .unwrap_or_default();
    let mut lines = vec![format!(
        "{} ({format}{language}) into {}:",
        file.display(),
        db.display()
    )];
    lines.push(match (o.first, o.last) {
        (Some(first), Some(last)) => {
            format!(
                "  {verb} {} ({}), {} to {}",
                count(o.sessions, "session"),
                count(o.sets, "set"),
                day(first),
                day(last)
            )
        }
        _ if o.completed == 0 => "  nothing new to add".to_string(),
        _ => String::new(),
    });
    lines.retain(|l| !l.is_empty());
    if o.completed > 0 {
        let verb = if dry_run {
            "would complete"
        } else {
            "completed"
        };
        lines.push(format!(
            "  {verb} {} with {} the database lacked (a newer export of them)",
            count(o.completed, "session"),
            count(o.completed_sets, "set")
        ));
    }
    for (n, noun, text) in [
        (
            o.kept_sets,
            "set",
            "kept {} the database has and the file lacks",
        ),
        (
            o.kept_edited,
            "session",
            "left {} as corrected in runstrong, though the file has sets they lack",
        ),
        (o.skipped, "session", "skipped {} already in the database"),
    ] {
        if n > 0 {
            lines.push(format!("  {}", text.replace("{}", &count(n, noun))));
        }
    }
    if !o.new_exercises.is_empty() {
        let done = if dry_run { "to create" } else { "created" };
        lines.push(format!(
            "  {} {done}: {}",
            count(o.new_exercises.len() as u64, "new exercise"),
            o.new_exercises.join(", ")
        ));
    }
    if !import.rounded.is_empty() {
        let shown: Vec<String> = import
            .rounded
            .iter()
            .map(|r| format!("line {}: {} -> {}", r.line, r.written, r.kept))
            .collect();
        let more = import
            .rounded_total
            .saturating_sub(import.rounded.len() as u64);
        let more = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        lines.push(format!(
            "  rounded {} with float noise to the nearest hundredth ({}{more})",
            count(import.rounded_total, "value"),
            shown.join("; ")
        ));
    }
    for (n, noun, text) in [
        (
            import.pounds,
            "weight",
            "{} read back as pounds: the file stores kg, and these are exact conversions of whole or quarter pounds",
        ),
        (
            import.rest_rows,
            "rest-timer row",
            "{} kept as the rest of each exercise's plan",
        ),
        (import.note_rows, "note row", "{} kept in the session notes"),
    ] {
        if n > 0 {
            lines.push(format!("  {}", text.replace("{}", &count(n, noun))));
        }
    }
    if let Some(unit) = import.assumed_distance_unit {
        lines.push(format!(
            "  distances read in {}: the file names no distance unit, and Strong writes them in the unit system of its weights",
            unit.as_str()
        ));
    }
    lines.extend(routines);
    if dry_run {
        lines.push("  dry run: nothing was changed".to_string());
    }
    lines
}

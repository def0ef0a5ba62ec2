//! `runstrong import`: read an export whole, check every row, then store it
//! in one transaction, or with `--dry-run` only say what it would add.

use std::io::IsTerminal;
use std::path::Path;

use chrono::{DateTime, Local, Utc};
use indicatif::{ProgressBar, ProgressStyle};

use super::CommandError;
use crate::cli::ImportArgs;
use crate::domain::Routine;
use crate::interchange::{self, Format, Import};
use crate::routines;
use crate::store::{ImportOutcome, Store, StoreError};
use crate::ui::count;

/// How many rounded weights are listed before the rest are only counted.
const SHOWN_ROUNDED: usize = 5;

/// `config_dir` receives the routines a runstrong JSON export carries.
pub fn run(db: &Path, config_dir: Option<&Path>, args: ImportArgs) -> Result<(), CommandError> {
    let path = args.file.as_path();
    let bytes = std::fs::read(path).map_err(CommandError::file(path))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        CommandError::Usage(format!(
            "{}: not UTF-8 text (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let (format, import) =
        interchange::parse(&text, args.from, args.unit, &Local).map_err(|source| {
            CommandError::Import {
                path: path.to_path_buf(),
                source,
            }
        })?;
    drop(text);
    let outcome = if args.dry_run {
        // A dry run never creates the database: without one, all is new.
        let store = if db.exists() {
            Store::open_existing(db)?
        } else {
            Store::empty()?
        };
        store.preview_import(&import)?
    } else {
        let mut store = Store::open_telling(db, &mut super::tell_upgrade)?;
        let bar = progress(import.set_count() as u64);
        let outcome = store.import(&import, &mut |sets| bar.inc(sets));
        bar.finish_and_clear();
        // One transaction: whatever stopped it, the database is as it was.
        outcome.map_err(|e| match e {
            StoreError::Sqlite(e) => CommandError::NothingImported(StoreError::at(db, e)),
            e => CommandError::NothingImported(e),
        })?
    };
    let routines = add_routines(config_dir, &import.routines, args.dry_run);
    for line in report(path, format, &import, &outcome, args.dry_run, db, routines) {
        println!("{line}");
    }
    Ok(())
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
            .take(SHOWN_ROUNDED)
            .map(|r| format!("line {}: {} -> {}", r.line, r.written, r.kept))
            .collect();
        let more = import.rounded.len().saturating_sub(SHOWN_ROUNDED);
        let more = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        lines.push(format!(
            "  rounded {} with float noise to the nearest hundredth ({}{more})",
            count(import.rounded.len() as u64, "value"),
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

//! Reading other apps' exports and writing ours. Pure: text in, workouts
//! out (and workouts in, text out through a given writer); the Store does
//! the database side and the commands do the files.

mod bounds;
mod csv_out;
mod detect;
mod fitnotes;
mod group;
mod hevy;
pub mod json;
mod languages;
mod strong;
mod table;
mod times;
mod values;
mod workout;

use std::fmt;

use chrono::TimeZone;

pub use csv_out::{HEADER as CSV_HEADER, Writer as CsvWriter};
pub use detect::detect;
pub use workout::{
    BadRow, Distance, DistanceUnit, ExerciseDef, Import, PlanItem, Rounded, SetType, Workout,
    WorkoutSet,
};

use crate::domain::Unit;

/// How many bad rows a rejection lists before it only counts the rest.
pub const SHOWN_BAD_ROWS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The Strong app's CSV export (any of its layouts)
    Strong,
    /// Hevy's CSV export
    Hevy,
    /// runstrong's own JSON export
    Runstrong,
    /// FitNotes' CSV export
    Fitnotes,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty: nothing to import")]
    Empty,
    #[error(
        "cannot tell the file's format (not a Strong, Hevy or FitNotes CSV, nor runstrong JSON); pass --from strong|hevy|fitnotes|runstrong"
    )]
    UnknownFormat,
    #[error(
        "the file has weights but no weight unit column; pass --unit kg or --unit lb (runstrong never guesses)"
    )]
    NeedsUnit,
    #[error("the file lacks the column(s) {}; is it the right format?", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("the file cannot be read: {0}")]
    Syntax(String),
    #[error("{}", bad_rows(.0))]
    BadRows(Vec<BadRow>),
}

fn bad_rows(rows: &[BadRow]) -> String {
    let mut text = format!("{} bad row(s); nothing was imported", rows.len());
    for row in rows.iter().take(SHOWN_BAD_ROWS) {
        text.push_str(&format!("\n  {row}"));
    }
    if rows.len() > SHOWN_BAD_ROWS {
        text.push_str(&format!("\n  ... and {} more", rows.len() - SHOWN_BAD_ROWS));
    }
    text
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Strong => "Strong CSV",
            Format::Hevy => "Hevy CSV",
            Format::Runstrong => "runstrong JSON",
            Format::Fitnotes => "FitNotes CSV",
        })
    }
}

/// Reads a whole export. `format` of `None` detects it; `unit` is the weight
/// unit for files that have no unit column; wall-clock times in CSV files
/// are read in `tz`. Either every row is good or nothing is returned.
pub fn parse<Tz: TimeZone>(
    text: &str,
    format: Option<Format>,
    unit: Option<Unit>,
    tz: &Tz,
) -> Result<(Format, Import), ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let format = format
        .or_else(|| detect(text))
        .ok_or(ImportError::UnknownFormat)?;
    let import = match format {
        Format::Strong => strong::parse(text, unit, tz)?,
        Format::Hevy => hevy::parse(text, tz)?,
        Format::Runstrong => json::parse(text)?,
        Format::Fitnotes => fitnotes::parse(text, tz)?,
    };
    Ok((format, import))
}

//! Reading other apps' exports and writing ours. Pure: text in, workouts
//! out (and workouts in, text out through a given writer); the Store does
//! the database side and the commands do the files.

mod bounds;
mod csv_in;
mod csv_out;
mod detect;
mod fitnotes;
mod group;
mod hevy;
pub mod json;
mod languages;
mod stream;
mod strong;
mod times;
mod values;
mod workout;

use std::fmt;

pub use csv_out::{HEADER as CSV_HEADER, Writer as CsvWriter};
pub use detect::detect;
pub use stream::{
    Once, Scan, Source, Text, format_of, once, parse, scan, unreadable, without_bom, workouts,
};
pub use workout::{
    BadRow, Distance, DistanceUnit, ExerciseDef, Import, Kinds, PlanItem, Rounded, SetType,
    Workout, WorkoutSet,
};

/// How many rounded values an import lists before it only counts the rest.
pub const SHOWN_ROUNDED: usize = 5;

/// How many bad rows a rejection lists before it only counts the rest.
pub const SHOWN_BAD_ROWS: usize = 20;

/// Which app wrote a file, when it is named rather than detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Strong,
    Hevy,
    Runstrong,
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
    #[error("not UTF-8 text (byte {0})")]
    NotText(u64),
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

//! The Strong CSV that the import benchmark and `examples/import_phases.rs`
//! time: 100,000 rows with the quirks real exports have.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

pub const ROWS: usize = 100_000;
const EXERCISES: [&str; 5] = [
    "Squat (Barbell)",
    "Seated calf raise",
    "Lunge",
    "Bench Press (Barbell)",
    "Plank",
];

/// 2,000 workouts of five exercises, ten sets each, with the quirks real
/// exports have: warm-ups, float noise, quoted notes with commas, timed sets.
pub fn strong_csv() -> String {
    strong_csv_rows(ROWS)
}

/// As [`strong_csv`], `rows` rows long (workouts of 50 rows, a day apart).
pub fn strong_csv_rows(rows: usize) -> String {
    let mut text = String::from(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    for row in 0..rows {
        let workout = row / 50;
        let exercise = EXERCISES[row / 10 % 5];
        let set = row % 10;
        let date = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
            + chrono::Duration::days(workout as i64);
        let order = if set == 0 {
            "W".to_string()
        } else {
            set.to_string()
        };
        let (weight, reps, seconds) = match exercise {
            "Plank" => ("0".to_string(), "0", "45"),
            _ if set % 4 == 0 => ("102.49999999999999".to_string(), "8.0", "0"),
            _ => (format!("{}.5", 40 + set * 5), "8", "0"),
        };
        let note = if set == 3 { "\"felt heavy, slow\"" } else { "" };
        writeln!(
            text,
            "{date} 18:30:00,Day {},1h 3m,{exercise},{order},{weight},{reps},0,{seconds},{note},,8",
            workout % 7
        )
        .unwrap();
    }
    text
}

/// Stores `file` into the database `importing` opened, as `runstrong import
/// --unit kg` does: read once, written as it is read.
pub fn store_once(
    importing: &mut runstrong::store::Importing,
    file: &runstrong::commands::import::File,
) -> runstrong::store::ImportOutcome {
    let format = runstrong::interchange::format_of(file, None).unwrap();
    let (_, outcome) = runstrong::commands::import::store_once(
        &mut importing.store,
        file,
        format,
        Some(runstrong::domain::Unit::Kg),
        &chrono::Local,
        &mut |_, _| {},
    )
    .unwrap()
    .unwrap();
    outcome
}

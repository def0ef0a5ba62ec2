//! `runstrong import` on a terminal: a progress bar while it works, cleared
//! when done, and the report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod e2e_support;

use std::fmt::Write as _;

use e2e_support::Tui;

/// A Strong CSV of `sessions` workouts of 50 sets each.
fn strong_csv(sessions: usize) -> String {
    let mut text = String::from(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    let first = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    for day in 0..sessions {
        let date = first + chrono::Days::new(day as u64);
        for set in 1..=50 {
            writeln!(text, "{date} 18:30:00,Legs,45m,Squat,{set},100,5,0,0,,,").unwrap();
        }
    }
    text
}

#[test]
fn a_long_import_shows_a_progress_bar_then_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, strong_csv(1_000)).unwrap();
    let file = file.to_string_lossy();
    let mut tui = Tui::spawn_with(dir.path(), 80, 24, &["import", &file, "--unit", "kg"]);
    let screen = tui.wait_for("added 1000 sessions (50000 sets)");
    assert!(tui.wait_exit().success(), "{screen}");
    let raw = String::from_utf8_lossy(&tui.raw_output()).into_owned();
    assert!(raw.contains("importing"), "no progress bar drawn: {raw:?}");
    assert!(raw.contains("/50000 sets"), "{raw:?}");
    assert!(!tui.screen().contains("importing"), "the bar is cleared");
}

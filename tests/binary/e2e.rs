#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end: the real binary in a pseudo-terminal, driven by keys, with the
//! database file read back afterwards.

use crate::e2e_support;

use std::fmt::Write as _;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use e2e_support::{Tui, db_path};

/// How long each side of the Copenhagen plank is held.
const HOLD: Duration = Duration::from_millis(300);

/// One row of `set_log`, with its exercise's name.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub exercise: String,
    pub set_number: u32,
    pub side: Option<String>,
    pub reps: Option<u32>,
    pub load_centi: Option<i64>,
    pub load_unit: Option<String>,
    pub hold_ms: Option<i64>,
}

/// Reads every logged set through a read-only connection.
pub fn logged_sets(db: &Path) -> Vec<Row> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT e.name, s.set_number, s.side, s.reps, s.load_centi, s.load_unit, s.hold_ms
               FROM set_log s JOIN exercise e ON e.id = s.exercise_id ORDER BY s.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Row {
            exercise: r.get(0)?,
            set_number: r.get(1)?,
            side: r.get(2)?,
            reps: r.get(3)?,
            load_centi: r.get(4)?,
            load_unit: r.get(5)?,
            hold_ms: r.get(6)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The first set of the routine's first exercise: 12 reps at 22.5 kg.
pub fn rep_set() -> Row {
    Row {
        exercise: "Weighted dorsiflexion".into(),
        set_number: 1,
        side: None,
        reps: Some(12),
        load_centi: Some(2250),
        load_unit: Some("kg".into()),
        hold_ms: None,
    }
}

/// From the home screen: starts the routine and logs 12 × 22.5 kg.
pub fn start_and_log_a_rep_set(tui: &mut Tui) {
    tui.wait_for("Start Strength for runners");
    tui.send("\r");
    tui.wait_for("1/7 Strength for runners");
    tui.send("12\t22.5\r");
    tui.wait_for("Saved Weighted dorsiflexion set 1: 12 × 22.5 kg");
}

/// Starts holding from a get-ready or switch countdown (`counting` on
/// screen), does `meanwhile`, holds for `HOLD` more, stops. Returns the
/// bounds of what may be logged: from the hold on screen to the key that
/// stopped it, and from the key that started it to the notice it was saved.
fn hold_side(
    tui: &mut Tui,
    counting: &str,
    side: &str,
    meanwhile: impl FnOnce(&mut Tui),
) -> (Duration, Duration) {
    tui.wait_for(counting);
    let start = Instant::now();
    tui.send(" ");
    tui.wait_for(&format!("HOLD · {}", side.to_uppercase()));
    let shown = Instant::now();
    meanwhile(tui);
    thread::sleep(HOLD);
    let at_least = shown.elapsed();
    tui.send(" ");
    tui.wait_for(&format!("Saved Copenhagen plank set 1 {side}"));
    (at_least, start.elapsed())
}

fn assert_terminal_restored(tui: &Tui) {
    let raw = tui.raw_output();
    assert!(
        raw.windows(8).any(|w| w == b"\x1b[?1049l"),
        "the alternate screen was never left"
    );
    assert!(!tui.on_alternate_screen());
    let modes = tui.stty();
    for mode in ["icanon", "echo", "icrnl"] {
        assert!(
            modes.split_whitespace().any(|m| m == mode),
            "{mode} not restored: {modes}"
        );
    }
}

#[test]
fn logs_a_rep_set_and_a_hold_per_side_and_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    start_and_log_a_rep_set(&mut tui);
    // Skip the rest, so that Space on the plank starts the hold.
    tui.send(" ");
    tui.wait_for("Space starts the stopwatch");
    tui.send("llllll");
    tui.wait_for("7/7 Strength for runners");
    tui.wait_for("Space get ready");
    tui.send(" ");
    let left = hold_side(&mut tui, "GET READY · LEFT", "left", |_| {});
    let right = hold_side(&mut tui, "SWITCH SIDES · RIGHT", "right", |_| {});
    tui.send("q");
    tui.wait_for("Quit?");
    tui.send("y");
    let status = tui.wait_exit();
    assert!(status.success(), "{status}");
    assert_terminal_restored(&tui);

    let rows = logged_sets(&db_path(dir.path()));
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0], rep_set());
    assert_plank_hold(&rows[1], "left", left);
    assert_plank_hold(&rows[2], "right", right);
}

/// A logged first set of the plank on `side`, held for a time within `bounds`.
fn assert_plank_hold(row: &Row, side: &str, (at_least, at_most): (Duration, Duration)) {
    assert_eq!(row.exercise, "Copenhagen plank");
    assert_eq!((row.set_number, row.side.as_deref()), (1, Some(side)));
    assert_eq!(
        (row.reps, row.load_centi, &row.load_unit),
        (None, None, &None)
    );
    let held = Duration::from_millis(u64::try_from(row.hold_ms.unwrap()).unwrap());
    assert!(
        at_least <= held && held <= at_most,
        "{side}: held {held:?}, not within {at_least:?}..={at_most:?}"
    );
}

#[test]
fn a_confirmed_set_survives_sigkill_and_the_session_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_path(dir.path());
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    start_and_log_a_rep_set(&mut tui);
    tui.signal("KILL");
    let status = tui.wait_exit();
    assert!(!status.success() && status.signal().is_some(), "{status}");
    assert_eq!(logged_sets(&db), vec![rep_set()]);

    let mut tui = Tui::spawn(dir.path(), 80, 24);
    let home = tui.wait_for("▶ Resume Strength for runners");
    assert!(home.contains("1 set,"), "{home}");
    tui.send("\r");
    let screen = tui.wait_for("1 set logged");
    assert!(screen.contains("1/7 Strength for runners"), "{screen}");
    assert!(screen.contains("1 ✓ 12×22.5kg"), "{screen}");
    assert!(screen.contains("2 ▶ now"), "{screen}");
    tui.send("qy");
    assert!(tui.wait_exit().success());
}

/// Leaves a running session by `leave` and checks the exit and the terminal.
fn assert_leaves_cleanly(leave: impl FnOnce(&mut Tui)) {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    start_and_log_a_rep_set(&mut tui);
    tui.wait_for("REST");
    leave(&mut tui);
    let status = tui.wait_exit();
    assert!(status.success(), "{status}");
    assert_terminal_restored(&tui);
    assert_eq!(logged_sets(&db_path(dir.path())), vec![rep_set()]);
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    assert_leaves_cleanly(|tui| tui.signal("TERM"));
}

#[test]
fn sighup_restores_the_terminal_and_exits() {
    assert_leaves_cleanly(|tui| tui.signal("HUP"));
}

#[test]
fn ctrl_c_restores_the_terminal_and_exits() {
    assert_leaves_cleanly(|tui| tui.send("\x03"));
}

#[test]
fn a_tiny_terminal_asks_to_be_enlarged_and_a_resize_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 20, 5);
    tui.wait_for("Enlarge the terminal");
    tui.resize(80, 24);
    let screen = tui.wait_for("Start Strength for runners");
    assert!(!screen.contains("Enlarge"), "{screen}");
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_hold_keeps_timing_through_a_too_small_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    tui.wait_for("Start Strength for runners");
    tui.send("\r");
    tui.wait_for("1/7 Strength for runners");
    tui.send("llllll");
    tui.wait_for("Space get ready");
    tui.send(" ");
    let bounds = hold_side(&mut tui, "GET READY · LEFT", "left", |tui| {
        tui.resize(20, 5);
        tui.wait_for("Enlarge the terminal");
        tui.resize(80, 24);
        tui.wait_for("HOLD · LEFT");
    });
    tui.send("qy");
    assert!(tui.wait_exit().success());
    let rows = logged_sets(&db_path(dir.path()));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_plank_hold(&rows[0], "left", bounds);
}

#[test]
fn a_record_reached_before_a_kill_is_on_the_summary_after_the_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    start_and_log_a_rep_set(&mut tui);
    tui.send("\x7f\x7f13\r");
    tui.wait_for("New record! Weighted dorsiflexion: most reps at this load, 13 × 22.5 kg");
    tui.signal("KILL");
    tui.wait_exit();

    let mut tui = Tui::spawn(dir.path(), 80, 24);
    tui.wait_for("▶ Resume Strength for runners");
    tui.send("\r");
    tui.wait_for("2 sets logged");
    tui.send("f");
    tui.wait_for("Finish the session?");
    tui.send("\r");
    let summary = tui.wait_for("New records");
    assert!(
        summary.contains("★ Weighted dorsiflexion: most reps at this load, 13 × 22.5 kg"),
        "{summary}"
    );
    assert!(
        !summary.contains("12 × 22.5"),
        "the first set ever is no record"
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// A Strong CSV of `sessions` workouts of 50 sets each.
pub fn strong_csv(sessions: usize) -> String {
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

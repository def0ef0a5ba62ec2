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
struct Row {
    exercise: String,
    set_number: u32,
    side: Option<String>,
    reps: Option<u32>,
    load_centi: Option<i64>,
    load_unit: Option<String>,
    hold_ms: Option<i64>,
}

/// Reads every logged set through a read-only connection.
fn logged_sets(db: &Path) -> Vec<Row> {
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
fn rep_set() -> Row {
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
fn start_and_log_a_rep_set(tui: &mut Tui) {
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

#[test]
fn a_second_app_on_the_same_database_is_refused_and_the_first_keeps_logging() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_path(dir.path());
    let mut first = Tui::spawn(dir.path(), 80, 24);
    first.wait_for("Start Strength for runners");

    let mut second = Tui::spawn(dir.path(), 80, 24);
    let refusal = second.wait_for("in use by");
    assert!(
        refusal.contains(&format!("runstrong pid {} (the app)", first.pid())),
        "{refusal}"
    );
    assert!(!second.wait_exit().success());

    // Reading goes on beside it; an import would change what it shows.
    let history = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .arg("--db")
        .arg(&db)
        .arg("history")
        .output()
        .unwrap();
    assert!(history.status.success(), "{history:?}");
    let csv = dir.path().join("strong.csv");
    std::fs::write(&csv, strong_csv(1)).unwrap();
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&csv)
        .args(["--unit", "kg"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(
        !import.status.success() && stderr.contains("in use by"),
        "{stderr}"
    );

    start_and_log_a_rep_set(&mut first);
    // The lock dies with its process: a killed app never blocks the next.
    first.signal("KILL");
    first.wait_exit();
    let mut again = Tui::spawn(dir.path(), 80, 24);
    again.wait_for("▶ Resume Strength for runners");
    again.send("q");
    assert!(again.wait_exit().success());
    assert_eq!(logged_sets(&db), vec![rep_set()]);
}

#[test]
fn a_damaged_database_is_said_on_screen_and_at_exit_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_path(dir.path());
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    start_and_log_a_rep_set(&mut tui);
    tui.send("qy");
    assert!(tui.wait_exit().success());

    // Damaged, the file's time put back as a restore would.
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(&db).unwrap();
    let root: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'session'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // The session table's root page: always in use.
    let page = usize::try_from(root - 1).unwrap() * 4096;
    bytes[page..page + 64].fill(0xA5);
    std::fs::write(&db, &bytes).unwrap();
    let file = std::fs::File::options().write(true).open(&db).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);

    let mut tui = Tui::spawn(dir.path(), 40, 20);
    tui.wait_for("Database damaged");
    tui.send("\r\r");
    tui.send("q");
    tui.send("y");
    assert!(!tui.wait_exit().success());
    let said = tui.wait_for(".recover");
    assert!(said.contains("runstrong.db"), "{said}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the damaged file was written"
    );
}

/// Closes the terminal under a logged set, with `then` done first, and
/// checks that the program leaves by itself and the session resumes.
fn assert_a_closed_terminal_ends_it(then: impl FnOnce(&mut Tui)) {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn_ignoring_hangup(dir.path(), 80, 24);
    start_and_log_a_rep_set(&mut tui);
    then(&mut tui);
    tui.close_terminal();
    // A liveness check: a program spinning on the dead terminal never exits.
    let status = tui.wait_exit();
    assert!(status.success(), "{status}");
    assert_eq!(logged_sets(&db_path(dir.path())), vec![rep_set()]);

    let mut tui = Tui::spawn(dir.path(), 80, 24);
    tui.wait_for("▶ Resume Strength for runners");
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_terminal_closed_without_sighup_while_idle_ends_the_program() {
    // With no timer running nothing on screen changes: only the terminal
    // itself can tell the program it is gone.
    assert_a_closed_terminal_ends_it(|tui| {
        tui.send(" ");
        tui.wait_for("Space starts the stopwatch");
    });
}

#[test]
fn a_terminal_closed_without_sighup_during_a_rest_ends_the_program() {
    // The rest redraws every second, and drawing on the dead terminal fails.
    assert_a_closed_terminal_ends_it(|tui| {
        tui.wait_for("REST");
    });
}

#[test]
fn a_paste_with_a_line_break_lands_in_the_note_and_logs_nothing_early() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    tui.wait_for("Start Strength for runners");
    tui.send("\r");
    tui.wait_for("1/7 Strength for runners");
    tui.send("\t\t\t");
    tui.paste("felt good\nknee ok");
    tui.wait_for("knee ok");
    assert!(logged_sets(&db_path(dir.path())).is_empty());
    tui.send("\r");
    tui.wait_for("Saved Weighted dorsiflexion set 1");
    tui.send("qy");
    assert!(tui.wait_exit().success());
    let conn =
        Connection::open_with_flags(db_path(dir.path()), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let notes: Vec<Option<String>> = conn
        .prepare("SELECT notes FROM set_log ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(notes, [Some("felt good knee ok".to_string())]);
}

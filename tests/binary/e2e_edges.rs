//! The app at its edges, in a pseudo-terminal: a second app on the same
//! file, a damaged file, a terminal closed without SIGHUP, a paste with a
//! line break.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use e2e_support::{Tui, db_path};
use rusqlite::{Connection, OpenFlags};

use crate::common;
use crate::e2e::{logged_sets, rep_set, start_and_log_a_rep_set, strong_csv};
use crate::e2e_support;

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
    let bytes = common::store::damage_keeping_times(&db);

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

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]
//! End-to-end, the session fixed in place: the real binary in a
//! pseudo-terminal logs a set, corrects it, undoes the correction, and the
//! file keeps every version.

use crate::e2e_support;

use rusqlite::{Connection, OpenFlags};

use e2e_support::{Tui, db_path};

/// `q`, then yes: the app quits cleanly.
fn quit(tui: &mut Tui) {
    tui.send("q");
    tui.wait_for("Quit");
    tui.send("y");
    assert!(tui.wait_exit().success());
}

/// The database of the app run in `dir`, read only.
fn read_only(dir: &std::path::Path) -> Connection {
    Connection::open_with_flags(db_path(dir), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

#[test]
fn a_set_corrected_in_the_session_and_undone_keeps_every_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::spawn(dir.path(), 80, 24);
    tui.wait_for("Start Strength for runners");
    tui.send("\r");
    tui.wait_for("1/7 Strength for runners");
    tui.send("12\t22.5\r");
    tui.wait_for("Saved Weighted dorsiflexion set 1: 12 × 22.5 kg");
    tui.send("c");
    tui.wait_for("▸ 12×22.5kg");
    tui.send("\r");
    tui.wait_for("Correcting set 1:");
    tui.send("14\t\t8\r");
    let screen = tui.wait_for("Set corrected; z undoes");
    assert!(screen.contains("✓ 14×22.5kg"), "{screen}");
    tui.send("z");
    let screen = tui.wait_for("Undone");
    assert!(screen.contains("✓ 12×22.5kg"), "{screen}");
    assert!(screen.contains("1 set logged"), "{screen}");
    quit(&mut tui);

    let conn = read_only(dir.path());
    let mut stmt = conn
        .prepare(
            "SELECT reps, load_centi, rpe, replaced_by IS NOT NULL, deleted_at IS NOT NULL
               FROM set_log ORDER BY id",
        )
        .unwrap();
    let versions: Vec<(u32, i64, Option<f64>, bool, bool)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        versions,
        [
            (12, 2250, None, false, false),
            (14, 2250, Some(8.0), false, true)
        ],
        "the set as logged is live again; its correction is kept, marked undone"
    );
}

#[test]
fn a_weighted_plank_logged_corrected_and_resumed_keeps_its_load_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config/runstrong");
    std::fs::create_dir_all(config.join("routines")).unwrap();
    std::fs::write(config.join("config.toml"), "get_ready_secs = 0\n").unwrap();
    std::fs::write(
        config.join("routines/plank.toml"),
        "name = \"Plank day\"\n[[exercises]]\nname = \"Copenhagen plank\"\nkind = \"hold\"\n\
         sides = \"each\"\nsets = 2\nhold_secs = 30\nweighted = true\n",
    )
    .unwrap();
    let mut tui = Tui::spawn(dir.path(), 40, 20);
    tui.wait_for("Start Plank day");
    tui.send("\x1b[B\r");
    tui.wait_for("load [  BW  ] kg");
    tui.send("12.5u");
    tui.wait_for("load [12.5▏ ] lb");
    tui.send(" ");
    tui.wait_for("with 12.5 lb");
    std::thread::sleep(std::time::Duration::from_millis(300));
    tui.send(" ");
    tui.wait_for("Saved Copenhagen plank set 1 left:");
    tui.send("\x1b");
    tui.wait_for("Hold cancelled");
    tui.send("c\r");
    tui.wait_for("held [");
    tui.send("\t20\r");
    tui.wait_for("Set corrected");
    quit(&mut tui);

    let conn = read_only(dir.path());
    let rows: Vec<(i64, Option<i64>, Option<String>, bool)> = conn
        .prepare(
            "SELECT hold_ms, load_centi, load_unit, replaced_by IS NOT NULL FROM set_log ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (&rows[0].1, rows[0].2.as_deref(), rows[0].3),
        (&Some(1250), Some("lb"), true),
        "the set as logged, kept"
    );
    assert_eq!(
        (rows[1].0, &rows[1].1, rows[1].2.as_deref(), rows[1].3),
        (rows[0].0, &Some(2000), Some("lb"), false),
        "the same time, the corrected load in the same unit"
    );

    // A restart resumes at the right side, the left one's load listed, in
    // the unit last used; the right side has no set of its own to follow
    // yet, so it starts where the left side ended: the corrected 20 lb.
    let mut tui = Tui::spawn(dir.path(), 40, 20);
    tui.wait_for("Resume");
    tui.send("\r");
    let screen = tui.wait_for("✓ L 0s@20lb   ▶ R now");
    assert!(screen.contains("load [  20  ] lb"), "{screen}");
    quit(&mut tui);
}

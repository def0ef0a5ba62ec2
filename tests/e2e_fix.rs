#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]
//! End-to-end, the session fixed in place: the real binary in a
//! pseudo-terminal logs a set, corrects it, undoes the correction, and the
//! file keeps every version.

mod e2e_support;

use rusqlite::{Connection, OpenFlags};

use e2e_support::{Tui, db_path};

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
    tui.send("q");
    tui.wait_for("Quit");
    tui.send("y");
    assert!(tui.wait_exit().success());

    let conn =
        Connection::open_with_flags(db_path(dir.path()), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
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

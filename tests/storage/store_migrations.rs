//! Migrations that rebuild a table keep every row of it, field for field,
//! and everything that hangs on it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use runstrong::store::{self, Store};
use rusqlite::Connection;
use rusqlite::types::Value;

fn rows(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |r| (0..width).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

const EVERYTHING: [&str; 1] = ["SELECT * FROM set_log ORDER BY id"];

/// A version 4 database with sets of every kind: per side, warm-up, timed,
/// with distance, RPE and notes, one corrected and one deleted.
fn version_4(path: &std::path::Path) -> Vec<Vec<Vec<Value>>> {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    store::migrations()
        .unwrap()
        .to_version(&mut conn, 4)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO exercise (id, name, kind, sides) VALUES (1, 'Lunge', 'reps', 'each'), (2, 'Plank', 'hold', 'both'),
                                                            (3, 'Run', 'reps', 'both');
         INSERT INTO session (id, routine, started_at, ended_at, notes, source, source_key) VALUES
             (1, 'r', '2026-01-05T18:00:00.000Z', '2026-01-05T19:00:00.000Z', 'good', NULL, NULL),
             (2, 'Day 1', '2026-01-07T18:00:00.000Z', NULL, NULL, 'strong', '2026-01-07 19:00:00|Day 1');
         INSERT INTO set_log (id, session_id, exercise_id, set_number, side, set_type, reps, load_centi, load_unit,
                              hold_ms, duration_ms, rpe, notes, logged_at, distance_centi, distance_unit)
         VALUES (1, 1, 1, 1, 'left', 'warmup', 8, 2000, 'kg', NULL, 41000, NULL, NULL, '2026-01-05T18:01:00.000Z', NULL, NULL),
                (2, 1, 1, 2, 'left', 'normal', 10, 2250, 'kg', NULL, NULL, 8.5, 'heavy, slow', '2026-01-05T18:02:00.000Z', NULL, NULL),
                (3, 1, 1, 2, 'right', 'failure', 9, 5000, 'lb', NULL, NULL, 10, NULL, '2026-01-05T18:03:00.000Z', NULL, NULL),
                (4, 1, 2, 1, NULL, 'normal', NULL, NULL, NULL, 45500, NULL, NULL, NULL, '2026-01-05T18:05:00.000Z', NULL, NULL),
                (5, 2, 3, 1, NULL, 'drop', NULL, NULL, NULL, NULL, 1800000, NULL, NULL, '2026-01-07T18:00:00.000Z', 500, 'km'),
                (6, 2, 1, 1, 'left', 'normal', 12, 2250, 'kg', NULL, NULL, NULL, NULL, '2026-01-07T18:10:00.000Z', NULL, NULL);
         -- Set 2 corrected to 11 reps (the new version is 7); set 4 deleted.
         INSERT INTO set_log (id, session_id, exercise_id, set_number, side, reps, load_centi, load_unit, logged_at)
         VALUES (7, 1, 1, 2, 'left', 11, 2250, 'kg', '2026-01-05T18:02:00.000Z');
         UPDATE set_log SET replaced_by = 7, corrected_at = '2026-01-06T08:00:00.000Z' WHERE id = 2;
         UPDATE set_log SET deleted_at = '2026-01-06T08:01:00.000Z' WHERE id = 4;",
    )
    .unwrap();
    EVERYTHING.iter().map(|sql| rows(&conn, sql)).collect()
}

#[test]
fn rebuilding_set_log_keeps_every_set_its_corrections_and_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runstrong.db");
    let before = version_4(&path);
    assert!(store::schema_version() >= 5);
    Store::open(&path).unwrap().close().unwrap();

    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let after: Vec<_> = EVERYTHING.iter().map(|sql| rows(&conn, sql)).collect();
    assert_eq!(after, before);
    let check = |pragma: &str| rows(&conn, &format!("PRAGMA {pragma}"));
    assert_eq!(check("integrity_check"), [[Value::Text("ok".into())]]);
    assert!(check("foreign_key_check").is_empty());
    let parents: Vec<_> = check("foreign_key_list(set_log)")
        .into_iter()
        .map(|r| r[2].clone())
        .collect();
    assert!(
        parents.contains(&Value::Text("set_log".into())),
        "{parents:?}"
    );
    let hanging = rows(
        &conn,
        "SELECT name FROM sqlite_schema WHERE tbl_name IN ('set_log', 'live_set') AND type != 'table' ORDER BY name",
    );
    let names: Vec<_> = hanging.into_iter().map(|r| r[0].clone()).collect();
    let expected = ["cardio_set", "live_set", "set_by_session", "set_replaced"];
    assert_eq!(names, expected.map(|n| Value::Text(n.into())));

    // Every live working set of an ended session is counted in the chart
    // summary, once; the warm-up (set 1) in none; session 2 (an import
    // without an end) is open, so its rows are folded from its sets when
    // read, not stored.
    let counted = rows(
        &conn,
        "SELECT sum(sets), count(DISTINCT session_id) FROM session_chart",
    );
    let working = rows(
        &conn,
        "SELECT count(*), count(DISTINCT session_id) FROM live_set l
         JOIN session s ON s.id = l.session_id
         WHERE s.ended_at IS NOT NULL AND set_type <> 'warmup'",
    );
    assert_eq!(counted, working);
    assert_eq!(counted[0][1], Value::Integer(1));
    let charted = rows(&conn, "SELECT sum(reps) FROM session_chart");
    let live = rows(
        &conn,
        "SELECT sum(coalesce(reps, 0)) FROM live_set l JOIN session s ON s.id = l.session_id
         WHERE s.ended_at IS NOT NULL AND set_type <> 'warmup'",
    );
    assert_eq!(charted, live);

    // The checks still refuse what they refused.
    let insert = |set_type: &str, distance_unit: &str| {
        conn.execute(
            "INSERT INTO set_log (session_id, exercise_id, set_number, set_type, reps, distance_centi, distance_unit, logged_at)
             VALUES (2, 3, 2, ?1, 1, 100, ?2, '2026-01-07T18:20:00.000Z')",
            [set_type, distance_unit],
        )
    };
    assert!(insert("bogus", "km").is_err());
    assert!(insert("normal", "yd").is_err());
    insert("warmup", "mi").unwrap();
}

#[test]
fn cardio_becomes_a_kind_and_runs_imported_as_holds_move_out_of_hold_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runstrong.db");
    let mut conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    store::migrations()
        .unwrap()
        .to_version(&mut conn, 6)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO exercise (id, name, kind, sides) VALUES (1, 'Running', 'hold', 'both'), (2, 'Plank', 'hold', 'both');
         INSERT INTO session (id, routine, started_at, source, source_key) VALUES
             (1, 'Run', '2025-04-01T07:00:00.000Z', 'strong', '2025-04-01 07:00:00|Run');
         INSERT INTO session_exercise (session_id, position, exercise_id, planned_sets, rest_ms, cue) VALUES (1, 0, 1, 1, 0, ''), (1, 1, 2, 1, 0, '');
         INSERT INTO set_log (id, session_id, exercise_id, set_number, hold_ms, logged_at, distance_centi, distance_unit)
         VALUES (1, 1, 1, 1, 1991000, '2025-04-01T07:00:00.000Z', 500, 'km'),
                (2, 1, 2, 1, 45000, '2025-04-01T07:00:00.000Z', NULL, NULL);
         INSERT INTO set_record (set_id, kind) VALUES (1, 'longest_hold'), (2, 'longest_hold');",
    )
    .unwrap();
    drop(conn);
    Store::open(&path).unwrap().close().unwrap();

    let conn = Connection::open(&path).unwrap();
    let all = |sql: &str| rows(&conn, sql);
    assert_eq!(
        all("SELECT id, kind FROM exercise ORDER BY id"),
        [
            [Value::Integer(1), Value::Text("cardio".into())],
            [Value::Integer(2), Value::Text("hold".into())]
        ]
    );
    assert_eq!(
        all("SELECT hold_ms, duration_ms FROM set_log ORDER BY id"),
        [
            [Value::Null, Value::Integer(1_991_000)],
            [Value::Integer(45_000), Value::Null]
        ],
        "the run's time is kept, as a duration"
    );
    assert_eq!(
        all("SELECT exercise_id, hold_ms FROM load_best ORDER BY 1"),
        [[Value::Integer(2), Value::Integer(45_000)]],
        "no hold record for the run"
    );
    assert_eq!(all("SELECT set_id FROM set_record"), [[Value::Integer(2)]]);
    assert!(all("PRAGMA foreign_key_check").is_empty());
    let parents = all("SELECT \"table\" FROM pragma_foreign_key_list('set_log')");
    assert!(
        parents.contains(&vec![Value::Text("exercise".into())]),
        "{parents:?}"
    );
    assert!(
        conn.execute(
            "INSERT INTO exercise (name, kind, sides) VALUES ('Bogus', 'sprint', 'both')",
            []
        )
        .is_err()
    );
}

#[test]
fn plans_learn_whether_a_hold_is_weighted_and_holds_kept_their_load_all_along() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runstrong.db");
    let mut conn = Connection::open(&path).unwrap();
    store::migrations()
        .unwrap()
        .to_version(&mut conn, 8)
        .unwrap();
    // A Strong import of version 8 stored a plank's plate beside its time.
    conn.execute_batch(
        "INSERT INTO exercise (id, name, kind, sides) VALUES (1, 'Plank', 'hold', 'both');
         INSERT INTO session (id, routine, started_at) VALUES (1, 'Core', '2025-04-01T07:00:00.000Z');
         INSERT INTO session_exercise (session_id, position, exercise_id, planned_sets, rest_ms, cue)
         VALUES (1, 0, 1, 1, 0, '');
         INSERT INTO set_log (id, session_id, exercise_id, set_number, load_centi, load_unit, hold_ms, logged_at)
         VALUES (1, 1, 1, 1, 1000, 'kg', 45000, '2025-04-01T07:01:00.000Z');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let session = store.load_session(1).unwrap();
    assert!(!session.plan[0].weighted, "old plans are not weighted");
    assert!(
        session.weighted_hold(0),
        "a hold that carried a load asks for one"
    );
    assert_eq!(
        session.logged[0].set.work.to_string(),
        "45.0 s @ 10 kg",
        "the stored load is read with the hold"
    );
    store.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    assert!(
        conn.execute(
            "UPDATE session_exercise SET weighted = 2 WHERE session_id = 1",
            []
        )
        .is_err(),
        "weighted is a yes or a no"
    );
}

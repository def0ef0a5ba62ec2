//! Imports through the binary, one pass as the command runs it: a refused
//! file changes nothing and leaves no new database, kinds a late row
//! decides, an older database left as it was, two time zones, a kill.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::data::import;
use runstrong::domain::Unit;
use runstrong::interchange::Format;

/// `runstrong --db DB ARGS` with times read in `tz`.
fn runstrong(db: &std::path::Path, tz: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TZ", tz)
        .env_remove("RUNSTRONG_DB")
        .output()
        .unwrap()
}

fn said(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const STRONG_HEADER: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";

/// `workouts` Strong workouts of ten squat sets, one a day from 2024, then
/// `tail` rows.
fn many_workouts(workouts: u64, tail: &str) -> String {
    let mut text = String::from(STRONG_HEADER);
    let first = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for day in 0..workouts {
        let date = first + chrono::Days::new(day);
        for set in 1..=10 {
            text.push_str(&format!(
                "{date} 18:00:00,Legs,45m,Squat,{set},100,5,0,0,,,\n"
            ));
        }
    }
    text + tail
}

#[test]
fn a_bad_row_after_many_workouts_refuses_the_file_and_changes_nothing() {
    use common::data::dump;
    use common::store::sidecars;
    let dir = tempfile::tempdir().unwrap();
    // Rows 2 to 3,001 are good; 3,002 and 3,004 are not.
    let tail = "2033-01-01 18:00:00,Legs,45m,Squat,1,heavy,5,0,0,,,\n\
                2033-01-01 18:00:00,Legs,45m,Squat,2,100,5,0,0,,,\n\
                2033-01-01 18:00:00,Legs,45m,Squat,3,100,five,0,0,,,\n";
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, many_workouts(300, tail)).unwrap();
    let args = ["import", file.to_str().unwrap(), "--unit", "kg"];
    let refusal = |db: &std::path::Path| {
        let out = runstrong(db, "UTC", &args);
        let (stdout, stderr) = said(&out);
        assert!(!out.status.success() && stdout.is_empty(), "{stdout}");
        assert!(
            stderr.contains("2 bad row(s); nothing was imported")
                && stderr.contains("line 3002: weight \"heavy\" is not a number")
                && stderr.contains("line 3004: reps"),
            "{stderr}"
        );
    };

    // A new database, in a folder the import would make: neither is left.
    let new = dir.path().join("new").join("runstrong.db");
    refusal(&new);
    assert!(
        !dir.path().join("new").exists(),
        "a refused file left files"
    );

    // An existing one: row for row as it was, in WAL mode as ever.
    let old = imported_by_the_binary(dir.path());
    let before = dump(&old);
    refusal(&old);
    assert_eq!(dump(&old), before);
    assert_eq!(sidecars(&old), Vec::<std::path::PathBuf>::new());
    let mode: String = rusqlite::Connection::open(&old)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");

    // The same rows, good, all land.
    std::fs::write(&file, many_workouts(300, "")).unwrap();
    let (stdout, stderr) = said(&runstrong(&new, "UTC", &args));
    assert!(
        stdout.contains("added 300 sessions (3000 sets)"),
        "{stdout}{stderr}"
    );
}

/// `old.db` in `dir`, with the 12-column Strong fixture imported.
fn imported_by_the_binary(dir: &std::path::Path) -> std::path::PathBuf {
    let old = dir.join("old.db");
    let fixture = fixture_path_str("strong_12col.csv");
    let out = runstrong(&old, "UTC", &["import", &fixture, "--unit", "kg"]);
    assert!(out.status.success(), "{:?}", said(&out));
    old
}

fn fixture_path_str(name: &str) -> String {
    common::data::fixture_path(name).display().to_string()
}

/// Plank logged as holds, then once with reps: reps, as two passes make it.
const KIND_BY_A_LATE_ROW: &str = "\
2025-01-01 18:00:00,A,45m,Plank,1,,,,45,,,
2025-01-01 18:00:00,A,45m,Running,1,,,5,1800,,,
2025-01-02 18:00:00,A,45m,Plank,1,20,10,,,,,
2025-01-02 18:00:00,A,45m,Running,1,,,,900,,,
2025-01-02 18:00:00,A,45m,Squat,1,100,5,,,,,
";

/// Rowing held for time first, its distance only in a later workout: its
/// first set is cardio too. And Stretch, only a rest-timer row before any
/// set of Squat.
const CARDIO_BY_A_LATE_ROW: &str = "\
2025-01-01 18:00:00,A,45m,Rowing,1,,,,600,,,
2025-01-01 18:00:00,A,45m,Stretch,Rest Timer,,,,90,,,
2025-01-02 18:00:00,A,45m,Squat,1,100,5,,,,,
2025-01-03 18:00:00,A,45m,Rowing,1,,,2,480,,,
2025-01-03 18:00:00,A,45m,Stretch,1,,,,30,,,
";

#[test]
fn kinds_a_late_row_decides_come_out_as_when_the_file_was_checked_first() {
    use common::data::dump;
    use runstrong::commands::import::{File, store_once};
    let dir = tempfile::tempdir().unwrap();
    for (name, rows, in_one_pass) in [
        ("kind", KIND_BY_A_LATE_ROW, true),
        ("cardio", CARDIO_BY_A_LATE_ROW, false),
    ] {
        let text = format!("{STRONG_HEADER}{rows}");
        let file = dir.path().join(format!("{name}.csv"));
        std::fs::write(&file, &text).unwrap();
        let one = dir.path().join(format!("{name}-one.db"));
        let out = runstrong(
            &one,
            "UTC",
            &["import", file.to_str().unwrap(), "--unit", "kg"],
        );
        assert!(out.status.success(), "{:?}", said(&out));
        // Two passes, as before: the whole file read, then stored.
        let two = dir.path().join(format!("{name}-two.db"));
        let mut store = runstrong::store::Store::open(&two).unwrap();
        import(&mut store, &text, Some(Unit::Kg));
        store.close().unwrap();
        assert_eq!(dump(&one), dump(&two), "{name}");
        // Whether one pass could do it, or the file was read again.
        let probe = dir.path().join(format!("{name}-probe.db"));
        let mut importing = runstrong::store::Store::open_import(&probe, &mut |_| {})
            .unwrap()
            .unwrap();
        let once = store_once(
            &mut importing.store,
            &File::open(&file).unwrap(),
            Format::Strong,
            Some(Unit::Kg),
            &chrono::Utc,
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(once.is_some(), in_one_pass, "{name}");
    }
    let kinds = |db: &str| -> Vec<(String, String)> {
        let conn = rusqlite::Connection::open(dir.path().join(db)).unwrap();
        let mut stmt = conn
            .prepare("SELECT name, kind FROM exercise ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        kinds("kind-one.db"),
        pairs(&[("Plank", "reps"), ("Running", "cardio"), ("Squat", "reps")])
    );
    assert_eq!(
        kinds("cardio-one.db"),
        pairs(&[("Rowing", "cardio"), ("Squat", "reps"), ("Stretch", "hold")])
    );
    let rowing: (Option<i64>, Option<i64>) =
        rusqlite::Connection::open(dir.path().join("cardio-one.db"))
            .unwrap()
            .query_row(
                "SELECT hold_ms, duration_ms FROM set_log WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
    assert_eq!(
        rowing,
        (None, Some(600_000)),
        "the first row's time is a duration"
    );
}

#[test]
fn a_refused_file_leaves_an_older_database_unupgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let at_4 = runstrong::store::migrations()
        .and_then(|m| Ok(m.to_version(&mut rusqlite::Connection::open(&db)?, 4)?));
    at_4.unwrap();
    let before = std::fs::read(&db).unwrap();
    let bad = fixture_path_str("strong_bad_rows.csv");
    let out = runstrong(&db, "UTC", &["import", &bad, "--unit", "kg"]);
    let (_, stderr) = said(&out);
    assert!(
        !out.status.success() && stderr.contains("bad row(s)"),
        "{stderr}"
    );
    assert!(!stderr.contains("upgrading"), "{stderr}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "checked before it is opened"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup made"
    );
}

#[test]
fn an_own_csv_export_reimports_as_nothing_in_another_time_zone_and_a_newer_export_completes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let older = dir.path().join("older.csv");
    let newer = dir.path().join("newer.csv");
    let all = many_workouts(3, "");
    // The older export was made before the last set of the last workout.
    let cut = all.trim_end().rfind('\n').unwrap();
    std::fs::write(&older, &all[..=cut]).unwrap();
    std::fs::write(&newer, &all).unwrap();
    let import = |file: &std::path::Path, tz: &str| {
        let out = runstrong(&db, tz, &["import", file.to_str().unwrap(), "--unit", "kg"]);
        let (stdout, stderr) = said(&out);
        assert!(out.status.success(), "{stderr}");
        stdout
    };
    assert!(import(&older, "Asia/Tokyo").contains("added 3 sessions (29 sets)"));
    let completed = import(&newer, "Asia/Tokyo");
    assert!(
        completed.contains("completed 1 session with 1 set the database lacked")
            && completed.contains("skipped 2 sessions already in the database"),
        "{completed}"
    );
    let export = dir.path().join("export.csv");
    let out = runstrong(
        &db,
        "Asia/Tokyo",
        &[
            "export",
            "--format",
            "csv",
            "--out",
            export.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{:?}", said(&out));
    let again = import(&export, "America/Los_Angeles");
    assert!(
        again.contains("nothing new to add") && again.contains("skipped 3 sessions"),
        "{again}"
    );
}

#[test]
fn an_import_killed_part_way_loses_nothing_and_leaves_a_database_that_opens() {
    use common::data::dump;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.csv");
    // Big enough (300,000 rows) that the import is still writing when it
    // is killed, however busy the machine.
    std::fs::write(&file, many_workouts(30_000, "")).unwrap();
    let old = imported_by_the_binary(dir.path());
    let new = dir.path().join("new.db");
    for (db, sessions) in [(&old, 2), (&new, 0)] {
        let before = db.exists().then(|| dump(db));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
            .arg("--db")
            .arg(db)
            .args(["import", file.to_str().unwrap(), "--unit", "kg"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Killed while it writes: its rollback journal is beside the file,
        // and the file has grown past what the schema and the old sessions
        // take (the journal alone may be the new file's migration's).
        let journal = std::path::PathBuf::from(format!("{}-journal", db.display()));
        let writing = || journal.exists() && std::fs::metadata(db).is_ok_and(|m| m.len() > 4 << 20);
        let started = std::time::Instant::now();
        while !writing() && started.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(writing(), "the import writes in a rollback journal");
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "killed before it finished: {status}");
        let out = runstrong(db, "UTC", &["history"]);
        assert!(out.status.success(), "{:?}", said(&out));
        let count: i64 = rusqlite::Connection::open(db)
            .unwrap()
            .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, sessions);
        if let Some(before) = before {
            assert_eq!(dump(db), before);
        }
    }
}

#[test]
fn a_refused_import_never_takes_away_a_database_that_holds_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runstrong.db");
    let mut importing = runstrong::store::Store::open_import(&path, &mut |_| {})
        .unwrap()
        .expect("a new database imports in one pass");
    // As if another runstrong had made the file and logged a session
    // between the look and the lock.
    importing
        .store
        .start_session(&common::routine(), chrono::Utc::now())
        .unwrap();
    importing.discard();
    assert!(path.exists(), "a database with a session is kept");
}

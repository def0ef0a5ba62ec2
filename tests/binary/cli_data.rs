//! The export, import and backup commands as a user runs them: every error
//! path gives one clear stderr line, a non-zero exit, and changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::cli::run_ok;
use assert_cmd::Command;
use common::data::fixture_path;
use runstrong::domain::Routine;

fn runstrong(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runstrong"));
    cmd.env("RUNSTRONG_DB", db).env("TZ", "UTC");
    cmd
}

fn stderr(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().failure().get_output().stderr.clone()).unwrap()
}

/// A database holding the 12-column Strong fixture.
fn imported(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("runstrong.db");
    run_ok(
        runstrong(&db)
            .args(["import", "--unit", "kg"])
            .arg(fixture_path("strong_12col.csv")),
    );
    db
}

fn export_json(db: &Path) -> String {
    run_ok(runstrong(db).args(["export", "--format", "json"]))
}

#[test]
fn import_reports_what_it_added_then_adds_nothing_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let file = fixture_path("strong_12col.csv");
    let dry = run_ok(
        runstrong(&db)
            .args(["import", "--unit", "kg", "--dry-run"])
            .arg(&file),
    );
    assert!(
        dry.contains("would add 2 sessions (10 sets), 2024-03-04 to 2024-03-06"),
        "{dry}"
    );
    assert!(dry.contains("149.99999999999997 -> 150 kg"), "{dry}");
    assert!(
        dry.contains("distances read in km: the file names no distance unit"),
        "{dry}"
    );
    assert!(!db.exists(), "a dry run creates no database");
    let first = run_ok(runstrong(&db).args(["import", "--unit", "kg"]).arg(&file));
    assert!(first.contains("added 2 sessions (10 sets)"), "{first}");
    let second = run_ok(runstrong(&db).args(["import", "--unit", "kg"]).arg(&file));
    assert!(
        second.contains("nothing new to add") && second.contains("skipped 2 sessions"),
        "{second}"
    );
}

#[test]
fn import_errors_name_the_file_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(&dir);
    let before = export_json(&db);
    let cases: [(Vec<String>, &str); 6] = [
        (
            vec![fixture_path("strong_12col.csv").display().to_string()],
            "pass --unit kg or --unit lb",
        ),
        (
            vec![
                fixture_path("strong_bad_rows.csv").display().to_string(),
                "--unit".into(),
                "kg".into(),
            ],
            "line 3: weight \"heavy\" is not a number",
        ),
        (
            vec![fixture_path("empty.csv").display().to_string()],
            "the file is empty",
        ),
        (
            vec![dir.path().join("nope.csv").display().to_string()],
            "nope.csv: No such file",
        ),
        (
            vec![
                fixture_path("hevy_kg.csv").display().to_string(),
                "--from".into(),
                "strong".into(),
            ],
            "lacks the column(s) date",
        ),
        (vec![db.display().to_string()], "not UTF-8"),
    ];
    for (args, expected) in cases {
        let err = stderr(runstrong(&db).arg("import").args(&args));
        assert!(
            err.starts_with("runstrong: ") && err.contains(expected),
            "{args:?}: {err}"
        );
    }
    let unknown = dir.path().join("other.csv");
    std::fs::write(&unknown, "a,b\n1,2\n").unwrap();
    assert!(
        stderr(runstrong(&db).arg("import").arg(&unknown))
            .contains("pass --from strong|hevy|fitnotes|runstrong")
    );
    assert!(
        stderr(runstrong(&db).args(["import", "x.csv", "--unit", "stone"]))
            .contains("unknown unit")
    );
    assert_eq!(export_json(&db), before);
}

#[test]
fn commands_refuse_a_database_that_is_not_ours() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "shopping list\n".repeat(20)).unwrap();
    let file = fixture_path("hevy_kg.csv");
    for args in [
        vec!["export"],
        vec!["backup"],
        vec!["import", file.to_str().unwrap()],
    ] {
        let err = stderr(runstrong(&foreign).args(&args));
        assert!(err.contains("not a SQLite database"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(&foreign).unwrap(),
        "shopping list\n".repeat(20)
    );
}

#[test]
fn export_and_backup_need_an_existing_database_and_create_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    assert!(stderr(runstrong(&db).arg("export")).contains("no such database"));
    assert!(stderr(runstrong(&db).arg("backup")).contains("no such database"));
    assert!(!db.exists());
}

#[test]
fn export_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(&dir);
    let err =
        stderr(runstrong(&db).args(["export", "--since", "2024-03-06", "--until", "2024-03-01"]));
    assert!(
        err.contains("--since 2024-03-06 is after --until 2024-03-01"),
        "{err}"
    );
    assert!(
        stderr(runstrong(&db).args(["export", "--since", "2024-13-01"])).contains("invalid value")
    );
    assert!(stderr(runstrong(&db).args(["export", "--format", "xml"])).contains("invalid value"));
    let taken = dir.path().join("taken.csv");
    std::fs::write(&taken, "mine").unwrap();
    let err = stderr(runstrong(&db).args(["export", "--out"]).arg(&taken));
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
}

#[test]
fn export_filters_by_local_date_and_writes_new_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(&dir);
    let csv = run_ok(runstrong(&db).args(["export", "--since", "2024-03-05"]));
    assert!(csv.starts_with("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE,Weight Unit,Distance Unit,Side,Start (UTC)\n"));
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let out = dir.path().join("all.json");
    let said = run_ok(
        runstrong(&db)
            .args([
                "export",
                "--format",
                "json",
                "--until",
                "2024-03-04",
                "--out",
            ])
            .arg(&out),
    );
    assert!(said.contains("exported 1 session (7 sets)"), "{said}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("{\"format\":\"runstrong\",\"version\":2,")
    );
}

#[test]
fn backup_writes_a_dated_copy_beside_the_database_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(&dir);
    let said = run_ok(runstrong(&db).arg("backup"));
    assert!(said.contains("integrity check ok"), "{said}");
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("runstrong-backup-") && n.ends_with(".db"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(export_json(&dir.path().join(&copies[0])), export_json(&db));
    run_ok(runstrong(&db).arg("backup"));
    let taken = dir.path().join(&copies[0]);
    let err = stderr(runstrong(&db).arg("backup").arg(&taken));
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn importing_into_an_older_database_says_it_upgrades_it_and_where_the_old_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    runstrong::store::migrations()
        .unwrap()
        .to_version(&mut conn, 4)
        .unwrap();
    drop(conn);
    let import = || {
        let out = runstrong(&db)
            .args(["import", "--unit", "kg"])
            .arg(fixture_path("strong_12col.csv"))
            .assert()
            .success();
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    };
    let said = import();
    let backup = said
        .trim_end()
        .rsplit(" is kept as ")
        .next()
        .map(PathBuf::from)
        .unwrap();
    assert!(
        said.starts_with("runstrong: upgrading the database from schema 4 to "),
        "{said}"
    );
    assert!(backup.exists(), "{said}");
    let again = import();
    assert!(again.is_empty(), "upgraded once only");
}

#[test]
fn an_import_stopped_by_a_locked_database_says_nothing_was_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(&dir);
    let before = export_json(&db);
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let said = stderr(
        runstrong(&db)
            .args(["import"])
            .arg(fixture_path("hevy_kg.csv")),
    );
    assert!(
        said.contains("locked by another program")
            && said.trim_end().ends_with("; nothing was imported"),
        "{said}"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(export_json(&db), before);
}

#[test]
fn a_json_export_carries_your_routines_and_an_import_adds_the_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(&dir);
    let (mine, theirs) = (dir.path().join("mine"), dir.path().join("theirs"));
    let with = |config: &Path, db: &Path| {
        let mut cmd = runstrong(db);
        cmd.env("RUNSTRONG_CONFIG_DIR", config);
        cmd
    };
    run_ok(with(&mine, &db).args(["routines", "new", "Heavy Tuesday"]));
    let file = dir.path().join("all.json");
    run_ok(
        with(&mine, &db)
            .args(["export", "--format", "json", "--out"])
            .arg(&file),
    );

    let fresh = dir.path().join("fresh.db");
    let import =
        |extra: &[&str]| run_ok(with(&theirs, &fresh).arg("import").args(extra).arg(&file));
    let dry = import(&["--dry-run"]);
    assert!(dry.contains("would add routine \"Heavy Tuesday\""), "{dry}");
    assert!(!theirs.exists(), "a dry run writes nothing");
    let said = import(&[]);
    let added = theirs.join("routines").join("heavy-tuesday.toml");
    assert!(
        said.contains(&format!(
            "added routine \"Heavy Tuesday\": {}",
            added.display()
        )),
        "{said}"
    );
    assert!(
        !said.contains("Strength for runners"),
        "the built-in one is the same: {said}"
    );
    let read = |path: &Path| Routine::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        read(&added),
        read(&mine.join("routines").join("heavy-tuesday.toml"))
    );
    let listed = run_ok(with(&theirs, &fresh).arg("routines"));
    assert!(listed.contains("Heavy Tuesday"), "{listed}");

    let again = import(&[]);
    assert!(!again.contains("routine"), "nothing to add twice: {again}");
    let edited = Routine::template("Heavy Tuesday").replacen("sets = 3", "sets = 5", 1);
    std::fs::write(&added, &edited).unwrap();
    let changed = import(&[]);
    assert!(
        changed.contains("routine \"Heavy Tuesday\" kept as it is"),
        "{changed}"
    );
    assert_eq!(
        std::fs::read_to_string(&added).unwrap(),
        edited,
        "yours stays"
    );
}

#[test]
fn a_version_1_json_document_without_routines_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v1.json");
    std::fs::write(
        &file,
        r#"{"format":"runstrong","version":1,
"exercises":[{"name":"Lunge","kind":"reps","sides":"each"}],
"sessions":[
{"routine":"r","started_at":"2026-03-02T07:00:00.000Z","position":0,"plan":[],
 "sets":[{"exercise":"Lunge","set_number":1,"side":"left","type":"normal","reps":8,"logged_at":"2026-03-02T07:01:00.000Z"}]}
]}"#,
    )
    .unwrap();
    let said = run_ok(runstrong(&dir.path().join("r.db")).arg("import").arg(&file));
    assert!(said.contains("added 1 session (1 set)"), "{said}");
}

#[test]
fn a_json_routine_that_breaks_the_rules_is_refused_with_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"{"format":"runstrong","version":2,"exercises":[],
"routines":[{"name":"Too much","exercises":[{"name":"Lunge","kind":"reps","sides":"each","sets":50,"reps":8}]}],
"sessions":[]}"#,
    )
    .unwrap();
    let db = dir.path().join("r.db");
    let config = dir.path().join("config");
    let said = stderr(
        runstrong(&db)
            .env("RUNSTRONG_CONFIG_DIR", &config)
            .arg("import")
            .arg(&file),
    );
    assert!(
        said.contains("routine \"Too much\": exercise \"Lunge\": sets must be from 1 to 20"),
        "{said}"
    );
    assert!(!config.exists() && !db.exists(), "nothing written");
}

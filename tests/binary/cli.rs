#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The binary's command line: help and version, and the files it must refuse
//! before taking over the terminal, with one line on stderr that names the
//! file and the file left exactly as it was.

use crate::common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::store::{sidecars, sqlite_file};
use rusqlite::Connection;

fn runstrong(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runstrong"));
    cmd.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env_remove("RUNSTRONG_DB");
    cmd
}

#[test]
fn help_and_version_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let help = runstrong(dir.path()).arg("--help").assert().success();
    let help = String::from_utf8(help.get_output().stdout.clone()).unwrap();
    assert!(help.contains("Usage: runstrong"), "{help}");
    assert!(help.contains("--db <PATH>"), "{help}");
    let version = runstrong(dir.path()).arg("--version").assert().success();
    let version = String::from_utf8(version.get_output().stdout.clone()).unwrap();
    assert_eq!(
        version.trim(),
        format!("runstrong {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        !dir.path().join("data").exists(),
        "--help must not create the data directory"
    );
}

/// Runs the binary on `db` and returns its one-line complaint.
fn refusal(dir: &Path, db: &Path) -> String {
    let out = runstrong(dir).arg("--db").arg(db).assert().failure();
    let out = out.get_output();
    assert!(
        out.stdout.is_empty(),
        "the terminal was taken over: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    stderr
}

/// The binary refuses `db`, naming it and saying `why`, and leaves it
/// byte for byte as it was, with nothing created next to it.
fn assert_refused_untouched(db: &Path, why: &str) {
    let dir = db.parent().unwrap();
    let before = std::fs::read(db).unwrap();
    let stderr = refusal(dir, db);
    assert!(stderr.contains(&db.display().to_string()), "{stderr}");
    assert!(stderr.contains(why), "{stderr}");
    assert_eq!(std::fs::read(db).unwrap(), before, "the file changed");
    assert_eq!(sidecars(db), Vec::<PathBuf>::new());
}

#[test]
fn another_applications_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.db");
    sqlite_file(&db, 0x4142_4344, 1);
    assert_refused_untouched(&db, "another application");
}

#[test]
fn a_text_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "squats 3x5, these are my notes\n".repeat(20)).unwrap();
    assert_refused_untouched(&db, "not a SQLite database");
}

#[test]
fn a_database_from_a_newer_runstrong_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let newer = runstrong::store::schema_version() + 1;
    sqlite_file(&db, runstrong::store::APP_ID, u32::try_from(newer).unwrap());
    assert_refused_untouched(&db, "newer runstrong");
}

#[test]
fn a_data_directory_under_a_regular_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "").unwrap();
    let data_dir = file.join("runstrong");
    let stderr = refusal(dir.path(), &data_dir.join("runstrong.db"));
    assert!(
        stderr.contains(&format!("data directory {}", data_dir.display())),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"");
}

/// Without a terminal (a pipe, cron, a detached session) the binary says so
/// on one line instead of panicking.
#[cfg(target_os = "linux")]
#[test]
fn without_a_terminal_it_fails_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // setsid: no controlling terminal, so /dev/tty cannot be opened either.
    let out = Command::new("setsid")
        .arg("--wait")
        .arg(env!("CARGO_BIN_EXE_runstrong"))
        .arg("--db")
        .arg(dir.path().join("runstrong.db"))
        .assert()
        .failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.starts_with("runstrong: terminal: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// A runstrong database with one imported workout, made by the binary.
fn imported(dir: &Path, db: &Path) {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/hevy_kg.csv");
    runstrong(dir)
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(csv)
        .assert()
        .success();
}

fn is_root() -> bool {
    let out = std::process::Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// The binary as a user the file's modes apply to: root ignores them, so
/// under root it runs as `nobody`.
fn runstrong_as_user(dir: &Path) -> Command {
    if !is_root() {
        return runstrong(dir);
    }
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_runstrong"))
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env_remove("RUNSTRONG_DB");
    cmd
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

fn lock_file(db: &Path) -> PathBuf {
    runstrong::store::lock_path(db)
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_database_is_refused_by_writers_and_read_by_readers() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    imported(dir.path(), &db);
    std::fs::remove_file(lock_file(&db)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/hevy_lbs.csv");

    let app = runstrong_as_user(dir.path())
        .arg("--db")
        .arg(&db)
        .assert()
        .failure();
    let import = runstrong_as_user(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&csv)
        .assert()
        .failure();
    for refused in [app, import] {
        let stderr = stderr_of(&refused);
        assert!(stderr.contains("read-only"), "{stderr}");
        assert!(stderr.contains(&db.display().to_string()), "{stderr}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file changed");
    assert_eq!(sidecars(&db), Vec::<PathBuf>::new());
    assert!(!lock_file(&db).exists(), "a lock file was left");

    for args in [vec!["history"], vec!["export", "--format", "json"]] {
        runstrong_as_user(dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .assert()
            .success();
    }
    let copy = dir.path().join("copy.db");
    runstrong_as_user(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("backup")
        .arg(&copy)
        .assert()
        .success();
    assert!(copy.exists());
    assert_eq!(std::fs::read(&db).unwrap(), before, "a reader changed it");
}

#[test]
fn an_empty_file_is_an_empty_database_that_readers_leave_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    std::fs::write(&db, b"").unwrap();
    let run = |args: &[&str]| {
        runstrong(dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .assert()
    };

    let history = run(&["history"]).success();
    let listed = String::from_utf8_lossy(&history.get_output().stdout).into_owned();
    assert!(
        listed.starts_with("week") && !listed.contains("missed"),
        "{listed}"
    );
    let export = run(&["export", "--format", "json"]).success();
    let json = String::from_utf8_lossy(&export.get_output().stdout).into_owned();
    assert!(json.contains("\"sessions\":[\n]"), "{json}");
    let backup = stderr_of(&run(&["backup"]).failure());
    assert!(backup.contains("empty (0 bytes)"), "{backup}");
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "a reader wrote");
    assert_eq!(sidecars(&db), Vec::<PathBuf>::new());

    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/hevy_kg.csv");
    run(&["import", csv.to_str().unwrap()]).success();
    let conn = Connection::open(&db).unwrap();
    let sessions: i64 = conn
        .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
        .unwrap();
    assert!(sessions > 0, "import set up the empty file");
}

#[test]
fn backup_refuses_a_damaged_database_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    imported(dir.path(), &db);
    let bytes = common::store::damage_keeping_times(&db);
    let out = runstrong(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("backup")
        .assert()
        .failure();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("damaged") && stderr.contains(&db.display().to_string()),
        "{stderr}"
    );
    assert!(stderr.contains(".recover"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    let copies = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("backup")
        })
        .count();
    assert_eq!(copies, 0, "a copy of the damage was made");
}

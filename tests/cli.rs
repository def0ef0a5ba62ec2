#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The binary's command line: help and version, and the files it must refuse
//! before taking over the terminal, with one line on stderr that names the
//! file and the file left exactly as it was.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
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

fn sidecars(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .into_iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect()
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

/// A SQLite file in rollback-journal mode with a table and a row.
fn sqlite_file(db: &Path, application_id: u32, user_version: u32) {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {};
         PRAGMA user_version = {user_version};
         CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept');",
        application_id.cast_signed()
    ))
    .unwrap();
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

/// Runs `args` with standard output a pipe whose reader has already gone,
/// as `runstrong ... | head -2` leaves it once head has its lines.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"));
    cmd.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("RUNSTRONG_DB", dir.join("runstrong.db"))
        .args(args)
        .stdout(writer);
    cmd.output().unwrap()
}

#[test]
fn every_command_piped_into_a_closed_reader_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/strong_12col.csv");
    let csv = csv.to_str().unwrap();
    let backup = dir.path().join("copy.db");
    for args in [
        &["import", "--unit", "kg", csv][..],
        &["routines"],
        &["routines", "show", "Strength for runners"],
        &["history"],
        &["history", "--format", "json"],
        &["export"],
        &["export", "--format", "json"],
        &["backup", backup.to_str().unwrap()],
    ] {
        let out = into_closed_pipe(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {}: {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

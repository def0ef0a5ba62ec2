//! Helpers for the storage tests: fixed timestamps, set builders and a look
//! at the files SQLite may leave next to a database.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use runstrong::domain::session::ActiveSession;
use runstrong::domain::set::Work;
use runstrong::domain::{NewSet, Side};
use runstrong::store::Store;
use tempfile::TempDir;

use super::routine;

#[allow(unused_imports)] // each test binary uses some
pub use super::work::{hold, kg, reps};

/// The sides of a one-sided set, short so that a logged set fits on a line.
pub const L: Option<Side> = Some(Side::Left);
pub const R: Option<Side> = Some(Side::Right);

/// A fresh directory and the database path inside it.
pub fn scratch() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runstrong.db");
    (dir, path)
}

/// A new database on a fresh file with a session of the runners' routine
/// started at `at(0)`.
pub fn started() -> (TempDir, PathBuf, Store, ActiveSession) {
    let (dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    let session = store.start_session(&routine(), at(0)).unwrap();
    (dir, path, store, session)
}

/// `minutes` after a fixed Monday morning, in whole milliseconds as stored.
pub fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap() + chrono::Duration::minutes(minutes)
}

/// Logs a set of the exercise at `position` in `session`'s plan.
pub fn log(
    store: &Store,
    session: &ActiveSession,
    position: usize,
    set_number: u32,
    side: Option<Side>,
    work: Work,
    minute: i64,
) -> NewSet {
    let set = NewSet {
        session_id: session.id,
        exercise_id: session.plan[position].exercise_id,
        set_number,
        side,
        work,
        duration: Some(Duration::from_millis(40_250)),
        rpe: None,
        note: None,
        logged_at: at(minute),
        set_type: runstrong::domain::set::SetType::Normal,
    };
    store.insert_set(&set).unwrap();
    set
}

/// The -wal, -shm and -journal files that exist next to `path`.
pub fn sidecars(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect()
}

/// Another program's SQLite file, or one claiming `application_id`: a
/// table and a row, in rollback-journal mode.
pub fn sqlite_file(path: &Path, application_id: u32, user_version: u32) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not a workout');",
    )
    .unwrap();
    conn.pragma_update(None, "application_id", application_id.cast_signed())
        .unwrap();
    conn.pragma_update(None, "user_version", user_version)
        .unwrap();
    conn.close().unwrap();
}

/// The rows of `sql`, two columns each, read from the file at `path`.
pub fn pairs<A: rusqlite::types::FromSql, B: rusqlite::types::FromSql>(
    path: &Path,
    sql: &str,
) -> Vec<(A, B)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Damages the session table's root page (always in use) of the closed
/// file at `path` and puts its modification time back, as `cp -p`, `rsync
/// -a` or a restore from backup would: size and time prove nothing.
/// Returns the damaged bytes.
pub fn damage_keeping_times(path: &Path) -> Vec<u8> {
    let root: i64 = rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'session'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let page = usize::try_from(root - 1).unwrap() * 4096;
    bytes[page..page + 64].fill(0xA5);
    std::fs::write(path, &bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    bytes
}

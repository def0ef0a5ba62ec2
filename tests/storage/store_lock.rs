//! Another program holding the database. In WAL mode readers never wait, so
//! a second runstrong opens and reads freely; what can be held for long is
//! the one write lock (a stuck writer, a `sqlite3` shell in a transaction) or
//! a lock on a file still in rollback mode. Each must end in a clear,
//! named `Locked` error after the busy timeout, never a hang.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::routine;
use common::store::{at, kg, log, reps, scratch, started};
use runstrong::store::{self, BUSY_TIMEOUT, Store, StoreError};
use rusqlite::Connection;

/// Runs `f`, checking that it gave up after waiting the busy timeout, and
/// not much longer, with a `Locked` error naming `path`.
fn gives_up_locked<T>(path: &Path, f: impl FnOnce() -> Result<T, StoreError>) {
    let start = Instant::now();
    let result = f();
    let waited = start.elapsed();
    let err = result.err().expect("the lock was not noticed");
    assert!(
        matches!(&err, StoreError::Locked { path: p, .. } if p == path),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains(&path.display().to_string()) && message.contains("locked"),
        "{message}"
    );
    assert!(
        waited >= BUSY_TIMEOUT - Duration::from_millis(100),
        "gave up after {waited:?}, without waiting"
    );
    assert!(
        waited < BUSY_TIMEOUT + Duration::from_secs(2),
        "waited {waited:?}"
    );
}

/// Another connection, set up as runstrong sets its own, that took the
/// write lock and keeps it.
fn writer_holding_the_lock(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    store::configure(&conn).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE; UPDATE session SET notes = 'busy';")
        .unwrap();
    conn
}

#[test]
fn a_held_write_lock_ends_a_set_in_a_named_error_then_lets_it_through() {
    let (_dir, path, first, session) = started();
    let set = log(&first, &session, 0, 1, None, reps(15, kg("20")), 1);
    drop(first);

    let holder = writer_holding_the_lock(&path);
    let start = Instant::now();
    let mut store = Store::open(&path).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "opening waited for a writer: {:?}",
        start.elapsed()
    );
    assert_eq!(
        store.unfinished().unwrap().map(|u| u.sets),
        Some(1),
        "reads go on beside the writer"
    );

    gives_up_locked(&path, || store.insert_set(&set));
    gives_up_locked(&path, || store.start_session(&routine(), at(60)));
    holder.execute_batch("COMMIT").unwrap();
    store.insert_set(&set).unwrap();
    assert_eq!(store.load_session(session.id).unwrap().logged.len(), 2);
}

#[test]
fn a_new_file_locked_while_being_created_is_reported() {
    let (_dir, path) = scratch();
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    gives_up_locked(&path, || Store::open(&path));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    drop(Store::open(&path).unwrap());
}

#[test]
fn a_database_held_in_exclusive_locking_mode_is_reported() {
    let (_dir, path) = scratch();
    drop(Store::open(&path).unwrap());
    let holder = Connection::open(&path).unwrap();
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; UPDATE session SET notes = 'mine';")
        .unwrap();
    gives_up_locked(&path, || Store::open(&path));
    drop(holder);
    drop(Store::open(&path).unwrap());
}

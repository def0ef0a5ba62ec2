//! Damage found for real, not inferred from a file's size and time: a
//! damaged file refused untouched, the app opening at once but writing
//! nothing until the check passes, and corruption at run time stopping
//! every later write.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use common::routine;
use common::store::{at, scratch};
use runstrong::store::{Holder, Store, StoreError};

use crate::common;
use crate::store_open::populated;

/// The file closed by the store (its log folded in), then damaged.
fn damage_keeping_times(path: &Path) -> Vec<u8> {
    Store::open(path).unwrap().close().unwrap();
    common::store::damage_keeping_times(path)
}

#[test]
fn a_damaged_file_whose_size_and_time_were_kept_is_refused_untouched() {
    let (_dir, path) = scratch();
    populated(&path);
    Store::open(&path).unwrap().close().unwrap();
    let bytes = damage_keeping_times(&path);
    let err = Store::open(&path).err().expect("a damaged file is refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "left untouched");
}

#[test]
fn the_app_opens_a_damaged_file_at_once_but_writes_nothing_into_it() {
    let (_dir, path) = scratch();
    populated(&path);
    Store::open(&path).unwrap().close().unwrap();
    let bytes = damage_keeping_times(&path);

    // The first frame does not wait for the whole-file check...
    let mut store = Store::open_as(&path, Holder::App, &mut |_| {}).unwrap();
    // ...every write does, and the verdict shuts them out.
    let err = store.writable().expect_err("writes wait for the check");
    assert!(
        err.to_string().contains(&path.display().to_string())
            && err.to_string().contains(".recover"),
        "{err}"
    );
    let tried = store.start_session(&routine(), at(9));
    assert!(tried.is_err(), "a session was started in a damaged file");
    store.close().unwrap();
    assert_eq!(fs::read(&path).unwrap(), bytes, "left untouched");
}

#[test]
fn a_healthy_file_opened_by_the_app_takes_writes_once_checked() {
    let (_dir, path) = scratch();
    populated(&path);
    let mut store = Store::open_as(&path, Holder::App, &mut |_| {}).unwrap();
    store.writable().unwrap();
    let started = store.start_session(&routine(), at(9)).unwrap();
    let unfinished = store.unfinished().unwrap().map(|u| u.id);
    assert_eq!(unfinished, Some(started.id), "the write is in the file");
}

#[test]
fn corruption_reported_at_run_time_stops_every_later_write() {
    let (_dir, path) = scratch();
    populated(&path);
    let mut store = Store::open_as(&path, Holder::App, &mut |_| {}).unwrap();
    store.writable().unwrap();
    let malformed = StoreError::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
        Some("database disk image is malformed".into()),
    ));
    let named = store.stop_if_damaged(&malformed).expect("seen as damage");
    assert!(
        named.to_string().contains(&path.display().to_string()),
        "{named}"
    );
    assert!(store.writable().is_err());
    assert!(store.start_session(&routine(), at(9)).is_err());
    let busy = StoreError::Locked {
        path: path.clone(),
        secs: 3,
    };
    assert!(
        store.stop_if_damaged(&busy).is_none(),
        "a lock is no damage"
    );
}

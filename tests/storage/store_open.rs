//! Opening files: a new database is set up right, and every file that is not
//! a healthy runstrong database is refused with its bytes untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::fs;
use std::path::Path;

use common::routine;
use common::store::{at, kg, log, reps, scratch, sidecars, sqlite_file, started};
use runstrong::store::{self, APP_ID, Holder, Store, StoreError};
use rusqlite::Connection;

#[test]
fn migrations_validate() {
    store::migrations().unwrap().validate().unwrap();
}

#[test]
fn a_new_file_is_ours_in_wal_with_durable_commits() {
    let (_dir, path) = scratch();
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let pragma = |name| {
        conn.pragma_query_value(None, name, |r| r.get::<_, i64>(0))
            .unwrap()
    };
    assert_eq!(pragma("application_id"), i64::from(APP_ID));
    assert_eq!(pragma("user_version"), store::schema_version() as i64);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");

    store::configure(&conn).unwrap();
    assert_eq!(pragma("foreign_keys"), 1);
    assert_eq!(pragma("synchronous"), 2, "FULL");
    assert_eq!(
        pragma("busy_timeout"),
        store::BUSY_TIMEOUT.as_millis() as i64
    );
}

#[test]
fn reopening_keeps_the_data_and_the_version() {
    let (_dir, path, store, session) = started();
    log(&store, &session, 0, 1, None, reps(15, kg("20")), 1);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.path(), path);
    assert_eq!(store.load_session(session.id).unwrap().logged.len(), 1);
}

/// Opens `path`, expecting a refusal that leaves the file exactly as it was
/// and creates nothing next to it; returns the error.
fn refused(path: &Path) -> StoreError {
    let before = fs::read(path).unwrap();
    assert_eq!(
        sidecars(path),
        Vec::<std::path::PathBuf>::new(),
        "the fixture left files behind"
    );
    let err = match Store::open(path) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(e) => e,
    };
    assert!(
        fs::read(path).unwrap() == before,
        "{} changed",
        path.display()
    );
    assert_eq!(
        sidecars(path),
        Vec::<std::path::PathBuf>::new(),
        "refusing created files"
    );
    let message = err.to_string();
    assert!(
        message.contains(&path.display().to_string()) && !message.contains('\n'),
        "{message}"
    );
    err
}

/// A runstrong database with a few hundred sets, closed cleanly.
pub fn populated(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let session = store.start_session(&routine(), at(0)).unwrap();
    for n in 1..=400 {
        log(
            &store,
            &session,
            n as usize % 3,
            n,
            None,
            reps(n % 30 + 1, kg("22.5")),
            n.into(),
        );
    }
    drop(store);
    assert!(sidecars(path).is_empty());
}

#[test]
fn a_database_from_a_newer_runstrong_is_refused() {
    let (_dir, path) = scratch();
    populated(&path);
    let newer = store::schema_version() + 1;
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", newer as i64)
        .unwrap();
    conn.close().unwrap();

    let err = refused(&path);
    assert!(
        matches!(err, StoreError::Newer { found, known, .. } if found as usize == newer && known == newer - 1)
    );
    assert!(err.to_string().contains("newer runstrong"), "{err}");
}

#[test]
fn another_applications_database_is_refused() {
    let (dir, path) = scratch();
    sqlite_file(&path, 0x1234_5678, 1);
    let err = refused(&path);
    assert!(
        matches!(
            err,
            StoreError::Foreign {
                app_id: 0x1234_5678,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("0x12345678"), "{err}");

    let plain = dir.path().join("plain.sqlite");
    sqlite_file(&plain, 0, 0);
    assert!(matches!(
        refused(&plain),
        StoreError::Foreign { app_id: 0, .. }
    ));
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let (dir, path) = scratch();
    fs::write(
        &path,
        "date,exercise,reps\n2026-03-02,lunge,10\n".repeat(20),
    )
    .unwrap();
    assert!(matches!(refused(&path), StoreError::NotSqlite { .. }));

    let short = dir.path().join("short.db");
    fs::write(&short, "hello").unwrap();
    assert!(matches!(refused(&short), StoreError::NotSqlite { .. }));
}

/// The page size and page count from a database header.
fn pages(bytes: &[u8]) -> (usize, usize) {
    let size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    (size, bytes.len() / size)
}

#[test]
fn a_database_with_a_garbled_page_is_refused() {
    let (_dir, path) = scratch();
    populated(&path);
    let mut bytes = fs::read(&path).unwrap();
    let (size, count) = pages(&bytes);
    assert!(count >= 6, "only {count} pages");
    let page = count - 2;
    let middle = page * size + size / 4;
    bytes[middle..middle + size / 2].fill(0xA5);
    fs::write(&path, &bytes).unwrap();

    let err = refused(&path);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("is damaged (") && !message.contains("***"),
        "{message}"
    );
}

#[test]
fn a_truncated_database_is_refused() {
    let (dir, path) = scratch();
    populated(&path);
    let bytes = fs::read(&path).unwrap();
    let (size, count) = pages(&bytes);
    for (name, len) in [
        ("half.db", count / 2 * size),
        ("torn.db", count / 2 * size + 1000),
        ("head.db", 60),
    ] {
        let cut = dir.path().join(name);
        fs::write(&cut, &bytes[..len]).unwrap();
        let err = refused(&cut);
        assert!(matches!(err, StoreError::Corrupt { .. }), "{name}: {err:?}");
    }
}

#[test]
fn open_existing_does_not_create_a_missing_file() {
    let (dir, path) = scratch();
    let err = Store::open_existing(&path).err().unwrap();
    assert!(
        matches!(&err, StoreError::Missing { path: p } if *p == path),
        "{err:?}"
    );
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);

    let nested = dir.path().join("not/yet/there.db");
    assert!(matches!(
        Store::open_existing(&nested),
        Err(StoreError::Missing { .. })
    ));
    assert!(!dir.path().join("not").exists());
}

#[test]
fn a_data_directory_under_a_file_is_reported_with_its_path() {
    let (dir, _) = scratch();
    let file = dir.path().join("file.txt");
    fs::write(&file, "x").unwrap();
    let path = file.join("sub/runstrong.db");
    let err = Store::open(&path).err().unwrap();
    let wanted = file.join("sub");
    assert!(
        matches!(&err, StoreError::DataDir { path: p, .. } if *p == wanted),
        "{err:?}"
    );
    assert!(
        err.to_string().contains(&wanted.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_missing_data_directory_is_created() {
    let (dir, _) = scratch();
    let path = dir.path().join("data/runstrong/runstrong.db");
    drop(Store::open(&path).unwrap());
    assert!(path.is_file());
}

/// An older database (schema 1, with a logged set) is copied beside itself
/// before the newer migrations change it, and the copy keeps the old schema.
#[test]
fn an_older_database_is_backed_up_before_migrating() {
    let (dir, path) = scratch();
    let mut conn = Connection::open(&path).unwrap();
    store::configure(&conn).unwrap();
    store::migrations()
        .unwrap()
        .to_version(&mut conn, 1)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO session (routine, started_at) VALUES ('old', '2026-01-05T07:00:00.000Z');
         INSERT INTO exercise (name, kind, sides) VALUES ('Lunge', 'reps', 'each');
         INSERT INTO set_log (session_id, exercise_id, set_number, side, reps, logged_at)
         VALUES (1, 1, 1, 'left', 10, '2026-01-05T07:05:00.000Z');",
    )
    .unwrap();
    conn.close().unwrap();

    let mut told = Vec::new();
    let store = Store::open_telling(&path, &mut |u| told.push(u.clone())).unwrap();
    assert_eq!(store.load_session(1).unwrap().logged.len(), 1);
    let backups: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().contains("runstrong.db.v1-")
                && p.extension().is_some_and(|e| e == "bak")
        })
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let upgrade = store::Upgrade {
        from: 1,
        to: store::schema_version(),
        backup: backups[0].clone(),
    };
    assert_eq!(told, [upgrade], "told once, before, with the copy's name");
    let copy = Connection::open(&backups[0]).unwrap();
    let version: i64 = copy
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let sets: i64 = copy
        .query_row("SELECT count(*) FROM set_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!((version, sets), (1, 1));
    assert!(store::schema_version() > 1);
    drop((copy, store));
    drop(Store::open_telling(&path, &mut |u| panic!("upgraded again: {u:?}")).unwrap());
    let files = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        files, 2,
        "the database and one backup; reopening makes no second"
    );
}

#[test]
fn a_second_app_or_import_on_the_same_file_is_refused_while_reading_goes_on() {
    let (_dir, path) = scratch();
    populated(&path);
    let first = Store::open_as(&path, Holder::App, &mut |_| {}).unwrap();
    for holder in [Holder::App, Holder::Import] {
        let err = Store::open_as(&path, holder, &mut |_| {})
            .err()
            .expect("refused");
        let message = err.to_string();
        assert!(
            message.contains(&format!("runstrong pid {} (the app)", std::process::id())),
            "{message}"
        );
    }
    Store::open_reader(&path).unwrap().unfinished().unwrap();
    drop(first);
    Store::open_as(&path, Holder::Import, &mut |_| {}).unwrap();
}

#[test]
fn an_empty_file_reads_as_an_empty_database_and_stays_empty() {
    let (_dir, path) = scratch();
    fs::write(&path, b"").unwrap();
    let reader = Store::open_reader(&path).unwrap();
    assert_eq!(reader.unfinished().unwrap(), None);
    assert_eq!(reader.first_session_start().unwrap(), None);
    assert!(matches!(
        Store::open_existing(&path),
        Err(StoreError::Empty { .. })
    ));
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
    assert_eq!(sidecars(&path), Vec::<std::path::PathBuf>::new());
    // A writer sets it up as a new database.
    Store::open(&path).unwrap().close().unwrap();
    assert!(fs::metadata(&path).unwrap().len() > 0);
}

#[test]
fn a_snapshot_reads_the_file_as_it_was_while_the_app_writes() {
    let (_dir, path, store, session) = started();
    log(&store, &session, 0, 1, None, reps(10, kg("20")), 1);
    let reader = Store::open_reader(&path).unwrap();
    let sets = |s: &Store| -> Result<usize, StoreError> {
        let sessions = s.sessions_with_sets(at(-60), at(600), None)?;
        Ok(sessions.iter().map(|(_, sets)| sets.len()).sum())
    };
    let (during, after_write) = reader
        .snapshot(|r| {
            let first = sets(r)?;
            // The app commits a set while the report is being written.
            log(&store, &session, 0, 2, None, reps(10, kg("20")), 2);
            Ok::<_, StoreError>((first, sets(r)?))
        })
        .unwrap();
    assert_eq!(
        (during, after_write),
        (1, 1),
        "one report, one view of the file"
    );
    assert_eq!(
        sets(&reader).unwrap(),
        2,
        "the next report sees the new set"
    );
}

//! Online backup while another connection keeps writing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use chrono::Utc;
use runstrong::domain::set::Work;
use runstrong::domain::{NewSet, Routine};
use runstrong::store::Store;

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let mut store = Store::open(&db).unwrap();
    let session = store
        .start_session(&Routine::built_in()[0], Utc::now())
        .unwrap();
    let exercise = session.plan[0].exercise_id;

    let stop = Arc::new(AtomicBool::new(false));
    let started = Arc::new(Barrier::new(2));
    let writer = {
        let (db, stop, started) = (db.clone(), stop.clone(), started.clone());
        std::thread::spawn(move || {
            let other = Store::open(&db).unwrap();
            started.wait();
            let mut n = 0_u32;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let work = Work::Reps {
                    reps: n,
                    load: None,
                };
                let set = NewSet {
                    session_id: session.id,
                    exercise_id: exercise,
                    set_number: n,
                    side: None,
                    work,
                    duration: None,
                    rpe: None,
                    note: None,
                    logged_at: Utc::now(),
                    set_type: runstrong::domain::set::SetType::Normal,
                };
                other.insert_set(&set).unwrap();
            }
            n
        })
    };
    started.wait();
    std::thread::sleep(Duration::from_millis(50));
    let copies: Vec<_> = (0..3)
        .map(|i| dir.path().join(format!("copy{i}.db")))
        .collect();
    for copy in &copies {
        store.backup_to(copy).unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();

    let mut counts = Vec::new();
    for copy in &copies {
        let backup = Store::open_existing(copy).unwrap();
        let sets = backup.load_session(session.id).unwrap().logged;
        // A consistent snapshot: sets 1..=k with none missing in between.
        let numbers: Vec<u32> = sets.iter().map(|s| s.set.set_number).collect();
        assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
        counts.push(numbers.len() as u32);
    }
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    assert!(
        counts[0] > 0 && *counts.last().unwrap() <= written,
        "{counts:?} of {written}"
    );
    assert!(!dir.path().join("copy0.db.runstrong-partial").exists());
}

#[test]
fn a_backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("runstrong.db")).unwrap();
    let dest = dir.path().join("taken.db");
    std::fs::write(&dest, b"precious").unwrap();
    let err = store.backup_to(&dest).unwrap_err().to_string();
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&dest).unwrap(), b"precious");
}

/// `name` inside `dir`.
fn file(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    dir.path().join(name)
}

#[test]
fn a_backup_clears_what_killed_backups_left_in_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&file(&dir, "runstrong.db")).unwrap();
    // What a kill -9 leaves: this version's temporary copy and journal of a
    // backup to another name, and the older `.partial` naming.
    let left = [
        "runstrong-backup-2026-01-01.db.runstrong-partial",
        "runstrong-backup-2026-01-01.db.runstrong-partial-journal",
        "copy.db.partial",
        "copy.db.partial-journal",
    ];
    for name in left {
        std::fs::write(file(&dir, name), vec![7; 4096]).unwrap();
    }
    // Not ours, so kept whatever its name says.
    std::fs::write(file(&dir, "film.mkv.partial"), b"download").unwrap();

    store.backup_to(&file(&dir, "copy.db")).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with("runstrong.db"))
        .collect();
    names.sort();
    assert_eq!(names, ["copy.db", "film.mkv.partial"]);
}

#[test]
fn a_backup_leaves_the_copy_of_a_backup_still_running_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&file(&dir, "runstrong.db")).unwrap();
    let running = file(&dir, "other.db.runstrong-partial");
    let held = std::fs::File::create(&running).unwrap();
    held.lock().unwrap();
    store.backup_to(&file(&dir, "copy.db")).unwrap();
    assert!(running.exists(), "a running backup's copy was removed");
    // The same name is refused while the other backup runs.
    let err = store
        .backup_to(&file(&dir, "other.db"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("another backup"), "{err}");
    assert!(!file(&dir, "other.db").exists());
}

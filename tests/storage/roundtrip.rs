//! Export, import into an empty database, compare: the history survives
//! field for field.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::Utc;
use common::data::{fixture, import, new_store, parse, snapshot, workouts};
use common::routine;
use common::store::{L, R, at, hold, kg, log, reps};
use runstrong::domain::Unit;
use runstrong::domain::set::{Rpe, Work};
use runstrong::interchange::{CsvWriter, Format};
use runstrong::store::Store;

/// A database with sessions logged in the app (one-sided sets, holds, a
/// weighted hold, RPE, notes, a tempo plan, an unfinished session) and
/// imported ones (distance, set types, exercise notes).
fn varied_store(dir: &tempfile::TempDir) -> Store {
    let mut store = new_store(dir);
    let mut weighted = routine();
    weighted.exercises[6].weighted = true;
    for (day, finish) in [(0, true), (2, false)] {
        let plan = if finish { &weighted } else { &routine() };
        let session = store.start_session(plan, at(day * 24 * 60)).unwrap();
        let minute = day * 24 * 60;
        log(&store, &session, 3, 1, L, reps(10, kg("22.5")), minute + 1);
        let mut right = log(&store, &session, 3, 1, R, reps(10, kg("22.5")), minute + 2);
        right.rpe = Rpe::parse("7.5").ok();
        right.note = Some("knee, \"fine\"\nnext line".into());
        right.set_number = 2;
        store.insert_set(&right).unwrap();
        log(&store, &session, 6, 1, L, hold(31_417), minute + 20);
        store.save_position(session.id, 6).unwrap();
        if finish {
            let plate = Work::Hold {
                held: std::time::Duration::from_millis(29_950),
                load: kg("12.5"),
            };
            log(&store, &session, 6, 1, R, plate, minute + 21);
            store
                .finish_session(session.id, at(minute + 45), Some("good, short"))
                .unwrap();
        }
    }
    import(&mut store, &fixture("strong_12col.csv"), Some(Unit::Lb));
    import(&mut store, &fixture("hevy_kg.csv"), None);
    store
}

#[test]
fn json_export_imported_into_an_empty_database_is_the_same_history() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let original = varied_store(&a);
    let exported = snapshot(&original);
    let (format, parsed) = parse(&exported, None).unwrap();
    assert_eq!(format, Format::Runstrong);
    let mut copy = new_store(&b);
    let outcome = copy.import(&parsed, &mut |_| {}).unwrap();
    assert_eq!(outcome.sessions, 6);
    assert_eq!(snapshot(&copy), exported);
    assert!(
        exported.contains("\"weighted\":true") && exported.contains("\"hold_ms\":29950,"),
        "the weighted hold and its plan are in the export"
    );
    let plank = workouts(&copy)
        .into_iter()
        .flat_map(|w| w.sets)
        .find(|s| s.hold_ms == Some(29_950));
    assert_eq!(plank.and_then(|s| s.load), kg("12.5"));
    assert_eq!(
        copy.unfinished().unwrap().map(|u| u.sets),
        Some(4),
        "the unfinished session stays resumable"
    );
}

#[test]
fn json_import_into_the_database_it_came_from_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = varied_store(&dir);
    let exported = snapshot(&store);
    let (_, parsed) = parse(&exported, None).unwrap();
    let outcome = store.import(&parsed, &mut |_| {}).unwrap();
    assert_eq!((outcome.sessions, outcome.skipped), (0, 6));
    assert_eq!(snapshot(&store), exported);
}

#[test]
fn csv_export_reads_back_as_strong_with_units_and_sides() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let original = varied_store(&a);
    let mut writer = CsvWriter::begin(Vec::new()).unwrap();
    for w in workouts(&original) {
        writer.session(&w, &Utc).unwrap();
    }
    let text = String::from_utf8(writer.finish().unwrap()).unwrap();
    let (format, _) = parse(&text, None).unwrap();
    assert_eq!(
        format,
        Format::Strong,
        "tools that read Strong files read ours"
    );

    let mut copy = new_store(&b);
    import(&mut copy, &text, None);
    let (before, after) = (workouts(&original), workouts(&copy));
    assert_eq!(before.len(), after.len());
    for (x, y) in before.iter().zip(&after) {
        assert_eq!(
            (&x.routine, x.started_at, &x.notes),
            (&y.routine, y.started_at, &y.notes)
        );
        let sets = |w: &runstrong::interchange::Workout| -> Vec<_> {
            w.sets
                .iter()
                .map(|s| {
                    (
                        s.exercise.clone(),
                        s.side,
                        s.set_type,
                        s.reps,
                        s.load,
                        s.hold_ms,
                        s.distance,
                        s.rpe,
                        s.notes.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(sets(x), sets(y), "{}", x.routine);
    }
    assert!(
        workouts(&copy)
            .iter()
            .flat_map(|w| &w.sets)
            .any(|s| s.hold_ms == Some(29_950) && s.load == kg("12.5")),
        "the weighted hold came back with its load"
    );
    // The CSV copy knows the app's sessions by their start: importing the
    // same CSV into the original adds nothing.
    let mut original = original;
    assert_eq!(import(&mut original, &text, None).sessions, 0);
}

#[test]
fn csv_export_in_one_time_zone_reimports_as_nothing_in_another() {
    use chrono::FixedOffset;
    let dir = tempfile::tempdir().unwrap();
    let mut store = varied_store(&dir);
    let before = snapshot(&store);
    // Exported in Tokyo, imported in Los Angeles (fixed offsets: the
    // machine's zone plays no part).
    let (tokyo, los_angeles) = (
        FixedOffset::east_opt(9 * 3600).unwrap(),
        FixedOffset::west_opt(8 * 3600).unwrap(),
    );
    let mut writer = CsvWriter::begin(Vec::new()).unwrap();
    for w in workouts(&store) {
        writer.session(&w, &tokyo).unwrap();
    }
    let text = String::from_utf8(writer.finish().unwrap()).unwrap();
    assert!(
        text.lines().next().unwrap().ends_with(",Side,Start (UTC)"),
        "Strong's columns first, ours after"
    );
    let (_, parsed) = runstrong::interchange::parse(&text, None, None, &los_angeles).unwrap();
    let outcome = store.import(&parsed, &mut |_| {}).unwrap();
    assert_eq!(
        (outcome.sessions, outcome.sets, outcome.completed),
        (0, 0, 0),
        "{outcome:?}"
    );
    assert_eq!(snapshot(&store), before);
    // Without the UTC column, the local times alone would be read in Los
    // Angeles as other moments.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.unwrap();
        writer
            .write_record(record.iter().take(record.len() - 1))
            .unwrap();
    }
    let local_only = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let (_, parsed) = runstrong::interchange::parse(&local_only, None, None, &los_angeles).unwrap();
    assert_ne!(
        parsed.workouts[0].started_at,
        workouts(&store)[0].started_at
    );
}

//! Sessions on a real file: round trips, resume after a kill, summaries and
//! what the next session sees of the last one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::time::Duration;

use common::routine;
use common::store::{L, R, at, hold, kg, log, reps, scratch, started};
use runstrong::domain::session::Unfinished;
use runstrong::domain::session::{LastTime, Slot};
use runstrong::domain::set::Rpe;
use runstrong::domain::{Load, LoggedSet, Unit};
use runstrong::store::Store;

const LUNGE: usize = 3;
const PLANK: usize = 6;

#[test]
fn sets_come_back_exactly_as_logged() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    let routine = routine();
    let session = store.start_session(&routine, at(0)).unwrap();
    let mut logged = vec![
        log(&store, &session, 0, 1, None, reps(15, kg("22.5")), 2),
        log(&store, &session, 1, 1, None, reps(20, kg("45 lb")), 5),
        log(&store, &session, LUNGE, 1, L, reps(10, None), 8),
        log(&store, &session, PLANK, 1, L, hold(31_500), 10),
        log(&store, &session, PLANK, 1, R, hold(28_250), 11),
    ];
    let mut annotated = logged[0].clone();
    annotated.set_number = 2;
    annotated.rpe = Some(Rpe::parse("8.5").unwrap());
    annotated.note = Some("heels felt it".into());
    store.insert_set(&annotated).unwrap();
    logged.push(annotated);
    drop(store);

    let store = Store::open(&path).unwrap();
    let back = store.load_session(session.id).unwrap();
    assert_eq!(
        (back.id, back.routine.as_str(), back.started_at),
        (session.id, routine.name.as_str(), at(0))
    );
    assert_eq!(back.plan.len(), routine.exercises.len());
    for (planned, spec) in back.plan.iter().zip(&routine.exercises) {
        assert_eq!(
            (planned.name.as_str(), planned.kind, planned.sides),
            (spec.name.as_str(), spec.kind, spec.sides)
        );
        assert_eq!(
            (planned.sets, planned.target_reps, planned.cue.as_str()),
            (spec.sets, spec.reps, spec.cue.as_str())
        );
        assert_eq!(
            planned.target_hold,
            spec.hold_secs.map(|s| Duration::from_secs(s.into()))
        );
        assert_eq!(
            planned.rest,
            Duration::from_secs(spec.rest_secs.unwrap_or(0).into())
        );
        assert_eq!(
            planned.last, None,
            "{} has no earlier session",
            planned.name
        );
    }
    let sets: Vec<_> = back
        .logged
        .iter()
        .map(|l: &LoggedSet| l.set.clone())
        .collect();
    assert_eq!(sets, logged);
    assert!(back.logged.windows(2).all(|w| w[0].id < w[1].id));

    let shown: Vec<_> = back.logged.iter().map(|l| l.set.work.to_string()).collect();
    assert_eq!(
        shown,
        [
            "15 × 22.5 kg",
            "20 × 45 lb",
            "10 × BW",
            "31.5 s",
            "28.2 s",
            "15 × 22.5 kg"
        ]
    );
    let loads: Vec<(i64, String)> = common::store::pairs(
        &path,
        "SELECT load_centi, load_unit FROM set_log WHERE load_centi IS NOT NULL ORDER BY id",
    );
    assert_eq!(
        loads,
        [
            (2250, "kg".to_string()),
            (4500, "lb".to_string()),
            (2250, "kg".to_string())
        ]
    );
}

#[test]
fn foreign_keys_refuse_a_set_of_no_session() {
    let (_dir, _path, store, session) = started();
    let mut set = log(&store, &session, 0, 1, None, reps(15, None), 1);
    set.session_id += 1000;
    let err = store.insert_set(&set).unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

#[test]
fn a_killed_session_is_offered_where_it_stopped() {
    let (_dir, path, store, session) = started();
    for n in 1..=3 {
        log(&store, &session, 0, n, None, reps(15, kg("10")), n.into());
    }
    log(&store, &session, 1, 1, None, reps(20, kg("30")), 6);
    log(&store, &session, 1, 2, None, reps(20, kg("30")), 8);
    store.save_position(session.id, 1).unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    let offer = store.unfinished().unwrap();
    let expected = Unfinished {
        id: session.id,
        routine: "Strength for runners".into(),
        started_at: at(0),
        sets: 5,
        at_exercise: Some("Seated calf raise".into()),
    };
    assert_eq!(offer, Some(expected));
    let resumed = store.load_session(session.id).unwrap();
    assert_eq!(resumed.position, 1);
    assert_eq!(resumed.next_open_position(0), Some(1));
    assert_eq!(
        resumed.next_slot(1),
        Some(Slot {
            set_number: 3,
            side: None,
            set_type: runstrong::domain::set::SetType::Normal,
        })
    );

    store.end_abandoned(session.id).unwrap();
    assert_eq!(store.unfinished().unwrap(), None);
    assert_eq!(
        store.summary(session.id).unwrap().duration,
        Duration::from_secs(8 * 60)
    );
}

/// A kill -9 leaves the -wal and -shm files behind: a copy of all three taken
/// while the store is open is that state, with every committed set in it.
#[test]
fn a_crash_image_keeps_every_confirmed_set() {
    let (dir, path, store, session) = started();
    log(&store, &session, LUNGE, 1, L, reps(10, kg("12")), 3);
    log(&store, &session, LUNGE, 1, R, reps(10, kg("12")), 4);
    log(&store, &session, LUNGE, 2, L, reps(9, kg("12")), 5);
    store.save_position(session.id, LUNGE).unwrap();
    let crashed = dir.path().join("crashed.db");
    for suffix in ["", "-wal", "-shm"] {
        std::fs::copy(
            format!("{}{suffix}", path.display()),
            format!("{}{suffix}", crashed.display()),
        )
        .unwrap();
    }
    drop(store);

    let store = Store::open(&crashed).unwrap();
    let offer = store.unfinished().unwrap().unwrap();
    assert_eq!(
        (offer.sets, offer.at_exercise.as_deref()),
        (3, Some("Lunge"))
    );
    let resumed = store.load_session(offer.id).unwrap();
    assert_eq!(
        resumed.next_open_position(0),
        Some(0),
        "nothing of the first exercise was done"
    );
    assert_eq!(resumed.next_open_position(resumed.position), Some(LUNGE));
    assert_eq!(
        resumed.next_slot(LUNGE),
        Some(Slot {
            set_number: 2,
            side: R,
            set_type: runstrong::domain::set::SetType::Normal,
        })
    );
}

#[test]
fn finishing_sums_sets_reps_volume_and_holds() {
    let (_dir, _path, store, session) = started();
    log(&store, &session, 0, 1, None, reps(15, kg("22.5")), 2);
    log(&store, &session, 0, 2, None, reps(15, kg("22.5")), 4);
    log(&store, &session, 1, 1, None, reps(20, kg("45lb")), 6);
    log(&store, &session, LUNGE, 1, L, reps(10, None), 8);
    log(&store, &session, LUNGE, 1, R, reps(10, None), 9);
    log(&store, &session, PLANK, 1, L, hold(30_500), 12);
    log(&store, &session, PLANK, 1, R, hold(28_000), 13);
    log(&store, &session, PLANK, 2, L, hold(10_000), 15);

    let summary = store
        .finish_session(session.id, at(40), Some("felt strong"))
        .unwrap();
    assert_eq!((summary.sets, summary.reps), (8, 70));
    let expected_kg = 2.0 * 15.0 * 22.5
        + 20.0
            * Load {
                centi: 4500,
                unit: Unit::Lb,
            }
            .in_kg();
    assert!(
        (summary.volume_kg - expected_kg).abs() < 1e-6,
        "{} != {expected_kg}",
        summary.volume_kg
    );
    assert_eq!(summary.held_left, Duration::from_millis(40_500));
    assert_eq!(summary.held_right, Duration::from_millis(28_000));
    assert_eq!(summary.held_both, Duration::ZERO);
    assert_eq!(summary.duration, Duration::from_secs(40 * 60));
    assert_eq!(store.unfinished().unwrap(), None);

    let again = store.finish_session(session.id, at(90), None).unwrap();
    assert_eq!(again, summary, "finishing twice keeps the first end time");
}

#[test]
fn the_next_session_sees_the_last_one() {
    let (_dir, _path, mut store, first) = started();
    log(&store, &first, 0, 1, None, reps(15, kg("22.5")), 2);
    log(&store, &first, 0, 2, None, reps(12, kg("45 lb")), 4);
    log(&store, &first, PLANK, 1, L, hold(30_000), 9);
    store.finish_session(first.id, at(20), None).unwrap();

    let mut second = store.start_session(&routine(), at(3 * 24 * 60)).unwrap();
    let dorsiflexion = LastTime {
        at: at(0),
        routine: routine().name,
        sets: vec![
            (1, None, reps(15, kg("22.5"))),
            (2, None, reps(12, kg("45 lb"))),
        ],
    };
    assert_eq!(second.plan[0].last, Some(dorsiflexion.clone()));
    assert_eq!(second.plan[1].last, None);
    let plank = LastTime {
        at: at(0),
        routine: routine().name,
        sets: vec![(1, L, hold(30_000))],
    };
    assert_eq!(second.plan[PLANK].last, Some(plank));
    let prefill = second.prefill(
        0,
        Slot {
            set_number: 2,
            side: None,
            set_type: runstrong::domain::set::SetType::Normal,
        },
    );
    assert_eq!((prefill.reps, prefill.load), (12, kg("45 lb")));

    log(
        &store,
        &second,
        0,
        1,
        None,
        reps(16, kg("25")),
        3 * 24 * 60 + 2,
    );
    second = store.load_session(second.id).unwrap();
    assert_eq!(
        second.plan[0].last,
        Some(dorsiflexion),
        "a session is not its own last time"
    );
    let third = store.start_session(&routine(), at(7 * 24 * 60)).unwrap();
    let last = third.plan[0].last.as_ref().unwrap();
    assert_eq!(
        (last.at, last.sets.as_slice()),
        (at(3 * 24 * 60), &[(1, None, reps(16, kg("25")))][..])
    );
}

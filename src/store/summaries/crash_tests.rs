//! A session a crash left open: read as it would have been, stored when
//! it ends (`super::open`).

use chrono::Duration as Minutes;

use super::tests::{at, work};
use crate::domain::set::Work;
use crate::domain::{Load, NewSet, Side, Unit};
use crate::store::Store;

/// What the screens and `next` read of one exercise.
type Reads = (
    Vec<crate::domain::progress::ProgressPoint>,
    Vec<crate::domain::progress::SideRecords>,
    Vec<(Side, Work)>,
    Option<crate::domain::session::LastTime>,
    Vec<crate::domain::progression::PastSession>,
);

fn reads(store: &Store, exercise: i64, name: &str) -> Reads {
    let (from, to) = (at(0) - Minutes::days(30), at(0) + Minutes::days(30));
    (
        store.progress(exercise, from, to, 1.0).unwrap(),
        store.records(exercise).unwrap(),
        store.latest_sides(exercise, from, to).unwrap(),
        store.last_time(exercise, 0).unwrap(),
        store.recent_sessions(name, 3).unwrap(),
    )
}

/// A kill -9 mid-session leaves it open with its sets committed: started
/// again, the app reads it (folded from its sets) as it would have, and
/// ending it stores its chart rows, which read the same.
#[test]
fn a_session_a_crash_left_open_reads_the_same_and_is_stored_when_ended() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let routine = crate::domain::Routine::built_in().remove(0);
    let log = |store: &Store, session: &crate::domain::session::ActiveSession, i: i64, reps| {
        let p = &session.plan[0];
        let set = NewSet {
            session_id: session.id,
            exercise_id: p.exercise_id,
            set_number: 1,
            side: Some(if i % 2 == 0 { Side::Left } else { Side::Right }),
            work: work(
                1,
                reps,
                Some(Load {
                    centi: 2000 + 500 * i,
                    unit: Unit::Kg,
                }),
            ),
            duration: None,
            set_type: crate::domain::set::SetType::Normal,
            rpe: None,
            note: None,
            logged_at: session.started_at + Minutes::minutes(i),
        };
        store.insert_set(&set).unwrap();
    };
    let (exercise, name, open) = {
        let mut store = Store::open(&path).unwrap();
        let done = store
            .start_session(&routine, at(0) - Minutes::days(2))
            .unwrap();
        (0..4).for_each(|i| log(&store, &done, i, 8));
        store
            .finish_session(done.id, at(0) - Minutes::days(2) + Minutes::hours(1), None)
            .unwrap();
        let crashed = store.start_session(&routine, at(0)).unwrap();
        (0..4).for_each(|i| log(&store, &crashed, i, 10));
        // No finish: the process dies here.
        (
            crashed.plan[0].exercise_id,
            crashed.plan[0].name.clone(),
            crashed.id,
        )
    };
    let store = Store::open(&path).unwrap();
    let stored = |store: &Store| -> i64 {
        store
            .conn
            .query_row(
                "SELECT count(*) FROM session_chart WHERE session_id = ?1",
                [open],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(
        stored(&store),
        0,
        "an open session's chart rows are not stored"
    );
    let before = reads(&store, exercise, &name);
    assert_eq!(
        before.0.len(),
        2,
        "both sessions are on the chart: {:?}",
        before.0
    );
    assert_eq!(
        before.3.as_ref().map(|l| l.at),
        Some(at(0)),
        "last time is the open one"
    );
    assert_eq!(before.4.len(), 2);
    let best = before.1.iter().filter_map(|s| s.best_volume_kg.as_ref());
    assert!(best.clone().count() == 2 && best.into_iter().all(|b| b.session_id == open));

    store.end_abandoned(open).unwrap();
    assert_eq!(
        stored(&store),
        2,
        "ended, its rows are stored, one per side"
    );
    assert_eq!(reads(&store, exercise, &name), before);
    super::rebuild(&store.conn).unwrap();
    assert_eq!(reads(&store, exercise, &name), before);
}

//! Personal records on a real file: per side, through corrections and
//! their undo, computed for sets a migration brings in, and the bests a
//! set just logged is compared with.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use common::fixture::{self, LUNGE, PLANK, hold, kg, reps, utc};
use common::store::{L, R};

use crate::common;

#[test]
fn records_per_side() {
    let mut db = fixture::empty();
    db.session(
        utc(2026, 3, 2, 18, 0),
        &[
            (LUNGE, L, reps(10, kg("20"))),
            (LUNGE, R, reps(10, kg("22"))),
            (PLANK, L, hold(30_000)),
        ],
    );
    db.session(
        utc(2026, 3, 9, 18, 0),
        &[
            (LUNGE, L, reps(6, kg("24"))),
            (LUNGE, R, reps(12, kg("20"))),
            (PLANK, R, hold(45_000)),
        ],
    );
    db.session(
        utc(2026, 3, 16, 18, 0),
        &[(LUNGE, L, reps(4, kg("24"))), (PLANK, L, hold(35_000))],
    );
    let lunge = db.store.records(db.exercise_id("Lunge")).unwrap();
    assert_eq!(lunge.iter().map(|s| s.side).collect::<Vec<_>>(), [L, R]);
    let left = &lunge[0];
    let heaviest = left.heaviest.as_ref().unwrap();
    assert_eq!(
        (heaviest.value.0.to_string(), heaviest.value.1),
        ("24 kg".into(), 6)
    );
    assert_eq!(heaviest.at, utc(2026, 3, 9, 18, 1));
    let rep_records: Vec<_> = left
        .most_reps
        .iter()
        .map(|r| (r.value.0.unwrap().to_string(), r.value.1))
        .collect();
    assert_eq!(
        rep_records,
        [("24 kg".to_string(), 6), ("20 kg".to_string(), 10)]
    );
    let best_volume = left.best_volume_kg.as_ref().unwrap();
    assert!((best_volume.value - 200.0).abs() < 1e-9);
    assert_eq!(
        lunge[1].heaviest.as_ref().unwrap().value.0.to_string(),
        "22 kg"
    );
    assert!((lunge[1].best_volume_kg.as_ref().unwrap().value - 240.0).abs() < 1e-9);

    let plank = db
        .store
        .records(db.exercise_id("Copenhagen plank"))
        .unwrap();
    let holds: Vec<_> = plank
        .iter()
        .map(|s| (s.side, s.longest_hold.as_ref().unwrap().value.0))
        .collect();
    assert_eq!(
        holds,
        [(L, Duration::from_secs(35)), (R, Duration::from_secs(45))]
    );
    assert!(plank[0].heaviest.is_none());
}

#[test]
fn records_follow_corrections_and_their_undo() {
    let mut db = fixture::empty();
    let (_, ids) = db.session(
        utc(2026, 3, 2, 18, 0),
        &[
            (LUNGE, L, reps(10, kg("20"))),
            (LUNGE, L, reps(8, kg("24"))),
        ],
    );
    let lunge = db.exercise_id("Lunge");
    let left = |db: &fixture::Db| db.store.records(lunge).unwrap().remove(0);
    let heaviest = |db: &fixture::Db| {
        left(db)
            .heaviest
            .map(|r| (r.value.0.to_string(), r.value.1))
    };
    let volume = |db: &fixture::Db| left(db).best_volume_kg.map(|r| r.value);
    assert_eq!(heaviest(&db), Some(("24 kg".into(), 8)));
    assert_eq!(volume(&db), Some(392.0));

    let deleted = db.store.delete_set(ids[1], utc(2026, 3, 3, 9, 0)).unwrap();
    assert_eq!(heaviest(&db), Some(("20 kg".into(), 10)));
    assert_eq!(volume(&db), Some(200.0));
    db.store.undo(deleted, utc(2026, 3, 3, 9, 1)).unwrap();
    assert_eq!(heaviest(&db), Some(("24 kg".into(), 8)));
    assert_eq!(volume(&db), Some(392.0));

    let edit = db
        .store
        .correct_set(ids[0], &reps(12, kg("20")), utc(2026, 3, 3, 9, 2))
        .unwrap();
    let most: Vec<_> = left(&db).most_reps.iter().map(|r| r.value.1).collect();
    assert_eq!(most, [8, 12]);
    db.store.undo(edit, utc(2026, 3, 3, 9, 3)).unwrap();
    let most: Vec<_> = left(&db)
        .most_reps
        .iter()
        .map(|r| (r.value.1, r.at))
        .collect();
    assert_eq!(
        most,
        [(8, utc(2026, 3, 2, 18, 2)), (10, utc(2026, 3, 2, 18, 1))]
    );
}

#[test]
fn migrating_a_database_with_sets_computes_their_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    runstrong::store::migrations()
        .unwrap()
        .to_version(&mut conn, 1)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO exercise (id, name, kind, sides) VALUES (1, 'Lunge', 'reps', 'each');
         INSERT INTO session (id, routine, started_at) VALUES (1, 'r', '2026-01-05T18:00:00.000Z');
         INSERT INTO set_log (session_id, exercise_id, set_number, side, reps, load_centi, load_unit, logged_at)
         VALUES (1, 1, 1, 'left', 8, 2000, 'kg', '2026-01-05T18:01:00.000Z'),
                (1, 1, 2, 'left', 10, 2000, 'kg', '2026-01-05T18:02:00.000Z'),
                (1, 1, 3, 'left', 10, 2000, 'kg', '2026-01-05T18:03:00.000Z');",
    )
    .unwrap();
    drop(conn);
    let store = runstrong::store::Store::open(&path).unwrap();
    let left = store.records(1).unwrap().remove(0);
    let heaviest = left.heaviest.unwrap();
    assert_eq!(
        (heaviest.value.0.to_string(), heaviest.value.1),
        ("20 kg".into(), 10)
    );
    assert_eq!(
        heaviest.at,
        utc(2026, 1, 5, 18, 2),
        "the first set that did it"
    );
    assert_eq!(left.best_volume_kg.map(|r| r.value), Some(560.0));
}

#[test]
fn a_set_just_logged_is_compared_with_the_sets_before_it() {
    use runstrong::domain::records::{RecordKind, reached};
    use runstrong::domain::{LoggedSet, NewSet, Routine};
    let mut db = fixture::empty();
    let routine = Routine::built_in().remove(0);
    let session = db
        .store
        .start_session(&routine, utc(2026, 3, 2, 18, 0))
        .unwrap();
    let mut announced = vec![];
    let mut log = |position: usize, work| {
        let set = NewSet {
            session_id: session.id,
            exercise_id: session.plan[position].exercise_id,
            set_number: 1,
            side: L,
            work,
            duration: None,
            rpe: None,
            note: None,
            logged_at: utc(2026, 3, 2, 18, 30),
            set_type: runstrong::domain::set::SetType::Normal,
        };
        let id = db.store.insert_set(&set).unwrap();
        let logged = LoggedSet { id, set };
        let kinds = reached(&logged.set.work, &db.store.earlier_bests(&logged).unwrap());
        announced.push((logged, kinds.clone()));
        kinds
    };
    use RecordKind::{Heaviest, LongestHold, MostReps};
    assert_eq!(log(LUNGE, reps(10, kg("20"))), [], "the first set ever");
    assert_eq!(log(LUNGE, reps(8, kg("24"))), [Heaviest]);
    assert_eq!(log(LUNGE, reps(9, kg("24"))), [MostReps]);
    assert_eq!(log(LUNGE, reps(9, kg("24"))), [], "a tie is no record");
    assert_eq!(
        log(LUNGE, reps(11, kg("20"))),
        [MostReps],
        "more than 10 at 20 kg and 9 at 24 kg"
    );
    assert_eq!(
        log(LUNGE, reps(10, kg("22"))),
        [MostReps],
        "at 22 kg or more, 9 reps was the most"
    );
    assert_eq!(log(LUNGE, reps(10, kg("22"))), [], "now 10 is");
    assert_eq!(log(LUNGE, reps(1, kg("30"))), [Heaviest]);
    assert_eq!(log(PLANK, hold(30_000)), []);
    assert_eq!(log(PLANK, hold(35_000)), [LongestHold]);
    assert_eq!(log(PLANK, hold(33_000)), []);

    // What was announced is kept with the sets, for a restart mid-session.
    for (logged, kinds) in &announced {
        db.store.remember_records(logged.id, kinds).unwrap();
    }
    let expected: Vec<_> = announced
        .iter()
        .flat_map(|(logged, kinds)| kinds.iter().map(|&k| (logged.id, k)))
        .collect();
    assert_eq!(db.store.remembered_records(session.id).unwrap(), expected);
    let (first, _) = &announced[1];
    db.store
        .delete_set(first.id, utc(2026, 3, 3, 8, 0))
        .unwrap();
    assert_eq!(
        db.store.remembered_records(session.id).unwrap(),
        expected[1..],
        "a deleted set's records are gone with it"
    );
}

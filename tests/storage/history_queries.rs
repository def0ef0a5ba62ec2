#![allow(clippy::unwrap_used, clippy::expect_used)]
//! History queries on small databases whose answers are known by hand.

use crate::common;

use std::time::Duration;

use chrono::{NaiveDate, Utc, Weekday};
use common::fixture::{self, DORSIFLEXION, LUNGE, PLANK, hold, kg, reps, utc};
use runstrong::domain::Side;
use runstrong::domain::calendar::Calendar;
use runstrong::domain::correction::Correction;
use runstrong::store::StoreError;

const L: Option<Side> = Some(Side::Left);
const R: Option<Side> = Some(Side::Right);

fn monday(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// Weeks of 2026-11-02 (two sessions), 11-09 (none), 11-16 (one), 11-23 (three).
fn four_weeks() -> fixture::Db {
    let mut db = fixture::empty();
    db.session(
        utc(2026, 11, 2, 18, 0),
        &[
            (DORSIFLEXION, None, reps(10, kg("20"))),
            (PLANK, L, hold(30_000)),
        ],
    );
    db.session(
        utc(2026, 11, 8, 23, 0),
        &[(DORSIFLEXION, None, reps(12, kg("20")))],
    );
    db.session(
        utc(2026, 11, 16, 7, 0),
        &[(LUNGE, L, reps(8, kg("10"))), (LUNGE, R, reps(8, kg("10")))],
    );
    for day in [23, 24, 25] {
        db.session(
            utc(2026, 11, day, 18, 0),
            &[(DORSIFLEXION, None, reps(5, kg("10")))],
        );
    }
    db
}

#[test]
fn weeks_with_zero_one_and_several_sessions() {
    let db = four_weeks();
    let cal = Calendar::new(Utc, Weekday::Mon);
    let weeks = cal.weeks_back(utc(2026, 11, 25, 20, 0), 5);
    let got = db.store.week_summaries(&weeks, None).unwrap();
    let firsts: Vec<_> = got.iter().map(|w| w.week.first_day).collect();
    assert_eq!(
        firsts,
        [
            monday(23),
            monday(16),
            monday(9),
            monday(2),
            NaiveDate::from_ymd_opt(2026, 10, 26).unwrap()
        ]
    );
    let sessions: Vec<_> = got.iter().map(|w| w.totals.sessions).collect();
    assert_eq!(sessions, [3, 1, 0, 2, 0]);
    let met: Vec<_> = got.iter().map(|w| w.met(2)).collect();
    assert_eq!(met, [true, false, false, true, false]);
    let nov2 = got[3].totals;
    assert_eq!(
        (nov2.sets, nov2.reps, nov2.held),
        (3, 22, Duration::from_secs(30))
    );
    assert!((nov2.volume_kg - 440.0).abs() < 1e-9);
    assert_eq!(
        got[2].totals,
        Default::default(),
        "a missed week is all zeros"
    );

    let plank = db.exercise_id("Copenhagen plank");
    let only_plank = db.store.week_summaries(&weeks, Some(plank)).unwrap();
    assert_eq!(only_plank[3].totals.sessions, 1);
    assert_eq!(only_plank[3].totals.sets, 1);
    assert_eq!(only_plank[0].totals.sessions, 0);
}

#[test]
fn sessions_and_sets_of_a_week() {
    let db = four_weeks();
    let week = Calendar::new(Utc, Weekday::Mon).bounds(monday(2));
    let sessions = db
        .store
        .sessions_between(week.start, week.end, None)
        .unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0].started_at, utc(2026, 11, 2, 18, 0));
    assert_eq!(sessions[0].totals.sets, 2);
    let sets = db.store.session_set_rows(sessions[0].id).unwrap();
    let names: Vec<_> = sets.iter().map(|s| (&*s.exercise, s.side)).collect();
    assert_eq!(
        names,
        [("Weighted dorsiflexion", None), ("Copenhagen plank", L)]
    );
}

#[test]
fn streak_counts_back_from_the_current_week() {
    let db = four_weeks();
    let cal = Calendar::new(Utc, Weekday::Mon);
    let streak = |now| {
        db.store
            .streak(cal.bounds(cal.week_of(now)), 2, |t| cal.week_of(t))
            .unwrap()
    };
    let cases = [
        (
            utc(2026, 11, 25, 20, 0),
            1,
            "this week met, last week one short",
        ),
        (
            utc(2026, 11, 5, 12, 0),
            1,
            "the week of Nov 2 met on its own",
        ),
        (
            utc(2026, 11, 12, 12, 0),
            1,
            "an open, empty week does not break the streak",
        ),
        (utc(2026, 11, 17, 12, 0), 0, "the week of Nov 9 was missed"),
    ];
    for (now, want, why) in cases {
        assert_eq!(streak(now), want, "{why}");
    }
}

#[test]
fn corrections_keep_the_old_row_and_undo_restores() {
    let mut db = four_weeks();
    let (session, ids) = db.session(
        utc(2026, 11, 26, 18, 0),
        &[
            (DORSIFLEXION, None, reps(10, kg("20"))),
            (PLANK, L, hold(40_000)),
        ],
    );
    let week = Calendar::new(Utc, Weekday::Mon).bounds(monday(23));
    let totals = |db: &fixture::Db| db.store.week_summaries(&[week], None).unwrap()[0].totals;
    let before = totals(&db);

    let edit = db
        .store
        .correct_set(ids[0], &reps(12, kg("20")), utc(2026, 11, 27, 9, 0))
        .unwrap();
    let Correction::Replaced { old, new } = edit else {
        panic!("{edit:?}")
    };
    assert_eq!(old, ids[0]);
    assert_eq!(totals(&db).reps, before.reps + 2);
    let sets = db.store.session_set_rows(session).unwrap();
    assert_eq!(sets[0].id, new, "the replacement keeps the set's place");
    assert!(sets[0].corrected);
    assert!(matches!(
        db.store
            .correct_set(old, &reps(1, kg("1")), utc(2026, 11, 27, 9, 0)),
        Err(StoreError::NotLive(_))
    ));

    let deleted = db
        .store
        .delete_set(ids[1], utc(2026, 11, 27, 9, 1))
        .unwrap();
    assert_eq!(totals(&db).held, Duration::ZERO);
    assert_eq!(totals(&db).sets, before.sets - 1);

    db.store.undo(deleted, utc(2026, 11, 27, 9, 2)).unwrap();
    db.store.undo(edit, utc(2026, 11, 27, 9, 3)).unwrap();
    assert_eq!(totals(&db), before);
    assert!(
        db.store.undo(edit, utc(2026, 11, 27, 9, 4)).is_err(),
        "an undo happens once"
    );

    // Nothing vanished: the replacement is still on disk, marked deleted.
    let raw = rusqlite::Connection::open(&db.path).unwrap();
    let (rows, marked): (i64, i64) = raw
        .query_row(
            "SELECT count(*), count(deleted_at) + count(replaced_by) FROM set_log WHERE session_id = ?1",
            [session],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((rows, marked), (3, 1));
}

#[test]
fn a_set_corrected_twice_keeps_its_other_fields_and_undoes_newest_first() {
    let mut db = four_weeks();
    let (session, ids) = db.session(
        utc(2026, 11, 26, 18, 0),
        &[(DORSIFLEXION, None, reps(10, kg("20")))],
    );
    let raw = rusqlite::Connection::open(&db.path).unwrap();
    raw.execute(
        "UPDATE set_log SET distance_centi = 520, distance_unit = 'km', rpe = 8, notes = 'ok', duration_ms = 41000
         WHERE id = ?1",
        [ids[0]],
    )
    .unwrap();
    let live = |db: &fixture::Db| {
        raw.query_row(
            "SELECT reps, load_centi, distance_centi, distance_unit, rpe, notes, duration_ms, set_type
             FROM live_set WHERE session_id = ?1",
            [session],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, f64>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )
        .map(|row| (row, db.store.session_set_rows(session).unwrap().len()))
        .unwrap()
    };
    let original = live(&db);
    let first = db
        .store
        .correct_set(ids[0], &reps(12, kg("20")), utc(2026, 11, 27, 9, 0))
        .unwrap();
    let Correction::Replaced { new, .. } = first else {
        panic!("{first:?}")
    };
    let second = db
        .store
        .correct_set(new, &reps(12, kg("25")), utc(2026, 11, 27, 9, 1))
        .unwrap();
    let ((reps_now, centi, distance, unit, rpe, note, took, kind), count) = live(&db);
    assert_eq!((reps_now, centi, count), (12, 2500, 1));
    assert_eq!(
        (
            distance,
            unit.as_str(),
            rpe,
            note.as_str(),
            took,
            kind.as_str()
        ),
        (520, "km", 8.0, "ok", 41000, "normal"),
        "a correction changes the numbers only"
    );
    db.store.undo(second, utc(2026, 11, 27, 9, 2)).unwrap();
    assert_eq!(live(&db).0.1, 2000);
    db.store.undo(first, utc(2026, 11, 27, 9, 3)).unwrap();
    assert_eq!(live(&db), original);
}

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
fn progress_points_per_session_and_per_span() {
    let mut db = fixture::empty();
    for (i, load) in [20, 22, 24, 26].into_iter().enumerate() {
        let at = utc(2026, 3, 2 + 7 * i as u32, 18, 0);
        db.session(
            at,
            &[
                (LUNGE, L, reps(10, kg(&load.to_string()))),
                (LUNGE, R, reps(10, kg(&(load + 2).to_string()))),
                (PLANK, L, hold(30_000 + 1000 * i as u64)),
            ],
        );
    }
    let lunge = db.exercise_id("Lunge");
    let (from, to) = (utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0));
    let points = db.store.progress(lunge, from, to, 1.0).unwrap();
    assert_eq!(points.len(), 4);
    assert_eq!(points[0].at, utc(2026, 3, 2, 18, 1));
    assert_eq!(
        (
            points[0].reps.left,
            points[0].reps.right,
            points[0].reps.both
        ),
        (Some(10.0), Some(10.0), None),
        "reps per side"
    );
    assert!((points[0].e1rm_kg.left.unwrap() - 20.0 * (1.0 + 10.0 / 30.0)).abs() < 1e-9);
    assert!((points[3].heaviest_kg.unwrap() - 28.0).abs() < 1e-9);
    assert!(points[0].e1rm_kg.both.is_none());

    // More sessions than two-week spans: the best of each pair of sessions.
    let spans = db
        .store
        .progress(lunge, utc(2026, 3, 2, 0, 0), utc(2026, 3, 30, 0, 0), 14.0)
        .unwrap();
    assert_eq!(spans.len(), 2);
    // Fewer: one point per session all the same.
    let wide = db
        .store
        .progress(lunge, utc(2026, 3, 2, 0, 0), to, 14.0)
        .unwrap();
    assert_eq!(wide.len(), 4);
    assert!((spans[1].heaviest_kg.unwrap() - 28.0).abs() < 1e-9);

    let plank = db
        .store
        .progress(db.exercise_id("Copenhagen plank"), from, to, 1.0)
        .unwrap();
    assert_eq!(
        plank
            .iter()
            .map(|p| p.hold_secs.left.unwrap())
            .collect::<Vec<_>>(),
        [30.0, 31.0, 32.0, 33.0]
    );
}

#[test]
fn two_sessions_on_one_day_are_two_points() {
    let mut db = fixture::empty();
    db.session(utc(2026, 3, 2, 7, 0), &[(LUNGE, L, reps(8, None))]);
    db.session(
        utc(2026, 3, 2, 18, 0),
        &[(LUNGE, L, reps(12, None)), (LUNGE, R, reps(10, None))],
    );
    let lunge = db.exercise_id("Lunge");
    // Twelve weeks in 160 spans: the two sessions share one.
    let (from, to) = (utc(2026, 1, 1, 0, 0), utc(2026, 3, 26, 0, 0));
    let points = db.store.progress(lunge, from, to, 84.0 / 160.0).unwrap();
    let got: Vec<_> = points.iter().map(|p| (p.reps.left, p.reps.right)).collect();
    assert_eq!(got, [(Some(8.0), None), (Some(12.0), Some(10.0))]);
    assert!(points.iter().all(|p| p.heaviest_kg.is_none()));
    let sides = db.store.latest_sides(lunge, from, to).unwrap();
    assert_eq!(
        sides,
        [(Side::Left, reps(12, None)), (Side::Right, reps(10, None))]
    );
}

#[test]
fn an_empty_history() {
    let db = fixture::empty();
    let cal = Calendar::new(Utc, Weekday::Mon);
    let weeks = cal.weeks_back(utc(2026, 11, 25, 20, 0), 3);
    let got = db.store.week_summaries(&weeks, None).unwrap();
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|w| w.totals.sessions == 0));
    assert_eq!(db.store.first_session_start().unwrap(), None);
    assert_eq!(db.store.streak(weeks[0], 2, |t| cal.week_of(t)).unwrap(), 0);
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

#![allow(clippy::unwrap_used, clippy::expect_used)]
//! History queries on small databases whose answers are known by hand.

use std::time::Duration;

use chrono::{NaiveDate, Utc, Weekday};
use common::fixture::{self, DORSIFLEXION, LUNGE, PLANK, hold, kg, reps, utc};
use common::store::{L, R};
use runstrong::domain::Side;
use runstrong::domain::calendar::Calendar;
use runstrong::domain::correction::Correction;
use runstrong::store::StoreError;

use crate::common;

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

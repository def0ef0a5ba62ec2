//! Warm-ups count toward nothing: no record, chart point, volume or
//! suggestion, and a session of warm-ups alone is no session done (listed,
//! but not in the week's count, home's count or the streak).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::advice::{last_week, ruled_routine};
use crate::common;

use chrono::{Duration, Utc, Weekday};
use common::noon;
use common::store::{kg, reps, scratch};
use runstrong::domain::calendar::Calendar;
use runstrong::domain::progression::Rules;
use runstrong::domain::set::{SetType, Work};
use runstrong::domain::{NewSet, Unit};
use runstrong::store::Store;

/// A warm-up set of `work`, a minute after `noon()`.
fn warm_up(session_id: i64, exercise_id: i64, work: Work) -> NewSet {
    NewSet {
        session_id,
        exercise_id,
        set_number: 1,
        side: None,
        work,
        duration: None,
        rpe: None,
        note: None,
        logged_at: noon() + Duration::minutes(1),
        set_type: SetType::Warmup,
    }
}

#[test]
fn a_logged_warm_up_changes_no_record_chart_point_volume_or_suggestion() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    last_week(&mut store);
    let squat = store.start_session(&ruled_routine(), noon()).unwrap();
    let id = squat.plan[0].exercise_id;
    let calendar = Calendar::new(Utc, Weekday::Mon);
    let rules = Rules {
        settings: Default::default(),
        unit: Unit::Kg,
    };
    let (from, to) = (noon() - Duration::days(30), noon() + Duration::days(1));
    let weeks = calendar.weeks_back(noon(), 2);
    let look = |store: &Store| {
        let weeks = store.week_summaries(&weeks, None).unwrap();
        (
            store.records(id).unwrap(),
            store.progress(id, from, to, 1.0).unwrap(),
            weeks
                .iter()
                .map(|w| (w.totals.sets, w.totals.reps, w.totals.volume_kg))
                .collect::<Vec<_>>(),
            store.summary(squat.id).unwrap().volume_kg,
            store
                .plan_next(&ruled_routine(), &rules, &calendar, noon(), None)
                .unwrap(),
        )
    };
    let before = look(&store);
    // Heavier and longer than anything before: it would top every record.
    store
        .insert_set(&warm_up(squat.id, id, reps(30, kg("200"))))
        .unwrap();
    assert_eq!(look(&store), before);
    drop(store);
    // Rebuilt from scratch (an upgrade), the summaries still leave it out.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("PRAGMA user_version = 9", []).unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(look(&store), before);
}

#[test]
fn a_session_of_warm_ups_alone_is_listed_but_counts_toward_no_week_or_streak() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    last_week(&mut store);
    let today = store.start_session(&ruled_routine(), noon()).unwrap();
    let squat = today.plan[0].exercise_id;
    store
        .insert_set(&warm_up(today.id, squat, reps(8, kg("20"))))
        .unwrap();
    let calendar = Calendar::new(Utc, Weekday::Mon);
    let [this, last]: [_; 2] = calendar.weeks_back(noon(), 2).try_into().unwrap();
    let weeks = store.week_summaries(&[this, last], None).unwrap();
    let done: Vec<_> = weeks.iter().map(|w| w.totals.sessions).collect();
    assert_eq!(done, [0, 1], "warm-ups alone are not a session done");
    assert_eq!(
        store.sessions_done_between(this.start, this.end).unwrap(),
        0,
        "home agrees"
    );
    assert_eq!(weeks[0].totals.warmups, 1);
    assert!(
        weeks[0].totals.logged_any(),
        "the week still has a session to open"
    );
    let listed = store.sessions_between(this.start, this.end, None).unwrap();
    assert_eq!(listed.iter().map(|s| s.id).collect::<Vec<_>>(), [today.id]);
    let with_sets = store
        .sessions_with_sets(this.start, this.end, None)
        .unwrap();
    assert_eq!(with_sets[0].0.totals.sessions, 0);
    assert_eq!(with_sets[0].1.len(), 1, "the warm-up is there to see");
    // Last week met a target of one; this week, warm-ups alone, does not extend it.
    assert_eq!(store.streak(this, 1, |at| calendar.week_of(at)).unwrap(), 1);
}

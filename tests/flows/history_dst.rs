#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Weeks of a real database in a time zone with daylight saving, named
//! (chrono-tz) rather than taken from the machine.

use crate::common;

use chrono::{NaiveDate, Weekday};
use chrono_tz::Europe::Berlin;
use common::fixture::{self, DORSIFLEXION, kg, reps, utc};
use runstrong::domain::calendar::Calendar;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_week_across_the_end_of_summer_time() {
    let cal = Calendar::new(Berlin, Weekday::Mon);
    // Clocks go back on Sunday 2026-10-25: the week is 169 hours long.
    let week = cal.bounds(day(2026, 10, 19));
    assert_eq!(week.start, utc(2026, 10, 18, 22, 0));
    assert_eq!(week.end, utc(2026, 10, 25, 23, 0));
    let mut db = fixture::empty();
    db.session(
        utc(2026, 10, 18, 22, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Mon 00:30 CEST
    db.session(
        utc(2026, 10, 25, 22, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Sun 23:30 CET
    db.session(
        utc(2026, 10, 25, 23, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // next Mon 00:30 CET
    db.session(
        utc(2026, 10, 18, 21, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Sun before, 23:30 CEST
    let weeks = cal.weeks_back(utc(2026, 10, 27, 12, 0), 3);
    let got = db.store.week_summaries(&weeks, None).unwrap();
    let counts: Vec<_> = got
        .iter()
        .map(|w| (w.week.first_day, w.totals.sessions))
        .collect();
    assert_eq!(
        counts,
        [
            (day(2026, 10, 26), 1),
            (day(2026, 10, 19), 2),
            (day(2026, 10, 12), 1)
        ]
    );
}

#[test]
fn a_week_across_the_new_year() {
    let cal = Calendar::new(Berlin, Weekday::Mon);
    let mut db = fixture::empty();
    db.session(
        utc(2026, 12, 27, 23, 15),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Mon 28 Dec 00:15
    db.session(
        utc(2026, 12, 31, 23, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Fri 1 Jan 00:30
    db.session(
        utc(2027, 1, 3, 22, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Sun 3 Jan 23:30
    db.session(
        utc(2027, 1, 3, 23, 30),
        &[(DORSIFLEXION, None, reps(10, kg("10")))],
    ); // Mon 4 Jan 00:30
    let weeks = cal.weeks_back(utc(2027, 1, 5, 12, 0), 2);
    let got = db.store.week_summaries(&weeks, None).unwrap();
    assert_eq!(got[1].week.first_day, day(2026, 12, 28));
    assert_eq!(got[1].week.iso_label(), "2026-W53");
    assert_eq!(got[1].totals.sessions, 3);
    assert_eq!(
        (got[0].week.iso_label(), got[0].totals.sessions),
        ("2027-W01".into(), 1)
    );
    let sunday = Calendar::new(Berlin, Weekday::Sun).weeks_back(utc(2027, 1, 5, 12, 0), 1);
    assert_eq!(
        db.store.week_summaries(&sunday, None).unwrap()[0]
            .totals
            .sessions,
        2,
        "the Sunday-start week of 3 Jan holds Sunday and Monday"
    );
}

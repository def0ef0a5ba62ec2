//! Wall-clock helpers: timestamps are stored in UTC and shown in local time.

use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc, Weekday};

use super::history::Calendar;

/// The stored form: RFC 3339, milliseconds, 'Z'. Text order is time order.
pub fn to_db(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn from_db(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Midnight local time on the first day of the week holding `at` (weeks
/// start on `start`), and a week later, in UTC.
pub fn local_week_bounds(at: DateTime<Utc>, start: Weekday) -> (DateTime<Utc>, DateTime<Utc>) {
    let calendar = Calendar::new(Local, start);
    let week = calendar.bounds(calendar.week_of(at));
    (week.start, week.end)
}

/// Local midnight starting `day`, in UTC.
pub fn local_midnight(day: NaiveDate) -> DateTime<Utc> {
    Calendar::new(Local, Weekday::Mon).midnight(day)
}

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..3600 => format!("{}:{:02}", s / 60, s % 60),
        _ => format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Duration as Days, TimeZone};

    #[test]
    fn db_form_round_trips_and_sorts() {
        let a = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).single().unwrap();
        assert_eq!(to_db(a), "2026-01-02T03:04:05.000Z");
        assert_eq!(from_db(&to_db(a)), Some(a));
        let b = a + Days::milliseconds(1);
        assert!(to_db(a) < to_db(b));
    }

    #[test]
    fn week_bounds_hold_the_instant_and_span_a_week() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
            .single()
            .unwrap();
        for first in [Weekday::Mon, Weekday::Sun, Weekday::Wed] {
            let (start, end) = local_week_bounds(at, first);
            assert!(start <= at && at < end);
            assert_eq!(start.with_timezone(&Local).weekday(), first);
            // Seven local days, whatever the zone (no DST change that week).
            let local = |t: DateTime<Utc>| t.with_timezone(&Local).naive_local();
            assert_eq!(local(end), local(start) + Days::days(7));
            assert_eq!(local(start).time(), chrono::NaiveTime::MIN);
        }
    }

    #[test]
    fn clock_formats() {
        assert_eq!(clock(Duration::from_secs(5)), "0:05");
        assert_eq!(clock(Duration::from_secs(754)), "12:34");
        assert_eq!(clock(Duration::from_secs(3725)), "1:02:05");
    }
}

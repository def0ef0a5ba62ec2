//! What the history screens ask the store for: which weeks a page of the
//! week list holds, and what span and resolution a progress chart covers.
//! Decided here, in the pure core; the executor only carries them out.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::{HistoryEffect, Span, StreakOf};
use crate::domain::Kind;
use crate::domain::calendar::Calendar;

/// Chart points at most: more than a wide terminal has columns.
const MAX_POINTS: f64 = 160.0;

/// `count` weeks of the list, newest first: from the current week (with
/// the streak), or from the one before `before`; none older than the week
/// of `first`, the first session.
pub fn weeks(
    calendar: &Calendar,
    now: DateTime<Utc>,
    first: DateTime<Utc>,
    before: Option<NaiveDate>,
    count: usize,
    target: u32,
) -> HistoryEffect {
    let oldest = calendar.week_of(first);
    let current = calendar.week_of(now);
    let newest = before
        .and_then(|d| d.checked_sub_days(Days::new(7)))
        .unwrap_or(current);
    let mut weeks = calendar.weeks_back(calendar.bounds(newest).start, count);
    weeks.retain(|w| w.first_day >= oldest);
    let streak = before.is_none().then(|| StreakOf {
        current: calendar.bounds(current),
        target,
    });
    HistoryEffect::LoadWeeks { weeks, streak }
}

/// Whether weeks older than the one starting `oldest_loaded` are left to
/// load: the list goes back to the week of `first`.
pub fn more_before(calendar: &Calendar, first: DateTime<Utc>, oldest_loaded: NaiveDate) -> bool {
    oldest_loaded > calendar.week_of(first)
}

/// The chart of `exercise` over `span` up to `now`; "all time" starts the
/// day before `first`, the first session.
pub fn progress(
    exercise: i64,
    kind: Kind,
    span: Span,
    first: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> HistoryEffect {
    let to = now;
    let from = match span.days() {
        Some(days) => to - chrono::Duration::days(days),
        None => first.unwrap_or(to) - chrono::Duration::days(1),
    };
    let bucket_days = (to - from).num_seconds() as f64 / 86_400.0 / MAX_POINTS;
    HistoryEffect::LoadProgress {
        exercise,
        kind,
        span,
        from,
        to,
        bucket_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Weekday};
    use chrono_tz::Europe;

    fn utc(y: i32, mo: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, 0, 0).single().unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_first_page_ends_at_the_first_sessions_week_and_brings_the_streak() {
        let cal = Calendar::new(Europe::Berlin, Weekday::Mon);
        let now = utc(2026, 11, 25, 12);
        let first = utc(2026, 11, 2, 18);
        let HistoryEffect::LoadWeeks { weeks, streak } = weeks(&cal, now, first, None, 26, 2)
        else {
            panic!("not a week load");
        };
        let firsts: Vec<_> = weeks.iter().map(|w| w.first_day).collect();
        assert_eq!(
            firsts,
            [
                day(2026, 11, 23),
                day(2026, 11, 16),
                day(2026, 11, 9),
                day(2026, 11, 2)
            ]
        );
        assert_eq!(streak.map(|s| (s.current, s.target)), Some((weeks[0], 2)));
        assert!(!more_before(&cal, first, day(2026, 11, 2)));
        assert!(more_before(&cal, first, day(2026, 11, 9)));
    }

    #[test]
    fn a_later_page_goes_on_before_the_last_week_loaded_without_the_streak() {
        let cal = Calendar::new(Europe::Berlin, Weekday::Mon);
        let page = weeks(
            &cal,
            utc(2026, 11, 25, 12),
            utc(2020, 1, 1, 12),
            Some(day(2026, 11, 2)),
            2,
            2,
        );
        let HistoryEffect::LoadWeeks { weeks, streak } = page else {
            panic!("not a week load");
        };
        assert_eq!(weeks[0].first_day, day(2026, 10, 26));
        assert_eq!(weeks[1].first_day, day(2026, 10, 19));
        assert_eq!(
            (weeks[0].end - weeks[0].start).num_hours(),
            168,
            "a week after the change"
        );
        assert_eq!((weeks[1].end - weeks[1].start).num_hours(), 169);
        assert_eq!(streak, None);
    }

    #[test]
    fn a_chart_spans_its_days_or_all_time_in_at_most_160_points() {
        let now = utc(2026, 11, 25, 12);
        let HistoryEffect::LoadProgress {
            from, bucket_days, ..
        } = progress(7, Kind::Reps, Span::Weeks12, None, now)
        else {
            panic!("not a progress load");
        };
        assert_eq!(from, now - chrono::Duration::days(84));
        assert!((bucket_days - 84.0 / 160.0).abs() < 1e-9);
        let first = utc(2016, 11, 25, 12);
        let HistoryEffect::LoadProgress { from, to, .. } =
            progress(7, Kind::Reps, Span::All, Some(first), now)
        else {
            panic!("not a progress load");
        };
        assert_eq!((from, to), (first - chrono::Duration::days(1), now));
    }
}

//! Calendar weeks in a time zone that is handed in, never read from the
//! machine: the app gets the local zone from `main`, tests pin one.

use std::fmt;
use std::sync::Arc;

use chrono::offset::LocalResult;
use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Utc, Weekday,
};

/// How weeks are cut and judged (config.toml: week_start, weekly_target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekRules {
    pub starts_on: Weekday,
    pub target: u32,
}

/// A time zone of any kind (the machine's, a fixed offset, a named zone),
/// as offsets: what a calendar needs, behind one type.
pub trait Zone: fmt::Debug + Send + Sync {
    /// The offset from UTC at the instant `utc`.
    fn offset_at(&self, utc: &NaiveDateTime) -> FixedOffset;
    /// The offsets a local time can have: none in a gap, two in an overlap.
    fn offsets_of(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset>;
}

impl<Tz> Zone for Tz
where
    Tz: TimeZone + fmt::Debug + Send + Sync,
{
    fn offset_at(&self, utc: &NaiveDateTime) -> FixedOffset {
        self.offset_from_utc_datetime(utc).fix()
    }

    fn offsets_of(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
        self.offset_from_local_datetime(local).map(|o| o.fix())
    }
}

/// Calendar weeks in one time zone.
#[derive(Clone)]
pub struct Calendar {
    zone: Arc<dyn Zone>,
    pub starts_on: Weekday,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Calendar({:?}, {})", self.zone, self.starts_on)
    }
}

/// Two calendars are the same when they name the same zone and start weeks
/// on the same day.
impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}

impl Calendar {
    pub fn new(zone: impl Zone + 'static, starts_on: Weekday) -> Self {
        Calendar {
            zone: Arc::new(zone),
            starts_on,
        }
    }

    /// `at` in this calendar's local time, for showing it.
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.zone.offset_at(&at.naive_utc()))
    }

    /// The first day (local) of the week holding `at`.
    pub fn week_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.week_of_day(self.local(at).date_naive())
    }

    pub fn week_of_day(&self, day: NaiveDate) -> NaiveDate {
        day - Days::new(u64::from(day.weekday().days_since(self.starts_on)))
    }

    /// The instants `[start, end)` of the week starting on `first_day`. Across
    /// a DST change a week is 167 or 169 hours long.
    pub fn bounds(&self, first_day: NaiveDate) -> WeekRange {
        let next = first_day + Days::new(7);
        WeekRange {
            first_day,
            start: self.midnight(first_day),
            end: self.midnight(next),
        }
    }

    /// The `count` weeks ending with the one holding `now`, newest first.
    pub fn weeks_back(&self, now: DateTime<Utc>, count: usize) -> Vec<WeekRange> {
        let newest = self.week_of(now);
        (0..count as u64)
            .map_while(|i| newest.checked_sub_days(Days::new(7 * i)))
            .map(|d| self.bounds(d))
            .collect()
    }

    /// Every week from the one holding `since` to the one holding `now`, newest first.
    pub fn weeks_since(&self, since: NaiveDate, now: DateTime<Utc>) -> Vec<WeekRange> {
        let first = self.week_of_day(since);
        let newest = self.week_of(now);
        let count = (newest - first).num_weeks().max(-1) + 1;
        self.weeks_back(now, usize::try_from(count).unwrap_or(0))
    }

    /// Midnight starting `day`, in UTC.
    pub fn midnight(&self, day: NaiveDate) -> DateTime<Utc> {
        let naive = day.and_time(NaiveTime::MIN);
        // Where DST skips midnight, the day starts at the first instant after the gap.
        self.earliest(naive)
            .or_else(|| self.earliest(naive + chrono::Duration::hours(1)))
            .unwrap_or_else(|| naive.and_utc())
    }

    /// The first instant that reads `local` here; none in a gap.
    fn earliest(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let at = |offset: FixedOffset| {
            offset
                .from_local_datetime(&local)
                .single()
                .map(|t| t.with_timezone(&Utc))
        };
        match self.zone.offsets_of(&local) {
            LocalResult::Single(o) => at(o),
            LocalResult::Ambiguous(a, b) => at(a).into_iter().chain(at(b)).min(),
            LocalResult::None => None,
        }
    }
}

/// One calendar week: its first local day and its instants `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekRange {
    pub first_day: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl WeekRange {
    /// The ISO week label ("2026-W48") of the week's Monday-based week.
    pub fn iso_label(&self) -> String {
        let iso = self.first_day.iso_week();
        format!("{}-W{:02}", iso.year(), iso.week())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America, Europe, Pacific};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().unwrap()
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        let mon = Calendar::new(Utc, Weekday::Mon);
        let sun = Calendar::new(Utc, Weekday::Sun);
        let wed = day(2026, 11, 25);
        assert_eq!(mon.week_of_day(wed), day(2026, 11, 23));
        assert_eq!(sun.week_of_day(wed), day(2026, 11, 22));
        assert_eq!(mon.week_of_day(day(2026, 11, 23)), day(2026, 11, 23));
    }

    #[test]
    fn bounds_are_local_midnights() {
        let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
        let week = Calendar::new(plus2, Weekday::Mon).bounds(day(2026, 11, 23));
        assert_eq!(week.start, utc(2026, 11, 22, 22, 0));
        assert_eq!(week.end - week.start, chrono::Duration::days(7));
        assert_eq!(week.iso_label(), "2026-W48");
    }

    #[test]
    fn weeks_back_and_since_list_newest_first_and_cross_the_year() {
        let cal = Calendar::new(Utc, Weekday::Mon);
        let now = utc(2026, 1, 7, 12, 0);
        let weeks = cal.weeks_back(now, 3);
        let firsts: Vec<_> = weeks.iter().map(|w| w.first_day).collect();
        assert_eq!(
            firsts,
            [day(2026, 1, 5), day(2025, 12, 29), day(2025, 12, 22)]
        );
        assert_eq!(weeks[1].iso_label(), "2026-W01");
        assert_eq!(cal.weeks_since(day(2025, 12, 24), now), weeks);
        assert!(cal.weeks_since(day(2026, 2, 1), now).is_empty());
    }

    #[test]
    fn a_week_across_a_dst_change_is_an_hour_longer_or_shorter() {
        let berlin = Calendar::new(Europe::Berlin, Weekday::Mon);
        // Clocks go forward on Sunday 29 March 2026 and back on 25 October.
        let spring = berlin.bounds(day(2026, 3, 23));
        assert_eq!(spring.start, utc(2026, 3, 22, 23, 0));
        assert_eq!(spring.end, utc(2026, 3, 29, 22, 0));
        assert_eq!((spring.end - spring.start).num_hours(), 167);
        let autumn = berlin.bounds(day(2026, 10, 19));
        assert_eq!(autumn.start, utc(2026, 10, 18, 22, 0));
        assert_eq!(autumn.end, utc(2026, 10, 25, 23, 0));
        assert_eq!((autumn.end - autumn.start).num_hours(), 169);
        // Sunday 23:30 after the change is still that week; 00:30 is the next.
        assert_eq!(berlin.week_of(utc(2026, 10, 25, 22, 30)), day(2026, 10, 19));
        assert_eq!(berlin.week_of(utc(2026, 10, 25, 23, 30)), day(2026, 10, 26));
    }

    #[test]
    fn a_midnight_that_dst_skips_starts_the_day_after_the_gap() {
        // Cuba springs forward at midnight: 8 March 2026 begins at 01:00 CDT.
        let havana = Calendar::new(America::Havana, Weekday::Mon);
        assert_eq!(havana.midnight(day(2026, 3, 8)), utc(2026, 3, 8, 5, 0));
        assert_eq!(havana.week_of(utc(2026, 3, 8, 5, 0)), day(2026, 3, 2));
        let week = havana.bounds(day(2026, 3, 2));
        assert_eq!((week.end - week.start).num_hours(), 168 - 1);
    }

    #[test]
    fn a_midnight_that_comes_twice_is_the_first() {
        // Cuba falls back from 01:00 to midnight on 1 November 2026.
        let havana = Calendar::new(America::Havana, Weekday::Mon);
        assert_eq!(havana.midnight(day(2026, 11, 1)), utc(2026, 11, 1, 4, 0));
    }

    #[test]
    fn a_day_the_zone_skipped_whole_keeps_its_week_in_order() {
        // Samoa went from 29 to 31 December 2011: the 30th has no midnight,
        // nor an hour after it.
        let apia = Calendar::new(Pacific::Apia, Weekday::Mon);
        let skipped = apia.midnight(day(2011, 12, 30));
        assert!(apia.midnight(day(2011, 12, 29)) < skipped);
        assert!(skipped < apia.midnight(day(2011, 12, 31)));
        let week = apia.bounds(day(2011, 12, 26));
        assert_eq!((week.end - week.start).num_hours(), 168 - 24);
    }

    #[test]
    fn local_time_is_shown_in_the_calendars_zone() {
        let berlin = Calendar::new(Europe::Berlin, Weekday::Mon);
        let at = utc(2026, 7, 1, 16, 2);
        assert_eq!(berlin.local(at).format("%H:%M").to_string(), "18:02");
        assert_eq!(berlin, Calendar::new(Europe::Berlin, Weekday::Mon));
        assert_ne!(berlin, Calendar::new(Europe::Berlin, Weekday::Sun));
        assert_ne!(berlin, Calendar::new(Utc, Weekday::Mon));
    }
}

//! Past weeks: calendar weeks in local time, what was done in them, and the
//! streak of weeks that met the weekly target. Pure: the time zone and "now"
//! come in as arguments, so tests pin them.

use std::time::Duration;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};

use super::distance::{Distance, DistanceUnit};
use super::load::Volume;
use super::set::{Rpe, SetType, Side, Work};

/// How weeks are cut and judged (config.toml: week_start, weekly_target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekRules {
    pub starts_on: Weekday,
    pub target: u32,
}

/// Calendar weeks in one time zone.
#[derive(Debug, Clone, Copy)]
pub struct Calendar<Tz: TimeZone> {
    pub tz: Tz,
    pub starts_on: Weekday,
}

impl<Tz: TimeZone + Copy> Calendar<Tz> {
    pub fn new(tz: Tz, starts_on: Weekday) -> Self {
        Calendar { tz, starts_on }
    }

    /// The first day (local) of the week holding `at`.
    pub fn week_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.week_of_day(at.with_timezone(&self.tz).date_naive())
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
        let naive = day.and_time(chrono::NaiveTime::MIN);
        // Where DST skips midnight, the day starts at the first instant after the gap.
        self.tz
            .from_local_datetime(&naive)
            .earliest()
            .or_else(|| {
                self.tz
                    .from_local_datetime(&(naive + chrono::Duration::hours(1)))
                    .earliest()
            })
            .map_or_else(|| naive.and_utc(), |t| t.with_timezone(&Utc))
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

/// What was done over some span: a week, a session.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Sessions with at least one set.
    pub sessions: u32,
    pub sets: u32,
    pub reps: u32,
    /// Reps times load, in kilograms (pounds converted).
    pub volume_kg: f64,
    pub held: Duration,
}

impl Totals {
    /// The totals of one session's sets.
    pub fn of_sets(sets: &[SetRow]) -> Totals {
        let mut t = Totals {
            sessions: u32::from(!sets.is_empty()),
            ..Totals::default()
        };
        let mut volume = Volume::default();
        for set in sets {
            t.sets += 1;
            match set.work {
                Work::Reps { reps, load } => {
                    t.reps += reps;
                    if let Some(load) = load {
                        volume.add(reps, load);
                    }
                }
                Work::Hold { held } => t.held += held,
                Work::Cardio { .. } => {}
            }
        }
        t.volume_kg = volume.kg();
        t
    }

    /// The totals of several spans together, e.g. a week from its sessions.
    pub fn sum<'a>(parts: impl Iterator<Item = &'a Totals>) -> Totals {
        parts.fold(Totals::default(), |t, p| Totals {
            sessions: t.sessions + p.sessions,
            sets: t.sets + p.sets,
            reps: t.reps + p.reps,
            volume_kg: t.volume_kg + p.volume_kg,
            held: t.held + p.held,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekSummary {
    pub week: WeekRange,
    pub totals: Totals,
}

impl WeekSummary {
    pub fn met(&self, target: u32) -> bool {
        self.totals.sessions >= target
    }
}

/// One session in a list of sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: i64,
    pub routine: String,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    /// The note written when the session was finished.
    pub notes: Option<String>,
    pub totals: Totals,
}

/// Time per kilometre (per mile for miles) over `distance`: "6:38 /km".
pub fn pace(time: Duration, distance: Distance) -> Option<String> {
    let (per, unit) = match distance.unit {
        DistanceUnit::M => (distance.centi as f64 / 100_000.0, "km"),
        DistanceUnit::Km => (distance.centi as f64 / 100.0, "km"),
        DistanceUnit::Mi => (distance.centi as f64 / 100.0, "mi"),
    };
    let secs = (time.as_secs_f64() / per).round();
    (per > 0.0 && secs.is_finite()).then(|| {
        let secs = secs as u64;
        format!("{}:{:02} /{unit}", secs / 60, secs % 60)
    })
}

/// One live set of a session, as reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct SetRow {
    pub id: i64,
    pub exercise_id: i64,
    pub exercise: String,
    pub set_number: u32,
    pub side: Option<Side>,
    pub kind: SetType,
    pub work: Work,
    /// How far, for a cardio set an import brought in.
    pub distance: Option<Distance>,
    pub logged_at: DateTime<Utc>,
    /// This set replaced an earlier version of itself.
    pub corrected: bool,
    pub rpe: Option<Rpe>,
    pub note: Option<String>,
}

impl SetRow {
    /// Distance (and a cardio set's pace), RPE and note, for a line about the
    /// set: " · 5 km · 6:38 /km @8.5 · felt strong".
    pub fn remarks(&self) -> String {
        let pace = match (self.work, self.distance) {
            (Work::Cardio { time }, Some(d)) => {
                pace(time, d).map(|p| format!(" · {p}")).unwrap_or_default()
            }
            _ => String::new(),
        };
        let distance = self
            .distance
            .map(|d| format!(" · {d}{pace}"))
            .unwrap_or_default();
        let rpe = self.rpe.map(|r| format!(" @{r}")).unwrap_or_default();
        let note = self
            .note
            .as_deref()
            .map(|n| format!(" · {}", n.replace('\n', " ")))
            .unwrap_or_default();
        format!("{distance}{rpe}{note}")
    }
}

/// Counts the streak of weeks that met the target, fed the start instants of
/// sessions newest first. The week under way counts once met, and does not
/// break the streak while it is still open.
#[derive(Debug, Clone)]
pub struct Streak {
    current: NaiveDate,
    target: u32,
    week: NaiveDate,
    in_week: u32,
    streak: u32,
    broken: bool,
}

impl Streak {
    pub fn new(current_week: NaiveDate, target: u32) -> Self {
        Streak {
            current: current_week,
            target,
            week: current_week,
            in_week: 0,
            streak: 0,
            broken: false,
        }
    }

    /// Takes the week of the next older session; false once the streak is settled.
    pub fn push(&mut self, week: NaiveDate) -> bool {
        while !self.broken && week < self.week {
            self.close_week();
        }
        if !self.broken {
            self.in_week += 1;
        }
        !self.broken
    }

    fn close_week(&mut self) {
        if self.in_week >= self.target {
            self.streak += 1;
        } else if self.week != self.current {
            self.broken = true;
            return;
        }
        self.week = self.week - Days::new(7);
        self.in_week = 0;
    }

    pub fn finish(mut self) -> u32 {
        while !self.broken {
            self.close_week();
        }
        self.streak
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_per_kilometre_or_mile() {
        let run = |centi, unit| pace(Duration::from_secs(1991), Distance { centi, unit });
        assert_eq!(run(500, DistanceUnit::Km).as_deref(), Some("6:38 /km"));
        assert_eq!(run(500_000, DistanceUnit::M).as_deref(), Some("6:38 /km"));
        assert_eq!(run(311, DistanceUnit::Mi).as_deref(), Some("10:40 /mi"));
        assert_eq!(run(0, DistanceUnit::Km), None);
    }
    use chrono::FixedOffset;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
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
        assert_eq!(
            week.start,
            Utc.with_ymd_and_hms(2026, 11, 22, 22, 0, 0).unwrap()
        );
        assert_eq!(week.end - week.start, chrono::Duration::days(7));
        assert_eq!(week.iso_label(), "2026-W48");
    }

    #[test]
    fn weeks_back_and_since_list_newest_first_and_cross_the_year() {
        let cal = Calendar::new(Utc, Weekday::Mon);
        let now = Utc.with_ymd_and_hms(2026, 1, 7, 12, 0, 0).unwrap();
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
    fn streak_counts_met_weeks_and_forgives_the_open_week() {
        let w = |n: u64| day(2026, 11, 23) - Days::new(7 * n);
        let count = |sessions: &[u64]| {
            let mut s = Streak::new(w(0), 2);
            for &n in sessions {
                if !s.push(w(n)) {
                    break;
                }
            }
            s.finish()
        };
        assert_eq!(count(&[]), 0);
        assert_eq!(
            count(&[1, 1, 2, 2, 4, 4]),
            2,
            "open week empty, weeks 1 and 2 met, 3 missed"
        );
        assert_eq!(count(&[0, 0, 1, 1]), 2, "open week met counts");
        assert_eq!(
            count(&[0, 1, 1]),
            1,
            "open week half done does not break it"
        );
        assert_eq!(count(&[1, 2, 2]), 0, "last closed week missed");
    }
}

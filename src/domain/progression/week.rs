//! Deload and race weeks: fewer sets, the same loads.
//!
//! What it is based on: reviews of tapering (Bosquet et al. 2007, a
//! meta-analysis over endurance athletes) find performance best when volume
//! drops by 40-60% over the last one to three weeks while intensity stays;
//! a planned deload week in strength training does the same for recovery.
//! So both halve the sets (rounding up, never below one) and keep every
//! load and rep target the rules give.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::Suggestion;

/// The deload and race dates from config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// Every Nth week, counted from the week of the first session, is a
    /// deload week.
    pub deload_every: Option<u32>,
    pub race: Option<NaiveDate>,
    /// Weeks before the race week that taper too (0 to 3).
    pub taper_weeks: u32,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            deload_every: None,
            race: None,
            taper_weeks: 1,
        }
    }
}

/// A lighter week, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekNote {
    /// "deload" or "taper".
    pub kind: &'static str,
    /// A sentence for the top of the session.
    pub note: String,
    /// Appended to each lightened suggestion's reason.
    short: String,
}

/// The first day of the week holding `day`.
fn week_of(day: NaiveDate, starts_on: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - starts_on.num_days_from_monday()) % 7;
    day - Duration::days(i64::from(back))
}

impl Schedule {
    /// What kind of week `today` is in, with weeks starting on `starts_on`;
    /// `first` is the day of the first session on record. A race week wins
    /// over a deload week.
    pub fn week(
        &self,
        today: NaiveDate,
        starts_on: Weekday,
        first: Option<NaiveDate>,
    ) -> Option<WeekNote> {
        let this = week_of(today, starts_on);
        const BASIS: &str = "half the sets at the same loads: a taper cuts volume by 40-60% and keeps intensity (Bosquet et al. 2007)";
        if let Some(race) = self.race.filter(|&r| r >= today) {
            let weeks_out = (week_of(race, starts_on) - this).num_days() / 7;
            if weeks_out <= i64::from(self.taper_weeks) {
                let when = match weeks_out {
                    0 => "race week".to_string(),
                    1 => "1 week before the race".to_string(),
                    n => format!("{n} weeks before the race"),
                };
                return Some(WeekNote {
                    kind: "taper",
                    note: format!("Taper, {when} on {race}: {BASIS}."),
                    short: "taper for the race".into(),
                });
            }
        }
        let every = self.deload_every.filter(|&n| n > 1)?;
        let first = week_of(first?, starts_on);
        let index = (this - first).num_days() / 7;
        (index >= 0 && (index + 1) % i64::from(every) == 0).then(|| WeekNote {
            kind: "deload",
            note: format!(
                "Deload week (one in {every}, counted from the week of {first}): half the sets at the same loads, so tendons and muscles catch up."
            ),
            short: "deload week".into(),
        })
    }
}

impl WeekNote {
    /// Halves the sets of `s`, rounding up, and says so.
    pub fn lighten(&self, s: &mut Suggestion) {
        let fewer = s.sets.div_ceil(2);
        if fewer < s.sets {
            s.reason = format!("{}; {}: {fewer} of {} sets", s.reason, self.short, s.sets);
            s.sets = fewer;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_weeks_before_a_race_taper() {
        let s = Schedule {
            race: Some(day(2027, 4, 12)), // a Monday
            taper_weeks: 2,
            ..Schedule::default()
        };
        let kind = |today| s.week(today, Weekday::Mon, None).map(|w| w.kind);
        assert_eq!(kind(day(2027, 3, 28)), None);
        assert_eq!(kind(day(2027, 3, 29)), Some("taper"));
        assert_eq!(kind(day(2027, 4, 12)), Some("taper"));
        assert_eq!(kind(day(2027, 4, 13)), None, "after the race");
        let note = s.week(day(2027, 4, 7), Weekday::Mon, None).unwrap().note;
        assert!(
            note.contains("1 week before the race on 2027-04-12"),
            "{note}"
        );
    }

    #[test]
    fn every_nth_week_from_the_first_session_is_a_deload() {
        let s = Schedule {
            deload_every: Some(4),
            ..Schedule::default()
        };
        let first = Some(day(2026, 3, 4)); // a Wednesday, week of 2 March
        let kind = |today| s.week(today, Weekday::Mon, first).map(|w| w.kind);
        assert_eq!(kind(day(2026, 3, 20)), None);
        assert_eq!(kind(day(2026, 3, 23)), Some("deload"));
        assert_eq!(kind(day(2026, 3, 29)), Some("deload"));
        assert_eq!(kind(day(2026, 3, 30)), None);
        assert_eq!(kind(day(2026, 4, 20)), Some("deload"));
        assert_eq!(s.week(day(2026, 3, 23), Weekday::Mon, None), None);
    }
}

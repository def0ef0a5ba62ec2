//! What was done over some span (a week, a session), and a week with its totals.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::SetRow;
use crate::domain::calendar::WeekRange;
use crate::domain::load::Volume;
use crate::domain::set::{SetType, Work};

/// What was done over some span: a week, a session.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Sessions done: with at least one working set. Warm-ups alone are
    /// not a session done (issue 14: they count toward no target).
    pub sessions: u32,
    /// Working sets: every set but the warm-ups.
    pub sets: u32,
    pub reps: u32,
    /// Reps times load, in kilograms (pounds converted).
    pub volume_kg: f64,
    pub held: Duration,
    pub warmups: u32,
}

impl Totals {
    /// The totals of one session's sets; warm-ups count toward none.
    pub fn of_sets(sets: &[SetRow]) -> Totals {
        let mut t = Totals::default();
        let mut volume = Volume::default();
        for set in sets {
            if set.kind == SetType::Warmup {
                t.warmups += 1;
                continue;
            }
            t.sets += 1;
            match set.work {
                Work::Reps { reps, load } => {
                    t.reps += reps;
                    if let Some(load) = load {
                        volume.add(reps, load);
                    }
                }
                Work::Hold { held, .. } => t.held += held,
                Work::Cardio { .. } => {}
            }
        }
        t.sessions = u32::from(t.sets > 0);
        t.volume_kg = volume.kg();
        t
    }

    /// Whether any set was logged at all, warm-ups included: a span with
    /// nothing done toward the target can still hold sessions to list.
    pub fn logged_any(&self) -> bool {
        self.sets > 0 || self.warmups > 0
    }

    /// The totals of several spans together, e.g. a week from its sessions.
    pub fn sum<'a>(parts: impl Iterator<Item = &'a Totals>) -> Totals {
        parts.fold(Totals::default(), |t, p| Totals {
            sessions: t.sessions + p.sessions,
            sets: t.sets + p.sets,
            reps: t.reps + p.reps,
            volume_kg: t.volume_kg + p.volume_kg,
            held: t.held + p.held,
            warmups: t.warmups + p.warmups,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekSummary {
    pub week: WeekRange,
    pub totals: Totals,
}

/// How a week stands against the target at some moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Met,
    /// A week under way, this many sessions from the target: not missed yet.
    ToGo(u32),
    /// A week over with some sessions, this many short of the target.
    Short(u32),
    /// A week over with none.
    Missed,
}

impl WeekSummary {
    pub fn met(&self, target: u32) -> bool {
        self.totals.sessions >= target
    }

    /// The week against `target` as of `now`: the week under way is never
    /// called missed or short, only so many to go.
    pub fn standing(&self, target: u32, now: DateTime<Utc>) -> Standing {
        let done = self.totals.sessions;
        match done.checked_sub(target) {
            Some(_) => Standing::Met,
            None if now < self.week.end => Standing::ToGo(target - done),
            None if done == 0 => Standing::Missed,
            None => Standing::Short(target - done),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Weekday};

    use super::*;
    use crate::domain::calendar::Calendar;

    fn week(sessions: u32) -> WeekSummary {
        let calendar = Calendar::new(Utc, Weekday::Mon);
        let monday = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        WeekSummary {
            week: calendar.weeks_back(monday, 1)[0],
            totals: Totals {
                sessions,
                ..Totals::default()
            },
        }
    }

    #[test]
    fn a_week_is_missed_or_short_only_once_it_is_over() {
        let during = Utc.with_ymd_and_hms(2026, 11, 29, 23, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
        let standing = |n, now| week(n).standing(2, now);
        assert_eq!(standing(0, during), Standing::ToGo(2));
        assert_eq!(standing(1, during), Standing::ToGo(1));
        assert_eq!(standing(0, after), Standing::Missed);
        assert_eq!(standing(1, after), Standing::Short(1));
        assert_eq!(standing(2, during), Standing::Met);
        assert_eq!(standing(3, after), Standing::Met);
    }
}

//! The streak of weeks that met the weekly target.

use chrono::{Days, NaiveDate};

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

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
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

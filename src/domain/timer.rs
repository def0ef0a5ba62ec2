//! Timer arithmetic on monotonic instants. Nothing here counts ticks: every
//! reading is computed from a start instant or a deadline and "now", so a
//! late or missed redraw never makes a timer drift.

use std::time::{Duration, Instant};

const SECOND: Duration = Duration::from_secs(1);

/// The first instant after `now` on the one-second grid through `origin`:
/// the moment a whole-second display anchored at `origin` next changes.
pub fn next_tick(origin: Instant, now: Instant) -> Instant {
    if now < origin {
        let until = origin - now;
        let whole = until.as_nanos() / SECOND.as_nanos();
        let rem = until - SECOND * whole as u32;
        if rem.is_zero() {
            now + SECOND
        } else {
            now + rem
        }
    } else {
        let since = now - origin;
        origin + SECOND * (since.as_secs() as u32 + 1)
    }
}

/// Seconds left, rounded up, so a countdown shows 1 until it truly ends.
pub fn secs_left(remaining: Duration) -> u64 {
    remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0)
}

/// A countdown to a deadline (rest, get-ready, side switch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    pub deadline: Instant,
    pub total: Duration,
}

impl Countdown {
    pub fn start(now: Instant, total: Duration) -> Self {
        Countdown {
            deadline: now + total,
            total,
        }
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        self.deadline.saturating_duration_since(now)
    }

    pub fn is_done(&self, now: Instant) -> bool {
        now >= self.deadline
    }

    /// Lengthens (positive) or shortens (negative) by whole seconds; never
    /// into the past.
    pub fn adjust(&mut self, now: Instant, secs: i64) {
        let step = Duration::from_secs(secs.unsigned_abs());
        if secs >= 0 {
            self.deadline += step;
            self.total += step;
        } else {
            self.deadline = (self.deadline.checked_sub(step).unwrap_or(now)).max(now);
            self.total = self.total.saturating_sub(step);
        }
    }

    /// How long ago the deadline passed (zero before it).
    pub fn overtime(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.deadline)
    }

    /// The next instant the display changes: each second to the deadline,
    /// then each second past it, where a rest counts its overtime.
    pub fn next_change(&self, now: Instant) -> Instant {
        if self.is_done(now) {
            next_tick(self.deadline, now)
        } else {
            next_tick(self.deadline, now).min(self.deadline)
        }
    }
}

/// A timer that counts up from a start instant (set stopwatch, hold).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopwatch {
    pub started: Instant,
}

impl Stopwatch {
    pub fn elapsed(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.started)
    }

    pub fn next_change(&self, now: Instant) -> Instant {
        next_tick(self.started, now)
    }
}

/// What a hold timer shows: time left to the target, then time past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldReading {
    ToGo(Duration),
    Over(Duration),
}

pub fn hold_reading(watch: Stopwatch, target: Duration, now: Instant) -> HoldReading {
    let held = watch.elapsed(now);
    if held < target {
        HoldReading::ToGo(target - held)
    } else {
        HoldReading::Over(held - target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn next_tick_lands_on_the_grid() {
        let t0 = Instant::now();
        assert_eq!(next_tick(t0, t0), t0 + ms(1000));
        assert_eq!(next_tick(t0, t0 + ms(1500)), t0 + ms(2000));
        assert_eq!(next_tick(t0 + ms(10_000), t0 + ms(7_250)), t0 + ms(8_000));
        assert_eq!(next_tick(t0 + ms(10_000), t0 + ms(7_000)), t0 + ms(8_000));
    }

    #[test]
    fn countdown_shows_whole_seconds_rounded_up_and_ends_on_time() {
        let t0 = Instant::now();
        let c = Countdown::start(t0, Duration::from_secs(60));
        assert_eq!(secs_left(c.remaining(t0)), 60);
        assert_eq!(secs_left(c.remaining(t0 + ms(1))), 60);
        assert_eq!(secs_left(c.remaining(t0 + ms(59_001))), 1);
        assert!(!c.is_done(t0 + ms(59_999)));
        assert!(c.is_done(t0 + ms(60_000)));
        assert_eq!(c.next_change(t0 + ms(59_500)), t0 + ms(60_000));
    }

    #[test]
    fn countdown_adjusts_by_whole_steps_but_not_into_the_past() {
        let t0 = Instant::now();
        let mut c = Countdown::start(t0, Duration::from_secs(60));
        c.adjust(t0, 15);
        assert_eq!(c.remaining(t0), Duration::from_secs(75));
        c.adjust(t0 + ms(70_000), -15);
        assert!(c.is_done(t0 + ms(70_000)));
    }

    #[test]
    fn a_ten_minute_hold_is_exact_however_late_the_reading() {
        let t0 = Instant::now();
        let w = Stopwatch { started: t0 };
        let target = Duration::from_secs(600);
        assert_eq!(
            hold_reading(w, target, t0 + ms(599_999)),
            HoldReading::ToGo(ms(1))
        );
        assert_eq!(
            hold_reading(w, target, t0 + ms(600_000)),
            HoldReading::Over(ms(0))
        );
        assert_eq!(
            hold_reading(w, target, t0 + ms(612_345)),
            HoldReading::Over(ms(12_345))
        );
        assert_eq!(w.elapsed(t0 + ms(612_345)), ms(612_345));
    }
}

//! A lifting tempo such as 3-1-3: seconds lowering, paused at the bottom,
//! lifting, and optionally paused at the top. The tempo timer reads phase
//! and rep count from the start instant, so it never drifts.

use std::fmt;
use std::str::FromStr;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// Longest phase accepted, in seconds.
const MAX_PHASE: u8 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tempo {
    /// Seconds for each phase, in order: lower, pause, lift, top.
    pub phases: [u8; 4],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Lower,
    Pause,
    Lift,
    Top,
}

const PHASES: [Phase; 4] = [Phase::Lower, Phase::Pause, Phase::Lift, Phase::Top];

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Lower => "LOWER",
            Phase::Pause => "PAUSE",
            Phase::Lift => "LIFT",
            Phase::Top => "TOP",
        }
    }
}

/// Where a tempo set stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Reps completed: a rep counts once its lift is done.
    pub reps: u32,
    pub phase: Phase,
    /// Time left in this phase.
    pub left: Duration,
    /// Phases begun since the start; changes exactly when a cue is due.
    pub mark: u64,
}

impl Tempo {
    fn period(self) -> Duration {
        Duration::from_secs(self.phases.iter().map(|&s| u64::from(s)).sum())
    }

    pub fn read(self, started: Instant, now: Instant) -> Reading {
        let elapsed = now.saturating_duration_since(started);
        let period = self.period().as_millis().max(1);
        let millis = elapsed.as_millis();
        let (rep, mut into) = (millis / period, millis % period);
        let mut mark = rep as u64
            * PHASES
                .iter()
                .zip(self.phases)
                .filter(|(_, s)| *s > 0)
                .count() as u64;
        for (phase, secs) in PHASES.into_iter().zip(self.phases) {
            let len = u128::from(secs) * 1000;
            if len == 0 {
                continue;
            }
            if into < len {
                let reps = rep as u32 + u32::from(phase == Phase::Top);
                let left = Duration::from_millis(u64::try_from(len - into).unwrap_or(0));
                return Reading {
                    reps,
                    phase,
                    left,
                    mark,
                };
            }
            into -= len;
            mark += 1;
        }
        Reading {
            reps: rep as u32 + 1,
            phase: Phase::Lower,
            left: Duration::ZERO,
            mark,
        }
    }
}

impl FromStr for Tempo {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad =
            || format!("tempo {text:?}: write lower-pause-lift seconds, such as 3-1-3 or 3-1-3-1");
        let parts: Vec<u8> = text
            .trim()
            .split('-')
            .map(|p| p.trim().parse::<u8>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        let phases = match parts[..] {
            [a, b, c] => [a, b, c, 0],
            [a, b, c, d] => [a, b, c, d],
            _ => return Err(bad()),
        };
        if phases.iter().any(|&s| s > MAX_PHASE) || phases[0] + phases[2] == 0 {
            return Err(format!(
                "tempo {text:?}: phases of 0 to {MAX_PHASE} s, lowering or lifting at least 1 s"
            ));
        }
        Ok(Tempo { phases })
    }
}

impl TryFrom<String> for Tempo {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<Tempo> for String {
    fn from(t: Tempo) -> String {
        t.to_string()
    }
}

impl fmt::Display for Tempo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = self.phases;
        if d == 0 {
            write!(f, "{a}-{b}-{c}")
        } else {
            write!(f, "{a}-{b}-{c}-{d}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn parses_three_or_four_phases() {
        assert_eq!(
            "3-1-3".parse(),
            Ok(Tempo {
                phases: [3, 1, 3, 0]
            })
        );
        assert_eq!(
            "4-0-2-1".parse::<Tempo>().map(|t| t.to_string()),
            Ok("4-0-2-1".into())
        );
        for bad in ["3-1", "3-1-3-1-1", "a-1-3", "0-1-0", "99-1-1", ""] {
            assert!(bad.parse::<Tempo>().is_err(), "{bad}");
        }
    }

    #[test]
    fn phase_boundaries_and_rep_count() {
        let t: Tempo = "3-1-3".parse().unwrap();
        let t0 = Instant::now();
        let at = |n| t.read(t0, t0 + ms(n));
        assert_eq!(
            (at(0).phase, at(0).left, at(0).reps),
            (Phase::Lower, ms(3000), 0)
        );
        assert_eq!(
            (at(2999).phase, at(3000).phase),
            (Phase::Lower, Phase::Pause)
        );
        assert_eq!((at(4000).phase, at(4000).left), (Phase::Lift, ms(3000)));
        assert_eq!(at(6999).reps, 0, "mid-lift is not a rep yet");
        assert_eq!((at(7000).phase, at(7000).reps), (Phase::Lower, 1));
        assert_eq!(at(56_000).reps, 8);
    }

    #[test]
    fn the_mark_changes_once_per_phase_skipping_empty_phases() {
        let t: Tempo = "2-0-2".parse().unwrap();
        let t0 = Instant::now();
        let marks: Vec<u64> = [0, 1999, 2000, 3999, 4000, 6000]
            .iter()
            .map(|&n| t.read(t0, t0 + ms(n)).mark)
            .collect();
        assert_eq!(marks, [0, 0, 1, 1, 2, 3]);
    }

    #[test]
    fn a_pause_at_the_top_comes_after_the_rep_counts() {
        let t: Tempo = "1-0-1-2".parse().unwrap();
        let t0 = Instant::now();
        let r = t.read(t0, t0 + ms(2500));
        assert_eq!((r.phase, r.reps, r.left), (Phase::Top, 1, ms(1500)));
        assert_eq!(t.read(t0, t0 + ms(4000)).reps, 1);
    }
}

//! One set of one exercise, as confirmed by the person.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

use super::load::Load;
use super::time::clock;

/// What kind of set it was, as other apps' exports say: sets logged live
/// are normal. Its text (strum, serde) is the stored one.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    Default,
    IntoStaticStr,
    EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SetType {
    #[default]
    Normal,
    Warmup,
    Drop,
    Failure,
}

impl SetType {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// A letter beside the set number; none for a normal set.
    pub fn letter(self) -> &'static str {
        match self {
            SetType::Normal => "",
            SetType::Warmup => "W",
            SetType::Drop => "D",
            SetType::Failure => "F",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn letter(self) -> &'static str {
        match self {
            Side::Left => "L",
            Side::Right => "R",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// Longer than any hold anyone logs: an hour.
pub const MAX_HOLD_MS: i64 = 3_600_000;

/// What a set did: counted reps with an optional load, a timed hold with an
/// optional load (a weighted isometric: a plate on the hip of a Copenhagen
/// plank), or cardio (a run an import brought in: its time, its distance
/// beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Reps { reps: u32, load: Option<Load> },
    Hold { held: Duration, load: Option<Load> },
    Cardio { time: Duration },
}

impl Work {
    /// A hold without a load: bodyweight.
    pub fn hold(held: Duration) -> Work {
        Work::Hold { held, load: None }
    }

    /// The load the set was done with, whatever its kind.
    pub fn load(&self) -> Option<Load> {
        match *self {
            Work::Reps { load, .. } | Work::Hold { load, .. } => load,
            Work::Cardio { .. } => None,
        }
    }
}

impl fmt::Display for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // "BW" as `load::show` says it, without a string of its own: a
            // history table writes this for every set.
            Work::Reps {
                reps,
                load: Some(l),
            } => write!(f, "{reps} × {l}"),
            Work::Reps { reps, load: None } => write!(f, "{reps} × BW"),
            Work::Hold { held, load: None } => f.write_str(&hold_text(*held)),
            Work::Hold {
                held,
                load: Some(load),
            } => write!(f, "{} @ {load}", hold_text(*held)),
            Work::Cardio { time } => f.write_str(&hold_text(*time)),
        }
    }
}

/// A time held: seconds with tenths under a minute ("45.5 s"), a [`clock`]
/// from a minute on ("1:05", "30:00"), tenths only when there are any.
fn hold_text(held: Duration) -> String {
    if held < Duration::from_secs(60) {
        return format!("{:.1} s", held.as_secs_f64());
    }
    let tenths = (held.as_millis() + 50) / 100;
    let whole = clock(Duration::from_secs(
        u64::try_from(tenths / 10).unwrap_or(u64::MAX),
    ));
    match tenths % 10 {
        0 => whole,
        t => format!("{whole}.{t}"),
    }
}

/// A set ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSet {
    pub session_id: i64,
    pub exercise_id: i64,
    pub set_number: u32,
    pub side: Option<Side>,
    pub work: Work,
    /// How long the set took, when its stopwatch ran.
    pub duration: Option<Duration>,
    pub rpe: Option<Rpe>,
    pub note: Option<String>,
    pub logged_at: DateTime<Utc>,
    /// Warm-up sets are kept apart from the working sets (normal).
    pub set_type: SetType,
}

/// A set as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedSet {
    pub id: i64,
    pub set: NewSet,
}

/// Rate of perceived exertion, 1 to 10 in half steps, kept as halves so it
/// compares exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rpe(u8);

impl Rpe {
    pub fn parse(text: &str) -> Result<Rpe, String> {
        let text = text.trim().replace(',', ".");
        let value: f64 = text
            .parse()
            .map_err(|_| format!("{text:?} is not an RPE (1 to 10, halves allowed)"))?;
        Rpe::from_value(value).ok_or_else(|| format!("RPE {text}? use 1 to 10 in half steps"))
    }

    pub fn from_value(value: f64) -> Option<Rpe> {
        let halves = value * 2.0;
        let exact = halves.fract() == 0.0 && (2.0..=20.0).contains(&halves);
        exact.then_some(Rpe(halves as u8))
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }
}

impl fmt::Display for Rpe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(2) {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rpe_takes_halves_from_one_to_ten() {
        assert_eq!(Rpe::parse("8").map(|r| r.to_string()), Ok("8".into()));
        assert_eq!(Rpe::parse("7,5").map(Rpe::value), Ok(7.5));
        for bad in ["0", "10.5", "7.25", "hard", ""] {
            assert!(Rpe::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_long_hold_reads_in_minutes() {
        let held = |ms| Work::hold(Duration::from_millis(ms)).to_string();
        assert_eq!(held(45_500), "45.5 s");
        assert_eq!(held(60_000), "1:00");
        assert_eq!(held(75_540), "1:15.5");
        assert_eq!(held(1_800_000), "30:00");
    }

    #[test]
    fn a_weighted_hold_reads_with_its_load_in_its_unit() {
        let load = |centi, unit| Some(Load { centi, unit });
        let hold = Work::Hold {
            held: Duration::from_millis(32_000),
            load: load(1000, crate::domain::Unit::Kg),
        };
        assert_eq!(hold.to_string(), "32.0 s @ 10 kg");
        assert_eq!(hold.load(), load(1000, crate::domain::Unit::Kg));
        let lb = Work::Hold {
            held: Duration::from_secs(75),
            load: load(2250, crate::domain::Unit::Lb),
        };
        assert_eq!(lb.to_string(), "1:15 @ 22.5 lb");
        assert_eq!(Work::hold(Duration::from_secs(3)).load(), None);
    }
}

//! One set of one exercise, as confirmed by the person.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::load::{self, Load};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Side::Left => "L",
            Side::Right => "R",
        }
    }

    pub fn parse(text: &str) -> Option<Side> {
        match text {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            _ => None,
        }
    }
}

/// What a set did: counted reps with an optional load, or a timed hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Reps { reps: u32, load: Option<Load> },
    Hold { held: Duration },
}

impl fmt::Display for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Work::Reps { reps, load } => write!(f, "{reps} × {}", load::show(*load)),
            Work::Hold { held } => write!(f, "{:.1} s", held.as_secs_f64()),
        }
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
    pub logged_at: DateTime<Utc>,
}

/// A set as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedSet {
    pub id: i64,
    pub set: NewSet,
}

//! Sessions and sets as the history lists them.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::Totals;
use crate::domain::distance::{Distance, DistanceUnit};
use crate::domain::set::{Rpe, SetType, Side, Work};

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
    /// Shared by the sets of one exercise: read once per list, not per set.
    pub exercise: Arc<str>,
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
        // Most sets have none: no formatting at all.
        if self.distance.is_none() && self.rpe.is_none() && self.note.is_none() {
            return String::new();
        }
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
}

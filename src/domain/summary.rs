//! A finished session in figures, for its finish screen.

use std::time::Duration;

use super::records::NewRecord;

/// Totals of one session, for its finish screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub sets: u32,
    pub reps: u32,
    pub volume_kg: f64,
    pub held_left: Duration,
    pub held_right: Duration,
    pub held_both: Duration,
    pub duration: Duration,
    /// Records reached in the session, as announced while it ran.
    pub records: Vec<NewRecord>,
}

//! Cardio over time (runs and rows an import brought in): the records of
//! an exercise, and the unit its chart reads in.

use std::time::Duration;

use super::distance::{Distance, DistanceUnit};
use super::progress::Record;

/// One cardio set as its records show it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardioSet {
    pub distance: Option<Distance>,
    pub time: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardioRecords {
    /// The unit of the latest set with a distance: the chart reads in it.
    pub unit: Option<DistanceUnit>,
    pub longest: Option<Record<CardioSet>>,
    pub longest_time: Option<Record<CardioSet>>,
    /// Least time per kilometre (per mile for miles), of sets with both.
    pub best_pace: Option<Record<CardioSet>>,
}

/// Metres in one `unit`.
pub fn metres(unit: DistanceUnit) -> f64 {
    match unit {
        DistanceUnit::M => 1.0,
        DistanceUnit::Km => 1000.0,
        DistanceUnit::Mi => 1609.344,
    }
}

/// The distance a chart shows `unit` in (metres for a rower's metres) and
/// the distance its pace is per (a kilometre, or a mile for miles).
pub fn pace_per(unit: DistanceUnit) -> DistanceUnit {
    match unit {
        DistanceUnit::Mi => DistanceUnit::Mi,
        DistanceUnit::M | DistanceUnit::Km => DistanceUnit::Km,
    }
}

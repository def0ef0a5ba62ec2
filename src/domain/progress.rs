//! One exercise over time: progress points, personal records and left
//! against right. Estimated one-rep max uses Epley's formula.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::load::Load;
use super::set::Side;

/// Epley's formula: a one-rep max is `epley(reps)` times the load that
/// `reps` (whole, or counted in half reps to failure) can be done with.
pub fn epley(reps: f64) -> f64 {
    1.0 + reps / 30.0
}

/// Epley's estimated one-rep max; one rep is the load itself. The SQL
/// calls this (`e1rm`, `store::functions`).
pub fn e1rm_kg(load_kg: f64, reps: u32) -> f64 {
    match reps {
        0 => 0.0,
        1 => load_kg,
        n => load_kg * epley(f64::from(n)),
    }
}

/// A value for each side: `both` for exercises done with both limbs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PerSide {
    pub both: Option<f64>,
    pub left: Option<f64>,
    pub right: Option<f64>,
}

impl PerSide {
    pub fn get(&self, side: Option<Side>) -> Option<f64> {
        match side {
            None => self.both,
            Some(Side::Left) => self.left,
            Some(Side::Right) => self.right,
        }
    }
}

/// One point of an exercise's progress chart: the best of one session, or of
/// a span of sessions when the chart covers more sessions than it has columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressPoint {
    /// When the first session of the span started.
    pub at: DateTime<Utc>,
    /// Reps done in one session, per side.
    pub reps: PerSide,
    pub volume_kg: f64,
    pub heaviest_kg: Option<f64>,
    /// Best Epley estimate per side, in kilograms.
    pub e1rm_kg: PerSide,
    /// Longest hold per side, in seconds.
    pub hold_secs: PerSide,
    /// Cardio: metres covered in one session.
    pub distance_m: Option<f64>,
    /// Cardio: the best pace of a set, in seconds per kilometre.
    pub pace_s_per_km: Option<f64>,
}

/// A record and the set or session that made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<T> {
    pub value: T,
    pub at: DateTime<Utc>,
    pub session_id: i64,
}

/// An exercise's personal records on one side (`None`: both limbs together).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SideRecords {
    pub side: Option<Side>,
    /// The heaviest set and its reps.
    pub heaviest: Option<Record<(Load, u32)>>,
    /// Most reps at a load: only sets that no heavier-or-equal set matched in reps.
    pub most_reps: Vec<Record<(Option<Load>, u32)>>,
    /// The longest hold at any load, and its load.
    pub longest_hold: Option<Record<(Duration, Option<Load>)>>,
    /// The heaviest load held, and the longest hold at it.
    pub heaviest_hold: Option<Record<(Load, Duration)>>,
    /// Most reps × load in one session.
    pub best_volume_kg: Option<Record<f64>>,
}

/// Keeps the rep records worth showing: walking from the heaviest load down,
/// a lighter load is a record only with more reps than every heavier one.
/// `best_at_load` holds one entry per load: its most reps and when first done.
pub fn rep_frontier(
    mut best_at_load: Vec<Record<(Option<Load>, u32)>>,
) -> Vec<Record<(Option<Load>, u32)>> {
    let kg = |r: &Record<(Option<Load>, u32)>| r.value.0.map_or(0.0, Load::in_kg);
    best_at_load.sort_by(|a, b| kg(b).total_cmp(&kg(a)).then(a.at.cmp(&b.at)));
    let mut most = 0;
    best_at_load.retain(|r| {
        let keep = r.value.1 > most;
        most = most.max(r.value.1);
        keep
    });
    best_at_load
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Unit;
    use chrono::TimeZone;

    #[test]
    fn epley() {
        assert_eq!(e1rm_kg(100.0, 1), 100.0);
        assert!((e1rm_kg(100.0, 10) - 133.333).abs() < 0.001);
        assert_eq!(e1rm_kg(50.0, 0), 0.0);
    }

    #[test]
    fn frontier_keeps_only_unbeaten_rep_records() {
        let at = |d| Utc.with_ymd_and_hms(2026, 1, d, 0, 0, 0).unwrap();
        let rec = |kg: i64, reps, d| Record {
            value: (
                Some(Load {
                    centi: kg * 100,
                    unit: Unit::Kg,
                }),
                reps,
            ),
            at: at(d),
            session_id: i64::from(d),
        };
        let lb = Record {
            value: (
                Some(Load {
                    centi: 4500,
                    unit: Unit::Lb,
                }),
                12,
            ),
            at: at(5),
            session_id: 5,
        };
        let bw = Record {
            value: (None, 30),
            at: at(6),
            session_id: 6,
        };
        let kept = rep_frontier(vec![
            rec(10, 15, 1),
            rec(30, 5, 2),
            rec(20, 4, 3),
            lb,
            bw.clone(),
            rec(25, 8, 4),
        ]);
        let values: Vec<_> = kept
            .iter()
            .map(|r| (r.value.0.map(|l| l.to_string()), r.value.1))
            .collect();
        assert_eq!(
            values,
            [
                (Some("30 kg".into()), 5),
                (Some("25 kg".into()), 8),
                (Some("45 lb".into()), 12),
                (Some("10 kg".into()), 15),
                (None, 30)
            ]
        );
        assert_eq!(kept.last(), Some(&bw));
    }
}

//! One exercise over time: progress points, personal records and left
//! against right. Estimated one-rep max uses Epley's formula.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::load::Load;
use super::set::Side;

/// Epley's estimated one-rep max: load × (1 + reps / 30); one rep is the load
/// itself. The SQL in `store::history` computes the same expression.
pub fn e1rm_kg(load_kg: f64, reps: u32) -> f64 {
    match reps {
        0 => 0.0,
        1 => load_kg,
        n => load_kg * (1.0 + f64::from(n) / 30.0),
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
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressPoint {
    /// When the first session of the span started.
    pub at: DateTime<Utc>,
    /// Most reps done in one session.
    pub reps: u32,
    pub volume_kg: f64,
    pub heaviest_kg: Option<f64>,
    /// Best Epley estimate per side, in kilograms.
    pub e1rm_kg: PerSide,
    /// Longest hold per side, in seconds.
    pub hold_secs: PerSide,
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
    pub longest_hold: Option<Record<Duration>>,
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

/// How much weaker one side is than the other, in percent of the stronger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Imbalance {
    pub weaker: Side,
    pub percent: f64,
}

pub fn imbalance(left: f64, right: f64) -> Option<Imbalance> {
    let strong = left.max(right);
    if strong <= 0.0 {
        return None;
    }
    let weaker = if left < right {
        Side::Left
    } else {
        Side::Right
    };
    Some(Imbalance {
        weaker,
        percent: (left - right).abs() / strong * 100.0,
    })
}

/// Points averaged for the current imbalance: one session's wobble is noise.
const RECENT: usize = 4;

/// The current imbalance by `metric`: the means of the latest few points
/// where both sides were done.
pub fn latest_imbalance(
    points: &[ProgressPoint],
    metric: impl Fn(&ProgressPoint) -> PerSide,
) -> Option<Imbalance> {
    let recent: Vec<(f64, f64)> = points
        .iter()
        .rev()
        .filter_map(|p| {
            let v = metric(p);
            Some((v.left?, v.right?))
        })
        .take(RECENT)
        .collect();
    let n = recent.len() as f64;
    let (left, right) = recent
        .iter()
        .fold((0.0, 0.0), |(l, r), (a, b)| (l + a, r + b));
    if recent.is_empty() {
        None
    } else {
        imbalance(left / n, right / n)
    }
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

    #[test]
    fn imbalance_names_the_weaker_side() {
        assert_eq!(
            imbalance(90.0, 100.0),
            Some(Imbalance {
                weaker: Side::Left,
                percent: 10.0
            })
        );
        assert_eq!(imbalance(0.0, 0.0), None);
        let p = |l, r| ProgressPoint {
            at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            reps: 0,
            volume_kg: 0.0,
            heaviest_kg: None,
            e1rm_kg: PerSide::default(),
            hold_secs: PerSide {
                both: None,
                left: l,
                right: r,
            },
        };
        let points = [
            p(Some(10.0), Some(90.0)),
            p(Some(30.0), Some(40.0)),
            p(Some(40.0), Some(40.0)),
            p(Some(50.0), None),
        ];
        let latest = latest_imbalance(&points, |p| p.hold_secs).unwrap();
        assert_eq!(latest.weaker, Side::Left);
        assert!(
            (latest.percent - (170.0 - 80.0) / 170.0 * 100.0).abs() < 1e-9,
            "{latest:?}"
        );
        assert_eq!(latest_imbalance(&points[3..], |p| p.hold_secs), None);
    }
}

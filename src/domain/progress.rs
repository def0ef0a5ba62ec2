//! One exercise over time: the points of its progress chart (per side),
//! its personal records and the rules that make them (`Records`), and
//! Epley's estimated one-rep max. Left against right is `balance`'s.

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

/// The best a side did at one load (`None`: bodyweight), as the summaries
/// keep it: its most reps and its longest hold, each with when.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadBest {
    pub side: Option<Side>,
    pub load: Option<Load>,
    pub reps: Option<Record<u32>>,
    pub hold: Option<Record<Duration>>,
}

/// The personal records of one exercise, made from its `LoadBest`s and
/// its sessions' volumes, taken in any order: the rules of what beats
/// what, in one place.
#[derive(Debug, Default)]
pub struct Records {
    sides: Vec<SideRecords>,
}

impl Records {
    fn side(&mut self, side: Option<Side>) -> &mut SideRecords {
        match self.sides.iter().position(|s| s.side == side) {
            Some(i) => &mut self.sides[i],
            None => {
                self.sides.push(SideRecords {
                    side,
                    ..SideRecords::default()
                });
                let last = self.sides.len() - 1;
                &mut self.sides[last]
            }
        }
    }

    /// Heaviest (then more reps), most reps at a load, the longest hold at
    /// any load, the heaviest load held (then longer).
    pub fn take(&mut self, best: LoadBest) {
        let entry = self.side(best.side);
        let load = best.load;
        if let Some(reps) = best.reps.filter(|r| r.value > 0) {
            if let Some(load) = load {
                let beats = |h: &Record<(Load, u32)>| {
                    (load.in_kg(), reps.value) > (h.value.0.in_kg(), h.value.1)
                };
                if entry.heaviest.as_ref().is_none_or(beats) {
                    entry.heaviest = Some(Record {
                        value: (load, reps.value),
                        at: reps.at,
                        session_id: reps.session_id,
                    });
                }
            }
            entry.most_reps.push(Record {
                value: (load, reps.value),
                at: reps.at,
                session_id: reps.session_id,
            });
        }
        if let Some(hold) = best.hold {
            let held = hold.value;
            if entry.longest_hold.as_ref().is_none_or(|h| held > h.value.0) {
                entry.longest_hold = Some(Record {
                    value: (held, load),
                    at: hold.at,
                    session_id: hold.session_id,
                });
            }
            if let Some(load) = load {
                let heavier = |h: &Record<(Load, Duration)>| {
                    (load.in_kg(), held) > (h.value.0.in_kg(), h.value.1)
                };
                if entry.heaviest_hold.as_ref().is_none_or(heavier) {
                    entry.heaviest_hold = Some(Record {
                        value: (load, held),
                        at: hold.at,
                        session_id: hold.session_id,
                    });
                }
            }
        }
    }

    /// One session's volume on `side`, `kg`: a new best when more than any
    /// before it, and only then is `at` asked for (the first session of
    /// equal volume keeps the record).
    pub fn volume<E>(
        &mut self,
        side: Option<Side>,
        kg: f64,
        session_id: i64,
        at: impl FnOnce() -> Result<DateTime<Utc>, E>,
    ) -> Result<(), E> {
        let entry = self.side(side);
        if kg > 0.0 && entry.best_volume_kg.as_ref().is_none_or(|b| kg > b.value) {
            entry.best_volume_kg = Some(Record {
                value: kg,
                at: at()?,
                session_id,
            });
        }
        Ok(())
    }

    /// One entry per side it was done on: both limbs first, then left,
    /// then right; rep records cut to those no heavier set matched.
    pub fn finish(mut self) -> Vec<SideRecords> {
        for s in &mut self.sides {
            s.most_reps = rep_frontier(std::mem::take(&mut s.most_reps));
        }
        self.sides
            .sort_by_key(|s| s.side.map_or(0, |s| 1 + s as u8));
        self.sides
    }
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

    /// The rules of the records page, with no database: heavier wins, then
    /// more reps; the longest hold at any load; the heaviest load held; the
    /// first session of the best volume; sides both, left, right.
    #[test]
    fn records_are_made_by_one_set_of_rules() {
        let at = |d| Utc.with_ymd_and_hms(2026, 1, d, 0, 0, 0).unwrap();
        let kg = |kg: i64| {
            Some(Load {
                centi: kg * 100,
                unit: Unit::Kg,
            })
        };
        fn rec<T>(value: T, d: u32) -> Record<T> {
            Record {
                value,
                at: Utc.with_ymd_and_hms(2026, 1, d, 0, 0, 0).unwrap(),
                session_id: i64::from(d),
            }
        }
        let best = |side, load, reps: Option<(u32, u32)>, hold: Option<(u64, u32)>| LoadBest {
            side,
            load,
            reps: reps.map(|(n, d)| rec(n, d)),
            hold: hold.map(|(s, d)| rec(Duration::from_secs(s), d)),
        };
        let mut records = Records::default();
        records.take(best(Some(Side::Right), kg(20), Some((10, 2)), None));
        records.take(best(Some(Side::Right), kg(22), Some((6, 1)), None));
        records.take(best(Some(Side::Right), kg(16), Some((11, 12)), None));
        records.take(best(Some(Side::Right), kg(18), Some((12, 3)), None));
        records.take(best(Some(Side::Left), kg(10), None, Some((40, 4))));
        records.take(best(Some(Side::Left), kg(5), None, Some((60, 5))));
        records.take(best(Some(Side::Left), None, Some((0, 6)), None));
        records.take(best(None, None, Some((30, 7)), None));
        for (kg, d) in [(100.0, 8), (150.0, 9), (150.0, 10), (0.0, 11)] {
            records
                .volume(None, kg, i64::from(d), || Ok::<_, ()>(at(d)))
                .unwrap();
        }
        let sides = records.finish();
        let order: Vec<_> = sides.iter().map(|s| s.side).collect();
        assert_eq!(order, [None, Some(Side::Left), Some(Side::Right)]);
        let right = &sides[2];
        assert_eq!(
            right.heaviest.as_ref().map(|h| (h.value.1, h.session_id)),
            Some((6, 1))
        );
        let most: Vec<_> = right.most_reps.iter().map(|r| r.value.1).collect();
        assert_eq!(most, [6, 10, 12], "11 at 16 kg is beaten by 12 at 18 kg");
        let left = &sides[1];
        assert_eq!(left.longest_hold.as_ref().map(|h| h.session_id), Some(5));
        assert_eq!(left.heaviest_hold.as_ref().map(|h| h.session_id), Some(4));
        assert!(left.most_reps.is_empty(), "no reps is no record");
        let both = &sides[0];
        assert_eq!(both.best_volume_kg.as_ref().map(|v| v.session_id), Some(9));
    }
}

//! Left against right in words a person acts on: how many reps fewer at
//! the same load (or how much shorter a hold), with the estimated one-rep
//! max beside it, from the latest session that did both sides.

use std::fmt;
use std::time::Duration;

use super::load::Load;
use super::progress::e1rm_kg;
use super::set::{Side, Work};
use super::time;

/// What one session's left and right sets say about the weaker side.
#[derive(Debug, Clone, PartialEq)]
pub enum Balance {
    /// Best reps per side at the heaviest load both sides did (`None`:
    /// bodyweight), and the weaker side's estimate against the stronger's
    /// in percent when the sets carried a load.
    Reps {
        weaker: Side,
        fewer: u32,
        load: Option<Load>,
        e1rm_percent: Option<f64>,
    },
    /// No load done on both sides: only the estimates compare, of the
    /// best set (reps, load) of each side, left first.
    Estimate {
        weaker: Side,
        percent: f64,
        sets: [(u32, Load); 2],
    },
    /// Longest hold per side at the heaviest load both sides held (the
    /// load: `None` for bodyweight, or when no load was held on both).
    Hold {
        weaker: Side,
        shorter: Duration,
        load: Option<Load>,
    },
    /// Both sides did the same.
    Even,
}

fn best_by_side<T: Copy + PartialOrd>(
    sets: &[(Side, Work)],
    value: impl Fn(&Work) -> Option<T>,
) -> Option<(T, T)> {
    let best = |side: Side| {
        sets.iter()
            .filter(|(s, _)| *s == side)
            .filter_map(|(_, w)| value(w))
            .fold(None, |best: Option<T>, v| match best {
                Some(b) if b >= v => Some(b),
                _ => Some(v),
            })
    };
    Some((best(Side::Left)?, best(Side::Right)?))
}

/// The weaker side of `left` against `right`, and by how much; none when even.
fn weaker<T: PartialOrd + std::ops::Sub<Output = T>>(left: T, right: T) -> Option<(Side, T)> {
    if left < right {
        Some((Side::Left, right - left))
    } else if right < left {
        Some((Side::Right, left - right))
    } else {
        None
    }
}

fn reps_at(load: Option<Load>) -> impl Fn(&Work) -> Option<u32> {
    move |w| match *w {
        Work::Reps { reps, load: l } if l == load => Some(reps),
        _ => None,
    }
}

/// Heaviest first, bodyweight the lightest.
fn heaviest_first(loads: &mut [Option<Load>]) {
    loads.sort_by(|a, b| {
        let kg = |l: &Option<Load>| l.map_or(0.0, Load::in_kg);
        kg(b).total_cmp(&kg(a))
    });
}

/// Holds compare at the heaviest load both sides held, as reps do: a
/// plank held longer with less weight is not the stronger side. Without a
/// load held on both, the longest of each side.
fn hold_balance(sets: &[(Side, Work)]) -> Option<Balance> {
    let mut loads: Vec<Option<Load>> = sets
        .iter()
        .filter_map(|(_, w)| match *w {
            Work::Hold { load, .. } => Some(load),
            _ => None,
        })
        .collect();
    heaviest_first(&mut loads);
    let held_at = |load: Option<Load>| {
        move |w: &Work| match *w {
            Work::Hold { held, load: l } if l == load => Some(held),
            _ => None,
        }
    };
    let (load, (l, r)) = loads
        .into_iter()
        .find_map(|load| best_by_side(sets, held_at(load)).map(|held| (load, held)))
        .or_else(|| {
            let any = |w: &Work| match *w {
                Work::Hold { held, .. } => Some(held),
                _ => None,
            };
            best_by_side(sets, any).map(|held| (None, held))
        })?;
    Some(
        weaker(l, r).map_or(Balance::Even, |(weaker, shorter)| Balance::Hold {
            weaker,
            shorter,
            load,
        }),
    )
}

/// The balance shown by one session's sets of one exercise; none unless
/// both sides were done.
pub fn balance(sets: &[(Side, Work)]) -> Option<Balance> {
    if let Some(holds) = hold_balance(sets) {
        return Some(holds);
    }
    // The best set of each side by its estimate.
    let best_set = |side: Side| {
        sets.iter()
            .filter(|(s, _)| *s == side)
            .filter_map(|(_, w)| match *w {
                Work::Reps {
                    reps,
                    load: Some(l),
                } => Some((e1rm_kg(l.in_kg(), reps), reps, l)),
                _ => None,
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
    };
    let e1rm = best_set(Side::Left).zip(best_set(Side::Right));
    let percent = |l: f64, r: f64| {
        let strong = l.max(r);
        (strong > 0.0).then(|| (l - r).abs() / strong * 100.0)
    };
    // The heaviest load both sides did, bodyweight the lightest.
    let mut loads: Vec<Option<Load>> = sets
        .iter()
        .filter_map(|(_, w)| match *w {
            Work::Reps { load, .. } => Some(load),
            _ => None,
        })
        .collect();
    heaviest_first(&mut loads);
    let common = loads
        .into_iter()
        .find_map(|load| best_by_side(sets, reps_at(load)).map(|reps| (load, reps)));
    match (common, e1rm) {
        (Some((load, (l, r))), _) => Some(weaker(l, r).map_or(Balance::Even, |(weaker, fewer)| {
            // The estimate of the same sets, so that both figures agree.
            let e1rm = |reps| load.map(|load| e1rm_kg(load.in_kg(), reps));
            Balance::Reps {
                weaker,
                fewer,
                load,
                e1rm_percent: e1rm(l).zip(e1rm(r)).and_then(|(l, r)| percent(l, r)),
            }
        })),
        (None, Some((l, r))) => {
            Some(
                weaker(l.0, r.0).map_or(Balance::Even, |(weaker, _)| Balance::Estimate {
                    weaker,
                    percent: percent(l.0, r.0).unwrap_or(0.0),
                    sets: [(l.1, l.2), (r.1, r.2)],
                }),
            )
        }
        (None, None) => None,
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
    }
}

impl fmt::Display for Balance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Balance::Reps {
                weaker,
                fewer,
                load,
                e1rm_percent,
            } => {
                let reps = if *fewer == 1 { "rep" } else { "reps" };
                write!(f, "{} {fewer} {reps} fewer", side_name(*weaker))?;
                match load {
                    Some(l) => write!(f, " at {l}")?,
                    None => f.write_str(" (bodyweight)")?,
                }
                match e1rm_percent {
                    Some(p) => write!(f, " (e1RM −{p:.0}%)"),
                    None => Ok(()),
                }
            }
            Balance::Estimate {
                weaker,
                percent,
                sets: [(lr, ll), (rr, rl)],
            } => write!(
                f,
                "{} e1RM −{percent:.0}% (L {lr}×{ll}, R {rr}×{rl})",
                side_name(*weaker)
            ),
            Balance::Hold {
                weaker,
                shorter,
                load,
            } => {
                let side = side_name(*weaker);
                write!(f, "{side} holds {} shorter", time::clock(*shorter))?;
                match load {
                    Some(l) => write!(f, " at {l}"),
                    None => Ok(()),
                }
            }
            Balance::Even => f.write_str("Left and right even"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Unit;

    fn reps(reps: u32, kg: i64) -> Work {
        Work::Reps {
            reps,
            load: (kg > 0).then_some(Load {
                centi: kg * 100,
                unit: Unit::Kg,
            }),
        }
    }

    #[test]
    fn reps_fewer_at_the_same_load_with_the_estimate_beside() {
        let sets = [
            (Side::Left, reps(10, 20)),
            (Side::Right, reps(8, 20)),
            (Side::Left, reps(9, 20)),
        ];
        let b = balance(&sets).unwrap();
        assert_eq!(b.to_string(), "Right 2 reps fewer at 20 kg (e1RM −5%)");
    }

    #[test]
    fn the_heaviest_load_both_sides_did_is_compared() {
        let sets = [
            (Side::Left, reps(12, 16)),
            (Side::Left, reps(6, 24)),
            (Side::Right, reps(12, 16)),
            (Side::Right, reps(11, 20)),
            (Side::Left, reps(10, 20)),
        ];
        assert_eq!(
            balance(&sets).unwrap().to_string(),
            "Left 1 rep fewer at 20 kg (e1RM −2%)"
        );
    }

    #[test]
    fn bodyweight_and_holds_and_even() {
        let bw = [(Side::Left, reps(10, 0)), (Side::Right, reps(12, 0))];
        assert_eq!(
            balance(&bw).unwrap().to_string(),
            "Left 2 reps fewer (bodyweight)"
        );
        let hold = |s| Work::hold(Duration::from_secs(s));
        let holds = [(Side::Left, hold(40)), (Side::Right, hold(44))];
        assert_eq!(
            balance(&holds).unwrap().to_string(),
            "Left holds 0:04 shorter"
        );
        let even = [(Side::Left, reps(10, 20)), (Side::Right, reps(10, 20))];
        assert_eq!(balance(&even), Some(Balance::Even));
        assert_eq!(balance(&[(Side::Left, reps(10, 20))]), None);
    }

    #[test]
    fn weighted_holds_compare_at_the_heaviest_load_both_sides_held() {
        let plate = |s, kg: i64| Work::Hold {
            held: Duration::from_secs(s),
            load: Some(Load {
                centi: kg * 100,
                unit: Unit::Kg,
            }),
        };
        let sets = [
            (Side::Left, plate(30, 10)),
            (Side::Left, Work::hold(Duration::from_secs(60))),
            (Side::Right, plate(34, 10)),
            (Side::Right, Work::hold(Duration::from_secs(50))),
        ];
        assert_eq!(
            balance(&sets).unwrap().to_string(),
            "Left holds 0:04 shorter at 10 kg",
            "not the bodyweight holds, where the left side held longer"
        );
        let apart = [(Side::Left, plate(30, 10)), (Side::Right, plate(40, 5))];
        assert_eq!(
            balance(&apart).unwrap().to_string(),
            "Left holds 0:10 shorter",
            "no load held on both: the longest of each"
        );
    }

    #[test]
    fn different_loads_compare_estimates_only() {
        let sets = [(Side::Left, reps(10, 18)), (Side::Right, reps(10, 20))];
        assert_eq!(
            balance(&sets).unwrap().to_string(),
            "Left e1RM −10% (L 10×18 kg, R 10×20 kg)"
        );
    }
}

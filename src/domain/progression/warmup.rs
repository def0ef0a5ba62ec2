//! Warm-up sets: a ramp in percent of the first working load, each load
//! rounded to one that can be made. A warm-up that rounds to the working
//! load, or to the one before it, is left out. They are logged as warm-up
//! sets and never count toward progression.
//!
//! Example: `warmup = [[40, 8], [60, 5], [80, 3]]` (percent, reps).

use super::common::Rounding;
use crate::domain::load::Load;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WarmupSet {
    pub load: Load,
    pub reps: u32,
}

/// The warm-up sets before `first` working load, from `(percent, reps)` steps.
pub fn ramp(first: Load, steps: &[[u32; 2]], round: Rounding) -> Vec<WarmupSet> {
    let mut sets: Vec<WarmupSet> = vec![];
    for &[pct, reps] in steps {
        let load = round.near(Load {
            centi: first.centi * i64::from(pct) / 100,
            unit: first.unit,
        });
        let repeat = sets.last().is_some_and(|s| s.load == load);
        if load.centi < first.centi && !repeat {
            sets.push(WarmupSet { load, reps });
        }
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::Unit;
    use crate::domain::plates::PlateSets;

    fn kg(centi: i64) -> Load {
        Load {
            centi,
            unit: Unit::Kg,
        }
    }

    const RAMP: [[u32; 2]; 3] = [[40, 8], [60, 5], [80, 3]];

    #[test]
    fn a_ramp_rounds_to_the_plates() {
        let plates = PlateSets::default();
        let sets = ramp(kg(10000), &RAMP, Rounding::Bar(&plates.kg));
        let loads: Vec<(i64, u32)> = sets.iter().map(|s| (s.load.centi, s.reps)).collect();
        assert_eq!(loads, [(4000, 8), (6000, 5), (8000, 3)]);
        // 40% of 62.5 is 25: the plates make 25 with 2.5 a side.
        let sets = ramp(kg(6250), &RAMP, Rounding::Bar(&plates.kg));
        let loads: Vec<i64> = sets.iter().map(|s| s.load.centi).collect();
        assert_eq!(loads, [2500, 3750, 5000]);
    }

    #[test]
    fn a_light_load_warms_up_on_the_empty_bar_once() {
        let plates = PlateSets::default();
        let sets = ramp(kg(2500), &RAMP, Rounding::Bar(&plates.kg));
        let loads: Vec<i64> = sets.iter().map(|s| s.load.centi).collect();
        assert_eq!(loads, [2000]);
    }

    #[test]
    fn without_a_bar_loads_are_multiples_of_the_step() {
        let sets = ramp(kg(1200), &RAMP, Rounding::Multiple(250));
        let loads: Vec<i64> = sets.iter().map(|s| s.load.centi).collect();
        assert_eq!(loads, [500, 750, 1000]);
    }
}

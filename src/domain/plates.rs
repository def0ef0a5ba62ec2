//! The plate calculator: which plates go on each side of the bar for a
//! load, and which loads the bar and the plates a person owns can make.
//! Any number of each listed plate size is assumed (a gym's rack); loads
//! stay exact hundredths of their unit throughout.

use std::fmt;

use super::load::{Load, Unit, centi_text};

/// A bar and the plate sizes for it, all in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plates {
    pub unit: Unit,
    /// The empty bar, in hundredths.
    pub bar: i64,
    /// Plate sizes in hundredths, heaviest first, each positive.
    pub sizes: Vec<i64>,
}

/// The bars and plates in kilograms and in pounds; a load is loaded with the
/// set of its own unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlateSets {
    pub kg: Plates,
    pub lb: Plates,
}

impl Default for PlateSets {
    /// The usual Olympic kit: a 20 kg bar with 25 to 1.25 kg plates, a 45 lb
    /// bar with 45 to 2.5 lb plates.
    fn default() -> Self {
        PlateSets {
            kg: Plates::new(Unit::Kg, 2000, &[2500, 2000, 1500, 1000, 500, 250, 125]),
            lb: Plates::new(Unit::Lb, 4500, &[4500, 3500, 2500, 1000, 500, 250]),
        }
    }
}

impl PlateSets {
    pub fn of(&self, unit: Unit) -> &Plates {
        match unit {
            Unit::Kg => &self.kg,
            Unit::Lb => &self.lb,
        }
    }
}

/// How to load the bar for one load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlateLine {
    /// The bar and, for each side, these plates, heaviest first.
    Made { bar: Load, per_side: Vec<Load> },
    /// The load cannot be made; the nearest loads below and above that can.
    Unmakeable {
        wanted: Load,
        below: Option<Load>,
        above: Option<Load>,
    },
}

/// "20 kg bar + 20, 1.25 a side", or the nearest loads that can be made.
impl fmt::Display for PlateLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlateLine::Made { bar, per_side } if per_side.is_empty() => {
                write!(f, "{bar} bar, empty")
            }
            PlateLine::Made { bar, per_side } => {
                let sizes: Vec<String> = per_side.iter().map(|p| centi_text(p.centi)).collect();
                write!(f, "{bar} bar + {} a side", sizes.join(", "))
            }
            PlateLine::Unmakeable {
                wanted,
                below,
                above,
            } => {
                let near: Vec<String> = [below, above]
                    .into_iter()
                    .flatten()
                    .map(ToString::to_string)
                    .collect();
                write!(f, "{wanted} cannot be made: {}", near.join(" or "))
            }
        }
    }
}

impl Plates {
    pub fn new(unit: Unit, bar: i64, sizes: &[i64]) -> Plates {
        let mut sizes: Vec<i64> = sizes.iter().copied().filter(|&s| s > 0).collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        sizes.dedup();
        Plates { unit, bar, sizes }
    }

    fn load(&self, centi: i64) -> Load {
        Load {
            centi,
            unit: self.unit,
        }
    }

    /// The fewest plates per side that weigh `per_side` hundredths, heaviest
    /// first; `None` when no mix of the sizes does. Counted in steps of the
    /// sizes' greatest common divisor, so a 500 kg side is a few hundred steps.
    fn per_side(&self, per_side: i64) -> Option<Vec<i64>> {
        if per_side == 0 {
            return Some(vec![]);
        }
        let unit = self.sizes.iter().copied().reduce(gcd)?;
        if per_side < 0 || per_side % unit != 0 {
            return None;
        }
        let n = usize::try_from(per_side / unit).ok()?;
        // fewest[i]: the fewest plates weighing i units, and the last plate.
        let mut fewest: Vec<Option<(u32, i64)>> = vec![None; n + 1];
        fewest[0] = Some((0, 0));
        for i in 1..=n {
            for &size in &self.sizes {
                let Ok(steps) = usize::try_from(size / unit) else {
                    continue;
                };
                let Some(&Some((count, _))) = i.checked_sub(steps).and_then(|j| fewest.get(j))
                else {
                    continue;
                };
                if fewest[i].is_none_or(|(c, _)| count + 1 < c) {
                    fewest[i] = Some((count + 1, size));
                }
            }
        }
        let mut plates = vec![];
        let mut i = n;
        while i > 0 {
            let (_, size) = fewest[i]?;
            plates.push(size);
            i -= usize::try_from(size / unit).ok()?;
        }
        plates.sort_unstable_by(|a, b| b.cmp(a));
        Some(plates)
    }

    /// Whether the bar and a pair of plate piles make exactly `centi`.
    fn makes(&self, centi: i64) -> bool {
        let plates = centi - self.bar;
        plates >= 0 && plates % 2 == 0 && self.per_side(plates / 2).is_some()
    }

    /// The plates for `load` (in this set's unit), or the nearest two loads
    /// that can be made.
    pub fn line(&self, load: Load) -> PlateLine {
        let load = self.in_unit(load);
        let plates = load.centi - self.bar;
        let made = (plates % 2 == 0)
            .then(|| self.per_side(plates / 2))
            .flatten();
        match made {
            Some(plates) => PlateLine::Made {
                bar: self.load(self.bar),
                per_side: plates.into_iter().map(|c| self.load(c)).collect(),
            },
            None => {
                let (below, above) = self.nearest(load.centi);
                PlateLine::Unmakeable {
                    wanted: load,
                    below: below.map(|c| self.load(c)),
                    above: above.map(|c| self.load(c)),
                }
            }
        }
    }

    /// The heaviest makeable load at or below `centi` and the lightest at or
    /// above it.
    fn nearest(&self, centi: i64) -> (Option<i64>, Option<i64>) {
        // Makeable loads differ by twice a multiple of the sizes' divisor.
        let step = 2 * self.sizes.iter().copied().reduce(gcd).unwrap_or(1);
        let largest = self.sizes.first().copied().unwrap_or(0);
        let grid = |c: i64| self.bar + (c - self.bar).div_euclid(step) * step;
        let below = (0..)
            .map(|k| grid(centi) - k * step)
            .take_while(|&c| c >= self.bar)
            .find(|&c| self.makes(c));
        let above = (0..)
            .map(|k| grid(centi) + k * step)
            .skip_while(|&c| c < centi)
            .take_while(|&c| c <= centi.max(self.bar) + 2 * largest + step)
            .find(|&c| self.makes(c));
        (below, above)
    }

    /// `load` in this set's unit, exact when it already is, else converted
    /// through kilograms to hundredths.
    fn in_unit(&self, load: Load) -> Load {
        if load.unit == self.unit {
            return load;
        }
        self.load((load.value_in(self.unit) * 100.0).round() as i64)
    }

    /// The makeable load nearest to `load`, the lighter one on a tie.
    pub fn nearest_load(&self, load: Load) -> Load {
        let load = self.in_unit(load);
        match self.nearest(load.centi) {
            (Some(b), Some(a)) if a - load.centi < load.centi - b => self.load(a),
            (Some(b), _) => self.load(b),
            (None, _) => self.load(self.bar),
        }
    }

    /// The lightest makeable load heavier than `load`.
    pub fn next_above(&self, load: Load) -> Load {
        let load = self.in_unit(load);
        let (_, above) = self.nearest(load.centi + 1);
        self.load(above.unwrap_or(load.centi))
    }

    /// The heaviest makeable load lighter than `load`, or the empty bar.
    pub fn next_below(&self, load: Load) -> Load {
        let load = self.in_unit(load);
        let (below, _) = self.nearest(load.centi - 1);
        self.load(below.unwrap_or(self.bar))
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(centi: i64) -> Load {
        Load {
            centi,
            unit: Unit::Kg,
        }
    }

    fn lb(centi: i64) -> Load {
        Load {
            centi,
            unit: Unit::Lb,
        }
    }

    #[test]
    fn a_makeable_load_lists_the_fewest_plates_per_side() {
        let plates = PlateSets::default();
        assert_eq!(
            plates.kg.line(kg(6250)),
            PlateLine::Made {
                bar: kg(2000),
                per_side: vec![kg(2000), kg(125)]
            }
        );
        assert_eq!(
            plates.kg.line(kg(2000)),
            PlateLine::Made {
                bar: kg(2000),
                per_side: vec![]
            }
        );
        // 20 per side is one 20, not a 15 and a 5.
        let odd = Plates::new(Unit::Kg, 2000, &[1500, 1000]);
        assert_eq!(
            odd.line(kg(6000)),
            PlateLine::Made {
                bar: kg(2000),
                per_side: vec![kg(1000), kg(1000)]
            }
        );
    }

    #[test]
    fn an_unmakeable_load_names_the_nearest_two() {
        let plates = PlateSets::default();
        assert_eq!(
            plates.kg.line(kg(6100)),
            PlateLine::Unmakeable {
                wanted: kg(6100),
                below: Some(kg(6000)),
                above: Some(kg(6250)),
            }
        );
        assert_eq!(
            plates.kg.line(kg(1500)),
            PlateLine::Unmakeable {
                wanted: kg(1500),
                below: None,
                above: Some(kg(2000)),
            }
        );
        assert_eq!(plates.kg.nearest_load(kg(6100)), kg(6000));
        assert_eq!(plates.kg.nearest_load(kg(6200)), kg(6250));
        assert_eq!(plates.kg.next_above(kg(6000)), kg(6250));
        assert_eq!(plates.kg.next_below(kg(6000)), kg(5750));
    }

    #[test]
    fn pound_plates_load_a_pound_bar() {
        let plates = PlateSets::default();
        assert_eq!(
            plates.lb.line(lb(13500)),
            PlateLine::Made {
                bar: lb(4500),
                per_side: vec![lb(4500)]
            }
        );
        assert_eq!(
            plates.lb.line(lb(10100)),
            PlateLine::Unmakeable {
                wanted: lb(10100),
                below: Some(lb(10000)),
                above: Some(lb(10500)),
            }
        );
        // A kilogram load asked of pound plates is converted first: 132.3 lb.
        assert_eq!(plates.lb.nearest_load(kg(6000)), lb(13000));
    }
}

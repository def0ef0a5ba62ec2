//! What the rules share: the working sets of one side, the top load, units,
//! rounding to loads that can be made, and the words of a reason.

use super::{PastSession, PastSet, Suggestion, Target};
use crate::domain::load::{Load, Unit, centi_text};
use crate::domain::plates::Plates;
use crate::domain::routine::{ExerciseSpec, Kind};
use crate::domain::rule::Step;
use crate::domain::set::Side;

/// What a rule reads: the exercise, and the working sets of one side per
/// past session, newest first, sessions without any left out.
pub struct Ctx<'a> {
    pub spec: &'a ExerciseSpec,
    pub past: &'a [Vec<&'a PastSet>],
    /// The unit last used (the configured one without loaded history).
    pub unit: Unit,
    pub round: Rounding<'a>,
}

impl Ctx<'_> {
    pub fn last(&self) -> Option<&[&PastSet]> {
        self.past.first().map(Vec::as_slice)
    }

    /// A suggestion at the routine's sets.
    pub fn suggestion(&self, target: Target, load: Option<Load>, reason: String) -> Suggestion {
        Suggestion {
            side: None,
            sets: self.spec.sets,
            target,
            load,
            variation: None,
            plates: None,
            reason,
        }
    }
}

/// The working sets of `side` in each session that has any.
pub fn working(past: &[PastSession], side: Option<Side>) -> Vec<Vec<&PastSet>> {
    past.iter()
        .map(|s| {
            s.sets
                .iter()
                .filter(|set| set.working() && set.side == side)
                .collect::<Vec<_>>()
        })
        .filter(|sets| !sets.is_empty())
        .collect()
}

/// The unit of the last loaded set of the newest session.
pub fn last_unit(past: &[Vec<&PastSet>]) -> Option<Unit> {
    past.first()?
        .iter()
        .rev()
        .find_map(|s| s.load)
        .map(|l| l.unit)
}

/// The step in `unit`, hundredths: the rule's, or 2.5 kg / 5 lb.
pub fn step(step: Option<Step>, unit: Unit) -> i64 {
    step.unwrap_or(Step::default_for(unit)).centi_in(unit)
}

/// Kilograms to the hundredth, the one comparison of loads in any unit.
fn kg_key(load: Option<Load>) -> Option<i64> {
    load.map(|l| (l.in_kg() * 100.0).round() as i64)
}

pub fn same_load(a: Option<Load>, b: Option<Load>) -> bool {
    kg_key(a) == kg_key(b)
}

/// The heaviest load among `sets`, compared in kilograms.
pub fn top(sets: &[&PastSet]) -> Option<Load> {
    sets.iter()
        .filter_map(|s| s.load)
        .max_by_key(|&l| kg_key(Some(l)))
}

/// The sets done at the session's top load: the working weight.
pub fn at_top<'a>(sets: &[&'a PastSet]) -> (Option<Load>, Vec<&'a PastSet>) {
    let top = top(sets);
    let at = sets
        .iter()
        .copied()
        .filter(|s| same_load(s.load, top))
        .collect();
    (top, at)
}

pub fn reps(set: &PastSet) -> u32 {
    set.reps.unwrap_or(0)
}

/// "10, 10, 9".
pub fn reps_list(sets: &[&PastSet]) -> String {
    let reps: Vec<String> = sets.iter().map(|s| reps(s).to_string()).collect();
    reps.join(", ")
}

/// `load` in `unit`: itself when it is in it already, else converted and
/// rounded to the half unit.
pub fn in_unit(load: Load, unit: Unit) -> Load {
    if load.unit == unit {
        return load;
    }
    let halves = (load.value_in(unit) * 2.0).round() as i64;
    Load {
        centi: halves * 50,
        unit,
    }
}

pub fn plus(load: Load, centi: i64) -> Load {
    Load {
        centi: load.centi + centi,
        unit: load.unit,
    }
}

/// "+2.5 kg", "−5 lb": the change from `from` to `to` (same unit).
pub fn change(from: Load, to: Load) -> String {
    let d = to.centi - from.centi;
    let sign = if d < 0 { "−" } else { "+" };
    format!("{sign}{} {}", centi_text(d.abs()), to.unit.as_str())
}

/// The routine's own target, when there is nothing to go on.
pub fn as_planned(ctx: &Ctx) -> Suggestion {
    let target = match ctx.spec.kind {
        Kind::Hold => Target::Hold {
            secs: ctx.spec.hold_secs.unwrap_or(0),
        },
        _ => Target::Reps(ctx.spec.reps.unwrap_or(0)),
    };
    let load = ctx.last().and_then(top);
    ctx.suggestion(target, load, "as the routine says".into())
}

/// A first time: the routine's target, a load the person picks.
pub fn first_time(ctx: &Ctx, reps: u32, what: &str) -> Suggestion {
    ctx.suggestion(
        Target::Reps(reps),
        None,
        format!("first time: pick a load for {what}"),
    )
}

/// The loads a suggestion may take.
#[derive(Debug, Clone, Copy)]
pub enum Rounding<'a> {
    /// What the bar and the owned plates make.
    Bar(&'a Plates),
    /// No bar: any load, and multiples of this many hundredths where a
    /// percentage would give an odd one (dumbbells, machines).
    Multiple(i64),
}

impl Rounding<'_> {
    /// The makeable load nearest to a computed one (a percentage of another).
    pub fn near(self, load: Load) -> Load {
        match self {
            Rounding::Bar(plates) => plates.nearest_load(load),
            Rounding::Multiple(m) if m > 0 => Load {
                centi: ((load.centi + m / 2) / m).max(1) * m,
                unit: load.unit,
            },
            Rounding::Multiple(_) => load,
        }
    }

    /// A load heavier than `last`: `wanted` when it can be made, else the
    /// nearest makeable one that is still heavier.
    pub fn up(self, last: Load, wanted: Load) -> Load {
        match self {
            Rounding::Bar(plates) => {
                let near = plates.nearest_load(wanted);
                if near.value_in(last.unit) > last.value_in(last.unit) + 1e-9 {
                    near
                } else {
                    plates.next_above(last)
                }
            }
            Rounding::Multiple(_) => wanted,
        }
    }

    /// A load lighter than `last`, near `wanted`.
    pub fn down(self, last: Load, wanted: Load) -> Load {
        let near = self.near(wanted);
        if near.value_in(last.unit) < last.value_in(last.unit) - 1e-9 {
            return near;
        }
        match self {
            Rounding::Bar(plates) => plates.next_below(last),
            Rounding::Multiple(_) => wanted,
        }
    }
}

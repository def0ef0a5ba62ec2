//! What to do today: each exercise's next sets, reps or hold, and load,
//! from the routine's rule and the last sessions' working sets, with the
//! reason in words. Pure: the caller reads the history and the date.
//!
//! One module per rule; `sides` weighs one side against the other, `week`
//! lightens deload and race weeks, `warmup` ramps up to the first set.

mod bodyweight;
mod common;
mod double;
mod hold;
mod linear;
mod rpe;
mod sides;
pub mod warmup;
pub mod week;

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

use super::load::{Load, Unit};
use super::plates::{PlateLine, PlateSets};
use super::routine::{ExerciseSpec, Kind, Sides};
pub use super::rule::{Rule, Step};
use super::set::{Rpe, SetType, Side};
use common::{Ctx, Rounding};
pub use warmup::WarmupSet;
pub use week::{Schedule, WeekNote};

/// One set of an exercise as stored, with what progression needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastSet {
    pub side: Option<Side>,
    pub set_type: SetType,
    pub reps: Option<u32>,
    pub load: Option<Load>,
    pub held: Option<Duration>,
    pub rpe: Option<Rpe>,
}

impl PastSet {
    /// Warm-up, drop and failure sets never count toward progression.
    fn working(&self) -> bool {
        self.set_type == SetType::Normal
    }
}

/// One past session's sets of one exercise, in the order they were done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastSession {
    pub at: DateTime<Utc>,
    pub sets: Vec<PastSet>,
}

/// What one set of the next session aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Reps(u32),
    Hold { secs: u32 },
}

/// The next session of one exercise (or of one side of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub side: Option<Side>,
    pub sets: u32,
    pub target: Target,
    /// Exact, in the unit last used; `None` is bodyweight, or a first time
    /// whose load the person picks.
    pub load: Option<Load>,
    /// A harder variation to move on to (the routine's `next`).
    pub variation: Option<String>,
    /// How to load the bar, for exercises with one.
    pub plates: Option<PlateLine>,
    /// Why, in a line: "+2.5 kg: all 3×10 done last time".
    pub reason: String,
}

impl Suggestion {
    /// What one set aims at: "3 × 12 @ 22.5 kg", "2 × 40 s", "L 3 × 10".
    pub fn work(&self) -> String {
        let side = self
            .side
            .map_or(String::new(), |s| format!("{} ", s.letter()));
        let target = match self.target {
            Target::Reps(reps) => reps.to_string(),
            Target::Hold { secs } => format!("{secs} s"),
        };
        let what = match (&self.variation, self.load) {
            (Some(v), _) => format!(" {v}"),
            (None, Some(load)) => format!(" @ {load}"),
            (None, None) => String::new(),
        };
        format!("{side}{} × {target}{what}", self.sets)
    }
}

/// One exercise of the next session: a suggestion per side in the order to
/// do them (the weaker side first), and its warm-up sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseNext {
    pub name: String,
    pub rule: Option<&'static str>,
    pub suggestions: Vec<Suggestion>,
    pub warmup: Vec<WarmupSet>,
    /// Loaded on a bar: the session shows the plates for the load typed.
    pub bar: bool,
}

/// The next session of a routine: what `runstrong next` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextSession {
    pub routine: String,
    /// The local day it was planned for.
    pub date: NaiveDate,
    pub week: Option<WeekNote>,
    pub exercises: Vec<ExerciseNext>,
}

/// Preferences from config.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub plates: PlateSets,
    /// A side this many percent behind the other goes first, with a set more.
    pub imbalance_pct: u32,
    pub schedule: Schedule,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            plates: PlateSets::default(),
            imbalance_pct: 10,
            schedule: Schedule::default(),
        }
    }
}

/// What the suggestions follow besides the history: config.toml's
/// settings, and the unit of a person with no loaded history yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub settings: Settings,
    pub unit: Unit,
}

/// The rule of `spec`, or for one that names none: double progression from
/// the routine's reps to a quarter more for reps, +5 s for holds.
pub fn rule_of(spec: &ExerciseSpec) -> Option<Rule> {
    if let Some(rule) = &spec.progression {
        return Some(rule.clone());
    }
    match spec.kind {
        Kind::Reps => spec.reps.map(|r| Rule::Double {
            reps: [r, r + r.div_ceil(4)],
            step: None,
        }),
        Kind::Hold => Some(Rule::Hold {
            step: super::rule::default_hold_step(),
        }),
        Kind::Cardio => None,
    }
}

/// How many past sessions `spec`'s rule reads.
pub fn depth(spec: &ExerciseSpec) -> usize {
    match rule_of(spec) {
        Some(Rule::Linear { misses, .. }) => usize::try_from(misses).unwrap_or(1).max(1),
        Some(Rule::Hold { .. }) => hold::DEPTH,
        _ => 1,
    }
}

/// The next session of `spec`, from `past` (newest first) under
/// `settings`, in `week` when it is a deload or race week. `unit` is the
/// unit of someone with no loaded history yet.
pub fn suggest(
    spec: &ExerciseSpec,
    past: &[PastSession],
    settings: &Settings,
    week: Option<&WeekNote>,
    unit: Unit,
) -> ExerciseNext {
    let rule = rule_of(spec);
    let sides = match spec.sides {
        Sides::Both => vec![None],
        Sides::Each => vec![Some(Side::Left), Some(Side::Right)],
    };
    let lasts: Vec<Vec<Vec<&PastSet>>> = sides
        .iter()
        .map(|&side| common::working(past, side))
        .collect();
    let mut suggestions: Vec<Suggestion> = sides
        .iter()
        .zip(&lasts)
        .map(|(&side, last)| {
            let unit = common::last_unit(last).unwrap_or(unit);
            let ctx = Ctx {
                spec,
                past: last,
                unit,
                round: rounding(spec, settings, &rule, unit),
            };
            let mut s = match &rule {
                Some(rule) => apply(rule, &ctx),
                None => common::as_planned(&ctx),
            };
            s.side = side;
            s
        })
        .collect();
    if let [left, right] = &lasts[..] {
        sides::balance(&mut suggestions, left, right, settings.imbalance_pct);
    }
    for s in &mut suggestions {
        if let Some(week) = week {
            week.lighten(s);
        }
        s.plates = s
            .load
            .filter(|_| spec.bar)
            .map(|load| settings.plates.of(load.unit).line(load));
    }
    let warmup = match (&spec.warmup, suggestions.first().and_then(|s| s.load)) {
        (Some(ramp), Some(first)) => {
            warmup::ramp(first, ramp, rounding(spec, settings, &rule, first.unit))
        }
        _ => vec![],
    };
    ExerciseNext {
        name: spec.name.clone(),
        rule: rule.as_ref().map(Rule::name),
        suggestions,
        warmup,
        bar: spec.bar,
    }
}

fn apply(rule: &Rule, ctx: &Ctx) -> Suggestion {
    match rule {
        Rule::Double { reps, step } => double::suggest(ctx, *reps, common::step(*step, ctx.unit)),
        Rule::Linear {
            step,
            misses,
            deload,
        } => linear::suggest(ctx, common::step(*step, ctx.unit), *misses, *deload),
        Rule::Hold { step } => hold::suggest(ctx, *step),
        Rule::Bodyweight {
            ceiling,
            step,
            load_step,
        } => bodyweight::suggest(ctx, *ceiling, *step, common::step(*load_step, ctx.unit)),
        Rule::Rpe { rpe, .. } => rpe::suggest(ctx, rpe.0),
    }
}

/// Loads that can be made: the plates for a bar, else multiples of the step.
fn rounding<'a>(
    spec: &ExerciseSpec,
    settings: &'a Settings,
    rule: &Option<Rule>,
    unit: Unit,
) -> Rounding<'a> {
    if spec.bar && spec.kind == Kind::Reps {
        return Rounding::Bar(settings.plates.of(unit));
    }
    let step = match rule {
        Some(Rule::Double { step, .. } | Rule::Linear { step, .. } | Rule::Rpe { step, .. }) => {
            *step
        }
        Some(Rule::Bodyweight { load_step, .. }) => *load_step,
        _ => None,
    };
    Rounding::Multiple(common::step(step, unit))
}

#[cfg(test)]
mod tests;

//! Double progression: reps climb through a range at one load; when every
//! working set reached the top last time, the load goes up a step and the
//! reps go back to the bottom. Otherwise: the same load, one rep more than
//! the weakest set did (within the range). A bodyweight exercise at the top
//! moves on to the routine's `next` variation, or takes its first load.
//!
//! Example: `progression = { rule = "double", reps = [8, 12], step = 2.5 }`.

use super::common::{self, Ctx, at_top, change, reps, reps_list};
use super::{Suggestion, Target};
use crate::domain::load::Load;

pub fn suggest(ctx: &Ctx, [lo, hi]: [u32; 2], step: i64) -> Suggestion {
    let Some(last) = ctx.last() else {
        let first = ctx.spec.reps.unwrap_or(lo).clamp(lo, hi);
        return common::first_time(ctx, first, &format!("{lo}-{hi} reps"));
    };
    let (top, sets) = at_top(last);
    let n = sets.len();
    if sets.iter().all(|s| reps(s) >= hi) {
        return match top {
            Some(top) => {
                let top = common::in_unit(top, ctx.unit);
                let load = ctx.round.up(top, common::plus(top, step));
                ctx.suggestion(
                    Target::Reps(lo),
                    Some(load),
                    format!("{}: all {n}×{hi} done last time", change(top, load)),
                )
            }
            None => at_the_top_of_bodyweight(ctx, lo, hi, n, step),
        };
    }
    let weakest = sets.iter().map(|s| reps(s)).min().unwrap_or(0);
    let aim = (weakest + 1).clamp(lo, hi);
    let at = top.map_or_else(|| "bodyweight".to_string(), |l| l.to_string());
    ctx.suggestion(
        Target::Reps(aim),
        top,
        format!(
            "{at} again, aim for {aim}: last time {} (top {hi})",
            reps_list(&sets)
        ),
    )
}

/// Every bodyweight set reached `hi`: the next variation, else a load.
pub fn at_the_top_of_bodyweight(ctx: &Ctx, lo: u32, hi: u32, n: usize, step: i64) -> Suggestion {
    let done = format!("all {n}×{hi} done at bodyweight last time");
    match &ctx.spec.next {
        Some(next) => {
            let mut s =
                ctx.suggestion(Target::Reps(lo), None, format!("move on to {next}: {done}"));
            s.variation = Some(next.clone());
            s
        }
        None => {
            let load = Load {
                centi: step,
                unit: ctx.unit,
            };
            ctx.suggestion(Target::Reps(lo), Some(load), format!("add {load}: {done}"))
        }
    }
}

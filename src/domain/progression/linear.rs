//! Linear progression: the routine's reps in every set, and a step more
//! load each session they were all done. A session short of them is a miss;
//! `misses` in a row at the same load take `deload` percent off it, to
//! build back up from (the classic novice scheme, e.g. Starting Strength's
//! 10% reset).
//!
//! Example: `progression = { rule = "linear", step = 2.5, misses = 3, deload = 10 }`.

use super::common::{self, Ctx, at_top, change, reps, reps_list, same_load};
use super::{PastSet, Suggestion, Target};

pub fn suggest(ctx: &Ctx, step: i64, misses: u32, deload: u32) -> Suggestion {
    let target = ctx.spec.reps.unwrap_or(1);
    let Some(last) = ctx.last() else {
        return common::first_time(ctx, target, &format!("{target} reps"));
    };
    let hit = |sets: &[&PastSet]| at_top(sets).1.iter().all(|s| reps(s) >= target);
    let (top, sets) = at_top(last);
    let Some(stored) = top else {
        return ctx.suggestion(
            Target::Reps(target),
            None,
            format!("bodyweight: last time {}", reps_list(&sets)),
        );
    };
    let top = common::in_unit(stored, ctx.unit);
    if hit(last) {
        let load = ctx.round.up(top, common::plus(top, step));
        return ctx.suggestion(
            Target::Reps(target),
            Some(load),
            format!(
                "{}: all {}×{target} done last time",
                change(top, load),
                sets.len()
            ),
        );
    }
    let missed = ctx
        .past
        .iter()
        .take_while(|s| !hit(s) && same_load(common::top(s), Some(stored)))
        .count();
    let missed = u32::try_from(missed).unwrap_or(u32::MAX);
    if missed >= misses {
        let wanted = top.centi * i64::from(100 - deload) / 100;
        let load = ctx.round.down(top, common::plus(top, wanted - top.centi));
        return ctx.suggestion(
            Target::Reps(target),
            Some(load),
            format!(
                "{} ({deload}% off): {missed} misses in a row at {top}",
                change(top, load)
            ),
        );
    }
    ctx.suggestion(
        Target::Reps(target),
        Some(top),
        format!(
            "{top} again: last time {} of {target}, miss {missed} of {misses} before a deload",
            reps_list(&sets)
        ),
    )
}

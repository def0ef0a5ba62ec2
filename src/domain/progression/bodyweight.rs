//! Bodyweight reps: `step` more reps each session, up to a ceiling; once
//! every set reached it, the routine's `next` variation (a harder one, as
//! runners go from a stationary lunge to a walking one), or else a first
//! load. Once sets carry a load, it goes on as double progression between
//! the routine's reps and the ceiling.
//!
//! Example: `progression = { rule = "bodyweight", ceiling = 15 }` with
//! `next = "Walking lunge"`.

use super::common::{Ctx, at_top, reps, reps_list};
use super::{Suggestion, Target, double};

pub fn suggest(ctx: &Ctx, ceiling: u32, step: u32, load_step: i64) -> Suggestion {
    let start = ctx.spec.reps.unwrap_or(1).min(ceiling);
    let Some(last) = ctx.last() else {
        return ctx.suggestion(
            Target::Reps(start),
            None,
            format!("first time: {start} reps at bodyweight"),
        );
    };
    let (top, sets) = at_top(last);
    if top.is_some() {
        return double::suggest(ctx, [start, ceiling], load_step);
    }
    if sets.iter().all(|s| reps(s) >= ceiling) {
        return double::at_the_top_of_bodyweight(ctx, start, ceiling, sets.len(), load_step);
    }
    let weakest = sets.iter().map(|s| reps(s)).min().unwrap_or(0);
    let aim = (weakest + step).clamp(start, ceiling);
    ctx.suggestion(
        Target::Reps(aim),
        None,
        format!(
            "{aim} reps: last time {} (ceiling {ceiling})",
            reps_list(&sets)
        ),
    )
}

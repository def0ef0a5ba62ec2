//! Hold progression: the target goes up `step` seconds once every set
//! reached it, and stays while any set fell short. Per side for one-sided
//! holds (the caller passes one side's sets).
//!
//! The targets of past sessions are not stored (an import has none), so
//! they are replayed from the history: the oldest session read is taken to
//! have aimed at the longest target on the routine's grid (its `hold_secs`
//! plus whole steps) that its shortest hold reached, and each later session
//! moves the target on by the rule. Four sessions are enough for a miss to
//! keep its target.
//!
//! Example: `progression = { rule = "hold", step = 5 }`.

use super::common::Ctx;
use super::{PastSet, Suggestion, Target};

/// Sessions read to replay the target.
pub const DEPTH: usize = 4;

/// The shortest hold of a session, in whole seconds held.
fn shortest(sets: &[&PastSet]) -> u32 {
    let ms = sets
        .iter()
        .map(|s| s.held.map_or(0, |d| d.as_millis()))
        .min()
        .unwrap_or(0);
    u32::try_from(ms / 1000).unwrap_or(u32::MAX)
}

pub fn suggest(ctx: &Ctx, step: u32) -> Suggestion {
    let base = ctx.spec.hold_secs.unwrap_or(step);
    let step = step.max(1);
    let Some(oldest) = ctx.past.last() else {
        return ctx.suggestion(
            Target::Hold { secs: base },
            None,
            format!("first time: hold {base} s"),
        );
    };
    let grid = |held: u32| base + held.saturating_sub(base) / step * step;
    let mut target = grid(shortest(oldest));
    let mut reason = String::new();
    for sets in ctx.past.iter().rev() {
        let held = shortest(sets);
        if held >= target {
            reason = format!("+{step} s: every hold reached {target} s last time");
            target += step;
        } else {
            reason = format!("{target} s again: shortest hold {held} s last time");
        }
    }
    ctx.suggestion(Target::Hold { secs: target }, None, reason)
}

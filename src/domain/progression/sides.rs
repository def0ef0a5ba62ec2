//! One side against the other. Each side already progressed on its own
//! sets; when one trails the other by more than the threshold in what a
//! person can compare (reps a set at the same load, or time held a set:
//! averages, as the sides may not have done as many sets), it goes first,
//! while fresh, and gets one set more, the usual way to even out a weaker
//! leg. Loads that differ are not compared: reps at different loads say
//! little about which side is stronger.

use super::common::{at_top, reps, same_load};
use super::{PastSet, Suggestion};
use crate::domain::load::show;

/// What each side did a set in its last session, in thousandths: the time
/// held (ms), or the reps at the same top load.
enum Work {
    Held(u64, u64),
    Reps(u64, u64, String),
}

/// The mean of `values`, in thousandths of their unit.
fn mean_milli(values: impl Iterator<Item = u64>, scale: u64) -> u64 {
    let (sum, n) = values.fold((0, 0), |(s, n), v| (s + v * scale, n + 1));
    sum.checked_div(n).unwrap_or(0)
}

/// Thousandths as a number with one decimal when it has one: "9", "10.5".
fn figure(milli: u64) -> String {
    let tenths = (milli + 50) / 100;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        t => format!("{}.{t}", tenths / 10),
    }
}

fn work(left: &[&PastSet], right: &[&PastSet]) -> Option<Work> {
    let held = |sets: &[&PastSet]| {
        let ms = sets.iter().filter_map(|s| s.held).map(|d| d.as_millis());
        mean_milli(ms.map(|ms| u64::try_from(ms).unwrap_or(u64::MAX)), 1)
    };
    if left.iter().chain(right).any(|s| s.held.is_some()) {
        return Some(Work::Held(held(left), held(right)));
    }
    let (l_top, l_sets) = at_top(left);
    let (r_top, r_sets) = at_top(right);
    if !same_load(l_top, r_top) {
        return None;
    }
    let mean = |sets: Vec<&PastSet>| mean_milli(sets.iter().map(|s| u64::from(reps(s))), 1000);
    Some(Work::Reps(
        mean(l_sets),
        mean(r_sets),
        format!("reps a set at {}", show(l_top)),
    ))
}

/// Puts the weaker side first with a set more when it trails by more than
/// `threshold` percent. `suggestions` are left then right.
pub fn balance(
    suggestions: &mut [Suggestion],
    left: &[Vec<&PastSet>],
    right: &[Vec<&PastSet>],
    threshold: u32,
) {
    let (Some(l), Some(r)) = (left.first(), right.first()) else {
        return;
    };
    let (l_work, r_work, what) = match work(l, r) {
        Some(Work::Held(l, r)) => (l, r, "s held a set".to_string()),
        Some(Work::Reps(l, r, at)) => (l, r, at),
        None => return,
    };
    let (weak, strong, weak_work, strong_work) = if l_work < r_work {
        (0, 1, l_work, r_work)
    } else {
        (1, 0, r_work, l_work)
    };
    if strong_work == 0 || (strong_work - weak_work) * 100 <= u64::from(threshold) * strong_work {
        return;
    }
    let pct = (strong_work - weak_work) * 100 / strong_work;
    let name = |i: usize| suggestions[i].side.map_or("", |s| s.as_str());
    let (weak_name, strong_name) = (name(weak), name(strong));
    let note = format!(
        "; {weak_name} first, with a set more: it trails {strong_name} by {pct}% ({} vs {} {what})",
        figure(weak_work),
        figure(strong_work)
    );
    let after = format!("; after {weak_name}");
    suggestions[weak].sets += 1;
    suggestions[weak].reason.push_str(&note);
    suggestions[strong].reason.push_str(&after);
    if weak == 1 {
        suggestions.swap(0, 1);
    }
}

//! RPE-based load: from last session's heaviest set logged with an RPE,
//! estimate the one-rep max, then the load for the routine's reps at the
//! target RPE.
//!
//! The table is Mike Tuchscherer's RPE chart (Reactive Training Systems),
//! which gives %1RM by reps and RPE; it depends only on reps plus reps in
//! reserve (10 − RPE), so it is kept as one column in half reps. Its
//! published versions agree up to 10 reps to failure; beyond that, Epley's
//! formula (1RM = load × (1 + reps/30)) with the reps in reserve counted as
//! reps, scaled to meet the chart at 10, carries on.
//!
//! Example: `progression = { rule = "rpe", rpe = 8 }`.

use super::common::{self, Ctx, reps};
use super::{Suggestion, Target};
use crate::domain::load::Load;
use crate::domain::progress::epley;
use crate::domain::set::Rpe;

/// %1RM for 1, 1.5, 2, … 10 reps to failure (reps + 10 − RPE).
const CHART: [f64; 19] = [
    100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6,
    77.4, 76.2, 75.1, 73.9,
];

/// The fraction of the one-rep max that `reps` at `rpe` take.
pub fn fraction(reps: u32, rpe: Rpe) -> f64 {
    let to_failure = f64::from(reps.max(1)) + 10.0 - rpe.value();
    let half_steps = ((to_failure - 1.0) * 2.0).round().max(0.0) as usize;
    match CHART.get(half_steps) {
        Some(pct) => pct / 100.0,
        None => 0.739 * epley(10.0) / epley(to_failure),
    }
}

pub fn suggest(ctx: &Ctx, target: Rpe) -> Suggestion {
    let want = ctx.spec.reps.unwrap_or(1);
    let Some(last) = ctx.last() else {
        return common::first_time(ctx, want, &format!("{want} reps at RPE {target}"));
    };
    let rated = last
        .iter()
        .filter_map(|s| Some((s.load?, s.rpe?, reps(s))))
        .filter(|&(_, _, r)| r > 0)
        .max_by(|a, b| {
            let key = |(load, rpe, reps): &(Load, Rpe, u32)| (load.in_kg(), *reps, *rpe);
            let (x, y) = (key(a), key(b));
            x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
        });
    let Some((load, rpe, done)) = rated else {
        let top = common::top(last);
        let at = top.map_or_else(|| "the same load".to_string(), |l| l.to_string());
        return ctx.suggestion(
            Target::Reps(want),
            top,
            format!("{at} again: log RPE to have the load set for RPE {target}"),
        );
    };
    let load = common::in_unit(load, ctx.unit);
    let max = load.centi as f64 / fraction(done, rpe);
    let wanted = Load {
        centi: (max * fraction(want, target)).round() as i64,
        unit: ctx.unit,
    };
    let next = ctx.round.near(wanted);
    // Shown to the half unit: an estimate, not a load to lift.
    let e1rm = Load {
        centi: (max / 50.0).round() as i64 * 50,
        unit: ctx.unit,
    };
    ctx.suggestion(
        Target::Reps(want),
        Some(next),
        format!(
            "{want} at RPE {target}: {load} × {done} at RPE {rpe} last time ≈ 1RM {e1rm} (RTS chart)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rpe(v: f64) -> Rpe {
        Rpe::from_value(v).unwrap()
    }

    #[test]
    fn the_chart_reads_by_reps_to_failure() {
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        close(fraction(1, rpe(10.0)), 1.0);
        close(fraction(5, rpe(8.0)), 0.811);
        close(fraction(3, rpe(9.5)), 0.907);
        // Past the chart, Epley meets it where it ends and keeps falling.
        let far = fraction(12, rpe(7.0));
        assert!(far < 0.739 && far > 0.6, "{far}");
        assert!(fraction(10, rpe(10.0)) > fraction(11, rpe(10.0)));
    }
}

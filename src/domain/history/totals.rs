//! What was done over some span (a week, a session), and a week with its totals.

use std::time::Duration;

use super::SetRow;
use crate::domain::calendar::WeekRange;
use crate::domain::load::Volume;
use crate::domain::set::{SetType, Work};

/// What was done over some span: a week, a session.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Sessions with at least one set.
    pub sessions: u32,
    pub sets: u32,
    pub reps: u32,
    /// Reps times load, in kilograms (pounds converted).
    pub volume_kg: f64,
    pub held: Duration,
}

impl Totals {
    /// The totals of one session's sets; warm-ups count toward none.
    pub fn of_sets(sets: &[SetRow]) -> Totals {
        let mut t = Totals {
            sessions: u32::from(!sets.is_empty()),
            ..Totals::default()
        };
        let mut volume = Volume::default();
        for set in sets.iter().filter(|s| s.kind != SetType::Warmup) {
            t.sets += 1;
            match set.work {
                Work::Reps { reps, load } => {
                    t.reps += reps;
                    if let Some(load) = load {
                        volume.add(reps, load);
                    }
                }
                Work::Hold { held, .. } => t.held += held,
                Work::Cardio { .. } => {}
            }
        }
        t.volume_kg = volume.kg();
        t
    }

    /// The totals of several spans together, e.g. a week from its sessions.
    pub fn sum<'a>(parts: impl Iterator<Item = &'a Totals>) -> Totals {
        parts.fold(Totals::default(), |t, p| Totals {
            sessions: t.sessions + p.sessions,
            sets: t.sets + p.sets,
            reps: t.reps + p.reps,
            volume_kg: t.volume_kg + p.volume_kg,
            held: t.held + p.held,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekSummary {
    pub week: WeekRange,
    pub totals: Totals,
}

impl WeekSummary {
    pub fn met(&self, target: u32) -> bool {
        self.totals.sessions >= target
    }
}

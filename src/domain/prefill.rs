//! What the form of the next set starts with. A warm-up: its ramp's reps
//! and load. The first working set of a side: the rule's suggestion, when
//! the store has given the session its advice. Later sets follow the
//! person: this session's previous working set of the same exercise and
//! side, else the same set of last time (when last time was this routine:
//! another routine has its own targets), else today's last set of the other
//! side, else the routine's target; in the unit last used. A
//! weighted hold's load follows the same rules.

use super::advice::Advice;
use super::load::{Load, Unit};
use super::progression::{NextSession, Target};
use super::session::{ActiveSession, Slot};
use super::set::{SetType, Work};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefill {
    pub reps: u32,
    pub load: Option<Load>,
    /// The unit of the exercise's latest load, if it ever had one.
    pub unit: Option<Unit>,
}

impl ActiveSession {
    /// The prefill of `slot` of the exercise at `position`.
    pub fn prefill(&self, position: usize, slot: Slot) -> Prefill {
        let Some(ex) = self.plan.get(position) else {
            return Prefill {
                reps: 1,
                load: None,
                unit: None,
            };
        };
        let advice = ex.advice.as_deref();
        if slot.set_type == SetType::Warmup
            && let Some(w) =
                advice.and_then(|a| a.warmup.get((slot.set_number as usize).saturating_sub(1)))
        {
            return Prefill {
                reps: w.reps,
                load: Some(w.load),
                unit: Some(w.load.unit),
            };
        }
        let working = || {
            self.logged_at(position)
                .filter(|l| l.set.set_type != SetType::Warmup)
        };
        let today: Vec<&Work> = working().map(|l| &l.set.work).collect();
        let last = ex.last.as_ref();
        let before = last.map(|l| l.sets.iter().map(|(_, _, w)| w));
        let unit = today
            .iter()
            .rev()
            .copied()
            .chain(before.into_iter().flatten().rev())
            .find_map(Work::load)
            .map(|l| l.unit);
        let previous = working()
            .filter(|l| l.set.side == slot.side)
            .last()
            .map(|l| l.set.work);
        if previous.is_none()
            && let Some(s) = advice.and_then(|a| a.for_side(slot.side))
            && let Target::Reps(reps) = s.target
        {
            return Prefill {
                reps,
                load: s.load,
                unit: s.load.map(|l| l.unit).or(unit),
            };
        }
        let same_last_time = last
            .filter(|l| l.routine == self.routine)
            .and_then(|l| {
                l.sets
                    .iter()
                    .find(|(n, s, _)| *n == slot.set_number && *s == slot.side)
            })
            .map(|(_, _, w)| *w);
        // A side with no numbers of its own today or last time starts where
        // the other side did today: the plate on the hip stays on.
        let other_side = working().last().map(|l| l.set.work);
        let (reps, load) = match previous.or(same_last_time).or(other_side) {
            Some(Work::Reps { reps, load }) => (reps, load),
            Some(Work::Hold { load, .. }) => (1, load),
            _ => (ex.target_reps.unwrap_or(1), None),
        };
        Prefill { reps, load, unit }
    }
}

impl ActiveSession {
    /// Gives each exercise of the plan named in `next` its advice. A fresh
    /// session (nothing logged) also takes the advised number of sets (a
    /// deload halves them); returns the positions whose sets changed, for
    /// the store to keep. A resumed one keeps the sets it stored.
    pub fn advise(&mut self, next: &NextSession) -> Vec<usize> {
        let fresh = self.logged.is_empty();
        let mut changed = vec![];
        for (position, ex) in self.plan.iter_mut().enumerate() {
            let Some(found) = next
                .exercises
                .iter()
                .find(|n| n.name.trim().eq_ignore_ascii_case(&ex.name))
            else {
                continue;
            };
            let advice = Advice::from(found);
            if fresh
                && let Some(sets) = advice.base_sets()
                && sets != ex.sets
            {
                ex.sets = sets;
                changed.push(position);
            }
            ex.advice = Some(Box::new(advice));
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use chrono::DateTime;

    use super::*;
    use crate::domain::routine::{Kind, Sides};
    use crate::domain::session::{LastTime, PlannedExercise};
    use crate::domain::set::{LoggedSet, NewSet, Side};

    fn kg(centi: i64, unit: Unit) -> Option<Load> {
        Some(Load { centi, unit })
    }

    fn session(sides: Sides, last: Option<LastTime>) -> ActiveSession {
        ActiveSession {
            id: 1,
            routine: "mine".into(),
            started_at: DateTime::UNIX_EPOCH,
            plan: vec![PlannedExercise {
                exercise_id: 7,
                name: "lunge".into(),
                kind: Kind::Reps,
                sides,
                sets: 4,
                target_reps: Some(8),
                target_hold: None,
                rest: Duration::ZERO,
                tempo: None,
                cue: String::new(),
                weighted: false,
                last,
                advice: None,
            }],
            logged: vec![],
            position: 0,
        }
    }

    fn last(routine: &str, sets: Vec<(u32, Option<Side>, Work)>) -> Option<LastTime> {
        Some(LastTime {
            at: DateTime::UNIX_EPOCH,
            routine: routine.into(),
            sets,
        })
    }

    fn reps(reps: u32, load: Option<Load>) -> Work {
        Work::Reps { reps, load }
    }

    fn log(s: &mut ActiveSession, n: u32, side: Option<Side>, work: Work) {
        let set = NewSet {
            session_id: 1,
            exercise_id: 7,
            set_number: n,
            side,
            work,
            duration: None,
            rpe: None,
            note: None,
            logged_at: DateTime::UNIX_EPOCH,
            set_type: crate::domain::set::SetType::Normal,
        };
        let id = s.logged.len() as i64 + 1;
        s.logged.push(LoggedSet { id, set });
    }

    fn slot(set_number: u32, side: Option<Side>) -> Slot {
        Slot {
            set_number,
            side,
            set_type: SetType::Normal,
        }
    }

    #[test]
    fn todays_previous_set_beats_last_time() {
        let twenty = kg(2000, Unit::Kg);
        let mut s = session(
            Sides::Both,
            last(
                "mine",
                vec![(1, None, reps(12, twenty)), (2, None, reps(12, twenty))],
            ),
        );
        assert_eq!(s.prefill(0, slot(1, None)).reps, 12, "first set: last time");
        log(&mut s, 1, None, reps(13, kg(2250, Unit::Kg)));
        let p = s.prefill(0, slot(2, None));
        assert_eq!((p.reps, p.load), (13, kg(2250, Unit::Kg)));
    }

    #[test]
    fn each_side_follows_its_own_side() {
        let mut s = session(Sides::Each, None);
        log(&mut s, 1, Some(Side::Left), reps(10, None));
        log(&mut s, 1, Some(Side::Right), reps(9, None));
        assert_eq!(s.prefill(0, slot(2, Some(Side::Left))).reps, 10);
        assert_eq!(s.prefill(0, slot(2, Some(Side::Right))).reps, 9);
    }

    #[test]
    fn another_routines_numbers_give_way_to_the_target_but_keep_the_unit() {
        let s = session(
            Sides::Both,
            last("other", vec![(1, None, reps(15, kg(4500, Unit::Lb)))]),
        );
        let p = s.prefill(0, slot(1, None));
        assert_eq!((p.reps, p.load, p.unit), (8, None, Some(Unit::Lb)));
    }

    #[test]
    fn a_weighted_holds_load_follows_today_then_last_time_per_side() {
        let mut s = session(Sides::Each, None);
        s.plan[0].kind = Kind::Hold;
        s.plan[0].last = last(
            "mine",
            vec![(
                1,
                Some(Side::Left),
                Work::Hold {
                    held: Duration::from_secs(30),
                    load: kg(1000, Unit::Lb),
                },
            )],
        );
        let p = s.prefill(0, slot(1, Some(Side::Left)));
        assert_eq!((p.load, p.unit), (kg(1000, Unit::Lb), Some(Unit::Lb)));
        assert_eq!(s.prefill(0, slot(1, Some(Side::Right))).load, None);
        let today = Work::Hold {
            held: Duration::from_secs(31),
            load: kg(500, Unit::Kg),
        };
        log(&mut s, 1, Some(Side::Left), today);
        let p = s.prefill(0, slot(2, Some(Side::Left)));
        assert_eq!((p.load, p.unit), (kg(500, Unit::Kg), Some(Unit::Kg)));
    }

    #[test]
    fn a_side_with_no_numbers_of_its_own_starts_where_the_other_side_did() {
        let mut s = session(Sides::Each, None);
        s.plan[0].kind = Kind::Hold;
        s.plan[0].weighted = true;
        let left = Work::Hold {
            held: Duration::from_secs(30),
            load: kg(1000, Unit::Kg),
        };
        log(&mut s, 1, Some(Side::Left), left);
        // As after a restart: the form is made again from the logged sets.
        let p = s.prefill(0, slot(1, Some(Side::Right)));
        assert_eq!((p.load, p.unit), (kg(1000, Unit::Kg), Some(Unit::Kg)));
        log(
            &mut s,
            1,
            Some(Side::Right),
            Work::Hold {
                held: Duration::from_secs(25),
                load: kg(500, Unit::Kg),
            },
        );
        let p = s.prefill(0, slot(2, Some(Side::Left)));
        assert_eq!(p.load, kg(1000, Unit::Kg), "each side then follows its own");
    }

    #[test]
    fn a_missing_set_of_last_time_is_the_target() {
        let s = session(Sides::Both, last("mine", vec![(1, None, reps(15, None))]));
        assert_eq!(s.prefill(0, slot(3, None)).reps, 8);
        assert_eq!(s.prefill(0, slot(3, None)).unit, None);
    }
}

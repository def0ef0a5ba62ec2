//! Records reached by a set just logged: heavier than ever, more reps at
//! that load or heavier than ever, or a longer hold than ever, per side.
//! A weighted hold's record is still the longest hold at any load (what a
//! runner trains a plank for); a hold at a heavier load than ever is noted
//! as the heaviest, even when it was shorter.

use std::fmt;
use std::time::Duration;

use strum::{EnumString, IntoStaticStr};

use super::set::{Side, Work};

/// Its strum text is the one `set_record.kind` holds; records of one set
/// are listed in declaration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, IntoStaticStr, EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum RecordKind {
    Heaviest,
    MostReps,
    LongestHold,
}

/// What the earlier live sets of one exercise on one side reached.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Earlier {
    /// Whether there was any earlier live set.
    pub any: bool,
    pub heaviest_kg: Option<f64>,
    /// Most reps in one set at this set's load or heavier (any load for bodyweight).
    pub most_reps: Option<u32>,
    pub longest_hold: Option<Duration>,
}

impl Earlier {
    /// Takes the best of the other live sets at one load (`kg`, 0 for
    /// none): their most reps and longest hold, either absent when no
    /// other set did any. Reps count only at `work`'s load or heavier.
    pub fn take(&mut self, work: &Work, kg: f64, reps: Option<u32>, held: Option<Duration>) {
        if reps.is_none() && held.is_none() {
            return;
        }
        self.any = true;
        if kg > 0.0 {
            self.heaviest_kg = Some(self.heaviest_kg.map_or(kg, |h| h.max(kg)));
        }
        let this_kg = work.load().map_or(0.0, |l| l.in_kg());
        if let Some(reps) = reps
            && kg >= this_kg - 1e-6
        {
            self.most_reps = Some(self.most_reps.map_or(reps, |m| m.max(reps)));
        }
        if let Some(held) = held {
            self.longest_hold = Some(self.longest_hold.map_or(held, |h| h.max(held)));
        }
    }
}

/// The records `work` sets against `earlier`. A first-ever set sets none:
/// there is nothing yet to beat.
pub fn reached(work: &Work, earlier: &Earlier) -> Vec<RecordKind> {
    if !earlier.any {
        return vec![];
    }
    let kg = work.load().map_or(0.0, |l| l.in_kg());
    let mut kinds = vec![];
    if kg > 0.0 && kg > earlier.heaviest_kg.unwrap_or(0.0) + 1e-9 {
        kinds.push(RecordKind::Heaviest);
    }
    match *work {
        Work::Reps { reps, .. } if earlier.most_reps.is_some_and(|most| reps > most) => {
            kinds.push(RecordKind::MostReps);
        }
        Work::Hold { held, .. } if earlier.longest_hold.is_some_and(|longest| held > longest) => {
            kinds.push(RecordKind::LongestHold);
        }
        _ => {}
    }
    kinds
}

/// A record announced on a live set and again on the finish summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecord {
    /// The id of the set that reached it: a deleted set withdraws it.
    pub set: i64,
    pub exercise: String,
    pub side: Option<Side>,
    pub kind: RecordKind,
    pub work: Work,
}

impl fmt::Display for NewRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            RecordKind::Heaviest => "heaviest",
            RecordKind::MostReps => "most reps at this load",
            RecordKind::LongestHold => "longest hold",
        };
        let side = self
            .side
            .map(|s| format!(" {}", s.as_str()))
            .unwrap_or_default();
        write!(f, "{}{side}: {what}, {}", self.exercise, self.work)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Load, Unit};

    fn reps(reps: u32, kg: i64) -> Work {
        Work::Reps {
            reps,
            load: Some(Load {
                centi: kg * 100,
                unit: Unit::Kg,
            }),
        }
    }

    #[test]
    fn heavier_or_more_reps_or_longer_is_a_record() {
        let earlier = Earlier {
            any: true,
            heaviest_kg: Some(20.0),
            most_reps: Some(10),
            longest_hold: None,
        };
        assert_eq!(reached(&reps(8, 22), &earlier), [RecordKind::Heaviest]);
        assert_eq!(
            reached(
                &reps(11, 20),
                &Earlier {
                    most_reps: Some(10),
                    ..earlier
                }
            ),
            [RecordKind::MostReps]
        );
        assert!(
            reached(&reps(10, 20), &earlier).is_empty(),
            "equal is not a record"
        );
        let holds = Earlier {
            any: true,
            longest_hold: Some(Duration::from_secs(30)),
            ..Earlier::default()
        };
        assert_eq!(
            reached(&Work::hold(Duration::from_secs(31)), &holds),
            [RecordKind::LongestHold]
        );
    }

    #[test]
    fn a_weighted_hold_is_longest_at_any_load_and_heaviest_when_heavier() {
        let hold = |secs, kg: i64| Work::Hold {
            held: Duration::from_secs(secs),
            load: Some(Load {
                centi: kg * 100,
                unit: Unit::Kg,
            }),
        };
        let earlier = Earlier {
            any: true,
            heaviest_kg: Some(5.0),
            longest_hold: Some(Duration::from_secs(40)),
            ..Earlier::default()
        };
        assert_eq!(
            reached(&hold(30, 10), &earlier),
            [RecordKind::Heaviest],
            "heavier but shorter: noted as the heaviest, not the longest"
        );
        assert_eq!(
            reached(&hold(45, 10), &earlier),
            [RecordKind::Heaviest, RecordKind::LongestHold]
        );
        assert_eq!(
            reached(&hold(41, 5), &earlier),
            [RecordKind::LongestHold],
            "the same load held longer"
        );
        assert!(reached(&hold(40, 5), &earlier).is_empty());
        let r = NewRecord {
            set: 1,
            exercise: "Copenhagen plank".into(),
            side: Some(Side::Right),
            kind: RecordKind::Heaviest,
            work: hold(30, 10),
        };
        assert_eq!(
            r.to_string(),
            "Copenhagen plank right: heaviest, 30.0 s @ 10 kg"
        );
    }

    #[test]
    fn the_first_set_ever_is_no_record() {
        assert!(reached(&reps(10, 100), &Earlier::default()).is_empty());
    }

    #[test]
    fn announcement_names_exercise_side_and_numbers() {
        let r = NewRecord {
            set: 1,
            exercise: "Lunge".into(),
            side: Some(Side::Left),
            kind: RecordKind::Heaviest,
            work: reps(8, 40),
        };
        assert_eq!(r.to_string(), "Lunge left: heaviest, 8 × 40 kg");
    }

    /// Reps done at a lighter load are no bar for this one; the heaviest
    /// and the longest hold are at any load; no other set, nothing to beat.
    #[test]
    fn earlier_bests_take_reps_only_at_this_load_or_heavier() {
        let mut earlier = Earlier::default();
        let work = reps(10, 20);
        earlier.take(&work, 0.0, None, None);
        assert_eq!(earlier, Earlier::default(), "a load no other set did");
        earlier.take(&work, 15.0, Some(15), None);
        earlier.take(&work, 20.0, Some(8), None);
        earlier.take(&work, 0.0, None, Some(Duration::from_secs(30)));
        assert_eq!(
            earlier,
            Earlier {
                any: true,
                heaviest_kg: Some(20.0),
                most_reps: Some(8),
                longest_hold: Some(Duration::from_secs(30)),
            }
        );
        assert_eq!(reached(&work, &earlier), [RecordKind::MostReps]);
    }
}

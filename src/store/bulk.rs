//! Bulk inserts of sets. Inside a transaction, a statement that fires a
//! trigger copies every page it touches to a statement journal first, so the
//! per-set record trigger costs more than the insert it follows. A bulk
//! insert drops the trigger inside its transaction, does the trigger's work
//! for each set in memory, writes the summaries once and puts the trigger
//! back before the commit. DDL is transactional: a failed import leaves the
//! trigger as it was.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Result;
use crate::domain::Unit;
use crate::domain::load::KG_PER_LB;
use crate::interchange::WorkoutSet;

/// The trigger whose work [`Bulk`] does (migration 04, restated by 05).
const TRIGGER: &str = "set_best_on_insert";

/// A `set_best` row's key: exercise, side ('both' for two-limbed sets),
/// load in hundredths (0 for none) and unit ('' for none).
type BestKey = (i64, &'static str, i64, &'static str);

/// A `set_best` row's values, as `set_best_on_insert` keeps them.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Best {
    sets: i64,
    reps: Option<i64>,
    reps_set: Option<i64>,
    reps_before: Option<i64>,
    hold_ms: Option<i64>,
    hold_set: Option<i64>,
    hold_before: Option<i64>,
}

impl Best {
    /// What the trigger's upsert does for one new live set `id`: a value
    /// strictly above the record takes it and keeps the one it beat.
    fn add(&mut self, id: i64, reps: Option<i64>, hold_ms: Option<i64>) {
        self.sets += 1;
        if reps > Some(self.reps.unwrap_or(-1)) {
            self.reps_before = self.reps;
            self.reps = reps;
            self.reps_set = Some(id);
        }
        if hold_ms > Some(self.hold_ms.unwrap_or(-1)) {
            self.hold_before = self.hold_ms;
            self.hold_ms = hold_ms;
            self.hold_set = Some(id);
        }
    }
}

/// The record trigger, dropped, and the summaries it would have written.
pub struct Bulk {
    trigger_sql: String,
    best: HashMap<BestKey, Best>,
    /// Reps × load in kg per exercise, side and session, in key order.
    volume: BTreeMap<(i64, &'static str, i64), f64>,
    /// Sessions that had sets before this bulk insert: their volumes start
    /// from the stored ones.
    completing: HashSet<i64>,
}

impl Bulk {
    /// Drops the record trigger until [`Bulk::finish`]; call inside a
    /// transaction, so that an error puts it back by rolling back.
    pub fn start(conn: &Connection) -> Result<Bulk> {
        let trigger_sql: String = conn.query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
            [TRIGGER],
            |r| r.get(0),
        )?;
        conn.execute_batch(&format!("DROP TRIGGER {TRIGGER}"))?;
        Ok(Bulk {
            trigger_sql,
            best: HashMap::new(),
            volume: BTreeMap::new(),
            completing: HashSet::new(),
        })
    }

    /// Says that sets are about to be added to `session`, which the
    /// database had before.
    pub fn completing(&mut self, session: i64) {
        self.completing.insert(session);
    }

    /// Counts set `id`, just inserted live into `session`, as the trigger
    /// would have.
    pub fn add(
        &mut self,
        conn: &Connection,
        id: i64,
        session: i64,
        exercise: i64,
        set: &WorkoutSet,
    ) -> Result<()> {
        let side = set.side.map_or("both", |s| s.as_str());
        let (centi, unit) = set.load.map_or((0, ""), |l| (l.centi, l.unit.as_str()));
        let key = (exercise, side, centi, unit);
        let best = match self.best.get_mut(&key) {
            Some(best) => best,
            None => self.best.entry(key).or_insert(stored_best(conn, key)?),
        };
        let reps = set.reps.map(i64::from);
        best.add(id, reps, set.hold_ms);
        // As in the trigger: reps × hundredths / 100.0, then × kg per lb.
        let volume = match (reps, set.load) {
            (Some(reps), Some(load)) => {
                let per_unit = match load.unit {
                    Unit::Kg => 1.0,
                    Unit::Lb => KG_PER_LB,
                };
                // SQLite turns an integer product that overflows into a real.
                let product = reps
                    .checked_mul(load.centi)
                    .map_or(reps as f64 * load.centi as f64, |n| n as f64);
                product / 100.0 * per_unit
            }
            _ => 0.0,
        };
        let key = (exercise, side, session);
        if !self.volume.contains_key(&key) {
            let stored = if self.completing.contains(&session) {
                stored_volume(conn, key)?
            } else {
                0.0
            };
            self.volume.insert(key, stored);
        }
        if let Some(v) = self.volume.get_mut(&key) {
            *v += volume;
        }
        Ok(())
    }

    /// Writes the summaries and recreates the trigger.
    pub fn finish(self, conn: &Connection) -> Result<()> {
        let mut best = conn.prepare_cached(
            "INSERT INTO set_best (exercise_id, side, load_centi, load_unit, sets,
                                   reps, reps_set, reps_before, hold_ms, hold_set, hold_before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT DO UPDATE SET
                 sets = excluded.sets, reps = excluded.reps, reps_set = excluded.reps_set,
                 reps_before = excluded.reps_before, hold_ms = excluded.hold_ms,
                 hold_set = excluded.hold_set, hold_before = excluded.hold_before",
        )?;
        for ((exercise, side, centi, unit), b) in &self.best {
            best.execute(params![
                exercise,
                side,
                centi,
                unit,
                b.sets,
                b.reps,
                b.reps_set,
                b.reps_before,
                b.hold_ms,
                b.hold_set,
                b.hold_before
            ])?;
        }
        let mut volume = conn.prepare_cached(
            "INSERT INTO session_volume (exercise_id, side, session_id, volume_kg) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO UPDATE SET volume_kg = excluded.volume_kg",
        )?;
        for ((exercise, side, session), kg) in &self.volume {
            volume.execute(params![exercise, side, session, kg])?;
        }
        conn.execute_batch(&self.trigger_sql)?;
        Ok(())
    }
}

/// The volume of an exercise and side in a session as stored, or none.
fn stored_volume(conn: &Connection, (exercise, side, session): (i64, &str, i64)) -> Result<f64> {
    let volume = conn
        .prepare_cached(
            "SELECT volume_kg FROM session_volume WHERE exercise_id = ?1 AND side = ?2 AND session_id = ?3",
        )?
        .query_row(params![exercise, side, session], |r| r.get(0))
        .optional()?;
    Ok(volume.unwrap_or(0.0))
}

/// The `set_best` row at `key` as stored, or an empty one.
fn stored_best(conn: &Connection, key: BestKey) -> Result<Best> {
    let best = conn
        .prepare_cached(
            "SELECT sets, reps, reps_set, reps_before, hold_ms, hold_set, hold_before FROM set_best
             WHERE exercise_id = ?1 AND side = ?2 AND load_centi = ?3 AND load_unit = ?4",
        )?
        .query_row(params![key.0, key.1, key.2, key.3], |r| {
            Ok(Best {
                sets: r.get(0)?,
                reps: r.get(1)?,
                reps_set: r.get(2)?,
                reps_before: r.get(3)?,
                hold_ms: r.get(4)?,
                hold_set: r.get(5)?,
                hold_before: r.get(6)?,
            })
        })
        .optional()?;
    Ok(best.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;
    use rusqlite::types::Value;

    use super::*;
    use crate::domain::{Load, Side};
    use crate::interchange::SetType;
    use crate::store::Store;

    /// A set as the test draws it: session (1 to 3), exercise (1 or 2),
    /// side, reps, load and hold.
    type Drawn = (
        i64,
        i64,
        Option<Side>,
        Option<u32>,
        Option<Load>,
        Option<i64>,
    );

    fn drawn() -> impl Strategy<Value = Drawn> {
        let side = prop_oneof![Just(None), Just(Some(Side::Left)), Just(Some(Side::Right))];
        let unit = prop_oneof![Just(Unit::Kg), Just(Unit::Lb)];
        let load = proptest::option::of((1..4_i64, unit).prop_map(|(n, unit)| Load {
            centi: n * 1250,
            unit,
        }));
        (
            1..4_i64,
            1..3_i64,
            side,
            proptest::option::of(0..6_u32),
            load,
            proptest::option::of(0..4_i64).prop_map(|h| h.map(|s| s * 15_000)),
        )
    }

    fn database() -> Connection {
        let conn = Store::empty().unwrap().conn;
        conn.execute_batch(
            "INSERT INTO exercise (id, name, kind, sides) VALUES (1, 'Lunge', 'reps', 'each'), (2, 'Plank', 'hold', 'both');
             INSERT INTO session (id, routine, started_at) VALUES
                 (1, 'r', '2026-01-05T18:00:00.000Z'), (2, 'r', '2026-01-06T18:00:00.000Z'),
                 (3, 'r', '2026-01-07T18:00:00.000Z');",
        )
        .unwrap();
        conn
    }

    /// Inserts `d`, logged `n` minutes in, and returns its id and the set.
    fn insert(conn: &Connection, n: usize, d: &Drawn) -> (i64, WorkoutSet) {
        let &(session, exercise, side, reps, load, hold_ms) = d;
        let set = WorkoutSet {
            exercise: String::new(),
            set_number: 1,
            side,
            set_type: SetType::Normal,
            reps,
            load,
            hold_ms,
            duration_ms: None,
            distance: None,
            rpe: None,
            notes: None,
            logged_at: Utc.timestamp_opt(1_767_000_000 + 60 * n as i64, 0).unwrap(),
        };
        conn.execute(
            "INSERT INTO set_log (session_id, exercise_id, set_number, side, reps, load_centi, load_unit, hold_ms, logged_at)
             VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                session,
                exercise,
                side.map(|s| s.as_str()),
                reps,
                load.map(|l| l.centi),
                load.map(|l| l.unit.as_str()),
                hold_ms,
                crate::domain::time::to_db(set.logged_at)
            ],
        )
        .unwrap();
        (conn.last_insert_rowid(), set)
    }

    fn table(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
        let mut stmt = conn.prepare(sql).unwrap();
        let width = stmt.column_count();
        stmt.query_map([], |r| (0..width).map(|i| r.get(i)).collect())
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn summaries(conn: &Connection) -> (Vec<Vec<Value>>, Vec<Vec<Value>>) {
        (
            table(conn, "SELECT * FROM set_best ORDER BY 1, 2, 3, 4"),
            table(conn, "SELECT * FROM session_volume ORDER BY 1, 2, 3"),
        )
    }

    #[test]
    fn a_bulk_insert_rolled_back_leaves_the_trigger_counting() {
        let conn = database();
        let tx = conn.unchecked_transaction().unwrap();
        Bulk::start(&tx).unwrap();
        drop(tx);
        insert(&conn, 0, &(1, 1, Some(Side::Left), Some(8), None, None));
        let counted = table(&conn, "SELECT sets, reps FROM set_best");
        assert_eq!(counted, [[Value::Integer(1), Value::Integer(8)]]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Sets logged one by one through the trigger, and the same sets
        /// stored in bulk on top of the same earlier sets, leave the same
        /// summaries, down to the record each set beat and the bits of
        /// each volume; and the trigger is back afterwards.
        #[test]
        fn bulk_keeps_the_summaries_as_the_trigger_does(
            earlier in proptest::collection::vec(drawn(), 0..12),
            new in proptest::collection::vec(drawn(), 1..40),
            after in drawn(),
        ) {
            let (one_by_one, bulk) = (database(), database());
            // Earlier sets in sessions 1 to 3; bulk ones in sessions of their own.
            let new: Vec<Drawn> = new.into_iter().map(|(s, e, side, r, l, h)| (s + 3, e, side, r, l, h)).collect();
            for conn in [&one_by_one, &bulk] {
                conn.execute_batch(
                    "INSERT INTO session (id, routine, started_at) VALUES
                         (4, 'r', '2026-02-05T18:00:00.000Z'), (5, 'r', '2026-02-06T18:00:00.000Z'),
                         (6, 'r', '2026-02-07T18:00:00.000Z');",
                ).unwrap();
                for (n, d) in earlier.iter().enumerate() {
                    insert(conn, n, d);
                }
            }
            for (n, d) in new.iter().enumerate() {
                insert(&one_by_one, earlier.len() + n, d);
            }
            let tx = bulk.unchecked_transaction().unwrap();
            let mut adding = Bulk::start(&tx).unwrap();
            for (n, d) in new.iter().enumerate() {
                let (id, set) = insert(&tx, earlier.len() + n, d);
                adding.add(&tx, id, d.0, d.1, &set).unwrap();
            }
            adding.finish(&tx).unwrap();
            tx.commit().unwrap();
            prop_assert_eq!(summaries(&bulk), summaries(&one_by_one));
            for conn in [&one_by_one, &bulk] {
                insert(conn, earlier.len() + new.len(), &after);
            }
            prop_assert_eq!(summaries(&bulk), summaries(&one_by_one));
        }
    }
}

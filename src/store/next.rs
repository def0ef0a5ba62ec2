//! What progression reads: the last sessions' live working sets of one
//! exercise. The covering index of live sets by exercise and time
//! (migration 04) is walked backwards and the walk stops at the first set
//! of one session more than asked for, so the cost is the sets of those
//! sessions, whatever the length of the history. Only stored sets are read,
//! so an imported history counts as one logged here.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::error::{Result, StoreError};
use super::rows;
use crate::domain::progression::{PastSession, PastSet};
use crate::domain::set::{Rpe, SetType};
use crate::domain::{Load, Unit};

/// An exercise's live working sets, newest first.
const SETS: &str = "SELECT l.session_id, l.logged_at, l.side, l.set_type, l.reps, l.load_centi,
            l.load_unit, l.hold_ms, l.rpe
     FROM set_log l
     WHERE l.exercise_id = (SELECT id FROM exercise WHERE name = ?1)
       AND l.replaced_by IS NULL AND l.deleted_at IS NULL AND l.set_type = 'normal'
     ORDER BY l.logged_at DESC";

impl Store {
    /// The working (normal) sets of the last `sessions` sessions that did
    /// the exercise named `name` (any case), newest session first, each
    /// session's sets in the order they were logged.
    pub fn recent_sessions(&self, name: &str, sessions: usize) -> Result<Vec<PastSession>> {
        let mut stmt = self.conn.prepare_cached(SETS)?;
        let mut rows = stmt.query(params![name.trim()])?;
        let mut out: Vec<PastSession> = vec![];
        let mut current = None;
        while let Some(r) = rows.next()? {
            let session: i64 = r.get(0)?;
            let at = rows::timestamp(&r.get::<_, String>(1)?)?;
            if current != Some(session) {
                if out.len() == sessions {
                    break;
                }
                current = Some(session);
                out.push(PastSession { at, sets: vec![] });
            }
            let set_type: String = r.get(3)?;
            let load = match (r.get::<_, Option<i64>>(5)?, r.get::<_, Option<String>>(6)?) {
                (Some(centi), Some(unit)) => Some(Load {
                    centi,
                    unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
                }),
                _ => None,
            };
            let set = PastSet {
                side: rows::side(r.get(2)?)?,
                set_type: SetType::parse(&set_type)
                    .ok_or_else(|| StoreError::BadValue(format!("set type {set_type:?}")))?,
                reps: r.get(4)?,
                load,
                held: rows::duration(r.get(7)?),
                rpe: r.get::<_, Option<f64>>(8)?.and_then(Rpe::from_value),
            };
            if let Some(last) = out.last_mut() {
                // Read newest first: the session began at its earliest set.
                last.at = at;
                last.sets.push(set);
            }
        }
        for session in &mut out {
            session.sets.reverse();
        }
        Ok(out)
    }

    /// The routine of the latest session, to plan the next one of.
    pub fn last_routine(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT routine FROM session ORDER BY started_at DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_uses_the_live_index_in_time_order() {
        let store = Store::empty().unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {SETS}"))
            .unwrap()
            .query_map(["Lunge"], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("; ");
        assert!(plan.contains("live_set_by_exercise"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}

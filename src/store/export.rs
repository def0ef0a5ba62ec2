//! Reading the history back out, one session at a time, so an export of
//! years of logs never holds them all in memory.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};

use super::Store;
use super::corrections::FirstVersions;
use super::error::{Result, StoreError};
use super::rows;
use crate::domain::Load;
use crate::domain::time::to_db;
use crate::interchange::{Distance, ExerciseDef, PlanItem, SetType, Workout, WorkoutSet};

impl Store {
    /// Every exercise the database knows, by name, as an export lists them.
    pub fn exercise_defs(&self) -> Result<Vec<ExerciseDef>> {
        Ok(self
            .exercises()?
            .into_iter()
            .map(|e| ExerciseDef {
                name: e.name,
                kind: e.kind,
                sides: e.sides,
            })
            .collect())
    }

    /// Calls `each` with every session started in `[from, to)` (either bound
    /// optional), oldest first, with its plan and sets.
    pub fn for_each_workout<E: From<StoreError>>(
        &self,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        mut each: impl FnMut(Workout) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, routine, started_at, ended_at, current_position, notes, source, source_key FROM session
                 WHERE started_at >= coalesce(?1, '') AND (?2 IS NULL OR started_at < ?2)
                 ORDER BY started_at, id",
            )
            .map_err(StoreError::from)?;
        let mut q = stmt
            .query(params![from.map(to_db), to.map(to_db)])
            .map_err(StoreError::from)?;
        while let Some(r) = q.next().map_err(StoreError::from)? {
            let workout = self.workout(r)?;
            each(workout)?;
        }
        Ok(())
    }

    fn workout(&self, r: &Row<'_>) -> Result<Workout> {
        let id: i64 = r.get(0)?;
        Ok(Workout {
            routine: r.get(1)?,
            started_at: rows::timestamp(&r.get::<_, String>(2)?)?,
            ended_at: rows::timestamp_at(r, 3)?,
            position: r.get(4)?,
            notes: r.get(5)?,
            source: r.get(6)?,
            source_key: r.get(7)?,
            plan: self.plan(id)?,
            sets: self.sets(id)?,
        })
    }

    fn plan(&self, session: i64) -> Result<Vec<PlanItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.name, p.planned_sets, p.target_reps, p.target_hold_ms, p.rest_ms, p.cue, p.tempo,
                    p.weighted
             FROM session_exercise p JOIN exercise e ON e.id = p.exercise_id
             WHERE p.session_id = ?1 ORDER BY p.position",
        )?;
        let mut q = stmt.query([session])?;
        let mut out = Vec::new();
        while let Some(r) = q.next()? {
            out.push(PlanItem {
                exercise: r.get(0)?,
                sets: r.get(1)?,
                target_reps: r.get(2)?,
                target_hold_ms: r.get(3)?,
                rest_ms: r.get(4)?,
                cue: r.get(5)?,
                tempo: r.get(6)?,
                weighted: r.get(7)?,
            });
        }
        Ok(out)
    }

    /// A session's sets as they stand: corrected versions, not what they
    /// replaced, each in the place of its first version.
    fn sets(&self, session: i64) -> Result<Vec<WorkoutSet>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.name, s.set_number, s.side, s.set_type, s.reps, s.load_centi, s.load_unit, s.hold_ms,
                    s.duration_ms, s.distance_centi, s.distance_unit, s.rpe, s.notes, s.logged_at, s.id
             FROM live_set s JOIN exercise e ON e.id = s.exercise_id
             WHERE s.session_id = ?1 ORDER BY s.id",
        )?;
        let mut q = stmt.query([session])?;
        let mut out = Vec::new();
        while let Some(r) = q.next()? {
            let id: i64 = r.get(14)?;
            let set_type: String = r.get(3)?;
            let load = measured(r.get(5)?, r.get(6)?)?.map(|(centi, unit)| Load { centi, unit });
            let distance =
                measured(r.get(9)?, r.get(10)?)?.map(|(centi, unit)| Distance { centi, unit });
            out.push((
                id,
                WorkoutSet {
                    exercise: r.get(0)?,
                    set_number: r.get(1)?,
                    side: rows::side(r.get(2)?)?,
                    set_type: rows::parsed::<SetType>(&set_type, "set type")?,
                    reps: r.get(4)?,
                    load,
                    hold_ms: r.get(7)?,
                    duration_ms: r.get(8)?,
                    distance,
                    rpe: r.get(11)?,
                    notes: r.get(12)?,
                    logged_at: rows::timestamp(&r.get::<_, String>(13)?)?,
                },
            ));
        }
        let first = FirstVersions::of_session(&self.conn, session)?;
        out.sort_by_key(|(id, _)| first.of(*id));
        Ok(out.into_iter().map(|(_, set)| set).collect())
    }
}

/// A stored amount and its unit column, both present or both absent.
fn measured<U: FromStr<Err = String>>(
    centi: Option<i64>,
    unit: Option<String>,
) -> Result<Option<(i64, U)>> {
    match (centi, unit) {
        (Some(centi), Some(unit)) => Ok(Some((centi, unit.parse().map_err(StoreError::BadValue)?))),
        _ => Ok(None),
    }
}

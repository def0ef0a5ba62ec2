//! The rows an import writes: sessions, their plans and sets.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};

use crate::domain::set::SetType;
use crate::domain::time::to_db;
use crate::interchange::{PlanItem, Workout, WorkoutSet};
use crate::store::error::{Result, StoreError};
use crate::store::many::{Inserts, int, real, text};
use crate::store::summaries::{Batch, Fact, LoadKey};

/// Exercise ids by lowercase name.
pub(super) struct ExerciseIds(pub(super) HashMap<String, i64>);

impl ExerciseIds {
    pub(super) fn get(&self, name: &str) -> Result<i64> {
        self.0
            .get(&name.to_ascii_lowercase())
            .copied()
            .ok_or_else(|| StoreError::BadValue(format!("exercise {name:?}")))
    }
}

pub(super) fn insert_workout(
    conn: &Connection,
    sets: &mut Inserts,
    w: &Workout,
    ids: &ExerciseIds,
    bulk: &mut Batch,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO session (routine, started_at, ended_at, current_position, notes, source, source_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        w.routine,
        to_db(w.started_at),
        w.ended_at.map(to_db),
        w.position,
        w.notes,
        w.source,
        w.source_key
    ])?;
    let session = conn.last_insert_rowid();
    insert_plan(conn, session, 0, &w.plan, ids)?;
    insert_sets(conn, sets, session, &w.sets, ids, Some(bulk))
}

/// Adds `items` to the plan of `session`, from position `from` on.
pub(super) fn insert_plan<'p>(
    conn: &Connection,
    session: i64,
    from: i64,
    items: impl IntoIterator<Item = &'p PlanItem>,
    ids: &ExerciseIds,
) -> Result<()> {
    let mut plan = conn.prepare_cached(
        "INSERT INTO session_exercise
           (session_id, position, exercise_id, planned_sets, target_reps, target_hold_ms, rest_ms, cue, tempo,
            weighted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (position, p) in (from..).zip(items) {
        plan.execute(params![
            session,
            position,
            ids.get(&p.exercise)?,
            p.sets,
            p.target_reps,
            p.target_hold_ms,
            p.rest_ms,
            p.cue,
            p.tempo,
            p.weighted
        ])?;
    }
    Ok(())
}

pub(super) fn insert_sets<'s>(
    conn: &Connection,
    inserts: &mut Inserts,
    session: i64,
    sets: impl IntoIterator<Item = &'s WorkoutSet>,
    ids: &ExerciseIds,
    new: Option<&mut Batch>,
) -> Result<()> {
    // Ids given, not left to SQLite, so the summaries know them without a
    // read back: the one writer's next rowids, as SQLite would choose them.
    let first: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM set_log")?
        .query_row([], |r| r.get(0))?;
    // Sets of one exercise, and the sets of an export's workout all logged
    // at its start, follow each other: look each up once.
    let mut times: Vec<(DateTime<Utc>, String)> = Vec::new();
    let mut rows = Vec::new();
    let mut exercise = (None, 0);
    for s in sets {
        if exercise.0 != Some(&s.exercise) {
            exercise = (Some(&s.exercise), ids.get(&s.exercise)?);
        }
        if times.last().map(|t| t.0) != Some(s.logged_at) {
            times.push((s.logged_at, to_db(s.logged_at)));
        }
        rows.push((s, exercise.1, times.len() - 1));
    }
    let mut values = Vec::with_capacity(rows.len() * SET_COLUMNS);
    for (id, &(s, exercise, at)) in (first..).zip(&rows) {
        values.extend([
            ValueRef::Integer(id),
            ValueRef::Integer(session),
            ValueRef::Integer(exercise),
            ValueRef::Integer(s.set_number.into()),
            text(s.side.map(|d| d.as_str())),
            text(Some(s.set_type.as_str())),
            int(s.reps.map(i64::from)),
            int(s.load.map(|l| l.centi)),
            text(s.load.map(|l| l.unit.as_str())),
            int(s.hold_ms),
            int(s.duration_ms),
            int(s.distance.map(|d| d.centi)),
            text(s.distance.map(|d| d.unit.as_str())),
            real(s.rpe),
            text(s.notes.as_deref()),
            text(Some(&times[at].1)),
        ]);
    }
    inserts.insert(&values)?;
    let Some(bulk) = new else { return Ok(()) };
    // Warm-ups go into no summary, as when logged live.
    let working = (first..)
        .zip(&rows)
        .filter(|(_, r)| r.0.set_type != SetType::Warmup);
    for (id, &(s, exercise, at)) in working {
        let fact = Fact {
            id,
            session,
            key: LoadKey {
                exercise,
                side: s.side.map_or("both", |d| d.as_str()),
                centi: s.load.map_or(0, |l| l.centi),
                unit: s.load.map_or("", |l| l.unit.as_str()),
            },
            reps: s.reps.map(i64::from),
            hold_ms: s.hold_ms,
            at: times[at].1.clone(),
        };
        bulk.add(&fact)?;
    }
    Ok(())
}

/// The columns of [`set_inserts`], in order.
const SET_COLUMNS: usize = 16;

/// The `INSERT` of `set_log` an import holds.
pub(super) fn set_inserts(conn: &Connection) -> Result<Inserts<'_>> {
    Inserts::new(
        conn,
        "INSERT INTO set_log (id, session_id, exercise_id, set_number, side, set_type, reps, load_centi,
             load_unit, hold_ms, duration_ms, distance_centi, distance_unit, rpe, notes, logged_at) VALUES",
        SET_COLUMNS,
    )
}

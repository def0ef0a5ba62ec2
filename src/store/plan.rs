//! A session's plan: written whole, in one transaction, whenever it
//! changes. Plans are a handful of rows, and rewriting them keeps positions
//! dense without juggling a primary key.

use rusqlite::{Transaction, TransactionBehavior, params};

use super::error::{Result, StoreError};
use super::{Store, rows};
use crate::domain::exercise::Exercise;
use crate::domain::session::PlannedExercise;

/// The id of an exercise by name, created when new.
fn exercise_id(tx: &Transaction<'_>, ex: &PlannedExercise) -> Result<i64> {
    tx.execute(
        "INSERT INTO exercise (name, kind, sides) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
        params![ex.name.trim(), rows::kind_str(ex.kind), rows::sides_str(ex.sides)],
    )?;
    Ok(tx.query_row(
        "SELECT id FROM exercise WHERE name = ?1",
        [ex.name.trim()],
        |r| r.get(0),
    )?)
}

/// Replaces the session's plan rows with `plan`, in order; returns the
/// exercise ids, in the same order.
pub(super) fn write(
    tx: &Transaction<'_>,
    session: i64,
    plan: &[PlannedExercise],
) -> Result<Vec<i64>> {
    tx.execute(
        "DELETE FROM session_exercise WHERE session_id = ?1",
        [session],
    )?;
    let mut ids = Vec::with_capacity(plan.len());
    for (position, ex) in plan.iter().enumerate() {
        let id = exercise_id(tx, ex)?;
        tx.execute(
            "INSERT INTO session_exercise
               (session_id, position, exercise_id, planned_sets, target_reps, target_hold_ms, rest_ms, cue, tempo,
                weighted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                session,
                position as i64,
                id,
                ex.sets,
                ex.target_reps,
                ex.target_hold.map(rows::millis),
                rows::millis(ex.rest),
                ex.cue,
                ex.tempo.map(String::from),
                ex.weighted
            ],
        )?;
        ids.push(id);
    }
    Ok(ids)
}

impl Store {
    /// Every exercise the database knows, by name.
    pub fn exercises(&self) -> Result<Vec<Exercise>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, kind, sides FROM exercise ORDER BY name")?;
        let mut out = vec![];
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            out.push(Exercise {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: rows::kind(&r.get::<_, String>(2)?)?,
                sides: rows::sides(&r.get::<_, String>(3)?)?,
            });
        }
        Ok(out)
    }

    /// Stores a changed plan and where the session stands in it; returns the
    /// plan with exercise ids and last times filled in.
    pub fn save_plan(
        &mut self,
        session: i64,
        plan: &[PlannedExercise],
        position: usize,
    ) -> Result<Vec<PlannedExercise>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::at(&self.path, e))?;
        let ids = write(&tx, session, plan)?;
        tx.execute(
            "UPDATE session SET current_position = ?2 WHERE id = ?1",
            params![session, position as i64],
        )?;
        tx.commit().map_err(|e| StoreError::at(&self.path, e))?;
        plan.iter()
            .zip(ids)
            .map(|(ex, id)| {
                let last = self.last_time(id, session)?;
                Ok(PlannedExercise {
                    exercise_id: id,
                    last,
                    advice: None,
                    ..ex.clone()
                })
            })
            .collect()
    }
}

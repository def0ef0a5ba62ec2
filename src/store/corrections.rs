//! Corrections of logged sets. Nothing is erased: an edit inserts the new
//! version and marks the old row replaced; a delete marks the row deleted.
//! Undo clears the marks, so the database always holds what was there.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::Store;
use super::error::{Result, StoreError};
use super::{rows, summaries};
use crate::domain::correction::Correction;
use crate::domain::history::SetRow;
use crate::domain::set::{Rpe, Work};
use crate::domain::time::to_db;

impl Store {
    /// Replaces the numbers of live set `id` with `work`, keeping the old row
    /// and every other field.
    pub fn correct_set(&mut self, id: i64, work: &Work, at: DateTime<Utc>) -> Result<Correction> {
        self.correct_set_noted(id, work, None, at)
    }

    /// As [`Store::correct_set`], and with `notes` the new version's RPE and
    /// note instead of the old ones.
    pub fn correct_set_noted(
        &mut self,
        id: i64,
        work: &Work,
        notes: Option<(Option<Rpe>, Option<&str>)>,
        at: DateTime<Utc>,
    ) -> Result<Correction> {
        let (reps, centi, unit, hold) = rows::work_columns(work);
        let (rpe, note) = notes.map_or((None, None), |(r, n)| (r.map(Rpe::value), n));
        let tx = self.conn.savepoint()?;
        let copied = tx.execute(
            "INSERT INTO set_log (session_id, exercise_id, set_number, side, set_type, reps, load_centi,
                                  load_unit, hold_ms, duration_ms, distance_centi, distance_unit, rpe, notes,
                                  logged_at)
             SELECT session_id, exercise_id, set_number, side, set_type, ?2, ?3, ?4, ?5, duration_ms,
                    distance_centi, distance_unit, CASE WHEN ?6 THEN ?7 ELSE rpe END,
                    CASE WHEN ?6 THEN ?8 ELSE notes END, logged_at
             FROM live_set WHERE id = ?1",
            params![id, reps, centi, unit, hold, notes.is_some(), rpe, note],
        )?;
        if copied == 0 {
            return Err(StoreError::NotLive(id));
        }
        let new = tx.last_insert_rowid();
        tx.execute(
            "UPDATE set_log SET replaced_by = ?2, corrected_at = ?3 WHERE id = ?1",
            params![id, new, to_db(at)],
        )?;
        refresh(&tx, id)?;
        tx.commit()?;
        Ok(Correction::Replaced { old: id, new })
    }

    /// Marks live set `id` deleted.
    pub fn delete_set(&self, id: i64, at: DateTime<Utc>) -> Result<Correction> {
        super::transactions::atomically(&self.conn, |conn| {
            let marked = conn.execute(
                "UPDATE set_log SET deleted_at = ?2 WHERE id = ?1 AND replaced_by IS NULL AND deleted_at IS NULL",
                params![id, to_db(at)],
            )?;
            if marked == 0 {
                return Err(StoreError::NotLive(id));
            }
            refresh(conn, id)?;
            Ok(Correction::Deleted { id })
        })
    }

    /// Takes a correction back. An undone edit keeps its replacement row,
    /// marked deleted at `at`.
    pub fn undo(&mut self, correction: Correction, at: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let restored = match correction {
            Correction::Deleted { id } => tx.execute(
                "UPDATE set_log SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id],
            )?,
            Correction::Replaced { old, new } => {
                let dropped = tx.execute(
                    "UPDATE set_log SET deleted_at = ?2 WHERE id = ?1 AND replaced_by IS NULL AND deleted_at IS NULL",
                    params![new, to_db(at)],
                )?;
                let back = tx.execute(
                    "UPDATE set_log SET replaced_by = NULL, corrected_at = NULL WHERE id = ?1 AND replaced_by = ?2",
                    params![old, new],
                )?;
                dropped.min(back)
            }
        };
        if restored == 0 {
            let id = match correction {
                Correction::Deleted { id } | Correction::Replaced { new: id, .. } => id,
            };
            return Err(StoreError::NotLive(id));
        }
        let id = match correction {
            Correction::Deleted { id } | Correction::Replaced { old: id, .. } => id,
        };
        refresh(&tx, id)?;
        tx.commit()?;
        Ok(())
    }
}

/// Brings the summaries up to date with set `id`'s session and exercise,
/// whose live sets a correction just changed.
fn refresh(conn: &Connection, id: i64) -> Result<()> {
    let (session, exercise) = conn
        .prepare_cached("SELECT session_id, exercise_id FROM set_log WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    summaries::refresh(conn, session, exercise)
}

/// The first version of every corrected set, by id of its live version. A
/// correction is a new row: later id, same time. Sorted by time and then by
/// first version, a corrected set keeps its place among sets logged at the
/// same time (a Strong workout's), instead of moving after them.
pub struct FirstVersions(HashMap<i64, i64>);

impl FirstVersions {
    /// Those of session `session`.
    pub fn of_session(conn: &Connection, session: i64) -> Result<FirstVersions> {
        FirstVersions::read(
            conn,
            "SELECT id, replaced_by FROM set_log WHERE session_id = ?1 AND replaced_by IS NOT NULL",
            params![session],
        )
    }

    fn read(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<FirstVersions> {
        let mut stmt = conn.prepare_cached(sql)?;
        let replaced = stmt
            .query_map(params, |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(FirstVersions::from_replaced(replaced))
    }

    /// From the (set, the set that replaced it) pairs of some sessions.
    pub fn from_replaced(replaced: impl IntoIterator<Item = (i64, i64)>) -> FirstVersions {
        let earlier: HashMap<i64, i64> = replaced.into_iter().map(|(id, by)| (by, id)).collect();
        let first = earlier
            .keys()
            .map(|&id| {
                let mut at = id;
                while let Some(&before) = earlier.get(&at) {
                    at = before;
                }
                (id, at)
            })
            .collect();
        FirstVersions(first)
    }

    /// The id of set `id`'s first version: its own unless it was corrected.
    pub fn of(&self, id: i64) -> i64 {
        self.0.get(&id).copied().unwrap_or(id)
    }

    /// Marks the corrections among one session's live `sets` and puts them
    /// in the order they were done: by time, a correction in its first
    /// version's place. Read in id order, they mostly are already, which
    /// the sort finds in one pass.
    pub fn place(&self, sets: &mut [SetRow]) {
        for set in sets.iter_mut() {
            set.corrected = self.0.contains_key(&set.id);
        }
        sets.sort_by_key(|s| (s.logged_at, self.of(s.id)));
    }
}

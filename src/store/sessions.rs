//! Sessions and their sets: start, log, resume, finish. Reads see only live
//! sets (not replaced or deleted by a correction).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::Store;
use super::error::{Result, StoreError};
use super::functions::volume;
use super::{plan, rows, summaries};
use crate::domain::session::{ActiveSession, LastTime, PlannedExercise, Unfinished};
use crate::domain::set::{Rpe, SetType};
use crate::domain::summary::Summary;
use crate::domain::time::to_db;
use crate::domain::{LoggedSet, NewSet, Routine};

impl Store {
    /// Runs one write statement, naming the file if it stays locked.
    fn write(&self, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
        self.conn
            .execute(sql, params)
            .map_err(|e| StoreError::at(&self.path, e))
    }

    /// Starts a session from a routine: one transaction for the session and its plan.
    /// Rests the routine leaves open must be filled in (`Routine::with_default_rest`).
    pub fn start_session(&mut self, routine: &Routine, at: DateTime<Utc>) -> Result<ActiveSession> {
        // IMMEDIATE takes the write lock up front, so a lock held elsewhere
        // shows here, named, rather than halfway through.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::at(&self.path, e))?;
        tx.execute(
            "INSERT INTO session (routine, started_at) VALUES (?1, ?2)",
            params![routine.name, to_db(at)],
        )?;
        let session = tx.last_insert_rowid();
        let plan: Vec<PlannedExercise> = routine
            .exercises
            .iter()
            .map(PlannedExercise::from_spec)
            .collect();
        plan::write(&tx, session, &plan)?;
        tx.commit()?;
        self.load_session(session)
    }

    /// A session with its plan, its logged sets and what each exercise did last time.
    pub fn load_session(&self, id: i64) -> Result<ActiveSession> {
        let (routine, started, position): (String, String, i64) = self.conn.query_row(
            "SELECT routine, started_at, current_position FROM session WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.name, e.kind, e.sides, p.planned_sets, p.target_reps, p.target_hold_ms, p.rest_ms, p.cue, p.tempo,
                    p.weighted
             FROM session_exercise p JOIN exercise e ON e.id = p.exercise_id
             WHERE p.session_id = ?1 ORDER BY p.position",
        )?;
        let mut plan = Vec::new();
        let mut rows_iter = stmt.query([id])?;
        while let Some(r) = rows_iter.next()? {
            let exercise_id: i64 = r.get(0)?;
            plan.push(PlannedExercise {
                exercise_id,
                name: r.get(1)?,
                kind: rows::kind(&r.get::<_, String>(2)?)?,
                sides: rows::sides(&r.get::<_, String>(3)?)?,
                sets: r.get(4)?,
                target_reps: r.get(5)?,
                target_hold: rows::duration(r.get(6)?),
                rest: rows::duration(r.get(7)?).unwrap_or_default(),
                cue: r.get(8)?,
                tempo: r
                    .get::<_, Option<String>>(9)?
                    .map(|t| t.parse())
                    .transpose()
                    .map_err(StoreError::BadValue)?,
                weighted: r.get(10)?,
                last: self.last_time(exercise_id, id)?,
                advice: None,
            });
        }
        let position = usize::try_from(position)
            .unwrap_or(0)
            .min(plan.len().saturating_sub(1));
        Ok(ActiveSession {
            id,
            routine,
            started_at: rows::timestamp(&started)?,
            plan,
            logged: self.session_sets(id)?,
            position,
        })
    }

    fn session_sets(&self, session: i64) -> Result<Vec<LoggedSet>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, exercise_id, set_number, side, reps, load_centi, load_unit, hold_ms, duration_ms, logged_at,
                    rpe, notes, set_type
             FROM live_set WHERE session_id = ?1 ORDER BY id",
        )?;
        let mut out = Vec::new();
        let mut q = stmt.query([session])?;
        while let Some(r) = q.next()? {
            out.push(LoggedSet {
                id: r.get(0)?,
                set: NewSet {
                    session_id: session,
                    exercise_id: r.get(1)?,
                    set_number: r.get(2)?,
                    side: rows::side(r.get(3)?)?,
                    work: rows::work(r, 4)?,
                    duration: rows::duration(r.get(8)?),
                    rpe: r.get::<_, Option<f64>>(10)?.and_then(Rpe::from_value),
                    note: r.get(11)?,
                    logged_at: rows::timestamp(&r.get::<_, String>(9)?)?,
                    set_type: rows::parsed::<SetType>(&r.get::<_, String>(12)?, "set type")?,
                },
            });
        }
        Ok(out)
    }

    /// The working sets of `exercise` in the latest session other than
    /// `current` (warm-ups are no guide to the working sets).
    pub(super) fn last_time(&self, exercise: i64, current: i64) -> Result<Option<LastTime>> {
        let stored: Option<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT c.started_at, c.session_id FROM session_chart c
                 WHERE c.exercise_id = ?1 AND c.session_id <> ?2
                 ORDER BY c.started_at DESC, c.session_id DESC LIMIT 1",
            )?
            .query_row([exercise, current], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        // A session a crash left open is newer than any ended one, mostly.
        let open = summaries::open_rows(&self.conn, exercise)?
            .into_iter()
            .map(|o| (o.started_at, o.row.session))
            .find(|&(_, s)| s != current);
        let Some((at, session)) = stored.into_iter().chain(open).max() else {
            return Ok(None);
        };
        let routine: String = self
            .conn
            .prepare_cached("SELECT routine FROM session WHERE id = ?1")?
            .query_row([session], |r| r.get(0))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT set_number, side, reps, load_centi, load_unit, hold_ms FROM live_set
             WHERE session_id = ?1 AND exercise_id = ?2 AND set_type <> 'warmup' ORDER BY id",
        )?;
        let mut sets = Vec::new();
        let mut q = stmt.query([session, exercise])?;
        while let Some(r) = q.next()? {
            sets.push((r.get(0)?, rows::side(r.get(1)?)?, rows::work(r, 2)?));
        }
        Ok(Some(LastTime {
            at: rows::timestamp(&at)?,
            routine,
            sets,
        }))
    }

    /// Stores one confirmed set, with what it adds to the summaries, in its
    /// own transaction (a savepoint inside a batch); returns its id. A
    /// warm-up set adds nothing to them: it is no record, no chart point
    /// and no volume.
    pub fn insert_set(&self, set: &NewSet) -> Result<i64> {
        let (reps, centi, unit, hold) = rows::work_columns(&set.work);
        let at = to_db(set.logged_at);
        let stored = super::transactions::atomically(&self.conn, |conn| {
            conn.prepare_cached(
                "INSERT INTO set_log (session_id, exercise_id, set_number, side, reps, load_centi, load_unit,
                                      hold_ms, duration_ms, logged_at, rpe, notes, set_type)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                set.session_id,
                set.exercise_id,
                set.set_number,
                set.side.map(|s| s.as_str()),
                reps,
                centi,
                unit,
                hold,
                set.duration.map(rows::millis),
                at,
                set.rpe.map(Rpe::value),
                set.note,
                set.set_type.as_str()
            ])?;
            let id = conn.last_insert_rowid();
            if set.set_type == SetType::Warmup {
                return Ok(id);
            }
            let fact = summaries::Fact {
                id,
                session: set.session_id,
                key: summaries::LoadKey {
                    exercise: set.exercise_id,
                    side: set.side.map_or("both", |s| s.as_str()),
                    centi: centi.unwrap_or(0),
                    unit: unit.unwrap_or(""),
                },
                reps: reps.map(i64::from),
                hold_ms: hold,
                at,
            };
            summaries::logged(conn, &fact)?;
            Ok(id)
        });
        stored.map_err(|e| match e {
            StoreError::Sqlite(e) => StoreError::at(&self.path, e),
            e => e,
        })
    }

    /// Sets the RPE and note of a logged set; its numbers are left alone.
    pub fn annotate_set(&self, id: i64, rpe: Option<Rpe>, note: Option<&str>) -> Result<()> {
        self.write(
            "UPDATE set_log SET rpe = ?2, notes = ?3 WHERE id = ?1",
            params![id, rpe.map(Rpe::value), note],
        )?;
        Ok(())
    }

    /// Remembers which exercise a session stands at, for resuming.
    pub fn save_position(&self, session: i64, position: usize) -> Result<()> {
        self.write(
            "UPDATE session SET current_position = ?2 WHERE id = ?1",
            params![session, position as i64],
        )?;
        Ok(())
    }

    pub fn save_planned_sets(&self, session: i64, position: usize, sets: u32) -> Result<()> {
        self.write(
            "UPDATE session_exercise SET planned_sets = ?3 WHERE session_id = ?1 AND position = ?2",
            params![session, position as i64, sets],
        )?;
        Ok(())
    }

    /// The newest session never finished, if any.
    pub fn unfinished(&self) -> Result<Option<Unfinished>> {
        let row: Option<(i64, String, String, u32, Option<String>)> = self
            .conn
            .query_row(
                "SELECT s.id, s.routine, s.started_at,
                        (SELECT count(*) FROM live_set l WHERE l.session_id = s.id),
                        (SELECT e.name FROM session_exercise p JOIN exercise e ON e.id = p.exercise_id
                         WHERE p.session_id = s.id AND p.position = s.current_position)
                 FROM session s WHERE s.ended_at IS NULL ORDER BY s.started_at DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        row.map(|(id, routine, started, sets, at_exercise)| {
            Ok(Unfinished {
                id,
                routine,
                started_at: rows::timestamp(&started)?,
                sets,
                at_exercise,
            })
        })
        .transpose()
    }

    /// Marks a session finished at `at`, with an optional note.
    pub fn finish_session(
        &self,
        session: i64,
        at: DateTime<Utc>,
        note: Option<&str>,
    ) -> Result<Summary> {
        self.end(
            session,
            "UPDATE session SET ended_at = ?2, notes = coalesce(?3, notes) WHERE id = ?1 AND ended_at IS NULL",
            params![session, to_db(at), note],
        )?;
        self.summary(session)
    }

    /// Ends an abandoned session at its last logged set (or its start).
    pub fn end_abandoned(&self, session: i64) -> Result<()> {
        self.end(
            session,
            "UPDATE session SET ended_at = coalesce(
                (SELECT max(logged_at) FROM set_log WHERE session_id = ?1), started_at)
             WHERE id = ?1 AND ended_at IS NULL",
            [session],
        )
    }

    /// Ends `session` by `sql` and, if that ended it (it was open), stores
    /// its chart rows, in one transaction.
    fn end(&self, session: i64, sql: &str, params: impl rusqlite::Params) -> Result<()> {
        let ended = super::transactions::atomically(&self.conn, |conn| {
            if conn.execute(sql, params)? == 1 {
                summaries::close(conn, session)?;
            }
            Ok(())
        });
        ended.map_err(|e| match e {
            StoreError::Sqlite(e) => StoreError::at(&self.path, e),
            e => e,
        })
    }

    pub fn summary(&self, session: i64) -> Result<Summary> {
        let (sets, reps, volume, left, right, both, started, ended): (
            u32,
            u32,
            f64,
            i64,
            i64,
            i64,
            String,
            Option<String>,
        ) = self.conn.query_row(
            concat!(
                "SELECT count(iif(l.set_type = 'warmup', NULL, l.id)),
                        coalesce(sum(iif(l.set_type = 'warmup', NULL, l.reps)), 0), ",
                volume!("l"),
                ",
                    coalesce(sum(CASE l.side WHEN 'left' THEN l.hold_ms END), 0),
                    coalesce(sum(CASE l.side WHEN 'right' THEN l.hold_ms END), 0),
                    coalesce(sum(CASE WHEN l.side IS NULL THEN l.hold_ms END), 0),
                    s.started_at, coalesce(s.ended_at, max(l.logged_at))
             FROM session s LEFT JOIN live_set l ON l.session_id = s.id WHERE s.id = ?1"
            ),
            [session],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            },
        )?;
        let started = rows::timestamp(&started)?;
        let ended = ended
            .map(|e| rows::timestamp(&e))
            .transpose()?
            .unwrap_or(started);
        Ok(Summary {
            sets,
            reps,
            volume_kg: volume,
            held_left: rows::duration(Some(left)).unwrap_or_default(),
            held_right: rows::duration(Some(right)).unwrap_or_default(),
            held_both: rows::duration(Some(both)).unwrap_or_default(),
            duration: (ended - started).to_std().unwrap_or_default(),
            records: vec![],
        })
    }

    /// Sessions done (with at least one working set), started in `[from, to)`.
    pub fn sessions_done_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM session s WHERE s.started_at >= ?1 AND s.started_at < ?2
               AND EXISTS (SELECT 1 FROM live_set l
                           WHERE l.session_id = s.id AND l.set_type <> 'warmup')",
            params![to_db(from), to_db(to)],
            |r| r.get(0),
        )?)
    }
}

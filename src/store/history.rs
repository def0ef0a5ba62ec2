//! Reading the past: week totals, sessions, sets, the streak. Aggregates are
//! computed by SQLite over index ranges, and only for the weeks asked for, so
//! the cost follows what is on screen, not the length of the history.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{OptionalExtension, Row, params};

use super::Store;
use super::corrections::FirstVersions;
use super::error::{Result, StoreError};
use super::functions::volume;
use super::rows;
use crate::domain::calendar::WeekRange;
use crate::domain::distance::Distance;
use crate::domain::history::{SessionRow, SetRow, Streak, Totals, WeekSummary};
use crate::domain::set::{Rpe, SetType, Work};
use crate::domain::time::to_db;

/// The aggregate columns of `Totals` over live sets aliased `l`. Warm-ups
/// add no session done, set, reps, volume or time held: they are counted
/// apart, so a session of warm-ups alone is still listed.
macro_rules! totals_columns {
    () => {
        concat!(
            "count(DISTINCT iif(l.set_type = 'warmup', NULL, l.session_id)),
             count(iif(l.set_type = 'warmup', NULL, l.id)),
             coalesce(sum(iif(l.set_type = 'warmup', NULL, l.reps)), 0), ",
            volume!("l"),
            ", coalesce(sum(iif(l.set_type = 'warmup', NULL, l.hold_ms)), 0),
             count(iif(l.set_type = 'warmup', l.id, NULL))"
        )
    };
}

/// The columns `version` reads, in order, of every version of a set
/// (`set_log l`, not `live_set`): the versions a correction replaced or a
/// deletion removed are read with the live ones, so one pass over a
/// session's sets also tells which live sets are corrections.
macro_rules! set_columns {
    () => {
        "l.replaced_by, l.deleted_at IS NOT NULL,
         l.id, l.exercise_id, l.set_number, l.side, l.reps, l.load_centi, l.load_unit,
         l.hold_ms, l.logged_at, l.rpe, l.notes, l.set_type, l.distance_centi, l.distance_unit, l.duration_ms"
    };
}

/// Text column `at`, borrowed.
fn text<'r>(r: &'r Row<'_>, at: usize) -> Result<&'r str> {
    r.get_ref(at)?
        .as_str()
        .map_err(|e| StoreError::BadValue(format!("column {at}: {e}")))
}

/// The set of `set_columns!` at column `at` if it is live; a replaced
/// version goes into `replaced` as (its id, its replacement's).
fn version(
    r: &Row<'_>,
    at: usize,
    names: &Names,
    replaced: &mut Vec<(i64, i64)>,
) -> Result<Option<SetRow>> {
    match (r.get::<_, Option<i64>>(at)?, r.get::<_, bool>(at + 1)?) {
        (Some(by), _) => {
            replaced.push((r.get(at + 2)?, by));
            Ok(None)
        }
        (None, true) => Ok(None),
        (None, false) => set_row(r, at + 2, names).map(Some),
    }
}

/// A live set from the `set_columns!` after the first two, at `at`; it is
/// marked corrected by [`FirstVersions::place`]. Text read only to be
/// parsed is borrowed from SQLite, not copied.
fn set_row(r: &Row<'_>, at: usize, names: &Names) -> Result<SetRow> {
    let exercise_id = r.get(at + 1)?;
    Ok(SetRow {
        id: r.get(at)?,
        exercise_id,
        exercise: names
            .get(&exercise_id)
            .cloned()
            .ok_or_else(|| StoreError::BadValue(format!("exercise {exercise_id}")))?,
        set_number: r.get(at + 2)?,
        side: rows::side(r.get(at + 3)?)?,
        work: match (
            r.get_ref(at + 4)?,
            r.get_ref(at + 7)?,
            r.get::<_, Option<i64>>(at + 14)?,
        ) {
            // No reps, no hold, a time: cardio an import brought.
            (ValueRef::Null, ValueRef::Null, Some(ms)) => Work::Cardio {
                time: Duration::from_millis(u64::try_from(ms).unwrap_or(0)),
            },
            _ => rows::work(r, at + 4)?,
        },
        logged_at: rows::timestamp(text(r, at + 8)?)?,
        corrected: false,
        rpe: r.get::<_, Option<f64>>(at + 9)?.and_then(Rpe::from_value),
        note: r.get(at + 10)?,
        kind: rows::parsed::<SetType>(text(r, at + 11)?, "set type")?,
        distance: match (r.get(at + 12)?, r.get::<_, Option<String>>(at + 13)?) {
            (Some(centi), Some(unit)) => Some(Distance {
                centi,
                unit: unit.parse().map_err(StoreError::BadValue)?,
            }),
            _ => None,
        },
    })
}

fn totals(r: &Row<'_>, at: usize) -> rusqlite::Result<Totals> {
    Ok(Totals {
        sessions: r.get(at)?,
        sets: r.get(at + 1)?,
        reps: r.get(at + 2)?,
        volume_kg: r.get(at + 3)?,
        held: Duration::from_millis(r.get::<_, i64>(at + 4)?.max(0).unsigned_abs()),
        warmups: r.get(at + 5)?,
    })
}

/// Exercise names by id, each shared by all the sets of its exercise.
type Names = HashMap<i64, Arc<str>>;

impl Store {
    /// Every exercise's name: a few dozen rows, read once for a list of
    /// sets instead of joined (and copied) once per set.
    fn exercise_names(&self) -> Result<Names> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name FROM exercise")?;
        let names = stmt
            .query_map([], |r| Ok((r.get(0)?, Arc::from(r.get::<_, String>(1)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// Totals for each of `weeks`, in the same order; a week with no session
    /// comes back with zero totals. `exercise` narrows every total to it.
    pub fn week_summaries(
        &self,
        weeks: &[WeekRange],
        exercise: Option<i64>,
    ) -> Result<Vec<WeekSummary>> {
        let bounds: Vec<[String; 2]> = weeks
            .iter()
            .map(|w| [to_db(w.start), to_db(w.end)])
            .collect();
        let bounds =
            serde_json::to_string(&bounds).map_err(|e| StoreError::BadValue(e.to_string()))?;
        let mut stmt = self.conn.prepare_cached(concat!(
            "WITH w(i, lo, hi) AS (SELECT key, value ->> 0, value ->> 1 FROM json_each(?1))
             SELECT w.i, ",
            totals_columns!(),
            " FROM w
             LEFT JOIN session s ON s.started_at >= w.lo AND s.started_at < w.hi
             LEFT JOIN live_set l ON l.session_id = s.id AND (?2 IS NULL OR l.exercise_id = ?2)
             GROUP BY w.i ORDER BY w.i"
        ))?;
        let mut out = Vec::with_capacity(weeks.len());
        let mut q = stmt.query(params![bounds, exercise])?;
        while let Some(r) = q.next()? {
            let i: i64 = r.get(0)?;
            if let Some(&week) = usize::try_from(i).ok().and_then(|i| weeks.get(i)) {
                out.push(WeekSummary {
                    week,
                    totals: totals(r, 1)?,
                });
            }
        }
        Ok(out)
    }

    /// Sessions with at least one live set (of `exercise`, if given) started
    /// in `[from, to)`, oldest first, with their totals. CROSS JOIN keeps
    /// SQLite on the session range first: without statistics it may
    /// otherwise walk every set of the history.
    pub fn sessions_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        exercise: Option<i64>,
    ) -> Result<Vec<SessionRow>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT s.id, s.routine, s.started_at, s.ended_at, s.notes, ",
            totals_columns!(),
            " FROM session s CROSS JOIN live_set l ON l.session_id = s.id AND (?3 IS NULL OR l.exercise_id = ?3)
             WHERE s.started_at >= ?1 AND s.started_at < ?2
             GROUP BY s.started_at, s.id ORDER BY s.started_at, s.id"
        ))?;
        let mut out = Vec::new();
        let mut q = stmt.query(params![to_db(from), to_db(to), exercise])?;
        while let Some(r) = q.next()? {
            out.push(SessionRow {
                id: r.get(0)?,
                routine: r.get(1)?,
                started_at: rows::timestamp(&r.get::<_, String>(2)?)?,
                ended_at: rows::timestamp_at(r, 3)?,
                notes: r.get(4)?,
                totals: totals(r, 5)?,
            });
        }
        Ok(out)
    }

    /// The live sets of a session in the order they were done.
    pub fn session_set_rows(&self, session: i64) -> Result<Vec<SetRow>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT ",
            set_columns!(),
            " FROM set_log l WHERE l.session_id = ?1 ORDER BY l.id"
        ))?;
        let names = self.exercise_names()?;
        let (mut out, mut replaced) = (Vec::new(), Vec::new());
        let mut q = stmt.query([session])?;
        while let Some(r) = q.next()? {
            out.extend(version(r, 0, &names, &mut replaced)?);
        }
        FirstVersions::from_replaced(replaced).place(&mut out);
        Ok(out)
    }

    /// Every session started in `[from, to)` with its live sets, in one pass
    /// over the sets: the totals are summed from the rows, not aggregated
    /// again in SQL, and which sets are corrections is seen from the
    /// versions they replaced. For listing every set of many weeks.
    pub fn sessions_with_sets(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        exercise: Option<i64>,
    ) -> Result<Vec<(SessionRow, Vec<SetRow>)>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT s.id, s.routine, s.started_at, s.ended_at, s.notes, ",
            set_columns!(),
            " FROM session s CROSS JOIN set_log l ON l.session_id = s.id AND (?3 IS NULL OR l.exercise_id = ?3)
             WHERE s.started_at >= ?1 AND s.started_at < ?2
             ORDER BY s.started_at, s.id, l.id"
        ))?;
        let names = self.exercise_names()?;
        let mut out: Vec<(SessionRow, Vec<SetRow>)> = Vec::new();
        let mut replaced = Vec::new();
        let mut q = stmt.query(params![to_db(from), to_db(to), exercise])?;
        while let Some(r) = q.next()? {
            let Some(set) = version(r, 5, &names, &mut replaced)? else {
                continue;
            };
            let id: i64 = r.get(0)?;
            if out.last().is_none_or(|(s, _)| s.id != id) {
                let session = SessionRow {
                    id,
                    routine: r.get(1)?,
                    started_at: rows::timestamp(&r.get::<_, String>(2)?)?,
                    ended_at: rows::timestamp_at(r, 3)?,
                    notes: r.get(4)?,
                    totals: Totals::default(),
                };
                out.push((session, Vec::new()));
            }
            if let Some((_, sets)) = out.last_mut() {
                sets.push(set);
            }
        }
        let first = FirstVersions::from_replaced(replaced);
        for (session, sets) in &mut out {
            first.place(sets);
            session.totals = Totals::of_sets(sets);
        }
        Ok(out)
    }

    /// Weeks in a row that met the target, counted back from `current`.
    /// Reads session starts newest first and stops at the first missed week.
    pub fn streak(
        &self,
        current: WeekRange,
        target: u32,
        week_of: impl Fn(DateTime<Utc>) -> chrono::NaiveDate,
    ) -> Result<u32> {
        let mut streak = Streak::new(current.first_day, target);
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.started_at FROM session s
             WHERE s.started_at < ?1
               AND EXISTS (SELECT 1 FROM live_set l WHERE l.session_id = s.id AND l.set_type <> 'warmup')
             ORDER BY s.started_at DESC",
        )?;
        let mut q = stmt.query([to_db(current.end)])?;
        while let Some(r) = q.next()? {
            if !streak.push(week_of(rows::timestamp(&r.get::<_, String>(0)?)?)) {
                break;
            }
        }
        Ok(streak.finish())
    }

    /// The start of the first session with a set, if any.
    pub fn first_session_start(&self) -> Result<Option<DateTime<Utc>>> {
        let first: Option<String> = self
            .conn
            .query_row(
                "SELECT s.started_at FROM session s
                 WHERE EXISTS (SELECT 1 FROM live_set l WHERE l.session_id = s.id)
                 ORDER BY s.started_at LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        first.map(|t| rows::timestamp(&t)).transpose()
    }
}

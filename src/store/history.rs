//! Reading the past: week totals, sessions, sets, the streak. Aggregates are
//! computed by SQLite over index ranges, and only for the weeks asked for, so
//! the cost follows what is on screen, not the length of the history.

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

/// The aggregate columns of `Totals` over live sets aliased `l`. A session
/// counts with any set, but warm-ups add no set, reps, volume or time held.
macro_rules! totals_columns {
    () => {
        concat!(
            "count(DISTINCT l.session_id), count(iif(l.set_type = 'warmup', NULL, l.id)),
             coalesce(sum(iif(l.set_type = 'warmup', NULL, l.reps)), 0), ",
            volume!("l"),
            ", coalesce(sum(iif(l.set_type = 'warmup', NULL, l.hold_ms)), 0)"
        )
    };
}

/// The columns `set_row` reads, in order.
macro_rules! set_columns {
    () => {
        "l.id, l.exercise_id, e.name, l.set_number, l.side, l.reps, l.load_centi, l.load_unit,
         l.hold_ms, l.logged_at, EXISTS (SELECT 1 FROM set_log o WHERE o.replaced_by = l.id), l.rpe, l.notes,
         l.set_type, l.distance_centi, l.distance_unit, l.duration_ms"
    };
}

/// A set from the `set_columns!` starting at column `at`.
fn set_row(r: &Row<'_>, at: usize) -> Result<SetRow> {
    Ok(SetRow {
        id: r.get(at)?,
        exercise_id: r.get(at + 1)?,
        exercise: r.get(at + 2)?,
        set_number: r.get(at + 3)?,
        side: rows::side(r.get(at + 4)?)?,
        work: match (
            r.get_ref(at + 5)?,
            r.get_ref(at + 8)?,
            r.get::<_, Option<i64>>(at + 16)?,
        ) {
            // No reps, no hold, a time: cardio an import brought.
            (ValueRef::Null, ValueRef::Null, Some(ms)) => Work::Cardio {
                time: Duration::from_millis(u64::try_from(ms).unwrap_or(0)),
            },
            _ => rows::work(r, at + 5)?,
        },
        logged_at: rows::timestamp(&r.get::<_, String>(at + 9)?)?,
        corrected: r.get(at + 10)?,
        rpe: r.get::<_, Option<f64>>(at + 11)?.and_then(Rpe::from_value),
        note: r.get(at + 12)?,
        kind: {
            let kind: String = r.get(at + 13)?;
            rows::parsed::<SetType>(&kind, "set type")?
        },
        distance: match (r.get(at + 14)?, r.get::<_, Option<String>>(at + 15)?) {
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
    })
}

impl Store {
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
            " FROM live_set l JOIN exercise e ON e.id = l.exercise_id
             WHERE l.session_id = ?1
             ORDER BY l.logged_at, l.id"
        ))?;
        let mut out = Vec::new();
        let mut q = stmt.query([session])?;
        while let Some(r) = q.next()? {
            out.push(set_row(r, 0)?);
        }
        let first = FirstVersions::of_session(&self.conn, session)?;
        out.sort_by_key(|s| (s.logged_at, first.of(s.id)));
        Ok(out)
    }

    /// Every session started in `[from, to)` with its live sets, in one pass
    /// over the sets: the totals are summed from the rows, not aggregated
    /// again in SQL. For listing every set of many weeks.
    pub fn sessions_with_sets(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        exercise: Option<i64>,
    ) -> Result<Vec<(SessionRow, Vec<SetRow>)>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT s.id, s.routine, s.started_at, s.ended_at, s.notes, ",
            set_columns!(),
            " FROM session s CROSS JOIN live_set l ON l.session_id = s.id AND (?3 IS NULL OR l.exercise_id = ?3)
             JOIN exercise e ON e.id = l.exercise_id
             WHERE s.started_at >= ?1 AND s.started_at < ?2
             ORDER BY s.started_at, s.id, l.logged_at, l.id"
        ))?;
        let mut out: Vec<(SessionRow, Vec<SetRow>)> = Vec::new();
        let mut q = stmt.query(params![to_db(from), to_db(to), exercise])?;
        while let Some(r) = q.next()? {
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
                sets.push(set_row(r, 5)?);
            }
        }
        let first = FirstVersions::of_sessions_between(&self.conn, from, to)?;
        for (session, sets) in &mut out {
            if !first.is_empty() {
                sets.sort_by_key(|s| (s.logged_at, first.of(s.id)));
            }
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
             WHERE s.started_at < ?1 AND EXISTS (SELECT 1 FROM live_set l WHERE l.session_id = s.id)
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

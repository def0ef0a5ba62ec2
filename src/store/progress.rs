//! One exercise over time: chart points, read from `session_chart` (one
//! small row per session and side, kept by `summaries`), so a chart costs
//! the sessions of its span, not their sets or loads.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Statement, params};

use super::Store;
use super::error::Result;
use super::rows;
use crate::domain::progress::{PerSide, ProgressPoint};
use crate::domain::set::{Side, Work};
use crate::domain::time::to_db;

/// `max(<value>)` for each side, as three columns: both, left, right.
macro_rules! per_side_max {
    ($v:expr, $name:literal) => {
        concat!(
            "max(CASE b.side WHEN 'both' THEN ",
            $v,
            " END) AS ",
            $name,
            "_both, ",
            "max(CASE b.side WHEN 'left' THEN ",
            $v,
            " END) AS ",
            $name,
            "_left, ",
            "max(CASE b.side WHEN 'right' THEN ",
            $v,
            " END) AS ",
            $name,
            "_right"
        )
    };
}

/// Groups `per_session` (session `s` at `at`, of `n` in the span) into
/// chart points: a session each while they fit the spans of `?4` days
/// over `[?2, ?3)`, else one per span.
macro_rules! per_point {
    () => {
        "GROUP BY CASE WHEN n <= (julianday(?3) - julianday(?2)) / ?4 THEN s
                  ELSE -1 - CAST((julianday(at) - julianday(?2)) / ?4 AS INTEGER) END
         ORDER BY 1"
    };
}
pub(super) use per_point;

/// The points `stmt` (bound to exercise, from, to and bucket days) yields.
pub(super) fn points(
    stmt: &mut Statement<'_>,
    (exercise, from, to, bucket_days): (i64, DateTime<Utc>, DateTime<Utc>, f64),
    point: impl Fn(&Row<'_>) -> Result<ProgressPoint>,
) -> Result<Vec<ProgressPoint>> {
    let mut out = Vec::new();
    let mut q = stmt.query(params![
        exercise,
        to_db(from),
        to_db(to),
        bucket_days.max(1e-6)
    ])?;
    while let Some(r) = q.next()? {
        out.push(point(r)?);
    }
    Ok(out)
}

fn per_side(r: &Row<'_>, at: usize, scale: f64) -> rusqlite::Result<PerSide> {
    let v = |i| {
        r.get::<_, Option<f64>>(at + i)
            .map(|v| v.map(|v| v * scale))
    };
    Ok(PerSide {
        both: v(0)?,
        left: v(1)?,
        right: v(2)?,
    })
}

impl Store {
    /// Chart points for `exercise` over `[from, to)`: one per session, or the
    /// best of each span of `bucket_days` when sessions outnumber those spans.
    pub fn progress(
        &self,
        exercise: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        bucket_days: f64,
    ) -> Result<Vec<ProgressPoint>> {
        // A session belongs to the span its start is in, as in the weeks.
        let mut stmt = self.conn.prepare_cached(concat!(
            "WITH per_session AS (
               SELECT b.session_id AS s, min(b.first_at) AS at, count(*) OVER () AS n,
                      volume_kg(sum(b.kg_centi), sum(b.lb_centi)) AS volume, max(b.heaviest_kg) AS heaviest, ",
            per_side_max!("b.reps", "r"),
            ", ",
            per_side_max!("b.e1rm_kg", "e"),
            ", ",
            per_side_max!("b.hold_ms", "h"),
            " FROM session_chart b WHERE b.exercise_id = ?1 AND b.started_at >= ?2 AND b.started_at < ?3
               GROUP BY b.started_at, b.session_id)
             SELECT min(at), max(volume), max(heaviest), max(r_both), max(r_left), max(r_right),
                    max(e_both), max(e_left), max(e_right), max(h_both), max(h_left), max(h_right)
             FROM per_session
             ",
            per_point!()
        ))?;
        points(&mut stmt, (exercise, from, to, bucket_days), |r| {
            Ok(ProgressPoint {
                at: rows::timestamp(&r.get::<_, String>(0)?)?,
                volume_kg: r.get(1)?,
                heaviest_kg: r.get(2)?,
                reps: per_side(r, 3, 1.0)?,
                e1rm_kg: per_side(r, 6, 1.0)?,
                hold_secs: per_side(r, 9, 0.001)?,
                ..ProgressPoint::default()
            })
        })
    }

    /// The sets, by side, of the latest session in `[from, to)` that did
    /// `exercise` on both its left and its right: the chart's span bounds
    /// the walk back.
    pub fn latest_sides(
        &self,
        exercise: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(Side, Work)>> {
        let session: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT l.session_id FROM session_chart l
                 WHERE l.exercise_id = ?1 AND l.started_at >= ?2 AND l.started_at < ?3 AND l.side = 'left'
                   AND EXISTS (SELECT 1 FROM session_chart r
                               WHERE r.exercise_id = l.exercise_id AND r.started_at = l.started_at
                                 AND r.session_id = l.session_id AND r.side = 'right')
                 ORDER BY l.started_at DESC LIMIT 1",
            )?
            .query_row(params![exercise, to_db(from), to_db(to)], |r| r.get(0))
            .optional()?;
        let Some(session) = session else {
            return Ok(vec![]);
        };
        Ok(self
            .session_set_rows(session)?
            .into_iter()
            .filter(|s| s.exercise_id == exercise)
            .filter_map(|s| Some((s.side?, s.work)))
            .collect())
    }
}

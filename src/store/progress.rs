//! One exercise over time: chart points, read from `session_chart` (one
//! small row per session and side, kept by `summaries`), so a chart costs
//! the sessions of its span, not their sets or loads.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Statement, params};

use super::Store;
use super::error::Result;
use super::{rows, summaries};
use crate::domain::chart;
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

/// One row per session of `$chart` (`session_chart`, or the open
/// sessions' rows) in the span, its sides merged.
macro_rules! per_session {
    ($chart:literal) => {
        concat!(
            "SELECT b.session_id AS s, min(b.first_at) AS at,
                    volume_kg(sum(b.kg_centi), sum(b.lb_centi)) AS volume, max(b.heaviest_kg) AS heaviest, ",
            per_side_max!("b.reps", "r"),
            ", ",
            per_side_max!("b.e1rm_kg", "e"),
            ", ",
            per_side_max!("b.hold_ms", "h"),
            " FROM ",
            $chart,
            " b WHERE b.exercise_id = ?1 AND b.started_at >= ?2 AND b.started_at < ?3
             GROUP BY b.started_at, b.session_id"
        )
    };
}

/// The chart's query over `$sessions`, the rows of `per_session!`: a
/// point per session, grouped into spans by `domain::chart`.
macro_rules! progress_sql {
    ($sessions:expr) => {
        concat!(
            "SELECT at, volume, heaviest, r_both, r_left, r_right,
                    e_both, e_left, e_right, h_both, h_left, h_right FROM (",
            $sessions,
            ")"
        )
    };
}

/// The chart points of the sessions `stmt` (bound to exercise, from, to
/// and, if given, the open sessions' rows) yields, a `point` each.
pub(super) fn points(
    stmt: &mut Statement<'_>,
    (exercise, from, to, bucket_days): (i64, DateTime<Utc>, DateTime<Utc>, f64),
    open: Option<&str>,
    point: impl Fn(&Row<'_>) -> Result<ProgressPoint>,
) -> Result<Vec<ProgressPoint>> {
    let mut sessions = Vec::new();
    let (lo, hi) = (to_db(from), to_db(to));
    let mut q = match open {
        Some(open) => stmt.query(params![exercise, lo, hi, open])?,
        None => stmt.query(params![exercise, lo, hi])?,
    };
    while let Some(r) = q.next()? {
        sessions.push(point(r)?);
    }
    Ok(chart::points(sessions, from, to, bucket_days))
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
        // A session is in the chart when its start is in `[from, to)`, as in
        // the weeks; `domain::chart` places it in a span by its first set.
        // Sessions not yet ended are folded from their sets (`?4`), and
        // only when there are any, so that the chart of ended ones reads
        // `session_chart` in key order with no sort.
        let open: Vec<_> = summaries::open_rows(&self.conn, exercise)?
            .into_iter()
            .map(|o| {
                let c = o.row;
                serde_json::json!([
                    o.started_at,
                    c.session,
                    c.side,
                    c.first_at,
                    c.kg_centi,
                    c.lb_centi,
                    c.heaviest_kg,
                    c.reps,
                    c.e1rm_kg,
                    c.hold_ms
                ])
            })
            .collect();
        let mut stmt = if open.is_empty() {
            self.conn
                .prepare_cached(progress_sql!(per_session!("session_chart")))?
        } else {
            // Each part grouped on its own: the ended sessions' rows stay in
            // key order, with no sort of the span's rows.
            self.conn.prepare_cached(progress_sql!(concat!(
                per_session!("session_chart"),
                " UNION ALL ",
                per_session!(
                    "(SELECT j.value ->> 0 AS started_at, j.value ->> 1 AS session_id,
                             j.value ->> 2 AS side, j.value ->> 3 AS first_at, j.value ->> 4 AS kg_centi,
                             j.value ->> 5 AS lb_centi, j.value ->> 6 AS heaviest_kg, j.value ->> 7 AS reps,
                             j.value ->> 8 AS e1rm_kg, j.value ->> 9 AS hold_ms, ?1 AS exercise_id
                      FROM json_each(?4) j)"
                )
            )))?
        };
        let open = (!open.is_empty()).then(|| serde_json::Value::from(open).to_string());
        points(
            &mut stmt,
            (exercise, from, to, bucket_days),
            open.as_deref(),
            |r| {
                Ok(ProgressPoint {
                    at: rows::timestamp(&r.get::<_, String>(0)?)?,
                    volume_kg: r.get(1)?,
                    heaviest_kg: r.get(2)?,
                    reps: per_side(r, 3, 1.0)?,
                    e1rm_kg: per_side(r, 6, 1.0)?,
                    hold_secs: per_side(r, 9, 0.001)?,
                    ..ProgressPoint::default()
                })
            },
        )
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
        let (from, to) = (to_db(from), to_db(to));
        let stored: Option<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT l.started_at, l.session_id FROM session_chart l
                 WHERE l.exercise_id = ?1 AND l.started_at >= ?2 AND l.started_at < ?3 AND l.side = 'left'
                   AND EXISTS (SELECT 1 FROM session_chart r
                               WHERE r.exercise_id = l.exercise_id AND r.started_at = l.started_at
                                 AND r.session_id = l.session_id AND r.side = 'right')
                 ORDER BY l.started_at DESC, l.session_id DESC LIMIT 1",
            )?
            .query_row(params![exercise, from, to], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        // Sessions not yet ended, folded from their sets: left rows whose
        // session has a right row too.
        let open = summaries::open_rows(&self.conn, exercise)?;
        let both = open.iter().filter(|l| {
            l.row.side == "left"
                && (from.as_str()..to.as_str()).contains(&l.started_at.as_str())
                && open
                    .iter()
                    .any(|r| r.row.session == l.row.session && r.row.side == "right")
        });
        let open = both.map(|l| (l.started_at.clone(), l.row.session)).max();
        let Some((_, session)) = stored.into_iter().chain(open).max() else {
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

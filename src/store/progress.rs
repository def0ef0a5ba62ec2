//! One exercise over time: chart points, read from `session_chart` (one
//! small row per session and side, kept by `summaries`), so a chart costs
//! the sessions of its span, not their sets or loads.

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};

use super::Store;
use super::error::Result;
use super::rows;
use crate::domain::progress::{PerSide, ProgressPoint};
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
    /// best of each span of `bucket_days` when sessions outnumber the columns.
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
               SELECT min(b.first_at) AS at, sum(b.reps) AS reps,
                      volume_kg(sum(b.kg_centi), sum(b.lb_centi)) AS volume, max(b.heaviest_kg) AS heaviest, ",
            per_side_max!("b.e1rm_kg", "e"),
            ", ",
            per_side_max!("b.hold_ms", "h"),
            " FROM session_chart b WHERE b.exercise_id = ?1 AND b.started_at >= ?2 AND b.started_at < ?3
               GROUP BY b.started_at, b.session_id)
             SELECT min(at), max(reps), max(volume), max(heaviest),
                    max(e_both), max(e_left), max(e_right), max(h_both), max(h_left), max(h_right)
             FROM per_session
             GROUP BY CAST((julianday(at) - julianday(?2)) / ?4 AS INTEGER) ORDER BY 1"
        ))?;
        let mut out = Vec::new();
        let mut q = stmt.query(params![
            exercise,
            to_db(from),
            to_db(to),
            bucket_days.max(1e-6)
        ])?;
        while let Some(r) = q.next()? {
            out.push(ProgressPoint {
                at: rows::timestamp(&r.get::<_, String>(0)?)?,
                reps: r.get(1)?,
                volume_kg: r.get(2)?,
                heaviest_kg: r.get(3)?,
                e1rm_kg: per_side(r, 4, 1.0)?,
                hold_secs: per_side(r, 7, 0.001)?,
            });
        }
        Ok(out)
    }
}

//! The chart rows of sessions not yet ended. `session_chart` holds rows of
//! ended sessions only: a set logged writes none, since one more b-tree
//! page per commit was most of what a commit cost over a bare insert
//! (docs/PERFORMANCE.md, "Committing a set"). An open session's rows are
//! folded from its live sets when read, by the same [`chart_add`] the
//! other paths use, and written once when it ends ([`close`]). A crash
//! leaves the session open, so its rows are still folded from its sets
//! until it is resumed and finished, or ended as abandoned.

use rusqlite::{Connection, params};

use super::fold::{ChartRow, chart_add};
use super::{fact, facts, write_chart_rows};
use crate::store::error::Result;

/// An open session's chart row for one exercise and side, with the
/// session's start, as `session_chart` keys it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRow {
    pub started_at: String,
    pub row: ChartRow,
}

/// The chart rows of `exercise` in sessions not yet ended, newest session
/// first. Open sessions are few (the one in progress, or one a crash left),
/// found through `session_unfinished`, and their sets through
/// `set_by_session`.
pub fn open_rows(conn: &Connection, exercise: i64) -> Result<Vec<OpenRow>> {
    let mut sessions = conn.prepare_cached(
        "SELECT id, started_at FROM session WHERE ended_at IS NULL
         ORDER BY started_at DESC, id DESC",
    )?;
    let open: Vec<(i64, String)> = sessions
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut sets = conn.prepare_cached(facts!("l.session_id = ?1 AND l.exercise_id = ?2"))?;
    let mut out = Vec::new();
    for (session, started_at) in open {
        let mut rows = Vec::new();
        let mut q = sets.query(params![session, exercise])?;
        while let Some(r) = q.next()? {
            chart_add(&mut rows, &fact(r)?);
        }
        rows.sort_by_key(|c| c.side);
        out.extend(rows.into_iter().map(|row| OpenRow {
            started_at: started_at.clone(),
            row,
        }));
    }
    Ok(out)
}

/// Writes the chart rows of `session`, which has just ended.
pub fn close(conn: &Connection, session: i64) -> Result<()> {
    let mut stmt = conn.prepare_cached(facts!("l.session_id = ?1"))?;
    let mut rows = Vec::new();
    let mut q = stmt.query([session])?;
    while let Some(r) = q.next()? {
        chart_add(&mut rows, &fact(r)?);
    }
    write_chart_rows(conn, &rows)
}

/// Whether `session` has not ended, so its chart rows are not stored.
pub fn is_open(conn: &Connection, session: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT ended_at IS NULL FROM session WHERE id = ?1")?
        .query_row([session], |r| r.get(0))?)
}

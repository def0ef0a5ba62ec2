//! Summaries of many sessions at once, folded in memory.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{
    ChartRow, Fact, LoadKey, LoadRow, SessionRow, chart_add, fact, facts, read_load_row,
    write_chart_rows, write_load_row, write_session_row,
};
use crate::store::error::Result;

/// Summaries of many new sessions at once (an import, the upgrade): a
/// session's rows are folded in memory and written when it ends, and the
/// all-time rows are written once, at [`Batch::finish`].
#[derive(Default)]
pub struct Batch {
    session: Option<i64>,
    rows: HashMap<LoadKey, SessionRow>,
    charts: Vec<ChartRow>,
    loads: HashMap<LoadKey, LoadRow>,
}

impl Batch {
    /// Counts live set `fact` of a session that had no sets before this
    /// batch. Each session's sets come together.
    pub fn add(&mut self, conn: &Connection, fact: &Fact) -> Result<()> {
        if self.session != Some(fact.session) {
            self.end_session(conn)?;
            self.session = Some(fact.session);
        }
        self.rows
            .entry(fact.key)
            .or_insert_with(|| SessionRow::new(fact))
            .add(fact);
        chart_add(&mut self.charts, fact);
        Ok(())
    }

    fn end_session(&mut self, conn: &Connection) -> Result<()> {
        write_chart_rows(conn, &self.charts)?;
        self.charts.clear();
        for (key, row) in self.rows.drain() {
            write_session_row(conn, &row)?;
            let mut best = match self.loads.remove(&key) {
                Some(best) => best,
                None => read_load_row(conn, key)?,
            };
            best.absorb(&row);
            self.loads.insert(key, best);
        }
        self.session = None;
        Ok(())
    }

    /// Writes what is held, so that `conn` can be read or changed directly.
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        self.end_session(conn)?;
        for (_, best) in self.loads.drain() {
            write_load_row(conn, &best)?;
        }
        Ok(())
    }

    pub fn finish(mut self, conn: &Connection) -> Result<()> {
        self.flush(conn)
    }
}

/// Builds both summaries from every live set (the upgrade to migration 08,
/// and the tests' reference), one session at a time.
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM session_best; DELETE FROM load_best; DELETE FROM session_chart;",
    )?;
    let mut batch = Batch::default();
    let mut stmt = conn.prepare(facts!("1"))?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let fact = fact(r)?;
        batch.add(conn, &fact)?;
    }
    batch.finish(conn)
}

//! Summaries of many sessions at once, folded in memory.

use std::collections::HashMap;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

use super::{
    Best, ChartRow, Fact, LoadKey, LoadRow, SESSION_COLUMNS, SessionRow, chart_add, fact, facts,
    read_load_row, write_load_row,
};
use crate::store::error::Result;
use crate::store::many::{Inserts, int, real, text};

/// Summaries of many new sessions at once (an import, the upgrade): a
/// session's rows are folded in memory and written when it ends, and the
/// all-time rows are written once, at [`Batch::finish`].
pub struct Batch<'c> {
    conn: &'c Connection,
    /// Writes the `session_best` rows of each session as it ends.
    best: Inserts<'c>,
    /// Writes its `session_chart` rows: new ones, the session being new to
    /// them (see [`Batch::add`]).
    chart: Inserts<'c>,
    session: Option<i64>,
    rows: HashMap<LoadKey, SessionRow>,
    charts: Vec<ChartRow>,
    loads: HashMap<LoadKey, LoadRow>,
}

impl<'c> Batch<'c> {
    pub fn new(conn: &'c Connection) -> Result<Batch<'c>> {
        Ok(Batch {
            conn,
            best: Inserts::new(
                conn,
                &format!("INSERT OR REPLACE INTO session_best ({SESSION_COLUMNS}) VALUES"),
                13,
            )?,
            chart: Inserts::new(
                conn,
                "INSERT INTO session_chart (exercise_id, started_at, session_id, side, sets, first_at,
                     reps, kg_centi, lb_centi, heaviest_kg, e1rm_kg, hold_ms) VALUES",
                12,
            )?,
            session: None,
            rows: HashMap::new(),
            charts: Vec::new(),
            loads: HashMap::new(),
        })
    }

    /// Counts live set `fact` of a session that had no sets before this
    /// batch. Each session's sets come together.
    pub fn add(&mut self, fact: &Fact) -> Result<()> {
        if self.session != Some(fact.session) {
            self.end_session()?;
            self.session = Some(fact.session);
        }
        self.rows
            .entry(fact.key)
            .or_insert_with(|| SessionRow::new(fact))
            .add(fact);
        chart_add(&mut self.charts, fact);
        Ok(())
    }

    fn end_session(&mut self) -> Result<()> {
        let conn = self.conn;
        // An open session's chart rows are not stored (`super::open`).
        if let Some(session) = self.session {
            let ended: Option<String> = conn
                .prepare_cached(
                    "SELECT started_at FROM session WHERE id = ?1 AND ended_at IS NOT NULL",
                )?
                .query_row([session], |r| r.get(0))
                .optional()?;
            if let Some(started_at) = ended {
                self.write_charts(&started_at)?;
            }
        }
        self.charts.clear();
        // In key order: the b-tree is walked forwards.
        let mut rows: Vec<SessionRow> = self.rows.drain().map(|(_, row)| row).collect();
        rows.sort_unstable_by_key(|r| r.key);
        let mut values = Vec::with_capacity(rows.len() * 13);
        for row in rows.iter().filter(|r| !r.is_empty()) {
            let k = row.key;
            values.extend([
                ValueRef::Integer(k.exercise),
                text(Some(k.side)),
                ValueRef::Integer(k.centi),
                text(Some(k.unit)),
                ValueRef::Integer(row.session),
            ]);
            for best in [&row.most_reps, &row.hold] {
                values.extend(best_values(best.as_ref()));
            }
        }
        self.best.insert(&values)?;
        for row in rows {
            let mut best = match self.loads.remove(&row.key) {
                Some(best) => best,
                None => read_load_row(conn, row.key)?,
            };
            best.absorb(&row);
            self.loads.insert(row.key, best);
        }
        self.session = None;
        Ok(())
    }

    /// The session's chart rows, one statement held for them all (a row
    /// each, no look-up of the session per row).
    fn write_charts(&mut self, started_at: &str) -> Result<()> {
        let mut values = Vec::with_capacity(self.charts.len() * 12);
        for c in &self.charts {
            values.extend([
                ValueRef::Integer(c.exercise),
                text(Some(started_at)),
                ValueRef::Integer(c.session),
                text(Some(c.side)),
                ValueRef::Integer(c.sets),
                text(Some(&c.first_at)),
                ValueRef::Integer(c.reps),
                ValueRef::Integer(c.kg_centi),
                ValueRef::Integer(c.lb_centi),
                real(c.heaviest_kg),
                real(c.e1rm_kg),
                int(c.hold_ms),
            ]);
        }
        self.chart.insert(&values)
    }

    /// Writes what is held, so that the database can be read or changed
    /// directly.
    pub fn flush(&mut self) -> Result<()> {
        self.end_session()?;
        for (_, best) in self.loads.drain() {
            write_load_row(self.conn, &best)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.flush()
    }
}

/// A best's columns of `session_best`: value, set, time, second.
fn best_values(best: Option<&Best>) -> [ValueRef<'_>; 4] {
    [
        int(best.map(|b| b.value)),
        int(best.map(|b| b.set)),
        text(best.map(|b| b.at.as_str())),
        int(best.and_then(|b| b.second)),
    ]
}

/// Builds both summaries from every live set (the upgrade to migration 08,
/// and the tests' reference), one session at a time.
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM session_best; DELETE FROM load_best; DELETE FROM session_chart;",
    )?;
    let mut batch = Batch::new(conn)?;
    let mut stmt = conn.prepare(facts!("1"))?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let fact = fact(r)?;
        batch.add(&fact)?;
    }
    batch.finish()
}

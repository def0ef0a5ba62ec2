//! The one writer of the summaries records and charts read (migration 08):
//! `session_best`, a session's live sets per exercise, side and load;
//! `load_best`, those rows merged over all time; and `session_chart`, a
//! session's rows merged per exercise and side. A set logged, a correction
//! or its undo, an import and the upgrade that builds them all fold sets
//! with [`SessionRow::add`] and merge rows with [`fold::merge`] and
//! [`ChartRow::absorb`], so every path leaves what a recomputation from
//! scratch would.
//!
//! `session_chart` holds the rows of ended sessions; an open session's are
//! folded from its sets when read and written when it ends (`open`).
//!
//! A logged set upserts a row of the two best tables (`logged`). A correction
//! recomputes its session's rows for the exercise, and the all-time rows of
//! the loads those touched, from that load's `session_best` rows (one per
//! session), never from the sets of the whole history.

mod batch;
#[cfg(test)]
mod crash_tests;
mod fold;
mod logged;
mod open;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::error::Result;
pub use batch::{Batch, rebuild};
use fold::{Best, LoadRow, SessionRow, chart_add, side_key, unit_key};
pub use fold::{ChartRow, Fact, LoadKey};
pub use logged::logged;
pub use open::{OpenRow, close, is_open, open_rows};

/// The columns of a best, from `at` on: value, set, time, [session,] second.
fn best_at(r: &Row<'_>, at: usize, session: Option<i64>) -> Result<Option<Best>> {
    let Some(value) = r.get(at)? else {
        return Ok(None);
    };
    let (session, second) = match session {
        Some(s) => (s, r.get(at + 3)?),
        None => (r.get(at + 3)?, r.get(at + 4)?),
    };
    Ok(Some(Best {
        value,
        set: r.get(at + 1)?,
        at: r.get(at + 2)?,
        session,
        second,
    }))
}

const SESSION_COLUMNS: &str = "exercise_id, side, load_centi, load_unit, session_id,
     reps_max, reps_set, reps_at, reps_second, hold_ms, hold_set, hold_at, hold_second";

fn session_row(r: &Row<'_>) -> Result<SessionRow> {
    let session = r.get(4)?;
    Ok(SessionRow {
        key: LoadKey {
            exercise: r.get(0)?,
            side: side_key(&r.get::<_, String>(1)?)?,
            centi: r.get(2)?,
            unit: unit_key(&r.get::<_, String>(3)?)?,
        },
        session,
        most_reps: best_at(r, 5, Some(session))?,
        hold: best_at(r, 9, Some(session))?,
    })
}

/// Writes `row`, unless no set behind it has reps or a hold.
pub(super) fn write_session_row(conn: &Connection, row: &SessionRow) -> Result<()> {
    if row.is_empty() {
        return Ok(());
    }
    let (m, h) = (row.most_reps.as_ref(), row.hold.as_ref());
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO session_best ({SESSION_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?
    .execute(params![
        row.key.exercise,
        row.key.side,
        row.key.centi,
        row.key.unit,
        row.session,
        m.map(|b| b.value),
        m.map(|b| b.set),
        m.map(|b| &b.at),
        m.and_then(|b| b.second),
        h.map(|b| b.value),
        h.map(|b| b.set),
        h.map(|b| &b.at),
        h.and_then(|b| b.second),
    ])?;
    Ok(())
}

/// Adds `rows` to `session_chart`, merged into any row already there by
/// the rule of [`ChartRow::absorb`] (a logged set's row into its session's).
pub(super) fn write_chart_rows(conn: &Connection, rows: &[ChartRow]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO session_chart (exercise_id, started_at, session_id, side, sets,
             first_at, reps, kg_centi, lb_centi, heaviest_kg, e1rm_kg, hold_ms)
         SELECT ?1, started_at, id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM session WHERE id = ?2
         ON CONFLICT DO UPDATE SET sets = sets + excluded.sets, first_at = min(first_at, excluded.first_at),
             reps = reps + excluded.reps, kg_centi = kg_centi + excluded.kg_centi,
             lb_centi = lb_centi + excluded.lb_centi,
             heaviest_kg = coalesce(max(heaviest_kg, excluded.heaviest_kg), heaviest_kg, excluded.heaviest_kg),
             e1rm_kg = coalesce(max(e1rm_kg, excluded.e1rm_kg), e1rm_kg, excluded.e1rm_kg),
             hold_ms = coalesce(max(hold_ms, excluded.hold_ms), hold_ms, excluded.hold_ms)",
    )?;
    for c in rows {
        stmt.execute(params![
            c.exercise,
            c.session,
            c.side,
            c.sets,
            c.first_at,
            c.reps,
            c.kg_centi,
            c.lb_centi,
            c.heaviest_kg,
            c.e1rm_kg,
            c.hold_ms
        ])?;
    }
    Ok(())
}

pub(super) fn read_load_row(conn: &Connection, key: LoadKey) -> Result<LoadRow> {
    let row = conn
        .prepare_cached(
            "SELECT reps_max, reps_set, reps_at, reps_session, reps_second,
                    hold_ms, hold_set, hold_at, hold_session, hold_second
             FROM load_best WHERE exercise_id = ?1 AND side = ?2 AND load_centi = ?3 AND load_unit = ?4",
        )?
        .query_row(params![key.exercise, key.side, key.centi, key.unit], |r| {
            Ok((best_at(r, 0, None), best_at(r, 5, None)))
        })
        .optional()?;
    let (most_reps, hold) = match row {
        Some((m, h)) => (m?, h?),
        None => (None, None),
    };
    Ok(LoadRow {
        key,
        most_reps,
        hold,
    })
}

/// Writes `row`, or removes it when no set is left behind it.
pub(super) fn write_load_row(conn: &Connection, row: &LoadRow) -> Result<()> {
    let k = row.key;
    if row.most_reps.is_none() && row.hold.is_none() {
        conn.prepare_cached(
            "DELETE FROM load_best WHERE exercise_id = ?1 AND side = ?2 AND load_centi = ?3 AND load_unit = ?4",
        )?
        .execute(params![k.exercise, k.side, k.centi, k.unit])?;
        return Ok(());
    }
    let (m, h) = (row.most_reps.as_ref(), row.hold.as_ref());
    conn.prepare_cached(
        "INSERT OR REPLACE INTO load_best (exercise_id, side, load_centi, load_unit,
             reps_max, reps_set, reps_at, reps_session, reps_second,
             hold_ms, hold_set, hold_at, hold_session, hold_second)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        k.exercise,
        k.side,
        k.centi,
        k.unit,
        m.map(|b| b.value),
        m.map(|b| b.set),
        m.map(|b| &b.at),
        m.map(|b| b.session),
        m.and_then(|b| b.second),
        h.map(|b| b.value),
        h.map(|b| b.set),
        h.map(|b| &b.at),
        h.map(|b| b.session),
        h.and_then(|b| b.second),
    ])?;
    Ok(())
}

/// The live working sets the summaries fold, by a condition on `l`
/// (`live_set`): warm-ups are no record, chart point or volume.
macro_rules! facts {
    ($where:literal) => {
        concat!(
            "SELECT l.id, l.session_id, l.exercise_id, coalesce(l.side, 'both'), coalesce(l.load_centi, 0),
                    coalesce(l.load_unit, ''), l.reps, l.hold_ms, l.logged_at
             FROM live_set l WHERE l.set_type <> 'warmup' AND ",
            $where,
            " ORDER BY l.session_id, l.id"
        )
    };
}
pub(super) use facts;

pub(super) fn fact(r: &Row<'_>) -> Result<Fact> {
    Ok(Fact {
        id: r.get(0)?,
        session: r.get(1)?,
        key: LoadKey {
            exercise: r.get(2)?,
            side: side_key(&r.get::<_, String>(3)?)?,
            centi: r.get(4)?,
            unit: unit_key(&r.get::<_, String>(5)?)?,
        },
        reps: r.get(6)?,
        hold_ms: r.get(7)?,
        at: r.get(8)?,
    })
}

/// Recomputes the summaries of `exercise` in `session` after a correction
/// or its undo changed which of its sets are live.
pub fn refresh(conn: &Connection, session: i64, exercise: i64) -> Result<()> {
    let started_at: String = conn
        .prepare_cached("SELECT started_at FROM session WHERE id = ?1")?
        .query_row([session], |r| r.get(0))?;
    // Sets are never removed, only marked: the session's rows were made
    // from some of its sets, live or not, so their loads name every row.
    let mut old: HashMap<LoadKey, SessionRow> = HashMap::new();
    {
        let mut loads = conn.prepare_cached(
            "SELECT DISTINCT coalesce(side, 'both'), coalesce(load_centi, 0), coalesce(load_unit, '')
             FROM set_log WHERE session_id = ?1 AND exercise_id = ?2",
        )?;
        let mut stored = conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM session_best WHERE exercise_id = ?1 AND side = ?2
               AND load_centi = ?3 AND load_unit = ?4 AND session_id = ?5"
        ))?;
        let mut q = loads.query(params![session, exercise])?;
        while let Some(r) = q.next()? {
            let (side, centi, unit): (String, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let mut rows = stored.query(params![exercise, side, centi, unit, session])?;
            if let Some(r) = rows.next()? {
                let row = session_row(r)?;
                old.insert(row.key, row);
            }
        }
    }
    let mut delete = conn.prepare_cached(
        "DELETE FROM session_best WHERE exercise_id = ?1 AND side = ?2 AND load_centi = ?3
           AND load_unit = ?4 AND session_id = ?5",
    )?;
    for k in old.keys() {
        delete.execute(params![k.exercise, k.side, k.centi, k.unit, session])?;
    }
    conn.prepare_cached(
        "DELETE FROM session_chart WHERE exercise_id = ?1 AND started_at = ?2 AND session_id = ?3",
    )?
    .execute(params![exercise, started_at, session])?;
    let mut rows: HashMap<LoadKey, SessionRow> = HashMap::new();
    let mut charts = Vec::new();
    let mut stmt = conn.prepare_cached(facts!("l.session_id = ?1 AND l.exercise_id = ?2"))?;
    let mut q = stmt.query(params![session, exercise])?;
    while let Some(r) = q.next()? {
        let fact = fact(r)?;
        rows.entry(fact.key)
            .or_insert_with(|| SessionRow::new(&fact))
            .add(&fact);
        chart_add(&mut charts, &fact);
    }
    for row in rows.values() {
        write_session_row(conn, row)?;
    }
    if !is_open(conn, session)? {
        write_chart_rows(conn, &charts)?;
    }
    let mut touched: Vec<LoadKey> = old.keys().chain(rows.keys()).copied().collect();
    touched.sort_unstable();
    touched.dedup();
    for key in touched {
        let mut best = read_load_row(conn, key)?;
        // Where the session's old row held none of the top two, the
        // all-time row is the others' already: merge the new row into it.
        if old
            .get(&key)
            .is_none_or(|o| below(&o.most_reps, &best.most_reps) && below(&o.hold, &best.hold))
        {
            let before = best.clone();
            if let Some(row) = rows.get(&key) {
                best.absorb(row);
            }
            if best != before {
                write_load_row(conn, &best)?;
            }
        } else {
            recompute_load(conn, key)?;
        }
    }
    Ok(())
}

/// Whether a row's best is below the second of all: not among the top two.
fn below(row: &Option<Best>, all: &Option<Best>) -> bool {
    match (row, all) {
        (None, _) => true,
        (Some(row), Some(all)) => all.second.is_some_and(|second| row.value < second),
        (Some(_), None) => false,
    }
}

/// `load_best` at `key` from scratch: its sessions' rows merged.
fn recompute_load(conn: &Connection, key: LoadKey) -> Result<()> {
    let mut best = LoadRow {
        key,
        most_reps: None,
        hold: None,
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SESSION_COLUMNS} FROM session_best
         WHERE exercise_id = ?1 AND side = ?2 AND load_centi = ?3 AND load_unit = ?4"
    ))?;
    let mut q = stmt.query(params![key.exercise, key.side, key.centi, key.unit])?;
    while let Some(r) = q.next()? {
        best.absorb(&session_row(r)?);
    }
    write_load_row(conn, &best)
}

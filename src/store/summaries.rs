//! The one writer of the summaries records and charts read (migration 08):
//! `session_best`, a session's live sets per exercise, side and load, and
//! `load_best`, those rows merged over all time. A set logged, a
//! correction or its undo, an import and the upgrade that builds them all
//! fold sets with [`SessionRow::add`] and merge rows with [`merge`], so
//! every path leaves what a recomputation from scratch would.
//!
//! A logged set changes one `session_best` row and, only when it beats what
//! `load_best` holds for its load, one row there. A correction recomputes
//! its session's rows for the exercise, and the all-time rows of the loads
//! those touched, from `session_best` (one row per session), never from
//! the sets of the whole history.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::error::{Result, StoreError};

/// The best of one measure (reps, or hold in ms) and the set that first
/// reached it: earliest by time, then by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Best {
    pub value: i64,
    pub set: i64,
    pub at: String,
    pub session: i64,
    /// The best of the other sets that had the measure, if any.
    pub second: Option<i64>,
}

impl Best {
    fn beats(&self, other: &Best) -> bool {
        self.value > other.value
            || self.value == other.value && (&self.at, self.set) < (&other.at, other.set)
    }
}

/// Folds `theirs` into `mine`: the top two of both, exactly.
pub fn merge(mine: &mut Option<Best>, theirs: Option<Best>) {
    let Some(theirs) = theirs else { return };
    match mine {
        None => *mine = Some(theirs),
        Some(m) if theirs.beats(m) => {
            let second = theirs.second.max(Some(m.value));
            *m = Best { second, ..theirs };
        }
        Some(m) => m.second = m.second.max(Some(theirs.value)),
    }
}

/// What a summary is kept by: exercise, side ('both' for two-limbed sets),
/// load in hundredths (0 for none) and its unit ('' for none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LoadKey {
    pub exercise: i64,
    pub side: &'static str,
    pub centi: i64,
    pub unit: &'static str,
}

fn side_key(text: &str) -> Result<&'static str> {
    ["both", "left", "right"]
        .into_iter()
        .find(|s| *s == text)
        .ok_or_else(|| StoreError::BadValue(format!("side {text:?}")))
}

fn unit_key(text: &str) -> Result<&'static str> {
    ["", "kg", "lb"]
        .into_iter()
        .find(|u| *u == text)
        .ok_or_else(|| StoreError::BadValue(format!("unit {text:?}")))
}

/// One live set, as the summaries see it.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: i64,
    pub session: i64,
    pub key: LoadKey,
    pub reps: Option<i64>,
    pub hold_ms: Option<i64>,
    pub at: String,
}

impl Fact {
    fn best(&self, value: Option<i64>) -> Option<Best> {
        value.map(|value| Best {
            value,
            set: self.id,
            at: self.at.clone(),
            session: self.session,
            second: None,
        })
    }
}

/// A `session_best` row.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub key: LoadKey,
    pub started_at: String,
    pub session: i64,
    pub sets: i64,
    pub reps: i64,
    pub first_at: String,
    pub most_reps: Option<Best>,
    pub hold: Option<Best>,
}

impl SessionRow {
    fn new(fact: &Fact, started_at: &str) -> SessionRow {
        SessionRow {
            key: fact.key,
            started_at: started_at.to_string(),
            session: fact.session,
            sets: 0,
            reps: 0,
            first_at: fact.at.clone(),
            most_reps: None,
            hold: None,
        }
    }

    /// Counts one more live set of this session, side and load.
    pub fn add(&mut self, fact: &Fact) {
        self.sets += 1;
        self.reps += fact.reps.unwrap_or(0);
        if fact.at < self.first_at {
            self.first_at.clone_from(&fact.at);
        }
        merge(&mut self.most_reps, fact.best(fact.reps));
        merge(&mut self.hold, fact.best(fact.hold_ms));
    }
}

/// A `load_best` row: its sessions' rows merged.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadRow {
    pub key: LoadKey,
    pub most_reps: Option<Best>,
    pub hold: Option<Best>,
}

impl LoadRow {
    fn absorb(&mut self, row: &SessionRow) {
        merge(&mut self.most_reps, row.most_reps.clone());
        merge(&mut self.hold, row.hold.clone());
    }
}

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

const SESSION_COLUMNS: &str =
    "exercise_id, side, load_centi, load_unit, started_at, session_id, sets, reps, first_at,
     reps_max, reps_set, reps_at, reps_second, hold_ms, hold_set, hold_at, hold_second";

fn session_row(r: &Row<'_>) -> Result<SessionRow> {
    let session = r.get(5)?;
    Ok(SessionRow {
        key: LoadKey {
            exercise: r.get(0)?,
            side: side_key(&r.get::<_, String>(1)?)?,
            centi: r.get(2)?,
            unit: unit_key(&r.get::<_, String>(3)?)?,
        },
        started_at: r.get(4)?,
        session,
        sets: r.get(6)?,
        reps: r.get(7)?,
        first_at: r.get(8)?,
        most_reps: best_at(r, 9, Some(session))?,
        hold: best_at(r, 13, Some(session))?,
    })
}

fn write_session_row(conn: &Connection, row: &SessionRow) -> Result<()> {
    let (m, h) = (row.most_reps.as_ref(), row.hold.as_ref());
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO session_best ({SESSION_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
    ))?
    .execute(params![
        row.key.exercise,
        row.key.side,
        row.key.centi,
        row.key.unit,
        row.started_at,
        row.session,
        row.sets,
        row.reps,
        row.first_at,
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

fn read_load_row(conn: &Connection, key: LoadKey) -> Result<LoadRow> {
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
fn write_load_row(conn: &Connection, row: &LoadRow) -> Result<()> {
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

/// The live sets the summaries fold, with their session's start, by a
/// condition on `l` (`live_set`) and `s` (`session`).
macro_rules! facts {
    ($where:literal) => {
        concat!(
            "SELECT l.id, l.session_id, l.exercise_id, coalesce(l.side, 'both'), coalesce(l.load_centi, 0),
                    coalesce(l.load_unit, ''), l.reps, l.hold_ms, l.logged_at, s.started_at
             FROM live_set l JOIN session s ON s.id = l.session_id WHERE ",
            $where,
            " ORDER BY l.session_id, l.id"
        )
    };
}

fn fact(r: &Row<'_>) -> Result<(Fact, String)> {
    Ok((
        Fact {
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
        },
        r.get(9)?,
    ))
}

/// Counts live set `fact`, just stored, into both summaries.
pub fn logged(conn: &Connection, fact: &Fact) -> Result<()> {
    let started_at: String = conn
        .prepare_cached("SELECT started_at FROM session WHERE id = ?1")?
        .query_row([fact.session], |r| r.get(0))?;
    let mut row = stored_session_row(conn, &started_at, fact)?;
    row.add(fact);
    write_session_row(conn, &row)?;
    let mut alone = SessionRow::new(fact, &started_at);
    alone.add(fact);
    let mut best = read_load_row(conn, fact.key)?;
    let before = best.clone();
    best.absorb(&alone);
    if best != before {
        write_load_row(conn, &best)?;
    }
    Ok(())
}

fn stored_session_row(conn: &Connection, started_at: &str, fact: &Fact) -> Result<SessionRow> {
    let k = fact.key;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SESSION_COLUMNS} FROM session_best WHERE exercise_id = ?1 AND started_at = ?2
           AND session_id = ?3 AND side = ?4 AND load_centi = ?5 AND load_unit = ?6"
    ))?;
    let mut q = stmt.query(params![
        k.exercise,
        started_at,
        fact.session,
        k.side,
        k.centi,
        k.unit
    ])?;
    match q.next()? {
        Some(r) => session_row(r),
        None => Ok(SessionRow::new(fact, started_at)),
    }
}

/// Recomputes the summaries of `exercise` in `session` after a correction
/// or its undo changed which of its sets are live.
pub fn refresh(conn: &Connection, session: i64, exercise: i64) -> Result<()> {
    let started_at: String = conn
        .prepare_cached("SELECT started_at FROM session WHERE id = ?1")?
        .query_row([session], |r| r.get(0))?;
    let mut touched: Vec<LoadKey> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM session_best
             WHERE exercise_id = ?1 AND started_at = ?2 AND session_id = ?3"
        ))?;
        let mut q = stmt.query(params![exercise, started_at, session])?;
        while let Some(r) = q.next()? {
            touched.push(session_row(r)?.key);
        }
    }
    conn.prepare_cached(
        "DELETE FROM session_best WHERE exercise_id = ?1 AND started_at = ?2 AND session_id = ?3",
    )?
    .execute(params![exercise, started_at, session])?;
    let mut rows: HashMap<LoadKey, SessionRow> = HashMap::new();
    let mut stmt = conn.prepare_cached(facts!("l.session_id = ?1 AND l.exercise_id = ?2"))?;
    let mut q = stmt.query(params![session, exercise])?;
    while let Some(r) = q.next()? {
        let (fact, started) = fact(r)?;
        rows.entry(fact.key)
            .or_insert_with(|| SessionRow::new(&fact, &started))
            .add(&fact);
    }
    for row in rows.values() {
        write_session_row(conn, row)?;
        touched.push(row.key);
    }
    touched.sort_unstable();
    touched.dedup();
    for key in touched {
        recompute_load(conn, key)?;
    }
    Ok(())
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

/// Summaries of many new sessions at once (an import, the upgrade): a
/// session's rows are folded in memory and written when it ends, and the
/// all-time rows are written once, at [`Batch::finish`].
#[derive(Default)]
pub struct Batch {
    session: Option<(i64, String)>,
    rows: HashMap<LoadKey, SessionRow>,
    loads: HashMap<LoadKey, LoadRow>,
}

impl Batch {
    /// Counts live set `fact` of a session that had no sets before this
    /// batch, started at `started_at`. Each session's sets come together.
    pub fn add(&mut self, conn: &Connection, fact: &Fact, started_at: &str) -> Result<()> {
        if self
            .session
            .as_ref()
            .is_none_or(|(s, _)| *s != fact.session)
        {
            self.end_session(conn)?;
            self.session = Some((fact.session, started_at.to_string()));
        }
        self.rows
            .entry(fact.key)
            .or_insert_with(|| SessionRow::new(fact, started_at))
            .add(fact);
        Ok(())
    }

    fn end_session(&mut self, conn: &Connection) -> Result<()> {
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
    conn.execute_batch("DELETE FROM session_best; DELETE FROM load_best;")?;
    let mut batch = Batch::default();
    let mut stmt = conn.prepare(facts!("1"))?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let (fact, started) = fact(r)?;
        batch.add(conn, &fact, &started)?;
    }
    batch.finish(conn)
}

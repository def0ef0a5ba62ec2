//! A logged set into the summaries: one upsert per best table, each merging
//! the set in the database (no read first), with the same rule as
//! [`super::fold::merge`]. A row changes only when the set enters its top
//! two, so an ordinary set dirties no page of theirs; its session is open,
//! so it writes no chart row either (`super::open`).

use std::sync::LazyLock;

use rusqlite::{Connection, params};

use super::fold::{ChartRow, Fact};
use super::{is_open, write_chart_rows};
use crate::store::error::Result;

/// Whether the new set's `m` best beats the row's: a higher value, or the
/// same reached earlier (by time, then id).
fn beats(m: &str) -> String {
    format!(
        "(excluded.{m} IS NOT NULL AND ({m} IS NULL OR excluded.{m} > {m}
          OR (excluded.{m} = {m} AND (excluded.{p}_at, excluded.{p}_set) < ({p}_at, {p}_set))))",
        p = &m[..4]
    )
}

/// SET clauses folding the new set's best `m` (`reps_max` or `hold_ms`)
/// into the row's top two; `extra` names columns that follow the best.
fn merge_best(m: &str, extra: &[&str]) -> String {
    let (b, p) = (beats(m), &m[..4]);
    let mut out = format!(
        "{p}_second = CASE WHEN {b} THEN {m}
             WHEN excluded.{m} > coalesce({p}_second, -1) THEN excluded.{m} ELSE {p}_second END,
         {m} = CASE WHEN {b} THEN excluded.{m} ELSE {m} END"
    );
    for c in ["set", "at"].iter().chain(extra) {
        out += &format!(", {p}_{c} = CASE WHEN {b} THEN excluded.{p}_{c} ELSE {p}_{c} END");
    }
    out
}

/// An upsert of the set alone into `session_best` (`per_session`: the
/// session is in the key) or `load_best` (each best names its session),
/// which writes only when the set changes the row's top two. ?1-?4 the
/// load, ?5 session, ?6 reps, ?7 set, ?8 time, ?9 hold.
fn upsert(table: &str, per_session: bool) -> String {
    let (mut cols, mut vals) = (String::new(), String::new());
    if per_session {
        (cols, vals) = (", session_id".into(), ", ?5".into());
    }
    for (m, p, v) in [("reps_max", "reps", 6), ("hold_ms", "hold", 9)] {
        cols += &format!(", {m}, {p}_set, {p}_at");
        vals += &format!(", ?{v}, iif(?{v} IS NULL, NULL, ?7), iif(?{v} IS NULL, NULL, ?8)");
        if !per_session {
            cols += &format!(", {p}_session");
            vals += &format!(", iif(?{v} IS NULL, NULL, ?5)");
        }
    }
    let extra: &[&str] = if per_session { &[] } else { &["session"] };
    format!(
        "INSERT INTO {table} (exercise_id, side, load_centi, load_unit{cols})
         VALUES (?1, ?2, ?3, ?4{vals})
         ON CONFLICT DO UPDATE SET {}, {}
         WHERE {} OR excluded.reps_max > coalesce(reps_second, -1)
            OR {} OR excluded.hold_ms > coalesce(hold_second, -1)",
        merge_best("reps_max", extra),
        merge_best("hold_ms", extra),
        beats("reps_max"),
        beats("hold_ms")
    )
}

static SESSION_UPSERT: LazyLock<String> = LazyLock::new(|| upsert("session_best", true));
static LOAD_UPSERT: LazyLock<String> = LazyLock::new(|| upsert("load_best", false));

/// Counts live set `fact`, just stored, into the summaries.
pub fn logged(conn: &Connection, fact: &Fact) -> Result<()> {
    let k = fact.key;
    if fact.reps.is_some() || fact.hold_ms.is_some() {
        for sql in [&*SESSION_UPSERT, &*LOAD_UPSERT] {
            conn.prepare_cached(sql)?.execute(params![
                k.exercise,
                k.side,
                k.centi,
                k.unit,
                fact.session,
                fact.reps,
                fact.id,
                fact.at,
                fact.hold_ms
            ])?;
        }
    }
    // A set added to an ended session (not the app's way, but the API's)
    // goes into its stored chart row.
    if !is_open(conn, fact.session)? {
        write_chart_rows(conn, &[ChartRow::new(fact)])?;
    }
    Ok(())
}

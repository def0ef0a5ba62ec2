//! A logged set into the summaries: one upsert per table, each merging the
//! set in the database (no read first), with the same rule as
//! [`super::fold::merge`] and [`super::ChartRow::absorb`].

use std::sync::LazyLock;

use rusqlite::{Connection, params};

use super::fold::{ChartRow, Fact, SessionRow};
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

static SESSION_UPSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO session_best (exercise_id, side, load_centi, load_unit, session_id, sets, reps, first_at,
             reps_max, reps_set, reps_at, hold_ms, hold_set, hold_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, iif(?8 IS NULL, NULL, ?9), iif(?8 IS NULL, NULL, ?7),
                 ?10, iif(?10 IS NULL, NULL, ?9), iif(?10 IS NULL, NULL, ?7))
         ON CONFLICT DO UPDATE SET sets = sets + 1, reps = reps + excluded.reps,
             first_at = min(first_at, excluded.first_at), {}, {}",
        merge_best("reps_max", &[]),
        merge_best("hold_ms", &[])
    )
});

/// Rewrites the all-time row only when the set changes its top two.
static LOAD_UPSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO load_best (exercise_id, side, load_centi, load_unit,
             reps_max, reps_set, reps_at, reps_session, hold_ms, hold_set, hold_at, hold_session)
         VALUES (?1, ?2, ?3, ?4, ?6, iif(?6 IS NULL, NULL, ?7), iif(?6 IS NULL, NULL, ?8), iif(?6 IS NULL, NULL, ?5),
                 ?9, iif(?9 IS NULL, NULL, ?7), iif(?9 IS NULL, NULL, ?8), iif(?9 IS NULL, NULL, ?5))
         ON CONFLICT DO UPDATE SET {}, {}
         WHERE {} OR excluded.reps_max > coalesce(reps_second, -1)
            OR {} OR excluded.hold_ms > coalesce(hold_second, -1)",
        merge_best("reps_max", &["session"]),
        merge_best("hold_ms", &["session"]),
        beats("reps_max"),
        beats("hold_ms")
    )
});

const CHART_UPSERT: &str = "INSERT INTO session_chart (exercise_id, started_at, session_id, side, first_at,
         reps, kg_centi, lb_centi, heaviest_kg, e1rm_kg, hold_ms)
     SELECT ?1, started_at, id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM session WHERE id = ?2
     ON CONFLICT DO UPDATE SET first_at = min(first_at, excluded.first_at), reps = reps + excluded.reps,
         kg_centi = kg_centi + excluded.kg_centi, lb_centi = lb_centi + excluded.lb_centi,
         heaviest_kg = coalesce(max(heaviest_kg, excluded.heaviest_kg), heaviest_kg, excluded.heaviest_kg),
         e1rm_kg = coalesce(max(e1rm_kg, excluded.e1rm_kg), e1rm_kg, excluded.e1rm_kg),
         hold_ms = coalesce(max(hold_ms, excluded.hold_ms), hold_ms, excluded.hold_ms)";

/// Counts live set `fact`, just stored, into the summaries.
pub fn logged(conn: &Connection, fact: &Fact) -> Result<()> {
    let k = fact.key;
    let reps = fact.reps.unwrap_or(0);
    conn.prepare_cached(&SESSION_UPSERT)?.execute(params![
        k.exercise,
        k.side,
        k.centi,
        k.unit,
        fact.session,
        reps,
        fact.at,
        fact.reps,
        fact.id,
        fact.hold_ms
    ])?;
    if fact.reps.is_some() || fact.hold_ms.is_some() {
        conn.prepare_cached(&LOAD_UPSERT)?.execute(params![
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
    let mut alone = SessionRow::new(fact);
    alone.add(fact);
    let c = ChartRow::new(&alone);
    conn.prepare_cached(CHART_UPSERT)?.execute(params![
        c.exercise,
        fact.session,
        c.side,
        c.first_at,
        c.reps,
        c.kg_centi,
        c.lb_centi,
        c.heaviest_kg,
        c.e1rm_kg,
        c.hold_ms
    ])?;
    Ok(())
}

//! Which workouts of an import the database already has, and what each
//! lacks. A session is found by its identity: the app and the workout's key
//! in that app's export, or the same routine started in the same second. A
//! newer export completes an older one: the sets the database lacks are
//! added. Sets are matched by exercise, type, number and side; the
//! database's own sets all stay, and a session corrected in runstrong is
//! never changed by an import.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, DurationRound, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::error::Result;
use crate::domain::time::to_db;
use crate::interchange::{PlanItem, Workout, WorkoutSet};

/// What to do with one workout of an import.
pub enum Step<'a> {
    /// A session the database does not have.
    New(&'a Workout),
    /// Sets (and plan items) to add to session `id`.
    Complete {
        id: i64,
        plan: Vec<&'a PlanItem>,
        sets: Vec<&'a WorkoutSet>,
    },
}

/// What an import added, or would add.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub sessions: u64,
    pub sets: u64,
    /// Sessions the database had, completed with sets it lacked.
    pub completed: u64,
    pub completed_sets: u64,
    /// Sessions the database already had whole.
    pub skipped: u64,
    /// Sets of sessions in the file that the database has and the file
    /// lacks: they stay.
    pub kept_sets: u64,
    /// Sessions corrected in runstrong that the file would have added sets
    /// to: left as they are.
    pub kept_edited: u64,
    pub new_exercises: Vec<String>,
    /// Start of the first and the last session added.
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
}

impl ImportOutcome {
    fn span(&mut self, w: &Workout) {
        self.first = Some(self.first.map_or(w.started_at, |f| f.min(w.started_at)));
        self.last = Some(self.last.map_or(w.started_at, |l| l.max(w.started_at)));
    }
}

fn second(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(Duration::seconds(1)).unwrap_or(at)
}

/// The session the database has for `w`, if any.
fn present(conn: &Connection, w: &Workout) -> Result<Option<i64>> {
    if let (Some(source), Some(key)) = (&w.source, &w.source_key) {
        let hit = conn
            .prepare_cached("SELECT id FROM session WHERE source = ?1 AND source_key = ?2")?
            .query_row(params![source, key], |r| r.get(0))
            .optional()?;
        if hit.is_some() {
            return Ok(hit);
        }
    }
    let from = second(w.started_at);
    Ok(conn
        .prepare_cached(
            "SELECT id FROM session WHERE started_at >= ?1 AND started_at < ?2 AND routine = ?3",
        )?
        .query_row(
            params![to_db(from), to_db(from + Duration::seconds(1)), w.routine],
            |r| r.get(0),
        )
        .optional()?)
}

/// A set as matched between the file and the database.
type SetKey = (String, &'static str, u32, Option<&'static str>);

fn key(s: &WorkoutSet) -> SetKey {
    (
        s.exercise.to_lowercase(),
        s.set_type.as_str(),
        s.set_number,
        s.side.map(|d| d.as_str()),
    )
}

/// Whether session `id` has a set corrected or deleted in runstrong.
fn edited(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM set_log WHERE session_id = ?1
               AND (corrected_at IS NOT NULL OR deleted_at IS NOT NULL) LIMIT 1",
        )?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The sets of session `id`, counted by key, and its plan's exercises.
fn stored(conn: &Connection, id: i64) -> Result<(HashMap<SetKey, u64>, HashSet<String>)> {
    let mut sets = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT e.name, s.set_type, s.set_number, s.side FROM live_set s
         JOIN exercise e ON e.id = s.exercise_id WHERE s.session_id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        let set_type: String = r.get(1)?;
        let side: Option<String> = r.get(3)?;
        let set = WorkoutSet {
            exercise: name,
            set_number: r.get(2)?,
            side: super::rows::side(side)?,
            set_type: set_type
                .parse::<crate::domain::set::SetType>()
                .unwrap_or_default(),
            reps: None,
            load: None,
            hold_ms: None,
            duration_ms: None,
            distance: None,
            rpe: None,
            notes: None,
            logged_at: DateTime::UNIX_EPOCH,
        };
        *sets.entry(key(&set)).or_insert(0) += 1;
    }
    let plan = conn
        .prepare_cached(
            "SELECT lower(e.name) FROM session_exercise p JOIN exercise e ON e.id = p.exercise_id
             WHERE p.session_id = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<HashSet<String>>>()?;
    Ok((sets, plan))
}

/// What to do with workout `w`, counted into `outcome`; `None` when the
/// database has it whole, or has it corrected.
pub fn step<'a>(
    conn: &Connection,
    w: &'a Workout,
    outcome: &mut ImportOutcome,
) -> Result<Option<Step<'a>>> {
    let Some(id) = present(conn, w)? else {
        outcome.sessions += 1;
        outcome.sets += w.sets.len() as u64;
        outcome.span(w);
        return Ok(Some(Step::New(w)));
    };
    let (mut have, plan) = stored(conn, id)?;
    let mut sets = Vec::new();
    for s in &w.sets {
        match have.get_mut(&key(s)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => sets.push(s),
        }
    }
    outcome.kept_sets += have.values().sum::<u64>();
    if sets.is_empty() {
        outcome.skipped += 1;
        return Ok(None);
    }
    if edited(conn, id)? {
        outcome.kept_edited += 1;
        return Ok(None);
    }
    outcome.completed += 1;
    outcome.completed_sets += sets.len() as u64;
    let plan = w
        .plan
        .iter()
        .filter(|p| !plan.contains(&p.exercise.to_lowercase()))
        .collect();
    Ok(Some(Step::Complete { id, plan, sets }))
}

//! What progression reads: the last sessions' live working sets of one
//! exercise. The sessions come newest first from the chart summary
//! (`session_chart`, keyed by exercise and session start; a session not
//! yet ended, which it does not hold, merged in by its start), and each
//! one's sets through `set_by_session`, so the cost is the sets of those sessions,
//! whatever the length of the history. Only stored sets are read, so an
//! imported history counts as one logged here. [`Store::plan_next`] puts
//! them through the rules for a whole routine: `runstrong next` and the
//! app's executor both ask it, each with its own calendar.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::Store;
use super::error::{Result, StoreError};
use super::{rows, summaries};
use crate::domain::calendar::Calendar;
use crate::domain::progression::{self, NextSession, PastSession, PastSet, Rules};
use crate::domain::set::{Rpe, SetType};
use crate::domain::{Load, Routine, Unit};

/// The sessions that did the exercise, newest first: one row per side, so
/// a session may come twice in a row.
const SESSIONS: &str = "SELECT c.started_at, c.session_id FROM session_chart c
     WHERE c.exercise_id = ?1
     ORDER BY c.started_at DESC, c.session_id DESC";

/// One session's live working sets of the exercise, in the order logged.
const SETS: &str = "SELECT l.logged_at, l.side, l.set_type, l.reps, l.load_centi,
            l.load_unit, l.hold_ms, l.rpe
     FROM set_log l
     WHERE l.session_id = ?1 AND l.exercise_id = (SELECT id FROM exercise WHERE name = ?2)
       AND l.replaced_by IS NULL AND l.deleted_at IS NULL AND l.set_type = 'normal'
     ORDER BY l.logged_at, l.id";

impl Store {
    /// The working (normal) sets of the last `sessions` sessions that did
    /// the exercise named `name` (any case) with working sets, newest
    /// session first, each session's sets in the order they were logged.
    pub fn recent_sessions(&self, name: &str, sessions: usize) -> Result<Vec<PastSession>> {
        self.recent_sessions_except(name, sessions, None)
    }

    /// [`Store::recent_sessions`] leaving out session `except`: the one
    /// under way, whose sets are today's, not the past's.
    pub fn recent_sessions_except(
        &self,
        name: &str,
        sessions: usize,
        except: Option<i64>,
    ) -> Result<Vec<PastSession>> {
        let name = name.trim();
        let Some(exercise) = self
            .conn
            .prepare_cached("SELECT id FROM exercise WHERE name = ?1")?
            .query_row([name], |r| r.get::<_, i64>(0))
            .optional()?
        else {
            return Ok(vec![]);
        };
        // Sessions not yet ended come from their sets, merged in by start.
        let mut open: VecDeque<(String, i64)> = summaries::open_rows(&self.conn, exercise)?
            .into_iter()
            .map(|o| (o.started_at, o.row.session))
            .collect();
        let mut walk = self.conn.prepare_cached(SESSIONS)?;
        let mut ids = walk.query(params![exercise])?;
        let mut stored: Option<(String, i64)> = None;
        let mut sets = self.conn.prepare_cached(SETS)?;
        let mut out: Vec<PastSession> = vec![];
        let mut previous = None;
        while out.len() < sessions {
            if stored.is_none() {
                stored = ids
                    .next()?
                    .map(|r| Ok::<_, rusqlite::Error>((r.get(0)?, r.get(1)?)))
                    .transpose()?;
            }
            let session = match (open.front(), &stored) {
                (Some(o), Some(s)) if o > s => open.pop_front().map(|o| o.1),
                (Some(_), None) => open.pop_front().map(|o| o.1),
                _ => stored.take().map(|s| s.1),
            };
            let Some(session) = session else {
                break;
            };
            if previous.replace(session) == Some(session) || Some(session) == except {
                continue;
            }
            let mut rows = sets.query(params![session, name])?;
            let mut past: Option<PastSession> = None;
            while let Some(r) = rows.next()? {
                let at = rows::timestamp(&r.get::<_, String>(0)?)?;
                let set = past_set(r)?;
                past.get_or_insert_with(|| PastSession { at, sets: vec![] })
                    .sets
                    .push(set);
            }
            // A session of warm-ups only has nothing to progress from.
            out.extend(past);
        }
        Ok(out)
    }

    /// The next session of `routine` on the day `now` falls on in
    /// `calendar`, from the sessions before it other than `except` (the
    /// one under way): per exercise, only the sessions its rule reads.
    pub fn plan_next(
        &self,
        routine: &Routine,
        rules: &Rules,
        calendar: &Calendar,
        now: DateTime<Utc>,
        except: Option<i64>,
    ) -> Result<NextSession> {
        let today = calendar.local(now).date_naive();
        let first = match rules.settings.schedule.deload_every {
            Some(_) => self
                .first_session_start()?
                .map(|at| calendar.local(at).date_naive()),
            None => None,
        };
        let week = rules
            .settings
            .schedule
            .week(today, calendar.starts_on, first);
        let exercises = routine
            .exercises
            .iter()
            .map(|spec| {
                let depth = progression::depth(spec);
                let past = self.recent_sessions_except(&spec.name, depth, except)?;
                Ok(progression::suggest(
                    spec,
                    &past,
                    &rules.settings,
                    week.as_ref(),
                    rules.unit,
                ))
            })
            .collect::<Result<_>>()?;
        Ok(NextSession {
            routine: routine.name.clone(),
            date: today,
            week,
            exercises,
        })
    }

    /// The routine of the latest session, to plan the next one of.
    pub fn last_routine(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT routine FROM session ORDER BY started_at DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// One row of `SETS` as a set.
fn past_set(r: &rusqlite::Row<'_>) -> Result<PastSet> {
    let set_type: String = r.get(2)?;
    let load = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<String>>(5)?) {
        (Some(centi), Some(unit)) => Some(Load {
            centi,
            unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
        }),
        _ => None,
    };
    Ok(PastSet {
        side: rows::side(r.get(1)?)?,
        set_type: rows::parsed::<SetType>(&set_type, "set type")?,
        reps: r.get(3)?,
        load,
        held: rows::duration(r.get(6)?),
        rpe: r.get::<_, Option<f64>>(7)?.and_then(Rpe::from_value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(store: &Store, sql: &str, params: impl rusqlite::Params) -> String {
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(params, |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        plan.join("; ")
    }

    #[test]
    fn the_walk_reads_sessions_by_key_and_sets_by_session() {
        let store = Store::empty().unwrap();
        let sessions = plan(&store, SESSIONS, ["Lunge"]);
        assert!(
            sessions.contains("SEARCH c USING PRIMARY KEY"),
            "{sessions}"
        );
        assert!(!sessions.contains("TEMP B-TREE"), "{sessions}");
        let sets = plan(&store, SETS, params![1, "Lunge"]);
        assert!(sets.contains("set_by_session"), "{sets}");
    }
}

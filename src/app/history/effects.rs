//! Carries out history effects against the store, in local time; the
//! answers come back as messages. Part of the runtime's edge.

use std::collections::HashMap;

use chrono::{Days, Local, TimeZone, Weekday};

use crate::app::msg::{Msg, Now};
use crate::domain::LoggedSet;
use crate::domain::history::Calendar;
use crate::domain::records::{NewRecord, RecordKind, reached};
use crate::store::{Result, Store};

use super::{HistoryEffect, HistoryMsg};

/// Chart points at most: more than a wide terminal has columns.
const MAX_POINTS: f64 = 160.0;

pub fn execute(
    store: &mut Store,
    effect: HistoryEffect,
    now: Now,
    week_start: Weekday,
) -> Result<Option<Msg>> {
    let calendar = Calendar::new(Local, week_start);
    execute_in(store, effect, now, &calendar)
}

/// `execute` in a given calendar, so that tests can pin the time zone.
pub fn execute_in<Tz: TimeZone + Copy>(
    store: &mut Store,
    effect: HistoryEffect,
    now: Now,
    calendar: &Calendar<Tz>,
) -> Result<Option<Msg>> {
    let msg = match effect {
        HistoryEffect::LoadWeeks {
            before,
            count,
            target,
        } => {
            let Some(first) = store.first_session_start()? else {
                return Ok(Some(Msg::History(HistoryMsg::WeeksLoaded {
                    weeks: vec![],
                    streak: Some(0),
                    more: false,
                })));
            };
            let oldest = calendar.week_of(first);
            let current = calendar.week_of(now.wall);
            let newest = before
                .and_then(|d| d.checked_sub_days(Days::new(7)))
                .unwrap_or(current);
            let mut ranges = calendar.weeks_back(calendar.bounds(newest).start, count);
            ranges.retain(|w| w.first_day >= oldest);
            let more = ranges.last().is_some_and(|w| w.first_day > oldest);
            let streak = match before {
                None => {
                    Some(store.streak(calendar.bounds(current), target, |t| calendar.week_of(t))?)
                }
                Some(_) => None,
            };
            HistoryMsg::WeeksLoaded {
                weeks: store.week_summaries(&ranges, None)?,
                streak,
                more,
            }
        }
        HistoryEffect::LoadWeek(week) => HistoryMsg::WeekLoaded {
            week,
            sessions: store.sessions_between(week.start, week.end, None)?,
        },
        HistoryEffect::LoadSets(session) => HistoryMsg::SetsLoaded {
            session,
            sets: store.session_set_rows(session)?,
        },
        HistoryEffect::LoadExercises => HistoryMsg::ExercisesLoaded(store.exercises_by_id()?),
        HistoryEffect::LoadProgress { exercise, span } => {
            let to = now.wall;
            let from = match span.days() {
                Some(days) => to - chrono::Duration::days(days),
                None => store.first_session_start()?.unwrap_or(to) - chrono::Duration::days(1),
            };
            let bucket_days = (to - from).num_seconds() as f64 / 86_400.0 / MAX_POINTS;
            HistoryMsg::ProgressLoaded {
                exercise,
                span,
                from,
                to,
                points: store.progress(exercise, from, to, bucket_days)?,
                records: store.records(exercise)?,
            }
        }
        HistoryEffect::CorrectSet { session, id, work } => {
            let correction = Some(store.correct_set(id, &work, now.wall)?);
            HistoryMsg::Corrected {
                correction,
                session,
                sets: store.session_set_rows(session)?,
            }
        }
        HistoryEffect::DeleteSet { session, id } => {
            let correction = Some(store.delete_set(id, now.wall)?);
            HistoryMsg::Corrected {
                correction,
                session,
                sets: store.session_set_rows(session)?,
            }
        }
        HistoryEffect::Undo {
            session,
            correction,
        } => {
            store.undo(correction, now.wall)?;
            HistoryMsg::Corrected {
                correction: None,
                session,
                sets: store.session_set_rows(session)?,
            }
        }
        HistoryEffect::CheckRecords(logged) => {
            let kinds = reached(&logged.set.work, &store.earlier_bests(&logged)?);
            if kinds.is_empty() {
                return Ok(None);
            }
            store.remember_records(logged.id, &kinds)?;
            HistoryMsg::Records(new_records(&exercise_names(store)?, &logged, kinds))
        }
        HistoryEffect::RecallRecords(logged) => {
            let mut records = vec![];
            if let Some(first) = logged.first() {
                let remembered = store.remembered_records(first.set.session_id)?;
                let names = exercise_names(store)?;
                for set in &logged {
                    let kinds = remembered.iter().filter(|(id, _)| *id == set.id);
                    let kinds = kinds.map(|&(_, kind)| kind).collect();
                    records.extend(new_records(&names, set, kinds));
                }
            }
            HistoryMsg::Recalled(records)
        }
    };
    Ok(Some(Msg::History(msg)))
}

fn exercise_names(store: &Store) -> Result<HashMap<i64, String>> {
    Ok(store
        .exercises_by_id()?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect())
}

/// The records of `kinds` that `logged` reached, named.
fn new_records(
    names: &HashMap<i64, String>,
    logged: &LoggedSet,
    kinds: Vec<RecordKind>,
) -> Vec<NewRecord> {
    let name = names.get(&logged.set.exercise_id);
    kinds
        .into_iter()
        .map(|kind| NewRecord {
            exercise: name.cloned().unwrap_or_default(),
            side: logged.set.side,
            kind,
            work: logged.set.work,
        })
        .collect()
}

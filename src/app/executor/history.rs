//! Carries out history effects against the store; the answers come back
//! as messages. Which weeks and what span to read came with the effect.

use std::collections::HashMap;

use crate::app::history::{HistoryEffect, HistoryMsg};
use crate::app::msg::{Msg, Now};
use crate::domain::calendar::Calendar;
use crate::domain::records::{NewRecord, RecordKind};
use crate::domain::{Kind, LoggedSet};
use crate::store::{Result, Store};

/// One history effect; `calendar` puts the sessions of the streak in weeks.
pub(super) fn execute(
    store: &mut Store,
    effect: HistoryEffect,
    now: Now,
    calendar: &Calendar,
) -> Result<Option<Msg>> {
    let msg = match effect {
        HistoryEffect::FindFirst => HistoryMsg::FirstFound(store.first_session_start()?),
        HistoryEffect::LoadWeeks { weeks, streak } => HistoryMsg::WeeksLoaded {
            streak: streak
                .map(|s| store.streak(s.current, s.target, |t| calendar.week_of(t)))
                .transpose()?,
            weeks: store.week_summaries(&weeks, None)?,
        },
        HistoryEffect::LoadWeek(week) => HistoryMsg::WeekLoaded {
            week,
            sessions: store.sessions_between(week.start, week.end, None)?,
        },
        HistoryEffect::LoadSets(session) => HistoryMsg::SetsLoaded {
            session,
            sets: store.session_set_rows(session)?,
        },
        HistoryEffect::LoadExercises => HistoryMsg::ExercisesLoaded(store.exercises()?),
        HistoryEffect::LoadProgress {
            exercise,
            kind: Kind::Cardio,
            span,
            from,
            to,
            bucket_days,
        } => HistoryMsg::ProgressLoaded {
            exercise,
            span,
            from,
            to,
            points: store.cardio_progress(exercise, from, to, bucket_days)?,
            records: vec![],
            latest: vec![],
            cardio: Some(Box::new(store.cardio_records(exercise)?)),
        },
        HistoryEffect::LoadProgress {
            exercise,
            span,
            from,
            to,
            bucket_days,
            ..
        } => HistoryMsg::ProgressLoaded {
            exercise,
            span,
            from,
            to,
            points: store.progress(exercise, from, to, bucket_days)?,
            records: store.records(exercise)?,
            latest: store.latest_sides(exercise, from, to)?,
            cardio: None,
        },
        HistoryEffect::CorrectSet {
            session,
            id,
            work,
            notes,
        } => {
            let notes = notes.as_ref().map(|(rpe, note)| (*rpe, note.as_deref()));
            let correction = Some(store.correct_set_noted(id, &work, notes, now.wall)?);
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
        HistoryEffect::LoadBests(logged) => {
            let earlier = store.earlier_bests(&logged)?;
            HistoryMsg::BestsLoaded(logged, earlier)
        }
        HistoryEffect::RememberRecords { set, kinds } => {
            store.remember_records(set, &kinds)?;
            return Ok(None);
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
        .exercises()?
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
            set: logged.id,
            exercise: name.cloned().unwrap_or_default(),
            side: logged.set.side,
            kind,
            work: logged.set.work,
        })
        .collect()
}

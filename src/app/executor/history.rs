//! Carries out history effects against the store; the answers come back
//! as messages. Which weeks and what span to read came with the effect.

use crate::app::history::{HistoryEffect, HistoryMsg};
use crate::app::msg::{Msg, Now};
use crate::domain::Kind;
use crate::domain::calendar::Calendar;
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
        HistoryEffect::RecallRecords(session) => {
            HistoryMsg::Recalled(store.remembered_records(session)?)
        }
    };
    Ok(Some(Msg::History(msg)))
}

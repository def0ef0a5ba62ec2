//! The IO edge: effects carried out against the store, their results
//! returned as messages. The loop, the tests and the benchmarks all go
//! through an [`Executor`]; this is the one backed by the database.

mod history;

use crate::domain::LoggedSet;
use crate::domain::calendar::Calendar;
use crate::store::{Store, StoreError};

use super::home::HomeData;
use super::msg::{Effect, Msg, Now};

/// Carries out what `update` asked for; what comes of it goes back to
/// `update` as messages, in order.
pub trait Executor {
    fn execute(&mut self, effect: Effect, now: Now) -> Vec<Msg>;
}

/// Carries out effects against the store. A write waits for the
/// whole-file check; an error that shows the file damaged stops every
/// later write. The bell is the terminal's (`terminal::Bell` wraps this one).
pub struct StoreExecutor {
    pub store: Store,
    /// Puts the sessions of a streak in their weeks.
    pub calendar: Calendar,
}

impl StoreExecutor {
    pub fn new(store: Store, calendar: Calendar) -> Self {
        StoreExecutor { store, calendar }
    }
}

impl Executor for StoreExecutor {
    fn execute(&mut self, effect: Effect, now: Now) -> Vec<Msg> {
        let saving = matches!(effect, Effect::SaveSet(_));
        let result = if effect.writes() {
            self.store.writable()
        } else {
            Ok(())
        };
        match result.and_then(|()| self.carry_out(effect, now)) {
            Ok(msg) => msg.into_iter().collect(),
            Err(e) => {
                let damaged = self.store.stop_if_damaged(&e);
                let text = damaged
                    .as_ref()
                    .map_or_else(|| describe(&e), ToString::to_string);
                let failed = if saving {
                    Msg::SaveFailed(text.clone())
                } else {
                    Msg::StoreFailed(text.clone())
                };
                [Some(failed), damaged.map(|_| Msg::Damaged(text))]
                    .into_iter()
                    .flatten()
                    .collect()
            }
        }
    }
}

impl StoreExecutor {
    fn carry_out(&mut self, effect: Effect, now: Now) -> Result<Option<Msg>, StoreError> {
        let store = &mut self.store;
        Ok(match effect {
            Effect::LoadHome(week) => Some(Msg::HomeLoaded(HomeData {
                unfinished: store.unfinished()?,
                week_done: store.sessions_done_between(week.start, week.end)?,
            })),
            Effect::StartSession(routine) => {
                Some(Msg::SessionLoaded(store.start_session(&routine, now.wall)?))
            }
            Effect::ResumeSession(id) => Some(Msg::SessionLoaded(store.load_session(id)?)),
            Effect::PlanNext {
                session,
                routine,
                rules,
            } => Some(Msg::NextPlanned {
                session,
                next: Box::new(store.plan_next(
                    &routine,
                    &rules,
                    &self.calendar,
                    now.wall,
                    Some(session),
                )?),
            }),
            Effect::EndAbandoned(id) => store.end_abandoned(id).map(|()| None)?,
            Effect::SaveSet(set) => {
                let id = store.insert_set(&set)?;
                Some(Msg::SetSaved(LoggedSet { id, set }))
            }
            Effect::SavePosition { session, position } => {
                store.save_position(session, position).map(|()| None)?
            }
            Effect::SavePlannedSets {
                session,
                position,
                sets,
            } => store
                .save_planned_sets(session, position, sets)
                .map(|()| None)?,
            Effect::FinishSession { id, note } => Some(Msg::Finished(store.finish_session(
                id,
                now.wall,
                note.as_deref(),
            )?)),
            Effect::AnnotateSet { id, rpe, note } => {
                store.annotate_set(id, rpe, note.as_deref())?;
                Some(Msg::Annotated { id, rpe, note })
            }
            Effect::LoadExercises => Some(Msg::ExercisesLoaded(store.exercises()?)),
            Effect::SavePlan {
                session,
                plan,
                position,
            } => Some(Msg::PlanSaved(store.save_plan(session, &plan, position)?)),
            Effect::History(effect) => history::execute(store, effect, now, &self.calendar)?,
            Effect::Bell => None,
        })
    }
}

/// A store error in words for the status line.
fn describe(err: &StoreError) -> String {
    match err {
        StoreError::Sqlite(e) if StoreError::is_busy(e) => {
            "the database is locked by another program; try again in a moment".into()
        }
        StoreError::Sqlite(e) if StoreError::is_disk(e) => {
            format!("cannot write the database ({e})")
        }
        other => other.to_string(),
    }
}

//! The store's answers on the history screens, each landing on the page
//! that asked if it is still open; those on a live session's records go
//! to `session::records`.

use super::{HistoryEffect, HistoryMsg, Metric, Page, WEEKS_PAGE, load};
use crate::app::msg::Effect;
use crate::app::session;
use crate::app::state::State;
use crate::domain::balance::balance;
use crate::domain::correction::Correction;
use crate::domain::history::Totals;

pub fn on_msg(state: &mut State, msg: HistoryMsg) -> Vec<Effect> {
    match msg {
        HistoryMsg::BestsLoaded(logged, earlier) => {
            return session::on_bests(state, &logged, &earlier);
        }
        HistoryMsg::Recalled(remembered) => return session::on_recalled(state, &remembered),
        _ => {}
    }
    let Some(view) = state.screen.history_mut() else {
        return vec![];
    };
    let calendar = &state.calendar;
    let mut notice = None;
    let mut effects = vec![];
    match (msg, view.stack.last_mut()) {
        // The list starts again from the current week, as long as it was.
        (HistoryMsg::FirstFound(first), _) => {
            view.first = first;
            if let Some(Page::Weeks(p)) = view.stack.first_mut() {
                match first {
                    Some(first) => effects.push(Effect::History(load::weeks(
                        calendar,
                        state.now.wall,
                        first,
                        None,
                        p.weeks.len().max(WEEKS_PAGE),
                        view.target,
                    ))),
                    None => {
                        p.weeks.clear();
                        p.streak = 0;
                        p.more = false;
                        p.loaded = true;
                        p.selected = 0;
                    }
                }
            }
        }
        (HistoryMsg::WeeksLoaded { weeks, streak }, _) => {
            if let Some(Page::Weeks(p)) = view.stack.first_mut() {
                if let Some(streak) = streak {
                    p.streak = streak;
                    p.weeks.clear();
                }
                p.more = match (view.first, weeks.last()) {
                    (Some(first), Some(oldest)) => {
                        load::more_before(calendar, first, oldest.week.first_day)
                    }
                    _ => false,
                };
                p.weeks.extend(weeks);
                p.loaded = true;
                p.selected = p.selected.min(p.weeks.len().saturating_sub(1));
            }
        }
        // Also below the top: a correction reloads the week under its session.
        (HistoryMsg::WeekLoaded { week, sessions }, _) => {
            for page in view.stack.iter_mut() {
                if let Page::Week(p) = page
                    && p.week.week == week
                {
                    p.week.totals = Totals::sum(sessions.iter().map(|s| &s.totals));
                    p.sessions = sessions.clone();
                    p.loaded = true;
                    p.selected = p.selected.min(p.sessions.len().saturating_sub(1));
                }
            }
        }
        (HistoryMsg::SetsLoaded { session, sets }, Some(Page::Session(p)))
            if p.session.id == session =>
        {
            p.sets = sets;
            p.loaded = true;
        }
        (
            HistoryMsg::Corrected {
                correction,
                session,
                sets,
            },
            Some(Page::Session(p)),
        ) if p.session.id == session => {
            p.sets = sets;
            p.selected = p.selected.min(p.sets.len().saturating_sub(1));
            p.edit = None;
            p.undo.extend(correction);
            notice = Some(match (correction, p.undo.is_empty()) {
                (Some(Correction::Deleted { .. }), _) => "Set deleted; z undoes",
                (Some(Correction::Replaced { .. }), _) => "Set corrected; z undoes",
                (None, true) => "Undone",
                (None, false) => "Undone; z undoes the change before",
            });
            // The totals of the week and of the week list changed with it,
            // and a deleted set may have emptied the first session.
            effects.push(Effect::History(HistoryEffect::FindFirst));
            if let Some(Page::Week(w)) = view.stack.iter().rev().nth(1) {
                effects.push(Effect::History(HistoryEffect::LoadWeek(w.week.week)));
            }
        }
        (HistoryMsg::ExercisesLoaded(mut exercises), Some(Page::Exercises(p))) => {
            // In the order they were first used.
            exercises.sort_by_key(|e| e.id);
            p.exercises = exercises;
            p.loaded = true;
        }
        (
            HistoryMsg::ProgressLoaded {
                exercise,
                span,
                from,
                to,
                points,
                records,
                latest,
                cardio,
            },
            Some(Page::Progress(p)),
        ) if p.exercise.id == exercise && p.span == span => {
            p.points = points;
            p.records = records;
            p.balance = balance(&latest).map(Box::new);
            p.cardio = cardio;
            // Bodyweight work has no estimate to draw: its chart is reps.
            if p.metric == Metric::Estimate && !p.has_loads() {
                p.metric = Metric::Reps;
            }
            p.from = Some(from);
            p.to = Some(to);
            p.loaded = true;
        }
        _ => {}
    }
    if let Some(text) = notice {
        state.notice = Some((text.into(), false));
    }
    effects
}

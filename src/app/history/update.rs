//! Keys on the history screens. Pure, like the rest of `update`: every
//! read or write of the store leaves as an effect.

use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::state::{Screen, State};
use crate::app::update::{go_home, quit};
use crate::domain::history::SetRow;
use crate::domain::set::Work;
use crate::domain::{Kind, Sides};
use crate::store::ExerciseInfo;

use super::{
    Edit, ExercisesPage, HistoryEffect, HistoryView, Metric, Page, ProgressPage, SessionPage, Span,
    WEEKS_PAGE, WeekPage, WeeksPage,
};

fn fx(effect: HistoryEffect) -> Vec<Effect> {
    vec![Effect::History(effect)]
}

/// Opens the week list from the home screen.
pub fn open(state: &mut State) -> Vec<Effect> {
    let target = state.settings.weekly_target;
    state.screen = Screen::History(Box::new(HistoryView {
        stack: vec![Page::Weeks(WeeksPage::default())],
        target,
    }));
    state.notice = None;
    fx(HistoryEffect::LoadWeeks {
        before: None,
        count: WEEKS_PAGE,
        target,
    })
}

pub(super) fn view_mut(state: &mut State) -> Option<&mut HistoryView> {
    match &mut state.screen {
        Screen::History(view) => Some(view),
        _ => None,
    }
}

/// Moves a selection within `len` items.
fn step(selected: &mut usize, len: usize, action: Action) {
    match action {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(len.saturating_sub(1)),
        _ => {}
    }
}

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let unit = state.settings.unit;
    let Some(view) = view_mut(state) else {
        return vec![];
    };
    let target = view.target;
    let editing = matches!(view.page(), Some(Page::Session(p)) if p.edit.is_some());
    if action == Action::Quit && !editing {
        return quit(state);
    }
    if action == Action::Back && !editing {
        view.stack.pop();
        if view.stack.is_empty() {
            return go_home(state);
        }
        state.notice = None;
        return vec![];
    }
    let effects = match view.stack.last_mut() {
        Some(Page::Weeks(p)) => on_weeks(p, action, target),
        Some(Page::Week(p)) => on_week(p, action),
        Some(Page::Session(p)) => on_session(p, action, unit),
        Some(Page::Exercises(p)) => on_exercises(p, action),
        Some(Page::Progress(p)) => on_progress(p, action),
        None => vec![],
    };
    // A page to open comes back as a marker effect; the stack grows here.
    let mut out = vec![];
    for effect in effects {
        match effect {
            Opened::Page(page, load) => {
                view.stack.push(*page);
                out.extend(load.map(Effect::History));
            }
            Opened::Effect(e) => out.push(Effect::History(e)),
        }
    }
    out
}

/// What a page's key handler asks for: a page to push (with its load) or an effect.
enum Opened {
    Page(Box<Page>, Option<HistoryEffect>),
    Effect(HistoryEffect),
}

fn exercises_page() -> Opened {
    Opened::Page(
        Box::new(Page::Exercises(ExercisesPage::default())),
        Some(HistoryEffect::LoadExercises),
    )
}

fn progress_page(exercise: ExerciseInfo) -> Opened {
    let metric = if exercise.kind == Kind::Hold {
        Metric::Hold
    } else {
        Metric::Estimate
    };
    let load = HistoryEffect::LoadProgress {
        exercise: exercise.id,
        span: Span::Year,
    };
    let page = ProgressPage {
        exercise,
        span: Span::Year,
        metric,
        points: vec![],
        records: vec![],
        loaded: false,
        from: None,
        to: None,
    };
    Opened::Page(Box::new(Page::Progress(Box::new(page))), Some(load))
}

fn on_weeks(p: &mut WeeksPage, action: Action, target: u32) -> Vec<Opened> {
    step(&mut p.selected, p.weeks.len(), action);
    match action {
        Action::Down if p.more && p.selected + 8 >= p.weeks.len() => {
            p.more = false;
            let before = p.weeks.last().map(|w| w.week.first_day);
            vec![Opened::Effect(HistoryEffect::LoadWeeks {
                before,
                count: WEEKS_PAGE,
                target,
            })]
        }
        Action::Confirm => match p.weeks.get(p.selected) {
            Some(&week) => {
                let empty = week.totals.sessions == 0;
                let page = WeekPage {
                    week,
                    sessions: vec![],
                    loaded: empty,
                    selected: 0,
                };
                vec![Opened::Page(
                    Box::new(Page::Week(page)),
                    (!empty).then_some(HistoryEffect::LoadWeek(week.week)),
                )]
            }
            None => vec![],
        },
        Action::Progress => vec![exercises_page()],
        _ => vec![],
    }
}

fn on_week(p: &mut WeekPage, action: Action) -> Vec<Opened> {
    step(&mut p.selected, p.sessions.len(), action);
    match (action, p.sessions.get(p.selected)) {
        (Action::Confirm, Some(session)) => {
            let page = SessionPage {
                session: session.clone(),
                sets: vec![],
                loaded: false,
                selected: 0,
                edit: None,
                undo: vec![],
            };
            vec![Opened::Page(
                Box::new(Page::Session(Box::new(page))),
                Some(HistoryEffect::LoadSets(session.id)),
            )]
        }
        (Action::Progress, _) => vec![exercises_page()],
        _ => vec![],
    }
}

fn exercise_of(set: &SetRow) -> ExerciseInfo {
    ExerciseInfo {
        id: set.exercise_id,
        name: set.exercise.clone(),
        kind: match set.work {
            Work::Reps { .. } => Kind::Reps,
            Work::Hold { .. } => Kind::Hold,
            Work::Cardio { .. } => Kind::Cardio,
        },
        sides: if set.side.is_some() {
            Sides::Each
        } else {
            Sides::Both
        },
    }
}

fn on_session(p: &mut SessionPage, action: Action, unit: crate::domain::Unit) -> Vec<Opened> {
    let session = p.session.id;
    if let Some((id, edit)) = &mut p.edit {
        match action {
            Action::Char(c) => edit.type_char(c),
            Action::Backspace => edit.backspace(),
            Action::NextField | Action::Up | Action::Down => edit.next_field(),
            Action::ToggleUnit => edit.toggle_unit(),
            Action::Back => p.edit = None,
            Action::Confirm => {
                if let Some(work) = edit.submit() {
                    return vec![Opened::Effect(HistoryEffect::CorrectSet {
                        session,
                        id: *id,
                        work,
                    })];
                }
            }
            _ => {}
        }
        return vec![];
    }
    step(&mut p.selected, p.sets.len(), action);
    let selected = p.sets.get(p.selected);
    match (action, selected) {
        (Action::Correct | Action::Confirm, Some(set)) => {
            p.edit = Edit::new(&set.work, unit).map(|edit| (set.id, edit));
            vec![]
        }
        (Action::RemoveSet, Some(set)) => vec![Opened::Effect(HistoryEffect::DeleteSet {
            session,
            id: set.id,
        })],
        (Action::Undo, _) => match p.undo.pop() {
            Some(correction) => vec![Opened::Effect(HistoryEffect::Undo {
                session,
                correction,
            })],
            None => vec![],
        },
        (Action::Progress, Some(set)) => vec![progress_page(exercise_of(set))],
        _ => vec![],
    }
}

fn on_exercises(p: &mut ExercisesPage, action: Action) -> Vec<Opened> {
    step(&mut p.selected, p.exercises.len(), action);
    match (action, p.exercises.get(p.selected)) {
        (Action::Confirm, Some(exercise)) => vec![progress_page(exercise.clone())],
        _ => vec![],
    }
}

fn on_progress(p: &mut ProgressPage, action: Action) -> Vec<Opened> {
    let at = Span::ALL.iter().position(|&s| s == p.span).unwrap_or(1);
    let span = match action {
        Action::Left => Span::ALL[at.saturating_sub(1)],
        Action::Right => Span::ALL[(at + 1).min(Span::ALL.len() - 1)],
        Action::NextField => {
            p.metric = match p.metric {
                Metric::Estimate => Metric::Reps,
                Metric::Reps => Metric::Estimate,
                Metric::Hold => Metric::Hold,
            };
            return vec![];
        }
        _ => return vec![],
    };
    if span == p.span {
        return vec![];
    }
    p.span = span;
    p.loaded = false;
    vec![Opened::Effect(HistoryEffect::LoadProgress {
        exercise: p.exercise.id,
        span,
    })]
}

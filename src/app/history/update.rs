//! Keys on the history screens. Pure, like the rest of `update`: every
//! read or write of the store leaves as an effect.

use chrono::{DateTime, Utc};

use super::{
    Edit, ExercisesPage, HistoryEffect, HistoryView, Metric, Page, ProgressPage, SessionPage, Span,
    WEEKS_PAGE, WeekPage, WeeksPage, load,
};
use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::state::{Screen, State};
use crate::domain::calendar::Calendar;
use crate::domain::exercise::Exercise;
use crate::domain::history::SetRow;
use crate::domain::set::Work;
use crate::domain::{Kind, Sides, Unit};

fn fx(effect: HistoryEffect) -> Vec<Effect> {
    vec![Effect::History(effect)]
}

/// Opens the week list from the home screen.
pub fn open(state: &mut State) -> Vec<Effect> {
    let target = state.settings.weekly_target;
    state.screen = Screen::History(Box::new(HistoryView {
        stack: vec![Page::Weeks(WeeksPage::default())],
        target,
        first: None,
        span: Span::Year,
    }));
    state.notice = None;
    fx(HistoryEffect::FindFirst)
}

/// What a page needs to say what to load next.
struct Context<'a> {
    calendar: &'a Calendar,
    now: DateTime<Utc>,
    first: Option<DateTime<Utc>>,
    target: u32,
    unit: Unit,
    span: Span,
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
    let Some(view) = state.screen.history_mut() else {
        return vec![];
    };
    let editing = matches!(view.page(), Some(Page::Session(p)) if p.edit.is_some());
    if action == Action::Quit && !editing {
        return state.quit();
    }
    if action == Action::Back && !editing {
        view.stack.pop();
        if view.stack.is_empty() {
            return state.go_home();
        }
        state.notice = None;
        return vec![];
    }
    let cx = Context {
        calendar: &state.calendar,
        now: state.now.wall,
        first: view.first,
        target: view.target,
        unit: state.settings.unit,
        span: view.span,
    };
    let effects = match view.stack.last_mut() {
        Some(Page::Weeks(p)) => on_weeks(p, action, &cx),
        Some(Page::Week(p)) => on_week(p, action),
        Some(Page::Session(p)) => on_session(p, action, &cx),
        Some(Page::Exercises(p)) => on_exercises(p, action, &cx),
        Some(Page::Progress(p)) => on_progress(p, action, &cx),
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
    if let Some(Page::Progress(p)) = view.stack.last() {
        view.span = p.span;
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

fn progress_page(exercise: Exercise, cx: &Context<'_>) -> Opened {
    let load = load::progress(exercise.id, exercise.kind, cx.span, cx.first, cx.now);
    let page = ProgressPage {
        metric: Metric::first(exercise.kind),
        exercise,
        span: cx.span,
        points: vec![],
        records: vec![],
        balance: None,
        cardio: None,
        loaded: false,
        from: None,
        to: None,
    };
    Opened::Page(Box::new(Page::Progress(Box::new(page))), Some(load))
}

fn on_weeks(p: &mut WeeksPage, action: Action, cx: &Context<'_>) -> Vec<Opened> {
    step(&mut p.selected, p.weeks.len(), action);
    match (action, cx.first) {
        (Action::Down, Some(first)) if p.more && p.selected + 8 >= p.weeks.len() => {
            p.more = false;
            let before = p.weeks.last().map(|w| w.week.first_day);
            vec![Opened::Effect(load::weeks(
                cx.calendar,
                cx.now,
                first,
                before,
                WEEKS_PAGE,
                cx.target,
            ))]
        }
        (Action::Confirm, _) => match p.weeks.get(p.selected) {
            Some(&week) => {
                let empty = !week.totals.logged_any();
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
        (Action::Progress, _) => vec![exercises_page()],
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

fn exercise_of(set: &SetRow) -> Exercise {
    Exercise {
        id: set.exercise_id,
        name: set.exercise.to_string(),
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

fn on_session(p: &mut SessionPage, action: Action, cx: &Context<'_>) -> Vec<Opened> {
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
                        notes: None,
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
            p.edit = Edit::new(&set.work, cx.unit).map(|edit| (set.id, edit));
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
        (Action::Progress, Some(set)) => vec![progress_page(exercise_of(set), cx)],
        _ => vec![],
    }
}

fn on_exercises(p: &mut ExercisesPage, action: Action, cx: &Context<'_>) -> Vec<Opened> {
    step(&mut p.selected, p.exercises.len(), action);
    match (action, p.exercises.get(p.selected)) {
        (Action::Confirm, Some(exercise)) => vec![progress_page(exercise.clone(), cx)],
        _ => vec![],
    }
}

fn on_progress(p: &mut ProgressPage, action: Action, cx: &Context<'_>) -> Vec<Opened> {
    let at = Span::ALL.iter().position(|&s| s == p.span).unwrap_or(1);
    let span = match action {
        Action::Left => Span::ALL[at.saturating_sub(1)],
        Action::Right => Span::ALL[(at + 1).min(Span::ALL.len() - 1)],
        Action::NextField => {
            p.metric = p.metric.next(p.has_loads());
            return vec![];
        }
        _ => return vec![],
    };
    if span == p.span {
        return vec![];
    }
    p.span = span;
    p.loaded = false;
    vec![Opened::Effect(load::progress(
        p.exercise.id,
        p.exercise.kind,
        span,
        cx.first,
        cx.now,
    ))]
}

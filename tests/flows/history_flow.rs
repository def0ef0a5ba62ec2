#![allow(clippy::unwrap_used, clippy::expect_used)]
//! History update flows: messages in, state and effects out, no IO.

use crate::common;

use std::time::Duration;

use chrono::{Days, Utc, Weekday};
use common::{Flow, noon};
use ratatui::crossterm::event::KeyCode;
use runstrong::app::history::{HistoryEffect, HistoryMsg, Page, StreakOf};
use runstrong::app::home::HomeData;
use runstrong::app::state::Screen;
use runstrong::app::{Effect, Msg};
use runstrong::domain::Side;
use runstrong::domain::calendar::Calendar;
use runstrong::domain::correction::Correction;
use runstrong::domain::history::{SessionRow, SetRow, Totals, WeekSummary};
use runstrong::domain::set::Work;

pub fn history_effects(flow: &Flow) -> Vec<HistoryEffect> {
    flow.fake
        .effects
        .iter()
        .filter_map(|e| {
            if let Effect::History(h) = e {
                Some(h.clone())
            } else {
                None
            }
        })
        .collect()
}

pub fn last_effect(flow: &Flow) -> Option<HistoryEffect> {
    history_effects(flow).pop()
}

pub fn page(flow: &Flow) -> &Page {
    match &flow.state.screen {
        Screen::History(view) => view.page().unwrap(),
        other => panic!("not in history: {other:?}"),
    }
}

fn calendar() -> Calendar {
    Calendar::new(Utc, Weekday::Mon)
}

/// The first session: three weeks before this one.
fn first() -> chrono::DateTime<Utc> {
    noon() - Days::new(21)
}

/// Three weeks: this one with two sessions, a missed one, one with one.
fn weeks() -> Vec<WeekSummary> {
    let cal = calendar();
    let totals = |sessions| Totals {
        sessions,
        sets: 4 * sessions,
        ..Totals::default()
    };
    cal.weeks_back(noon(), 3)
        .into_iter()
        .zip([2, 0, 1])
        .map(|(week, n)| WeekSummary {
            week,
            totals: totals(n),
        })
        .collect()
}

fn session_row() -> SessionRow {
    SessionRow {
        id: 9,
        routine: "Strength for runners".into(),
        started_at: noon(),
        ended_at: None,
        notes: Some("windy hill day".into()),
        totals: Totals::default(),
    }
}

fn set_row(id: i64, work: Work) -> SetRow {
    SetRow {
        kind: runstrong::domain::set::SetType::Normal,
        distance: None,
        id,
        exercise_id: 4,
        exercise: "Lunge".into(),
        set_number: 1,
        side: Some(Side::Left),
        work,
        logged_at: noon(),
        corrected: false,
        rpe: None,
        note: None,
    }
}

/// Home → History, with the first session and three of its four weeks answered.
pub fn in_history() -> Flow {
    let mut flow = Flow::home();
    flow.send(Msg::HomeLoaded(HomeData::default()));
    flow.press(KeyCode::Down);
    flow.press(KeyCode::Enter);
    flow.send(Msg::History(HistoryMsg::FirstFound(Some(first()))));
    flow.send(Msg::History(HistoryMsg::WeeksLoaded {
        weeks: weeks(),
        streak: Some(1),
    }));
    flow
}

#[test]
fn home_opens_the_week_list_and_esc_goes_back() {
    let mut flow = Flow::home();
    flow.send(Msg::HomeLoaded(HomeData::default()));
    flow.press(KeyCode::Down);
    flow.press(KeyCode::Enter);
    assert_eq!(last_effect(&flow), Some(HistoryEffect::FindFirst));
    flow.send(Msg::History(HistoryMsg::FirstFound(Some(first()))));
    let this_week = calendar().weeks_back(noon(), 1)[0];
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::LoadWeeks {
            weeks: calendar().weeks_back(noon(), 4),
            streak: Some(StreakOf {
                current: this_week,
                target: 2
            }),
        }),
        "from this week back to the first session's, with the streak"
    );
    assert!(matches!(page(&flow), Page::Weeks(p) if !p.loaded));
    let mut all = weeks();
    all.push(WeekSummary {
        week: calendar().weeks_back(noon(), 4)[3],
        totals: Totals::default(),
    });
    flow.send(Msg::History(HistoryMsg::WeeksLoaded {
        weeks: all,
        streak: Some(1),
    }));
    assert!(
        matches!(page(&flow), Page::Weeks(p) if p.loaded && p.weeks.len() == 4 && p.streak == 1 && !p.more)
    );
    flow.press(KeyCode::Esc);
    assert!(matches!(flow.state.screen, Screen::Home(_)));
    assert_eq!(flow.fake.effects.last(), Some(&Effect::LoadHome(this_week)));
}

#[test]
fn scrolling_near_the_end_loads_older_weeks_once() {
    let mut flow = in_history();
    assert!(
        matches!(page(&flow), Page::Weeks(p) if p.more),
        "the first session is a week older than those loaded"
    );
    flow.press(KeyCode::Down);
    let older = weeks()[0].week.first_day - Days::new(21);
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::LoadWeeks {
            weeks: vec![calendar().bounds(older)],
            streak: None,
        }),
        "the weeks before the oldest loaded, down to the first session's"
    );
    let asked = history_effects(&flow).len();
    flow.press(KeyCode::Down);
    assert_eq!(
        history_effects(&flow).len(),
        asked,
        "no second request while one is out"
    );
    let mut more = weeks()[2];
    more.week = calendar().bounds(older);
    flow.send(Msg::History(HistoryMsg::WeeksLoaded {
        weeks: vec![more],
        streak: None,
    }));
    assert!(
        matches!(page(&flow), Page::Weeks(p) if p.weeks.len() == 4 && p.streak == 1 && !p.more)
    );
}

#[test]
fn a_missed_week_opens_without_asking_the_store() {
    let mut flow = in_history();
    let before = history_effects(&flow).len();
    flow.press(KeyCode::Down);
    flow.send(Msg::History(HistoryMsg::WeeksLoaded {
        weeks: vec![],
        streak: None,
    }));
    flow.press(KeyCode::Enter);
    assert!(matches!(page(&flow), Page::Week(p) if p.loaded && p.sessions.is_empty()));
    assert_eq!(
        history_effects(&flow).len(),
        before + 1,
        "only the older-weeks request"
    );
}

#[test]
fn a_week_then_a_session_then_correct_delete_and_undo() {
    let mut flow = in_history();
    flow.press(KeyCode::Enter);
    let week = weeks()[0].week;
    assert_eq!(last_effect(&flow), Some(HistoryEffect::LoadWeek(week)));
    flow.send(Msg::History(HistoryMsg::WeekLoaded {
        week,
        sessions: vec![session_row()],
    }));
    flow.press(KeyCode::Enter);
    assert_eq!(last_effect(&flow), Some(HistoryEffect::LoadSets(9)));
    let reps = Work::Reps {
        reps: 10,
        load: None,
    };
    let hold = Work::hold(Duration::from_secs(30));
    flow.send(Msg::History(HistoryMsg::SetsLoaded {
        session: 9,
        sets: vec![set_row(1, reps), set_row(2, hold)],
    }));

    flow.type_text("c12");
    flow.press(KeyCode::Enter);
    let corrected = Work::Reps {
        reps: 12,
        load: None,
    };
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::CorrectSet {
            session: 9,
            id: 1,
            work: corrected,
            notes: None,
        })
    );
    let correction = Correction::Replaced { old: 1, new: 3 };
    let sets = vec![set_row(3, corrected), set_row(2, hold)];
    flow.send(Msg::History(HistoryMsg::Corrected {
        correction: Some(correction),
        session: 9,
        sets,
    }));
    let reloads = history_effects(&flow);
    assert!(
        reloads.contains(&HistoryEffect::LoadWeek(week)),
        "the week's totals follow the correction"
    );
    assert!(
        reloads.ends_with(&[HistoryEffect::FindFirst, HistoryEffect::LoadWeek(week)]),
        "and the week list, from the first session, which a deletion may move"
    );
    assert!(matches!(reloads.last(), Some(HistoryEffect::LoadWeek(_))));
    assert_eq!(
        flow.state.notice,
        Some(("Set corrected; z undoes".into(), false))
    );

    flow.press(KeyCode::Down);
    flow.state.notice = None;
    let screen = flow.render(80, 24);
    assert!(screen.contains("z undo · r progress"), "{screen}");
    flow.press(KeyCode::Char('x'));
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::DeleteSet { session: 9, id: 2 })
    );
    let deletion = Correction::Deleted { id: 2 };
    flow.send(Msg::History(HistoryMsg::Corrected {
        correction: Some(deletion),
        session: 9,
        sets: vec![set_row(3, corrected)],
    }));

    // z takes the changes back newest first, one at a time.
    for (taken_back, notice) in [
        (deletion, "Undone; z undoes the change before"),
        (correction, "Undone"),
    ] {
        flow.press(KeyCode::Char('z'));
        assert_eq!(
            last_effect(&flow),
            Some(HistoryEffect::Undo {
                session: 9,
                correction: taken_back
            })
        );
        flow.send(Msg::History(HistoryMsg::Corrected {
            correction: None,
            session: 9,
            sets: vec![set_row(3, corrected), set_row(2, hold)],
        }));
        assert_eq!(flow.state.notice, Some((notice.into(), false)));
    }
    let effects = flow.fake.effects.len();
    flow.press(KeyCode::Char('z'));
    assert_eq!(flow.fake.effects.len(), effects, "nothing left to undo");
    flow.state.notice = None;
    assert!(
        !flow.render(80, 24).contains("z undo"),
        "nor a key offered for it"
    );
}

#[test]
fn a_bad_correction_stays_in_the_form_and_esc_cancels_it() {
    let mut flow = in_history();
    flow.press(KeyCode::Enter);
    flow.send(Msg::History(HistoryMsg::WeekLoaded {
        week: weeks()[0].week,
        sessions: vec![session_row()],
    }));
    flow.press(KeyCode::Enter);
    let hold = Work::hold(Duration::from_secs(30));
    flow.send(Msg::History(HistoryMsg::SetsLoaded {
        session: 9,
        sets: vec![set_row(1, hold)],
    }));
    let asked = history_effects(&flow).len();
    flow.type_text("c0");
    flow.press(KeyCode::Enter);
    assert_eq!(history_effects(&flow).len(), asked, "nothing saved");
    assert!(
        matches!(page(&flow), Page::Session(p) if p.edit.as_ref().is_some_and(|(_, e)| e.error().is_some()))
    );
    flow.press(KeyCode::Esc);
    assert!(
        matches!(page(&flow), Page::Session(p) if p.edit.is_none()),
        "Esc closes the form, not the page"
    );
    flow.press(KeyCode::Esc);
    assert!(matches!(page(&flow), Page::Week(_)));
}

#[test]
fn a_session_in_history_shows_each_set_s_rpe_and_note() {
    let mut flow = in_history();
    flow.press(KeyCode::Enter);
    let week = weeks()[0].week;
    flow.send(Msg::History(HistoryMsg::WeekLoaded {
        week,
        sessions: vec![session_row()],
    }));
    flow.press(KeyCode::Enter);
    let mut noted = set_row(
        1,
        Work::Reps {
            reps: 10,
            load: None,
        },
    );
    noted.rpe = runstrong::domain::set::Rpe::from_value(8.5);
    noted.note = Some("knee fine".into());
    flow.send(Msg::History(HistoryMsg::SetsLoaded {
        session: 9,
        sets: vec![noted],
    }));
    let screen = flow.render(80, 24);
    assert!(screen.contains("10 × BW @8.5 · knee fine"), "{screen}");
    assert!(
        screen.contains("Strength for runners · windy hill day"),
        "{screen}"
    );
}

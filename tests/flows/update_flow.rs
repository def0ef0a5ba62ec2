//! `update` flows: messages in, state and effects out, through the real
//! loop's `step`. No terminal, no database, no real time, except in
//! `on_store`, which runs the loop on a real one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
#[path = "update_flow/finish.rs"]
mod finish;
#[path = "update_flow/fixing.rs"]
mod fixing;
#[path = "update_flow/keys.rs"]
mod keys;
#[path = "update_flow/notes.rs"]
mod notes;
#[path = "update_flow/on_store.rs"]
mod on_store;
#[path = "update_flow/prefill.rs"]
mod prefill;
#[path = "update_flow/resume.rs"]
mod resume;
#[path = "update_flow/timers.rs"]
mod timers;
#[path = "update_flow/typing.rs"]
mod typing;
#[path = "update_flow/weighted.rs"]
mod weighted;

use std::time::Duration;

use common::{Flow, noon};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use runstrong::app::home::HomeData;
use runstrong::app::overlay::Overlay;
use runstrong::app::session::Step;
use runstrong::app::{Effect, Msg};
use runstrong::domain::entry::Field;
use runstrong::domain::session::Unfinished;
use runstrong::domain::set::Work;
use runstrong::domain::{Load, Side, Unit};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn to_plank(flow: &mut Flow) {
    for _ in 0..6 {
        flow.type_text("l");
    }
    assert_eq!(
        flow.view().session.current().unwrap().name,
        "Copenhagen plank"
    );
}

#[test]
fn home_starts_the_routine_and_ends_an_abandoned_session_first() {
    let mut flow = Flow::home();
    flow.press(KeyCode::Enter);
    assert!(
        matches!(flow.fake.effects.as_slice(), [Effect::StartSession(r)] if r.name == "Strength for runners")
    );

    let mut flow = Flow::home();
    let unfinished = Unfinished {
        id: 9,
        routine: "r".into(),
        started_at: noon(),
        sets: 3,
        at_exercise: None,
    };
    flow.send(Msg::HomeLoaded(HomeData {
        unfinished: Some(unfinished),
        week_done: 1,
    }));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.fake.effects, [Effect::ResumeSession(9)]);
    flow.press(KeyCode::Enter);
    assert_eq!(
        flow.fake.effects,
        [Effect::ResumeSession(9)],
        "a second Enter before the store answers opens nothing more"
    );
    // The resume failed: Enter works again.
    flow.send(Msg::StoreFailed("disk I/O error".into()));
    flow.type_text("jj");
    flow.press(KeyCode::Enter);
    assert!(matches!(
        &flow.fake.effects[1..],
        [Effect::EndAbandoned(9), Effect::StartSession(_)]
    ));
}

#[test]
fn a_rep_set_is_saved_with_what_was_typed_then_rest_starts() {
    let mut flow = Flow::in_session();
    flow.type_text("12");
    flow.press(KeyCode::Tab);
    flow.type_text("22.5");
    flow.press(KeyCode::Enter);
    let saved = flow.saved();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].work,
        Work::Reps {
            reps: 12,
            load: Some(Load {
                centi: 2250,
                unit: Unit::Kg
            })
        }
    );
    assert_eq!(
        (saved[0].set_number, saved[0].side, saved[0].exercise_id),
        (1, None, 1)
    );
    let view = flow.view();
    assert_eq!(view.session.logged.len(), 1);
    assert_eq!(view.rest.unwrap().remaining(flow.now.at), secs(60));
    assert_eq!(view.slot().unwrap().set_number, 2);
    // The next set is prefilled with what was just done.
    assert_eq!(
        (view.entry.reps.as_str(), view.entry.load.as_str()),
        ("12", "22.5")
    );
}

#[test]
fn typos_are_refused_next_to_the_field_and_nothing_is_saved() {
    let mut flow = Flow::in_session();
    flow.type_text("1a");
    flow.press(KeyCode::Enter);
    assert!(flow.saved().is_empty());
    assert_eq!(
        flow.view().entry.error,
        Some((Field::Reps, "\"1a\" is not a whole number".into()))
    );
    flow.press(KeyCode::Backspace);
    flow.type_text("000");
    flow.press(KeyCode::Enter);
    assert!(
        matches!(&flow.view().entry.error, Some((Field::Reps, m)) if m.contains("at most 500"))
    );
    flow.press(KeyCode::Esc);
    flow.press(KeyCode::Tab);
    flow.type_text("-5");
    flow.press(KeyCode::Enter);
    assert!(matches!(&flow.view().entry.error, Some((Field::Load, _))));
    assert!(flow.saved().is_empty());
    flow.press(KeyCode::Backspace);
    flow.press(KeyCode::Backspace);
    flow.type_text("8");
    flow.press(KeyCode::Enter);
    assert_eq!(
        flow.saved()[0].work,
        Work::Reps {
            reps: 15,
            load: Some(Load {
                centi: 800,
                unit: Unit::Kg
            })
        }
    );
}

#[test]
fn one_sided_rep_sets_go_left_then_right_then_rest() {
    let mut flow = Flow::in_session();
    flow.type_text("lll");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved()[0].side, Some(Side::Left));
    assert!(flow.view().rest.is_none(), "no rest between sides");
    flow.advance(secs(30));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved()[1].side, Some(Side::Right));
    assert_eq!(flow.saved()[1].set_number, 1);
    assert!(flow.view().rest.is_some());
}

#[test]
fn finishing_an_exercise_moves_on_and_remembers_where() {
    let mut flow = Flow::in_session();
    for _ in 0..3 {
        flow.press(KeyCode::Enter);
        flow.advance(secs(30));
    }
    assert_eq!(flow.view().session.position, 1);
    assert!(flow.fake.effects.contains(&Effect::SavePosition {
        session: 1,
        position: 1
    }));
    assert!(flow.view().rest.is_some());
}

#[test]
fn a_failed_save_keeps_the_set_until_it_is_saved() {
    let mut flow = Flow::in_session();
    flow.fake.failing = Some("disk full".into());
    flow.type_text("9");
    flow.press(KeyCode::Enter);
    assert!(matches!(flow.view().step, Step::Unsaved(_)));
    assert!(flow.view().session.logged.is_empty());
    assert!(matches!(&flow.state.notice, Some((m, true)) if m.contains("disk full")));
    flow.type_text("l");
    assert_eq!(
        flow.view().session.position,
        0,
        "cannot walk away from an unsaved set"
    );
    flow.fake.failing = None;
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().session.logged.len(), 1);
    assert_eq!(
        flow.saved().last().unwrap().work,
        Work::Reps {
            reps: 9,
            load: None
        }
    );
}

#[test]
fn sets_can_be_added_and_removed_but_logged_ones_stay() {
    let mut flow = Flow::in_session();
    flow.type_text("a");
    assert_eq!(flow.view().session.plan[0].sets, 4);
    assert!(flow.fake.effects.contains(&Effect::SavePlannedSets {
        session: 1,
        position: 0,
        sets: 4
    }));
    flow.type_text("xxx");
    assert_eq!(flow.view().session.plan[0].sets, 1);
    flow.press(KeyCode::Enter);
    flow.type_text("x");
    assert_eq!(
        flow.view().session.plan[0].sets,
        1,
        "a logged set is never removed"
    );
}

#[test]
fn quitting_asks_first_in_a_session_and_ctrl_c_does_not() {
    let mut flow = Flow::in_session();
    flow.type_text("yn");
    assert!(
        flow.saved().is_empty(),
        "y and n mean nothing outside a question"
    );
    flow.type_text("q");
    assert_eq!(flow.state.overlay, Some(Overlay::ConfirmQuit));
    flow.type_text("n");
    assert_eq!((&flow.state.overlay, flow.state.quit), (&None, false));
    flow.type_text("qy");
    assert!(flow.state.quit);

    let mut flow = Flow::in_session();
    flow.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(flow.state.quit);
    let mut flow = Flow::in_session();
    flow.send(Msg::Terminate);
    assert!(flow.state.quit);
}

#[test]
fn help_scrolls_on_a_phone_to_its_last_row_and_back() {
    let mut flow = Flow::in_session();
    flow.render(40, 20);
    flow.type_text("?");
    let scroll = |flow: &Flow| match flow.state.overlay {
        Some(Overlay::Help { scroll }) => scroll,
        ref other => panic!("{other:?}"),
    };
    flow.press(KeyCode::Down);
    flow.type_text("j");
    assert_eq!(scroll(&flow), 2);
    flow.type_text("k");
    assert_eq!(scroll(&flow), 1);
    for _ in 0..5 {
        flow.press(KeyCode::PageDown);
    }
    let end = scroll(&flow);
    assert!(end > 1);
    flow.press(KeyCode::Down);
    assert_eq!(scroll(&flow), end, "no further than the last row");
    flow.press(KeyCode::PageUp);
    flow.press(KeyCode::PageUp);
    flow.press(KeyCode::Up);
    assert_eq!(scroll(&flow), 0);
}

//! Resume goes where the home screen says: the position the store is told
//! is the one a resume opens at.

use ratatui::crossterm::event::KeyCode;
use runstrong::app::{Effect, Msg};

use super::{ms, secs, to_plank};
use crate::common::Flow;

/// The position the store holds: the last one it was told.
fn stored_position(flow: &Flow) -> usize {
    flow.fake
        .effects
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::SavePosition { position, .. } | Effect::SavePlan { position, .. } => {
                Some(*position)
            }
            _ => None,
        })
        .unwrap_or(0)
}

/// Opens the session as the store holds it; returns where the view stands.
fn resumed_at(flow: &Flow) -> String {
    let mut stored = flow.view().session.clone();
    stored.position = stored_position(flow);
    let mut resumed = Flow::home();
    resumed.send(Msg::SessionLoaded(stored));
    resumed.view().session.current().unwrap().name.clone()
}

/// The exercise the home screen names: the one at the stored position.
fn home_says(flow: &Flow) -> String {
    flow.view().session.plan[stored_position(flow)].name.clone()
}

#[test]
fn finishing_the_last_exercise_after_skipping_some_resumes_where_home_says() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    for _ in 0..2 {
        flow.press(KeyCode::Char(' ')); // skips a rest, or starts getting ready
        if flow.view().rest.is_none() && !flow.view().timing_hold() {
            flow.press(KeyCode::Char(' '));
        }
        flow.advance(secs(5));
        flow.advance(ms(1_000));
        flow.press(KeyCode::Char(' '));
        flow.advance(secs(10));
        flow.advance(ms(1_000));
        flow.press(KeyCode::Char(' '));
    }
    assert_eq!(flow.saved().len(), 4, "both plank sets, both sides");
    assert_eq!(home_says(&flow), resumed_at(&flow));
}

#[test]
fn removing_the_sets_left_resumes_where_home_says() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.type_text("x");
    flow.type_text("x");
    assert_eq!(home_says(&flow), resumed_at(&flow));
}

#[test]
fn looking_back_at_a_finished_exercise_resumes_where_home_says() {
    let mut flow = Flow::in_session();
    for _ in 0..3 {
        flow.press(KeyCode::Char(' '));
        flow.press(KeyCode::Enter);
    }
    flow.type_text("h");
    assert_eq!(flow.view().session.position, 0);
    assert_eq!(home_says(&flow), resumed_at(&flow));
}

#[test]
fn a_session_stored_at_a_finished_exercise_is_moved_on_and_the_store_told() {
    let mut session = crate::common::session(crate::common::noon());
    session.plan[0].sets = 0;
    let mut flow = Flow::home();
    flow.send(Msg::SessionLoaded(session));
    assert_eq!(flow.view().session.position, 1);
    assert_eq!(
        flow.fake.effects[0],
        Effect::SavePosition {
            session: 1,
            position: 1
        }
    );
    // Then what the routine's rules advise is asked for, and nothing else.
    assert!(matches!(
        &flow.fake.effects[1..],
        [Effect::PlanNext { session: 1, .. }]
    ));
}

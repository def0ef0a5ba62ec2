//! Changing the plan mid-session: add, swap, reorder; logged sets stay put.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::Flow;
use ratatui::crossterm::event::KeyCode;
use runstrong::app::overlay::Overlay;
use runstrong::app::plan::PlanMode;
use runstrong::app::{Effect, Msg};
use runstrong::domain::exercise::Exercise;
use runstrong::domain::{Kind, Sides};

fn open_plan(flow: &mut Flow) {
    flow.type_text("p");
    assert_eq!(flow.fake.effects.last(), Some(&Effect::LoadExercises));
    let known = vec![
        Exercise {
            id: 20,
            name: "Nordic curl".into(),
            kind: Kind::Reps,
            sides: Sides::Both,
        },
        Exercise {
            id: 4,
            name: "Lunge".into(),
            kind: Kind::Reps,
            sides: Sides::Each,
        },
    ];
    flow.send(Msg::ExercisesLoaded(known));
}

fn saved_plan(flow: &Flow) -> Vec<String> {
    match flow.fake.effects.last() {
        Some(Effect::SavePlan { plan, .. }) => plan.iter().map(|e| e.name.clone()).collect(),
        other => panic!("plan not saved: {other:?}"),
    }
}

#[test]
fn adding_a_known_exercise_puts_it_after_the_cursor_and_saves_the_plan() {
    let mut flow = Flow::in_session();
    open_plan(&mut flow);
    flow.type_text("a");
    flow.type_text("nord");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.plan_names()[1], "Nordic curl");
    assert_eq!(saved_plan(&flow), flow.plan_names());
    assert_eq!(flow.view().session.plan[1].target_reps, Some(10));
    assert_eq!(
        flow.view().session.current().unwrap().name,
        "Weighted dorsiflexion"
    );
}

#[test]
fn exercises_already_in_the_session_are_not_offered() {
    let mut flow = Flow::in_session();
    open_plan(&mut flow);
    flow.type_text("a");
    flow.type_text("lunge");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.plan_names().len(), 7, "Lunge is in the plan already");
    let Some(Overlay::Plan(editor)) = &flow.state.overlay else {
        panic!()
    };
    assert!(
        matches!(editor.mode, PlanMode::Pick { .. }),
        "still picking"
    );
    assert_eq!(
        editor.error.as_deref(),
        Some("Lunge is in this session already.")
    );
}

#[test]
fn a_new_exercise_gets_its_kind_and_sides() {
    let mut flow = Flow::in_session();
    open_plan(&mut flow);
    flow.type_text("a");
    flow.type_text("Side plank");
    flow.press(KeyCode::Enter);
    flow.type_text("he");
    flow.press(KeyCode::Enter);
    let added = &flow.view().session.plan[1];
    assert_eq!(
        (added.name.as_str(), added.kind, added.sides),
        ("Side plank", Kind::Hold, Sides::Each)
    );
    assert_eq!(added.target_hold, Some(std::time::Duration::from_secs(30)));
}

#[test]
fn swapping_the_current_exercise_refreshes_the_form_but_not_a_logged_one() {
    let mut flow = Flow::in_session();
    open_plan(&mut flow);
    flow.type_text("s");
    flow.type_text("nordic");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.plan_names()[0], "Nordic curl");
    assert_eq!(flow.view().entry.reps, "10");
    flow.press(KeyCode::Esc);
    flow.press(KeyCode::Enter);
    open_plan(&mut flow);
    flow.type_text("s");
    let Some(Overlay::Plan(editor)) = &flow.state.overlay else {
        panic!()
    };
    assert!(
        editor
            .error
            .as_deref()
            .is_some_and(|e| e.contains("logged"))
    );
    assert_eq!(editor.mode, PlanMode::Browse);
}

#[test]
fn what_is_left_can_be_reordered_but_not_moved_before_the_current_one() {
    let mut flow = Flow::in_session();
    open_plan(&mut flow);
    flow.type_text("jjj");
    flow.type_text("K");
    assert_eq!(
        flow.plan_names()[2..4],
        ["Lunge".to_string(), "Standing calf raise".to_string()]
    );
    assert_eq!(saved_plan(&flow), flow.plan_names());
    flow.type_text("KK");
    assert_eq!(flow.plan_names()[1], "Lunge");
    let before = flow.fake.effects.len();
    flow.type_text("K");
    assert_eq!(flow.plan_names()[0], "Weighted dorsiflexion");
    assert_eq!(
        flow.fake.effects.len(),
        before,
        "nothing saved when nothing moved"
    );
}

//! Finishing honestly: the finish question names the exercises not
//! started, and removing the last planned set says what comes next.

use ratatui::crossterm::event::KeyCode;
use runstrong::app::overlay::Overlay;

use crate::common::Flow;

#[test]
fn finish_names_the_exercises_not_started() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.type_text("f");
    let Some(Overlay::ConfirmFinish { skipped, .. }) = &flow.state.overlay else {
        panic!("no finish question: {:?}", flow.state.overlay);
    };
    assert_eq!(skipped, &flow.plan_names()[1..]);
    let screen = flow.render(80, 24);
    assert!(
        screen.contains("6 not started, skipped if you finish"),
        "{screen}"
    );
    assert!(screen.contains("· Copenhagen plank"), "{screen}");
}

#[test]
fn removing_the_last_planned_set_says_what_next() {
    let mut flow = Flow::in_session();
    flow.type_text("xxx");
    assert_eq!(flow.view().slot(), None);
    let (notice, error) = flow.state.notice.clone().unwrap();
    assert_eq!(
        notice,
        "No sets left here: → for Seated calf raise, a adds one back."
    );
    assert!(!error);
    flow.type_text("a");
    assert_eq!(flow.view().slot().unwrap().set_number, 1, "a adds one back");
}

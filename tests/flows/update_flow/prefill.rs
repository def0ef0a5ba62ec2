//! The form of the next set follows what was just done: this session's
//! previous set of the same side, then last time's same set, then the
//! target; in the unit last used.

use ratatui::crossterm::event::KeyCode;
use runstrong::app::Msg;
use runstrong::domain::session::LastTime;
use runstrong::domain::set::Work;
use runstrong::domain::{Side, Unit};

use crate::common::work::{kg, reps};
use crate::common::{Flow, noon, session};

fn last_time(routine: &str, sets: Vec<(u32, Option<Side>, Work)>) -> Option<LastTime> {
    Some(LastTime {
        at: noon() - chrono::Duration::days(3),
        routine: routine.into(),
        sets,
    })
}

#[test]
fn set_two_follows_what_was_typed_for_set_one() {
    let mut flow = Flow::home();
    let mut s = session(noon());
    let routine = s.routine.clone();
    s.plan[0].last = last_time(
        &routine,
        vec![(1, None, reps(12, kg("20"))), (2, None, reps(12, kg("20")))],
    );
    flow.send(Msg::SessionLoaded(s));
    assert_eq!(flow.view().entry.reps, "12", "the first set: last time's");
    flow.type_text("13");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().entry.reps, "13");
    assert_eq!(flow.view().entry.load, "20");
}

#[test]
fn each_side_is_prefilled_from_its_own_side() {
    let mut flow = Flow::in_session();
    flow.type_text("lll");
    assert_eq!(flow.view().session.current().unwrap().name, "Lunge");
    flow.type_text("10");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().entry.reps, "10");
    flow.type_text("9");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().slot().unwrap().side, Some(Side::Left));
    assert_eq!(flow.view().entry.reps, "10", "left follows left, not right");
    flow.advance(std::time::Duration::from_secs(30));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().entry.reps, "9", "right follows right");
}

#[test]
fn another_routine_gives_its_unit_but_not_its_numbers() {
    let mut flow = Flow::home();
    let mut s = session(noon());
    s.plan[0].last = last_time("Another", vec![(1, None, reps(30, kg("45 lb")))]);
    flow.send(Msg::SessionLoaded(s));
    let entry = &flow.view().entry;
    assert_eq!((entry.reps.as_str(), entry.load.as_str()), ("15", ""));
    assert_eq!(entry.unit, Unit::Lb, "the unit last used for it");
}

#[test]
fn the_unit_chosen_stays_for_the_next_set() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Tab);
    flow.type_text("45");
    flow.type_text("u");
    assert_eq!(flow.view().entry.unit, Unit::Lb);
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().entry.unit, Unit::Lb);
    assert_eq!(flow.view().entry.load, "45");
}

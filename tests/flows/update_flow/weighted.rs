//! A weighted hold: the Copenhagen plank with a plate on the hip. Its form
//! asks for the load (typed, `u` toggles the unit, prefilled as a reps
//! set's load is); the load is logged with each side's time, kept by a
//! correction, stored beside the hold and read back on resume.

use std::time::Duration;

use ratatui::crossterm::event::KeyCode;
use runstrong::app::Msg;
use runstrong::app::session::{Fixing, Step};
use runstrong::domain::entry::Field;
use runstrong::domain::set::Work;
use runstrong::domain::{Load, Routine, Side, Unit};
use runstrong::store::Store;

use super::secs;
use crate::common::{self, Flow, noon};

fn load(centi: i64, unit: Unit) -> Option<Load> {
    Some(Load { centi, unit })
}

fn weighted_routine() -> Routine {
    let mut routine = common::routine();
    routine.exercises[6].weighted = true;
    routine
}

/// The built-in session with its plank weighted, at the plank.
fn at_weighted_plank() -> Flow {
    let mut flow = Flow::home();
    let mut session = common::session(noon());
    session.plan[6].weighted = true;
    flow.send(Msg::SessionLoaded(session));
    flow.type_text("llllll");
    flow
}

/// Space, the get-ready countdown, `held` on the clock, Space.
fn hold_for(flow: &mut Flow, held: Duration) {
    flow.type_text(" ");
    flow.advance(secs(5));
    flow.advance(held);
    flow.type_text(" ");
}

#[test]
fn the_load_typed_before_the_hold_is_logged_with_each_side() {
    let mut flow = at_weighted_plank();
    assert_eq!(flow.view().entry.focus, Field::Load);
    assert!(flow.render(80, 24).contains("load [  BW  ] kg"));
    flow.type_text("10u");
    assert_eq!(flow.view().entry.unit, Unit::Lb, "u toggles kg/lb");
    flow.type_text("u");
    flow.type_text(" ");
    flow.advance(secs(5));
    let holding = flow.render(40, 20);
    assert!(
        holding.contains(" with 10 kg"),
        "the load on screen while it runs: {holding}"
    );
    assert!(!holding.contains("load ["), "no form while the timer runs");
    flow.advance(secs(30));
    flow.type_text(" ");
    assert_eq!(
        flow.saved()[0].work,
        Work::Hold {
            held: secs(30),
            load: load(1000, Unit::Kg)
        }
    );
    assert!(matches!(flow.view().step, Step::Switch { .. }));
    // The right side follows after the switch, with the same plate.
    flow.advance(secs(10));
    flow.advance(secs(28));
    flow.type_text(" ");
    assert_eq!(flow.saved()[1].side, Some(Side::Right));
    assert_eq!(flow.saved()[1].work.load(), load(1000, Unit::Kg));
    let notice = flow.state.notice.clone().unwrap_or_default().0;
    assert!(notice.ends_with("28.0 s @ 10 kg"), "{notice}");
    // Set 2 is prefilled from this session's set 1 of the same side.
    flow.advance(secs(90));
    assert_eq!(flow.view().slot().map(|s| s.set_number), Some(2));
    assert_eq!(flow.view().entry.load, "10");
    assert!(flow.render(40, 20).contains("✓ L 30s@10kg"));
}

#[test]
fn a_load_that_does_not_read_keeps_the_hold_from_starting() {
    let mut flow = at_weighted_plank();
    flow.type_text("1o");
    flow.type_text(" ");
    assert_eq!(flow.view().step, Step::Ready, "no timer on a bad load");
    assert!(matches!(&flow.view().entry.error, Some((Field::Load, _))));
    assert!(flow.render(40, 20).contains("⚠ load:"));
    flow.press(KeyCode::Esc);
    assert_eq!(flow.view().entry.load, "", "Esc puts the prefill back");
    hold_for(&mut flow, secs(20));
    assert_eq!(flow.saved()[0].work, Work::hold(secs(20)), "bodyweight");
}

#[test]
fn a_bodyweight_hold_has_no_load_field_and_digits_are_not_typed_into_it() {
    let mut flow = Flow::in_session();
    flow.type_text("llllll");
    flow.type_text("5");
    assert!(!flow.render(80, 24).contains("load ["));
    hold_for(&mut flow, secs(20));
    assert_eq!(flow.saved()[0].work, Work::hold(secs(20)));
}

/// Every version of the plank's sets in the file: (hold ms, load, unit,
/// replaced).
fn versions(path: &std::path::Path) -> Vec<(i64, Option<i64>, Option<String>, bool)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT hold_ms, load_centi, load_unit, replaced_by IS NOT NULL
             FROM set_log WHERE hold_ms IS NOT NULL ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_weighted_hold_corrected_in_the_session_keeps_its_load_in_the_file() {
    let (_dir, path, mut flow) = Flow::started_on_file_with(weighted_routine());
    flow.type_text("llllll");
    flow.type_text("12.5");
    hold_for(&mut flow, secs(20));
    flow.advance(secs(10));
    flow.advance(secs(25));
    flow.type_text(" ");
    assert_eq!(flow.view().session.logged.len(), 2);

    // The right side's time was misread: correct it, the load stays.
    flow.type_text("c");
    assert!(matches!(flow.view().fixing, Some(Fixing::Pick(_))));
    flow.press(KeyCode::Enter);
    assert!(flow.render(40, 20).contains("load [ 12.5 ] kg"));
    flow.type_text("27");
    flow.press(KeyCode::Enter);
    let right = |flow: &Flow| flow.view().session.logged[1].set.work;
    assert_eq!(
        right(&flow),
        Work::Hold {
            held: secs(27),
            load: load(1250, Unit::Kg)
        }
    );
    // Then its load: 25 lb, not kg.
    flow.type_text("c");
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Tab);
    flow.type_text("25u");
    flow.press(KeyCode::Enter);
    assert_eq!(right(&flow).load(), load(2500, Unit::Lb));
    assert_eq!(
        versions(&path),
        [
            (20_000, Some(1250), Some("kg".into()), false),
            (25_000, Some(1250), Some("kg".into()), true),
            (27_000, Some(1250), Some("kg".into()), true),
            (27_000, Some(2500), Some("lb".into()), false),
        ]
    );

    // A restart reads it all back: the plan still weighted, the loads kept.
    let store = Store::open(&path).unwrap();
    let id = store.unfinished().unwrap().unwrap().id;
    let session = store.load_session(id).unwrap();
    assert!(session.plan[6].weighted);
    assert!(session.weighted_hold(6));
    let works: Vec<Work> = session.logged.iter().map(|l| l.set.work).collect();
    assert_eq!(
        works,
        [
            Work::Hold {
                held: secs(20),
                load: load(1250, Unit::Kg)
            },
            Work::Hold {
                held: secs(27),
                load: load(2500, Unit::Lb)
            }
        ]
    );
}

#[test]
fn a_weighted_hold_corrected_in_history_keeps_or_changes_its_load() {
    let (_dir, path, mut flow) = Flow::started_on_file_with(weighted_routine());
    flow.type_text("llllll");
    flow.type_text("10");
    hold_for(&mut flow, secs(30));
    // Finish (the side switch cancelled, the right side untouched), then
    // History, the week, the session.
    flow.press(KeyCode::Esc);
    flow.type_text("f");
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Enter);
    flow.open_newest_session();
    let screen = flow.render(80, 24);
    assert!(screen.contains("30.0 s @ 10 kg"), "{screen}");
    flow.type_text("c");
    flow.type_text("33");
    flow.press(KeyCode::Enter);
    assert!(
        flow.render(80, 24).contains("33.0 s @ 10 kg"),
        "the time corrected, the load kept"
    );
    flow.type_text("c");
    flow.press(KeyCode::Tab);
    flow.type_text("20u");
    flow.press(KeyCode::Enter);
    assert!(flow.render(80, 24).contains("33.0 s @ 20 lb"));
    assert_eq!(
        versions(&path),
        [
            (30_000, Some(1000), Some("kg".into()), true),
            (33_000, Some(1000), Some("kg".into()), true),
            (33_000, Some(2000), Some("lb".into()), false),
        ]
    );
}

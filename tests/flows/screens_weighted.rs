#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A weighted hold on screen, at 80x24 and on a phone (40x20): its load
//! field before it starts, its sets with their load, its correction form,
//! and in history its session list and records.

use crate::common;

use std::time::Duration;

use chrono::{Utc, Weekday};
use common::fixture::{self, PLANK, utc};
use common::{Flow, noon};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use runstrong::app::{Msg, StoreExecutor};
use runstrong::domain::calendar::Calendar;
use runstrong::domain::session::LastTime;
use runstrong::domain::set::Work;
use runstrong::domain::{Load, Side, Unit};

fn plate(secs: u64, centi: i64) -> Work {
    Work::Hold {
        held: Duration::from_secs(secs),
        load: Some(Load {
            centi,
            unit: Unit::Kg,
        }),
    }
}

/// The weighted plank of the built-in session, with last time's loads,
/// its first set done on both sides: the rest runs, set 2 is prefilled.
fn after_the_first_set() -> Flow {
    let mut flow = Flow::home();
    let mut session = common::session(noon());
    session.plan[PLANK].weighted = true;
    session.plan[PLANK].last = Some(LastTime {
        at: noon() - chrono::Duration::days(3),
        routine: common::routine().name,
        sets: vec![
            (1, Some(Side::Left), plate(30, 750)),
            (1, Some(Side::Right), plate(32, 750)),
        ],
    });
    flow.send(Msg::SessionLoaded(session));
    flow.type_text("llllll");
    flow.type_text("10 ");
    flow.advance(Duration::from_secs(5));
    flow.advance(Duration::from_millis(31_200));
    flow.type_text(" ");
    flow.advance(Duration::from_secs(10));
    flow.advance(Duration::from_millis(29_800));
    flow.type_text(" ");
    flow.advance(Duration::from_secs(20));
    flow
}

#[test]
fn a_weighted_hold_waiting_for_its_next_set() {
    let flow = after_the_first_set();
    let screen = flow.render(80, 24);
    assert!(screen.contains("2 × 30 s weighted hold"), "{screen}");
    assert!(screen.contains("✓ L 31s@10kg  ✓ R 30s@10kg"), "{screen}");
    assert!(screen.contains("load [  10  ] kg"), "{screen}");
    assert!(
        screen.contains("L7.5kg") || screen.contains("@7.5kg"),
        "last time: {screen}"
    );
    assert_snapshot!("weighted_hold_next_80x24", screen);
    let phone = flow.render(40, 20);
    assert!(phone.contains("load [  10  ] kg"), "{phone}");
    assert!(
        phone.contains("29.8 s @ 10 kg"),
        "the notice keeps the figure whole: {phone}"
    );
    assert_snapshot!("weighted_hold_next_40x20", phone);
}

#[test]
fn a_weighted_hold_being_corrected() {
    let mut flow = after_the_first_set();
    flow.type_text("c");
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Tab);
    flow.type_text("12.5");
    let screen = flow.render(80, 24);
    assert!(
        screen.contains("held [ 29.8 ] s load [12.5▏ ] kg"),
        "{screen}"
    );
    assert_snapshot!("weighted_hold_correct_80x24", screen);
    assert_snapshot!("weighted_hold_correct_40x20", flow.render(40, 20));
}

#[test]
fn a_weighted_hold_in_history_and_its_records() {
    let mut db = fixture::empty();
    let l = Some(Side::Left);
    let r = Some(Side::Right);
    db.session(
        utc(2026, 11, 16, 18, 0),
        &[
            (PLANK, l, fixture::hold(45_000)),
            (PLANK, r, fixture::hold(44_000)),
        ],
    );
    db.session(
        utc(2026, 11, 23, 18, 0),
        &[(PLANK, l, plate(30, 1000)), (PLANK, r, plate(32, 1000))],
    );
    let executor = StoreExecutor::new(db.store, Calendar::new(Utc, Weekday::Mon));
    let mut flow = Flow::on_store(executor);
    flow.open_newest_session();
    let screen = flow.render(80, 24);
    assert!(screen.contains("30.0 s @ 10 kg"), "{screen}");
    assert_snapshot!("weighted_hold_history_session_80x24", screen);
    assert_snapshot!("weighted_hold_history_session_40x20", flow.render(40, 20));
    flow.type_text("r");
    let screen = flow.render(80, 24);
    assert!(
        screen.contains("hold     0:45  "),
        "the longest at any load: {screen}"
    );
    assert!(screen.contains("heaviest 0:30 @ 10 kg"), "{screen}");
    assert_snapshot!("weighted_hold_progress_80x24", screen);
    assert_snapshot!("weighted_hold_progress_40x20", flow.render(40, 20));
}

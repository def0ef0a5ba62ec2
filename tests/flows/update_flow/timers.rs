//! Timers in a session: rest and its cues, holds past their target and
//! per side, the set stopwatch and tempo, and a loop that sleeps until the
//! next visible change.

use common::{Flow, noon};
use ratatui::crossterm::event::KeyCode;
use runstrong::app::overlay::Overlay;
use runstrong::app::session::Step;
use runstrong::app::{Effect, Msg};
use runstrong::domain::Side;
use runstrong::domain::set::Work;

use super::{ms, secs, to_plank};
use crate::common;

#[test]
fn rest_can_be_lengthened_shortened_and_skipped_and_cues_its_end() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.type_text("+");
    assert_eq!(flow.view().rest.unwrap().remaining(flow.now.at), secs(75));
    flow.type_text("--");
    assert_eq!(flow.view().rest.unwrap().remaining(flow.now.at), secs(45));
    flow.advance(ms(44_900));
    assert!(flow.view().rest.is_some());
    assert!(!flow.fake.effects.contains(&Effect::Bell));
    flow.advance(ms(100));
    assert!(flow.view().rest_over, "the end stays on screen");
    assert!(flow.fake.effects.contains(&Effect::Bell));
    assert!(flow.state.flash_until.is_some_and(|t| t > flow.now.at));
    flow.type_text(" ");
    assert!(flow.view().rest.is_none(), "Space clears the ended rest");

    flow.press(KeyCode::Enter);
    assert!(flow.view().rest.is_some());
    flow.type_text(" ");
    assert!(flow.view().rest.is_none(), "Space skips the rest");
}

#[test]
fn a_rest_past_its_end_counts_up_once_a_second_and_cues_once() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.advance(secs(60));
    let bells = flow.bells();
    assert!(flow.view().rest_over);
    flow.advance(ms(20_400));
    let rest = flow.view().rest.unwrap();
    assert_eq!(rest.overtime(flow.now.at), ms(20_400));
    assert_eq!(flow.bells(), bells, "one cue, not one a second");
    let wake = flow.state.next_wakeup().unwrap();
    assert_eq!(wake - flow.now.at, ms(600), "the overtime counter ticks");
    flow.type_text("+");
    assert!(flow.view().rest_over, "still past its end after 15 s more");
    flow.type_text("+");
    assert!(!flow.view().rest_over, "lengthened back into the future");
    flow.press(KeyCode::Enter);
    assert!(!flow.view().rest_over);
}

#[test]
fn a_hold_past_its_target_stays_marked_until_stopped() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(ms(29_900));
    assert!(!flow.view().past_target());
    flow.advance(ms(100));
    assert!(flow.view().past_target());
    flow.advance(secs(20));
    assert!(flow.view().past_target(), "the mark stays");
    let wake = flow.state.next_wakeup().unwrap();
    assert!(wake - flow.now.at <= secs(1), "overtime counts each second");
}

#[test]
fn the_set_stopwatch_records_how_long_the_set_took() {
    let mut flow = Flow::in_session();
    flow.type_text(" ");
    flow.advance(ms(42_250));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved()[0].duration, Some(ms(42_250)));
}

#[test]
fn a_per_side_hold_logs_the_time_actually_held_on_each_side() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    let t0 = flow.now.at;
    flow.type_text(" ");
    assert!(matches!(
        flow.view().step,
        Step::GetReady {
            side: Some(Side::Left),
            ..
        }
    ));
    // The tick arrives late; the hold still starts at the get-ready deadline.
    flow.advance(ms(5_300));
    let Step::Holding { watch, .. } = flow.view().step else {
        panic!("not holding")
    };
    assert_eq!(watch.started, t0 + secs(5));
    assert_eq!(flow.bells(), 1);
    flow.advance(ms(29_700));
    assert!(
        matches!(flow.view().step, Step::Holding { cued: true, .. }),
        "target reached is cued"
    );
    assert_eq!(flow.bells(), 2);
    flow.advance(ms(2_500));
    flow.type_text(" ");
    assert_eq!(flow.saved()[0].work, Work::hold(ms(32_500)));
    assert_eq!(flow.saved()[0].side, Some(Side::Left));
    assert!(matches!(flow.view().step, Step::Switch { .. }));
    flow.advance(secs(10));
    assert!(matches!(
        flow.view().step,
        Step::Holding {
            side: Some(Side::Right),
            ..
        }
    ));
    flow.advance(secs(12));
    flow.type_text(" ");
    assert_eq!(
        flow.saved()[1].work,
        Work::hold(secs(12)),
        "stopping early is allowed"
    );
    assert_eq!(flow.saved()[1].side, Some(Side::Right));
    assert!(flow.view().rest.is_some());
    assert_eq!(flow.view().slot().unwrap().set_number, 2);
}

#[test]
fn a_cancelled_hold_logs_nothing_and_blocks_no_one() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    flow.type_text("  ");
    flow.type_text("l");
    assert!(
        matches!(flow.view().step, Step::Holding { .. }),
        "no moving away mid-hold"
    );
    flow.press(KeyCode::Esc);
    assert_eq!(flow.view().step, Step::Ready);
    assert!(flow.saved().is_empty());
}

#[test]
fn a_tempo_set_beats_out_phases_counts_reps_and_fills_them_in() {
    let mut flow = Flow::home();
    let mut session = common::session(noon());
    session.plan[0].tempo = Some("3-1-3".parse().unwrap());
    flow.send(Msg::SessionLoaded(session));
    flow.type_text(" ");
    flow.advance(ms(2_900));
    assert_eq!(flow.bells(), 0);
    flow.advance(ms(100));
    assert_eq!(flow.bells(), 1, "lower -> pause is cued");
    flow.advance(secs(1));
    flow.advance(secs(3));
    assert_eq!(flow.bells(), 3, "pause -> lift, lift -> next rep");
    // Four full reps and a half: stopping mid-rep counts only whole reps.
    flow.advance(ms(7_000 * 3 + 2_000));
    flow.press(KeyCode::Enter);
    assert!(flow.saved().is_empty(), "Enter first stops the tempo set");
    assert_eq!(flow.view().entry.reps, "4");
    assert!(flow.view().stopwatch.is_none());
    flow.type_text("5");
    flow.press(KeyCode::Enter);
    let set = flow.saved()[0];
    assert_eq!(
        set.work,
        Work::Reps {
            reps: 5,
            load: None
        },
        "counted reps stay editable"
    );
    assert_eq!(set.duration, Some(ms(30_000)));
}

#[test]
fn help_overlay_leaves_timers_running() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    flow.type_text("  ");
    flow.type_text("?");
    assert_eq!(flow.state.overlay, Some(Overlay::Help { scroll: 0 }));
    flow.type_text(" ");
    assert!(
        matches!(flow.view().step, Step::Holding { .. }),
        "keys go to the overlay"
    );
    flow.advance(secs(31));
    assert!(matches!(flow.view().step, Step::Holding { cued: true, .. }));
    flow.press(KeyCode::Esc);
    assert_eq!(flow.state.overlay, None);
}

#[test]
fn the_loop_sleeps_until_the_next_visible_change() {
    let mut flow = Flow::home();
    assert_eq!(
        flow.state.next_wakeup(),
        None,
        "an idle home screen never wakes"
    );
    flow.send(Msg::SessionLoaded(common::session(noon())));
    flow.press(KeyCode::Enter);
    flow.advance(ms(300));
    let wake = flow.state.next_wakeup().unwrap();
    assert_eq!(wake - flow.now.at, ms(700), "rest shows whole seconds");
}

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
#[path = "update_flow/on_store.rs"]
mod on_store;
#[path = "update_flow/prefill.rs"]
mod prefill;
#[path = "update_flow/resume.rs"]
mod resume;
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
    assert!(flow.state.quit && flow.fake.effects.contains(&Effect::Quit));

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
fn finish_asks_for_an_optional_note_then_finishes() {
    let mut flow = Flow::in_session();
    flow.type_text("f");
    assert_eq!(
        flow.state.overlay,
        Some(Overlay::ConfirmFinish {
            error: None,
            note: String::new(),
            skipped: flow.plan_names(),
        })
    );
    flow.type_text("legs heavy, q ok");
    flow.press(KeyCode::Enter);
    let note = Some("legs heavy, q ok".to_string());
    assert_eq!(
        flow.fake.effects.last(),
        Some(&Effect::FinishSession { id: 1, note })
    );

    let mut flow = Flow::in_session();
    flow.type_text("f");
    flow.press(KeyCode::Enter);
    assert_eq!(
        flow.fake.effects.last(),
        Some(&Effect::FinishSession { id: 1, note: None })
    );
}

#[test]
fn a_set_carries_rpe_and_a_note_typed_in_the_form() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Tab);
    flow.press(KeyCode::Tab);
    flow.type_text("8.5");
    flow.press(KeyCode::Tab);
    flow.type_text("slow lower, felt good");
    assert!(!flow.state.quit, "q in a note is text");
    flow.press(KeyCode::Enter);
    let set = flow.saved()[0];
    assert_eq!(set.rpe.map(|r| r.to_string()).as_deref(), Some("8.5"));
    assert_eq!(set.note.as_deref(), Some("slow lower, felt good"));
    assert_eq!(
        flow.view().entry.note,
        "",
        "the next set starts without a note"
    );
}

#[test]
fn a_logged_hold_gets_its_rpe_and_note_afterwards() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(secs(31));
    flow.type_text(" ");
    let held = flow.view().session.logged[0].set.clone();
    assert!(matches!(held.work, Work::Hold { .. }), "{held:?}");
    // Not while the clock runs for the other side.
    flow.press(KeyCode::Esc);
    flow.type_text("e");
    let Some(Overlay::Annotate(form)) = &flow.state.overlay else {
        panic!("no form")
    };
    assert_eq!(form.label, format!("set 1 left: {}", held.work));
    let id = form.set_id;
    flow.type_text("11");
    flow.press(KeyCode::Enter);
    assert!(
        matches!(&flow.state.overlay, Some(Overlay::Annotate(f)) if f.error.is_some()),
        "RPE 11 refused"
    );
    flow.press(KeyCode::Backspace);
    flow.press(KeyCode::Backspace);
    flow.type_text("9");
    flow.press(KeyCode::Tab);
    // The thumb and its skin tone are two code points, one Backspace.
    flow.type_text("shaky 👍🏽");
    flow.press(KeyCode::Backspace);
    flow.press(KeyCode::Enter);
    let Some(Effect::AnnotateSet {
        id: annotated,
        rpe: Some(rpe),
        note: Some(note),
    }) = flow.fake.effects.last()
    else {
        panic!("{:?}", flow.fake.effects.last())
    };
    assert_eq!(*annotated, id);
    assert_eq!((rpe.to_string().as_str(), note.as_str()), ("9", "shaky"));
    assert_eq!(flow.state.overlay, None);
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

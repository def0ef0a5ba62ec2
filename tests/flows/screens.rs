//! Screen snapshots: the real `update` and `draw` into a test terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::time::Duration;

use common::{Flow, find, noon};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use runstrong::app::Msg;
use runstrong::app::home::HomeData;
use runstrong::domain::session::LastTime;
use runstrong::domain::set::Work;
use runstrong::domain::{Load, Side, Unit};

fn at_plank(flow: &mut Flow) {
    flow.type_text("llllll");
}

#[test]
fn home() {
    let mut flow = Flow::home();
    flow.send(Msg::HomeLoaded(HomeData {
        unfinished: None,
        week_done: 1,
    }));
    assert_snapshot!("home_80x24", flow.render(80, 24));
    assert_snapshot!("home_40x20", flow.render(40, 20));
}

#[test]
fn session_reps_form_with_last_time_and_a_logged_set() {
    let mut flow = Flow::home();
    let mut session = common::session(noon());
    let kg = |centi| {
        Some(Load {
            centi,
            unit: Unit::Kg,
        })
    };
    session.plan[0].last = Some(LastTime {
        at: noon() - chrono::Duration::days(3),
        routine: common::routine().name,
        sets: vec![
            (
                1,
                None,
                Work::Reps {
                    reps: 15,
                    load: kg(2000),
                },
            ),
            (
                2,
                None,
                Work::Reps {
                    reps: 12,
                    load: kg(2000),
                },
            ),
        ],
    });
    flow.send(Msg::SessionLoaded(session));
    flow.press(KeyCode::Enter);
    flow.advance(Duration::from_millis(12_400));
    flow.press(KeyCode::Tab);
    flow.type_text("22.5");
    assert_snapshot!("session_reps_80x24", flow.render(80, 24));
    assert_snapshot!("session_reps_40x20", flow.render(40, 20));
}

#[test]
fn session_typo_is_shown_next_to_the_field() {
    let mut flow = Flow::in_session();
    flow.type_text("1o");
    flow.press(KeyCode::Enter);
    let screen = flow.render(80, 24);
    assert!(screen.contains("⚠ reps: \"1o\" is not a whole"), "{screen}");
    let narrow = flow.render(40, 20);
    assert!(narrow.contains("⚠ reps"), "{narrow}");
}

#[test]
fn hold_timer_mid_hold() {
    let mut flow = Flow::in_session();
    at_plank(&mut flow);
    let ready = flow.render(40, 20);
    assert!(ready.contains("Side plank with the top leg"), "{ready}");
    assert_snapshot!("hold_ready_40x20", ready);
    assert_snapshot!("hold_ready_80x24", flow.render(80, 24));
    flow.type_text("  ");
    flow.advance(Duration::from_millis(18_200));
    assert_snapshot!("hold_mid_80x24", flow.render(80, 24));
    assert_snapshot!("hold_mid_40x20", flow.render(40, 20));
}

#[test]
fn hold_timer_past_target_and_after_the_left_side() {
    let mut flow = Flow::in_session();
    at_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(Duration::from_secs(30));
    assert_snapshot!("hold_at_target_80x24", flow.render(80, 24));
    assert_snapshot!("hold_at_target_40x20", flow.render(40, 20));
    flow.advance(Duration::from_secs(5));
    let screen = flow.render(80, 24);
    assert!(
        screen.contains("PAST TARGET · LEFT · keep holding"),
        "{screen}"
    );
    assert_snapshot!("hold_past_target_80x24", screen);
    assert_snapshot!("hold_past_target_40x20", flow.render(40, 20));
    flow.type_text(" ");
    assert_snapshot!("hold_switch_80x24", flow.render(80, 24));
    let logged = &flow.view().session.logged[0].set;
    assert_eq!(logged.side, Some(Side::Left));
}

/// The rows the big digits take at a size, before and past the target.
fn digit_rows(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains("██")).count()
}

#[test]
fn hold_digits_keep_their_size_on_a_phone_past_the_target() {
    let mut flow = Flow::in_session();
    at_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(Duration::from_secs(20));
    let before = digit_rows(&flow.render(40, 20));
    flow.advance(Duration::from_secs(15));
    assert_eq!(digit_rows(&flow.render(40, 20)), before);
    assert!(before >= 6, "{before}");
}

#[test]
fn past_the_target_the_digits_stay_in_reverse_video_without_colour() {
    let mut flow = Flow::in_session();
    at_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(Duration::from_secs(35));
    let buffer = flow.buffer(40, 20);
    let (x, y) = find(&buffer, "██");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn rest_ended_stays_on_screen_until_they_act() {
    let mut flow = Flow::in_session();
    flow.type_text("15");
    flow.press(KeyCode::Enter);
    flow.advance(Duration::from_secs(95));
    let screen = flow.render(80, 24);
    assert!(screen.contains("REST OVER · GO"), "{screen}");
    assert_snapshot!("rest_over_80x24", screen);
    assert_snapshot!("rest_over_40x20", flow.render(40, 20));
}

#[test]
fn too_small_terminals_get_a_message_not_a_panic() {
    let flow = Flow::in_session();
    assert_snapshot!("too_small_20x5", flow.render(20, 5));
    assert_eq!(flow.render(1, 1).chars().count(), 1);
    assert!(flow.render(39, 30).contains("Enlarge the terminal"));
}

#[test]
fn help_overlay() {
    let mut flow = Flow::in_session();
    flow.type_text("?");
    assert_snapshot!("help_80x24", flow.render(80, 24));
    assert_snapshot!("help_top_40x20", flow.render(40, 20));
    flow.press(KeyCode::PageDown);
    flow.press(KeyCode::PageDown);
    let bottom = flow.render(40, 20);
    for last in ["Esc", "this help", "quit (the session stays", "of 2"] {
        assert!(bottom.contains(last), "{bottom}");
    }
    assert_snapshot!("help_bottom_40x20", bottom);
}

#[test]
fn tempo_timer_mid_phase() {
    let mut flow = Flow::home();
    let mut session = common::session(noon());
    session.plan[0].tempo = Some("3-1-3".parse().unwrap());
    flow.send(Msg::SessionLoaded(session));
    flow.type_text(" ");
    flow.advance(Duration::from_millis(7_000 + 4_500));
    let screen = flow.render(80, 24);
    assert!(screen.contains("LIFT · rep 2 · tempo 3-1-3"), "{screen}");
    assert_snapshot!("tempo_mid_80x24", screen);
}

#[test]
fn big_digits_scale_with_the_terminal() {
    let mut flow = Flow::in_session();
    at_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(Duration::from_millis(18_200));
    assert_snapshot!("hold_mid_120x40", flow.render(120, 40));
    // Too few rows for full-size digits: "L 0:12" in half-height blocks.
    let small = flow.render(40, 16);
    for row in [
        "│▀██▀      ▄█▀▀▀█▄  ▄▄  ▄██    ▄█▀▀█▄  │",
        "│▀▀▀▀▀▀▀    ▀▀▀▀▀   ▀▀ ▀▀▀▀▀▀  ▀▀▀▀▀▀  │",
    ] {
        assert!(small.contains(row), "{small}");
    }
}

#[test]
fn home_offers_to_resume_in_words_that_fit_a_phone() {
    let mut flow = Flow::home();
    let unfinished = runstrong::domain::session::Unfinished {
        id: 3,
        routine: "Strength for runners".into(),
        started_at: noon(),
        sets: 5,
        at_exercise: Some("Lunge".into()),
    };
    flow.send(Msg::HomeLoaded(HomeData {
        unfinished: Some(unfinished),
        week_done: 2,
    }));
    let narrow = flow.render(40, 20);
    assert!(narrow.contains("▶ Resume: 5 sets, at Lunge"), "{narrow}");
    assert!(narrow.contains("End it (keeps its sets)"), "{narrow}");
    assert!(narrow.contains("2 of 2 sessions"), "{narrow}");
    let wide = flow.render(80, 24);
    assert!(
        wide.contains("5 sets, at Lunge)") && wide.contains("target met"),
        "{wide}"
    );
    let long = runstrong::domain::session::Unfinished {
        id: 3,
        routine: "Strength for runners".into(),
        started_at: noon(),
        sets: 5,
        at_exercise: Some("Weighted dorsiflexion".into()),
    };
    flow.send(Msg::HomeLoaded(HomeData {
        unfinished: Some(long),
        week_done: 2,
    }));
    let narrow = flow.render(40, 20);
    assert!(narrow.contains("at Weighted dorsiflexion"), "{narrow}");
    assert_snapshot!("home_resume_40x20", narrow);
}

/// A set the store refused because the file is damaged stays on screen,
/// unsaved, under a banner that says why nothing more is saved.
#[test]
fn a_damaged_database_keeps_the_unsaved_set_under_a_banner() {
    let mut flow = Flow::home();
    flow.send(Msg::SessionLoaded(common::session(noon())));
    let why = "/data/runstrong.db: the database is damaged (database disk image is malformed)";
    flow.fake.failing = Some(why.into());
    flow.type_text("12");
    flow.press(KeyCode::Enter);
    flow.send(Msg::Damaged(why.into()));
    assert_eq!(flow.state.damaged.as_deref(), Some(why));
    let screen = flow.render(40, 20);
    assert!(screen.contains("Database damaged"), "{screen}");
    assert_snapshot!("damaged_40x20", screen);
    assert_snapshot!("damaged_80x24", flow.render(80, 24));
}

#[test]
fn session_correcting_a_logged_set() {
    let mut flow = Flow::in_session();
    for n in ["15", "14"] {
        flow.type_text(n);
        flow.press(KeyCode::Enter);
        flow.advance(Duration::from_secs(60));
    }
    flow.type_text("c");
    flow.press(KeyCode::Up);
    assert_snapshot!("session_pick_80x24", flow.render(80, 24));
    flow.press(KeyCode::Enter);
    flow.type_text("16");
    assert_snapshot!("session_correct_80x24", flow.render(80, 24));
    assert_snapshot!("session_correct_40x20", flow.render(40, 20));
}

#[test]
fn finish_with_exercises_not_started() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.type_text("f");
    assert_snapshot!("finish_skipped_80x24", flow.render(80, 24));
    assert_snapshot!("finish_skipped_40x20", flow.render(40, 20));
}

#[test]
fn the_last_planned_set_removed() {
    let mut flow = Flow::in_session();
    flow.type_text("xxx");
    assert_snapshot!("no_sets_left_80x24", flow.render(80, 24));
    assert_snapshot!("no_sets_left_40x20", flow.render(40, 20));
}

#[test]
fn plan_with_an_added_exercise_shows_it_and_its_keys_on_a_phone() {
    let mut flow = Flow::in_session();
    at_plank(&mut flow);
    flow.type_text("p");
    flow.send(Msg::ExercisesLoaded(vec![
        runstrong::domain::exercise::Exercise {
            id: 20,
            name: "Nordic curl".into(),
            kind: runstrong::domain::Kind::Reps,
            sides: runstrong::domain::Sides::Both,
        },
    ]));
    flow.type_text("anord");
    flow.press(KeyCode::Enter);
    let phone = flow.render(40, 20);
    for shown in ["Nordic curl", "close"] {
        assert!(phone.contains(shown), "{phone}");
    }
    assert_snapshot!("plan_added_40x20", phone);
    assert_snapshot!("plan_added_80x24", flow.render(80, 24));
}

//! What to do today in the live session: the real loop on a real file
//! (`Flow` with a store behind it). The first set of each exercise is the
//! rule's suggestion with its reason on screen; warm-ups come first, are
//! logged as warm-ups, and count toward no record, chart point, volume or
//! suggestion; the weaker side goes first with a set more; a deload week
//! takes sets away; a bar shows its plates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc, Weekday};
use common::store::{L, R, kg, reps, scratch};
use common::{Flow, noon, plain};
use ratatui::crossterm::event::KeyCode;
use runstrong::app::history::HistoryEffect;
use runstrong::app::session::Step;
use runstrong::app::{Effect, Settings, State, StoreExecutor};
use runstrong::domain::calendar::Calendar;
use runstrong::domain::progression::Schedule;
use runstrong::domain::set::{SetType, Side, Work};
use runstrong::domain::{NewSet, Routine, Unit};
use runstrong::store::Store;

const ROUTINE: &str = r#"
name = "Barbell day"

[[exercises]]
name = "Back squat"
kind = "reps"
sides = "both"
sets = 3
reps = 8
rest_secs = 120
cue = "Brace, sit between the heels, drive up."
progression = { rule = "double", reps = [8, 10], step = 2.5 }
warmup = [[40, 8], [60, 5], [80, 3]]
bar = true

[[exercises]]
name = "Lunge"
kind = "reps"
sides = "each"
sets = 2
reps = 10
rest_secs = 60
cue = "Long step, back knee down softly."
"#;

/// A routine whose exercises have progression rules.
pub(crate) fn ruled_routine() -> Routine {
    Routine::from_toml(ROUTINE).unwrap()
}

/// A week before `noon()`: squat 3 × 10 at 60 kg (the top of its range),
/// lunges with the right side 3 reps behind the left.
pub(crate) fn last_week(store: &mut Store) {
    let start = noon() - Duration::days(7);
    let s = store.start_session(&ruled_routine(), start).unwrap();
    let mut minute = 0;
    let mut log = |position: usize, n: u32, side: Option<Side>, work: Work| {
        minute += 2;
        store
            .insert_set(&NewSet {
                session_id: s.id,
                exercise_id: s.plan[position].exercise_id,
                set_number: n,
                side,
                work,
                duration: None,
                rpe: None,
                note: None,
                logged_at: start + Duration::minutes(minute),
                set_type: SetType::Normal,
            })
            .unwrap();
    };
    for n in 1..=3 {
        log(0, n, None, reps(10, kg("60")));
    }
    for n in 1..=2 {
        log(1, n, L, reps(10, None));
        log(1, n, R, reps(7, None));
    }
    store
        .finish_session(s.id, start + Duration::minutes(30), None)
        .unwrap();
}

/// The app on its home screen over a file holding last week, with
/// `settings`; the file's path comes back with the flow.
fn app(settings: Settings) -> (tempfile::TempDir, std::path::PathBuf, Flow) {
    let (dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    last_week(&mut store);
    let mut flow = Flow::on_store(StoreExecutor::new(store, Calendar::new(Utc, Weekday::Mon)));
    flow.state = State::new(flow.now, settings, vec![ruled_routine()], Utc);
    flow.load_home();
    (dir, path, flow)
}

/// The screen's words as one line: borders gone, wrapped lines joined.
fn words(screen: &str) -> String {
    screen
        .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Started, with the three warm-ups taken as prefilled.
fn after_warm_ups() -> (tempfile::TempDir, std::path::PathBuf, Flow) {
    let (dir, path, mut flow) = app(plain());
    flow.press(KeyCode::Enter);
    for _ in 0..3 {
        flow.press(KeyCode::Enter);
    }
    (dir, path, flow)
}

#[test]
fn the_warm_ups_come_first_prefilled_from_the_ramp_and_rounded_to_the_plates() {
    let (_dir, _path, mut flow) = app(plain());
    flow.press(KeyCode::Enter);
    let view = flow.view();
    assert_eq!(view.slot().map(|s| s.set_type), Some(SetType::Warmup));
    // 40% of 62.5 kg is 25 kg: the bar and 2.5 a side.
    assert_eq!(
        (view.entry.reps.as_str(), view.entry.load.as_str()),
        ("8", "25")
    );
    let screen = words(&flow.render(80, 24));
    assert!(
        screen.contains("Warm-up 1 of 3 (not counted), then 3 × 8 @ 62.5 kg"),
        "{screen}"
    );
    assert!(screen.contains("20 kg bar + 2.5 a side"), "{screen}");
}

#[test]
fn the_first_working_set_is_the_suggestion_with_its_reason_and_enter_takes_it() {
    let (_dir, path, mut flow) = after_warm_ups();
    let view = flow.view();
    assert_eq!(view.slot().map(|s| s.set_type), Some(SetType::Normal));
    assert_eq!(view.entry.reps, "8");
    assert_eq!(view.entry.load, "62.5");
    assert_eq!(view.entry.unit, Unit::Kg);
    let screen = words(&flow.render(80, 24));
    assert!(
        screen.contains("+2.5 kg: all 3×10 done last time"),
        "{screen}"
    );
    assert!(screen.contains("20 kg bar + 20, 1.25 a side"), "{screen}");
    // A warm-up is no record: none was checked.
    assert!(
        !flow
            .fake
            .effects
            .iter()
            .any(|e| matches!(e, Effect::History(HistoryEffect::LoadBests(_))))
    );
    flow.press(KeyCode::Enter);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: Vec<(u32, String, u32, i64)> = conn
        .prepare(
            "SELECT set_number, set_type, reps, load_centi FROM set_log
             WHERE session_id = (SELECT max(id) FROM session) ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected = [
        (1, "warmup", 8, 2500),
        (2, "warmup", 5, 3750),
        (3, "warmup", 3, 5000),
        (1, "normal", 8, 6250),
    ];
    assert_eq!(
        rows,
        expected.map(|(n, t, r, c)| (n, t.to_string(), r, c)),
        "the warm-ups are stored as such, then the suggestion as typed"
    );
}

#[test]
fn typing_changes_the_suggestion_and_the_plates_follow_the_load() {
    let (_dir, _path, mut flow) = after_warm_ups();
    flow.press(KeyCode::Tab);
    flow.type_text("63");
    let screen = words(&flow.render(80, 24));
    // The line wraps in the narrow sets panel: its two halves.
    assert!(
        screen.contains("⚠ 63 kg cannot be made: 62.5 kg") && screen.contains("or 65 kg"),
        "{screen}"
    );
    flow.press(KeyCode::Enter);
    let saved = flow.saved();
    let last = saved.last().unwrap();
    assert_eq!(
        last.work,
        Work::Reps {
            reps: 8,
            load: kg("63")
        }
    );
}

#[test]
fn the_session_shows_its_warm_ups_suggestion_and_plates() {
    let (_dir, _path, flow) = after_warm_ups();
    insta::assert_snapshot!("advice_80x24", flow.render(80, 24));
    insta::assert_snapshot!("advice_40x20", flow.render(40, 20));
}

#[test]
fn a_phone_shows_the_warm_up_under_way_and_what_follows() {
    let (_dir, _path, mut flow) = app(plain());
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Enter);
    insta::assert_snapshot!("advice_warm_up_40x20", flow.render(40, 20));
}

#[test]
fn the_weaker_side_goes_first_with_a_set_more() {
    let (_dir, _path, mut flow) = after_warm_ups();
    flow.press(KeyCode::Right);
    let view = flow.view();
    let lunge = view.session.current().unwrap();
    assert_eq!(lunge.side_order(), [R, L]);
    assert_eq!(lunge.rows(), 3, "right does a third set");
    assert!(lunge.does(3, R) && !lunge.does(3, L));
    assert_eq!(view.slot().and_then(|s| s.side), R);
    let screen = words(&flow.render(80, 24));
    assert!(screen.contains("right first, with a set more"), "{screen}");
    insta::assert_snapshot!("advice_sides_80x24", flow.render(80, 24));
    insta::assert_snapshot!("advice_sides_40x20", flow.render(40, 20));
}

#[test]
fn a_deload_week_halves_the_sets_keeps_them_and_says_why() {
    let mut settings = plain();
    settings.progression.schedule = Schedule {
        deload_every: Some(2),
        ..Schedule::default()
    };
    let (_dir, path, mut flow) = app(settings);
    flow.press(KeyCode::Enter);
    let squat = flow.view().session.plan[0].sets;
    assert_eq!(squat, 2, "3 sets halved, rounding up");
    let notice = flow.state.notice.clone().unwrap().0;
    assert!(notice.starts_with("Deload week"), "{notice}");
    let screen = words(&flow.render(80, 24));
    assert!(screen.contains("Deload week"), "{screen}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let stored: u32 = conn
        .query_row(
            "SELECT planned_sets FROM session_exercise
             WHERE session_id = (SELECT max(id) FROM session) AND position = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 2, "a resume keeps the lighter plan");
}

#[test]
fn a_hold_aims_at_the_rules_longer_target_on_each_side() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    let runners = common::routine();
    let start = noon() - Duration::days(3);
    let s = store.start_session(&runners, start).unwrap();
    const PLANK: usize = 6;
    for (n, side) in [(1, L), (1, R), (2, L), (2, R)] {
        store
            .insert_set(&NewSet {
                session_id: s.id,
                exercise_id: s.plan[PLANK].exercise_id,
                set_number: n,
                side,
                work: common::store::hold(31_000),
                duration: None,
                rpe: None,
                note: None,
                logged_at: start + Duration::minutes(i64::from(n)),
                set_type: SetType::Normal,
            })
            .unwrap();
    }
    store
        .finish_session(s.id, start + Duration::minutes(9), None)
        .unwrap();
    let mut flow = Flow::on_store(StoreExecutor::new(store, Calendar::new(Utc, Weekday::Mon)));
    flow.press(KeyCode::Enter);
    for _ in 0..PLANK {
        flow.press(KeyCode::Right);
    }
    let screen = words(&flow.render(80, 24));
    assert!(screen.contains("2 × 35 s hold"), "{screen}");
    assert!(screen.contains("+5 s"), "{screen}");
    flow.press(KeyCode::Char(' '));
    flow.press(KeyCode::Char(' '));
    match flow.view().step {
        Step::Holding { target, side, .. } => {
            assert_eq!((target, side), (std::time::Duration::from_secs(35), L));
        }
        ref other => panic!("not holding: {other:?}"),
    }
}

#[test]
fn a_resumed_session_keeps_its_advice_from_the_sessions_before_it() {
    let (_dir, path, mut flow) = after_warm_ups();
    flow.press(KeyCode::Enter);
    drop(flow);
    let store = Store::open(&path).unwrap();
    let mut flow = Flow::on_store(StoreExecutor::new(store, Calendar::new(Utc, Weekday::Mon)));
    flow.state = State::new(flow.now, plain(), vec![ruled_routine()], Utc);
    flow.load_home();
    flow.press(KeyCode::Enter); // Resume
    let view = flow.view();
    assert_eq!(view.session.logged.len(), 4);
    assert_eq!(
        view.slot().map(|s| (s.set_number, s.set_type)),
        Some((2, SetType::Normal)),
        "the warm-ups are done"
    );
    assert_eq!(
        (view.entry.reps.as_str(), view.entry.load.as_str()),
        ("8", "62.5")
    );
    // Today's set is not last time: the reason is still last week's.
    let screen = words(&flow.render(80, 24));
    assert!(
        screen.contains("+2.5 kg: all 3×10 done last time"),
        "{screen}"
    );
}

#[test]
fn a_phone_resting_keeps_the_whole_reason_and_the_rest_on_one_line() {
    let (_dir, _path, mut flow) = after_warm_ups();
    flow.press(KeyCode::Right);
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Enter);
    assert!(
        flow.view().rest.is_some(),
        "both sides of set 1 logged: a rest"
    );
    let screen = flow.render(40, 20);
    let resting = words(&screen);
    assert!(resting.contains("(7 vs 10 reps a set at BW)"), "{screen}");
    assert!(
        resting.contains("REST 1:00 · +/- 15 s · Space skip"),
        "{screen}"
    );
    insta::assert_snapshot!("advice_rest_40x20", screen);
    // Over: the time once, after the label that says what it is.
    flow.advance(std::time::Duration::from_secs(65));
    let over = words(&flow.render(40, 20));
    assert!(over.contains("REST OVER · GO +0:05"), "{over}");
    assert_eq!(over.matches("0:05").count(), 1, "{over}");
}

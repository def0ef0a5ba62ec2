//! The real loop on a real database: `drive` on a test terminal, and
//! `step` with the store's executor, where the other flows answer with a
//! fake.

use std::sync::mpsc;

use chrono::{Days, Weekday};
use chrono_tz::Europe::Berlin;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use runstrong::app::state::{Screen, State};
use runstrong::app::{Effect, Executor, Msg, Settings, StoreExecutor, drive};
use runstrong::domain::NewSet;
use runstrong::domain::calendar::Calendar;
use runstrong::store::{Store, StoreError};

use crate::common::store::{reps, scratch};
use crate::common::{Flow, key, noon, routine};

/// A finished session with one set, started at `at`.
fn session_at(store: &mut Store, at: chrono::DateTime<chrono::Utc>) {
    let session = store.start_session(&routine(), at).unwrap();
    store
        .insert_set(&NewSet {
            session_id: session.id,
            exercise_id: session.plan[0].exercise_id,
            set_number: 1,
            side: None,
            work: reps(12, None),
            duration: None,
            rpe: None,
            note: None,
            logged_at: at,
            set_type: runstrong::domain::set::SetType::Normal,
        })
        .unwrap();
    store.finish_session(session.id, at, None).unwrap();
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect::<Vec<String>>()
        .join("\n")
}

#[test]
fn the_home_screen_counts_this_weeks_sessions_in_the_given_zone() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    // noon() is Wednesday 25 November 2026. Sunday 23:30 UTC is already
    // Monday 00:30 in Berlin, so this week there; the Saturday before is not.
    let monday = noon() - Days::new(2);
    let midnight = monday.with_time(chrono::NaiveTime::MIN).unwrap();
    session_at(&mut store, midnight - chrono::Duration::minutes(30));
    session_at(&mut store, monday - Days::new(2));
    session_at(&mut store, noon());
    let calendar = Calendar::new(Berlin, Weekday::Mon);
    let mut executor = StoreExecutor::new(store, calendar);
    let flow = Flow::home();
    let mut state = State::new(flow.now, Settings::default(), vec![routine()], Berlin);
    let (tx, rx) = mpsc::channel();
    drop(tx);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    drive(&mut terminal, &mut state, &flow.now, &mut executor, &rx).unwrap();
    assert!(
        matches!(&state.screen, Screen::Home(h) if h.week_done == 2),
        "{:?}",
        state.screen
    );
    let screen = screen(&terminal);
    assert!(screen.contains("2 of 2 sessions"), "{screen}");

    let utc = Flow::on_store(StoreExecutor::new(
        executor.store,
        Calendar::new(chrono::Utc, Weekday::Mon),
    ));
    assert!(
        matches!(&utc.state.screen, Screen::Home(h) if h.week_done == 1),
        "in UTC the late Sunday session is last week's"
    );
}

/// The real loop on a fresh file, given `msgs` as one batch of input: the
/// state it stops in and its executor.
fn drive_batch(path: &std::path::Path, msgs: &[Msg]) -> (State, StoreExecutor) {
    let store = Store::open(path).unwrap();
    let mut executor = StoreExecutor::new(store, Calendar::new(chrono::Utc, Weekday::Mon));
    let flow = Flow::home();
    let mut state = State::new(flow.now, Settings::default(), vec![routine()], chrono::Utc);
    let (tx, rx) = mpsc::channel();
    for msg in msgs {
        tx.send(msg.clone()).unwrap();
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    drive(&mut terminal, &mut state, &flow.now, &mut executor, &rx).unwrap();
    (state, executor)
}

#[test]
fn the_loop_carries_out_what_a_key_asks_and_stops_when_told() {
    let (_dir, path) = scratch();
    // Arriving together, both are taken before the store's answer to the
    // first: the session starts, and the app still stops.
    let (state, executor) = drive_batch(&path, &[key(KeyCode::Enter), Msg::Terminate]);
    assert!(state.quit);
    assert!(
        matches!(state.screen, Screen::Session(_)),
        "the answer came in"
    );
    let unfinished = executor.store.unfinished().unwrap().unwrap();
    assert_eq!(unfinished.routine, routine().name);
}

#[test]
fn a_double_enter_on_home_starts_one_session() {
    let (_dir, path) = scratch();
    // Both presses arrive before the store has answered the first.
    let enter = key(KeyCode::Enter);
    let (state, executor) = drive_batch(&path, &[enter.clone(), enter, Msg::Terminate]);
    assert!(matches!(state.screen, Screen::Session(_)));
    drop(executor);
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |table: &str| -> i64 {
        db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        (count("session"), count("set_log")),
        (1, 0),
        "one session, no set logged"
    );
}

#[test]
fn plan_edits_are_saved_and_come_back_on_resume() {
    let (_dir, path, mut flow) = Flow::started_on_file();
    assert!(matches!(flow.state.screen, Screen::Session(_)));
    // A new exercise after the first, then the last one moved up a place.
    flow.type_text("p");
    flow.type_text("a");
    flow.type_text("Nordic curl");
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Enter);
    assert!(
        flow.view().session.plan[1].exercise_id > 0,
        "stored, with an id"
    );
    let last = flow.view().session.plan.len() - 1;
    for _ in 1..last {
        flow.press(KeyCode::Down);
    }
    flow.type_text("K");
    flow.press(KeyCode::Esc);
    let planned = flow.plan_names();
    assert_eq!(planned[1], "Nordic curl");
    flow.type_text("q");
    flow.type_text("y");
    assert!(flow.state.quit);

    drop(flow);
    let mut again = Flow::home();
    again.fake.store = Some(StoreExecutor::new(
        Store::open(&path).unwrap(),
        Calendar::new(chrono::Utc, Weekday::Mon),
    ));
    again.load_home();
    again.press(KeyCode::Enter);
    assert_eq!(again.plan_names(), planned, "the plan as it was left");
}

#[test]
fn a_damaged_file_takes_no_more_writes_but_is_still_read() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    let session = store.start_session(&routine(), noon()).unwrap();
    let mut executor = StoreExecutor::new(store, Calendar::new(chrono::Utc, Weekday::Mon));
    let set = NewSet {
        session_id: session.id,
        exercise_id: session.plan[0].exercise_id,
        set_number: 1,
        side: None,
        work: reps(10, None),
        duration: None,
        rpe: None,
        note: None,
        logged_at: noon(),
        set_type: runstrong::domain::set::SetType::Normal,
    };
    let flow = Flow::home();
    let saved = executor.execute(Effect::SaveSet(set.clone()), flow.now);
    assert!(matches!(saved.as_slice(), [Msg::SetSaved(l)] if l.set == set));
    let missing = executor.execute(Effect::ResumeSession(999), flow.now);
    assert!(
        matches!(missing.as_slice(), [Msg::StoreFailed(_)]),
        "a failed read is said, not fatal: {missing:?}"
    );

    let malformed = StoreError::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
        Some("database disk image is malformed".into()),
    ));
    executor.store.stop_if_damaged(&malformed).unwrap();
    let refused = executor.execute(Effect::SaveSet(set), flow.now);
    let named = path.display().to_string();
    assert!(
        matches!(refused.as_slice(), [Msg::SaveFailed(a), Msg::Damaged(b)] if a.contains(&named) && a == b),
        "{refused:?}"
    );
    let home = executor.execute(flow.state.load_home(), flow.now);
    assert!(
        matches!(home.as_slice(), [Msg::HomeLoaded(h)] if h.unfinished.as_ref().is_some_and(|u| u.sets == 1)),
        "{home:?}"
    );
}

/// The store answers with the bests before a set, the core decides it is a
/// record and announces it, and the executor keeps it in the file.
#[test]
fn a_record_is_decided_in_the_core_and_kept_in_the_file() {
    let (_dir, path, mut flow) = Flow::started_on_file();
    flow.type_text("12");
    flow.press(KeyCode::Enter);
    assert!(
        !flow.state.notice.clone().unwrap().0.contains("record"),
        "the first set ever beats nothing"
    );
    flow.type_text("13");
    flow.press(KeyCode::Enter);
    let notice = flow.state.notice.clone().unwrap().0;
    assert!(
        notice.starts_with("New record! Weighted dorsiflexion: most reps"),
        "{notice}"
    );
    let kept: Vec<(i64, String)> =
        crate::common::store::pairs(&path, "SELECT set_id, kind FROM set_record");
    assert_eq!(
        kept,
        [(flow.view().records[0].set, "most_reps".to_string())]
    );
}

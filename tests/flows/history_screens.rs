#![allow(clippy::unwrap_used, clippy::expect_used)]
//! History screens drawn from a real database: the real loop's `step`,
//! the store's executor on a temporary store, then `draw` into a test
//! terminal. Times are shown in UTC, the calendar the app is given here.

use crate::common;

use chrono::{Days, Utc, Weekday};
use common::fixture::{self, DORSIFLEXION, LUNGE, PLANK, hold, kg, reps, utc};
use common::{Flow, noon};

/// The Cossack squat's place in the built-in routine.
const COSSACK: usize = 5;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use runstrong::app::StoreExecutor;
use runstrong::domain::Side;
use runstrong::domain::calendar::Calendar;

const L: Option<Side> = Some(Side::Left);
const R: Option<Side> = Some(Side::Right);

/// The app on `db`, its week list open.
struct Screens {
    flow: Flow,
    _dir: tempfile::TempDir,
}

impl Screens {
    fn open(db: fixture::Db) -> Screens {
        let executor = StoreExecutor::new(db.store, Calendar::new(Utc, Weekday::Mon));
        let mut s = Screens {
            flow: Flow::on_store(executor),
            _dir: db.dir,
        };
        s.keys(&[KeyCode::Down, KeyCode::Enter]);
        s
    }

    fn keys(&mut self, keys: &[KeyCode]) {
        for &k in keys {
            self.flow.press(k);
        }
    }
}

/// Two sessions this week, a missed week, one session the week before, and
/// a year of weekly lunges and planks, the left side a little behind.
fn history() -> fixture::Db {
    let mut db = fixture::empty();
    for week in (3..52).rev() {
        let at = utc(2026, 11, 27, 18, 0) - Days::new(7 * week);
        let load = 20 + (52 - week as i64) / 4;
        let ms = 1000 * (30 + (52 - week) / 2);
        db.session(
            at,
            &[
                (LUNGE, L, reps(8, kg(&(load - 2).to_string()))),
                (LUNGE, R, reps(8, kg(&load.to_string()))),
                (PLANK, L, hold(ms)),
                (PLANK, R, hold(ms + 4000)),
            ],
        );
    }
    db.session(
        utc(2026, 11, 23, 18, 2),
        &[
            (DORSIFLEXION, None, reps(15, kg("10"))),
            (DORSIFLEXION, None, reps(14, kg("10"))),
            (LUNGE, L, reps(10, kg("32"))),
            (LUNGE, R, reps(10, kg("34"))),
            (PLANK, L, hold(55_000)),
            (PLANK, R, hold(58_000)),
        ],
    );
    db.session(
        utc(2026, 11, 24, 7, 30),
        &[(DORSIFLEXION, None, reps(15, kg("12")))],
    );
    db
}

#[test]
fn week_list() {
    let s = Screens::open(history());
    assert_snapshot!("history_weeks_80x24", s.flow.render(80, 24));
    assert_snapshot!("history_weeks_120x40", s.flow.render(120, 40));
    assert_snapshot!("history_weeks_40x20", s.flow.render(40, 20));
}

#[test]
fn a_session_and_a_missed_week() {
    let mut s = Screens::open(history());
    s.keys(&[KeyCode::Enter, KeyCode::Enter]);
    assert_snapshot!("history_session_80x24", s.flow.render(80, 24));
    assert_snapshot!("history_session_120x40", s.flow.render(120, 40));
    s.keys(&[
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Char('c'),
        KeyCode::Char('1'),
        KeyCode::Char('2'),
    ]);
    assert_snapshot!("history_session_editing_80x24", s.flow.render(80, 24));
    s.keys(&[
        KeyCode::Esc,
        KeyCode::Esc,
        KeyCode::Esc,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Enter,
    ]);
    assert_snapshot!("history_missed_week_80x24", s.flow.render(80, 24));
}

#[test]
fn a_progress_chart_with_records_and_balance() {
    let mut s = Screens::open(history());
    s.keys(&[
        KeyCode::Char('r'),
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Enter,
    ]);
    assert_snapshot!("history_progress_80x24", s.flow.render(80, 24));
    assert_snapshot!("history_progress_120x40", s.flow.render(120, 40));
    s.keys(&[
        KeyCode::Esc,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Enter,
    ]);
    assert_snapshot!("history_progress_hold_120x40", s.flow.render(120, 40));
}

#[test]
fn no_history_yet() {
    let s = Screens::open(fixture::empty());
    assert_snapshot!("history_empty_80x24", s.flow.render(80, 24));
}

#[test]
fn one_session() {
    let mut db = fixture::empty();
    db.session(
        noon() - Days::new(1),
        &[(DORSIFLEXION, None, reps(15, kg("10")))],
    );
    let mut s = Screens::open(db);
    let screen = s.flow.render(80, 24);
    assert_snapshot!("history_one_session_80x24", screen);
    let phone = s.flow.render(40, 20);
    assert_snapshot!("history_one_session_40x20", phone);
    for (screen, width) in [(screen, 80), (phone, 40)] {
        // The chart's label row: the line in the chart box that holds week numbers.
        let labels = screen.lines().take(8).map(|line| {
            line.split_whitespace()
                .filter(|w| w.trim_matches('│').parse::<u32>().is_ok())
                .count()
        });
        assert_eq!(
            labels.max(),
            Some(12),
            "12 bars at width {width}:\n{screen}"
        );
        assert!(screen.contains("●○ "), "{screen}");
        assert!(
            screen.contains("to go") && !screen.contains("short"),
            "the week under way is not short yet: {screen}"
        );
    }
    s.keys(&[KeyCode::Enter]);
    let phone = s.flow.render(40, 20);
    assert!(phone.contains("1 of 2"), "{phone}");
    assert_snapshot!("history_week_40x20", phone);
    assert_snapshot!("history_week_80x24", s.flow.render(80, 24));
    s.keys(&[KeyCode::Enter]);
    assert_snapshot!("history_session_40x20", s.flow.render(40, 20));
    assert_snapshot!("history_session_one_80x24", s.flow.render(80, 24));
}

#[test]
fn an_imported_workout_shows_set_kinds_and_its_notes_on_one_line() {
    let mut db = fixture::empty();
    let csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-24 18:30:00,Leg day,1h 3m,Squat (Barbell),W,60,8,0,0,,\"Felt strong\nslept well\",
2026-11-24 18:30:00,Leg day,1h 3m,Squat (Barbell),1,100,5,0,0,\"first line\nsecond line\",,8
2026-11-24 18:30:00,Leg day,1h 3m,Squat (Barbell),D,80,10,0,0,,,
2026-11-24 18:30:00,Leg day,1h 3m,Squat (Barbell),F,60,12,0,0,,,10
2026-11-24 18:30:00,Leg day,1h 3m,Running,1,0,0,5.2,1800,,,
";
    let (_, import) =
        runstrong::interchange::parse(csv, None, Some(runstrong::domain::Unit::Kg), &Utc).unwrap();
    db.store.import(&import, &mut |_| {}).unwrap();
    let mut s = Screens::open(db);
    s.keys(&[KeyCode::Enter, KeyCode::Enter]);
    let screen = s.flow.render(80, 24);
    assert!(
        screen.contains("Leg day · Felt strong · slept well"),
        "{screen}"
    );
    assert!(screen.contains("first line second line"), "{screen}");
    assert!(screen.contains("· 5.2 km"), "a run's distance: {screen}");
    assert_snapshot!("history_imported_session_80x24", screen);
    assert_snapshot!("history_imported_session_40x20", s.flow.render(40, 20));
}

/// The progress page of `name` in `db`, opened from the exercise list.
fn progress_of(db: fixture::Db, name: &str) -> Screens {
    let mut ids: Vec<_> = db.store.exercises().unwrap();
    ids.sort_by_key(|e| e.id);
    let at = ids.iter().position(|e| e.name == name).unwrap();
    let mut s = Screens::open(db);
    s.keys(&[KeyCode::Char('r')]);
    s.keys(&vec![KeyCode::Down; at]);
    s.keys(&[KeyCode::Enter]);
    s
}

/// `weeks` weekly sessions up to this week, the `i`th made of `sets(i)`.
fn weekly(db: &mut fixture::Db, weeks: u64, sets: impl Fn(u64) -> Vec<fixture::Set>) {
    for i in 0..weeks {
        let at = utc(2026, 11, 23, 18, 0) - Days::new(7 * (weeks - 1 - i));
        db.session(at, &sets(i));
    }
}

#[test]
fn a_bodyweight_exercise_charts_reps_per_side() {
    let mut db = fixture::empty();
    weekly(&mut db, 10, |i| {
        let r = 8 + i as u32 / 2;
        vec![(COSSACK, L, reps(r, None)), (COSSACK, R, reps(r + 2, None))]
    });
    // A second session on the last day is its own point.
    db.session(
        utc(2026, 11, 23, 20, 0),
        &[(COSSACK, L, reps(14, None)), (COSSACK, R, reps(15, None))],
    );
    let s = progress_of(db, "Cossack squat");
    let screen = s.flow.render(80, 24);
    assert!(
        !screen.contains("1797693"),
        "no float max on the axis: {screen}"
    );
    assert!(
        screen.contains("reps per session ━ left ━ right"),
        "{screen}"
    );
    assert!(screen.contains("Left 1 rep fewer (bodyweight)"), "{screen}");
    assert_snapshot!("progress_bodyweight_80x24", screen);
    assert_snapshot!("progress_bodyweight_40x20", s.flow.render(40, 20));
}

#[test]
fn a_one_sided_lift_reads_its_imbalance_in_reps_at_one_load() {
    let mut db = fixture::empty();
    weekly(&mut db, 8, |i| {
        let load = kg(&(16 + 2 * (i / 2)).to_string());
        vec![(LUNGE, L, reps(10, load)), (LUNGE, R, reps(8, load))]
    });
    let s = progress_of(db, "Lunge");
    let screen = s.flow.render(80, 24);
    assert!(
        screen.contains("Right 2 reps fewer at 22 kg (e1RM −5%)"),
        "{screen}"
    );
    assert_snapshot!("progress_imbalance_80x24", screen);
    let small = s.flow.render(40, 20);
    assert!(
        small.contains("━ left ━ right"),
        "the legend at 40x20: {small}"
    );
    assert!(
        small.contains("176 kg"),
        "the right side's last record is in the box at 40x20: {small}"
    );
    assert_snapshot!("progress_imbalance_40x20", small);
}

#[test]
fn a_hold_charts_time_per_side() {
    let s = progress_of(history(), "Copenhagen plank");
    let screen = s.flow.render(80, 24);
    assert!(screen.contains("Left holds 0:03 shorter"), "{screen}");
    assert_snapshot!("progress_hold_80x24", screen);
    assert_snapshot!("progress_hold_40x20", s.flow.render(40, 20));
}

#[test]
fn cardio_charts_distance_and_pace_with_its_records() {
    let mut db = fixture::empty();
    let mut csv = String::from(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    for (day, km, secs) in [
        ("2026-09-07", "5", 1800),
        ("2026-09-21", "6.2", 2170),
        ("2026-10-05", "5.5", 1870),
        ("2026-10-19", "8", 2900),
        ("2026-11-02", "7", 2380),
        ("2026-11-16", "10.5", 3720),
        ("2026-11-23", "5", 1590),
    ] {
        csv.push_str(&format!(
            "{day} 07:00:00,Run,1h,Running,1,0,0,{km},{secs},,,\n"
        ));
    }
    let (_, import) =
        runstrong::interchange::parse(&csv, None, Some(runstrong::domain::Unit::Kg), &Utc).unwrap();
    db.store.import(&import, &mut |_| {}).unwrap();
    let mut s = progress_of(db, "Running");
    let screen = s.flow.render(80, 24);
    assert!(screen.contains("distance per session, km"), "{screen}");
    assert!(!screen.contains("1797693"), "{screen}");
    assert!(screen.contains("longest  10.5 km"), "{screen}");
    assert!(screen.contains("pace     5:18 /km"), "{screen}");
    assert_snapshot!("progress_cardio_80x24", screen);
    assert_snapshot!("progress_cardio_40x20", s.flow.render(40, 20));
    s.keys(&[KeyCode::Tab]);
    let pace = s.flow.render(80, 24);
    assert!(pace.contains("best pace, min per km"), "{pace}");
    assert_snapshot!("progress_cardio_pace_80x24", pace);
}

/// A name of wide characters takes two columns each: the span labels
/// shorten to fit beside it, as they would beside a name of letters.
#[test]
fn a_wide_exercise_name_shortens_the_span_labels() {
    let mut db = fixture::empty();
    weekly(&mut db, 3, |_| {
        vec![(DORSIFLEXION, None, reps(10, kg("20")))]
    });
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "UPDATE exercise SET name = '深蹲深蹲深' WHERE name = 'Weighted dorsiflexion'",
        [],
    )
    .unwrap();
    let s = progress_of(db, "深蹲深蹲深");
    let screen = s.flow.render(40, 20);
    let title = screen.lines().next().unwrap_or_default();
    assert!(title.ends_with(" 12w 1y 5y all"), "{screen}");
}

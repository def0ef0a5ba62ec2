//! Whatever sequence of sets logged, corrections, deletions, undos and
//! imports made them, the summaries equal those built from scratch.

use chrono::{DateTime, Duration as Minutes, TimeZone, Utc};
use proptest::prelude::*;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::domain::correction::Correction;
use crate::domain::set::Work;
use crate::domain::{Load, NewSet, Side, Unit};
use crate::interchange::{Import, SetType, Workout, WorkoutSet};
use crate::store::Store;
use crate::store::summaries::ChartRow;

/// What a test does to the database.
#[derive(Debug, Clone)]
enum Op {
    /// Log a set in session 1 to 3 of exercise 1 (reps) or 2 (hold).
    Log(i64, i64, Option<Side>, u32, Option<Load>),
    /// Correct the nth live set to these reps and load.
    Correct(usize, u32, Option<Load>),
    Delete(usize),
    /// Undo the last correction not yet undone.
    Undo,
    /// Import a workout of these sets (exercise, side, reps, load), ended
    /// or not.
    Import(Vec<(i64, Option<Side>, u32, Option<Load>)>, bool),
    /// End session 1 to 3: finished, or as abandoned.
    End(i64, bool),
}

fn load() -> impl Strategy<Value = Option<Load>> {
    let unit = prop_oneof![Just(Unit::Kg), Just(Unit::Lb)];
    proptest::option::of((1..4_i64, unit).prop_map(|(n, unit)| Load {
        centi: n * 1250,
        unit,
    }))
}

fn side() -> impl Strategy<Value = Option<Side>> {
    prop_oneof![Just(None), Just(Some(Side::Left)), Just(Some(Side::Right))]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1..4_i64, 1..3_i64, side(), 0..6_u32, load()).prop_map(|(s, e, d, r, l)| Op::Log(s, e, d, r, l)),
        2 => (0..20_usize, 0..6_u32, load()).prop_map(|(i, r, l)| Op::Correct(i, r, l)),
        1 => (0..20_usize).prop_map(Op::Delete),
        1 => Just(Op::Undo),
        1 => (proptest::collection::vec((1..3_i64, side(), 0..6_u32, load()), 1..5), any::<bool>())
            .prop_map(|(sets, ended)| Op::Import(sets, ended)),
        1 => (1..4_i64, any::<bool>()).prop_map(|(s, finished)| Op::End(s, finished)),
    ]
}

pub(super) fn at(n: usize) -> DateTime<Utc> {
    Utc.timestamp_opt(1_767_000_000, 0).unwrap() + Minutes::minutes(n as i64)
}

/// Exercise 1 does reps; exercise 2 holds (weighted ones too), its reps
/// read as seconds held.
pub(super) fn work(exercise: i64, reps: u32, load: Option<Load>) -> Work {
    match exercise {
        1 => Work::Reps { reps, load },
        _ => Work::Hold {
            held: std::time::Duration::from_secs(u64::from(reps) * 15),
            load,
        },
    }
}

fn table(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |r| (0..width).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn summaries(conn: &Connection) -> [Vec<Vec<Value>>; 3] {
    [
        table(conn, "SELECT * FROM session_best ORDER BY 1, 2, 3, 4, 5"),
        table(conn, "SELECT * FROM load_best ORDER BY 1, 2, 3, 4"),
        table(conn, "SELECT * FROM session_chart ORDER BY 1, 2, 3, 4"),
    ]
}

fn live(conn: &Connection) -> Vec<i64> {
    table(conn, "SELECT id FROM live_set ORDER BY id")
        .into_iter()
        .map(|r| match r[0] {
            Value::Integer(id) => id,
            _ => unreachable!(),
        })
        .collect()
}

fn run(store: &mut Store, ops: &[Op]) {
    store
        .conn
        .execute_batch(
            "INSERT INTO exercise (id, name, kind, sides) VALUES (1, 'Lunge', 'reps', 'each'), (2, 'Plank', 'hold', 'each');
             INSERT INTO session (id, routine, started_at) VALUES
                 (1, 'r', '2026-01-05T18:00:00.000Z'), (2, 'r', '2026-01-06T18:00:00.000Z'),
                 (3, 'r', '2026-01-04T18:00:00.000Z');",
        )
        .unwrap();
    let mut undo: Vec<Correction> = Vec::new();
    for (n, op) in ops.iter().enumerate() {
        let ids = live(&store.conn);
        let nth = |i: usize| ids.get(i % ids.len().max(1)).copied();
        match op.clone() {
            Op::Log(session, exercise, side, reps, load) => {
                let set = NewSet {
                    session_id: session,
                    exercise_id: exercise,
                    set_number: 1,
                    side,
                    work: work(exercise, reps, load),
                    duration: None,
                    rpe: None,
                    note: None,
                    logged_at: at(n % 7),
                    set_type: crate::domain::set::SetType::Normal,
                };
                store.insert_set(&set).unwrap();
            }
            Op::Correct(i, reps, load) => {
                if let Some(id) = nth(i) {
                    let exercise: i64 = store
                        .conn
                        .query_row("SELECT exercise_id FROM set_log WHERE id = ?1", [id], |r| {
                            r.get(0)
                        })
                        .unwrap();
                    undo.push(
                        store
                            .correct_set(id, &work(exercise, reps, load), at(n))
                            .unwrap(),
                    );
                }
            }
            Op::Delete(i) => {
                if let Some(id) = nth(i) {
                    undo.push(store.delete_set(id, at(n)).unwrap());
                }
            }
            Op::Undo => {
                if let Some(c) = undo.pop() {
                    // A set corrected again since cannot be undone: no change.
                    let _ = store.undo(c, at(n));
                }
            }
            Op::End(session, true) => {
                store.finish_session(session, at(n), None).unwrap();
            }
            Op::End(session, false) => store.end_abandoned(session).unwrap(),
            Op::Import(sets, ended) => {
                let names = ["", "Lunge", "Plank"];
                let workout = Workout {
                    routine: format!("import {n}"),
                    started_at: at(n % 5) - Minutes::days(3),
                    ended_at: ended.then(|| at(n % 5) - Minutes::days(2)),
                    position: 0,
                    notes: None,
                    source: None,
                    source_key: None,
                    plan: vec![],
                    sets: sets
                        .iter()
                        .enumerate()
                        .map(|(k, &(exercise, side, reps, load))| WorkoutSet {
                            exercise: names[exercise as usize].to_string(),
                            set_number: k as u32 + 1,
                            side,
                            set_type: SetType::Normal,
                            reps: (exercise == 1).then_some(reps),
                            load: load.filter(|_| exercise == 1),
                            hold_ms: (exercise == 2).then_some(i64::from(reps) * 15_000),
                            duration_ms: None,
                            distance: None,
                            rpe: None,
                            notes: None,
                            logged_at: at(n % 3),
                        })
                        .collect(),
                };
                let import = Import {
                    workouts: vec![workout],
                    ..Import::default()
                };
                store.import(&import, &mut |_| {}).unwrap();
            }
        }
    }
}

/// A chart row as `session_chart` holds it.
fn chart_values(started_at: &str, c: &ChartRow) -> Vec<Value> {
    vec![
        Value::Integer(c.exercise),
        Value::Text(started_at.into()),
        Value::Integer(c.session),
        Value::Text(c.side.into()),
        Value::Integer(c.sets),
        Value::Text(c.first_at.clone()),
        Value::Integer(c.reps),
        Value::Integer(c.kg_centi),
        Value::Integer(c.lb_centi),
        c.heaviest_kg.map_or(Value::Null, Value::Real),
        c.e1rm_kg.map_or(Value::Null, Value::Real),
        c.hold_ms.map_or(Value::Null, Value::Integer),
    ]
}

/// The chart rows readers see: those stored (ended sessions) and those
/// folded from the sets of open ones.
fn charts_as_read(conn: &Connection) -> Vec<Vec<Value>> {
    let mut rows = table(conn, "SELECT * FROM session_chart");
    for exercise in [1, 2] {
        for o in super::open_rows(conn, exercise).unwrap() {
            rows.push(chart_values(&o.started_at, &o.row));
        }
    }
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

/// Every session's chart rows folded from its live sets, open or ended.
fn charts_from_scratch(conn: &Connection) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(super::facts!("1")).unwrap();
    let mut q = stmt.query([]).unwrap();
    let mut by_session: Vec<(i64, Vec<ChartRow>)> = Vec::new();
    while let Some(r) = q.next().unwrap() {
        let fact = super::fact(r).unwrap();
        if by_session.last().is_none_or(|(s, _)| *s != fact.session) {
            by_session.push((fact.session, Vec::new()));
        }
        if let Some((_, rows)) = by_session.last_mut() {
            super::chart_add(rows, &fact);
        }
    }
    let mut rows = Vec::new();
    for (session, charts) in by_session {
        let started: String = conn
            .query_row(
                "SELECT started_at FROM session WHERE id = ?1",
                [session],
                |r| r.get(0),
            )
            .unwrap();
        rows.extend(charts.iter().map(|c| chart_values(&started, c)));
    }
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_summaries_equal_a_recomputation_from_scratch(ops in proptest::collection::vec(op(), 1..40)) {
        let mut store = Store::empty().unwrap();
        run(&mut store, &ops);
        let kept = summaries(&store.conn);
        let read = charts_as_read(&store.conn);
        prop_assert_eq!(&read, &charts_from_scratch(&store.conn));
        super::rebuild(&store.conn).unwrap();
        prop_assert_eq!(kept, summaries(&store.conn));
        prop_assert_eq!(read, charts_as_read(&store.conn));
    }
}

#[test]
fn a_set_whose_summaries_fail_is_not_stored_either() {
    let mut store = Store::empty().unwrap();
    run(&mut store, &[Op::Log(1, 1, None, 8, None)]);
    let before = (live(&store.conn), summaries(&store.conn));
    // The all-time summary is the last write: everything before it goes back.
    store
        .conn
        .execute_batch("ALTER TABLE load_best RENAME TO gone")
        .unwrap();
    let set = NewSet {
        session_id: 1,
        exercise_id: 1,
        set_number: 2,
        side: None,
        work: work(1, 12, None),
        duration: None,
        rpe: None,
        note: None,
        logged_at: at(9),
        set_type: crate::domain::set::SetType::Normal,
    };
    assert!(store.insert_set(&set).is_err());
    store
        .conn
        .execute_batch("ALTER TABLE gone RENAME TO load_best")
        .unwrap();
    assert_eq!((live(&store.conn), summaries(&store.conn)), before);
}

//! The active session's bookkeeping: positions, sets started, holds.

use super::*;
use crate::domain::exercise::Exercise;
use crate::domain::set::NewSet;

fn exercise(id: i64, sides: Sides, sets: u32) -> PlannedExercise {
    PlannedExercise {
        exercise_id: id,
        name: format!("ex{id}"),
        kind: Kind::Reps,
        sides,
        sets,
        target_reps: Some(10),
        target_hold: None,
        rest: Duration::from_secs(60),
        tempo: None,
        cue: String::new(),
        weighted: false,
        last: None,
        advice: None,
    }
}

fn session() -> ActiveSession {
    ActiveSession {
        id: 1,
        routine: "r".into(),
        started_at: DateTime::UNIX_EPOCH,
        plan: vec![exercise(10, Sides::Both, 2), exercise(20, Sides::Each, 2)],
        logged: vec![],
        position: 0,
    }
}

fn log(s: &mut ActiveSession, exercise_id: i64, n: u32, side: Option<Side>, reps: u32) {
    let set = NewSet {
        session_id: 1,
        exercise_id,
        set_number: n,
        side,
        work: Work::Reps { reps, load: None },
        duration: None,
        rpe: None,
        note: None,
        logged_at: DateTime::UNIX_EPOCH,
        set_type: crate::domain::set::SetType::Normal,
    };
    s.logged.push(LoggedSet {
        id: s.logged.len() as i64 + 1,
        set,
    });
}

#[test]
fn one_sided_sets_go_left_then_right() {
    let mut s = session();
    assert_eq!(
        s.next_slot(1),
        Some(Slot {
            set_number: 1,
            side: Some(Side::Left),
            set_type: SetType::Normal
        })
    );
    log(&mut s, 20, 1, Some(Side::Left), 10);
    assert_eq!(
        s.next_slot(1),
        Some(Slot {
            set_number: 1,
            side: Some(Side::Right),
            set_type: SetType::Normal
        })
    );
    log(&mut s, 20, 1, Some(Side::Right), 10);
    assert_eq!(
        s.next_slot(1),
        Some(Slot {
            set_number: 2,
            side: Some(Side::Left),
            set_type: SetType::Normal
        })
    );
}

#[test]
fn resume_finds_the_first_open_set() {
    let mut s = session();
    log(&mut s, 10, 1, None, 10);
    log(&mut s, 10, 2, None, 10);
    assert_eq!(s.next_open_position(0), Some(1));
    log(&mut s, 20, 1, Some(Side::Left), 8);
    assert_eq!(
        s.next_slot(1),
        Some(Slot {
            set_number: 1,
            side: Some(Side::Right),
            set_type: SetType::Normal
        })
    );
}

#[test]
fn logged_sets_cannot_be_removed_from_the_plan() {
    let mut s = session();
    log(&mut s, 10, 1, None, 10);
    assert!(s.remove_set());
    assert_eq!(s.plan[0].sets, 1);
    assert!(!s.remove_set());
    s.add_set();
    assert_eq!(s.plan[0].sets, 2);
}

#[test]
fn the_plan_changes_around_the_current_exercise() {
    let mut s = session();
    s.plan.push(exercise(30, Sides::Both, 1));
    s.position = 1;
    let known = Exercise {
        id: 0,
        name: "Nordic curl".into(),
        kind: Kind::Reps,
        sides: Sides::Both,
    };
    s.insert_after(0, PlannedExercise::added(&known, Duration::from_secs(90)));
    assert_eq!(s.plan[1].name, "Nordic curl");
    assert_eq!(
        s.current().map(|e| e.exercise_id),
        Some(20),
        "still on the same exercise"
    );
    assert!(s.contains("nordic CURL"));
    assert_eq!(s.shift(3, true), None, "not before the current one");
    log(&mut s, 10, 1, None, 10);
    assert!(
        s.swap(0, PlannedExercise::added(&known, Duration::ZERO))
            .is_err()
    );
    assert!(
        s.swap(3, PlannedExercise::added(&known, Duration::ZERO))
            .is_ok()
    );
    s.position = 0;
    assert_eq!(s.shift(3, true), Some(2));
    assert_eq!(s.plan[2].name, "Nordic curl");
}

#[test]
fn a_hold_asks_for_a_load_when_planned_weighted_or_once_it_carried_one() {
    let mut s = session();
    s.plan[1].kind = Kind::Hold;
    assert!(!s.weighted_hold(1), "a bodyweight hold");
    assert!(!s.weighted_hold(0), "reps are not holds");
    s.plan[1].weighted = true;
    assert!(s.weighted_hold(1));
    s.plan[1].weighted = false;
    let plate = Some(crate::domain::Load {
        centi: 500,
        unit: crate::domain::Unit::Kg,
    });
    let held = Work::Hold {
        held: Duration::from_secs(30),
        load: plate,
    };
    s.plan[1].last = Some(LastTime {
        at: DateTime::UNIX_EPOCH,
        routine: "r".into(),
        sets: vec![(1, Some(Side::Left), held)],
    });
    assert!(s.weighted_hold(1), "an imported plank with a plate");
}

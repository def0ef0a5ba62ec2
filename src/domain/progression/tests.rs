//! Each rule over hand-made histories: progress, a miss, a deload, an
//! imported history with warm-ups and pounds, a side that trails.

use std::time::Duration;

use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::Routine;

/// One exercise from a routine file's `[[exercises]]` body.
fn spec(body: &str) -> ExerciseSpec {
    let text = format!("name = \"t\"\n[[exercises]]\nname = \"X\"\n{body}\n");
    Routine::from_toml(&text).unwrap().exercises.remove(0)
}

fn set(side: Option<Side>, reps: u32, load: &str) -> PastSet {
    PastSet {
        side,
        set_type: SetType::Normal,
        reps: Some(reps),
        load: Load::parse(load, Unit::Kg).unwrap(),
        held: None,
        rpe: None,
    }
}

fn held(side: Option<Side>, secs: u64) -> PastSet {
    PastSet {
        side,
        set_type: SetType::Normal,
        reps: None,
        load: None,
        held: Some(Duration::from_millis(secs * 1000 + 300)),
        rpe: None,
    }
}

fn session(day: u32, sets: Vec<PastSet>) -> PastSession {
    PastSession {
        at: Utc.with_ymd_and_hms(2026, 3, day, 7, 0, 0).unwrap(),
        sets,
    }
}

/// Three sets at `load` with these reps, both sides together.
fn both(day: u32, load: &str, reps: [u32; 3]) -> PastSession {
    session(day, reps.iter().map(|&r| set(None, r, load)).collect())
}

fn next(spec: &ExerciseSpec, past: &[PastSession]) -> ExerciseNext {
    suggest(spec, past, &Settings::default(), None, Unit::Kg)
}

fn one(spec: &ExerciseSpec, past: &[PastSession]) -> Suggestion {
    next(spec, past).suggestions.remove(0)
}

const DOUBLE: &str = "kind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 8\nprogression = { rule = \"double\", reps = [8, 12], step = 2.5 }";

#[test]
fn double_adds_the_step_when_every_set_reached_the_top() {
    let s = one(&spec(DOUBLE), &[both(9, "20", [12, 12, 12])]);
    assert_eq!((s.sets, s.target), (3, Target::Reps(8)));
    assert_eq!(s.load, Load::parse("22.5", Unit::Kg).unwrap());
    assert_eq!(s.reason, "+2.5 kg: all 3×12 done last time");
}

#[test]
fn double_after_a_miss_aims_one_rep_higher_at_the_same_load() {
    let s = one(&spec(DOUBLE), &[both(9, "20", [12, 11, 9])]);
    assert_eq!(s.target, Target::Reps(10));
    assert_eq!(s.load, Load::parse("20", Unit::Kg).unwrap());
    assert_eq!(
        s.reason,
        "20 kg again, aim for 10: last time 12, 11, 9 (top 12)"
    );
}

#[test]
fn a_first_time_asks_for_a_load() {
    let s = one(&spec(DOUBLE), &[]);
    assert_eq!((s.target, s.load), (Target::Reps(8), None));
    assert_eq!(s.reason, "first time: pick a load for 8-12 reps");
}

#[test]
fn an_imported_history_in_pounds_skips_warm_ups_and_stays_in_pounds() {
    let lb = |reps, load: &str| PastSet {
        load: Load::parse(load, Unit::Lb).unwrap(),
        ..set(None, reps, "0")
    };
    let warmup = PastSet {
        set_type: SetType::Warmup,
        ..lb(5, "95")
    };
    let failure = PastSet {
        set_type: SetType::Failure,
        ..lb(4, "135")
    };
    let past = [
        session(
            9,
            vec![warmup, lb(12, "135"), lb(12, "135"), lb(12, "135"), failure],
        ),
        both(2, "60", [8, 8, 8]),
    ];
    let s = one(&spec(&format!("{DOUBLE}\nbar = true")), &past);
    assert_eq!(s.load, Load::parse("140 lb", Unit::Kg).unwrap());
    assert_eq!(s.reason, "+5 lb: all 3×12 done last time");
    let Some(PlateLine::Made { bar, per_side }) = s.plates else {
        panic!("{:?}", s.plates)
    };
    assert_eq!(bar.to_string(), "45 lb");
    let per_side: Vec<String> = per_side.iter().map(ToString::to_string).collect();
    assert_eq!(per_side, ["45 lb", "2.5 lb"]);
}

#[test]
fn a_step_in_kilograms_is_rounded_to_the_plates_for_a_bar() {
    let spec = spec(&format!("{DOUBLE}\nbar = true").replace("step = 2.5", "step = 1"));
    let s = one(&spec, &[both(9, "60", [12, 12, 12])]);
    // 61 kg cannot be made with 1.25 kg plates: the next that can, 62.5.
    assert_eq!(s.load, Load::parse("62.5", Unit::Kg).unwrap());
    assert_eq!(s.reason, "+2.5 kg: all 3×12 done last time");
}

#[test]
fn warm_ups_ramp_to_the_first_working_load() {
    let spec = spec(&format!(
        "{DOUBLE}\nbar = true\nwarmup = [[40, 8], [60, 5], [80, 3]]"
    ));
    let n = next(&spec, &[both(9, "97.5", [12, 12, 12])]);
    let ramp: Vec<String> = n
        .warmup
        .iter()
        .map(|w| format!("{}×{}", w.load, w.reps))
        .collect();
    assert_eq!(ramp, ["40 kg×8", "60 kg×5", "80 kg×3"]);
}

const LINEAR: &str = "kind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 5\nbar = true\nprogression = { rule = \"linear\", step = 2.5, misses = 3, deload = 10 }";

#[test]
fn linear_adds_a_step_while_every_set_is_done() {
    let s = one(&spec(LINEAR), &[both(9, "50", [5, 5, 5])]);
    assert_eq!(s.load, Load::parse("52.5", Unit::Kg).unwrap());
    assert_eq!(s.reason, "+2.5 kg: all 3×5 done last time");
}

#[test]
fn linear_keeps_the_load_after_a_miss_and_deloads_after_three() {
    let missed = |day| both(day, "50", [5, 5, 4]);
    let s = one(&spec(LINEAR), &[missed(16), missed(9)]);
    assert_eq!(s.load, Load::parse("50", Unit::Kg).unwrap());
    assert_eq!(
        s.reason,
        "50 kg again: last time 5, 5, 4 of 5, miss 2 of 3 before a deload"
    );
    let s = one(&spec(LINEAR), &[missed(23), missed(16), missed(9)]);
    assert_eq!(s.load, Load::parse("45", Unit::Kg).unwrap());
    assert_eq!(s.reason, "−5 kg (10% off): 3 misses in a row at 50 kg");
    // Misses at another load do not add up.
    let s = one(
        &spec(LINEAR),
        &[missed(23), missed(16), both(9, "47.5", [5, 5, 4])],
    );
    assert_eq!(s.load, Load::parse("50", Unit::Kg).unwrap());
}

const PLANK: &str = "kind = \"hold\"\nsides = \"each\"\nsets = 2\nhold_secs = 30\nprogression = { rule = \"hold\", step = 5 }";

fn holds(day: u32, left: [u64; 2], right: [u64; 2]) -> PastSession {
    let mut sets = vec![];
    for i in 0..2 {
        sets.push(held(Some(Side::Left), left[i]));
        sets.push(held(Some(Side::Right), right[i]));
    }
    session(day, sets)
}

#[test]
fn a_hold_grows_per_side_and_a_miss_keeps_its_target() {
    let past = [
        holds(16, [35, 33], [40, 40]),
        holds(9, [35, 36], [35, 35]),
        holds(2, [30, 31], [30, 30]),
    ];
    let n = next(&spec(PLANK), &past);
    let by_side: Vec<(Option<Side>, Target, u32)> = n
        .suggestions
        .iter()
        .map(|s| (s.side, s.target, s.sets))
        .collect();
    // Left missed 40 s (33 s): it stays at 40, trails right by 14% and
    // goes first with a third set; right reached 40 and moves on to 45.
    assert_eq!(
        by_side,
        [
            (Some(Side::Left), Target::Hold { secs: 40 }, 3),
            (Some(Side::Right), Target::Hold { secs: 45 }, 2),
        ]
    );
    assert_eq!(
        n.suggestions[0].reason,
        "40 s again: shortest hold 33 s last time; left first, with a set more: it trails right by 14% (34.3 vs 40.3 s held a set)"
    );
    assert_eq!(
        n.suggestions[1].reason,
        "+5 s: every hold reached 40 s last time; after left"
    );
}

const LUNGE: &str = "kind = \"reps\"\nsides = \"each\"\nsets = 3\nreps = 10\nnext = \"Walking lunge\"\nprogression = { rule = \"bodyweight\", ceiling = 15 }";

fn sided(day: u32, load: &str, left: [u32; 3], right: [u32; 3]) -> PastSession {
    let mut sets = vec![];
    for i in 0..3 {
        sets.push(set(Some(Side::Left), left[i], load));
        sets.push(set(Some(Side::Right), right[i], load));
    }
    session(day, sets)
}

#[test]
fn bodyweight_reps_climb_to_the_ceiling_then_the_next_variation() {
    let n = next(&spec(LUNGE), &[sided(9, "bw", [15, 15, 15], [13, 12, 12])]);
    let right = &n.suggestions[0];
    assert_eq!(right.side, Some(Side::Right));
    assert_eq!((right.target, right.sets), (Target::Reps(13), 4));
    assert!(
        right.reason.starts_with(
            "13 reps: last time 13, 12, 12 (ceiling 15); right first, with a set more: it trails left by 17% (12.3 vs 15 reps a set at BW)"
        ),
        "{}",
        right.reason
    );
    let left = &n.suggestions[1];
    assert_eq!(left.variation.as_deref(), Some("Walking lunge"));
    assert_eq!(left.target, Target::Reps(10));
    assert_eq!(
        left.reason,
        "move on to Walking lunge: all 3×15 done at bodyweight last time; after right"
    );
}

#[test]
fn a_small_difference_between_sides_changes_nothing() {
    let n = next(&spec(LUNGE), &[sided(9, "10", [12, 12, 12], [12, 12, 11])]);
    let sides: Vec<_> = n.suggestions.iter().map(|s| (s.side, s.sets)).collect();
    assert_eq!(sides, [(Some(Side::Left), 3), (Some(Side::Right), 3)]);
    // Loaded, the bodyweight rule goes on as double progression.
    assert_eq!(n.suggestions[0].target, Target::Reps(13));
}

#[test]
fn without_a_next_variation_the_ceiling_adds_a_load() {
    let spec = spec(&LUNGE.replace("next = \"Walking lunge\"\n", ""));
    let n = next(&spec, &[sided(9, "bw", [15, 15, 15], [15, 15, 15])]);
    assert_eq!(n.suggestions[0].load, Load::parse("2.5", Unit::Kg).unwrap());
    assert_eq!(
        n.suggestions[0].reason,
        "add 2.5 kg: all 3×15 done at bodyweight last time"
    );
}

const RPE: &str = "kind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 5\nbar = true\nprogression = { rule = \"rpe\", rpe = 8 }";

#[test]
fn rpe_sets_the_load_for_the_target_from_the_chart() {
    let rated = |rpe| PastSet {
        rpe: crate::domain::set::Rpe::from_value(rpe),
        ..set(None, 5, "100")
    };
    let s = one(&spec(RPE), &[session(9, vec![rated(9.0), rated(9.5)])]);
    // 100 kg × 5 at RPE 9.5 is 85.0% of 117.6 kg; 5 at RPE 8 is 81.1%: 95.4,
    // and the plates make 95.
    assert_eq!(s.load, Load::parse("95", Unit::Kg).unwrap());
    assert!(s.reason.contains("RPE 9.5"), "{}", s.reason);
    let s = one(&spec(RPE), &[both(9, "100", [5, 5, 5])]);
    assert_eq!(s.load, Load::parse("100", Unit::Kg).unwrap());
    assert!(s.reason.contains("log RPE"), "{}", s.reason);
}

#[test]
fn a_deload_week_halves_the_sets_and_keeps_the_load() {
    let week = Schedule {
        deload_every: Some(4),
        ..Schedule::default()
    }
    .week(
        chrono::NaiveDate::from_ymd_opt(2026, 3, 23).unwrap(),
        chrono::Weekday::Mon,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
    );
    assert!(week.is_some());
    let n = suggest(
        &spec(DOUBLE),
        &[both(9, "20", [12, 12, 12])],
        &Settings::default(),
        week.as_ref(),
        Unit::Kg,
    );
    let s = &n.suggestions[0];
    assert_eq!(s.sets, 2);
    assert_eq!(s.load, Load::parse("22.5", Unit::Kg).unwrap());
    assert_eq!(
        s.reason,
        "+2.5 kg: all 3×12 done last time; deload week: 2 of 3 sets"
    );
}

#[test]
fn exercises_without_a_rule_use_the_defaults() {
    let plain = spec("kind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 15");
    assert_eq!(
        rule_of(&plain),
        Some(Rule::Double {
            reps: [15, 19],
            step: None
        })
    );
    let s = one(&plain, &[both(9, "10", [19, 19, 19])]);
    assert_eq!(s.load, Load::parse("12.5", Unit::Kg).unwrap());
    assert_eq!(depth(&spec(PLANK)), hold::DEPTH);
    assert_eq!(depth(&spec(LINEAR)), 3);
}

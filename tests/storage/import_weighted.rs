#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A weighted isometric from another app: Strong and Hevy write a plank
//! with a plate as a weight beside a time and no reps. It is read as a
//! hold that keeps its load, stored, listed, exported and recorded as one.

use crate::common;

use std::time::Duration;

use common::data::{import, new_store, workouts};
use runstrong::domain::set::Work;
use runstrong::domain::{Load, Unit};
use runstrong::store::Store;

const STRONG: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2024-03-04 18:30:00,Core,20m,Copenhagen plank,1,0,0,0,40,,,
2024-03-04 18:30:00,Core,20m,Copenhagen plank,2,10,0,0,30,,,
2024-03-04 18:30:00,Core,20m,Copenhagen plank,3,12.5,,0,25.5,,,
";

const HEVY: &str = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"
\"Core\",\"17 Jan 2025, 06:07\",\"17 Jan 2025, 06:30\",\"\",\"Weighted Plank\",\"\",\"\",0,\"normal\",20,\"\",\"\",45,\"\"
";

fn load(centi: i64, unit: Unit) -> Option<Load> {
    Some(Load { centi, unit })
}

fn sets_of(store: &Store, exercise: &str) -> Vec<(Option<i64>, Option<Load>, Option<u32>)> {
    workouts(store)
        .into_iter()
        .flat_map(|w| w.sets)
        .filter(|s| s.exercise == exercise)
        .map(|s| (s.hold_ms, s.load, s.reps))
        .collect()
}

#[test]
fn strong_keeps_the_weight_of_a_timed_set_as_the_holds_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let outcome = import(&mut store, STRONG, Some(Unit::Lb));
    assert_eq!(outcome.sets, 3);
    assert_eq!(
        sets_of(&store, "Copenhagen plank"),
        [
            (Some(40_000), None, None),
            (Some(30_000), load(1000, Unit::Lb), None),
            (Some(25_500), load(1250, Unit::Lb), None),
        ]
    );
    let w = &workouts(&store)[0];
    assert!(
        w.plan[0].weighted,
        "a plan with a plate on its hold asks for the load"
    );

    // The history screen's rows read the hold with its load.
    let rows = store.session_set_rows(1).unwrap();
    let works: Vec<String> = rows.iter().map(|r| r.work.to_string()).collect();
    assert_eq!(works, ["40.0 s", "30.0 s @ 10 lb", "25.5 s @ 12.5 lb"]);

    // Records: the longest hold at any load, and the heaviest held.
    let plank = store
        .exercises()
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Copenhagen plank")
        .unwrap();
    let records = store.records(plank.id).unwrap();
    let both = &records[0];
    assert_eq!(
        both.longest_hold.as_ref().map(|r| r.value),
        Some((Duration::from_secs(40), None))
    );
    assert_eq!(
        both.heaviest_hold.as_ref().map(|r| r.value),
        Some((
            Load {
                centi: 1250,
                unit: Unit::Lb
            },
            Duration::from_millis(25_500)
        ))
    );
}

#[test]
fn hevy_keeps_the_weight_of_a_timed_set_as_the_holds_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(&mut store, HEVY, None);
    assert_eq!(
        sets_of(&store, "Weighted Plank"),
        [(Some(45_000), load(2000, Unit::Kg), None)]
    );
    let rows = store.session_set_rows(1).unwrap();
    assert_eq!(
        rows[0].work,
        Work::Hold {
            held: Duration::from_secs(45),
            load: load(2000, Unit::Kg)
        }
    );
}

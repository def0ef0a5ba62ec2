//! What to do today: the store's walk over an exercise's last sessions, on
//! a real file, and `runstrong next` as a user runs it, in both formats.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;

use crate::common::cli::run_ok;
use assert_cmd::Command;
use common::data::fixture_path;
use common::routine;
use common::store::{L, R, at, hold, kg, log, reps, scratch};
use runstrong::domain::set::SetType;
use runstrong::store::Store;

const DORSI: usize = 0;
const LUNGE: usize = 3;
const PLANK: usize = 6;

/// Three finished sessions of the runners' routine a week apart: the
/// dorsiflexion climbs to the top of its range, the left lunge trails, the
/// plank holds 5 s longer each time. Returns the store and the last session's id.
fn three_weeks(path: &Path) -> (Store, i64) {
    let mut store = Store::open(path).unwrap();
    let mut last = 0;
    for (week, top, held) in [(0, 18, 31_000), (1, 19, 36_000), (2, 20, 41_000)] {
        let start = week * 7 * 24 * 60;
        let s = store.start_session(&routine(), at(start)).unwrap();
        for n in 1..=3 {
            log(
                &store,
                &s,
                DORSI,
                n,
                None,
                reps(top, kg("10")),
                start + n as i64,
            );
        }
        for n in 1..=3 {
            let m = start + 10 + n as i64;
            log(&store, &s, LUNGE, n, L, reps(8, None), m);
            log(&store, &s, LUNGE, n, R, reps(11, None), m);
        }
        for n in 1..=2 {
            let m = start + 20 + n as i64;
            log(&store, &s, PLANK, n, L, hold(held), m);
            log(&store, &s, PLANK, n, R, hold(held - 500), m);
        }
        store.finish_session(s.id, at(start + 30), None).unwrap();
        last = s.id;
    }
    (store, last)
}

#[test]
fn the_walk_reads_the_newest_sessions_live_working_sets_only() {
    let (_dir, path) = scratch();
    let (mut store, last) = three_weeks(&path);
    let raw = rusqlite::Connection::open(&path).unwrap();
    // In the newest session: the first set becomes a warm-up, the second is
    // corrected to 21 reps, the third deleted.
    let ids: Vec<i64> = raw
        .prepare("SELECT id FROM set_log WHERE session_id = ?1 AND exercise_id = (SELECT id FROM exercise WHERE name = 'Weighted dorsiflexion') ORDER BY id")
        .unwrap()
        .query_map([last], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    raw.execute(
        "UPDATE set_log SET set_type = 'warmup' WHERE id = ?1",
        [ids[0]],
    )
    .unwrap();
    store
        .correct_set(ids[1], &reps(21, kg("10")), at(40_000))
        .unwrap();
    store.delete_set(ids[2], at(40_001)).unwrap();

    let past = store.recent_sessions("weighted DORSIFLEXION", 2).unwrap();
    assert_eq!(past.len(), 2);
    let reps_of = |i: usize| -> Vec<Option<u32>> { past[i].sets.iter().map(|s| s.reps).collect() };
    assert_eq!(reps_of(0), [Some(21)]);
    assert_eq!(reps_of(1), [Some(19); 3]);
    assert!(past[0].at > past[1].at);
    assert!(
        past.iter()
            .flat_map(|p| &p.sets)
            .all(|s| s.set_type == SetType::Normal)
    );

    let lunge = store.recent_sessions("Lunge", 1).unwrap();
    let sides: Vec<_> = lunge[0].sets.iter().map(|s| (s.side, s.reps)).collect();
    assert_eq!(sides[..2], [(L, Some(8)), (R, Some(11))]);
    assert!(store.recent_sessions("Never done", 3).unwrap().is_empty());
    assert_eq!(
        store.last_routine().unwrap().as_deref(),
        Some("Strength for runners")
    );
}

#[test]
fn an_imported_history_is_read_the_same_way() {
    let (_dir, path) = scratch();
    let mut store = Store::open(&path).unwrap();
    let text = std::fs::read_to_string(fixture_path("hevy_kg.csv")).unwrap();
    let (_, import) = runstrong::interchange::parse(&text, None, None, &chrono::Utc).unwrap();
    store.import(&import, &mut |_| {}).unwrap();
    let bench = store.recent_sessions("Bench Press (Barbell)", 5).unwrap();
    // The warm-up, failure and drop sets of the file are left out.
    assert_eq!(bench.len(), 1);
    let sets: Vec<_> = bench[0]
        .sets
        .iter()
        .map(|s| {
            (
                s.reps,
                s.load.map(|l| l.to_string()),
                s.rpe.map(|r| r.value()),
            )
        })
        .collect();
    assert_eq!(sets, [(Some(5), Some("80 kg".into()), Some(8.0))]);
}

fn runstrong(db: &Path, config: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runstrong"));
    cmd.env("RUNSTRONG_DB", db)
        .env("RUNSTRONG_CONFIG_DIR", config)
        .env("TZ", "UTC")
        .arg("next");
    cmd
}

#[test]
fn next_prints_every_suggestion_with_its_reason() {
    let (dir, path) = scratch();
    three_weeks(&path).0.close().unwrap();
    let table = run_ok(&mut runstrong(&path, dir.path()));
    assert!(
        table.starts_with("Strength for runners: next session, "),
        "{table}"
    );
    for line in [
        "  3 × 15 @ 11.25 kg     +1.25 kg: all 3×20 done last time",
        // Short of the routine's 10 reps: 10 again, left first.
        "  L 4 × 10              10 reps: last time 8, 8, 8 (ceiling 15); left first, with a set more: it trails right by 27% (8 vs 11 reps a set at BW)",
        "  R 3 × 12              12 reps: last time 11, 11, 11 (ceiling 15); after left",
        "  L 2 × 45 s            +5 s: every hold reached 40 s last time",
        "  3 × 20                first time: pick a load for 20-25 reps",
    ] {
        assert!(table.contains(line), "{line:?} not in\n{table}");
    }
}

#[test]
fn next_as_json_names_every_field() {
    let (dir, path) = scratch();
    three_weeks(&path).0.close().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[plates]\nkg = [2.5, 1.25]\nbar = 5\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("routines")).unwrap();
    std::fs::write(
        dir.path().join("routines/calves.toml"),
        "name = \"Calves\"\n[[exercises]]\nname = \"Weighted dorsiflexion\"\nkind = \"reps\"\nsides = \"both\"\nsets = 3\nreps = 15\nbar = true\nwarmup = [[50, 10]]\nprogression = { rule = \"double\", reps = [15, 20], step = 2.5 }\n",
    )
    .unwrap();
    let text =
        run_ok(runstrong(&path, dir.path()).args(["--routine", "calves", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["routine"], "Calves");
    assert_eq!(doc["week"], serde_json::Value::Null);
    let ex = &doc["exercises"][0];
    assert_eq!(ex["rule"], "double");
    // A 5 kg bar: 12.5 kg is 2.5 and 1.25 a side; the warm-up's 6.25 kg
    // cannot be made, so it is the empty bar.
    let s = &ex["suggestions"][0];
    assert_eq!(
        (&s["sets"], &s["reps"], &s["load"], &s["unit"]),
        (&3.into(), &15.into(), &12.5.into(), &"kg".into())
    );
    assert_eq!(s["reason"], "+2.5 kg: all 3×20 done last time");
    assert_eq!(
        s["plates"],
        serde_json::json!({"makeable": true, "unit": "kg", "bar": 5.0, "per_side": [2.5, 1.25], "nearest": []})
    );
    assert_eq!(
        ex["warmup"],
        serde_json::json!([{"reps": 10, "load": 5.0, "unit": "kg"}])
    );
}

#[test]
fn a_session_under_way_is_not_taken_for_last_time() {
    let (dir, path) = scratch();
    let (mut store, _) = three_weeks(&path);
    let before = run_ok(&mut runstrong(&path, dir.path()));
    // Today's session has begun: one side of one lunge is logged.
    let today = store
        .start_session(&routine(), at(3 * 7 * 24 * 60))
        .unwrap();
    log(
        &store,
        &today,
        LUNGE,
        1,
        R,
        reps(12, None),
        3 * 7 * 24 * 60 + 1,
    );
    store.close().unwrap();
    let during = run_ok(&mut runstrong(&path, dir.path()));
    assert_eq!(during, before, "the plan is still the one for today");
}

#[test]
fn an_unknown_routine_is_refused_with_the_known_ones() {
    let (dir, path) = scratch();
    three_weeks(&path).0.close().unwrap();
    let out = runstrong(&path, dir.path())
        .args(["--routine", "legs"])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("no routine named \"legs\"; known: Strength for runners"),
        "{err}"
    );
}

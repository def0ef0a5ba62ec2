#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `runstrong history` end to end: every format, empty and missing databases.

use crate::common;

use chrono::{Datelike, Days, Utc};
use common::cli::{history, logged, stdout};
use common::fixture::{self, DORSIFLEXION, PLANK, hold, kg, reps};
use runstrong::domain::set::Side;

#[test]
fn json_nests_weeks_sessions_and_sets() {
    let db = logged();
    let a = history(&db.path, &["--weeks", "3", "--format", "json"]).success();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let weeks = doc["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 3);
    assert_eq!(doc["target"], 2);
    assert_eq!(weeks[0]["totals"]["sessions"], 2);
    assert_eq!(weeks[0]["met"], true);
    assert_eq!(weeks[1]["totals"]["sessions"], 0, "a missed week is listed");
    assert_eq!(weeks[1]["sessions"].as_array().unwrap().len(), 0);
    assert_eq!(weeks[2]["totals"]["load_moved_kg"], 200.0);
    let set = &weeks[2]["sessions"][0]["sets"][0];
    assert_eq!(set["exercise"], "Weighted dorsiflexion");
    assert_eq!(
        (
            set["reps"].clone(),
            set["load"].clone(),
            set["unit"].clone()
        ),
        (10.into(), 20.0.into(), "kg".into())
    );
    assert!(set["side"].is_null() && set["held_seconds"].is_null());
    let plank = &weeks[2]["sessions"][0]["sets"][1];
    assert_eq!(
        (plank["side"].clone(), plank["held_seconds"].clone()),
        ("left".into(), 30.0.into())
    );
    let started = weeks[2]["sessions"][0]["started_at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(started).is_ok(),
        "{started}"
    );
}

#[test]
fn csv_rows_follow_the_detail_level() {
    let db = logged();
    let weeks = stdout(
        &history(
            &db.path,
            &["--weeks", "3", "--format", "csv", "--detail", "weeks"],
        )
        .success(),
    );
    let lines: Vec<_> = weeks.lines().collect();
    assert!(lines[0].starts_with("week_start,iso_week,starts_at,ends_at,target,met,sessions,sets"));
    assert_eq!(lines.len(), 4);
    assert!(lines[2].contains(",2,false,0,0,0,0,0"), "{}", lines[2]);

    let sets = stdout(&history(&db.path, &["--weeks", "3", "--format", "csv"]).success());
    assert_eq!(sets.lines().count(), 1 + 5);
    assert!(
        sets.lines()
            .any(|l| l.contains(",Copenhagen plank,1,left,,,,30,")),
        "{sets}"
    );

    let sessions =
        stdout(&history(&db.path, &["--format", "csv", "--detail", "sessions"]).success());
    assert_eq!(sessions.lines().count(), 1 + 3);
    assert!(sessions.contains(",Strength for runners,"));
}

#[test]
fn table_marks_met_and_missed_weeks() {
    let db = logged();
    let out = stdout(&history(&db.path, &["--weeks", "3"]).success());
    let weeks: Vec<_> = out.lines().filter(|l| l.starts_with("20")).collect();
    assert_eq!(weeks.len(), 3, "{out}");
    assert!(weeks[0].contains("2/2 met"), "{out}");
    assert!(weeks[1].contains("0/2 missed"), "{out}");
    assert!(
        out.contains("10 × 20 kg") && out.contains("30.0 s"),
        "{out}"
    );
}

#[test]
fn the_week_under_way_is_to_go_not_missed() {
    let mut db = fixture::empty();
    let two_weeks_ago = Utc::now() - Days::new(14);
    db.session(two_weeks_ago, &[(DORSIFLEXION, None, reps(10, kg("20")))]);
    let out = stdout(&history(&db.path, &["--weeks", "3"]).success());
    let weeks: Vec<_> = out.lines().filter(|l| l.starts_with("20")).collect();
    assert_eq!(weeks.len(), 3, "{out}");
    assert!(weeks[0].contains("0/2 to go"), "{out}");
    assert!(weeks[1].contains("0/2 missed"), "{out}");
    assert!(
        weeks[2].contains("1/2 ") && !weeks[2].contains("missed"),
        "{out}"
    );
}

#[test]
fn exercise_filter_and_unknown_exercise() {
    let db = logged();
    let out = stdout(
        &history(
            &db.path,
            &[
                "--weeks",
                "3",
                "--format",
                "csv",
                "--exercise",
                "copenhagen plank",
            ],
        )
        .success(),
    );
    assert_eq!(out.lines().count(), 1 + 2, "{out}");
    let a = history(&db.path, &["--exercise", "squat"]).failure();
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        err.contains("no exercise named \"squat\"") && err.contains("Lunge"),
        "{err}"
    );
}

#[test]
fn since_lists_every_week_from_that_date_but_none_before_the_first_session() {
    let db = logged();
    let weeks_from = |weeks_ago: u64| {
        let since = (Utc::now() - Days::new(7 * weeks_ago))
            .date_naive()
            .to_string();
        let args = ["--since", &since, "--format", "csv", "--detail", "weeks"];
        stdout(&history(&db.path, &args).success()).lines().count() - 1
    };
    assert_eq!(weeks_from(1), 2);
    // The first session was two weeks ago: the weeks before it were never missed.
    assert_eq!(weeks_from(5), 3);
    let table = stdout(&history(&db.path, &["--weeks", "12"]).success());
    assert_eq!(table.matches("missed").count(), 1, "{table}");
    history(&db.path, &["--since", "2026-01-01", "--weeks", "3"]).failure();
}

#[test]
fn zero_and_absurd_week_counts_are_refused_with_the_range() {
    let db = logged();
    for weeks in ["0", "5201", "99999999", "x"] {
        let out = history(&db.path, &["--weeks", weeks]).failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains("--weeks"), "{weeks}: {stderr}");
        assert!(out.get_output().stdout.is_empty(), "{weeks}");
    }
}

#[test]
fn an_empty_database_lists_no_weeks_in_any_format() {
    let db = fixture::empty();
    let json = stdout(&history(&db.path, &["--weeks", "2", "--format", "json"]).success());
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["weeks"].as_array().unwrap().len(), 0);
    let csv = stdout(&history(&db.path, &["--weeks", "2", "--format", "csv"]).success());
    assert_eq!(csv.lines().count(), 1, "only the header");
    let table = stdout(&history(&db.path, &["--weeks", "2"]).success());
    assert!(!table.contains("missed"), "{table}");
}

#[test]
fn a_missing_database_is_an_error_and_no_file_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    for format in ["table", "csv", "json"] {
        let a = history(&path, &["--format", format]).failure();
        let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
        assert!(err.contains("no such database"), "{err}");
        assert!(a.get_output().stdout.is_empty());
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing created"
    );
}

#[test]
fn reads_a_database_another_connection_is_writing() {
    let mut db = logged();
    // The app holds the file open in WAL mode with a write not yet checkpointed.
    db.session(Utc::now(), &[(DORSIFLEXION, None, reps(5, kg("5")))]);
    let json = stdout(
        &history(
            &db.path,
            &["--weeks", "1", "--format", "json", "--detail", "weeks"],
        )
        .success(),
    );
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["weeks"][0]["totals"]["sessions"], 3);
}

#[test]
fn sets_carry_their_rpe_and_note_in_every_format() {
    let mut db = fixture::empty();
    let (_, ids) = db.session(Utc::now(), &[(DORSIFLEXION, None, reps(10, kg("20")))]);
    let rpe = runstrong::domain::set::Rpe::from_value(8.5);
    db.store
        .annotate_set(ids[0], rpe, Some("slow, heavy"))
        .unwrap();
    let a = history(&db.path, &["--weeks", "1", "--format", "json"]).success();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let set = &doc["weeks"][0]["sessions"][0]["sets"][0];
    assert_eq!(
        (
            set["rpe"].clone(),
            set["notes"].clone(),
            set["type"].clone()
        ),
        (8.5.into(), "slow, heavy".into(), "normal".into())
    );
    let csv = stdout(
        &history(
            &db.path,
            &["--weeks", "1", "--format", "csv", "--detail", "sets"],
        )
        .success(),
    );
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",corrected,rpe,notes,type,distance,distance_unit,duration_seconds"),
        "{csv}"
    );
    assert!(csv.contains(",8.5,\"slow, heavy\",normal,,"), "{csv}");
    let table = stdout(&history(&db.path, &["--weeks", "1", "--detail", "sets"]).success());
    assert!(table.contains("10 × 20 kg @8.5 · slow, heavy"), "{table}");
}

#[test]
fn warm_up_drop_and_failure_sets_say_so_in_every_format() {
    let mut db = fixture::empty();
    // Written and read in UTC, as the command is run: no machine zone.
    let at = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S");
    let csv = format!(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
{at},Legs,45m,Squat,W,60,8,0,0,,,
{at},Legs,45m,Squat,1,100,5,0,0,,,
{at},Legs,45m,Squat,D,80,10,0,0,,,
{at},Legs,45m,Running,1,0,0,5.2,1800,,,
"
    );
    let (_, import) =
        runstrong::interchange::parse(&csv, None, Some(runstrong::domain::Unit::Kg), &chrono::Utc)
            .unwrap();
    db.store.import(&import, &mut |_| {}).unwrap();
    let json = stdout(&history(&db.path, &["--weeks", "1", "--format", "json"]).success());
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: Vec<_> = doc["weeks"][0]["sessions"][0]["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["warmup", "normal", "drop", "normal"]);
    let run = &doc["weeks"][0]["sessions"][0]["sets"][3];
    assert_eq!(
        (
            run["distance"].clone(),
            run["distance_unit"].clone(),
            run["duration_seconds"].clone()
        ),
        (5.2.into(), "km".into(), 1800.0.into())
    );
    let csv = stdout(&history(&db.path, &["--weeks", "1", "--format", "csv"]).success());
    let ends: Vec<Vec<&str>> = csv
        .lines()
        .map(|l| l.rsplitn(5, ',').take(4).collect())
        .collect();
    assert_eq!(
        ends[0],
        ["duration_seconds", "distance_unit", "distance", "type"]
    );
    assert_eq!(ends[1], ["", "", "", "warmup"]);
    assert_eq!(ends[4], ["1800", "km", "5.2", "normal"]);
    let table = stdout(&history(&db.path, &["--weeks", "1"]).success());
    assert!(table.contains("#1W") && table.contains("#1D"), "{table}");
    assert!(table.contains("· 5.2 km"), "{table}");
}

/// Every set is read with its replaced and deleted versions in one pass:
/// only live sets are listed, a correction (even twice over) in its first
/// version's place and marked, and a session whose sets were all deleted
/// is not listed.
#[test]
fn every_set_lists_live_versions_in_place_and_marks_corrections() {
    let mut db = logged();
    let monday = {
        let now = Utc::now();
        (now - Days::new(u64::from(now.weekday().num_days_from_monday()))).date_naive()
    };
    let at = |hour| monday.and_hms_opt(hour, 0, 0).unwrap().and_utc();
    let (_, ids) = db.session(
        at(2),
        &[
            (DORSIFLEXION, None, reps(10, kg("20"))),
            (DORSIFLEXION, None, reps(9, kg("20"))),
            (PLANK, Some(Side::Left), hold(30_000)),
        ],
    );
    let (_, gone) = db.session(at(3), &[(DORSIFLEXION, None, reps(1, kg("20")))]);
    let mut edit = |old, work| match db.store.correct_set(old, &work, at(4)).unwrap() {
        runstrong::domain::correction::Correction::Replaced { new, .. } => new,
        other => panic!("{other:?}"),
    };
    let once = edit(ids[0], reps(11, kg("20")));
    let twice = edit(once, reps(12, kg("20")));
    db.store.delete_set(ids[2], at(4)).unwrap();
    db.store.delete_set(gone[0], at(4)).unwrap();

    let a = history(&db.path, &["--weeks", "1", "--format", "json"]).success();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let sessions = doc["weeks"][0]["sessions"].as_array().unwrap();
    assert_eq!(
        sessions.len(),
        3,
        "the session with no live set is left out"
    );
    let sets: Vec<_> = sessions[2]["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_i64().unwrap(),
                s["reps"].clone(),
                s["corrected"].clone(),
            )
        })
        .collect();
    assert_eq!(
        sets,
        [
            (twice, 12.into(), true.into()),
            (ids[1], 9.into(), false.into())
        ]
    );
    assert_eq!(sessions[2]["totals"]["reps"], 21);
    assert_eq!(doc["weeks"][0]["totals"]["sets"], 5);
}

//! What real exports hold (issue 11): Strong's quirks by layout and language,
//! FitNotes, bounds and cut files, Hevy's set numbers, newer exports that
//! complete older ones, cardio as its own kind; and a corrected imported set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::data::{bad_rows, fixture, import, new_store, parse, workouts};
use common::work::kg;
use runstrong::domain::{Kind, Unit};
use runstrong::interchange::{DistanceUnit, Format, ImportError, SetType};

#[test]
fn a_corrected_imported_set_keeps_its_place_in_history_and_export() {
    use runstrong::domain::set::Work;
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(&mut store, &fixture("strong_12col.csv"), Some(Unit::Kg));
    // Every set of an imported workout has its start for a time.
    let rows = store.session_set_rows(1).unwrap();
    let order = |rows: &[runstrong::domain::history::SetRow]| -> Vec<(String, u32)> {
        rows.iter()
            .map(|r| (r.exercise.to_string(), r.set_number))
            .collect()
    };
    let before = order(&rows);
    let at = chrono::Utc::now();
    let fewer = |reps| Work::Reps {
        reps,
        load: kg("60"),
    };
    let first = store.correct_set(rows[0].id, &fewer(7), at).unwrap();
    let runstrong::domain::correction::Correction::Replaced { new, .. } = first else {
        panic!("{first:?}")
    };
    store.correct_set(new, &fewer(6), at).unwrap();

    let rows = store.session_set_rows(1).unwrap();
    assert_eq!(order(&rows), before, "corrected twice, still first");
    assert_eq!(rows[0].work, fewer(6));
    let exported = &workouts(&store)[0].sets;
    assert_eq!((exported[0].reps, exported[0].load), (Some(6), kg("60")));
    let exported: Vec<_> = exported.iter().map(|s| s.exercise.as_str()).collect();
    assert_eq!(
        exported,
        ["Squat (Barbell)"; 5]
            .into_iter()
            .chain(["Plank"; 2])
            .collect::<Vec<_>>(),
        "an export keeps each exercise's sets together"
    );
    let from = chrono::DateTime::UNIX_EPOCH;
    let listed = store.sessions_with_sets(from, at, None).unwrap();
    assert_eq!(order(&listed[0].1), before);
}

#[test]
fn strong_semicolons_with_a_unit_on_empty_distances() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let outcome = import(&mut store, &fixture("strong_semicolon_mi_dot.csv"), None);
    assert_eq!((outcome.sessions, outcome.sets), (1, 5));
    let sets = &workouts(&store)[0].sets;
    assert_eq!(
        (sets[0].hold_ms, sets[0].distance, sets[1].distance),
        (Some(60_000), None, None),
        "mi. beside no distance (or 0) says nothing"
    );
    assert_eq!(sets[2].load, kg("20"));
    let distances: Vec<_> = sets[3..]
        .iter()
        .map(|s| s.distance.map(|d| (d.centi, d.unit)))
        .collect();
    assert_eq!(
        distances,
        [Some((310, DistanceUnit::Mi)), Some((200, DistanceUnit::Km))]
    );
    let rows = bad_rows(parse(&fixture("strong_semicolon_bad_units.csv"), None).unwrap_err());
    assert_eq!(
        rows,
        [
            "line 3: unknown distance unit \"yd.\" (use m, km or mi)",
            "line 4: distance \"3,1\" has no unit"
        ]
    );
}

#[test]
fn strong_all_quoted_keywords_and_pounds_stored_as_kg() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let text = fixture("strong_new_keywords.csv");
    let (_, parsed) = parse(&text, None).unwrap();
    assert_eq!(parsed.pounds, 4, "30, 22.5, 10 and 20 lb");
    assert!(parsed.rounded.is_empty(), "{:?}", parsed.rounded);
    import(&mut store, &text, None);
    let sets = &workouts(&store)[0].sets;
    let seen: Vec<_> = sets
        .iter()
        .map(|s| (s.set_type, s.set_number, s.load))
        .collect();
    assert_eq!(
        seen,
        [
            (SetType::Warmup, 1, kg("20")),
            (SetType::Normal, 1, kg("30 lb")),
            (SetType::Normal, 2, kg("22.5")),
            (SetType::Failure, 1, kg("22.5")),
            (SetType::Drop, 1, kg("22.5 lb")),
            (SetType::Warmup, 1, kg("10 lb")),
            (SetType::Normal, 1, kg("20 lb")),
        ]
    );
    let rows = bad_rows(parse(&fixture("strong_new_bad_keyword.csv"), None).unwrap_err());
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].starts_with("line 3: set order \"SUPER_SET\" is not")
            && rows[0].contains("WARM_UP")
            && rows[0].contains("DROP_SET")
            && rows[0].contains("FAILURE"),
        "the error says which keywords are read: {}",
        rows[0]
    );
}

#[test]
fn strong_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let text = fixture("strong_german.csv");
    let (format, parsed) = parse(&text, Some(Unit::Kg)).unwrap();
    assert_eq!(
        (format, parsed.language, parsed.rest_rows),
        (Format::Strong, Some("German"), 1)
    );
    let outcome = import(&mut store, &text, Some(Unit::Kg));
    assert_eq!(
        (outcome.sessions, outcome.sets),
        (2, 5),
        "Ruhezeit is no set"
    );
    let w = workouts(&store);
    assert_eq!(
        w[0].ended_at.map(|e| (e - w[0].started_at).num_minutes()),
        Some(31)
    );
    assert_eq!(
        w[1].ended_at.map(|e| (e - w[1].started_at).num_minutes()),
        Some(62)
    );
    assert_eq!(w[0].plan[0].rest_ms, 120_000);
    assert_eq!(w[0].notes.as_deref(), Some("Gut geschlafen"));
    let s = &w[0].sets;
    assert_eq!(
        (s[1].reps, s[1].load, s[1].rpe),
        (Some(3), kg("62.5"), Some(8.0))
    );
    assert_eq!(s[1].notes.as_deref(), Some("Gürtel, eng"));
    assert_eq!((s[2].hold_ms, s[2].reps), (Some(45_000), None));
    assert_eq!(w[1].sets[0].set_type, SetType::Warmup);
    assert_eq!(
        parse(&text, None).unwrap_err(),
        ImportError::NeedsUnit,
        "Gewicht names no unit"
    );
    let rows = bad_rows(parse(&fixture("strong_german_bad.csv"), Some(Unit::Kg)).unwrap_err());
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].starts_with("line 3: duration \"31 Minuten\""),
        "{}",
        rows[0]
    );
}

#[test]
fn fitnotes_one_session_per_date_with_units_per_row_and_timed_sets() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let text = fixture("fitnotes.csv");
    assert_eq!(parse(&text, None).unwrap().0, Format::Fitnotes);
    let outcome = import(&mut store, &text, None);
    assert_eq!((outcome.sessions, outcome.sets), (2, 7));
    let w = workouts(&store);
    assert_eq!(
        (w[0].routine.as_str(), w[0].started_at.to_rfc3339()),
        ("FitNotes", "2024-09-16T00:00:00+00:00".to_string()),
        "a date without a time is its midnight"
    );
    let s = &w[0].sets;
    let seen: Vec<_> = s.iter().map(|s| (s.set_number, s.reps, s.load)).collect();
    assert_eq!(
        seen[..3],
        [
            (1, Some(8), kg("60")),
            (2, Some(6), kg("62.5")),
            (1, Some(12), kg("25 lb"))
        ]
    );
    assert_eq!(
        (s[3].hold_ms, s[4].hold_ms, s[4].set_number),
        (Some(90_000), Some(45_000), 2)
    );
    assert_eq!((w[1].sets[0].reps, w[1].sets[0].load), (Some(10), None));
    let run = &w[1].sets[1];
    assert_eq!(
        run.distance.map(|d| (d.centi, d.unit)),
        Some((500, DistanceUnit::Km))
    );
    let again = import(&mut store, &text, None);
    assert_eq!((again.sessions, again.skipped), (0, 2));
    let rows = bad_rows(parse(&fixture("fitnotes_bad.csv"), None).unwrap_err());
    let lines: Vec<&str> = rows.iter().map(|r| &r[..6]).collect();
    assert_eq!(lines, ["line 3", "line 4", "line 5"]);
    assert!(rows[0].contains("\"stone\""), "{}", rows[0]);
}

#[test]
fn numbers_beyond_what_the_app_holds_are_bad_rows_by_line() {
    let rows = bad_rows(parse(&fixture("strong_out_of_range.csv"), Some(Unit::Kg)).unwrap_err());
    let lines: Vec<&str> = rows.iter().map(|r| r.split(':').next().unwrap()).collect();
    assert_eq!(
        lines,
        [
            "line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10"
        ],
        "{rows:#?}"
    );
    assert!(rows[0].contains("2500000000 h"), "no panic: {}", rows[0]);
    assert!(rows[1].contains("more than 1000 kg"), "{}", rows[1]);
    assert!(rows[3].contains("more than 500"), "{}", rows[3]);
}

#[test]
fn a_newer_export_completes_the_sessions_an_older_one_brought() {
    use runstrong::domain::set::Work;
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(
        &mut store,
        &fixture("strong_older_export.csv"),
        Some(Unit::Kg),
    );
    // The Pull session is corrected in runstrong: an import leaves it be.
    let pull = store.session_set_rows(3).unwrap();
    let fewer = Work::Reps {
        reps: 9,
        load: kg("60"),
    };
    store
        .correct_set(pull[0].id, &fewer, chrono::Utc::now())
        .unwrap();
    let before = workouts(&store);

    let newer = fixture("strong_newer_export.csv");
    let (_, parsed) = parse(&newer, Some(Unit::Kg)).unwrap();
    let preview = store.preview_import(&parsed).unwrap();
    let outcome = store.import(&parsed, &mut |_| {}).unwrap();
    assert_eq!(preview, outcome, "a dry run says what the import does");
    assert_eq!(
        (outcome.sessions, outcome.sets),
        (1, 1),
        "the Deadlift session is new"
    );
    assert_eq!(
        (outcome.completed, outcome.completed_sets),
        (1, 2),
        "Legs gains its third squat and the plank"
    );
    assert_eq!(
        (outcome.skipped, outcome.kept_sets, outcome.kept_edited),
        (1, 1, 1),
        "Push has every set the file has, and one more; Pull was corrected"
    );
    let after = workouts(&store);
    let legs: Vec<_> = after[0]
        .sets
        .iter()
        .map(|s| (s.exercise.as_str(), s.set_number, s.load))
        .collect();
    assert_eq!(
        legs,
        [
            ("Squat (Barbell)", 1, kg("100")),
            ("Squat (Barbell)", 2, kg("100")),
            ("Squat (Barbell)", 3, kg("105")),
            ("Plank", 1, None),
        ]
    );
    let plan: Vec<&str> = after[0].plan.iter().map(|p| p.exercise.as_str()).collect();
    assert_eq!(plan, ["Squat (Barbell)", "Plank"]);
    assert_eq!(after[1], before[1], "Push keeps its third set");
    assert_eq!(after[2], before[2], "Pull is as corrected");

    let again = store.import(&parsed, &mut |_| {}).unwrap();
    assert_eq!(
        (again.sessions, again.completed, again.skipped),
        (0, 0, 3),
        "a completed session is then whole"
    );
    let db = rusqlite::Connection::open(dir.path().join("runstrong.db")).unwrap();
    let summaries: (f64, i64, i64) = db
        .query_row(
            "SELECT (SELECT sum(kg_centi) / 100.0 FROM session_chart WHERE session_id = 1),
                    (SELECT sum(sets) FROM session_chart WHERE session_id = 1),
                    (SELECT count(*) FROM live_set WHERE session_id = 1)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        summaries,
        (1525.0, summaries.2, summaries.2),
        "volume and records count the added sets"
    );
}

#[test]
fn cardio_is_its_own_kind_out_of_hold_totals_and_records() {
    use runstrong::domain::set::Work;
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(&mut store, &fixture("strong_cardio.csv"), Some(Unit::Kg));
    let kinds: Vec<(String, Kind)> = store
        .exercises()
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Copenhagen plank".to_string(), Kind::Hold),
            ("Running".to_string(), Kind::Cardio),
            ("Walking".to_string(), Kind::Cardio),
        ],
        "a run without its distance, and two hours of walking, are cardio too"
    );
    let rows = store.session_set_rows(1).unwrap();
    assert_eq!(
        rows[0].work,
        Work::Cardio {
            time: std::time::Duration::from_secs(1991)
        }
    );
    assert_eq!(
        format!("{}{}", rows[0].work, rows[0].remarks()),
        "33:11 · 5 km · 6:38 /km",
        "shown as time, distance and pace"
    );
    let from = chrono::DateTime::UNIX_EPOCH;
    let sessions = store
        .sessions_with_sets(from, chrono::Utc::now(), None)
        .unwrap();
    let held: Vec<u64> = sessions
        .iter()
        .map(|(s, _)| s.totals.held.as_secs())
        .collect();
    assert_eq!(held, [45, 0], "only the plank is time held");
    let running = store.exercises().unwrap();
    let running = running.iter().find(|e| e.name == "Running").unwrap();
    let records = store.records(running.id).unwrap();
    assert!(
        records.iter().all(|r| r.longest_hold.is_none()),
        "{records:?}"
    );
    // Exported and read back, cardio stays cardio.
    let exported = workouts(&store);
    let dir2 = tempfile::tempdir().unwrap();
    let mut copy = new_store(&dir2);
    let mut writer = runstrong::interchange::CsvWriter::begin(Vec::new()).unwrap();
    for w in &exported {
        writer.session(w, &chrono::Utc).unwrap();
    }
    let csv = String::from_utf8(writer.finish().unwrap()).unwrap();
    import(&mut copy, &csv, None);
    assert_eq!(workouts(&copy)[0].sets, exported[0].sets);
    let running = copy.exercises().unwrap();
    assert_eq!(
        running.iter().find(|e| e.name == "Running").map(|e| e.kind),
        Some(Kind::Cardio),
        "the CSV carries cardio back"
    );
}

//! Imports of small Strong and Hevy files, one per layout and quirk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::data::{fixture, import, new_store, parse, snapshot, workouts};
use runstrong::domain::{Kind, Load, Unit};
use runstrong::interchange::{DistanceUnit, Format, ImportError, SetType};

fn kg(centi: i64) -> Option<Load> {
    Some(Load {
        centi,
        unit: Unit::Kg,
    })
}

fn lb(centi: i64) -> Option<Load> {
    Some(Load {
        centi,
        unit: Unit::Lb,
    })
}

#[test]
fn strong_twelve_columns_keep_quotes_types_holds_rest_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let text = fixture("strong_12col.csv");
    let (format, parsed) = parse(&text, Some(Unit::Kg)).unwrap();
    assert_eq!(format, Format::Strong);
    assert_eq!((parsed.rest_rows, parsed.note_rows), (1, 1));
    assert_eq!(parsed.rounded.len(), 1);
    assert_eq!(
        (parsed.rounded[0].line, parsed.rounded[0].kept.as_str()),
        (4, "150 kg")
    );

    let outcome = import(&mut store, &text, Some(Unit::Kg));
    assert_eq!(
        (outcome.sessions, outcome.sets, outcome.skipped),
        (2, 10, 0)
    );
    let w = workouts(&store);
    let leg = &w[0];
    assert_eq!(leg.routine, "Leg day");
    assert_eq!(
        leg.source_key.as_deref(),
        Some("2024-03-04 18:30:00|Leg day")
    );
    assert_eq!(
        leg.ended_at.map(|e| (e - leg.started_at).num_minutes()),
        Some(63)
    );
    assert_eq!(
        leg.notes.as_deref(),
        Some("Felt strong, slept well\nSquat (Barbell): Knees out, chest up")
    );
    assert_eq!(
        leg.plan[0].rest_ms, 180_000,
        "the rest-timer row is the plan's rest"
    );
    let types: Vec<SetType> = leg.sets.iter().map(|s| s.set_type).collect();
    assert_eq!(
        types[..5],
        [
            SetType::Warmup,
            SetType::Normal,
            SetType::Normal,
            SetType::Drop,
            SetType::Failure
        ]
    );
    let numbers: Vec<u32> = leg.sets[..5].iter().map(|s| s.set_number).collect();
    assert_eq!(
        numbers,
        [1, 1, 2, 1, 1],
        "normal sets as numbered; the others counted among their kind"
    );
    assert_eq!(leg.sets[0].reps, Some(8), "8.0 reps are 8");
    assert_eq!(leg.sets[1].notes.as_deref(), Some("Belt on, \"tight\""));
    assert_eq!(
        leg.sets[2].notes.as_deref(),
        Some("first line\nsecond line")
    );
    assert_eq!((leg.sets[2].load, leg.sets[2].rpe), (kg(15000), Some(9.5)));
    assert_eq!(
        (leg.sets[5].hold_ms, leg.sets[5].reps),
        (Some(60_000), None),
        "timed set is a hold"
    );
    let run = &w[1].sets[2];
    assert_eq!(
        (
            run.hold_ms,
            run.duration_ms,
            run.distance.map(|d| (d.centi, d.unit))
        ),
        (None, Some(1_800_000), Some((520, DistanceUnit::Km))),
        "a timed set that went a distance is cardio, not a hold"
    );
    assert_eq!(
        parsed.assumed_distance_unit,
        Some(DistanceUnit::Km),
        "the file names no distance unit, and the report says what was assumed"
    );
    let in_pounds = parse(&text, Some(Unit::Lb)).unwrap().1;
    assert_eq!(in_pounds.assumed_distance_unit, Some(DistanceUnit::Mi));
}

#[test]
fn strong_ten_columns_in_pounds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let outcome = import(&mut store, &fixture("strong_10col.csv"), Some(Unit::Lb));
    assert_eq!((outcome.sessions, outcome.sets), (1, 4));
    let sets = &workouts(&store)[0].sets;
    assert_eq!(sets[1].load, lb(22500));
    assert_eq!(sets[2].rpe, Some(8.5));
    assert_eq!(
        (sets[3].reps, sets[3].load),
        (Some(10), None),
        "weight 0 is bodyweight"
    );
    let parsed = parse(&fixture("strong_10col.csv"), Some(Unit::Lb))
        .unwrap()
        .1;
    assert_eq!(
        parsed.assumed_distance_unit, None,
        "no distances, nothing assumed"
    );
}

#[test]
fn strong_semicolons_with_units_changing_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    // Units are in the file: --unit is not needed.
    let outcome = import(&mut store, &fixture("strong_semicolon_units.csv"), None);
    assert_eq!((outcome.sessions, outcome.sets), (1, 4));
    let w = &workouts(&store)[0];
    assert_eq!(w.notes.as_deref(), Some("Hotel gym, mostly dumbbells"));
    assert_eq!((w.sets[0].load, w.sets[1].load), (kg(2000), lb(4500)));
    let distances: Vec<_> = w.sets[2..]
        .iter()
        .map(|s| s.distance.map(|d| (d.centi, d.unit)))
        .collect();
    assert_eq!(
        distances,
        [Some((250, DistanceUnit::Km)), Some((150, DistanceUnit::Mi))],
        "2,5 is a decimal comma"
    );
    let parsed = parse(&fixture("strong_semicolon_units.csv"), None)
        .unwrap()
        .1;
    assert_eq!(
        parsed.assumed_distance_unit, None,
        "the file names its units"
    );
}

#[test]
fn strong_newer_all_quoted_layout() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let outcome = import(&mut store, &fixture("strong_new_quoted.csv"), None);
    assert_eq!((outcome.sessions, outcome.sets), (2, 5));
    let w = workouts(&store);
    assert_eq!(
        w[0].routine, "Morning; early",
        "a quoted delimiter stays in the name"
    );
    assert_eq!(
        w[0].ended_at.map(|e| (e - w[0].started_at).num_seconds()),
        Some(3780)
    );
    assert_eq!(w[0].sets[1].load, kg(2250));
    assert_eq!(w[0].sets[1].notes.as_deref(), Some("each leg; slow"));
    assert_eq!(w[0].sets[2].hold_ms, Some(30_000));
    assert_eq!(
        w[0].sets[3].distance.map(|d| (d.centi, d.unit)),
        Some((160_934, DistanceUnit::M))
    );
    let exercises = store.exercises().unwrap();
    let plank = exercises
        .iter()
        .find(|e| e.name == "Copenhagen plank")
        .unwrap();
    assert_eq!(
        plank.kind,
        Kind::Hold,
        "an exercise seen only as timed sets is created as a hold"
    );
}

#[test]
fn hevy_in_kilograms_with_notes_set_types_and_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let text = fixture("hevy_kg.csv");
    assert_eq!(parse(&text, None).unwrap().0, Format::Hevy);
    let outcome = import(&mut store, &text, None);
    assert_eq!((outcome.sessions, outcome.sets), (2, 7));
    let push = &workouts(&store)[0];
    assert_eq!(
        push.ended_at.map(|e| (e - push.started_at).num_minutes()),
        Some(65)
    );
    let types: Vec<SetType> = push.sets[..4].iter().map(|s| s.set_type).collect();
    assert_eq!(
        types,
        [
            SetType::Warmup,
            SetType::Normal,
            SetType::Failure,
            SetType::Drop
        ]
    );
    assert_eq!(
        (
            push.sets[1].set_number,
            push.sets[1].load,
            push.sets[1].duration_ms
        ),
        (1, kg(8000), None),
        "the first working set after a warm-up is #1"
    );
    assert_eq!(push.sets[3].rpe, Some(9.5));
    assert_eq!(
        (push.sets[4].hold_ms, push.sets[4].reps),
        (Some(45_000), None)
    );
    assert_eq!(
        push.notes.as_deref(),
        Some(
            "Good session, new PR\nBench Press (Barbell): Grip: medium, elbows in\nPlank: Line one\nline two\nDips: Real\nnewline"
        ),
        "commas, a literal \\n and a real newline all survive"
    );
}

#[test]
fn hevy_in_pounds_rounds_float_noise_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let text = fixture("hevy_lbs.csv");
    let (_, parsed) = parse(&text, None).unwrap();
    assert_eq!(parsed.rounded.len(), 1);
    assert_eq!(parsed.rounded[0].written, "225.00000000000003");
    import(&mut store, &text, None);
    let w = &workouts(&store)[0];
    assert_eq!((w.sets[0].load, w.sets[1].load), (lb(22500), lb(24500)));
    assert_eq!(
        w.sets[2].distance.map(|d| (d.centi, d.unit)),
        Some((150, DistanceUnit::Mi))
    );
}

#[test]
fn exercise_names_match_case_insensitively() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(&mut store, &fixture("hevy_kg.csv"), None);
    let text = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n2025-03-01 10:00:00,A,bench press (barbell),1,50,5\n";
    let outcome = import(&mut store, text, Some(Unit::Kg));
    assert!(
        outcome.new_exercises.is_empty(),
        "{:?}",
        outcome.new_exercises
    );
    assert_eq!(
        workouts(&store)[2].sets[0].exercise,
        "Bench Press (Barbell)"
    );
}

#[test]
fn a_second_import_of_the_same_file_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    for name in ["strong_12col.csv", "hevy_kg.csv"] {
        let first = import(&mut store, &fixture(name), Some(Unit::Kg));
        assert!(first.sessions > 0);
        let before = snapshot(&store);
        let second = import(&mut store, &fixture(name), Some(Unit::Kg));
        assert_eq!(
            (second.sessions, second.sets, second.skipped),
            (0, 0, first.sessions),
            "{name}"
        );
        assert!(second.new_exercises.is_empty());
        assert_eq!(snapshot(&store), before);
    }
}

#[test]
fn dry_run_predicts_the_import_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(&mut store, &fixture("strong_10col.csv"), Some(Unit::Kg));
    let before = snapshot(&store);
    let (_, parsed) = parse(&fixture("strong_12col.csv"), Some(Unit::Kg)).unwrap();
    let preview = store.preview_import(&parsed).unwrap();
    assert_eq!(snapshot(&store), before);
    assert_eq!(preview, store.import(&parsed, &mut |_| {}).unwrap());
}

#[test]
fn an_empty_file_is_refused_and_a_header_only_file_adds_nothing() {
    assert_eq!(
        parse(&fixture("empty.csv"), Some(Unit::Kg)).unwrap_err(),
        ImportError::Empty
    );
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let outcome = import(&mut store, &fixture("strong_header_only.csv"), None);
    assert_eq!((outcome.sessions, outcome.sets), (0, 0));
}

#[test]
fn a_file_without_units_needs_unit_and_is_never_guessed() {
    assert_eq!(
        parse(&fixture("strong_12col.csv"), None).unwrap_err(),
        ImportError::NeedsUnit
    );
}

#[test]
fn bad_rows_are_all_reported_by_line_and_nothing_is_imported() {
    let err = parse(&fixture("strong_bad_rows.csv"), Some(Unit::Kg)).unwrap_err();
    let ImportError::BadRows(rows) = &err else {
        panic!("{err}")
    };
    let lines: Vec<&str> = rows.iter().map(|r| r.at.as_str()).collect();
    assert_eq!(
        lines,
        ["line 3", "line 4", "line 5", "line 7", "line 8", "line 9"],
        "line 5 starts a two-line row"
    );
    assert!(rows[0].reason.contains("\"heavy\""), "{}", rows[0].reason);
}

#[test]
fn a_rejection_lists_twenty_rows_then_counts_the_rest() {
    let mut text = String::from("Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n");
    for _ in 0..25 {
        text.push_str("2024-01-01 10:00:00,A,Squat,1,lots,5\n");
    }
    let message = parse(&text, Some(Unit::Kg)).unwrap_err().to_string();
    assert!(
        message.starts_with("25 bad row(s); nothing was imported"),
        "{message}"
    );
    assert!(message.contains("line 21: weight \"lots\""));
    assert!(!message.contains("line 22:"));
    assert!(message.ends_with("... and 5 more"), "{message}");
}

#[test]
fn unknown_layouts_are_refused_with_the_missing_columns() {
    assert_eq!(
        parse("a,b\n1,2\n", None).unwrap_err(),
        ImportError::UnknownFormat
    );
    let text = "Date,Exercise Name,Set Order\n2024-01-01 10:00:00,Squat,1\n";
    assert_eq!(
        parse(text, None).unwrap_err(),
        ImportError::MissingColumns(vec!["workout name".into()])
    );
}

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
        load: kg(6000),
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
    assert_eq!((exported[0].reps, exported[0].load), (Some(6), kg(6000)));
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

fn bad_rows(err: ImportError) -> Vec<String> {
    let ImportError::BadRows(rows) = &err else {
        panic!("{err}")
    };
    rows.iter().map(ToString::to_string).collect()
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
    assert_eq!(sets[2].load, kg(2000));
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
            (SetType::Warmup, 1, kg(2000)),
            (SetType::Normal, 1, lb(3000)),
            (SetType::Normal, 2, kg(2250)),
            (SetType::Failure, 1, kg(2250)),
            (SetType::Drop, 1, lb(2250)),
            (SetType::Warmup, 1, lb(1000)),
            (SetType::Normal, 1, lb(2000)),
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
        (Some(3), kg(6250), Some(8.0))
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
            (1, Some(8), kg(6000)),
            (2, Some(6), kg(6250)),
            (1, Some(12), lb(2500))
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
fn a_file_cut_inside_a_quoted_field_is_refused() {
    let rows = bad_rows(parse(&fixture("strong_cut_quote.csv"), None).unwrap_err());
    assert_eq!(rows, ["line 3: unterminated quoted field"]);
}

#[test]
fn hevy_numbers_working_sets_apart_from_warm_ups() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    import(&mut store, &fixture("hevy_set_numbers.csv"), None);
    let numbers: Vec<String> = workouts(&store)[0]
        .sets
        .iter()
        .map(|s| format!("{}{}", s.set_number, s.set_type.letter()))
        .collect();
    assert_eq!(numbers, ["1W", "1", "2", "1D", "1", "1W", "2"]);
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
        load: kg(6000),
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
            ("Squat (Barbell)", 1, kg(10000)),
            ("Squat (Barbell)", 2, kg(10000)),
            ("Squat (Barbell)", 3, kg(10500)),
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

/// `runstrong --db DB ARGS` with times read in `tz`.
fn runstrong(db: &std::path::Path, tz: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TZ", tz)
        .env_remove("RUNSTRONG_DB")
        .output()
        .unwrap()
}

fn said(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const STRONG_HEADER: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";

/// `workouts` Strong workouts of ten squat sets, one a day from 2024, then
/// `tail` rows.
fn many_workouts(workouts: u64, tail: &str) -> String {
    let mut text = String::from(STRONG_HEADER);
    let first = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for day in 0..workouts {
        let date = first + chrono::Days::new(day);
        for set in 1..=10 {
            text.push_str(&format!(
                "{date} 18:00:00,Legs,45m,Squat,{set},100,5,0,0,,,\n"
            ));
        }
    }
    text + tail
}

#[test]
fn a_bad_row_after_many_workouts_refuses_the_file_and_changes_nothing() {
    use common::data::dump;
    use common::store::sidecars;
    let dir = tempfile::tempdir().unwrap();
    // Rows 2 to 3,001 are good; 3,002 and 3,004 are not.
    let tail = "2033-01-01 18:00:00,Legs,45m,Squat,1,heavy,5,0,0,,,\n\
                2033-01-01 18:00:00,Legs,45m,Squat,2,100,5,0,0,,,\n\
                2033-01-01 18:00:00,Legs,45m,Squat,3,100,five,0,0,,,\n";
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, many_workouts(300, tail)).unwrap();
    let args = ["import", file.to_str().unwrap(), "--unit", "kg"];
    let refusal = |db: &std::path::Path| {
        let out = runstrong(db, "UTC", &args);
        let (stdout, stderr) = said(&out);
        assert!(!out.status.success() && stdout.is_empty(), "{stdout}");
        assert!(
            stderr.contains("2 bad row(s); nothing was imported")
                && stderr.contains("line 3002: weight \"heavy\" is not a number")
                && stderr.contains("line 3004: reps"),
            "{stderr}"
        );
    };

    // A new database, in a folder the import would make: neither is left.
    let new = dir.path().join("new").join("runstrong.db");
    refusal(&new);
    assert!(
        !dir.path().join("new").exists(),
        "a refused file left files"
    );

    // An existing one: row for row as it was, in WAL mode as ever.
    let old = imported_by_the_binary(dir.path());
    let before = dump(&old);
    refusal(&old);
    assert_eq!(dump(&old), before);
    assert_eq!(sidecars(&old), Vec::<std::path::PathBuf>::new());
    let mode: String = rusqlite::Connection::open(&old)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");

    // The same rows, good, all land.
    std::fs::write(&file, many_workouts(300, "")).unwrap();
    let (stdout, stderr) = said(&runstrong(&new, "UTC", &args));
    assert!(
        stdout.contains("added 300 sessions (3000 sets)"),
        "{stdout}{stderr}"
    );
}

/// `old.db` in `dir`, with the 12-column Strong fixture imported.
fn imported_by_the_binary(dir: &std::path::Path) -> std::path::PathBuf {
    let old = dir.join("old.db");
    let fixture = fixture_path_str("strong_12col.csv");
    let out = runstrong(&old, "UTC", &["import", &fixture, "--unit", "kg"]);
    assert!(out.status.success(), "{:?}", said(&out));
    old
}

fn fixture_path_str(name: &str) -> String {
    common::data::fixture_path(name).display().to_string()
}

/// Plank logged as holds, then once with reps: reps, as two passes make it.
const KIND_BY_A_LATE_ROW: &str = "\
2025-01-01 18:00:00,A,45m,Plank,1,,,,45,,,
2025-01-01 18:00:00,A,45m,Running,1,,,5,1800,,,
2025-01-02 18:00:00,A,45m,Plank,1,20,10,,,,,
2025-01-02 18:00:00,A,45m,Running,1,,,,900,,,
2025-01-02 18:00:00,A,45m,Squat,1,100,5,,,,,
";

/// Rowing held for time first, its distance only in a later workout: its
/// first set is cardio too. And Stretch, only a rest-timer row before any
/// set of Squat.
const CARDIO_BY_A_LATE_ROW: &str = "\
2025-01-01 18:00:00,A,45m,Rowing,1,,,,600,,,
2025-01-01 18:00:00,A,45m,Stretch,Rest Timer,,,,90,,,
2025-01-02 18:00:00,A,45m,Squat,1,100,5,,,,,
2025-01-03 18:00:00,A,45m,Rowing,1,,,2,480,,,
2025-01-03 18:00:00,A,45m,Stretch,1,,,,30,,,
";

#[test]
fn kinds_a_late_row_decides_come_out_as_when_the_file_was_checked_first() {
    use common::data::dump;
    use runstrong::commands::import::{File, store_once};
    let dir = tempfile::tempdir().unwrap();
    for (name, rows, in_one_pass) in [
        ("kind", KIND_BY_A_LATE_ROW, true),
        ("cardio", CARDIO_BY_A_LATE_ROW, false),
    ] {
        let text = format!("{STRONG_HEADER}{rows}");
        let file = dir.path().join(format!("{name}.csv"));
        std::fs::write(&file, &text).unwrap();
        let one = dir.path().join(format!("{name}-one.db"));
        let out = runstrong(
            &one,
            "UTC",
            &["import", file.to_str().unwrap(), "--unit", "kg"],
        );
        assert!(out.status.success(), "{:?}", said(&out));
        // Two passes, as before: the whole file read, then stored.
        let two = dir.path().join(format!("{name}-two.db"));
        let mut store = runstrong::store::Store::open(&two).unwrap();
        import(&mut store, &text, Some(Unit::Kg));
        store.close().unwrap();
        assert_eq!(dump(&one), dump(&two), "{name}");
        // Whether one pass could do it, or the file was read again.
        let probe = dir.path().join(format!("{name}-probe.db"));
        let mut importing = runstrong::store::Store::open_import(&probe, &mut |_| {})
            .unwrap()
            .unwrap();
        let once = store_once(
            &mut importing.store,
            &File::open(&file).unwrap(),
            Format::Strong,
            Some(Unit::Kg),
            &chrono::Utc,
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(once.is_some(), in_one_pass, "{name}");
    }
    let kinds = |db: &str| -> Vec<(String, String)> {
        let conn = rusqlite::Connection::open(dir.path().join(db)).unwrap();
        let mut stmt = conn
            .prepare("SELECT name, kind FROM exercise ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        kinds("kind-one.db"),
        pairs(&[("Plank", "reps"), ("Running", "cardio"), ("Squat", "reps")])
    );
    assert_eq!(
        kinds("cardio-one.db"),
        pairs(&[("Rowing", "cardio"), ("Squat", "reps"), ("Stretch", "hold")])
    );
    let rowing: (Option<i64>, Option<i64>) =
        rusqlite::Connection::open(dir.path().join("cardio-one.db"))
            .unwrap()
            .query_row(
                "SELECT hold_ms, duration_ms FROM set_log WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
    assert_eq!(
        rowing,
        (None, Some(600_000)),
        "the first row's time is a duration"
    );
}

#[test]
fn a_refused_file_leaves_an_older_database_unupgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let at_4 = runstrong::store::migrations()
        .and_then(|m| Ok(m.to_version(&mut rusqlite::Connection::open(&db)?, 4)?));
    at_4.unwrap();
    let before = std::fs::read(&db).unwrap();
    let bad = fixture_path_str("strong_bad_rows.csv");
    let out = runstrong(&db, "UTC", &["import", &bad, "--unit", "kg"]);
    let (_, stderr) = said(&out);
    assert!(
        !out.status.success() && stderr.contains("bad row(s)"),
        "{stderr}"
    );
    assert!(!stderr.contains("upgrading"), "{stderr}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "checked before it is opened"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup made"
    );
}

#[test]
fn an_own_csv_export_reimports_as_nothing_in_another_time_zone_and_a_newer_export_completes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runstrong.db");
    let older = dir.path().join("older.csv");
    let newer = dir.path().join("newer.csv");
    let all = many_workouts(3, "");
    // The older export was made before the last set of the last workout.
    let cut = all.trim_end().rfind('\n').unwrap();
    std::fs::write(&older, &all[..=cut]).unwrap();
    std::fs::write(&newer, &all).unwrap();
    let import = |file: &std::path::Path, tz: &str| {
        let out = runstrong(&db, tz, &["import", file.to_str().unwrap(), "--unit", "kg"]);
        let (stdout, stderr) = said(&out);
        assert!(out.status.success(), "{stderr}");
        stdout
    };
    assert!(import(&older, "Asia/Tokyo").contains("added 3 sessions (29 sets)"));
    let completed = import(&newer, "Asia/Tokyo");
    assert!(
        completed.contains("completed 1 session with 1 set the database lacked")
            && completed.contains("skipped 2 sessions already in the database"),
        "{completed}"
    );
    let export = dir.path().join("export.csv");
    let out = runstrong(
        &db,
        "Asia/Tokyo",
        &[
            "export",
            "--format",
            "csv",
            "--out",
            export.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{:?}", said(&out));
    let again = import(&export, "America/Los_Angeles");
    assert!(
        again.contains("nothing new to add") && again.contains("skipped 3 sessions"),
        "{again}"
    );
}

#[test]
fn an_import_killed_part_way_loses_nothing_and_leaves_a_database_that_opens() {
    use common::data::dump;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.csv");
    std::fs::write(&file, many_workouts(3000, "")).unwrap();
    let old = imported_by_the_binary(dir.path());
    let new = dir.path().join("new.db");
    for (db, sessions) in [(&old, 2), (&new, 0)] {
        let before = db.exists().then(|| dump(db));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
            .arg("--db")
            .arg(db)
            .args(["import", file.to_str().unwrap(), "--unit", "kg"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Killed while it writes: its rollback journal is beside the file.
        let journal = std::path::PathBuf::from(format!("{}-journal", db.display()));
        let started = std::time::Instant::now();
        while !journal.exists() && started.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "killed before it finished: {status}");
        let out = runstrong(db, "UTC", &["history"]);
        assert!(out.status.success(), "{:?}", said(&out));
        let count: i64 = rusqlite::Connection::open(db)
            .unwrap()
            .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, sessions);
        if let Some(before) = before {
            assert_eq!(dump(db), before);
        }
    }
}

//! Imports of small Strong and Hevy files, one per layout and quirk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::data::{bad_rows, fixture, import, new_store, parse, snapshot, workouts};
use common::work::kg;
use runstrong::domain::{Kind, Unit};
use runstrong::interchange::{DistanceUnit, Format, ImportError, SetType};

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
    assert_eq!((leg.sets[2].load, leg.sets[2].rpe), (kg("150"), Some(9.5)));
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
    assert_eq!(sets[1].load, kg("225 lb"));
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
    assert_eq!((w.sets[0].load, w.sets[1].load), (kg("20"), kg("45 lb")));
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
    assert_eq!(w[0].sets[1].load, kg("22.5"));
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
        (1, kg("80"), None),
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
    assert_eq!(
        (w.sets[0].load, w.sets[1].load),
        (kg("225 lb"), kg("245 lb"))
    );
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

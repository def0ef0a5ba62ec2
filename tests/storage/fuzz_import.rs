//! No input makes the CSV importers panic: arbitrary text, rows built from
//! plausible and hostile field values under each real header, and values
//! drawn across their whole range (dates, durations, weights, reps), which
//! are read exactly when within the app's bounds and refused by line when
//! not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use runstrong::domain::Unit;
use runstrong::interchange::{self, Format, ImportError};
use runstrong::store::Store;

use crate::common;
use common::data::dump;

const HEADERS: [(&str, Format); 4] = [
    (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
        Format::Strong,
    ),
    (
        "Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes",
        Format::Strong,
    ),
    (
        "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"",
        Format::Strong,
    ),
    (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe",
        Format::Hevy,
    ),
];

fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2024-03-04 18:30:00".to_string()),
        Just("17 Jan 2025, 06:07".to_string()),
        Just("1h 3m".to_string()),
        Just("149.99999999999997".to_string()),
        Just("W".to_string()),
        Just("Rest Timer".to_string()),
        Just("Note".to_string()),
        Just("dropset".to_string()),
        Just("kg".to_string()),
        Just("-1e308".to_string()),
        Just("99999999999999999999".to_string()),
        Just("\"".to_string()),
        "[0-9]{1,12}(\\.[0-9]{0,20})?",
        "\\PC{0,12}",
    ]
}

fn row(width: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(field(), 0..=width + 1).prop_map(|fields| {
        fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(",")
    })
}

fn parse_any(text: &str, format: Option<Format>) {
    for unit in [None, Some(Unit::Kg)] {
        let _ = interchange::parse(text, format, unit, &Utc);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        parse_any(&text, None);
        parse_any(&text, Some(Format::Strong));
        parse_any(&text, Some(Format::Hevy));
        parse_any(&text, Some(Format::Runstrong));
    }

    #[test]
    fn values_across_their_range_are_read_or_refused_by_line(rows in prop::collection::vec(anywhere(), 1..6)) {
        match interchange::parse(&text(&rows), Some(Format::Strong), Some(Unit::Kg), &Utc) {
            Ok((_, import)) => {
                prop_assert_eq!(import.set_count(), rows.len());
                Store::empty().unwrap().import(&import, &mut |_| {}).unwrap();
            }
            Err(ImportError::BadRows(bad)) => prop_assert!(bad.iter().all(|b| b.at.starts_with("line "))),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    #[test]
    fn values_within_the_bounds_are_kept_exactly(rows in prop::collection::vec(within(), 1..6)) {
        let (_, import) = interchange::parse(&text(&rows), Some(Format::Strong), Some(Unit::Kg), &Utc).unwrap();
        let sets: Vec<_> = import.workouts.iter().flat_map(|w| &w.sets).collect();
        prop_assert_eq!(sets.len(), rows.len());
        for (d, s) in rows.iter().zip(sets) {
            prop_assert_eq!(s.load.map_or(0, |l| l.centi as u64), d.weight_centi);
            let time = s.hold_ms.or(s.duration_ms).map_or(0, |ms| ms as u64);
            prop_assert_eq!(time, d.seconds * 1000);
            prop_assert_eq!(s.reps.map_or(0, u64::from), if d.seconds > 0 && d.reps == 0 { 0 } else { d.reps });
        }
        Store::empty().unwrap().import(&import, &mut |_| {}).unwrap();
    }

    #[test]
    fn rows_under_real_headers_never_panic(which in 0..HEADERS.len(), rows in prop::collection::vec(row(14), 0..8)) {
        let (header, format) = HEADERS[which];
        let rows: Vec<String> = rows.iter().map(|r| if header.contains(';') { r.replace("\",\"", "\";\"") } else { r.clone() }).collect();
        let text = format!("{header}\n{}", rows.join("\n"));
        parse_any(&text, None);
        // Whatever the parser accepts, the database accepts: no constraint
        // of the schema is left for the import to trip over.
        if let Ok((_, import)) = interchange::parse(&text, Some(format), Some(Unit::Lb), &Utc) {
            Store::empty().unwrap().import(&import, &mut |_| {}).unwrap();
        }
    }
}

/// One set row of the 12-column Strong layout, its values drawn anywhere.
#[derive(Debug, Clone)]
struct Drawn {
    /// Seconds since 1970, anywhere chrono can date.
    at: i64,
    duration_s: u64,
    /// Whether the duration is written `1h 3m` rather than in seconds.
    spelled: bool,
    weight_centi: u64,
    reps: u64,
    seconds: u64,
    rpe_halves: u8,
}

fn drawn(max: (i64, u64, u64, u64, u64)) -> impl Strategy<Value = Drawn> {
    let (at, duration, weight, reps, seconds) = max;
    (
        -at..at,
        0..duration,
        any::<bool>(),
        0..weight,
        0..reps,
        0..seconds,
        0..=20_u8,
    )
        .prop_map(
            |(at, duration_s, spelled, weight_centi, reps, seconds, rpe_halves)| Drawn {
                at,
                duration_s,
                spelled,
                weight_centi,
                reps,
                seconds,
                rpe_halves,
            },
        )
}

/// Anywhere chrono can date, every duration, weight, rep count and time a
/// u64 holds.
fn anywhere() -> impl Strategy<Value = Drawn> {
    drawn((8_000_000_000_000, u64::MAX, u64::MAX, u64::MAX, u64::MAX))
}

/// Within the bounds: 1970 to 2100, a month long, 1000 kg, 500 reps, a day,
/// RPE 1 to 10.
fn within() -> impl Strategy<Value = Drawn> {
    drawn((4_102_444_800, 31 * 86_400 + 1, 100_001, 501, 86_401)).prop_map(|d| Drawn {
        at: d.at.abs(),
        // RPE starts at 1: half of one is none.
        rpe_halves: if d.rpe_halves == 1 { 0 } else { d.rpe_halves },
        ..d
    })
}

fn text(rows: &[Drawn]) -> String {
    let mut text = String::from(HEADERS[0].0);
    for d in rows {
        let date = DateTime::from_timestamp(d.at, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let duration = if d.spelled {
            format!("{}h {}m", d.duration_s / 3600, d.duration_s / 60 % 60)
        } else {
            d.duration_s.to_string()
        };
        let weight = format!("{}.{:02}", d.weight_centi / 100, d.weight_centi % 100);
        let rpe = match d.rpe_halves {
            0 => String::new(),
            h => format!("{}", f64::from(h) / 2.0),
        };
        text.push_str(&format!(
            "\n{date},W,{duration},Squat,1,{weight},{}.0,0,{},,,{rpe}",
            d.reps, d.seconds
        ));
    }
    text
}

/// What one row of a generated workout is.
#[derive(Debug, Clone, Copy)]
enum Line {
    Reps,
    Hold,
    Cardio,
    Rest,
    Note,
    Bad,
}

/// Exercises whose kind a later row may change, one spelled two ways.
const NAMES: [&str; 4] = ["Plank", "Run", "Squat", "plank"];

/// Workouts of rows (exercise, line) in the 12-column Strong layout: holds,
/// cardio and reps of one exercise in any order, plan-only exercises (a
/// rest or note row alone), and now and then a bad row.
fn workouts() -> impl Strategy<Value = Vec<Vec<(usize, Line)>>> {
    let line = prop_oneof![
        4 => Just(Line::Reps),
        3 => Just(Line::Hold),
        2 => Just(Line::Cardio),
        1 => Just(Line::Rest),
        1 => Just(Line::Note),
        1 => Just(Line::Bad),
    ];
    let row = (0..NAMES.len(), line);
    prop::collection::vec(prop::collection::vec(row, 1..5), 1..7)
}

fn strong_file(workouts: &[Vec<(usize, Line)>]) -> String {
    let mut text = String::from(HEADERS[0].0);
    for (day, rows) in workouts.iter().enumerate() {
        for (n, &(exercise, line)) in rows.iter().enumerate() {
            let start = format!("2025-01-{:02} 18:00:00,W,45m,{}", day + 1, NAMES[exercise]);
            let rest = match line {
                Line::Reps => format!("{},60,5,,,,,", n + 1),
                Line::Hold => format!("{},,,,45,,,", n + 1),
                Line::Cardio => format!("{},,,5,1800,,,", n + 1),
                Line::Rest => "Rest Timer,,,,90,,,".to_string(),
                Line::Note => "Note,,,,,a note,,".to_string(),
                Line::Bad => format!("{},heavy,5,,,,,", n + 1),
            };
            text.push_str(&format!("\n{start},{rest}"));
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Reading a file once and writing as it goes leaves the database as
    /// checking it whole first did: ids, kinds (decided by the last row of
    /// an exercise as much as the first), cardio sets, summaries, sessions
    /// completed; a refused file lists the same bad rows and changes
    /// nothing, and leaves no database it created.
    #[test]
    fn one_pass_stores_what_two_passes_store(
        all in workouts(),
        first in 0..3_usize,
    ) {
        use runstrong::commands::import::{self, Failed, File};
        let dir = tempfile::tempdir().unwrap();
        let (two, one) = (dir.path().join("two.db"), dir.path().join("one.db"));
        // An earlier, shorter export of the first workouts, already there.
        let earlier: Vec<Vec<(usize, Line)>> = all
            .iter()
            .take(first)
            .map(|w| w[..w.len().div_ceil(2)].to_vec())
            .filter(|w| !w.iter().any(|r| matches!(r.1, Line::Bad)))
            .collect();
        if !earlier.is_empty() {
            for db in [&two, &one] {
                let (_, parsed) = interchange::parse(&strong_file(&earlier), None, Some(Unit::Kg), &Utc).unwrap();
                Store::open(db).unwrap().import(&parsed, &mut |_| {}).unwrap();
            }
        }
        let text = strong_file(&all);
        let before = one.exists().then(|| dump(&one));
        let checked = interchange::parse(&text, None, Some(Unit::Kg), &Utc);
        let path = dir.path().join("strong.csv");
        std::fs::write(&path, &text).unwrap();
        let file = File::open(&path).unwrap();
        let mut importing = Store::open_import(&one, &mut |_| {}).unwrap().unwrap();
        let stored = import::store(&mut importing.store, &file, Format::Strong, Some(Unit::Kg), &Utc);
        match (checked, stored) {
            (Ok((_, parsed)), Ok((_, outcome))) => {
                importing.store.close().unwrap();
                let mut store = Store::open(&two).unwrap();
                prop_assert_eq!(store.import(&parsed, &mut |_| {}).unwrap(), outcome);
                store.close().unwrap();
                prop_assert_eq!(dump(&one), dump(&two));
            }
            (Err(refused), Err(Failed::Refused(said))) => {
                prop_assert_eq!(said, refused);
                importing.discard();
                match before {
                    Some(before) => prop_assert_eq!(dump(&one), before),
                    None => prop_assert!(!one.exists(), "a refused file left a new database"),
                }
            }
            (checked, stored) => prop_assert!(false, "{checked:?} against {stored:?}"),
        }
    }
}

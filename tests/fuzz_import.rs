//! No input makes the CSV importers panic: arbitrary text, and rows built
//! from plausible and hostile field values under each real header.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::Utc;
use proptest::prelude::*;
use runstrong::domain::Unit;
use runstrong::interchange::{self, Format};
use runstrong::store::Store;

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

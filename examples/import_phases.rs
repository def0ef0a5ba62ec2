//! Where an import's time goes: reads, parses, opens, stores and closes the
//! import benchmark's 100,000-row Strong CSV, timing each phase, five times.
//! The figures in docs/PERFORMANCE.md (Import) came from this and `perf`.
//!
//! cargo run --release --example import_phases [-- RUNS]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::Local;
use runstrong::domain::Unit;
use runstrong::interchange;
use runstrong::store::Store;

#[path = "../benches/data/strong_csv.rs"]
mod strong_csv;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map_or(5, |n| n.parse().expect("RUNS is a number"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, strong_csv::strong_csv()).unwrap();
    println!("phase times in ms: read, parse, open, store, close, whole");
    for run in 0..runs {
        let db = dir.path().join(format!("run-{run}.db"));
        let mut marks = vec![Instant::now()];
        let text = std::fs::read_to_string(&file).unwrap();
        marks.push(Instant::now());
        let (_, import) = interchange::parse(&text, None, Some(Unit::Kg), &Local).unwrap();
        marks.push(Instant::now());
        let mut store = Store::open(&db).unwrap();
        marks.push(Instant::now());
        let outcome = store.import(&import, &mut |_| {}).unwrap();
        marks.push(Instant::now());
        store.close().unwrap();
        marks.push(Instant::now());
        assert_eq!(outcome.sets, strong_csv::ROWS as u64);
        let ms = |d: Duration| format!("{:7.1}", d.as_secs_f64() * 1e3);
        let phases: Vec<String> = marks.windows(2).map(|w| ms(w[1] - w[0])).collect();
        let whole = marks[marks.len() - 1] - marks[0];
        println!("{} {}", phases.join(" "), ms(whole));
    }
}

//! Where an import's time goes: opens, stores (the one pass: the format
//! told, every row read, checked and written) and closes the import benchmark's
//! 100,000-row Strong CSV as `runstrong import` does, timing each phase,
//! five times. The
//! figures in docs/PERFORMANCE.md (Import) came from this and `perf`.
//!
//! cargo run --release --example import_phases [-- RUNS]
//! cargo run --release --example import_phases -- --write FILE ROWS
//!   (writes a Strong CSV of ROWS rows, for `runstrong import` under
//!   `/usr/bin/time -v`)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use runstrong::commands::import::File;
use runstrong::store::Store;

#[path = "../benches/data/strong_csv.rs"]
mod strong_csv;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file, rows] = args.as_slice()
        && flag == "--write"
    {
        let rows = rows.parse().expect("ROWS is a number");
        std::fs::write(file, strong_csv::strong_csv_rows(rows)).unwrap();
        return;
    }
    let runs: usize = args
        .first()
        .map_or(5, |n| n.parse().expect("RUNS is a number"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strong.csv");
    std::fs::write(&path, strong_csv::strong_csv()).unwrap();
    println!("phase times in ms: open, store, close, whole");
    for run in 0..runs {
        let db = dir.path().join(format!("run-{run}.db"));
        let mut marks = vec![Instant::now()];
        let file = File::open(&path).unwrap();
        let mut importing = Store::open_import(&db, &mut |_| {}).unwrap().unwrap();
        marks.push(Instant::now());
        let outcome = strong_csv::store_once(&mut importing, &file);
        marks.push(Instant::now());
        importing.store.close().unwrap();
        marks.push(Instant::now());
        assert_eq!(outcome.sets, strong_csv::ROWS as u64);
        let ms = |d: Duration| format!("{:7.1}", d.as_secs_f64() * 1e3);
        let phases: Vec<String> = marks.windows(2).map(|w| ms(w[1] - w[0])).collect();
        let whole = marks[marks.len() - 1] - marks[0];
        println!("{} {}", phases.join(" "), ms(whole));
    }
}

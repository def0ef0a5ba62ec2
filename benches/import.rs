//! Importing a 100,000-row Strong CSV (read, parse, check, store in one
//! transaction) against the `sqlite3` shell's `.import` of the same file
//! into a plain table, interleaved so both see the same disk. Each run
//! starts from an empty database; the files are made in a temp directory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use runstrong::commands::import::File;
use runstrong::store::Store;

#[path = "data/strong_csv.rs"]
mod strong_csv;

use strong_csv::{ROWS, strong_csv};

/// What `runstrong import` does: tell the file's format, open the database,
/// then read the file once, storing it a workout at a time as it is read,
/// in one transaction.
fn runstrong_import(path: &Path, db: &Path) -> Duration {
    let start = Instant::now();
    let file = File::open(path).unwrap();
    let mut importing = Store::open_import(db, &mut |_| {}).unwrap().unwrap();
    let outcome = strong_csv::store_once(&mut importing, &file);
    importing.store.close().unwrap();
    let took = start.elapsed();
    assert_eq!(outcome.sets, ROWS as u64);
    took
}

fn sqlite3_import(file: &Path, db: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new("sqlite3")
        .arg(db)
        .args(["-cmd", ".mode csv"])
        .arg(format!(".import {} plain", file.display()))
        .status()
        .unwrap();
    let took = start.elapsed();
    assert!(status.success());
    took
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, strong_csv()).unwrap();
    let mut run = 0;
    let mut fresh = |name: &str| {
        run += 1;
        dir.path().join(format!("{name}-{run}.db"))
    };
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let mut group = c.benchmark_group("import 100k rows");
    group.sample_size(10);
    group.bench_function("runstrong import", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let t = runstrong_import(&file, &fresh("runstrong"));
                    ours.push(t);
                    theirs.push(sqlite3_import(&file, &fresh("sqlite3")));
                    t
                })
                .sum()
        })
    });
    group.bench_function("sqlite3 .import", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| sqlite3_import(&file, &fresh("sqlite3")))
                .sum()
        })
    });
    group.finish();
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (a, b) = (median(&mut ours), median(&mut theirs));
    println!(
        "interleaved medians over {} runs: runstrong {a:.2?}, sqlite3 .import {b:.2?}, ratio {:.2}",
        ours.len(),
        a.as_secs_f64() / b.as_secs_f64()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);

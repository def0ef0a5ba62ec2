//! Importing a 100,000-row Strong CSV (read, parse, check, store in one
//! transaction) against the `sqlite3` shell's `.import` of the same file
//! into a plain table, interleaved so both see the same disk. Each run
//! starts from an empty database; the files are made in a temp directory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Local;
use criterion::{Criterion, criterion_group, criterion_main};
use runstrong::domain::Unit;
use runstrong::interchange;
use runstrong::store::Store;

const ROWS: usize = 100_000;
const EXERCISES: [&str; 5] = [
    "Squat (Barbell)",
    "Seated calf raise",
    "Lunge",
    "Bench Press (Barbell)",
    "Plank",
];

/// 2,000 workouts of five exercises, ten sets each, with the quirks real
/// exports have: warm-ups, float noise, quoted notes with commas, timed sets.
fn strong_csv() -> String {
    let mut text = String::from(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    for row in 0..ROWS {
        let workout = row / 50;
        let exercise = EXERCISES[row / 10 % 5];
        let set = row % 10;
        let date = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
            + chrono::Duration::days(workout as i64);
        let order = if set == 0 {
            "W".to_string()
        } else {
            set.to_string()
        };
        let (weight, reps, seconds) = match exercise {
            "Plank" => ("0".to_string(), "0", "45"),
            _ if set % 4 == 0 => ("102.49999999999999".to_string(), "8.0", "0"),
            _ => (format!("{}.5", 40 + set * 5), "8", "0"),
        };
        let note = if set == 3 { "\"felt heavy, slow\"" } else { "" };
        writeln!(
            text,
            "{date} 18:30:00,Day {},1h 3m,{exercise},{order},{weight},{reps},0,{seconds},{note},,8",
            workout % 7
        )
        .unwrap();
    }
    text
}

fn runstrong_import(file: &Path, db: &Path) -> Duration {
    let start = Instant::now();
    let text = std::fs::read_to_string(file).unwrap();
    let (_, import) = interchange::parse(&text, None, Some(Unit::Kg), &Local).unwrap();
    let mut store = Store::open(db).unwrap();
    let outcome = store.import(&import, &mut |_| {}).unwrap();
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

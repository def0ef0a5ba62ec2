//! `runstrong next` at 10k, 100k and 1M sets: the suggestion for the whole
//! built-in routine (seven exercises, each reading only the sessions its
//! rule needs), with and without a deload schedule (which also reads the
//! first session's date).
//!
//! The databases come from the generator (docs/PERFORMANCE.md):
//!   cargo run --release --example gen_history -- --sets 1000000 --out /tmp/h1m.db
//! and are named by RUNSTRONG_BENCH_DBS (comma-separated; default
//! /tmp/h10k.db,/tmp/h100k.db,/tmp/h1m.db). Missing files are skipped. Each
//! is copied first, so an older schema is migrated in the copy only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use chrono::{Local, Utc, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};

use runstrong::domain::calendar::Calendar;
use runstrong::domain::progression::{Rules, Schedule, Settings};
use runstrong::domain::{Routine, Unit};
use runstrong::store::Store;

fn bench(c: &mut Criterion) {
    let list = std::env::var("RUNSTRONG_BENCH_DBS")
        .unwrap_or_else(|_| "/tmp/h10k.db,/tmp/h100k.db,/tmp/h1m.db".into());
    let dir = tempfile::tempdir().unwrap();
    let routine = Routine::built_in().remove(0);
    let calendar = Calendar::new(Local, Weekday::Mon);
    let now = Utc::now();
    let plain = Settings::default();
    let deloads = Settings {
        schedule: Schedule {
            deload_every: Some(6),
            ..Schedule::default()
        },
        ..Settings::default()
    };
    for original in list.split(',').map(Path::new).filter(|p| p.exists()) {
        let name = original.file_stem().unwrap().to_string_lossy().to_string();
        let copy = dir.path().join(format!("{name}.db"));
        std::fs::copy(original, &copy).unwrap();
        Store::open(&copy).unwrap().close().unwrap();
        let store = Store::open_reader(&copy).unwrap();
        for (label, settings) in [("routine", &plain), ("routine_with_deloads", &deloads)] {
            let rules = Rules {
                settings: settings.clone(),
                unit: Unit::Kg,
            };
            c.bench_function(&format!("{name}/next_{label}"), |b| {
                b.iter(|| {
                    black_box(
                        store
                            .plan_next(&routine, &rules, &calendar, now, None)
                            .unwrap(),
                    )
                })
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);

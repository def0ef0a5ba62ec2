//! What the summaries cost on a large history: the progress chart of one
//! exercise over every span the screen offers, its records, and a
//! correction, a deletion and their undos of a recent set, each timed
//! `RUNS` times (median and slowest). Opens (and so upgrades) the file: run
//! it on a copy.
//!
//! cargo run --release --example summary_costs -- DB [RUNS]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::{Days, Utc};
use runstrong::domain::set::Work;
use runstrong::store::Store;

fn timed(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[runs - 1])
}

fn show(what: &str, (median, slowest): (Duration, Duration)) {
    println!("{what:40} median {median:>10.2?}  slowest {slowest:>10.2?}");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = std::path::PathBuf::from(&args[0]);
    let runs: usize = args.get(1).map_or(21, |n| n.parse().unwrap());
    let start = Instant::now();
    let mut store = Store::open(&path).unwrap();
    println!("open (with any upgrade): {:.2?}", start.elapsed());
    let lunge = store
        .exercises()
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Lunge")
        .unwrap()
        .id;
    let now = Utc::now();
    let first = store.first_session_start().unwrap().unwrap();
    for (name, days) in [("month", 31), ("year", 365), ("all time", 0)] {
        let from = if days == 0 {
            first
        } else {
            now.checked_sub_days(Days::new(days)).unwrap()
        };
        let bucket = ((now - from).num_seconds() as f64 / 86_400.0 / 160.0).max(1.0);
        let points = store.progress(lunge, from, now, bucket).unwrap().len();
        show(
            &format!("progress, {name} ({points} points)"),
            timed(runs, || {
                store.progress(lunge, from, now, bucket).unwrap();
            }),
        );
    }
    show(
        "records",
        timed(runs, || {
            store.records(lunge).unwrap();
        }),
    );
    let last = store
        .sessions_with_sets(now - chrono::Duration::days(30), now, Some(lunge))
        .unwrap();
    let (_, sets) = last.last().expect("a Lunge session in the last 30 days");
    let set = sets.last().unwrap();
    let mut id = set.id;
    let work = match set.work {
        Work::Reps { reps, load } => Work::Reps {
            reps: reps + 1,
            load,
        },
        w => w,
    };
    show(
        "correct a set, then undo",
        timed(runs, || {
            let c = store.correct_set(id, &work, Utc::now()).unwrap();
            store.undo(c, Utc::now()).unwrap();
        }),
    );
    show(
        "correct a set (alone)",
        timed(runs, || {
            let c = store.correct_set(id, &work, Utc::now()).unwrap();
            if let runstrong::domain::correction::Correction::Replaced { new, .. } = c {
                id = new;
            }
        }),
    );
    show(
        "delete a set, then undo",
        timed(runs, || {
            let c = store.delete_set(id, Utc::now()).unwrap();
            store.undo(c, Utc::now()).unwrap();
        }),
    );
}

//! Committing one confirmed set: `Store::insert_set` against a bare rusqlite
//! insert of one row in its own transaction, on a file beside it with the
//! same pragmas. Both pay one WAL fsync per commit (`synchronous=FULL`).
//!
//! fsync time swings tenfold with what other processes write to the disk,
//! so the two are interleaved: every iteration commits one of each, timing
//! only its own. Every commit is also recorded, and the end prints the
//! median and slowest single commit of each from those paired records.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use runstrong::domain::set::Work;
use runstrong::domain::time::to_db;
use runstrong::domain::{Load, NewSet, Routine, Unit};
use runstrong::store::{self, Store};
use rusqlite::{Connection, params};

const BARE_TABLE: &str = "CREATE TABLE set_log (id INTEGER PRIMARY KEY, session_id INTEGER, exercise_id INTEGER,
    set_number INTEGER, side TEXT, reps INTEGER, load_centi INTEGER, load_unit TEXT, hold_ms INTEGER,
    duration_ms INTEGER, logged_at TEXT, rpe REAL, notes TEXT)";
const BARE_INSERT: &str =
    "INSERT INTO set_log (session_id, exercise_id, set_number, side, reps, load_centi,
    load_unit, hold_ms, duration_ms, logged_at, rpe, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// The two databases side by side, with every commit's time.
struct Pair {
    store: Store,
    set: NewSet,
    bare: Connection,
    store_times: Vec<Duration>,
    bare_times: Vec<Duration>,
}

impl Pair {
    fn new(dir: &std::path::Path) -> Pair {
        let mut store = Store::open(&dir.join("runstrong.db")).unwrap();
        let routine = Routine::built_in().into_iter().next().unwrap();
        let session = store.start_session(&routine, Utc::now()).unwrap();
        let set = NewSet {
            session_id: session.id,
            exercise_id: session.plan[0].exercise_id,
            set_number: 1,
            side: None,
            work: Work::Reps {
                reps: 15,
                load: Some(Load {
                    centi: 2250,
                    unit: Unit::Kg,
                }),
            },
            duration: Some(Duration::from_millis(41_250)),
            rpe: None,
            note: None,
            logged_at: Utc::now(),
            set_type: runstrong::domain::set::SetType::Normal,
        };
        let bare = Connection::open(dir.join("bare.db")).unwrap();
        store::configure(&bare).unwrap();
        bare.execute(BARE_TABLE, []).unwrap();
        Pair {
            store,
            set,
            bare,
            store_times: Vec::new(),
            bare_times: Vec::new(),
        }
    }

    fn commit_store(&mut self) -> Duration {
        let start = Instant::now();
        self.store.insert_set(&self.set).unwrap();
        let took = start.elapsed();
        self.store_times.push(took);
        took
    }

    fn commit_bare(&mut self) -> Duration {
        let set = &self.set;
        let start = Instant::now();
        let tx = self.bare.transaction().unwrap();
        tx.prepare_cached(BARE_INSERT)
            .unwrap()
            .execute(params![
                set.session_id,
                set.exercise_id,
                1,
                None::<&str>,
                15,
                2250,
                "kg",
                None::<i64>,
                41_250,
                to_db(set.logged_at),
                None::<f64>,
                None::<&str>
            ])
            .unwrap();
        tx.commit().unwrap();
        let took = start.elapsed();
        self.bare_times.push(took);
        took
    }
}

/// `iters` rounds of an untimed commit to one file, then a timed one to the other.
fn interleaved(
    pair: &mut Pair,
    iters: u64,
    other: fn(&mut Pair) -> Duration,
    timed: fn(&mut Pair) -> Duration,
) -> Duration {
    (0..iters)
        .map(|_| {
            other(pair);
            timed(pair)
        })
        .sum()
}

/// Median, 99th percentile and slowest of a run of commit times.
fn median_and_worst(times: &mut [Duration]) -> (Duration, Duration, Duration) {
    times.sort_unstable();
    let n = times.len();
    (times[n / 2], times[n * 99 / 100], times[n - 1])
}

fn commit_a_set(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut pair = Pair::new(dir.path());
    let mut group = c.benchmark_group("commit one set");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("Store::insert_set", |b| {
        b.iter_custom(|iters| interleaved(&mut pair, iters, Pair::commit_bare, Pair::commit_store))
    });
    group.bench_function("bare rusqlite insert", |b| {
        b.iter_custom(|iters| interleaved(&mut pair, iters, Pair::commit_store, Pair::commit_bare))
    });
    group.finish();

    let (store_median, store_p99, store_worst) = median_and_worst(&mut pair.store_times);
    let (bare_median, bare_p99, bare_worst) = median_and_worst(&mut pair.bare_times);
    println!(
        "every commit, interleaved ({} of each):",
        pair.store_times.len()
    );
    println!(
        "  Store::insert_set     median {store_median:?}, p99 {store_p99:?}, slowest {store_worst:?}"
    );
    println!(
        "  bare rusqlite insert  median {bare_median:?}, p99 {bare_p99:?}, slowest {bare_worst:?}"
    );
    println!(
        "  ratio of medians {:.2}, of p99 {:.2}",
        store_median.as_secs_f64() / bare_median.as_secs_f64(),
        store_p99.as_secs_f64() / bare_p99.as_secs_f64()
    );
}

criterion_group!(benches, commit_a_set);
criterion_main!(benches);

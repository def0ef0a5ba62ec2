//! Generates a realistic, reproducible history for benchmarks and manual
//! testing: the built-in runners' routine, both sides, rep sets and holds,
//! slow progress, a weaker left side, and missed weeks.
//!
//! cargo run --release --example gen_history -- --sets 1000000 --out /tmp/big.db [--seed 7]
//!
//! History is laid down backwards from the current week until `--sets` sets
//! exist, so the newest weeks are always full. Below about 240,000 sets the
//! routine is used as is (31 sets a session, about 4 sessions a week); above,
//! sets per exercise grow so that the history spans at most about 40 years.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{DateTime, Days, Utc};

use runstrong::domain::calendar::Calendar;
use runstrong::domain::set::Work;
use runstrong::domain::{Kind, Load, NewSet, Routine, Side, Unit};
use runstrong::store::{Result, Store};

/// Sessions in 40 years at the generator's average of 3.8 a week.
const SESSIONS_IN_40_YEARS: f64 = 40.0 * 52.0 * 3.8;

struct Args {
    sets: u64,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> std::result::Result<Args, String> {
    let mut args = Args {
        sets: 100_000,
        out: PathBuf::new(),
        seed: 7,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--sets" => args.sets = value.parse().map_err(|e| format!("--sets: {e}"))?,
            "--out" => args.out = PathBuf::from(value),
            "--seed" => args.seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("usage: gen_history --sets N --out PATH [--seed S]".into());
    }
    if args.out.exists() {
        return Err(format!("{} exists; pick a new path", args.out.display()));
    }
    Ok(args)
}

/// splitmix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Start and end load (kg) over the whole span, and the unit the person uses.
fn load_range(name: &str) -> (f64, f64, Unit) {
    match name {
        "Weighted dorsiflexion" => (4.0, 16.0, Unit::Lb),
        "Seated calf raise" => (20.0, 80.0, Unit::Kg),
        "Standing calf raise" => (20.0, 100.0, Unit::Kg),
        "Lunge" | "Single-leg deadlift" => (8.0, 40.0, Unit::Kg),
        _ => (0.0, 24.0, Unit::Kg),
    }
}

/// A load rounded to what a gym has: 2.5 kg or 5 lb steps; light is bodyweight.
fn plate(kg: f64, unit: Unit) -> Option<Load> {
    let (step, per_kg) = match unit {
        Unit::Kg => (2.5, 1.0),
        Unit::Lb => (5.0, 2.204_622_621_8),
    };
    let steps = (kg * per_kg / step).round();
    (steps >= 1.0).then_some(Load {
        centi: (steps * step * 100.0) as i64,
        unit,
    })
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| generate(&a).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_history: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(args: &Args) -> Result<()> {
    let mut routine = Routine::built_in()
        .into_iter()
        .next()
        .ok_or_else(|| runstrong::store::StoreError::BadValue("no built-in routine".into()))?;
    let rows_per_session: u32 = routine
        .exercises
        .iter()
        .map(|e| {
            e.sets
                * if e.sides == runstrong::domain::Sides::Each {
                    2
                } else {
                    1
                }
        })
        .sum();
    let scale = (args.sets as f64 / (SESSIONS_IN_40_YEARS * f64::from(rows_per_session)))
        .ceil()
        .max(1.0) as u32;
    for ex in &mut routine.exercises {
        ex.sets *= scale;
    }
    let span_weeks = (args.sets as f64 / (3.8 * f64::from(rows_per_session * scale))).max(1.0);
    let mut rng = Rng(args.seed);
    let mut store = Store::open(&args.out)?;
    let now = Utc::now();
    let local = Calendar::new(chrono::Local, chrono::Weekday::Mon);
    let this_monday = local.bounds(local.week_of(now)).start;
    let mut written = 0u64;
    let mut week = 0u64;
    while written < args.sets {
        let monday = this_monday - Days::new(7 * week);
        let progress = (1.0 - week as f64 / span_weeks).clamp(0.0, 1.0);
        week += 1;
        // About one week in sixteen is missed: travel, illness, a race.
        if rng.below(16) == 0 {
            continue;
        }
        let sessions = 2 + rng.below(4);
        for day in 0..sessions {
            let start = monday
                + chrono::Duration::days((day * 7 / sessions) as i64)
                + chrono::Duration::minutes(17 * 60 + rng.below(180) as i64);
            if start >= now || written >= args.sets {
                continue;
            }
            let budget = args.sets - written;
            written += log_session(&mut store, &routine, start, progress, &mut rng, budget)?;
        }
    }
    println!("{}: {written} sets over {week} weeks", args.out.display());
    Ok(())
}

/// Logs one session of `routine` starting at `start`, its sets in one
/// transaction; returns the sets written.
fn log_session(
    store: &mut Store,
    routine: &Routine,
    start: DateTime<Utc>,
    progress: f64,
    rng: &mut Rng,
    budget: u64,
) -> Result<u64> {
    let session = store.start_session(routine, start)?;
    store.batch(|store| {
        let mut at = start;
        let mut written = 0;
        for (planned, spec) in session.plan.iter().zip(&routine.exercises) {
            let (low, high, unit) = load_range(&spec.name);
            for set_number in 1..=planned.sets {
                for &side in planned.sides_list() {
                    if written >= budget {
                        store.finish_session(session.id, at, None)?;
                        return Ok(written);
                    }
                    // One-sided work: the left leg lags a few percent.
                    let weak = if side == Some(Side::Left) { 0.96 } else { 1.0 };
                    let wobble = 0.9 + 0.2 * rng.unit();
                    let work = match spec.kind {
                        Kind::Hold => {
                            let secs = (20.0 + 70.0 * progress) * weak * wobble;
                            Work::hold(Duration::from_millis((secs * 1000.0) as u64))
                        }
                        // Routines hold no cardio.
                        Kind::Reps | Kind::Cardio => {
                            let target = i64::from(spec.reps.unwrap_or(10));
                            let reps = (target - 2 + rng.below(5) as i64).max(1) as u32;
                            Work::Reps {
                                reps,
                                load: plate((low + (high - low) * progress) * weak * wobble, unit),
                            }
                        }
                    };
                    at += chrono::Duration::seconds(45 + rng.below(90) as i64);
                    store.insert_set(&NewSet {
                        session_id: session.id,
                        exercise_id: planned.exercise_id,
                        set_number,
                        side,
                        work,
                        duration: Some(Duration::from_secs(20 + rng.below(40))),
                        rpe: None,
                        note: None,
                        logged_at: at,
                        set_type: runstrong::domain::set::SetType::Normal,
                    })?;
                    written += 1;
                }
            }
        }
        store.finish_session(session.id, at, None)?;
        Ok(written)
    })
}

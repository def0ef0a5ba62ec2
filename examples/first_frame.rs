//! Measures the app's start: from spawning the release binary in a
//! pseudo-terminal to its home screen on that terminal, on a given database,
//! in the three states a start can find it in.
//!
//! cargo build --release && cargo run --release --example first_frame -- DB [RUNS]
//!
//! - clean: the app was quit normally before;
//! - after kill -9: the app started a session and was killed, leaving a WAL;
//! - after import: `runstrong import` added a workout just before.
//!
//! Each run works on a copy of DB, so the file itself is never changed.
//! Prints the median and the slowest run of each, in milliseconds.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const HOME: &str = "History and progress";

fn binary() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/runstrong")
}

/// Starts the app on `db`; returns how long its home screen took. Then
/// types `then` and, 0.8 s later, kills it if it is still running.
fn start(db: &Path, then: &[u8]) -> Result<Duration, String> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| e.to_string())?;
    let mut cmd = CommandBuilder::new(binary());
    cmd.arg("--db");
    cmd.arg(db);
    cmd.env("TERM", "xterm-256color");
    let began = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    let mut writer = pair.master.take_writer().map_err(|e| e.to_string())?;
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let new = || {
            vt100::Parser::new(
                NonZeroU16::MIN.saturating_add(23),
                NonZeroU16::MIN.saturating_add(79),
                0,
            )
        };
        let mut screen = new();
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            screen.process(&buf[..n]);
            if screen.screen().contents().contains(HOME) {
                let _ = tx.send(Instant::now());
                screen = new();
            }
        }
    });
    let drawn = rx
        .recv_timeout(Duration::from_secs(20))
        .map_err(|_| "no home screen".to_string())?;
    writer.write_all(then).map_err(|e| e.to_string())?;
    thread::sleep(Duration::from_millis(800));
    // SIGKILL, as a crash would (portable-pty's kill sends SIGHUP first,
    // which the app answers with a clean exit).
    if let Some(pid) = child.process_id() {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    let _ = child.wait();
    Ok(drawn - began)
}

fn copy(db: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(db, to).map(|_| ()).map_err(|e| e.to_string())
}

fn measure(db: &Path, dir: &Path, case: &str, runs: usize) -> Result<Vec<Duration>, String> {
    let work = dir.join(format!("{case}.db"));
    let mut times = Vec::new();
    for _ in 0..runs {
        copy(db, &work)?;
        match case {
            // Enter starts a session (a write), then the kill.
            "after kill -9" => {
                start(&work, b"\r")?;
            }
            "after import" => {
                let csv = dir.join("one.csv");
                std::fs::write(
                    &csv,
                    "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,Distance,Seconds,Notes,Workout Notes\n\
                     2020-01-06 18:00:00,Legs,Squat,1,60,kg,5,0,0,,\n",
                )
                .map_err(|e| e.to_string())?;
                let out = Command::new(binary())
                    .arg("--db")
                    .arg(&work)
                    .arg("import")
                    .arg(&csv)
                    .output()
                    .map_err(|e| e.to_string())?;
                if !out.status.success() {
                    return Err(String::from_utf8_lossy(&out.stderr).into_owned());
                }
            }
            _ => {}
        }
        // `q` on the home screen quits cleanly.
        times.push(start(&work, b"q")?);
    }
    times.sort();
    Ok(times)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(db) = args.first().map(PathBuf::from) else {
        eprintln!("usage: first_frame DB [RUNS]");
        return ExitCode::FAILURE;
    };
    let runs = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(10);
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary directory");
        return ExitCode::FAILURE;
    };
    for case in ["clean", "after kill -9", "after import"] {
        match measure(&db, dir.path(), case, runs) {
            Ok(times) => println!(
                "{case:>14}: median {:6.1} ms, slowest {:6.1} ms ({runs} runs)",
                times[times.len() / 2].as_secs_f64() * 1e3,
                times[times.len() - 1].as_secs_f64() * 1e3
            ),
            Err(e) => {
                eprintln!("{case}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

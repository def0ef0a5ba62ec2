//! History at 10k, 100k and 1M sets: the first drawn frame of the week list
//! (from opening the database), opening a progress chart, and one frame.
//!
//! The databases come from the generator (docs/PERFORMANCE.md):
//!   cargo run --release --example gen_history -- --sets 1000000 --out /tmp/h1m.db
//! and are named by RUNSTRONG_BENCH_DBS (comma-separated; default
//! /tmp/h10k.db,/tmp/h100k.db,/tmp/h1m.db). Missing files are skipped.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use chrono::{Local, Weekday};
use runstrong::app::{
    Clock, Effect, Executor, Msg, Settings, State, StoreExecutor, SystemClock, history, step,
};
use runstrong::domain::Routine;
use runstrong::domain::calendar::Calendar;
use runstrong::store::Store;

/// Carries out `effects` and everything that follows from them, as the loop does.
fn settle(executor: &mut StoreExecutor, state: &mut State, effects: Vec<Effect>) {
    let answers: Vec<Msg> = effects
        .into_iter()
        .flat_map(|e| executor.execute(e, SystemClock.now()))
        .collect();
    step(state, answers, &SystemClock, executor);
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &State) {
    let _ = terminal.draw(|f| runstrong::ui::draw(f, state));
}

/// Opens the store as the app does, opens the week list and draws it.
fn first_frame(path: &Path, terminal: &mut Terminal<TestBackend>) -> (StoreExecutor, State) {
    let Ok(store) = Store::open(path) else {
        panic!("cannot open {}", path.display())
    };
    let mut executor = StoreExecutor::new(store, Calendar::new(Local, Weekday::Mon));
    let mut state = State::new(
        SystemClock.now(),
        Settings::default(),
        Routine::built_in(),
        Local,
    );
    let effects = history::open(&mut state);
    settle(&mut executor, &mut state, effects);
    draw(terminal, &state);
    (executor, state)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn bench(c: &mut Criterion) {
    let list = std::env::var("RUNSTRONG_BENCH_DBS")
        .unwrap_or_else(|_| "/tmp/h10k.db,/tmp/h100k.db,/tmp/h1m.db".into());
    for db in list.split(',').map(Path::new) {
        if !db.exists() {
            eprintln!("skipping {}: no such file", db.display());
            continue;
        }
        let name = db
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(mut terminal) = Terminal::new(TestBackend::new(80, 24));
        c.bench_function(&format!("{name}/first_frame_from_open"), |b| {
            b.iter(|| black_box(first_frame(db, &mut terminal)))
        });
        let (mut executor, mut state) = first_frame(db, &mut terminal);
        c.bench_function(&format!("{name}/week_list_load_and_draw"), |b| {
            b.iter(|| {
                let effects = history::open(&mut state);
                settle(&mut executor, &mut state, effects);
                draw(&mut terminal, &state);
            })
        });
        c.bench_function(&format!("{name}/frame_80x24"), |b| {
            b.iter(|| draw(&mut terminal, &state))
        });
        // The Lunge: one-sided, loaded; a year of points and all-time records.
        // The exercise page lists them in the order they were first used.
        let mut exercises = executor.store.exercises().unwrap_or_default();
        exercises.sort_by_key(|e| e.id);
        if let Some(at) = exercises.iter().position(|e| e.name == "Lunge") {
            let keys = [KeyCode::Char('r')]
                .into_iter()
                .chain(std::iter::repeat_n(KeyCode::Down, at))
                .chain([KeyCode::Enter]);
            step(&mut state, keys.map(key), &SystemClock, &mut executor);
            c.bench_function(&format!("{name}/progress_open_and_draw"), |b| {
                b.iter(|| {
                    // Back to the exercise list, and the chart opened again.
                    let keys = [KeyCode::Esc, KeyCode::Enter].map(key);
                    step(&mut state, keys, &SystemClock, &mut executor);
                    draw(&mut terminal, &state);
                })
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);

//! History at 10k, 100k and 1M sets: the first drawn frame of the week list
//! (from opening the database), opening a progress chart, and one frame.
//!
//! The databases come from the generator (docs/PERFORMANCE.md):
//!   cargo run --release --example gen_history -- --sets 1000000 --out /tmp/h1m.db
//! and are named by RUNSTRONG_BENCH_DBS (comma-separated; default
//! /tmp/h10k.db,/tmp/h100k.db,/tmp/h1m.db). Missing files are skipped.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use runstrong::app::history::{self, HistoryEffect};
use runstrong::app::{Effect, Msg, Now, Settings, State, update};
use runstrong::domain::Routine;
use runstrong::store::Store;

fn now() -> Now {
    Now {
        at: Instant::now(),
        wall: chrono::Utc::now(),
    }
}

/// Runs effects against the store until none are left, as the runtime does.
fn settle(store: &mut Store, state: &mut State, mut effects: Vec<Effect>) {
    while let Some(effect) = effects.pop() {
        if let Effect::History(e) = effect
            && let Ok(Some(msg)) = history::execute(store, e, now(), chrono::Weekday::Mon)
        {
            effects.extend(update(state, msg, now()));
        }
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &State) {
    let _ = terminal.draw(|f| runstrong::ui::draw(f, state));
}

/// Opens the store as the app does, opens the week list and draws it.
fn first_frame(path: &Path, terminal: &mut Terminal<TestBackend>) -> (Store, State) {
    let Ok(mut store) = Store::open(path) else {
        panic!("cannot open {}", path.display())
    };
    let mut state = State::new(now(), Settings::default(), Routine::built_in());
    let effects = history::open(&mut state);
    settle(&mut store, &mut state, effects);
    draw(terminal, &state);
    (store, state)
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
        let (mut store, mut state) = first_frame(db, &mut terminal);
        c.bench_function(&format!("{name}/week_list_load_and_draw"), |b| {
            b.iter(|| {
                let effects = history::open(&mut state);
                settle(&mut store, &mut state, effects);
                draw(&mut terminal, &state);
            })
        });
        c.bench_function(&format!("{name}/frame_80x24"), |b| {
            b.iter(|| draw(&mut terminal, &state))
        });
        // The Lunge: one-sided, loaded; a year of points and all-time records.
        let exercises = store.exercises_by_id().unwrap_or_default();
        if let Some(at) = exercises.iter().position(|e| e.name == "Lunge") {
            let lunge = exercises[at].id;
            let keys = [KeyCode::Char('r')]
                .into_iter()
                .chain(std::iter::repeat_n(KeyCode::Down, at));
            for k in keys.chain([KeyCode::Enter]) {
                let effects = update(&mut state, key(k), now());
                settle(&mut store, &mut state, effects);
            }
            c.bench_function(&format!("{name}/progress_open_and_draw"), |b| {
                b.iter(|| {
                    let effect = HistoryEffect::LoadProgress {
                        exercise: lunge,
                        span: history::Span::Year,
                    };
                    settle(&mut store, &mut state, vec![Effect::History(effect)]);
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

#![allow(clippy::unwrap_used, clippy::expect_used)]
//! How long one frame of the session screen takes to draw at 80x24: the
//! reps form with the set stopwatch running, and a hold timer mid-hold.
//! Each pair of states is one second apart, and frames alternate between
//! them, so every frame has a real difference to find and write, as when the
//! runtime redraws a ticking timer.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::Flow;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runstrong::app::State;
use runstrong::app::session::Step;

/// The first exercise's form filled in, its set stopwatch at `secs`.
fn reps_form(secs: u64) -> State {
    let mut flow = Flow::in_session();
    flow.type_text("12\t22.5 ");
    flow.advance(Duration::from_secs(secs));
    assert!(flow.view().stopwatch.is_some() && flow.view().step == Step::Ready);
    flow.state
}

/// The Copenhagen plank, left side, held for `secs`.
fn holding(secs: u64) -> State {
    let mut flow = Flow::in_session();
    flow.type_text("llllll  ");
    flow.advance(Duration::from_secs(secs));
    assert!(matches!(flow.view().step, Step::Holding { .. }));
    flow.state
}

fn frames(c: &mut Criterion, name: &str, states: [State; 2]) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut i = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            i ^= 1;
            let state = &states[i];
            terminal
                .draw(|frame| runstrong::ui::draw(frame, black_box(state)))
                .unwrap();
        });
    });
}

fn render(c: &mut Criterion) {
    frames(c, "session_reps_form_80x24", [reps_form(41), reps_form(42)]);
    frames(c, "session_hold_timer_80x24", [holding(12), holding(13)]);
}

criterion_group!(benches, render);
criterion_main!(benches);

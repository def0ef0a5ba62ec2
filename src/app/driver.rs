//! The event loop. `step` takes messages through `update` and hands every
//! effect to an executor, queueing its answers behind them; `drive` waits
//! for input or the next visible change, steps, and draws. Both are generic
//! over the terminal's backend, the clock and the executor, so tests and
//! benchmarks run this loop, not a copy of it.

use std::collections::VecDeque;
use std::iter;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::clock::Clock;
use super::executor::Executor;
use super::msg::Msg;
use super::state::State;
use super::update::update;
use crate::ui;

/// Takes `msgs` through `update` in order, and every message an effect
/// brings back after them: first in, first out, until none is left.
pub fn step(
    state: &mut State,
    msgs: impl IntoIterator<Item = Msg>,
    clock: &impl Clock,
    executor: &mut impl Executor,
) {
    let mut queue: VecDeque<Msg> = msgs.into_iter().collect();
    while let Some(msg) = queue.pop_front() {
        for effect in update(state, msg, clock.now()) {
            queue.extend(executor.execute(effect, clock.now()));
        }
    }
}

/// Runs the app until it quits or `input` closes: the home screen's data
/// first, then a frame after every batch of input, sleeping until input
/// or the next visible change (no fixed-rate tick).
pub fn drive<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    clock: &impl Clock,
    executor: &mut impl Executor,
    input: &Receiver<Msg>,
) -> Result<(), B::Error> {
    let home = executor.execute(state.load_home(), clock.now());
    let mut batch: Vec<Msg> = iter::once(Msg::Resize(terminal.size()?))
        .chain(home)
        .collect();
    loop {
        step(state, batch.drain(..), clock, executor);
        if state.quit {
            return Ok(());
        }
        terminal.draw(|frame| ui::draw(frame, state))?;
        let next = match state.next_wakeup() {
            Some(at) => input.recv_timeout(at.saturating_duration_since(clock.now().at)),
            None => input.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(msg) => batch.push(msg),
            Err(RecvTimeoutError::Timeout) => batch.push(Msg::Tick),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        batch.extend(input.try_iter());
    }
}

//! The real terminal: raw mode and the alternate screen, the input and
//! signal threads, the hang-up watch and the bell. Everything else about
//! running the app is the `driver`'s and the `executor`'s.

use std::io::{self, Write};
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::layout::Size;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::clock::{Clock, SystemClock};
use super::driver::drive;
use super::executor::{Executor, StoreExecutor};
use super::hangup;
use super::msg::{Effect, Msg, Now};
use super::settings::Settings;
use super::state::State;
use crate::domain::Routine;
use crate::domain::calendar::Zone;
use crate::store::{Failure, Store};

/// Runs the app on the real terminal until the person quits, showing
/// times in `zone`. What it returns is for stderr once the terminal is
/// restored: why the database was found damaged, and how to recover it.
pub fn run(
    store: Store,
    settings: Settings,
    routines: Vec<Routine>,
    notice: Option<String>,
    zone: impl Zone + 'static,
) -> io::Result<Option<String>> {
    let (tx, rx) = mpsc::channel();
    // crossterm starts listening for SIGWINCH when its reader first runs;
    // start it here, so a resize before the input thread runs is not lost.
    event::poll(Duration::ZERO)?;
    spawn_input(tx.clone());
    hangup::spawn_watch(tx.clone())?;
    let checked = tx.clone();
    let path = store.path().to_path_buf();
    store.on_verdict(move |verdict| {
        let msg = match verdict {
            Ok(()) => return,
            Err(Failure::Locked) => Msg::StoreFailed(Failure::Locked.at(&path).to_string()),
            Err(failure) => Msg::Damaged(failure.at(&path).to_string()),
        };
        let _ = checked.send(msg);
    });
    spawn_signals(tx)?;
    let mut terminal = ratatui::try_init().inspect_err(|_| {
        // Raw mode may be on when entering the alternate screen failed; the
        // error that brought us here is the one worth reporting.
        let _ = ratatui::try_restore();
    })?;
    // A paste arrives whole, so a line break in it is not Enter.
    execute!(io::stdout(), EnableBracketedPaste).inspect_err(|_| {
        let _ = ratatui::try_restore();
    })?;
    // ratatui's panic hook restores the screen and raw mode; a shell left
    // in bracketed paste would wrap every later paste in escape codes.
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        restore(info);
    }));
    let mut state = State::new(SystemClock.now(), settings, routines, zone);
    state.notice = notice.map(|n| (n, true));
    let mut executor = Bell(StoreExecutor::new(store, state.calendar.clone()));
    let result = drive(&mut terminal, &mut state, &SystemClock, &mut executor, &rx)
        .map(|()| state.damaged.take());
    // Drawing on a terminal that hung up fails; leaving then is the point.
    // (`gone` also sends stderr to /dev/null when it was on that terminal.)
    let result = if hangup::gone() { Ok(None) } else { result };
    // A terminal that cannot be restored is gone: nothing left to tell it.
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    // Every confirmed set is committed already; a failed close loses nothing.
    let _ = executor.0.store.close();
    result
}

fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) => Msg::Key(key),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(width, height)) => Msg::Resize(Size { width, height }),
                Ok(_) => continue,
                // The terminal is gone: leave, the session stays resumable.
                Err(_) => Msg::Terminate,
            };
            if tx.send(msg.clone()).is_err() || msg == Msg::Terminate {
                break;
            }
        }
    });
}

/// Raw mode turns Ctrl-C into a key; these cover `kill`, a closed terminal
/// and a dropped SSH connection, so the terminal is restored on the way out.
fn spawn_signals(tx: Sender<Msg>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Msg::Terminate).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// The store's executor, with the bell rung on this terminal.
struct Bell(StoreExecutor);

impl Executor for Bell {
    fn execute(&mut self, effect: Effect, now: Now) -> Vec<Msg> {
        if !matches!(effect, Effect::Bell) {
            return self.0.execute(effect, now);
        }
        let mut out = io::stdout();
        // A bell that cannot be written is not worth stopping a session for.
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        vec![]
    }
}

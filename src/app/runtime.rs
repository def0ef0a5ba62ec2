//! The edge: terminal, clock, signals and store. Messages from input and
//! timers go through `update`; effects it returns are carried out here and
//! their results fed back as messages.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::layout::Size;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use chrono::Weekday;

use crate::domain::time::local_week_bounds;
use crate::domain::{LoggedSet, Routine};
use crate::store::{Store, StoreError};
use crate::ui;

use super::msg::{Effect, HomeData, Msg, Now};
use super::state::{Settings, State};
use super::update::update;
use super::{hangup, history};

/// Where `update` gets its time from; tests use a fake one.
pub trait Clock {
    fn now(&self) -> Now;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Now {
        Now {
            at: Instant::now(),
            wall: chrono::Utc::now(),
        }
    }
}

/// Runs the app on the real terminal until the person quits.
pub fn run(
    mut store: Store,
    settings: Settings,
    routines: Vec<Routine>,
    notice: Option<String>,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    // crossterm starts listening for SIGWINCH when its reader first runs;
    // start it here, so a resize before the input thread runs is not lost.
    event::poll(Duration::ZERO)?;
    spawn_input(tx.clone());
    hangup::spawn_watch(tx.clone())?;
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
    let mut state = State::new(SystemClock.now(), settings, routines);
    state.notice = notice.map(|n| (n, true));
    let result = event_loop(&mut terminal, &mut store, state, &rx, &SystemClock);
    // Drawing on a terminal that hung up fails; leaving then is the point.
    let result = if hangup::gone() { Ok(()) } else { result };
    // A terminal that cannot be restored is gone: nothing left to tell it.
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    // A close that fails leaves the file unsealed: the next start checks it whole.
    let _ = store.close();
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

fn event_loop(
    terminal: &mut DefaultTerminal,
    store: &mut Store,
    mut state: State,
    rx: &Receiver<Msg>,
    clock: &impl Clock,
) -> io::Result<()> {
    let week_start = state.settings.week_start;
    let mut queue: VecDeque<Msg> = execute(store, Effect::LoadHome, clock.now(), week_start)
        .into_iter()
        .collect();
    queue.push_front(Msg::Resize(terminal.size()?));
    loop {
        while let Some(msg) = queue.pop_front() {
            for effect in update(&mut state, msg, clock.now()) {
                match effect {
                    Effect::Bell => bell(),
                    effect => queue.extend(execute(
                        store,
                        effect,
                        clock.now(),
                        state.settings.week_start,
                    )),
                }
            }
        }
        if state.quit {
            return Ok(());
        }
        terminal.draw(|frame| ui::draw(frame, &state))?;
        // Sleep until input or the next visible change: no fixed-rate tick.
        let next = match state.next_wakeup() {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(msg) => queue.push_back(msg),
            Err(RecvTimeoutError::Timeout) => queue.push_back(Msg::Tick),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        queue.extend(rx.try_iter());
    }
}

fn bell() {
    let mut out = io::stdout();
    // A bell that cannot be written is not worth stopping a session for.
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
}

/// Carries out one effect against the store; the result comes back as a message.
pub fn execute(store: &mut Store, effect: Effect, now: Now, week_start: Weekday) -> Option<Msg> {
    let failed = |e: StoreError| Some(Msg::StoreFailed(describe(&e)));
    match effect {
        Effect::LoadHome => {
            let (from, to) = local_week_bounds(now.wall, week_start);
            let data = store.unfinished().and_then(|unfinished| {
                Ok(HomeData {
                    unfinished,
                    week_done: store.sessions_done_between(from, to)?,
                })
            });
            data.map_or_else(failed, |d| Some(Msg::HomeLoaded(d)))
        }
        Effect::StartSession(routine) => store
            .start_session(&routine, now.wall)
            .map_or_else(failed, |s| Some(Msg::SessionLoaded(s))),
        Effect::ResumeSession(id) => store
            .load_session(id)
            .map_or_else(failed, |s| Some(Msg::SessionLoaded(s))),
        Effect::EndAbandoned(id) => store.end_abandoned(id).err().and_then(failed),
        Effect::SaveSet(set) => match store.insert_set(&set) {
            Ok(id) => Some(Msg::SetSaved(LoggedSet { id, set })),
            Err(e) => Some(Msg::SaveFailed(describe(&e))),
        },
        Effect::SavePosition { session, position } => store
            .save_position(session, position)
            .err()
            .and_then(failed),
        Effect::SavePlannedSets {
            session,
            position,
            sets,
        } => store
            .save_planned_sets(session, position, sets)
            .err()
            .and_then(failed),
        Effect::FinishSession { id, note } => store
            .finish_session(id, now.wall, note.as_deref())
            .map_or_else(failed, |s| Some(Msg::Finished(s))),
        Effect::AnnotateSet { id, rpe, note } => match store.annotate_set(id, rpe, note.as_deref())
        {
            Ok(()) => Some(Msg::Annotated { id, rpe, note }),
            Err(e) => failed(e),
        },
        Effect::LoadExercises => store
            .known_exercises()
            .map_or_else(failed, |k| Some(Msg::ExercisesLoaded(k))),
        Effect::SavePlan {
            session,
            plan,
            position,
        } => store
            .save_plan(session, &plan, position)
            .map_or_else(failed, |p| Some(Msg::PlanSaved(p))),
        Effect::History(effect) => {
            history::execute(store, effect, now, week_start).unwrap_or_else(failed)
        }
        Effect::Bell | Effect::Quit => None,
    }
}

/// A store error in words for the status line.
fn describe(err: &StoreError) -> String {
    match err {
        StoreError::Sqlite(e) if StoreError::is_busy(e) => {
            "the database is locked by another program; try again in a moment".into()
        }
        StoreError::Sqlite(e) if StoreError::is_disk(e) => {
            format!("cannot write the database ({e})")
        }
        other => other.to_string(),
    }
}

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
use crate::store::{Failure, Store, StoreError};
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

/// Runs the app on the real terminal until the person quits. What it
/// returns is for stderr once the terminal is restored: why the database
/// was found damaged, and how to recover it.
pub fn run(
    mut store: Store,
    settings: Settings,
    routines: Vec<Routine>,
    notice: Option<String>,
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
    let mut state = State::new(SystemClock.now(), settings, routines);
    state.notice = notice.map(|n| (n, true));
    let result = event_loop(&mut terminal, &mut store, state, &rx, &SystemClock);
    // Drawing on a terminal that hung up fails; leaving then is the point.
    // (`gone` also sends stderr to /dev/null when it was on that terminal.)
    let result = if hangup::gone() { Ok(None) } else { result };
    // A terminal that cannot be restored is gone: nothing left to tell it.
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    // Every confirmed set is committed already; a failed close loses nothing.
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
) -> io::Result<Option<String>> {
    let week_start = state.settings.week_start;
    let mut queue: VecDeque<Msg> = execute(store, Effect::LoadHome, clock.now(), week_start).into();
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
            return Ok(state.damaged);
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
            Err(RecvTimeoutError::Disconnected) => return Ok(state.damaged),
        }
        queue.extend(rx.try_iter());
    }
}

fn bell() {
    let mut out = io::stdout();
    // A bell that cannot be written is not worth stopping a session for.
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
}

/// Carries out one effect against the store; the result comes back as
/// messages. A write waits for the whole-file check; an error that shows
/// the file damaged stops every later write.
pub fn execute(store: &mut Store, effect: Effect, now: Now, week_start: Weekday) -> Vec<Msg> {
    let saving = matches!(effect, Effect::SaveSet(_));
    let result = if effect.writes() {
        store.writable()
    } else {
        Ok(())
    };
    match result.and_then(|()| carry_out(store, effect, now, week_start)) {
        Ok(msg) => msg.into_iter().collect(),
        Err(e) => {
            let damaged = store.stop_if_damaged(&e);
            let text = damaged
                .as_ref()
                .map_or_else(|| describe(&e), ToString::to_string);
            let failed = if saving {
                Msg::SaveFailed(text.clone())
            } else {
                Msg::StoreFailed(text.clone())
            };
            [Some(failed), damaged.map(|_| Msg::Damaged(text))]
                .into_iter()
                .flatten()
                .collect()
        }
    }
}

fn carry_out(
    store: &mut Store,
    effect: Effect,
    now: Now,
    week_start: Weekday,
) -> Result<Option<Msg>, StoreError> {
    Ok(match effect {
        Effect::LoadHome => {
            let (from, to) = local_week_bounds(now.wall, week_start);
            Some(Msg::HomeLoaded(HomeData {
                unfinished: store.unfinished()?,
                week_done: store.sessions_done_between(from, to)?,
            }))
        }
        Effect::StartSession(routine) => {
            Some(Msg::SessionLoaded(store.start_session(&routine, now.wall)?))
        }
        Effect::ResumeSession(id) => Some(Msg::SessionLoaded(store.load_session(id)?)),
        Effect::EndAbandoned(id) => store.end_abandoned(id).map(|()| None)?,
        Effect::SaveSet(set) => {
            let id = store.insert_set(&set)?;
            Some(Msg::SetSaved(LoggedSet { id, set }))
        }
        Effect::SavePosition { session, position } => {
            store.save_position(session, position).map(|()| None)?
        }
        Effect::SavePlannedSets {
            session,
            position,
            sets,
        } => store
            .save_planned_sets(session, position, sets)
            .map(|()| None)?,
        Effect::FinishSession { id, note } => Some(Msg::Finished(store.finish_session(
            id,
            now.wall,
            note.as_deref(),
        )?)),
        Effect::AnnotateSet { id, rpe, note } => {
            store.annotate_set(id, rpe, note.as_deref())?;
            Some(Msg::Annotated { id, rpe, note })
        }
        Effect::LoadExercises => Some(Msg::ExercisesLoaded(store.known_exercises()?)),
        Effect::SavePlan {
            session,
            plan,
            position,
        } => Some(Msg::PlanSaved(store.save_plan(session, &plan, position)?)),
        Effect::History(effect) => history::execute(store, effect, now, week_start)?,
        Effect::Bell | Effect::Quit => None,
    })
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

//! A fake clock, a fake store and a test terminal around the real `update`
//! and `draw`, run in the same order as the real loop.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

pub mod data;
pub mod fixture;
pub mod store;
pub mod work;

use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

use runstrong::app::state::{Screen, SessionView};
use runstrong::app::{Effect, Msg, Now, Settings, State, update};
use runstrong::domain::session::{ActiveSession, PlannedExercise};
use runstrong::domain::{LoggedSet, Routine};

/// Noon UTC: the same calendar day in every time zone a test machine uses.
pub fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
        .single()
        .unwrap()
}

pub fn routine() -> Routine {
    Routine::built_in().remove(0)
}

/// The built-in routine as a fresh session, exercise ids 1..=7.
pub fn session(started_at: DateTime<Utc>) -> ActiveSession {
    let plan = routine()
        .exercises
        .iter()
        .enumerate()
        .map(|(i, e)| PlannedExercise {
            exercise_id: i as i64 + 1,
            ..PlannedExercise::from_spec(e)
        })
        .collect();
    ActiveSession {
        id: 1,
        routine: routine().name,
        started_at,
        plan,
        logged: vec![],
        position: 0,
    }
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Drives `update` like the runtime does, answering store effects itself.
pub struct Flow {
    pub state: State,
    pub now: Now,
    /// Every effect `update` returned, in order.
    pub effects: Vec<Effect>,
    /// When set, the next saves fail with this reason.
    pub failing: Option<String>,
    next_id: i64,
}

impl Flow {
    pub fn home() -> Flow {
        let now = Now {
            at: Instant::now(),
            wall: noon(),
        };
        let settings = Settings {
            color: false,
            ..Settings::default()
        };
        Flow {
            state: State::new(now, settings, vec![routine()]),
            now,
            effects: vec![],
            failing: None,
            next_id: 1,
        }
    }

    pub fn in_session() -> Flow {
        let mut flow = Flow::home();
        flow.send(Msg::SessionLoaded(session(noon())));
        flow
    }

    pub fn send(&mut self, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(&mut self.state, msg, self.now) {
                if let Effect::SaveSet(set) = &effect {
                    queue.push(match &self.failing {
                        Some(reason) => Msg::SaveFailed(reason.clone()),
                        None => {
                            self.next_id += 1;
                            Msg::SetSaved(LoggedSet {
                                id: self.next_id,
                                set: set.clone(),
                            })
                        }
                    });
                }
                self.effects.push(effect);
            }
        }
    }

    /// Types text: each character is one key press (space is Space).
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(key(KeyCode::Char(c)));
        }
    }

    pub fn press(&mut self, code: KeyCode) {
        self.send(key(code));
    }

    /// Lets time pass, then delivers the tick the runtime would.
    pub fn advance(&mut self, d: Duration) {
        self.now.at += d;
        self.now.wall += chrono::Duration::from_std(d).unwrap();
        self.send(Msg::Tick);
    }

    pub fn view(&self) -> &SessionView {
        match &self.state.screen {
            Screen::Session(v) => v,
            other => panic!("not in a session: {other:?}"),
        }
    }

    pub fn saved(&self) -> Vec<&runstrong::domain::NewSet> {
        self.effects
            .iter()
            .filter_map(|e| {
                if let Effect::SaveSet(s) = e {
                    Some(s)
                } else {
                    None
                }
            })
            .collect()
    }

    /// Draws the screen at `width`×`height`, told the size first as the
    /// runtime tells it.
    pub fn render(&self, width: u16, height: u16) -> String {
        let buffer = self.buffer(width, height);
        (0..height)
            .map(|y| {
                let line: String = (0..width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect();
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The drawn cells with their styles, for what text cannot show.
    pub fn buffer(&self, width: u16, height: u16) -> Buffer {
        let mut state = self.state.clone();
        update(&mut state, Msg::Resize(Size { width, height }), self.now);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| runstrong::ui::draw(f, &state)).unwrap();
        terminal.backend().buffer().clone()
    }
}

//! A fixed clock, a fake store and a test terminal around the real loop's
//! `step` and the real `draw`.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

pub mod cli;
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

use runstrong::app::session::SessionView;
use runstrong::app::state::{Screen, State};
use runstrong::app::{Effect, Executor, Msg, Now, Settings, StoreExecutor, step, update};
use runstrong::domain::session::{ActiveSession, PlannedExercise};
use runstrong::domain::set::{SetType, Work};
use runstrong::domain::{LoggedSet, NewSet, Routine, Side};

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

/// Where `text` starts on the first row that has it: (column, row).
pub fn find(buffer: &Buffer, text: &str) -> (u16, u16) {
    let area = buffer.area;
    (0..area.height)
        .find_map(|y| {
            let row: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
            (0..row.len())
                .find(|&x| row[x..].concat().starts_with(text))
                .map(|x| (x as u16, y))
        })
        .unwrap_or_else(|| panic!("no {text:?} in {buffer:?}"))
}

/// Set `id` of the session `session()` makes: `work` on the exercise at
/// `position` of its plan, on `side`, logged at noon.
pub fn logged(id: i64, position: usize, side: Option<Side>, work: Work) -> LoggedSet {
    LoggedSet {
        id,
        set: NewSet {
            session_id: 1,
            exercise_id: position as i64 + 1,
            set_number: 1,
            side,
            work,
            duration: None,
            rpe: None,
            note: None,
            logged_at: noon(),
            set_type: SetType::Normal,
        },
    }
}

/// The default settings without colour: snapshots show text and styles.
pub fn plain() -> Settings {
    Settings {
        color: false,
        ..Settings::default()
    }
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// An executor for tests: records every effect and answers a saved set
/// with the next id, or with `failing`; with a store, hands every effect
/// to the store's executor instead.
#[derive(Default)]
pub struct Fake {
    /// Every effect `update` returned, in order.
    pub effects: Vec<Effect>,
    /// When set, the next saves fail with this reason.
    pub failing: Option<String>,
    pub store: Option<StoreExecutor>,
    next_id: i64,
}

impl Executor for Fake {
    fn execute(&mut self, effect: Effect, now: Now) -> Vec<Msg> {
        self.effects.push(effect.clone());
        if let Some(store) = &mut self.store {
            return store.execute(effect, now);
        }
        let Effect::SaveSet(set) = effect else {
            return vec![];
        };
        vec![match &self.failing {
            Some(reason) => Msg::SaveFailed(reason.clone()),
            None => {
                self.next_id += 1;
                Msg::SetSaved(LoggedSet {
                    id: self.next_id,
                    set,
                })
            }
        }]
    }
}

/// Drives the real loop's `step` with a fixed clock and a fake store.
pub struct Flow {
    pub state: State,
    pub now: Now,
    pub fake: Fake,
}

impl Flow {
    pub fn home() -> Flow {
        let now = Now {
            at: Instant::now(),
            wall: noon(),
        };
        Flow {
            state: State::new(now, plain(), vec![routine()], Utc),
            now,
            fake: Fake {
                next_id: 1,
                ..Fake::default()
            },
        }
    }

    pub fn in_session() -> Flow {
        let mut flow = Flow::home();
        flow.send(Msg::SessionLoaded(session(noon())));
        flow
    }

    /// The app on its home screen, with `store` behind it.
    pub fn on_store(store: StoreExecutor) -> Flow {
        Flow::home().with_store(store)
    }

    fn with_store(mut self, store: StoreExecutor) -> Flow {
        self.fake.store = Some(store);
        self.load_home();
        self
    }

    /// A session of the built-in routine started on a fresh database file:
    /// the directory (kept while the test runs), the file, and the flow.
    pub fn started_on_file() -> (tempfile::TempDir, std::path::PathBuf, Flow) {
        Flow::started_on_file_with(routine())
    }

    /// The same, with `routine` as the one the home screen starts.
    pub fn started_on_file_with(routine: Routine) -> (tempfile::TempDir, std::path::PathBuf, Flow) {
        let (dir, path) = store::scratch();
        let store = runstrong::store::Store::open(&path).unwrap();
        let mut flow = Flow::home();
        flow.state.routines = vec![routine];
        let mut flow = flow.with_store(StoreExecutor::new(
            store,
            runstrong::domain::calendar::Calendar::new(Utc, chrono::Weekday::Mon),
        ));
        flow.press(KeyCode::Enter);
        (dir, path, flow)
    }

    /// What the loop does first: the home screen's data, read through the
    /// executor.
    pub fn load_home(&mut self) {
        let answers = self.fake.execute(self.state.load_home(), self.now);
        step(&mut self.state, answers, &self.now, &mut self.fake);
    }

    pub fn send(&mut self, msg: Msg) {
        step(&mut self.state, [msg], &self.now, &mut self.fake);
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

    /// From the home screen with no session to resume: History, the
    /// newest week, its first session.
    pub fn open_newest_session(&mut self) {
        for k in [
            KeyCode::Down,
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Enter,
        ] {
            self.press(k);
        }
    }

    /// Lets time pass, then delivers the tick the loop would.
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

    /// The names of the session's exercises, in plan order.
    pub fn plan_names(&self) -> Vec<String> {
        self.view()
            .session
            .plan
            .iter()
            .map(|e| e.name.clone())
            .collect()
    }

    /// How many cues rang the bell.
    pub fn bells(&self) -> usize {
        self.fake
            .effects
            .iter()
            .filter(|e| **e == Effect::Bell)
            .count()
    }

    pub fn saved(&self) -> Vec<&runstrong::domain::NewSet> {
        self.fake
            .effects
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
    /// loop tells it.
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

//! Everything a frame needs, and nothing it must compute from a clock or a
//! database: `now` is the time of the last update.

use std::time::{Duration, Instant};

use chrono::Weekday;
use ratatui::layout::Size;

use crate::domain::entry::SetEntry;
use crate::domain::note;
use crate::domain::plan::KnownExercise;
use crate::domain::records::NewRecord;
use crate::domain::session::{ActiveSession, Slot};
use crate::domain::tempo::Tempo;
use crate::domain::timer::{Countdown, Stopwatch, next_tick};
use crate::domain::{Kind, LoggedSet, NewSet, Routine, Side, Sides, Unit};
use crate::store::{Summary, Unfinished};

use super::history::HistoryView;
use super::keymap::Keymap;
use super::msg::Now;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub weekly_target: u32,
    pub week_start: Weekday,
    /// Rest for exercises whose routine gives none.
    pub default_rest: Duration,
    pub get_ready: Duration,
    pub switch_sides: Duration,
    pub bell: bool,
    pub flash: bool,
    pub unit: Unit,
    /// Off when `NO_COLOR` is set or the theme is "mono".
    pub color: bool,
    pub keys: Keymap,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            weekly_target: 2,
            week_start: Weekday::Mon,
            default_rest: Duration::from_secs(90),
            get_ready: Duration::from_secs(5),
            switch_sides: Duration::from_secs(10),
            bell: true,
            flash: true,
            unit: Unit::Kg,
            color: true,
            keys: Keymap::default(),
        }
    }
}

/// How long the visible flash of a cue lasts.
pub const FLASH: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub now: Now,
    pub settings: Settings,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub flash_until: Option<Instant>,
    /// A one-line message under the screen: (text, is it an error).
    pub notice: Option<(String, bool)>,
    /// The database is damaged: why, and how to recover, said on screen
    /// while the app runs and on stderr when it ends.
    pub damaged: Option<String>,
    pub quit: bool,
    /// Routines to start from: built-in first, then the person's own files.
    pub routines: Vec<Routine>,
    /// The terminal's size, once the runtime has said it.
    pub size: Option<Size>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home(Home),
    Session(Box<SessionView>),
    Summary(Summary),
    History(Box<HistoryView>),
}

impl Screen {
    pub fn session_mut(&mut self) -> Option<&mut SessionView> {
        match self {
            Screen::Session(view) => Some(view),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    /// Finishing asks for an optional note on the session.
    ConfirmFinish {
        note: String,
        error: Option<String>,
    },
    /// RPE and note of a logged set.
    Annotate(Annotation),
    /// Adding, swapping and reordering the session's exercises.
    Plan(PlanEditor),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEditor {
    /// The plan position under the cursor.
    pub cursor: usize,
    /// Exercises the database knows, for picking.
    pub known: Vec<KnownExercise>,
    pub mode: PlanMode,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanMode {
    Browse,
    /// Choosing an exercise to add (or to swap in), filtered by what is typed.
    Pick {
        swap: bool,
        query: String,
        selected: usize,
    },
    /// Describing an exercise the database does not know yet.
    New {
        swap: bool,
        name: String,
        kind: Kind,
        sides: Sides,
        on_name: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub set_id: i64,
    /// Which set, in words.
    pub label: String,
    pub rpe: String,
    pub note: String,
    /// Typing goes to the note (else to the RPE).
    pub on_note: bool,
    pub error: Option<String>,
}

impl Annotation {
    /// Types `c` into the focused field; a note refuses what passes its limit.
    pub fn type_char(&mut self, c: char) {
        self.error = None;
        if self.on_note {
            self.error = note::type_char(&mut self.note, c).err();
        } else if let Some(c) = note::clean(c) {
            self.rpe.push(c);
        }
    }

    pub fn backspace(&mut self) {
        self.error = None;
        if self.on_note {
            note::backspace(&mut self.note);
        } else {
            note::backspace(&mut self.rpe);
        }
    }
}

impl Overlay {
    pub fn annotate(logged: &LoggedSet) -> Overlay {
        let side = logged
            .set
            .side
            .map(|s| format!(" {}", s.as_str()))
            .unwrap_or_default();
        Overlay::Annotate(Annotation {
            set_id: logged.id,
            label: format!("set {}{side}: {}", logged.set.set_number, logged.set.work),
            rpe: logged.set.rpe.map(|r| r.to_string()).unwrap_or_default(),
            note: logged.set.note.clone().unwrap_or_default(),
            on_note: false,
            error: None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Home {
    pub unfinished: Option<Unfinished>,
    pub week_done: u32,
    pub selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeItem {
    Resume,
    EndUnfinished,
    Start(usize),
    History,
    Quit,
}

/// Where the current set stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Reps: the form is open. Holds: waiting for Space.
    Ready,
    GetReady {
        side: Option<Side>,
        countdown: Countdown,
    },
    Holding {
        side: Option<Side>,
        watch: Stopwatch,
        target: Duration,
        cued: bool,
    },
    /// Between the left and the right side of a hold.
    Switch { countdown: Countdown },
    /// The store refused this set; Enter tries again.
    Unsaved(NewSet),
    /// Every planned set is logged.
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub session: ActiveSession,
    pub step: Step,
    pub entry: SetEntry,
    /// The set stopwatch (or tempo timer) of a reps set, while it runs.
    pub stopwatch: Option<Stopwatch>,
    /// How long the set's timer ran, once stopped.
    pub timed: Option<Duration>,
    /// The tempo phase last cued, while a tempo set runs.
    pub tempo_mark: Option<u64>,
    pub rest: Option<Countdown>,
    /// A set handed to the store and not yet confirmed saved.
    pub pending: Option<NewSet>,
    /// Records reached so far, announced on each set and on the summary.
    pub records: Vec<NewRecord>,
    /// The position the store holds, where a resume would open.
    pub stored_position: usize,
}

impl SessionView {
    pub fn slot(&self) -> Option<Slot> {
        self.session.next_slot(self.session.position)
    }

    pub fn kind(&self) -> Option<Kind> {
        self.session.current().map(|e| e.kind)
    }

    /// The tempo of the current exercise, if it has one.
    pub fn tempo(&self) -> Option<Tempo> {
        self.session.current().and_then(|e| e.tempo)
    }

    /// A hold timer is running: moving away would lose it.
    pub fn timing_hold(&self) -> bool {
        matches!(
            self.step,
            Step::GetReady { .. } | Step::Holding { .. } | Step::Switch { .. }
        )
    }
}

impl State {
    pub fn new(now: Now, settings: Settings, routines: Vec<Routine>) -> State {
        State {
            now,
            settings,
            screen: Screen::Home(Home::default()),
            overlay: None,
            flash_until: None,
            notice: None,
            damaged: None,
            quit: false,
            routines,
            size: None,
        }
    }

    /// The smallest terminal the current screen can be used in.
    pub fn min_size(&self) -> Size {
        let (width, height) = match self.screen {
            Screen::Home(_) | Screen::Summary(_) => (34, 10),
            Screen::Session(_) => (40, 16),
            Screen::History(_) => (36, 12),
        };
        Size { width, height }
    }

    /// The terminal is too small for the screen: only "Enlarge the
    /// terminal" is shown, so keys must do nothing.
    pub fn too_small(&self) -> bool {
        let min = self.min_size();
        self.size
            .is_some_and(|s| s.width < min.width || s.height < min.height)
    }

    /// The home menu: resume and end come first when a session is unfinished.
    pub fn home_items(&self) -> Vec<HomeItem> {
        let unfinished = matches!(&self.screen, Screen::Home(h) if h.unfinished.is_some());
        let resume = [HomeItem::Resume, HomeItem::EndUnfinished]
            .into_iter()
            .filter(|_| unfinished);
        resume
            .chain((0..self.routines.len()).map(HomeItem::Start))
            .chain([HomeItem::History, HomeItem::Quit])
            .collect()
    }

    /// The next instant at which the screen changes by itself: a timer's
    /// next visible second, a deadline, the end of a flash. `None` means
    /// nothing changes until the person does something.
    pub fn next_wakeup(&self) -> Option<Instant> {
        let now = self.now.at;
        let mut times: Vec<Instant> = self.flash_until.into_iter().collect();
        if let Screen::Session(view) = &self.screen {
            times.extend(view.rest.map(|r| r.next_change(now)));
            times.extend(view.stopwatch.map(|w| w.next_change(now)));
            times.extend(match view.step {
                Step::GetReady { countdown, .. } | Step::Switch { countdown } => {
                    Some(countdown.next_change(now))
                }
                Step::Holding { watch, .. } => Some(next_tick(watch.started, now)),
                _ => None,
            });
            // The header shows whole minutes of the session.
            let since = (self.now.wall - view.session.started_at)
                .to_std()
                .unwrap_or_default();
            times.push(
                now + Duration::from_secs(60 - since.as_secs() % 60)
                    - Duration::from_nanos(u64::from(since.subsec_nanos())),
            );
        }
        times.into_iter().min()
    }
}

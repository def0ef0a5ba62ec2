//! Everything a frame needs, and nothing it must compute from a clock or a
//! database: `now` is the time of the last update, `calendar` the zone
//! and week it is shown in.

use std::time::{Duration, Instant};

use ratatui::layout::Size;

use super::history::HistoryView;
use super::home::{Home, HomeItem};
use super::msg::{Effect, Now};
use super::overlay::Overlay;
use super::session::{SessionView, Step};
use super::settings::Settings;
use crate::domain::Routine;
use crate::domain::calendar::{Calendar, Zone};
use crate::domain::progression::Rules;
use crate::domain::session::ActiveSession;
use crate::domain::summary::Summary;
use crate::domain::timer::next_tick;

/// How long the visible flash of a cue lasts.
pub const FLASH: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub now: Now,
    pub settings: Settings,
    /// Weeks as the settings cut them, in the zone the app was given.
    pub calendar: Calendar,
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
    /// The terminal's size, once the loop has said it.
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

    /// The session screen, when it shows session `id`: an answer about
    /// another session (one since left) changes nothing.
    pub fn session_of(&mut self, id: i64) -> Option<&mut SessionView> {
        self.session_mut().filter(|v| v.session.id == id)
    }

    pub fn history_mut(&mut self) -> Option<&mut HistoryView> {
        match self {
            Screen::History(view) => Some(view),
            _ => None,
        }
    }
}

impl State {
    /// The app on its home screen, showing times in `zone`.
    pub fn new(
        now: Now,
        settings: Settings,
        routines: Vec<Routine>,
        zone: impl Zone + 'static,
    ) -> State {
        State {
            now,
            calendar: Calendar::new(zone, settings.week_start),
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

    /// Leaves: the loop stops once this step is done. Every confirmed set
    /// is on disk already, so there is nothing to carry out.
    pub fn quit(&mut self) -> Vec<Effect> {
        self.quit = true;
        vec![]
    }

    pub fn go_home(&mut self) -> Vec<Effect> {
        self.screen = Screen::Home(Home::default());
        vec![self.load_home()]
    }

    /// What the home screen reads: the week under way, as of now.
    pub fn load_home(&self) -> Effect {
        let week = self.calendar.week_of(self.now.wall);
        Effect::LoadHome(self.calendar.bounds(week))
    }

    /// A cue: the bell and a flash, each as the settings allow.
    pub fn cue(&mut self) -> Vec<Effect> {
        if self.settings.flash {
            self.flash_until = Some(self.now.at + FLASH);
        }
        if self.settings.bell {
            vec![Effect::Bell]
        } else {
            vec![]
        }
    }

    /// Asks the store what the rules of `session`'s routine advise; none
    /// for a routine no longer among those loaded.
    pub fn plan_next(&self, session: &ActiveSession) -> Option<Effect> {
        let routine = self.routines.iter().find(|r| r.name == session.routine)?;
        Some(Effect::PlanNext {
            session: session.id,
            routine: Box::new(routine.clone()),
            rules: Box::new(Rules {
                settings: self.settings.progression.clone(),
                unit: self.settings.unit,
            }),
        })
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

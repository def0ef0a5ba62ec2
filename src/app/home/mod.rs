//! The home screen: start or resume a session, end an abandoned one, see
//! the week so far, open the history, quit.

mod update;

pub use update::on_action;

use crate::domain::session::Unfinished;

/// What the home screen shows, read from the store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HomeData {
    pub unfinished: Option<Unfinished>,
    pub week_done: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Home {
    pub unfinished: Option<Unfinished>,
    pub week_done: u32,
    pub selected: usize,
    /// A session is being started or resumed: until the store answers, a
    /// second Enter (a double press) must not start another.
    pub opening: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeItem {
    Resume,
    EndUnfinished,
    Start(usize),
    History,
    Quit,
}

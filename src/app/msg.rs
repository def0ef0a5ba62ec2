//! What flows into `update` (messages) and out of it (effects).

use std::time::Instant;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Size;

use super::history::{HistoryEffect, HistoryMsg};
use super::home::HomeData;
use crate::domain::calendar::WeekRange;
use crate::domain::exercise::Exercise;
use crate::domain::progression::{NextSession, Rules};
use crate::domain::session::{ActiveSession, PlannedExercise};
use crate::domain::set::Rpe;
use crate::domain::summary::Summary;
use crate::domain::{LoggedSet, NewSet, Routine};

/// The two clocks `update` is given: monotonic for timing, wall for timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub at: Instant,
    pub wall: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted in one piece (bracketed paste): typed into the field
    /// being edited, its line breaks never taken for Enter.
    Paste(String),
    /// The terminal's size, at the start and after every change.
    Resize(Size),
    /// A deadline or a visible second passed.
    Tick,
    /// SIGTERM, SIGHUP or SIGINT: leave now; the session stays resumable.
    Terminate,
    HomeLoaded(HomeData),
    SessionLoaded(ActiveSession),
    /// What the routine's rules advise for the session under way.
    NextPlanned {
        session: i64,
        next: Box<NextSession>,
    },
    SetSaved(LoggedSet),
    /// A logged set's RPE and note were stored.
    Annotated {
        id: i64,
        rpe: Option<Rpe>,
        note: Option<String>,
    },
    SaveFailed(String),
    Finished(Summary),
    ExercisesLoaded(Vec<Exercise>),
    /// The changed plan is stored; ids and last times are filled in.
    PlanSaved(Vec<PlannedExercise>),
    StoreFailed(String),
    /// The database file is damaged: nothing more is written to it. The
    /// text names the file and how to recover it.
    Damaged(String),
    History(HistoryMsg),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The unfinished session, and the sessions done in `week`.
    LoadHome(WeekRange),
    StartSession(Routine),
    ResumeSession(i64),
    /// The next session of `routine` by its rules, from the sessions
    /// before `session` (the one under way).
    PlanNext {
        session: i64,
        routine: Box<Routine>,
        rules: Box<Rules>,
    },
    EndAbandoned(i64),
    SaveSet(NewSet),
    SavePosition {
        session: i64,
        position: usize,
    },
    SavePlannedSets {
        session: i64,
        position: usize,
        sets: u32,
    },
    AnnotateSet {
        id: i64,
        rpe: Option<Rpe>,
        note: Option<String>,
    },
    FinishSession {
        id: i64,
        note: Option<String>,
    },
    LoadExercises,
    SavePlan {
        session: i64,
        plan: Vec<PlannedExercise>,
        position: usize,
    },
    History(HistoryEffect),
    Bell,
}

impl Effect {
    /// Whether carrying it out writes to the database: such effects wait
    /// for the whole-file check, and none runs on a damaged file.
    pub fn writes(&self) -> bool {
        match self {
            Effect::LoadHome(_)
            | Effect::ResumeSession(_)
            | Effect::PlanNext { .. }
            | Effect::LoadExercises
            | Effect::Bell => false,
            Effect::StartSession(_)
            | Effect::EndAbandoned(_)
            | Effect::SaveSet(_)
            | Effect::SavePosition { .. }
            | Effect::SavePlannedSets { .. }
            | Effect::AnnotateSet { .. }
            | Effect::FinishSession { .. }
            | Effect::SavePlan { .. } => true,
            Effect::History(effect) => effect.writes(),
        }
    }
}

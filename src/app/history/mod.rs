//! The history screens' state, messages and effects. A stack of pages: the
//! week list at the bottom, then a week, a session, or an exercise's progress
//! on top; Esc pops one page, and from the week list goes home.

mod answers;
mod edit;
mod load;
mod update;

use chrono::{DateTime, Utc};

use crate::domain::balance::Balance;
use crate::domain::calendar::WeekRange;
use crate::domain::cardio::CardioRecords;
use crate::domain::correction::Correction;
use crate::domain::exercise::Exercise;
use crate::domain::history::{SessionRow, SetRow, WeekSummary};
use crate::domain::progress::{ProgressPoint, SideRecords};
use crate::domain::records::{Earlier, RecordKind};
use crate::domain::set::{Rpe, Side, Work};
use crate::domain::{Kind, LoggedSet};

pub use answers::on_msg;
pub use edit::{Edit, HoldForm};
pub use update::{on_action, open};

/// Weeks fetched per page of the week list: a screenful and then some.
pub const WEEKS_PAGE: usize = 26;

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryView {
    /// Never empty while the history is on screen.
    pub stack: Vec<Page>,
    pub target: u32,
    /// The start of the first session with a set, once the store has said:
    /// the week list and "all time" reach back to it.
    pub first: Option<DateTime<Utc>>,
    /// The span the last progress chart showed: the next one opens with it.
    pub span: Span,
}

impl HistoryView {
    pub fn page(&self) -> Option<&Page> {
        self.stack.last()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    Weeks(WeeksPage),
    Week(WeekPage),
    Session(Box<SessionPage>),
    Exercises(ExercisesPage),
    Progress(Box<ProgressPage>),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeeksPage {
    /// Newest first, down to the week of the first session.
    pub weeks: Vec<WeekSummary>,
    pub streak: u32,
    /// False until the first answer from the store.
    pub loaded: bool,
    /// More, older weeks exist than are loaded.
    pub more: bool,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeekPage {
    pub week: WeekSummary,
    pub sessions: Vec<SessionRow>,
    pub loaded: bool,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionPage {
    pub session: SessionRow,
    pub sets: Vec<SetRow>,
    pub loaded: bool,
    pub selected: usize,
    /// The set being corrected, and its form.
    pub edit: Option<(i64, Edit)>,
    /// The corrections saved on this page, newest last, for `z` to take
    /// back one at a time.
    pub undo: Vec<Correction>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExercisesPage {
    pub exercises: Vec<Exercise>,
    pub loaded: bool,
    pub selected: usize,
}

/// How far back a progress chart reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Weeks12,
    Year,
    Years5,
    All,
}

impl Span {
    pub const ALL: [Span; 4] = [Span::Weeks12, Span::Year, Span::Years5, Span::All];

    pub fn days(self) -> Option<i64> {
        match self {
            Span::Weeks12 => Some(84),
            Span::Year => Some(365),
            Span::Years5 => Some(5 * 365 + 1),
            Span::All => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Span::Weeks12 => "12 weeks",
            Span::Year => "1 year",
            Span::Years5 => "5 years",
            Span::All => "all time",
        }
    }
}

/// Which line the chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Epley estimate per side (rep exercises with a load).
    Estimate,
    /// Reps per session (rep exercises).
    Reps,
    /// Longest hold per side (holds).
    Hold,
    /// Distance per session (cardio).
    Distance,
    /// Best pace per session (cardio).
    Pace,
}

impl Metric {
    /// The chart an exercise of `kind` opens with.
    pub fn first(kind: Kind) -> Metric {
        match kind {
            Kind::Reps => Metric::Estimate,
            Kind::Hold => Metric::Hold,
            Kind::Cardio => Metric::Distance,
        }
    }

    /// The chart Tab turns to; `loaded`: the span holds sets with a load.
    pub fn next(self, loaded: bool) -> Metric {
        match self {
            Metric::Estimate => Metric::Reps,
            Metric::Reps if loaded => Metric::Estimate,
            Metric::Distance => Metric::Pace,
            Metric::Pace => Metric::Distance,
            m => m,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressPage {
    pub exercise: Exercise,
    pub span: Span,
    pub metric: Metric,
    pub points: Vec<ProgressPoint>,
    pub records: Vec<SideRecords>,
    /// Left against right in the latest session that did both.
    pub balance: Option<Box<Balance>>,
    /// A cardio exercise's records.
    pub cardio: Option<Box<CardioRecords>>,
    pub loaded: bool,
    /// The chart's time axis: `[from, to)`.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HistoryMsg {
    /// The start of the first session with a set; none in an empty history.
    FirstFound(Option<DateTime<Utc>>),
    WeeksLoaded {
        weeks: Vec<WeekSummary>,
        streak: Option<u32>,
    },
    WeekLoaded {
        week: WeekRange,
        sessions: Vec<SessionRow>,
    },
    SetsLoaded {
        session: i64,
        sets: Vec<SetRow>,
    },
    ExercisesLoaded(Vec<Exercise>),
    ProgressLoaded {
        exercise: i64,
        span: Span,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        points: Vec<ProgressPoint>,
        records: Vec<SideRecords>,
        /// The latest sets of each side in the span, which the page's
        /// left-right balance is made of.
        latest: Vec<(Side, Work)>,
        cardio: Option<Box<CardioRecords>>,
    },
    /// A correction was saved; the session's sets are reloaded with it.
    Corrected {
        correction: Option<Correction>,
        session: i64,
        sets: Vec<SetRow>,
    },
    /// What the earlier sets of a set just logged reached, on its exercise
    /// and side: the core decides which records it beat.
    BestsLoaded(LoggedSet, Earlier),
    /// The records a resumed session's sets were announced with: (set id, kind).
    Recalled(Vec<(i64, RecordKind)>),
}

/// The streak of weeks that met `target`, counted back from `current`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakOf {
    pub current: WeekRange,
    pub target: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HistoryEffect {
    /// Where the history begins: the week list is cut there.
    FindFirst,
    /// The totals of `weeks`, and with the first page the streak.
    LoadWeeks {
        weeks: Vec<WeekRange>,
        streak: Option<StreakOf>,
    },
    LoadWeek(WeekRange),
    LoadSets(i64),
    LoadExercises,
    /// The chart of `exercise` over `[from, to)`, a point per `bucket_days`.
    LoadProgress {
        exercise: i64,
        kind: Kind,
        span: Span,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        bucket_days: f64,
    },
    CorrectSet {
        session: i64,
        id: i64,
        work: Work,
        /// The new version's RPE and note; none keeps the old ones.
        notes: Option<(Option<Rpe>, Option<String>)>,
    },
    DeleteSet {
        session: i64,
        id: i64,
    },
    Undo {
        session: i64,
        correction: Correction,
    },
    /// Reads the earlier bests of a set just logged's exercise and side.
    LoadBests(LoggedSet),
    /// Keeps the records set `set` was announced with.
    RememberRecords {
        set: i64,
        kinds: Vec<RecordKind>,
    },
    /// Reads back the records the sets of session `.0`, resumed, were
    /// announced with, so that the summary lists those reached before a restart.
    RecallRecords(i64),
}

impl HistoryEffect {
    /// Corrections, and the records remembered with a logged set, write.
    pub fn writes(&self) -> bool {
        match self {
            HistoryEffect::FindFirst
            | HistoryEffect::LoadWeeks { .. }
            | HistoryEffect::LoadWeek(_)
            | HistoryEffect::LoadSets(_)
            | HistoryEffect::LoadExercises
            | HistoryEffect::LoadProgress { .. }
            | HistoryEffect::LoadBests(_)
            | HistoryEffect::RecallRecords(_) => false,
            HistoryEffect::CorrectSet { .. }
            | HistoryEffect::DeleteSet { .. }
            | HistoryEffect::Undo { .. }
            | HistoryEffect::RememberRecords { .. } => true,
        }
    }
}

impl ProgressPage {
    /// Whether the span's sets carried a load, so an estimate can be drawn.
    pub fn has_loads(&self) -> bool {
        self.points.iter().any(|p| p.heaviest_kg.is_some())
    }
}

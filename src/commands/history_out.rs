//! What the three output formats of `runstrong history` (`history_table`,
//! `history_csv`, `history_json`) share: the `Sink` they write through and
//! the way they give times and numbers. Field names are a promise to
//! scripts: docs/HISTORY.md lists them; change them only there first.

use std::io;

use chrono::{DateTime, Local, SecondsFormat, Utc};

use crate::domain::Unit;
use crate::domain::history::{SessionRow, SetRow, WeekSummary};
use crate::domain::load::kg_in;
use crate::domain::set::Work;

/// One week as the sinks receive it: its sessions (none below `--detail
/// sessions`), each with its sets (none below `--detail sets`).
pub type Sessions = [(SessionRow, Vec<SetRow>)];

/// Receives the history a whole week at a time, oldest first, so that a
/// format can write from the rows as they were read, copying nothing.
pub trait Sink {
    fn begin(&mut self, target: u32) -> io::Result<()>;
    fn week(&mut self, week: &WeekSummary, sessions: &Sessions) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
}

/// RFC 3339 in local time with its offset.
pub(super) fn stamp(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Load moved, `volume_kg` in `unit`, to hundredths.
pub(super) fn moved(volume_kg: f64, unit: Unit) -> f64 {
    (kg_in(volume_kg, unit) * 100.0).round() / 100.0
}

/// The name of a load-moved field: it says its unit.
pub(super) fn moved_field(unit: Unit) -> String {
    format!("load_moved_{}", unit.as_str())
}

pub(super) fn secs(d: std::time::Duration) -> f64 {
    d.as_millis() as f64 / 1000.0
}

/// A cardio set's time in seconds; none for other work.
pub(super) fn cardio_seconds(work: &Work) -> Option<f64> {
    match *work {
        Work::Cardio { time } => Some(secs(time)),
        _ => None,
    }
}

/// (reps, load value, unit, held seconds) of a set; absent parts are None.
pub(super) fn parts(work: &Work) -> (Option<u32>, Option<f64>, Option<&'static str>, Option<f64>) {
    match *work {
        Work::Reps { reps, load } => (
            Some(reps),
            load.map(|l| l.centi as f64 / 100.0),
            load.map(|l| l.unit.as_str()),
            None,
        ),
        Work::Hold { held, load } => (
            None,
            load.map(|l| l.centi as f64 / 100.0),
            load.map(|l| l.unit.as_str()),
            Some(secs(held)),
        ),
        Work::Cardio { .. } => (None, None, None, None),
    }
}

//! `runstrong history --format csv`: one row per week, session or set.

use std::io::{self, Write};

use super::history_out::{Sessions, Sink, cardio_seconds, moved, moved_field, parts, secs, stamp};
use crate::cli::Detail;
use crate::domain::Unit;
use crate::domain::history::{SessionRow, SetRow, Totals, WeekSummary};

/// The write error itself, so that a reader gone (`| head`) is still seen
/// as a broken pipe.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub struct Csv<'a> {
    /// Quotes a field only when it holds a comma, quote or line break.
    out: csv::Writer<&'a mut dyn Write>,
    detail: Detail,
    target: u32,
    /// The unit of load moved (config.toml's), named in its column.
    unit: Unit,
}

impl<'a> Csv<'a> {
    pub fn new(out: &'a mut dyn Write, detail: Detail, unit: Unit) -> Self {
        Csv {
            out: csv::Writer::from_writer(out),
            detail,
            target: 0,
            unit,
        }
    }

    fn totals_fields(&self, t: &Totals) -> [String; 4] {
        [
            t.sets.to_string(),
            t.reps.to_string(),
            moved(t.volume_kg, self.unit).to_string(),
            secs(t.held).to_string(),
        ]
    }

    fn row(&mut self, fields: &[String]) -> io::Result<()> {
        self.out.write_record(fields).map_err(io_error)
    }
}

impl Sink for Csv<'_> {
    fn begin(&mut self, target: u32) -> io::Result<()> {
        self.target = target;
        let moved = moved_field(self.unit);
        let header = match self.detail {
            Detail::Weeks => &format!(
                "week_start,iso_week,starts_at,ends_at,target,met,sessions,sets,reps,{moved},held_seconds"
            ),
            Detail::Sessions => &format!(
                "week_start,session_id,routine,started_at,ended_at,sets,reps,{moved},held_seconds"
            ),
            Detail::Sets => {
                "week_start,session_id,session_started_at,set_id,exercise,set_number,side,reps,load,unit,held_seconds,logged_at,corrected,rpe,notes,type,distance,distance_unit,duration_seconds"
            }
        };
        self.out.write_record(header.split(',')).map_err(io_error)
    }

    /// One row per week, session or set, as `--detail` says.
    fn week(&mut self, w: &WeekSummary, sessions: &Sessions) -> io::Result<()> {
        match self.detail {
            Detail::Weeks => self.week_row(w),
            Detail::Sessions => sessions
                .iter()
                .try_for_each(|(s, _)| self.session_row(w, s)),
            Detail::Sets => sessions
                .iter()
                .try_for_each(|(s, sets)| sets.iter().try_for_each(|set| self.set_row(w, s, set))),
        }
    }

    fn end(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Csv<'_> {
    fn week_row(&mut self, w: &WeekSummary) -> io::Result<()> {
        let mut row = vec![
            w.week.first_day.to_string(),
            w.week.iso_label(),
            stamp(w.week.start),
            stamp(w.week.end),
            self.target.to_string(),
            w.met(self.target).to_string(),
            w.totals.sessions.to_string(),
        ];
        row.extend(self.totals_fields(&w.totals));
        self.row(&row)
    }

    fn session_row(&mut self, w: &WeekSummary, s: &SessionRow) -> io::Result<()> {
        let mut row = vec![
            w.week.first_day.to_string(),
            s.id.to_string(),
            s.routine.clone(),
            stamp(s.started_at),
            opt(s.ended_at.map(stamp)),
        ];
        row.extend(self.totals_fields(&s.totals));
        self.row(&row)
    }

    fn set_row(&mut self, w: &WeekSummary, s: &SessionRow, set: &SetRow) -> io::Result<()> {
        let (reps, load, unit, held) = parts(&set.work);
        self.row(&[
            w.week.first_day.to_string(),
            s.id.to_string(),
            stamp(s.started_at),
            set.id.to_string(),
            set.exercise.to_string(),
            set.set_number.to_string(),
            opt(set.side.map(|s| s.as_str())),
            opt(reps),
            opt(load),
            opt(unit),
            opt(held),
            stamp(set.logged_at),
            set.corrected.to_string(),
            opt(set.rpe.map(|r| r.to_string())),
            set.note.clone().unwrap_or_default(),
            set.kind.as_str().to_string(),
            opt(set.distance.map(|d| d.centi as f64 / 100.0)),
            opt(set.distance.map(|d| d.unit.as_str())),
            opt(cardio_seconds(&set.work)),
        ])
    }
}

//! The three output formats of `runstrong history`. Field names are a
//! promise to scripts: docs/HISTORY.md lists them; change them only there first.

use std::io::{self, Write};

use chrono::{DateTime, Local, SecondsFormat, Utc};

use crate::cli::Detail;
use crate::domain::history::{SessionRow, SetRow, Totals, WeekSummary};
use crate::domain::set::Work;
use crate::domain::time;

/// Receives the history in order: a week, its sessions, each session's sets.
pub trait Sink {
    fn begin(&mut self, target: u32) -> io::Result<()>;
    fn week(&mut self, week: &WeekSummary) -> io::Result<()>;
    fn session(&mut self, week: &WeekSummary, session: &SessionRow) -> io::Result<()>;
    fn set(&mut self, week: &WeekSummary, session: &SessionRow, set: &SetRow) -> io::Result<()>;
    fn end_week(&mut self) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
}

/// RFC 3339 in local time with its offset.
pub(super) fn stamp(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub(super) fn kg(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

pub(super) fn secs(d: std::time::Duration) -> f64 {
    d.as_millis() as f64 / 1000.0
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
        Work::Hold { held } => (None, None, None, Some(secs(held))),
        Work::Cardio { .. } => (None, None, None, None),
    }
}

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
}

impl<'a> Csv<'a> {
    pub fn new(out: &'a mut dyn Write, detail: Detail) -> Self {
        Csv {
            out: csv::Writer::from_writer(out),
            detail,
            target: 0,
        }
    }

    fn row(&mut self, fields: &[String]) -> io::Result<()> {
        self.out.write_record(fields).map_err(io_error)
    }
}

fn totals_fields(t: &Totals) -> [String; 4] {
    [
        t.sets.to_string(),
        t.reps.to_string(),
        kg(t.volume_kg).to_string(),
        secs(t.held).to_string(),
    ]
}

impl Sink for Csv<'_> {
    fn begin(&mut self, target: u32) -> io::Result<()> {
        self.target = target;
        let header = match self.detail {
            Detail::Weeks => {
                "week_start,iso_week,starts_at,ends_at,target,met,sessions,sets,reps,load_moved_kg,held_seconds"
            }
            Detail::Sessions => {
                "week_start,session_id,routine,started_at,ended_at,sets,reps,load_moved_kg,held_seconds"
            }
            Detail::Sets => {
                "week_start,session_id,session_started_at,set_id,exercise,set_number,side,reps,load,unit,held_seconds,logged_at,corrected,rpe,notes,type,distance,distance_unit"
            }
        };
        self.out.write_record(header.split(',')).map_err(io_error)
    }

    fn week(&mut self, w: &WeekSummary) -> io::Result<()> {
        if self.detail != Detail::Weeks {
            return Ok(());
        }
        let mut row = vec![
            w.week.first_day.to_string(),
            w.week.iso_label(),
            stamp(w.week.start),
            stamp(w.week.end),
            self.target.to_string(),
            w.met(self.target).to_string(),
            w.totals.sessions.to_string(),
        ];
        row.extend(totals_fields(&w.totals));
        self.row(&row)
    }

    fn session(&mut self, w: &WeekSummary, s: &SessionRow) -> io::Result<()> {
        if self.detail != Detail::Sessions {
            return Ok(());
        }
        let mut row = vec![
            w.week.first_day.to_string(),
            s.id.to_string(),
            s.routine.clone(),
            stamp(s.started_at),
            opt(s.ended_at.map(stamp)),
        ];
        row.extend(totals_fields(&s.totals));
        self.row(&row)
    }

    fn set(&mut self, w: &WeekSummary, s: &SessionRow, set: &SetRow) -> io::Result<()> {
        let (reps, load, unit, held) = parts(&set.work);
        self.row(&[
            w.week.first_day.to_string(),
            s.id.to_string(),
            stamp(s.started_at),
            set.id.to_string(),
            set.exercise.clone(),
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
        ])
    }

    fn end_week(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

pub struct Table<'a> {
    out: &'a mut dyn Write,
    detail: Detail,
    target: u32,
}

impl<'a> Table<'a> {
    pub fn new(out: &'a mut dyn Write, detail: Detail) -> Self {
        Table {
            out,
            detail,
            target: 0,
        }
    }
}

fn totals_cells(t: &Totals) -> String {
    format!(
        "{:>5} {:>6} {:>10.1} {:>8}",
        t.sets,
        t.reps,
        t.volume_kg,
        time::clock(t.held)
    )
}

impl Sink for Table<'_> {
    fn begin(&mut self, target: u32) -> io::Result<()> {
        self.target = target;
        writeln!(
            self.out,
            "{:<20} {:<10} {:>5} {:>6} {:>10} {:>8}",
            "week", "sessions", "sets", "reps", "kg moved", "held"
        )
    }

    fn week(&mut self, w: &WeekSummary) -> io::Result<()> {
        let label = format!(
            "{} {}",
            w.week.first_day,
            w.week.iso_label().split('-').nth(1).unwrap_or_default()
        );
        let done = format!("{}/{}", w.totals.sessions, self.target);
        let mark = match (w.totals.sessions, w.met(self.target)) {
            (0, _) => "missed",
            (_, true) => "met",
            _ => "",
        };
        writeln!(
            self.out,
            "{label:<20} {done:>4} {mark:<5} {}",
            totals_cells(&w.totals)
        )
    }

    fn session(&mut self, _: &WeekSummary, s: &SessionRow) -> io::Result<()> {
        let start = s.started_at.with_timezone(&Local).format("%a %d %b %H:%M");
        writeln!(
            self.out,
            "  {start:<18} {:<10} {}",
            "",
            totals_cells(&s.totals)
        )
    }

    fn set(&mut self, _: &WeekSummary, _: &SessionRow, set: &SetRow) -> io::Result<()> {
        let at = set.logged_at.with_timezone(&Local).format("%H:%M");
        let side = set.side.map_or("", |s| s.letter());
        let work = set.work;
        let mark = if set.corrected { " (corrected)" } else { "" };
        writeln!(
            self.out,
            "    {at} {} #{:<3} {side:<1} {work}{mark}{}",
            crate::ui::text::pad(&set.exercise, 22),
            format!("{}{}", set.set_number, set.kind.letter()),
            set.remarks()
        )
    }

    fn end_week(&mut self) -> io::Result<()> {
        if self.detail > Detail::Weeks {
            writeln!(self.out)
        } else {
            Ok(())
        }
    }

    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}

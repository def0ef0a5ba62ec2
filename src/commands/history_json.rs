//! `runstrong history --format json`, streamed: each object is written as
//! soon as it is known, so memory does not grow with the weeks asked for.
//! Field names are documented in docs/HISTORY.md.

use std::io::{self, Write};

use serde::Serialize;

use super::history_out::{Sink, kg, parts, secs, stamp};
use crate::domain::history::{SessionRow, SetRow, Totals, WeekSummary};

#[derive(Serialize)]
struct TotalsOut {
    sessions: u32,
    sets: u32,
    reps: u32,
    load_moved_kg: f64,
    held_seconds: f64,
}

impl From<&Totals> for TotalsOut {
    fn from(t: &Totals) -> Self {
        TotalsOut {
            sessions: t.sessions,
            sets: t.sets,
            reps: t.reps,
            load_moved_kg: kg(t.volume_kg),
            held_seconds: secs(t.held),
        }
    }
}

#[derive(Serialize)]
struct WeekOut {
    week_start: String,
    iso_week: String,
    starts_at: String,
    ends_at: String,
    met: bool,
    totals: TotalsOut,
}

#[derive(Serialize)]
struct SessionOut<'a> {
    id: i64,
    routine: &'a str,
    started_at: String,
    ended_at: Option<String>,
    notes: Option<&'a str>,
    totals: TotalsOut,
}

#[derive(Serialize)]
struct SetOut<'a> {
    id: i64,
    exercise: &'a str,
    set_number: u32,
    side: Option<&'static str>,
    #[serde(rename = "type")]
    kind: &'static str,
    reps: Option<u32>,
    load: Option<f64>,
    unit: Option<&'static str>,
    held_seconds: Option<f64>,
    distance: Option<f64>,
    distance_unit: Option<&'static str>,
    logged_at: String,
    corrected: bool,
    rpe: Option<f64>,
    notes: Option<&'a str>,
}

/// Where the stream stands: which arrays are open, and whether a comma is due.
pub struct Json<'a> {
    out: &'a mut dyn Write,
    target: u32,
    weeks: usize,
    sessions: Option<usize>,
    sets: Option<usize>,
    /// One set's JSON, made here and written in one call: serde's many small
    /// writes through `dyn Write` cost more than the formatting itself.
    scratch: Vec<u8>,
}

impl<'a> Json<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Json {
            out,
            target: 0,
            weeks: 0,
            sessions: None,
            sets: None,
            scratch: Vec::with_capacity(512),
        }
    }

    /// Writes `value` as an object left open, followed by `"key":[`.
    fn open(&mut self, value: &impl Serialize, key: &str) -> io::Result<()> {
        let mut text = serde_json::to_vec(value)?;
        text.pop();
        self.out.write_all(&text)?;
        write!(self.out, ",\"{key}\":[")
    }

    fn close_session(&mut self) -> io::Result<()> {
        if self.sets.take().is_some() {
            self.out.write_all(b"]}")?;
        }
        Ok(())
    }
}

fn comma(count: &mut usize, out: &mut dyn Write) -> io::Result<()> {
    if *count > 0 {
        out.write_all(b",")?;
    }
    *count += 1;
    Ok(())
}

impl Sink for Json<'_> {
    fn begin(&mut self, target: u32) -> io::Result<()> {
        self.target = target;
        write!(self.out, "{{\"target\":{target},\"weeks\":[")
    }

    fn week(&mut self, w: &WeekSummary) -> io::Result<()> {
        comma(&mut self.weeks, self.out)?;
        self.out.write_all(b"\n")?;
        let week = WeekOut {
            week_start: w.week.first_day.to_string(),
            iso_week: w.week.iso_label(),
            starts_at: stamp(w.week.start),
            ends_at: stamp(w.week.end),
            met: w.met(self.target),
            totals: (&w.totals).into(),
        };
        self.open(&week, "sessions")?;
        self.sessions = Some(0);
        Ok(())
    }

    fn session(&mut self, _: &WeekSummary, s: &SessionRow) -> io::Result<()> {
        self.close_session()?;
        let mut count = self.sessions.unwrap_or(0);
        comma(&mut count, self.out)?;
        self.sessions = Some(count);
        let session = SessionOut {
            id: s.id,
            routine: &s.routine,
            started_at: stamp(s.started_at),
            ended_at: s.ended_at.map(stamp),
            notes: s.notes.as_deref(),
            totals: (&s.totals).into(),
        };
        self.open(&session, "sets")?;
        self.sets = Some(0);
        Ok(())
    }

    fn set(&mut self, _: &WeekSummary, _: &SessionRow, set: &SetRow) -> io::Result<()> {
        let mut count = self.sets.unwrap_or(0);
        comma(&mut count, self.out)?;
        self.sets = Some(count);
        let (reps, load, unit, held_seconds) = parts(&set.work);
        let out = SetOut {
            id: set.id,
            exercise: &set.exercise,
            set_number: set.set_number,
            side: set.side.map(|s| s.as_str()),
            kind: set.kind.as_str(),
            reps,
            load,
            unit,
            held_seconds,
            distance: set.distance.map(|d| d.centi as f64 / 100.0),
            distance_unit: set.distance.map(|d| d.unit.as_str()),
            logged_at: stamp(set.logged_at),
            corrected: set.corrected,
            rpe: set.rpe.map(|r| r.value()),
            notes: set.note.as_deref(),
        };
        self.scratch.clear();
        serde_json::to_writer(&mut self.scratch, &out)?;
        self.out.write_all(&self.scratch)
    }

    fn end_week(&mut self) -> io::Result<()> {
        self.close_session()?;
        if self.sessions.take().is_some() {
            self.out.write_all(b"]}")?;
        }
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        writeln!(self.out, "\n]}}")
    }
}

//! `runstrong history --format json`, streamed a week at a time: each week
//! is serialized (serde) when it ends, so memory follows one week, not the
//! weeks asked for. Field names are documented in docs/HISTORY.md.

use std::io::{self, Write};

use serde::Serialize;

use super::history_out::{Sessions, Sink, cardio_seconds, moved, parts, secs, stamp};
use crate::domain::Unit;
use crate::domain::history::{SessionRow, SetRow, Totals, WeekSummary};

/// Load moved is `load_moved_kg` or `load_moved_lb`, as config.toml's
/// unit says (and the document's `unit`).
#[derive(Serialize)]
struct TotalsOut {
    sessions: u32,
    sets: u32,
    reps: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    load_moved_kg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    load_moved_lb: Option<f64>,
    held_seconds: f64,
}

impl TotalsOut {
    fn new(t: &Totals, unit: Unit) -> Self {
        let moved = moved(t.volume_kg, unit);
        TotalsOut {
            sessions: t.sessions,
            sets: t.sets,
            reps: t.reps,
            load_moved_kg: (unit == Unit::Kg).then_some(moved),
            load_moved_lb: (unit == Unit::Lb).then_some(moved),
            held_seconds: secs(t.held),
        }
    }
}

/// The week and its rows, serialized straight from the rows read: nothing
/// is copied but the times and numbers formatted.
#[derive(Serialize)]
struct WeekOut<'a> {
    week_start: String,
    iso_week: String,
    starts_at: String,
    ends_at: String,
    met: bool,
    totals: TotalsOut,
    sessions: SessionsOut<'a>,
}

/// A week's sessions, each made into its view as it is written.
struct SessionsOut<'a> {
    rows: &'a Sessions,
    unit: Unit,
}

impl Serialize for SessionsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.rows.iter().map(|row| SessionOut::new(row, self.unit)))
    }
}

#[derive(Serialize)]
struct SessionOut<'a> {
    id: i64,
    routine: &'a str,
    started_at: String,
    ended_at: Option<String>,
    notes: Option<&'a str>,
    totals: TotalsOut,
    #[serde(serialize_with = "each::<_, SetOut, _>")]
    sets: &'a [SetRow],
}

impl<'a> SessionOut<'a> {
    fn new((s, sets): &'a (SessionRow, Vec<SetRow>), unit: Unit) -> Self {
        SessionOut {
            id: s.id,
            routine: &s.routine,
            started_at: stamp(s.started_at),
            ended_at: s.ended_at.map(stamp),
            notes: s.notes.as_deref(),
            totals: TotalsOut::new(&s.totals, unit),
            sets,
        }
    }
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
    duration_seconds: Option<f64>,
    logged_at: String,
    corrected: bool,
    rpe: Option<f64>,
    notes: Option<&'a str>,
}

impl<'a> From<&'a SetRow> for SetOut<'a> {
    fn from(set: &'a SetRow) -> Self {
        let (reps, load, unit, held_seconds) = parts(&set.work);
        SetOut {
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
            duration_seconds: cardio_seconds(&set.work),
            logged_at: stamp(set.logged_at),
            corrected: set.corrected,
            rpe: set.rpe.map(|r| r.value()),
            notes: set.note.as_deref(),
        }
    }
}

/// A slice of rows as a JSON array of their `O` views, made one at a time.
fn each<'a, T, O, S>(rows: &&'a [T], ser: S) -> Result<S::Ok, S::Error>
where
    O: Serialize + From<&'a T>,
    S: serde::Serializer,
{
    let rows: &'a [T] = rows;
    ser.collect_seq(rows.iter().map(O::from))
}

/// The document is `{"target":n,"unit":"kg","weeks":[...]}`, one week to a line; only
/// its frame is written here, each week is serde's.
pub struct Json<'a> {
    out: &'a mut dyn Write,
    target: u32,
    unit: Unit,
    weeks: usize,
    /// One week's JSON, made here and written in one call: serde's many
    /// small writes through `dyn Write` cost more than the formatting.
    scratch: Vec<u8>,
}

impl<'a> Json<'a> {
    pub fn new(out: &'a mut dyn Write, unit: Unit) -> Self {
        Json {
            out,
            target: 0,
            unit,
            weeks: 0,
            scratch: Vec::with_capacity(1 << 12),
        }
    }
}

impl Sink for Json<'_> {
    fn begin(&mut self, target: u32) -> io::Result<()> {
        self.target = target;
        let unit = self.unit.as_str();
        write!(
            self.out,
            "{{\"target\":{target},\"unit\":\"{unit}\",\"weeks\":["
        )
    }

    fn week(&mut self, w: &WeekSummary, sessions: &Sessions) -> io::Result<()> {
        let week = WeekOut {
            week_start: w.week.first_day.to_string(),
            iso_week: w.week.iso_label(),
            starts_at: stamp(w.week.start),
            ends_at: stamp(w.week.end),
            met: w.met(self.target),
            totals: TotalsOut::new(&w.totals, self.unit),
            sessions: SessionsOut {
                rows: sessions,
                unit: self.unit,
            },
        };
        self.scratch.clear();
        if self.weeks > 0 {
            self.scratch.push(b',');
        }
        self.weeks += 1;
        self.scratch.push(b'\n');
        serde_json::to_writer(&mut self.scratch, &week)?;
        self.out.write_all(&self.scratch)
    }

    fn end(&mut self) -> io::Result<()> {
        writeln!(self.out, "\n]}}")
    }
}

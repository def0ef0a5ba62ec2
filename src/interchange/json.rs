//! runstrong's own JSON document: versioned, every stored field, written one
//! session per line so a large export streams and diffs well.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::ImportError;
use super::bounds;
use super::workout::{BadRow, ExerciseDef, Import, Workout, WorkoutSet};
use crate::domain::Routine;
use crate::domain::set::Rpe;

pub const FORMAT: &str = "runstrong";
/// Bumped when a field is added or changes meaning; readers refuse newer
/// versions. 2 added `routines`.
pub const VERSION: u32 = 2;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    #[serde(default)]
    exercises: Vec<ExerciseDef>,
    #[serde(default)]
    routines: Vec<Routine>,
    #[serde(default)]
    sessions: Vec<Workout>,
}

pub fn parse(text: &str) -> Result<Import, ImportError> {
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        ImportError::Syntax(format!("line {}, column {}: {e}", e.line(), e.column()))
    })?;
    if doc.format != FORMAT {
        return Err(ImportError::Syntax(format!(
            "format is {:?}, not {FORMAT:?}",
            doc.format
        )));
    }
    if doc.version > VERSION {
        return Err(ImportError::Syntax(format!(
            "document version {} is newer than this runstrong reads ({VERSION}); upgrade runstrong",
            doc.version
        )));
    }
    let bad_routines = doc.routines.iter().filter_map(|r| {
        r.check().err().map(|(_, reason)| BadRow {
            at: format!("routine {:?}", r.name),
            reason,
        })
    });
    let bad_sessions = doc.sessions.iter().enumerate().filter_map(|(i, w)| {
        check_times(w).err().map(|reason| BadRow {
            at: format!("session {}", i + 1),
            reason,
        })
    });
    let bad: Vec<BadRow> = bad_routines
        .chain(bad_sessions)
        .chain(doc.sessions.iter().enumerate().flat_map(|(i, w)| {
            w.sets.iter().enumerate().filter_map(move |(j, s)| {
                check(s).err().map(|reason| BadRow {
                    at: format!("session {}, set {}", i + 1, j + 1),
                    reason,
                })
            })
        }))
        .collect();
    if !bad.is_empty() {
        return Err(ImportError::BadRows(bad));
    }
    Ok(Import {
        exercises: doc.exercises,
        routines: doc.routines,
        workouts: doc.sessions,
        ..Import::default()
    })
}

/// A session's start within the calendar, its end within bounds of it.
fn check_times(w: &Workout) -> Result<(), String> {
    bounds::date(w.started_at)?;
    if let Some(end) = w.ended_at {
        bounds::session_end(w.started_at, (end - w.started_at).num_milliseconds())?;
    }
    Ok(())
}

/// The rules the database enforces, checked first so a bad document is
/// reported by place rather than as a failed constraint.
fn check(s: &WorkoutSet) -> Result<(), String> {
    if s.exercise.trim().is_empty() {
        return Err("exercise is empty".into());
    }
    if s.set_number == 0 {
        return Err("set_number must be at least 1".into());
    }
    if s.load.is_some_and(|l| l.centi <= 0) {
        return Err("load must be positive (leave it out for bodyweight)".into());
    }
    if s.distance.is_some_and(|d| d.centi < 0)
        || s.hold_ms.is_some_and(|v| v < 0)
        || s.duration_ms.is_some_and(|v| v < 0)
    {
        return Err("distance, hold_ms and duration_ms cannot be negative".into());
    }
    if s.rpe.is_some_and(|r| Rpe::from_value(r).is_none()) {
        return Err("rpe must be 1 to 10 in half steps".into());
    }
    s.reps.map(bounds::reps).transpose()?;
    s.load.map(bounds::load).transpose()?;
    s.distance.map(bounds::distance).transpose()?;
    s.hold_ms
        .map(|ms| bounds::set_ms(ms, "hold_ms"))
        .transpose()?;
    s.duration_ms
        .map(|ms| bounds::set_ms(ms, "duration_ms"))
        .transpose()?;
    bounds::date(s.logged_at)?;
    Ok(())
}

/// Writes a document one session at a time.
pub struct Writer<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> Writer<W> {
    pub fn begin(
        mut out: W,
        exercises: &[ExerciseDef],
        routines: &[Routine],
    ) -> io::Result<Writer<W>> {
        write!(
            out,
            "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\n\"exercises\":"
        )?;
        serde_json::to_writer(&mut out, exercises)?;
        write!(out, ",\n\"routines\":")?;
        serde_json::to_writer(&mut out, routines)?;
        write!(out, ",\n\"sessions\":[")?;
        Ok(Writer { out, first: true })
    }

    pub fn session(&mut self, w: &Workout) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        serde_json::to_writer(&mut self.out, w)?;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

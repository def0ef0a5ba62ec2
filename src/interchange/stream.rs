//! Reading an export as a stream: once ([`once`]), handing the workouts on
//! as they are read and saying at the end what the whole file held; or
//! twice over, a first pass checking every row and gathering what the store
//! needs before it writes anything ([`scan`]), a second handing the workouts
//! on ([`workouts`]). One workout is held at a time, whatever the size of
//! the file (runstrong's own JSON, a single document, is read whole).

use std::io::{self, Read};

use chrono::TimeZone;

use super::workout::{ExerciseDef, Import, Kinds, Workout};
use super::{Format, ImportError, detect, fitnotes, hevy, json, strong};
use crate::domain::Unit;

/// How much of the start of a file detection reads.
const HEAD: u64 = 1 << 16;

/// Text to import, read from its start as often as needed.
pub trait Source {
    /// The text from its start, a byte-order mark skipped.
    fn open(&self) -> io::Result<Box<dyn Read + '_>>;
    /// The text from byte `from` (counted as [`Source::open`] reads) to the end.
    fn tail(&self, from: u64) -> io::Result<Vec<u8>>;
}

/// Text in memory.
pub struct Text<'a>(pub &'a str);

impl Source for Text<'_> {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(without_bom(self.0.as_bytes())))
    }

    fn tail(&self, from: u64) -> io::Result<Vec<u8>> {
        let text = without_bom(self.0.as_bytes());
        let from = usize::try_from(from).map_or(text.len(), |f| f.min(text.len()));
        Ok(text[from..].to_vec())
    }
}

/// `bytes` without a UTF-8 byte-order mark at the start.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

pub fn unreadable(e: io::Error) -> ImportError {
    ImportError::Syntax(e.to_string())
}

/// What a first pass over a file found: all of it good.
#[derive(Debug)]
pub struct Scan {
    pub format: Format,
    /// What the file held besides its workouts (rounded values, rest rows,
    /// routines), for the report; its `workouts` are empty.
    pub summary: Import,
    /// Every exercise the workouts refer to, as they are to be created.
    pub exercises: Vec<ExerciseDef>,
    pub sets: u64,
    kinds: Kinds,
    unit: Option<Unit>,
}

/// The format of `source`: `format`, else detected from its start.
pub fn format_of(source: &dyn Source, format: Option<Format>) -> Result<Format, ImportError> {
    let mut head = Vec::new();
    source
        .open()
        .and_then(|r| r.take(HEAD).read_to_end(&mut head))
        .map_err(unreadable)?;
    // A character cut at the end of what was read is no fault.
    if let Err(e) = std::str::from_utf8(&head)
        && e.error_len().is_some()
    {
        return Err(ImportError::NotText(e.valid_up_to() as u64));
    }
    let text = String::from_utf8_lossy(&head);
    if text.trim().is_empty() && (head.len() as u64) < HEAD {
        return Err(ImportError::Empty);
    }
    format
        .or_else(|| detect(&text))
        .ok_or(ImportError::UnknownFormat)
}

/// Reads `source` whole, checking every row; nothing is kept but what
/// [`workouts`] and the report need. `format` of `None` detects it; `unit`
/// is the weight unit for files that have no unit column; wall-clock times
/// in CSV files are read in `tz`.
pub fn scan<Tz: TimeZone>(
    source: &dyn Source,
    format: Option<Format>,
    unit: Option<Unit>,
    tz: &Tz,
) -> Result<Scan, ImportError> {
    let format = format_of(source, format)?;
    let mut kinds = Kinds::default();
    let mut sets = 0;
    let summary = read(source, format, unit, tz, &mut |w| {
        kinds.add(&w);
        sets += w.sets.len() as u64;
    })?;
    Ok(Scan {
        format,
        exercises: kinds.defs(&summary.exercises),
        summary,
        sets,
        kinds,
        unit,
    })
}

/// A file read once, all of it good.
#[derive(Debug)]
pub struct Once {
    /// As [`Scan::summary`].
    pub summary: Import,
    /// Every exercise the workouts refer to, as [`scan`] would have them
    /// created.
    pub exercises: Vec<ExerciseDef>,
    /// Some workout was handed on otherwise than [`workouts`] would hand it
    /// (see [`Kinds::unsettled`]): what was stored of it must be undone and
    /// the file read in two passes.
    pub unsettled: bool,
}

/// Reads `source` once, in `format`, handing each workout to `each` as soon
/// as it is read, settled by what the file showed up to it; at the end, what
/// a [`scan`] would have found first. A bad row refuses the file: reading
/// goes on to list every bad row, but no workout is handed on after the
/// first.
pub fn once<Tz: TimeZone>(
    source: &dyn Source,
    format: Format,
    unit: Option<Unit>,
    tz: &Tz,
    each: &mut dyn FnMut(Workout),
) -> Result<Once, ImportError> {
    let mut kinds = Kinds::default();
    let summary = read(source, format, unit, tz, &mut |mut w| {
        kinds.add(&w);
        kinds.settle(&mut w);
        each(w);
    })?;
    Ok(Once {
        exercises: kinds.defs(&summary.exercises),
        unsettled: kinds.unsettled(),
        summary,
    })
}

/// Reads `source` again, as `scan` found it, handing each workout to
/// `each`.
pub fn workouts<Tz: TimeZone>(
    source: &dyn Source,
    scan: &Scan,
    tz: &Tz,
    each: &mut dyn FnMut(Workout),
) -> Result<(), ImportError> {
    read(source, scan.format, scan.unit, tz, &mut |mut w| {
        scan.kinds.settle(&mut w);
        each(w);
    })
    .map(drop)
}

/// Reads a whole export into memory: [`scan`] and [`workouts`] in one.
pub fn parse<Tz: TimeZone>(
    text: &str,
    format: Option<Format>,
    unit: Option<Unit>,
    tz: &Tz,
) -> Result<(Format, Import), ImportError> {
    let source = Text(text);
    let format = format_of(&source, format)?;
    let mut workouts = Vec::new();
    let mut import = read(&source, format, unit, tz, &mut |w| workouts.push(w))?;
    let mut kinds = Kinds::default();
    for w in &workouts {
        kinds.add(w);
    }
    for w in &mut workouts {
        kinds.settle(w);
    }
    import.workouts = workouts;
    Ok((format, import))
}

fn read<Tz: TimeZone>(
    source: &dyn Source,
    format: Format,
    unit: Option<Unit>,
    tz: &Tz,
    done: &mut dyn FnMut(Workout),
) -> Result<Import, ImportError> {
    match format {
        Format::Strong => strong::parse(source, unit, tz, done),
        Format::Hevy => hevy::parse(source, tz, done),
        Format::Fitnotes => fitnotes::parse(source, tz, done),
        Format::Runstrong => {
            let mut text = String::new();
            source
                .open()
                .and_then(|mut r| r.read_to_string(&mut text))
                .map_err(unreadable)?;
            let mut import = json::parse(&text)?;
            for w in import.workouts.drain(..) {
                done(w);
            }
            Ok(import)
        }
    }
}

//! The Strong app's CSV export, in all its layouts: 12 or 10 columns with
//! commas; semicolons with `Weight Unit` and `Distance Unit` columns; the
//! newer all-quoted semicolon layout with units in the headers
//! (`Weight (kg)`, `Distance (meters)`, `Duration (sec)`). runstrong's own
//! CSV export is this layout plus `Side` (and the unit columns).

use std::borrow::Cow;
use std::cell::Cell;

use chrono::TimeZone;
use csv::StringRecord;

use super::bounds;
use super::csv_in::{self, Columns};
use super::group::{self, Entry, Row, Workouts};
use super::languages;
use super::times;
use super::values;
use super::values::Rounding;
use super::workout::Import;
use super::workout::{DistanceUnit, SetType, Workout, WorkoutSet};
use super::{ImportError, Source};
use crate::domain::{Side, Unit};

pub const SOURCE: &str = "strong";
/// The reason a row gives when the whole file needs `--unit`.
const NO_UNIT: &str = "no weight unit";
const DATE_FORMATS: &[&str] = &["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"];

/// Where a column's unit comes from.
#[derive(Clone, Copy)]
enum UnitFrom<U> {
    Column(usize),
    Fixed(U),
    /// The file does not say; this is what it most likely means.
    Assumed(U),
    /// Neither the file nor `--unit` says.
    Unknown,
}

struct Layout {
    date: Option<usize>,
    name: Option<usize>,
    duration: Option<usize>,
    exercise: Option<usize>,
    order: Option<usize>,
    weight: Option<usize>,
    weight_unit: UnitFrom<Unit>,
    reps: Option<usize>,
    distance: Option<usize>,
    distance_unit: UnitFrom<DistanceUnit>,
    seconds: Option<usize>,
    notes: Option<usize>,
    workout_notes: Option<usize>,
    rpe: Option<usize>,
    side: Option<usize>,
    /// runstrong's own export: the start in UTC.
    utc_start: Option<usize>,
    /// The header's language, when not English.
    language: Option<&'static str>,
    /// `Set Order` keywords of the file's language, with their English.
    keywords: &'static [(&'static str, &'static str)],
    /// Weights are in kg by the header, whatever the person typed: the
    /// app converted pounds, and exact conversions are read back.
    kg_by_header: bool,
}

/// What reading the rows noticed, for the report.
#[derive(Default)]
struct Found {
    rounded: Rounding,
    /// Weights read back as the pounds the app converted to kg.
    pounds: u64,
}

/// True when the header line looks like a Strong export.
pub fn looks_like(header: &str) -> bool {
    let h = header.to_lowercase();
    (h.contains("exercise name") && h.contains("set order")) || languages::of_header(&h).is_some()
}

/// Reads `source`, handing each workout to `done`; what else it held, for
/// the report.
pub fn parse<Tz: TimeZone>(
    source: &dyn Source,
    unit: Option<Unit>,
    tz: &Tz,
    done: &mut dyn FnMut(Workout),
) -> Result<Import, ImportError> {
    let mut found = Found::default();
    let mut times = times::LocalTimes::new(tz, DATE_FORMATS);
    // A file that needs `--unit` is refused whole: nothing is handed on
    // once a row shows it.
    let needs_unit = Cell::new(false);
    let mut hand_on = |w: Workout| {
        if !needs_unit.get() {
            done(w);
        }
    };
    let mut workouts = Workouts::new(SOURCE, &mut hand_on);
    let mut assumed = None;
    let mut language = None;
    let read = csv_in::rows(
        source,
        |c| {
            let layout = layout(c, unit)?;
            language = layout.language;
            if let UnitFrom::Assumed(u) = layout.distance_unit {
                assumed = Some(u);
            }
            Ok(layout)
        },
        |layout, c, record, line| {
            let row = read(layout, c, record, line, &mut times, &mut found);
            if row.as_ref().is_err_and(|e| e == NO_UNIT) {
                needs_unit.set(true);
                return Ok(None);
            }
            row
        },
        &mut workouts,
    );
    if needs_unit.get() {
        return Err(ImportError::NeedsUnit);
    }
    read?;
    let distances = workouts.distances();
    let mut import = workouts.finish(found.rounded);
    import.pounds = found.pounds;
    import.language = language;
    import.assumed_distance_unit = assumed.filter(|_| distances);
    Ok(import)
}

fn layout(c: &mut Columns, unit: Option<Unit>) -> Result<Layout, ImportError> {
    let language = c.language(languages::LANGUAGES);
    if let Some(language) = language {
        c.translate(language);
    }
    c.require(&["date", "workout name", "exercise name", "set order"])?;
    let weight_unit = if let Some(at) = c.find(&["weight unit"]) {
        UnitFrom::Column(at)
    } else if c.has("weight (kg)") || c.has("weight (kgs)") {
        UnitFrom::Fixed(Unit::Kg)
    } else if c.has("weight (lbs)") || c.has("weight (lb)") {
        UnitFrom::Fixed(Unit::Lb)
    } else if c.has("weight") {
        unit.map_or(UnitFrom::Unknown, UnitFrom::Fixed)
    } else {
        UnitFrom::Fixed(unit.unwrap_or_default())
    };
    let distance_unit = if let Some(at) = c.find(&["distance unit"]) {
        UnitFrom::Column(at)
    } else if c.has("distance (meters)") || c.has("distance (m)") {
        UnitFrom::Fixed(DistanceUnit::M)
    } else if c.has("distance (km)") {
        UnitFrom::Fixed(DistanceUnit::Km)
    } else if c.has("distance (miles)") || c.has("distance (mi)") {
        UnitFrom::Fixed(DistanceUnit::Mi)
    } else {
        // Strong writes distance in the unit system of its weights.
        UnitFrom::Assumed(if matches!(weight_unit, UnitFrom::Fixed(Unit::Lb)) {
            DistanceUnit::Mi
        } else {
            DistanceUnit::Km
        })
    };
    Ok(Layout {
        date: c.find(&["date"]),
        name: c.find(&["workout name"]),
        duration: c.find(&["duration", "duration (sec)", "duration (seconds)"]),
        exercise: c.find(&["exercise name"]),
        order: c.find(&["set order"]),
        weight: c.find(&[
            "weight",
            "weight (kg)",
            "weight (kgs)",
            "weight (lbs)",
            "weight (lb)",
        ]),
        weight_unit,
        reps: c.find(&["reps"]),
        distance: c.find(&[
            "distance",
            "distance (meters)",
            "distance (m)",
            "distance (km)",
            "distance (miles)",
            "distance (mi)",
        ]),
        distance_unit,
        seconds: c.find(&["seconds"]),
        notes: c.find(&["notes"]),
        workout_notes: c.find(&["workout notes"]),
        rpe: c.find(&["rpe"]),
        side: c.find(&["side"]),
        utc_start: c.find(&["start (utc)"]),
        language: language.map(|l| l.name),
        keywords: language.map_or(&[], |l| l.set_order),
        kg_by_header: c.has("weight (kg)") || c.has("weight (kgs)"),
    })
}

fn unit_of<U: std::str::FromStr<Err = String> + Copy>(
    from: UnitFrom<U>,
    c: &Columns,
    r: &StringRecord,
) -> Result<Option<U>, String> {
    match from {
        UnitFrom::Fixed(u) | UnitFrom::Assumed(u) => Ok(Some(u)),
        UnitFrom::Unknown => Ok(None),
        UnitFrom::Column(at) => {
            let text = c.field(r, Some(at));
            if text.is_empty() {
                Ok(None)
            } else {
                text.parse().map(Some)
            }
        }
    }
}

fn read<'r, Tz: TimeZone>(
    l: &Layout,
    c: &Columns,
    r: &'r StringRecord,
    line: u64,
    times: &mut times::LocalTimes<Tz>,
    found: &mut Found,
) -> Result<Option<Row<'r>>, String> {
    let date = c.field(r, l.date);
    let routine = c.field(r, l.name);
    let exercise = c.field(r, l.exercise);
    if routine.is_empty() || exercise.is_empty() {
        return Err("workout name and exercise name must not be empty".into());
    }
    let started_at = match c.field(r, l.utc_start) {
        "" => times.read(date)?,
        utc => crate::domain::time::from_db(utc)
            .ok_or_else(|| {
                format!("start (utc) {utc:?} is not a time like 2025-01-17T06:07:00.000Z")
            })
            .and_then(bounds::date)?,
    };
    let duration = values::duration_ms(c.field(r, l.duration))?.unwrap_or(0);
    let ended_at = bounds::session_end(started_at, duration)?;
    let order = c.field(r, l.order);
    let lower = values::lowercase(order);
    let keyword = l
        .keywords
        .iter()
        .find(|(_, local)| local.eq_ignore_ascii_case(&lower))
        .map_or(lower.as_ref(), |(english, _)| english);
    let (set_number, set_type) = match keyword {
        "rest timer" => {
            let ms = values::seconds_ms(c.field(r, l.seconds), "rest seconds")?.unwrap_or(0);
            return Ok(Some(row(
                c,
                l,
                r,
                date,
                started_at,
                ended_at,
                Entry::Rest { ms },
            )));
        }
        "note" => {
            let text = c.field(r, l.notes).to_string();
            return Ok(Some(row(
                c,
                l,
                r,
                date,
                started_at,
                ended_at,
                Entry::Note(text),
            )));
        }
        "w" | "warm_up" => (None, SetType::Warmup),
        "d" | "drop_set" => (None, SetType::Drop),
        "f" | "failure" => (None, SetType::Failure),
        _ => match values::count(order, "set order") {
            Ok(Some(n)) if n > 0 => (Some(n), SetType::Normal),
            _ => {
                return Err(format!(
                    "set order {order:?} is not a set number, W or WARM_UP, D or DROP_SET, F or FAILURE, Rest Timer or Note"
                ));
            }
        },
    };
    let weight_text = c.field(r, l.weight);
    let pounds = l
        .kg_by_header
        .then(|| values::pounds_from_kg(weight_text))
        .flatten();
    let load = match pounds {
        Some(load) => {
            found.pounds += 1;
            Some(load)
        }
        None if values::is_none(weight_text) => None,
        None => match unit_of(l.weight_unit, c, r)? {
            Some(unit) => values::weight(weight_text, unit, line, &mut found.rounded)?,
            None if matches!(l.weight_unit, UnitFrom::Unknown) => return Err(NO_UNIT.into()),
            None => return Err(format!("weight {weight_text:?} has no unit")),
        },
    };
    // A unit beside no distance says nothing (Strong writes `mi.` on every
    // row of a file, planks included).
    let distance_text = c.field(r, l.distance);
    let distance = if values::is_none(distance_text) {
        None
    } else {
        match unit_of(l.distance_unit, c, r)? {
            Some(unit) => values::distance(distance_text, unit, line, &mut found.rounded)?,
            None => return Err(format!("distance {distance_text:?} has no unit")),
        }
    };
    let side = match c.field(r, l.side) {
        "" => None,
        s => Some(
            s.to_ascii_lowercase()
                .parse::<Side>()
                .map_err(|_| format!("side {s:?} is not left or right"))?,
        ),
    };
    let reps = values::reps(c.field(r, l.reps))?;
    let seconds = values::seconds_ms(c.field(r, l.seconds), "seconds")?.filter(|&ms| ms > 0);
    let notes = Some(c.field(r, l.notes).to_string()).filter(|n| !n.is_empty());
    let set = group::timed(
        WorkoutSet {
            exercise: exercise.to_string(),
            set_number: 1,
            side,
            set_type,
            reps,
            load,
            hold_ms: None,
            duration_ms: None,
            distance,
            rpe: values::rpe(c.field(r, l.rpe))?,
            notes,
            logged_at: started_at,
        },
        seconds,
    );
    Ok(Some(row(
        c,
        l,
        r,
        date,
        started_at,
        ended_at,
        Entry::Set { set_number, set },
    )))
}

fn row<'r>(
    c: &Columns,
    l: &Layout,
    r: &'r StringRecord,
    date: &'r str,
    started_at: chrono::DateTime<chrono::Utc>,
    ended_at: chrono::DateTime<chrono::Utc>,
    entry: Entry,
) -> Row<'r> {
    Row {
        start: date,
        routine: c.field(r, l.name),
        started_at,
        ended_at,
        workout_notes: Some(c.field(r, l.workout_notes))
            .filter(|n| !n.is_empty())
            .map(Cow::Borrowed),
        exercise: c.field(r, l.exercise),
        exercise_note: None,
        entry,
    }
}

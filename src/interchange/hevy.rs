//! Hevy's CSV export: quoted snake_case columns, one row per set, times
//! like `17 Jan 2025, 06:07`, the weight unit in the header (`weight_kg` or
//! `weight_lbs`). `superset_id` has nowhere to go and is not kept.

use std::borrow::Cow;

use chrono::TimeZone;
use csv::StringRecord;

use super::csv_in::{self, Columns};
use super::group::{self, Entry, Row, Workouts};
use super::times;
use super::values;
use super::values::Rounding;
use super::workout::{DistanceUnit, Import, SetType, Workout, WorkoutSet};
use super::{ImportError, Source};
use crate::domain::Unit;

pub const SOURCE: &str = "hevy";
const TIME_FORMATS: &[&str] = &[
    "%d %b %Y, %H:%M",
    "%d %b %Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
];

struct Layout {
    title: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    description: Option<usize>,
    exercise: Option<usize>,
    exercise_notes: Option<usize>,
    set_index: Option<usize>,
    set_type: Option<usize>,
    weight: Option<usize>,
    unit: Unit,
    reps: Option<usize>,
    distance: Option<usize>,
    distance_unit: DistanceUnit,
    seconds: Option<usize>,
    rpe: Option<usize>,
}

/// True when the header line looks like a Hevy export.
pub fn looks_like(header: &str) -> bool {
    header.contains("exercise_title") && header.contains("start_time")
}

/// Reads `source`, handing each workout to `done`; what else it held, for
/// the report.
pub fn parse<Tz: TimeZone>(
    source: &dyn Source,
    tz: &Tz,
    done: &mut dyn FnMut(Workout),
) -> Result<Import, ImportError> {
    let mut rounded = Rounding::default();
    let mut times = [
        times::LocalTimes::new(tz, TIME_FORMATS),
        times::LocalTimes::new(tz, TIME_FORMATS),
    ];
    let mut workouts = Workouts::new(SOURCE, done);
    csv_in::rows(
        source,
        |c| layout(c),
        |l, c, record, line| read(l, c, record, line, &mut times, &mut rounded),
        &mut workouts,
    )?;
    Ok(workouts.finish(rounded))
}

fn layout(c: &Columns) -> Result<Layout, ImportError> {
    c.require(&["title", "start_time", "exercise_title", "set_index"])?;
    let unit = if c.has("weight_lbs") {
        Unit::Lb
    } else {
        Unit::Kg
    };
    let distance_unit = if c.has("distance_miles") {
        DistanceUnit::Mi
    } else {
        DistanceUnit::Km
    };
    Ok(Layout {
        title: c.find(&["title"]),
        start: c.find(&["start_time"]),
        end: c.find(&["end_time"]),
        description: c.find(&["description"]),
        exercise: c.find(&["exercise_title"]),
        exercise_notes: c.find(&["exercise_notes"]),
        set_index: c.find(&["set_index"]),
        set_type: c.find(&["set_type"]),
        weight: c.find(&["weight_kg", "weight_lbs"]),
        unit,
        reps: c.find(&["reps"]),
        distance: c.find(&["distance_km", "distance_miles"]),
        distance_unit,
        seconds: c.find(&["duration_seconds"]),
        rpe: c.find(&["rpe"]),
    })
}

/// Hevy writes some line breaks in notes as a literal backslash-n.
fn note(text: &str) -> Option<Cow<'_, str>> {
    let note = if text.contains("\\n") {
        Cow::Owned(text.replace("\\n", "\n").trim().to_string())
    } else {
        Cow::Borrowed(text.trim())
    };
    Some(note).filter(|n| !n.is_empty())
}

fn read<'r, Tz: TimeZone>(
    l: &Layout,
    c: &Columns,
    r: &'r StringRecord,
    line: u64,
    [starts, ends]: &mut [times::LocalTimes<Tz>; 2],
    rounded: &mut Rounding,
) -> Result<Option<Row<'r>>, String> {
    let title = c.field(r, l.title);
    let exercise = c.field(r, l.exercise);
    if title.is_empty() || exercise.is_empty() {
        return Err("title and exercise_title must not be empty".into());
    }
    let start = c.field(r, l.start);
    let started_at = starts.read(start)?;
    let ended_at = match c.field(r, l.end) {
        "" => started_at,
        end => ends.read(end)?,
    };
    let set_type = match values::lowercase(c.field(r, l.set_type)).as_ref() {
        "" | "normal" => SetType::Normal,
        "warmup" => SetType::Warmup,
        "dropset" | "drop" => SetType::Drop,
        "failure" => SetType::Failure,
        other => {
            return Err(format!(
                "set_type {other:?} is not normal, warmup, dropset or failure"
            ));
        }
    };
    // Hevy's set_index counts every set; the app shows warm-ups apart, as
    // Strong numbers them, so sets are numbered among their own kind.
    values::count(c.field(r, l.set_index), "set_index")?
        .ok_or_else(|| "set_index is empty".to_string())?;
    let seconds =
        values::seconds_ms(c.field(r, l.seconds), "duration_seconds")?.filter(|&ms| ms > 0);
    let set = group::timed(
        WorkoutSet {
            exercise: exercise.to_string(),
            set_number: 1,
            side: None,
            set_type,
            reps: values::reps(c.field(r, l.reps))?,
            load: values::weight(c.field(r, l.weight), l.unit, line, rounded)?,
            hold_ms: None,
            duration_ms: None,
            distance: values::distance(c.field(r, l.distance), l.distance_unit, line, rounded)?,
            rpe: values::rpe(c.field(r, l.rpe))?,
            notes: None,
            logged_at: started_at,
        },
        seconds,
    );
    Ok(Some(Row {
        start,
        routine: title,
        started_at,
        ended_at,
        workout_notes: note(c.field(r, l.description)),
        exercise,
        exercise_note: note(c.field(r, l.exercise_notes)),
        entry: Entry::Set {
            set_number: None,
            set,
        },
    }))
}

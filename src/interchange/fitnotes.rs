//! FitNotes' CSV export: `Date,Exercise,Category,Weight,Weight Unit,Reps,
//! Distance,Distance Unit,Time`, one row per set, units per row (`kgs`,
//! `lbs`), and a date without a time of day: all the sets of one date are
//! one session, started at local midnight. `Category` (the muscle group)
//! has nowhere to go and is not kept.

use chrono::TimeZone;
use csv::StringRecord;

use super::csv_in::{self, Columns};
use super::group::{self, Entry, Row, Workouts};
use super::times;
use super::values;
use super::values::Rounding;
use super::workout::{Import, SetType, Workout, WorkoutSet};
use super::{ImportError, Source};
use crate::domain::Unit;
use crate::domain::distance::DistanceUnit;

pub const SOURCE: &str = "fitnotes";
/// The session's name: the export names none.
pub const ROUTINE: &str = "FitNotes";
const DATE_FORMATS: &[&str] = &["%Y-%m-%d"];

struct Layout {
    date: Option<usize>,
    exercise: Option<usize>,
    weight: Option<usize>,
    weight_unit: Option<usize>,
    reps: Option<usize>,
    distance: Option<usize>,
    distance_unit: Option<usize>,
    time: Option<usize>,
}

/// True when the header line looks like a FitNotes export.
pub fn looks_like(header: &str) -> bool {
    let h = header.to_lowercase();
    h.contains("category") && h.contains("weight unit") && !h.contains("exercise name")
}

/// Reads `source`, handing each workout to `done`; what else it held, for
/// the report.
pub fn parse<Tz: TimeZone>(
    source: &dyn Source,
    tz: &Tz,
    done: &mut dyn FnMut(Workout),
) -> Result<Import, ImportError> {
    let mut rounded = Rounding::default();
    let mut times = times::LocalTimes::new(tz, DATE_FORMATS);
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
    c.require(&["date", "exercise", "weight unit", "reps"])?;
    Ok(Layout {
        date: c.find(&["date"]),
        exercise: c.find(&["exercise"]),
        weight: c.find(&["weight"]),
        weight_unit: c.find(&["weight unit"]),
        reps: c.find(&["reps"]),
        distance: c.find(&["distance"]),
        distance_unit: c.find(&["distance unit"]),
        time: c.find(&["time"]),
    })
}

fn read<'r, Tz: TimeZone>(
    l: &Layout,
    c: &Columns,
    r: &'r StringRecord,
    line: u64,
    times: &mut times::LocalTimes<Tz>,
    rounded: &mut Rounding,
) -> Result<Option<Row<'r>>, String> {
    let date = c.field(r, l.date);
    let exercise = c.field(r, l.exercise);
    if exercise.is_empty() {
        return Err("exercise must not be empty".into());
    }
    let started_at = times.read(date)?;
    let weight = c.field(r, l.weight);
    let load = if values::is_none(weight) {
        None
    } else {
        let unit: Unit = c.field(r, l.weight_unit).parse()?;
        values::weight(weight, unit, line, rounded)?
    };
    let distance_text = c.field(r, l.distance);
    let distance = if values::is_none(distance_text) {
        None
    } else {
        let unit: DistanceUnit = c.field(r, l.distance_unit).parse()?;
        values::distance(distance_text, unit, line, rounded)?
    };
    let time = values::clock_ms(c.field(r, l.time), "time")?.filter(|&ms| ms > 0);
    let set = group::timed(
        WorkoutSet {
            exercise: exercise.to_string(),
            set_number: 1,
            side: None,
            set_type: SetType::Normal,
            reps: values::reps(c.field(r, l.reps))?.filter(|&n| n > 0),
            load,
            hold_ms: None,
            duration_ms: None,
            distance,
            rpe: None,
            notes: None,
            logged_at: started_at,
        },
        time,
    );
    Ok(Some(Row {
        start: date,
        routine: ROUTINE,
        started_at,
        ended_at: started_at,
        workout_notes: None,
        exercise,
        exercise_note: None,
        entry: Entry::Set {
            set_number: None,
            set,
        },
    }))
}

//! Conversions between domain values and their stored columns.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Row;

use super::error::{Result, StoreError};
use crate::domain::set::Work;
use crate::domain::time;
use crate::domain::{Kind, Load, Side, Sides, Unit};

pub fn kind_str(kind: Kind) -> &'static str {
    match kind {
        Kind::Reps => "reps",
        Kind::Hold => "hold",
        Kind::Cardio => "cardio",
    }
}

pub fn sides_str(sides: Sides) -> &'static str {
    match sides {
        Sides::Both => "both",
        Sides::Each => "each",
    }
}

pub fn kind(text: &str) -> Result<Kind> {
    match text {
        "reps" => Ok(Kind::Reps),
        "hold" => Ok(Kind::Hold),
        "cardio" => Ok(Kind::Cardio),
        other => Err(StoreError::BadValue(format!("exercise kind {other:?}"))),
    }
}

pub fn sides(text: &str) -> Result<Sides> {
    match text {
        "both" => Ok(Sides::Both),
        "each" => Ok(Sides::Each),
        other => Err(StoreError::BadValue(format!("exercise sides {other:?}"))),
    }
}

pub fn side(text: Option<String>) -> Result<Option<Side>> {
    text.map(|t| Side::parse(&t).ok_or_else(|| StoreError::BadValue(format!("side {t:?}"))))
        .transpose()
}

/// A nullable timestamp column.
pub fn timestamp_at(row: &Row<'_>, at: usize) -> Result<Option<DateTime<Utc>>> {
    row.get::<_, Option<String>>(at)?
        .map(|t| timestamp(&t))
        .transpose()
}

pub fn timestamp(text: &str) -> Result<DateTime<Utc>> {
    time::from_db(text).ok_or_else(|| StoreError::BadValue(format!("timestamp {text:?}")))
}

pub fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

pub fn duration(ms: Option<i64>) -> Option<Duration> {
    ms.map(|ms| Duration::from_millis(ms.max(0).unsigned_abs()))
}

/// The stored columns of a set's work: (reps, load_centi, load_unit, hold_ms).
pub fn work_columns(work: &Work) -> (Option<u32>, Option<i64>, Option<&'static str>, Option<i64>) {
    match *work {
        Work::Reps { reps, load } => (
            Some(reps),
            load.map(|l| l.centi),
            load.map(|l| l.unit.as_str()),
            None,
        ),
        Work::Hold { held } => (None, None, None, Some(millis(held))),
        Work::Cardio { .. } => (None, None, None, None),
    }
}

/// Reads (reps, load_centi, load_unit, hold_ms) starting at column `at`.
pub fn work(row: &Row<'_>, at: usize) -> Result<Work> {
    let reps: Option<u32> = row.get(at)?;
    let centi: Option<i64> = row.get(at + 1)?;
    let unit: Option<String> = row.get(at + 2)?;
    let hold: Option<i64> = row.get(at + 3)?;
    if let Some(held) = duration(hold) {
        return Ok(Work::Hold { held });
    }
    let load = match (centi, unit) {
        (Some(centi), Some(unit)) => Some(Load {
            centi,
            unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
        }),
        _ => None,
    };
    Ok(Work::Reps {
        reps: reps.unwrap_or(0),
        load,
    })
}

//! Conversions between domain values and their stored columns.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Row;

use super::error::{Result, StoreError};
use crate::domain::set::Work;
use crate::domain::time;
use crate::domain::{Kind, Load, Side, Sides, Unit};

// The enums' column text is derived (strum) in domain/, in one place.

pub fn kind_str(kind: Kind) -> &'static str {
    kind.into()
}

pub fn sides_str(sides: Sides) -> &'static str {
    sides.into()
}

/// A text column as `T`, or which `what` it could not be.
pub fn parsed<T: FromStr>(text: &str, what: &str) -> Result<T> {
    text.parse()
        .map_err(|_| StoreError::BadValue(format!("{what} {text:?}")))
}

pub fn kind(text: &str) -> Result<Kind> {
    parsed(text, "exercise kind")
}

pub fn sides(text: &str) -> Result<Sides> {
    parsed(text, "exercise sides")
}

pub fn side(text: Option<String>) -> Result<Option<Side>> {
    text.map(|t| parsed(&t, "side")).transpose()
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
        Work::Hold { held, load } => (
            None,
            load.map(|l| l.centi),
            load.map(|l| l.unit.as_str()),
            Some(millis(held)),
        ),
        Work::Cardio { .. } => (None, None, None, None),
    }
}

/// Reads (reps, load_centi, load_unit, hold_ms) starting at column `at`.
pub fn work(row: &Row<'_>, at: usize) -> Result<Work> {
    let reps: Option<u32> = row.get(at)?;
    let centi: Option<i64> = row.get(at + 1)?;
    let unit: Option<String> = row.get(at + 2)?;
    let hold: Option<i64> = row.get(at + 3)?;
    let load = match (centi, unit) {
        (Some(centi), Some(unit)) => Some(Load {
            centi,
            unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
        }),
        _ => None,
    };
    if let Some(held) = duration(hold) {
        return Ok(Work::Hold { held, load });
    }
    Ok(Work::Reps {
        reps: reps.unwrap_or(0),
        load,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::distance::DistanceUnit;
    use crate::domain::records::RecordKind;
    use crate::domain::set::SetType;

    /// The derived text is what migrations check and old files hold.
    #[test]
    fn stored_text_is_unchanged() {
        let kinds = [
            (Kind::Reps, "reps"),
            (Kind::Hold, "hold"),
            (Kind::Cardio, "cardio"),
        ];
        for (k, text) in kinds {
            assert_eq!((kind_str(k), kind(text).ok()), (text, Some(k)));
        }
        for (s, text) in [(Sides::Both, "both"), (Sides::Each, "each")] {
            assert_eq!((sides_str(s), sides(text).ok()), (text, Some(s)));
        }
        for (s, text) in [(Side::Left, "left"), (Side::Right, "right")] {
            assert_eq!(
                (s.as_str(), side(Some(text.into())).ok()),
                (text, Some(Some(s)))
            );
        }
        let types = [
            (SetType::Normal, "normal"),
            (SetType::Warmup, "warmup"),
            (SetType::Drop, "drop"),
            (SetType::Failure, "failure"),
        ];
        for (t, text) in types {
            assert_eq!((t.as_str(), parsed(text, "set type").ok()), (text, Some(t)));
        }
        let records = [
            (RecordKind::Heaviest, "heaviest"),
            (RecordKind::MostReps, "most_reps"),
            (RecordKind::LongestHold, "longest_hold"),
        ];
        for (r, text) in records {
            assert_eq!(
                (<&str>::from(r), parsed(text, "record").ok()),
                (text, Some(r))
            );
        }
        assert_eq!((Unit::Kg.as_str(), Unit::Lb.as_str()), ("kg", "lb"));
        let units = [DistanceUnit::M, DistanceUnit::Km, DistanceUnit::Mi];
        assert_eq!(units.map(DistanceUnit::as_str), ["m", "km", "mi"]);
        assert!(kind("Reps").is_err(), "the stored text is exact");
        assert!(side(Some("up".into())).is_err());
    }
}

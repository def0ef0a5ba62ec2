//! What an imported value may be: the bounds the app puts on typed values
//! (reps, load, RPE), and bounds on times and distances far beyond any
//! workout but well inside what dates and sums can hold, so that no file
//! can make a total overflow or a date fall off the calendar.

use chrono::{DateTime, Datelike, Duration, Utc};

use super::workout::Distance;
use crate::domain::distance::DistanceUnit;
use crate::domain::entry::MAX_REPS;
use crate::domain::load::{Load, MAX_KG};

/// Longest set time (a hold, a run): a day.
pub const MAX_SET_MS: i64 = 24 * 3600 * 1000;
/// Longest session, from start to end: a workout left running for weeks is
/// still read; one of years is a broken file.
pub const MAX_SESSION_MS: i64 = 31 * 24 * 3600 * 1000;
/// Furthest distance of one set, in km.
const MAX_KM: f64 = 1000.0;
/// Years a workout can be dated in.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

pub fn reps(n: u32) -> Result<u32, String> {
    if n > MAX_REPS {
        return Err(format!("reps {n} is more than {MAX_REPS}"));
    }
    Ok(n)
}

pub fn load(load: Load) -> Result<Load, String> {
    if load.in_kg() > MAX_KG {
        return Err(format!("weight {load} is more than {MAX_KG} kg"));
    }
    Ok(load)
}

pub fn distance(d: Distance) -> Result<Distance, String> {
    let per_km = match d.unit {
        DistanceUnit::M => 0.001,
        DistanceUnit::Km => 1.0,
        DistanceUnit::Mi => 1.609_344,
    };
    if d.centi as f64 / 100.0 * per_km > MAX_KM {
        return Err(format!("distance {d} is more than {MAX_KM} km"));
    }
    Ok(d)
}

/// A set's time in milliseconds (`what` names it).
pub fn set_ms(ms: i64, what: &str) -> Result<i64, String> {
    if ms > MAX_SET_MS {
        return Err(format!("{what} of {} s is more than a day", ms / 1000));
    }
    Ok(ms)
}

pub fn date(at: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if !YEARS.contains(&at.year()) {
        return Err(format!(
            "date {at} is outside the years {} to {}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(at)
}

/// The end of a session of `ms` milliseconds from `start`.
pub fn session_end(start: DateTime<Utc>, ms: i64) -> Result<DateTime<Utc>, String> {
    if !(0..=MAX_SESSION_MS).contains(&ms) {
        return Err(format!(
            "duration of {} h is more than {} days",
            ms / 3_600_000,
            MAX_SESSION_MS / 86_400_000
        ));
    }
    Duration::try_milliseconds(ms)
        .and_then(|d| start.checked_add_signed(d))
        .ok_or_else(|| format!("duration of {ms} ms runs off the calendar"))
}

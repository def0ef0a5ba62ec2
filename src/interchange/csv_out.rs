//! The CSV export: Strong's column layout, so tools that read Strong files
//! read ours, then the columns Strong lacks. One row per set, sessions in
//! time order, times in local time as Strong writes them, and the start in
//! UTC as well, so that the file re-imports as the same sessions in any
//! time zone.

use std::io::{self, Write};

use chrono::TimeZone;

use super::workout::{SetType, Workout};
use crate::domain::load::centi_text;
use crate::domain::time::to_db;

pub const HEADER: [&str; 16] = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
    "Weight Unit",
    "Distance Unit",
    "Side",
    "Start (UTC)",
];

pub struct Writer<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> Writer<W> {
    pub fn begin(out: W) -> io::Result<Writer<W>> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(HEADER)?;
        Ok(Writer { out })
    }

    pub fn session<Tz: TimeZone>(&mut self, w: &Workout, tz: &Tz) -> io::Result<()>
    where
        Tz::Offset: std::fmt::Display,
    {
        let date = w
            .started_at
            .with_timezone(tz)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
        let duration = w
            .ended_at
            .map(|end| duration_text((end - w.started_at).num_seconds()))
            .unwrap_or_default();
        let notes = w.notes.clone().unwrap_or_default();
        let utc = to_db(w.started_at);
        for s in &w.sets {
            let order = match s.set_type {
                SetType::Normal => s.set_number.to_string(),
                SetType::Warmup => "W".into(),
                SetType::Drop => "D".into(),
                SetType::Failure => "F".into(),
            };
            let seconds = s.hold_ms.or(s.duration_ms).map(ms_text).unwrap_or_default();
            let opt = |v: Option<String>| v.unwrap_or_default();
            self.out.write_record([
                date.as_str(),
                w.routine.as_str(),
                duration.as_str(),
                s.exercise.as_str(),
                order.as_str(),
                &opt(s.load.map(|l| centi_text(l.centi))),
                &opt(s.reps.map(|r| r.to_string())),
                &opt(s.distance.map(|d| centi_text(d.centi))),
                &seconds,
                s.notes.as_deref().unwrap_or(""),
                &notes,
                &opt(s.rpe.map(|r| r.to_string())),
                s.load.map_or("", |l| l.unit.as_str()),
                s.distance.map_or("", |d| d.unit.as_str()),
                s.side.map_or("", |d| d.as_str()),
                utc.as_str(),
            ])?;
        }
        Ok(())
    }

    /// Flushes everything, a buffered `W` too: dropping it would lose
    /// the error of its last write.
    pub fn finish(self) -> io::Result<W> {
        let mut out = self.out.into_inner().map_err(|e| e.into_error())?;
        out.flush()?;
        Ok(out)
    }
}

/// Strong's spelling: `1h 3m`, `45m`; seconds only when not whole minutes.
fn duration_text(secs: i64) -> String {
    let secs = secs.max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h}h"));
    }
    if m > 0 || (h == 0 && s == 0) {
        parts.push(format!("{m}m"));
    }
    if s > 0 {
        parts.push(format!("{s}s"));
    }
    parts.join(" ")
}

/// Milliseconds as seconds, exactly: `30`, `30.5`, `12.345`.
fn ms_text(ms: i64) -> String {
    let (whole, frac) = (ms / 1000, ms % 1000);
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{frac:03}")
            .trim_end_matches('0')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_as_strong_writes_them() {
        assert_eq!(duration_text(3780), "1h 3m");
        assert_eq!(duration_text(2700), "45m");
        assert_eq!(duration_text(3800), "1h 3m 20s");
        assert_eq!(duration_text(0), "0m");
    }

    #[test]
    fn seconds_keep_their_milliseconds() {
        assert_eq!(ms_text(30_000), "30");
        assert_eq!(ms_text(30_500), "30.5");
        assert_eq!(ms_text(12_345), "12.345");
    }
}

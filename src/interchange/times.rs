//! Wall-clock times written in a file, read in a given time zone.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::bounds;

/// The wall-clock times of one column of a file, read in one time zone.
/// Every row of a workout repeats its start, so the last time read is kept
/// rather than parsed again.
pub struct LocalTimes<'a, Tz> {
    tz: &'a Tz,
    formats: &'a [&'a str],
    last: Option<(String, DateTime<Utc>)>,
}

impl<'a, Tz: TimeZone> LocalTimes<'a, Tz> {
    pub fn new(tz: &'a Tz, formats: &'a [&'a str]) -> Self {
        LocalTimes {
            tz,
            formats,
            last: None,
        }
    }

    pub fn read(&mut self, text: &str) -> Result<DateTime<Utc>, String> {
        let text = text.trim();
        match &self.last {
            Some((seen, at)) if seen == text => Ok(*at),
            _ => {
                let at = local_time(text, self.formats, self.tz)?;
                self.last = Some((text.to_string(), at));
                Ok(at)
            }
        }
    }
}

/// A wall-clock time written in the file, read in `tz`. A time that a DST
/// jump skipped is read an hour later; an ambiguous one as the earlier.
fn local_time<Tz: TimeZone>(
    text: &str,
    formats: &[&str],
    tz: &Tz,
) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    // A date alone (FitNotes) is its midnight.
    let naive = formats
        .iter()
        .find_map(|f| {
            NaiveDateTime::parse_from_str(text, f).ok().or_else(|| {
                NaiveDate::parse_from_str(text, f)
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
        })
        .ok_or_else(|| {
            let example = NaiveDate::from_ymd_opt(2025, 1, 17)
                .and_then(|d| d.and_hms_opt(6, 7, 0))
                .map(|t| {
                    t.format(formats.first().copied().unwrap_or_default())
                        .to_string()
                })
                .unwrap_or_default();
            format!("date {text:?} is not a date and time like {example:?}")
        })?;
    let at = match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t,
        LocalResult::None => tz
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
            .ok_or_else(|| format!("date {text:?} does not exist in this time zone"))?,
    };
    bounds::date(at.with_timezone(&Utc))
}

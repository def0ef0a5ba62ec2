//! Time as text: the stored form of a timestamp (UTC), and durations as a
//! clock shows them. Weeks and local time are the `calendar`'s.

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};

/// The stored form: RFC 3339, milliseconds, 'Z'. Text order is time order.
pub fn to_db(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn from_db(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..3600 => format!("{}:{:02}", s / 60, s % 60),
        _ => format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration as Days, TimeZone};

    #[test]
    fn db_form_round_trips_and_sorts() {
        let a = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).single().unwrap();
        assert_eq!(to_db(a), "2026-01-02T03:04:05.000Z");
        assert_eq!(from_db(&to_db(a)), Some(a));
        let b = a + Days::milliseconds(1);
        assert!(to_db(a) < to_db(b));
    }

    #[test]
    fn clock_formats() {
        assert_eq!(clock(Duration::from_secs(5)), "0:05");
        assert_eq!(clock(Duration::from_secs(754)), "12:34");
        assert_eq!(clock(Duration::from_secs(3725)), "1:02:05");
    }
}

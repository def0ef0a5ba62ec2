//! A progress chart's points from one point per session: each session its
//! own point while they fit the chart's spans, else the best of each span.
//! Done here rather than in SQL, where grouping by span sorted every
//! session of the exercise (most of an "all time" chart's cost).

use chrono::{DateTime, Utc};

use super::progress::{PerSide, ProgressPoint};

const DAY_MS: f64 = 86_400_000.0;

/// The points of `sessions` (one each, any order) over `[from, to)` in spans
/// of `span_days`: a session each while there are no more sessions than
/// spans, else one per span holding its earliest time, its highest figures
/// and its fastest pace. Oldest first.
pub fn points(
    mut sessions: Vec<ProgressPoint>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    span_days: f64,
) -> Vec<ProgressPoint> {
    sessions.sort_by_key(|p| p.at);
    let span_days = span_days.max(1e-6);
    let days = |at: DateTime<Utc>| (at - from).num_milliseconds() as f64 / DAY_MS;
    if sessions.len() as f64 <= days(to) / span_days {
        return sessions;
    }
    let mut out: Vec<ProgressPoint> = Vec::new();
    let mut span = None;
    for point in sessions {
        // Whole spans since `from`, truncated as SQLite's CAST did.
        let this = (days(point.at) / span_days) as i64;
        match out.last_mut() {
            Some(best) if span == Some(this) => best.merge(&point),
            _ => {
                span = Some(this);
                out.push(point);
            }
        }
    }
    out
}

impl ProgressPoint {
    /// Takes in `other` of the same span: the earlier time, the higher of
    /// each figure, the faster pace; a figure one lacks is the other's.
    fn merge(&mut self, other: &ProgressPoint) {
        self.at = self.at.min(other.at);
        self.volume_kg = self.volume_kg.max(other.volume_kg);
        self.heaviest_kg = best(self.heaviest_kg, other.heaviest_kg, f64::max);
        self.reps = self.reps.max(&other.reps);
        self.e1rm_kg = self.e1rm_kg.max(&other.e1rm_kg);
        self.hold_secs = self.hold_secs.max(&other.hold_secs);
        self.distance_m = best(self.distance_m, other.distance_m, f64::max);
        self.pace_s_per_km = best(self.pace_s_per_km, other.pace_s_per_km, f64::min);
    }
}

impl PerSide {
    fn max(&self, other: &PerSide) -> PerSide {
        PerSide {
            both: best(self.both, other.both, f64::max),
            left: best(self.left, other.left, f64::max),
            right: best(self.right, other.right, f64::max),
        }
    }
}

/// `pick` of two figures, or the one there is (as SQL's max and min skip NULL).
fn best(a: Option<f64>, b: Option<f64>, pick: fn(f64, f64) -> f64) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn day(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 18, 0, 0).unwrap() + Duration::days(n)
    }

    fn session(at: i64, volume: f64, left: Option<f64>, pace: Option<f64>) -> ProgressPoint {
        ProgressPoint {
            at: day(at),
            volume_kg: volume,
            reps: PerSide {
                left,
                ..PerSide::default()
            },
            pace_s_per_km: pace,
            ..ProgressPoint::default()
        }
    }

    #[test]
    fn sessions_that_fit_are_a_point_each_oldest_first() {
        let got = points(
            vec![session(3, 1.0, None, None), session(1, 2.0, None, None)],
            day(0),
            day(10),
            1.0,
        );
        assert_eq!(
            got.iter().map(|p| p.at).collect::<Vec<_>>(),
            [day(1), day(3)]
        );
    }

    #[test]
    fn more_sessions_than_spans_give_the_best_of_each_span() {
        // Spans of 7 days over 14: days 0-6 and 7-13; five sessions.
        let got = points(
            vec![
                session(1, 100.0, Some(8.0), Some(330.0)),
                session(2, 300.0, None, Some(310.0)),
                session(5, 200.0, Some(10.0), None),
                session(8, 50.0, Some(6.0), Some(400.0)),
                session(13, 60.0, None, None),
            ],
            day(0) - Duration::hours(18),
            day(14) - Duration::hours(18),
            7.0,
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (
                got[0].at,
                got[0].volume_kg,
                got[0].reps.left,
                got[0].pace_s_per_km
            ),
            (day(1), 300.0, Some(10.0), Some(310.0)),
            "earliest time, highest volume and reps, fastest pace"
        );
        assert_eq!(
            (
                got[1].at,
                got[1].volume_kg,
                got[1].reps.left,
                got[1].pace_s_per_km
            ),
            (day(8), 60.0, Some(6.0), Some(400.0)),
            "a figure one session lacks is the other's"
        );
    }
}

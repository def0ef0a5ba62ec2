//! Cardio over time, read from the live cardio sets through their own
//! partial index (`cardio_set`, migration 08): no summary holds them, and a
//! chart costs the runs of its span.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row};

use super::Store;
use super::error::{Result, StoreError};
use super::progress::points;
use super::rows;
use crate::domain::cardio::{CardioRecords, CardioSet};
use crate::domain::distance::Distance;
use crate::domain::progress::{ProgressPoint, Record};

/// The live cardio sets of `?1`: the condition of the `cardio_set` index.
macro_rules! cardio_sets {
    () => {
        "FROM set_log l WHERE l.exercise_id = ?1 AND l.reps IS NULL AND l.hold_ms IS NULL
           AND l.replaced_by IS NULL AND l.deleted_at IS NULL"
    };
}

/// A set's distance in metres.
macro_rules! metres {
    () => {
        "(l.distance_centi * CASE l.distance_unit WHEN 'km' THEN 10.0 WHEN 'mi' THEN 16.09344 ELSE 0.01 END)"
    };
}

/// A set's pace in seconds per kilometre (milliseconds per metre), when
/// it has both a distance and a time.
macro_rules! pace {
    () => {
        concat!(
            "CASE WHEN l.distance_centi > 0 AND l.duration_ms > 0 THEN l.duration_ms / ",
            metres!(),
            " END"
        )
    };
}

fn cardio_set(r: &Row<'_>) -> Result<Record<CardioSet>> {
    let distance = match (r.get(0)?, r.get::<_, Option<String>>(1)?) {
        (Some(centi), Some(unit)) => Some(Distance {
            centi,
            unit: unit.parse().map_err(StoreError::BadValue)?,
        }),
        _ => None,
    };
    let time = r
        .get::<_, Option<i64>>(2)?
        .map(|ms| Duration::from_millis(u64::try_from(ms).unwrap_or(0)));
    Ok(Record {
        value: CardioSet { distance, time },
        at: rows::timestamp(&r.get::<_, String>(3)?)?,
        session_id: r.get(4)?,
    })
}

impl Store {
    /// Cardio chart points over `[from, to)`: distance per session and its
    /// best pace, one per session or per `bucket_days` when sessions
    /// outnumber those spans.
    pub fn cardio_progress(
        &self,
        exercise: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        bucket_days: f64,
    ) -> Result<Vec<ProgressPoint>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT min(l.logged_at) AS at, sum(",
            metres!(),
            ") AS metres, min(",
            pace!(),
            ") AS pace ",
            cardio_sets!(),
            " AND l.logged_at >= ?2 AND l.logged_at < ?3 GROUP BY l.session_id"
        ))?;
        points(&mut stmt, (exercise, from, to, bucket_days), None, |r| {
            Ok(ProgressPoint {
                at: rows::timestamp(&r.get::<_, String>(0)?)?,
                distance_m: r.get(1)?,
                pace_s_per_km: r.get(2)?,
                ..ProgressPoint::default()
            })
        })
    }

    /// The longest distance, longest time and best pace of `exercise`, and
    /// the unit of its latest distance.
    pub fn cardio_records(&self, exercise: i64) -> Result<CardioRecords> {
        let best = |order: &str| -> Result<Option<Record<CardioSet>>> {
            let sql = format!(
                "SELECT l.distance_centi, l.distance_unit, l.duration_ms, l.logged_at, l.session_id {}
                 AND {order} IS NOT NULL ORDER BY {order}, l.logged_at LIMIT 1",
                cardio_sets!()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut q = stmt.query([exercise])?;
            q.next()?.map(cardio_set).transpose()
        };
        let unit = self
            .conn
            .prepare_cached(concat!(
                "SELECT l.distance_unit ",
                cardio_sets!(),
                " AND l.distance_unit IS NOT NULL ORDER BY l.logged_at DESC LIMIT 1"
            ))?
            .query_row([exercise], |r| r.get::<_, String>(0))
            .optional()?
            .map(|u| u.parse().map_err(StoreError::BadValue))
            .transpose()?;
        Ok(CardioRecords {
            unit,
            longest: best(concat!("-", metres!()))?,
            longest_time: best("-l.duration_ms")?,
            best_pace: best(concat!("(", pace!(), ")"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use rusqlite::params;

    use super::*;
    use crate::domain::Unit;
    use crate::domain::distance::DistanceUnit;

    fn utc(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 0, 0, 0).unwrap()
    }

    /// Three runs (one in miles) and a set of squats in one store.
    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("c.db")).unwrap();
        let csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-03-02 07:00:00,Run,1h,Running,1,0,0,5,1500,,,
2026-03-02 07:00:00,Run,1h,Squat,1,60,5,0,0,,,
2026-03-09 07:00:00,Run,1h,Running,1,0,0,10,3300,,,
2026-03-16 07:00:00,Run,1h,Running,1,0,0,4,1300,,,
";
        let (_, import) = crate::interchange::parse(csv, None, Some(Unit::Kg), &Utc).unwrap();
        store.import(&import, &mut |_| {}).unwrap();
        (dir, store)
    }

    fn running(store: &Store) -> i64 {
        let all = store.exercises().unwrap();
        all.iter().find(|e| e.name == "Running").unwrap().id
    }

    #[test]
    fn a_point_per_run_and_the_records_of_all_runs() {
        let (_dir, store) = store();
        let id = running(&store);
        let points = store
            .cardio_progress(id, utc(1, 1), utc(4, 1), 1.0)
            .unwrap();
        let got: Vec<_> = points
            .iter()
            .map(|p| (p.distance_m.unwrap(), p.pace_s_per_km.unwrap()))
            .collect();
        assert_eq!(got, [(5000.0, 300.0), (10000.0, 330.0), (4000.0, 325.0)]);
        let r = store.cardio_records(id).unwrap();
        assert_eq!(r.unit, Some(DistanceUnit::Km));
        let longest = r.longest.unwrap();
        assert_eq!(longest.value.distance.unwrap().to_string(), "10 km");
        assert_eq!(longest.value.time, Some(Duration::from_secs(3300)));
        assert_eq!(r.longest_time.unwrap().at, longest.at);
        assert_eq!(
            r.best_pace.unwrap().value.time,
            Some(Duration::from_secs(1500))
        );
    }

    #[test]
    fn the_cardio_queries_read_the_cardio_index() {
        let (_dir, store) = store();
        let plan = |sql: &str| -> String {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let rows = stmt
                .query_map(params![1, "a", "b", 1.0], |r| r.get::<_, String>(3))
                .unwrap();
            rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
        };
        let chart = plan(concat!(
            "SELECT l.session_id, sum(",
            metres!(),
            ") ",
            cardio_sets!(),
            " AND l.logged_at >= ?2 AND l.logged_at < ?3 AND ?4 GROUP BY l.session_id"
        ));
        assert!(chart.contains("cardio_set"), "{chart}");
        let best = plan(concat!(
            "SELECT l.duration_ms ",
            cardio_sets!(),
            " AND ?2 < ?3 AND ?4 ORDER BY -l.duration_ms LIMIT 1"
        ));
        assert!(
            best.contains("cardio_set") && !best.contains("SCAN l "),
            "{best}"
        );
    }
}

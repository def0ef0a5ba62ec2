//! Personal records, read from the summaries that migration 03's triggers
//! keep (`set_best` per load, `session_volume` per session), so that their
//! cost follows the number of distinct loads, not the number of sets.

use rusqlite::params;

use super::Store;
use super::error::{Result, StoreError};
use super::history::kg;
use super::rows;
use crate::domain::LoggedSet;
use crate::domain::progress::{Record, SideRecords, rep_frontier};
use crate::domain::records::Earlier;
use crate::domain::set::{Side, Work};
use crate::domain::time::to_db;
use crate::domain::{Load, Unit};

/// The stored side key of the summaries: 'both' stands for two-limbed sets.
const SIDES: [(&str, Option<Side>); 3] = [
    ("both", None),
    ("left", Some(Side::Left)),
    ("right", Some(Side::Right)),
];

fn side_of(key: &str) -> Result<Option<Side>> {
    SIDES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, s)| *s)
        .ok_or_else(|| StoreError::BadValue(format!("side {key:?}")))
}

fn side_entry(sides: &mut Vec<SideRecords>, side: Option<Side>) -> &mut SideRecords {
    match sides.iter().position(|s| s.side == side) {
        Some(i) => &mut sides[i],
        None => {
            sides.push(SideRecords {
                side,
                ..SideRecords::default()
            });
            let last = sides.len() - 1;
            &mut sides[last]
        }
    }
}

impl Store {
    /// Personal records of `exercise`, one entry per side it was done on
    /// (both limbs first, then left, then right).
    pub fn records(&self, exercise: i64) -> Result<Vec<SideRecords>> {
        let mut sides: Vec<SideRecords> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.side, b.load_centi, b.load_unit, b.reps, r.logged_at, r.session_id,
                    b.hold_ms, h.logged_at, h.session_id
             FROM set_best b
             LEFT JOIN set_log r ON r.id = b.reps_set
             LEFT JOIN set_log h ON h.id = b.hold_set
             WHERE b.exercise_id = ?1",
        )?;
        let mut q = stmt.query([exercise])?;
        while let Some(r) = q.next()? {
            let entry = side_entry(&mut sides, side_of(&r.get::<_, String>(0)?)?);
            let centi: i64 = r.get(1)?;
            let unit: String = r.get(2)?;
            let load = match centi {
                0 => None,
                centi => Some(Load {
                    centi,
                    unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
                }),
            };
            if let (Some(reps), Some(at), Some(session_id)) = (
                r.get::<_, Option<u32>>(3)?.filter(|&n| n > 0),
                r.get::<_, Option<String>>(4)?,
                r.get(5)?,
            ) {
                let record = Record {
                    value: (load, reps),
                    at: rows::timestamp(&at)?,
                    session_id,
                };
                if let Some(load) = load {
                    let beats = |h: &Record<(Load, u32)>| {
                        (load.in_kg(), reps) > (h.value.0.in_kg(), h.value.1)
                    };
                    if entry.heaviest.as_ref().is_none_or(beats) {
                        entry.heaviest = Some(Record {
                            value: (load, reps),
                            at: record.at,
                            session_id,
                        });
                    }
                }
                entry.most_reps.push(record);
            }
            if let (Some(held), Some(at), Some(session_id)) = (
                rows::duration(r.get(6)?),
                r.get::<_, Option<String>>(7)?,
                r.get(8)?,
            ) && entry.longest_hold.as_ref().is_none_or(|h| held > h.value)
            {
                entry.longest_hold = Some(Record {
                    value: held,
                    at: rows::timestamp(&at)?,
                    session_id,
                });
            }
        }
        let mut best = self.conn.prepare_cached(
            "SELECT v.volume_kg, v.session_id, s.started_at
             FROM session_volume v JOIN session s ON s.id = v.session_id
             WHERE v.exercise_id = ?1 AND v.side = ?2 AND v.volume_kg > 0
             ORDER BY v.volume_kg DESC LIMIT 1",
        )?;
        for (key, side) in SIDES {
            let mut q = best.query(params![exercise, key])?;
            if let Some(r) = q.next()? {
                let at = rows::timestamp(&r.get::<_, String>(2)?)?;
                side_entry(&mut sides, side).best_volume_kg = Some(Record {
                    value: r.get(0)?,
                    at,
                    session_id: r.get(1)?,
                });
            }
        }
        for s in &mut sides {
            s.most_reps = rep_frontier(std::mem::take(&mut s.most_reps));
        }
        sides.sort_by_key(|s| s.side.map_or(0, |s| 1 + s as u8));
        Ok(sides)
    }

    /// What the earlier live sets of `set`'s exercise and side reached, for
    /// announcing a record on a set just logged.
    pub fn earlier_bests(&self, set: &LoggedSet) -> Result<Earlier> {
        let kg = match set.set.work {
            Work::Reps { load, .. } => load.map_or(0.0, Load::in_kg),
            Work::Hold { .. } => 0.0,
        };
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT count(*), max(",
            kg!("l"),
            "), max(CASE WHEN coalesce(",
            kg!("l"),
            ", 0) >= ?4 - 1e-6 THEN l.reps END), max(l.hold_ms)
             FROM live_set l
             WHERE l.exercise_id = ?1 AND l.side IS ?2 AND l.id <> ?3 AND l.logged_at <= ?5"
        ))?;
        let side = set.set.side.map(|s| s.as_str());
        let earlier = stmt.query_row(
            params![
                set.set.exercise_id,
                side,
                set.id,
                kg,
                to_db(set.set.logged_at)
            ],
            |r| {
                Ok(Earlier {
                    sets: r.get(0)?,
                    heaviest_kg: r.get(1)?,
                    most_reps: r.get(2)?,
                    longest_hold: rows::duration(r.get(3)?),
                })
            },
        )?;
        Ok(earlier)
    }
}

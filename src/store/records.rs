//! Personal records, read from the summaries `summaries` keeps
//! (`load_best` per load, `session_chart` per session), so that their cost
//! follows the number of distinct loads and sessions, not of sets.

use rusqlite::params;

use super::Store;
use super::error::{Result, StoreError};
use super::{rows, summaries};
use crate::domain::LoggedSet;
use crate::domain::progress::{LoadBest, Record, Records, SideRecords};
use crate::domain::records::{Earlier, RecordKind};
use crate::domain::set::Side;
use crate::domain::{Load, Unit};

/// The stored side key of the summaries: 'both' stands for two-limbed
/// sets; 'left' and 'right' are `Side`'s strum text.
fn side_of(key: &str) -> Result<Option<Side>> {
    match key {
        "both" => Ok(None),
        side => rows::parsed(side, "side").map(Some),
    }
}

/// A stored load in kilograms; 0 for none.
fn kg_of(centi: i64, unit: &str) -> Result<f64> {
    Ok(load_of(centi, unit)?.map_or(0.0, Load::in_kg))
}

/// A stored load; none for bodyweight (0).
fn load_of(centi: i64, unit: &str) -> Result<Option<Load>> {
    match centi {
        0 => Ok(None),
        centi => Ok(Some(Load {
            centi,
            unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
        })),
    }
}

/// Counts an open session's volume on one side.
fn open_volume(records: &mut Records, o: &summaries::OpenRow) -> Result<()> {
    let c = &o.row;
    records.volume(side_of(c.side)?, c.volume_kg(), c.session, || {
        rows::timestamp(&o.started_at)
    })
}

impl Store {
    /// Personal records of `exercise`, one entry per side it was done on
    /// (both limbs first, then left, then right).
    pub fn records(&self, exercise: i64) -> Result<Vec<SideRecords>> {
        let mut records = Records::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT side, load_centi, load_unit, reps_max, reps_at, reps_session, hold_ms, hold_at, hold_session
             FROM load_best WHERE exercise_id = ?1",
        )?;
        let mut q = stmt.query([exercise])?;
        while let Some(r) = q.next()? {
            let reps = match (
                r.get::<_, Option<u32>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get(5)?,
            ) {
                (Some(value), Some(at), Some(session_id)) => Some(Record {
                    value,
                    at: rows::timestamp(&at)?,
                    session_id,
                }),
                _ => None,
            };
            let hold = match (
                rows::duration(r.get(6)?),
                r.get::<_, Option<String>>(7)?,
                r.get(8)?,
            ) {
                (Some(value), Some(at), Some(session_id)) => Some(Record {
                    value,
                    at: rows::timestamp(&at)?,
                    session_id,
                }),
                _ => None,
            };
            records.take(LoadBest {
                side: side_of(&r.get::<_, String>(0)?)?,
                load: load_of(r.get(1)?, &r.get::<_, String>(2)?)?,
                reps,
                hold,
            });
        }
        // One row per session and side, in the order sessions started; an
        // open session's rows, folded from its sets, in their place.
        let mut open = summaries::open_rows(&self.conn, exercise)?;
        open.sort_by(|a, b| {
            (&a.started_at, a.row.session, a.row.side).cmp(&(
                &b.started_at,
                b.row.session,
                b.row.side,
            ))
        });
        let mut open = open.into_iter().peekable();
        let mut volumes = self.conn.prepare_cached(
            "SELECT side, session_id, started_at, volume_kg(kg_centi, lb_centi)
             FROM session_chart WHERE exercise_id = ?1 ORDER BY started_at, session_id, side",
        )?;
        let mut q = volumes.query([exercise])?;
        while let Some(r) = q.next()? {
            // Borrowed: a time is read only for a new best.
            let text = |i| r.get_ref(i).and_then(|v| Ok(v.as_str()?));
            let (side, session, at) = (text(0)?, r.get(1)?, text(2)?);
            while let Some(o) = open.next_if(|o| {
                (o.started_at.as_str(), o.row.session, o.row.side) < (at, session, side)
            }) {
                open_volume(&mut records, &o)?;
            }
            records.volume(side_of(side)?, r.get(3)?, session, || rows::timestamp(at))?;
        }
        for o in open {
            open_volume(&mut records, &o)?;
        }
        Ok(records.finish())
    }

    /// What the live sets other than `set`, just logged, reached on its
    /// exercise and side. Read from `load_best`, whose rows keep, beside
    /// each record, the best of the other sets: where `set` holds a record,
    /// that is what it beat.
    pub fn earlier_bests(&self, set: &LoggedSet) -> Result<Earlier> {
        let side = set.set.side.map_or("both", |s| s.as_str());
        let mut stmt = self.conn.prepare_cached(
            "SELECT load_centi, load_unit, reps_max, reps_set, reps_second, hold_ms, hold_set, hold_second
             FROM load_best WHERE exercise_id = ?1 AND side = ?2",
        )?;
        let mut q = stmt.query(params![set.set.exercise_id, side])?;
        let mut earlier = Earlier::default();
        while let Some(r) = q.next()? {
            let others = |best: usize| -> rusqlite::Result<Option<i64>> {
                if r.get::<_, Option<i64>>(best + 1)? == Some(set.id) {
                    r.get(best + 2)
                } else {
                    r.get(best)
                }
            };
            let reps = others(2)?.and_then(|n| u32::try_from(n).ok());
            let held = rows::duration(others(5)?);
            let kg = kg_of(r.get(0)?, &r.get::<_, String>(1)?)?;
            earlier.take(&set.set.work, kg, reps, held);
        }
        Ok(earlier)
    }

    /// Keeps the records set `id` was announced with.
    pub fn remember_records(&self, id: i64, kinds: &[RecordKind]) -> Result<()> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO set_record (set_id, kind) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?;
        for kind in kinds {
            insert.execute(params![id, <&str>::from(*kind)])?;
        }
        Ok(())
    }

    /// The records the live sets of `session` were announced with, by set.
    pub fn remembered_records(&self, session: i64) -> Result<Vec<(i64, RecordKind)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, r.kind FROM live_set s JOIN set_record r ON r.set_id = s.id
             WHERE s.session_id = ?1",
        )?;
        let mut q = stmt.query([session])?;
        let mut out = Vec::new();
        while let Some(r) = q.next()? {
            out.push((
                r.get(0)?,
                rows::parsed(&r.get::<_, String>(1)?, "record kind")?,
            ));
        }
        out.sort_unstable();
        Ok(out)
    }
}

//! Personal records, read from the summaries `summaries` keeps
//! (`load_best` per load, `session_chart` per session), so that their cost
//! follows the number of distinct loads and sessions, not of sets.

use rusqlite::params;

use super::Store;
use super::error::{Result, StoreError};
use super::{rows, summaries};
use crate::domain::LoggedSet;
use crate::domain::progress::{Record, SideRecords, rep_frontier};
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

/// Counts one session's volume on one side towards its best.
fn best_volume(
    sides: &mut Vec<SideRecords>,
    side: &str,
    session_id: i64,
    at: &str,
    kg: f64,
) -> Result<()> {
    let entry = side_entry(sides, side_of(side)?);
    if kg > 0.0 && entry.best_volume_kg.as_ref().is_none_or(|b| kg > b.value) {
        entry.best_volume_kg = Some(Record {
            value: kg,
            at: rows::timestamp(at)?,
            session_id,
        });
    }
    Ok(())
}

/// Counts an open session's volume on one side towards its best.
fn open_volume(sides: &mut Vec<SideRecords>, o: &summaries::OpenRow) -> Result<()> {
    let c = &o.row;
    best_volume(sides, c.side, c.session, &o.started_at, c.volume_kg())
}

/// A stored load in kilograms; 0 for none.
fn kg_of(centi: i64, unit: &str) -> Result<f64> {
    match centi {
        0 => Ok(0.0),
        centi => Ok(Load {
            centi,
            unit: unit.parse::<Unit>().map_err(StoreError::BadValue)?,
        }
        .in_kg()),
    }
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
            "SELECT side, load_centi, load_unit, reps_max, reps_at, reps_session, hold_ms, hold_at, hold_session
             FROM load_best WHERE exercise_id = ?1",
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
            ) {
                let at = rows::timestamp(&at)?;
                if entry.longest_hold.as_ref().is_none_or(|h| held > h.value.0) {
                    entry.longest_hold = Some(Record {
                        value: (held, load),
                        at,
                        session_id,
                    });
                }
                let heavier = |h: &Record<(Load, _)>| {
                    load.is_some_and(|l| (l.in_kg(), held) > (h.value.0.in_kg(), h.value.1))
                };
                if let Some(load) = load
                    && entry.heaviest_hold.as_ref().is_none_or(heavier)
                {
                    entry.heaviest_hold = Some(Record {
                        value: (load, held),
                        at,
                        session_id,
                    });
                }
            }
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
            // Borrowed: a time is copied only for a new best.
            let text = |i| r.get_ref(i).and_then(|v| Ok(v.as_str()?));
            let (side, session, at) = (text(0)?, r.get(1)?, text(2)?);
            while let Some(o) = open.next_if(|o| {
                (o.started_at.as_str(), o.row.session, o.row.side) < (at, session, side)
            }) {
                open_volume(&mut sides, &o)?;
            }
            best_volume(&mut sides, side, session, at, r.get(3)?)?;
        }
        for o in open {
            open_volume(&mut sides, &o)?;
        }
        for s in &mut sides {
            s.most_reps = rep_frontier(std::mem::take(&mut s.most_reps));
        }
        sides.sort_by_key(|s| s.side.map_or(0, |s| 1 + s as u8));
        Ok(sides)
    }

    /// What the live sets other than `set`, just logged, reached on its
    /// exercise and side. Read from `load_best`, whose rows keep, beside
    /// each record, the best of the other sets: where `set` holds a record,
    /// that is what it beat.
    pub fn earlier_bests(&self, set: &LoggedSet) -> Result<Earlier> {
        let this_kg = set.set.work.load().map_or(0.0, |l| l.in_kg());
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
            let (reps, held) = (others(2)?, others(5)?);
            if reps.is_none() && held.is_none() {
                continue;
            }
            earlier.any = true;
            let kg = kg_of(r.get(0)?, &r.get::<_, String>(1)?)?;
            if kg > 0.0 {
                earlier.heaviest_kg = Some(earlier.heaviest_kg.map_or(kg, |h| h.max(kg)));
            }
            if let Some(reps) = reps.and_then(|n| u32::try_from(n).ok())
                && kg >= this_kg - 1e-6
            {
                earlier.most_reps = Some(earlier.most_reps.map_or(reps, |m| m.max(reps)));
            }
            if let Some(held) = rows::duration(held) {
                earlier.longest_hold = Some(earlier.longest_hold.map_or(held, |h| h.max(held)));
            }
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

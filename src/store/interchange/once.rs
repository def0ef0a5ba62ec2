//! An import that writes a file as it reads it, in one pass: the exercises
//! are created as the workouts name them, and what only the whole file says
//! (each exercise's kind) is put right before the commit. A file refused on
//! the way is rolled back whole, and a database the import created is taken
//! away again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior, params};

use super::insert::{ExerciseIds, set_inserts};
use super::{create, store_workout};
use crate::domain::{Kind, Sides};
use crate::interchange::{ExerciseDef, Workout};
use crate::store::error::Result;
use crate::store::inspect::{self, Found};
use crate::store::matching::ImportOutcome;
use crate::store::summaries::Batch;
use crate::store::{Holder, Store, Upgrade, preflight, rows, schema_version};

/// What a one-pass feed says once it has handed on every workout of a good
/// file.
pub enum Fed {
    /// Every exercise the file refers to, as a two-pass import creates them
    /// (`Kinds::defs`): names, order and kinds.
    Read(Vec<ExerciseDef>),
    /// Some workout was handed on otherwise than two passes would hand it
    /// (`Kinds::unsettled`): the import must be done in two passes.
    Unsettled,
}

/// Hands an import's workouts on, one by one, as they are read; fails when
/// the file is refused.
pub type FeedOnce<'a> = dyn FnMut(&mut dyn FnMut(&Workout)) -> Result<Fed> + 'a;

/// A database opened for a one-pass import.
pub struct Importing {
    pub store: Store,
    /// What was there before, when the import created the database.
    made: Option<(preflight::Before, Vec<PathBuf>)>,
}

/// The kind an exercise is created with until the file has been read.
const PROVISIONAL: Kind = Kind::Reps;

impl Store {
    /// Opens `path` for an import that reads its file once, writing as it
    /// goes: when the file is refused part-way, the database must be as it
    /// was. `None` when that cannot be promised, so the file is to be
    /// checked before the database is opened: a database at an older schema
    /// (the upgrade would stay), or one that is not a current runstrong
    /// file (its refusal is then said after the file's, as ever).
    pub fn open_import(
        path: &Path,
        upgrading: &mut dyn FnMut(&Upgrade),
    ) -> Result<Option<Importing>> {
        let made = match inspect::identify(path, schema_version()) {
            Ok((Found::New, _)) => {
                // The folders it creates, deepest first.
                let dirs = path
                    .ancestors()
                    .skip(1)
                    .filter(|d| !d.as_os_str().is_empty())
                    .take_while(|d| !d.exists())
                    .map(Path::to_path_buf)
                    .collect();
                Some((preflight::Before::look(path), dirs))
            }
            Ok((Found::Ours { version, .. }, _)) if version as usize == schema_version() => None,
            _ => return Ok(None),
        };
        let store = Store::open_as(path, Holder::Import, upgrading)?;
        Ok(Some(Importing { store, made }))
    }

    /// Stores, in one transaction, each workout `feed` hands on as it reads
    /// the file, creating exercises as they come, and commits once the file
    /// has been read whole and found good; `progress` hears the number of
    /// sets stored after each workout. The database ends as
    /// [`Store::import_each`] would leave it, ids included. `None`, with
    /// nothing written, when one pass cannot do that (see [`Fed`]; an
    /// exercise first met in a plan only, before others met in sets).
    pub fn import_as_read(
        &mut self,
        feed: &mut FeedOnce,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Option<ImportOutcome>> {
        self.in_rollback_journal(|conn| import_once(conn, feed, progress))
    }
}

impl Importing {
    /// After a refused or failed import: a database the import created is
    /// taken away again, with the files beside it and the folders made for
    /// it; an existing one is left (the transaction was rolled back).
    pub fn discard(self) {
        let Importing { store, made } = self;
        let Some((before, dirs)) = made else { return };
        // The file was absent when looked at, before the lock was taken: a
        // runstrong that made it and logged in the meantime keeps its data.
        let holds_data = store
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM session) OR EXISTS (SELECT 1 FROM exercise)",
                [],
                |r| r.get::<_, bool>(0),
            )
            .unwrap_or(true);
        if holds_data {
            return;
        }
        let Store { conn, _lock, .. } = store;
        // Closed first, so SQLite recreates nothing; the lock is held until
        // the files are gone, so no other runstrong starts on them meanwhile.
        drop(conn);
        before.take_back();
        for dir in dirs {
            let _ = std::fs::remove_dir(dir);
        }
        drop(_lock);
    }
}

fn import_once(
    conn: &mut Connection,
    feed: &mut FeedOnce,
    progress: &mut dyn FnMut(u64),
) -> Result<Option<ImportOutcome>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut outcome = ImportOutcome::default();
    let mut ids = ExerciseIds(Default::default());
    // The exercises this import created, in order.
    let mut made = Vec::new();
    let mut sets = set_inserts(&tx)?;
    let mut bulk = Batch::new(&tx)?;
    // The feed cannot stop: after a failure the rest is only read.
    let mut failed = None;
    let fed = feed(&mut |w| {
        if failed.is_some() {
            return;
        }
        let stored = create_named(&tx, w, &mut ids, &mut made).and_then(|()| {
            store_workout(&tx, &mut sets, w, &ids, &mut bulk, &mut outcome, progress)
        });
        if let Err(e) = stored {
            failed = Some(e);
        }
    });
    // A refused file is said first, as when it was checked before.
    let fed = fed?;
    if let Some(e) = failed {
        return Err(e);
    }
    let Fed::Read(defs) = fed else {
        return Ok(None);
    };
    // Two passes create the exercises first, in the order of `defs`: the
    // same names in the same order have the same ids.
    let new: HashSet<String> = made.iter().map(|n| n.to_ascii_lowercase()).collect();
    let as_two: Vec<&ExerciseDef> = defs
        .iter()
        .filter(|d| new.contains(&d.name.to_ascii_lowercase()))
        .collect();
    if as_two.len() != made.len() || as_two.iter().zip(&made).any(|(d, n)| &d.name != n) {
        return Ok(None);
    }
    for def in as_two {
        if def.kind != PROVISIONAL || def.sides != Sides::Both {
            tx.execute(
                "UPDATE exercise SET kind = ?1, sides = ?2 WHERE id = ?3",
                params![
                    rows::kind_str(def.kind),
                    rows::sides_str(def.sides),
                    ids.get(&def.name)?
                ],
            )?;
        }
    }
    outcome.new_exercises = made;
    bulk.finish()?;
    drop(sets);
    tx.commit()?;
    Ok(Some(outcome))
}

/// Creates the exercises `w` names that the import has not met yet, those
/// of its sets first (as `Kinds::defs` orders them), with a provisional
/// kind; notes the names of those it created in `made`.
fn create_named(
    tx: &Connection,
    w: &Workout,
    ids: &mut ExerciseIds,
    made: &mut Vec<String>,
) -> Result<()> {
    let names = w.sets.iter().map(|s| &s.exercise);
    let mut last: Option<&String> = None;
    for name in names.chain(w.plan.iter().map(|p| &p.exercise)) {
        // The sets of an exercise follow each other: look it up once.
        if last == Some(name) {
            continue;
        }
        last = Some(name);
        if ids.0.contains_key(&name.to_ascii_lowercase()) {
            continue;
        }
        let def = ExerciseDef {
            name: name.clone(),
            kind: PROVISIONAL,
            sides: Sides::Both,
        };
        if create(tx, &def, ids)? {
            made.push(name.clone());
        }
    }
    Ok(())
}

//! Imports: a whole file lands in one transaction or not at all; a session
//! already present gets only the sets it lacks (see [`super::matching`]), so
//! importing a file twice adds nothing.

use std::collections::HashMap;
use std::time::Duration;

mod insert;
mod once;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::error::Result;
use super::many::Inserts;
use super::matching::{self, ImportOutcome, Step};
use super::rows;
use super::summaries::{self, Batch};
use super::{BUSY_TIMEOUT, Store};
use crate::interchange::{ExerciseDef, Import, Workout};
use insert::{ExerciseIds, insert_plan, insert_sets, insert_workout, set_inserts};

/// What hands an import's workouts on, one by one, to the function it is
/// given, and says whether it could read them all.
pub type Feed<'a> = dyn FnMut(&mut dyn FnMut(&Workout)) -> Result<()> + 'a;

pub use once::{Fed, FeedOnce, Importing};

impl Store {
    /// An empty database in memory, to preview an import when the real one
    /// does not exist yet (a dry run never creates it).
    pub fn empty() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        super::migrate(&mut conn)?;
        Store::checked(conn, ":memory:".into())
    }

    /// Stores `import` in one transaction; `progress` hears the number of
    /// sets stored after each session.
    pub fn import(
        &mut self,
        import: &Import,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportOutcome> {
        let mut feed = |each: &mut dyn FnMut(&Workout)| {
            import.workouts.iter().for_each(each);
            Ok(())
        };
        self.import_each(&import.exercise_defs(), &mut feed, progress)
    }

    /// Stores, in one transaction, the `exercises` and then each workout
    /// `feed` hands on (a file read as a stream: one workout held at a
    /// time); `progress` hears the number of sets stored after each. The
    /// transaction runs with a rollback journal when no other connection has
    /// the file open (`rollback_journal`), the file back in WAL mode after.
    pub fn import_each(
        &mut self,
        exercises: &[ExerciseDef],
        feed: &mut Feed,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportOutcome> {
        self.in_rollback_journal(|conn| import_in_one(conn, exercises, feed, progress))
    }

    /// Runs `import` with the file in rollback-journal mode if it can be
    /// (see [`rollback_journal`]), and in WAL mode again after.
    fn in_rollback_journal<T>(
        &mut self,
        import: impl FnOnce(&mut Connection) -> Result<T>,
    ) -> Result<T> {
        let direct = rollback_journal(&self.conn);
        let stored = import(&mut self.conn);
        if direct {
            // Every open of the file for writing asks for WAL again
            // (`configure`), so a file left in the other mode is put right
            // there; a failure here must not call a committed import failed.
            let _ = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()));
        }
        stored
    }

    /// What [`Store::import`] would do, without writing anything.
    pub fn preview_import(&self, import: &Import) -> Result<ImportOutcome> {
        let mut feed = |each: &mut dyn FnMut(&Workout)| {
            import.workouts.iter().for_each(each);
            Ok(())
        };
        self.preview_each(&import.exercise_defs(), &mut feed)
    }

    /// What [`Store::import_each`] would do, without writing anything. A
    /// workout repeated in the file counts as new each time.
    pub fn preview_each(
        &self,
        exercises: &[ExerciseDef],
        feed: &mut Feed,
    ) -> Result<ImportOutcome> {
        let mut outcome = ImportOutcome::default();
        for def in exercises {
            let known = self
                .conn
                .prepare_cached("SELECT 1 FROM exercise WHERE name = ?1")?
                .query_row([&def.name], |_| Ok(()))
                .optional()?;
            if known.is_none() {
                outcome.new_exercises.push(def.name.clone());
            }
        }
        let mut failed = None;
        let fed = feed(&mut |w| {
            if failed.is_none()
                && let Err(e) = matching::step(&self.conn, w, &mut outcome)
            {
                failed = Some(e);
            }
        });
        match failed {
            Some(e) => Err(e),
            None => fed.map(|()| outcome),
        }
    }
}

fn import_in_one(
    conn: &mut Connection,
    exercises: &[ExerciseDef],
    feed: &mut Feed,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut outcome = ImportOutcome::default();
    let mut ids = ExerciseIds(HashMap::new());
    for def in exercises {
        if create(&tx, def, &mut ids)? {
            outcome.new_exercises.push(def.name.clone());
        }
    }
    let mut sets = set_inserts(&tx)?;
    let mut bulk = Batch::new(&tx)?;
    // The feed cannot stop: after a failure the rest is only read.
    let mut failed = None;
    let fed = feed(&mut |w| {
        if failed.is_none()
            && let Err(e) =
                store_workout(&tx, &mut sets, w, &ids, &mut bulk, &mut outcome, progress)
        {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    fed?;
    bulk.finish()?;
    drop(sets);
    tx.commit()?;
    Ok(outcome)
}

/// Creates exercise `def` unless the database has one by its name, and
/// notes its id; says whether it created it.
fn create(tx: &Connection, def: &ExerciseDef, ids: &mut ExerciseIds) -> Result<bool> {
    let added = tx
        .prepare_cached(
            "INSERT INTO exercise (name, kind, sides) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
        )?
        .execute(params![
            def.name,
            rows::kind_str(def.kind),
            rows::sides_str(def.sides)
        ])?;
    let id: i64 = tx
        .prepare_cached("SELECT id FROM exercise WHERE name = ?1")?
        .query_row([&def.name], |r| r.get(0))?;
    ids.0.insert(def.name.to_ascii_lowercase(), id);
    Ok(added == 1)
}

/// Puts the file in rollback-journal mode for an import, if it can (no
/// other connection has it open), and says whether it did. In WAL mode each
/// page an import writes is written twice, to the WAL and then, at the
/// checkpoint its commit sets off, to the file; with a rollback journal a
/// new page is written to the file once, and only the pages that held data
/// before are copied to the journal. It is as safe: the commit syncs the
/// journal and the file (`synchronous = FULL`), a failure rolls back, and a
/// journal left by a crash is rolled back by the next open.
fn rollback_journal(conn: &Connection) -> bool {
    // Another connection makes the change wait for it: ask without waiting.
    if conn.busy_timeout(Duration::ZERO).is_err() {
        return false;
    }
    let direct = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| {
            r.get::<_, String>(0)
        })
        .is_ok_and(|mode| mode.eq_ignore_ascii_case("delete"));
    // Failing that, the import runs in WAL mode as ever, and its writes
    // wait for others as they do.
    let _ = conn.busy_timeout(BUSY_TIMEOUT);
    direct
}

/// Stores one workout of an import: a new session, or the sets a session
/// the database has lacks.
fn store_workout(
    tx: &Connection,
    sets_insert: &mut Inserts,
    w: &Workout,
    ids: &ExerciseIds,
    bulk: &mut Batch,
    outcome: &mut ImportOutcome,
    progress: &mut dyn FnMut(u64),
) -> Result<()> {
    match matching::step(tx, w, outcome)? {
        Some(Step::New(w)) => {
            insert_workout(tx, sets_insert, w, ids, bulk)?;
            progress(w.sets.len() as u64);
        }
        Some(Step::Complete { id, plan, sets }) => {
            // Rare: the session's summaries are recomputed in the database.
            bulk.flush()?;
            let at = tx.query_row(
                "SELECT coalesce(max(position) + 1, 0) FROM session_exercise WHERE session_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            insert_plan(tx, id, at, plan, ids)?;
            progress(sets.len() as u64);
            let mut exercises = Vec::new();
            for s in &sets {
                let exercise = ids.get(&s.exercise)?;
                if !exercises.contains(&exercise) {
                    exercises.push(exercise);
                }
            }
            insert_sets(tx, sets_insert, id, sets, ids, None)?;
            for exercise in exercises {
                summaries::refresh(tx, id, exercise)?;
            }
        }
        None => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use rusqlite::types::Value;

    use super::*;
    use crate::domain::Unit;
    use crate::interchange::{Format, parse};
    use crate::store::StoreError;

    /// `workouts` Strong workouts of ten sets, one a day from `first_day` of January 2025.
    fn strong(first_day: usize, workouts: usize) -> Import {
        let mut text = String::from(
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
        );
        for day in first_day..first_day + workouts {
            let date = chrono::NaiveDate::from_yo_opt(2025, 1 + day as u32).unwrap();
            for set in 1..=10 {
                text.push_str(&format!(
                    "{date} 18:00:00,Legs,45m,Squat,{set},{},5,0,0,,,\n",
                    60 + set
                ));
            }
        }
        parse(&text, Some(Format::Strong), Some(Unit::Kg), &Utc)
            .unwrap()
            .1
    }

    /// Everything an import writes to, and the schema.
    fn contents(conn: &Connection) -> Vec<Vec<Value>> {
        let mut out = Vec::new();
        for sql in [
            "SELECT * FROM set_log ORDER BY id",
            "SELECT * FROM session ORDER BY id",
            "SELECT * FROM session_best ORDER BY 1, 2, 3, 4, 5, 6",
            "SELECT * FROM load_best ORDER BY 1, 2, 3, 4",
            "SELECT type, name, sql FROM sqlite_schema ORDER BY name",
        ] {
            let mut stmt = conn.prepare(sql).unwrap();
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    (0..width)
                        .map(|i| r.get(i))
                        .collect::<rusqlite::Result<Vec<Value>>>()
                })
                .unwrap();
            out.extend(rows.map(|r| r.unwrap()));
        }
        out
    }

    fn journal_mode(conn: &Connection) -> String {
        conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    }

    fn set_count(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM set_log", [], |r| r.get(0))
            .unwrap()
    }

    /// A new database in `dir` with `workouts` imported.
    fn imported(dir: &tempfile::TempDir, workouts: usize) -> Store {
        let mut store = Store::open(&dir.path().join("runstrong.db")).unwrap();
        store.import(&strong(0, workouts), &mut |_| {}).unwrap();
        store
    }

    #[test]
    fn an_import_leaves_the_file_in_wal_mode_with_no_journal_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = imported(&dir, 3);
        assert_eq!(journal_mode(&store.conn), "wal");
        assert!(!dir.path().join("runstrong.db-journal").exists());
        store.close().unwrap();
        let reopened = Connection::open(dir.path().join("runstrong.db")).unwrap();
        assert_eq!(journal_mode(&reopened), "wal", "the mode the file keeps");
        assert_eq!(set_count(&reopened), 30);
    }

    #[test]
    fn an_import_beside_a_reader_stays_in_wal_mode_and_lands() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = imported(&dir, 1);
        // `runstrong history` reading the file while the import runs.
        let reader = Connection::open(dir.path().join("runstrong.db")).unwrap();
        assert_eq!(journal_mode(&reader), "wal");
        assert!(!rollback_journal(&store.conn), "not while another has it");
        let outcome = store.import(&strong(5, 2), &mut |_| {}).unwrap();
        assert_eq!(outcome.sets, 20);
        assert_eq!(journal_mode(&store.conn), "wal");
        assert_eq!(set_count(&reader), 30, "the reader sees the import");
    }

    #[test]
    fn an_import_that_fills_the_disk_changes_nothing_and_the_next_one_lands() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("runstrong.db")).unwrap();
        store.import(&strong(0, 2), &mut |_| {}).unwrap();
        let before = contents(&store.conn);
        let pages: i64 = store
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        // The disk is full a few pages on.
        store
            .conn
            .pragma_update(None, "max_page_count", pages + 3)
            .unwrap();
        let err = store.import(&strong(10, 300), &mut |_| {}).unwrap_err();
        assert!(
            matches!(&err, StoreError::Sqlite(e) if StoreError::is_disk(e)),
            "{err:?}"
        );
        assert_eq!(
            contents(&store.conn),
            before,
            "all or nothing, trigger included"
        );
        assert_eq!(
            journal_mode(&store.conn),
            "wal",
            "after a failed import too"
        );

        store
            .conn
            .pragma_update(None, "max_page_count", 1_073_741_823)
            .unwrap();
        let outcome = store.import(&strong(10, 300), &mut |_| {}).unwrap();
        assert_eq!((outcome.sessions, outcome.sets), (300, 3000));
        let squat_sets: i64 = store
            .conn
            .query_row("SELECT sum(sets) FROM session_chart", [], |r| r.get(0))
            .unwrap();
        assert_eq!(squat_sets, 3020);
    }
}

//! The store's transactions: a read snapshot for reports, a batch for bulk
//! writes, and the savepoint every multi-row write runs in.

use rusqlite::Connection;

use super::Store;
use super::error::{Result, StoreError};

impl Store {
    /// Runs `f` on one read snapshot: every query in it sees the file as it
    /// was at the first (a set the app commits meanwhile shows in all of a
    /// report or none of it), and SQLite takes its locks and checks the file
    /// once instead of at every statement. The snapshot lasts as long as `f`:
    /// a report written into a pipe nobody reads (`| less` left open) holds
    /// back the app's WAL checkpoints until it ends, so the -wal file grows
    /// meanwhile; it is checkpointed as ever once the report ends.
    pub fn snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        // Deferred: reads only, so nothing blocks a writer beside it.
        let read = self
            .conn
            .unchecked_transaction()
            .map_err(StoreError::from)?;
        let out = f(self)?;
        read.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// Runs `f` as one transaction, for bulk writes (the large-history
    /// generator) where a commit per set would cost an fsync each.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(value) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(e) => {
                // The first error is the one worth reporting; a failed
                // rollback leaves SQLite to roll back when the connection closes.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

/// Runs `f` as one unit: a transaction of its own, or a savepoint inside one
/// already open (a batch).
pub(super) fn atomically<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    conn.prepare_cached("SAVEPOINT one")?.execute([])?;
    match f(conn) {
        Ok(value) => {
            conn.prepare_cached("RELEASE one")?.execute([])?;
            Ok(value)
        }
        Err(e) => {
            // The first error is the one worth reporting.
            let _ = conn.execute_batch("ROLLBACK TO one; RELEASE one");
            Err(e)
        }
    }
}

//! Online backup: SQLite's backup API copies the database as of one moment
//! while the app (or anything else) keeps writing, and the copy is checked
//! with `PRAGMA integrity_check` before it takes its final name.

mod partial;

use std::path::Path;
use std::thread;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::error::{Result, StoreError};
use super::{Store, inspect};
use partial::Partial;

/// How often a step that found the source locked is retried.
const BUSY_RETRIES: u32 = 200;
const BUSY_PAUSE: Duration = Duration::from_millis(25);

impl Store {
    /// Copies the database to `dest`, which must not exist yet. The copy is
    /// written beside it under a temporary name and renamed once verified,
    /// so `dest` is either a whole, checked copy or absent; what killed
    /// backups left in that directory goes first.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let io = |source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        };
        if dest.exists() {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "already exists; choose another name",
            )));
        }
        let partial = Partial::claim(dest).map_err(io)?;
        let result =
            copy(&self.conn, &self.path, partial.path()).and_then(|()| verify(partial.path()));
        if let Err(e) = result {
            partial.discard();
            return Err(e);
        }
        partial.persist(dest).map_err(io)
    }
}

/// One step of all pages: the copy is a single read transaction on the
/// source, so it is one consistent snapshot even while others write (WAL
/// readers do not block writers).
fn copy(source: &Connection, source_path: &Path, dest: &Path) -> Result<()> {
    let mut target = Connection::open(dest)?;
    let backup = Backup::new(source, &mut target)?;
    let mut retries = 0;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if retries < BUSY_RETRIES => {
                retries += 1;
                thread::sleep(BUSY_PAUSE);
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(StoreError::Locked {
                    path: source_path.to_path_buf(),
                    secs: (BUSY_PAUSE * BUSY_RETRIES).as_secs(),
                });
            }
            _ => {}
        }
    }
}

fn verify(path: &Path) -> Result<()> {
    let conn = inspect::open_read_only(path)?;
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("backup failed its integrity check: {verdict}"),
        })
    }
}

//! The one owner of the SQLite connection. SQL stays in this module, with
//! bound parameters only; callers speak in domain types.

mod backup;
mod bulk;
mod corrections;
mod error;
mod export;
mod history;
mod inspect;
mod interchange;
mod matching;
mod plan;
mod progress;
mod records;
mod rows;
mod seal;
mod sessions;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, OptionalExtension};
use rusqlite_migration::Migrations;

pub use corrections::Correction;
pub use error::{Result, StoreError};
pub use history::ExerciseInfo;
pub use inspect::{APP_ID, open_read_only};
pub use interchange::Feed;
pub use matching::ImportOutcome;
pub use sessions::{Summary, Unfinished};

static MIGRATION_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");
static MIGRATIONS: LazyLock<std::result::Result<Migrations<'static>, rusqlite_migration::Error>> =
    LazyLock::new(|| Migrations::from_directory(&MIGRATION_DIR));

/// How long a write waits for another process's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

pub fn migrations() -> Result<&'static Migrations<'static>> {
    MIGRATIONS
        .as_ref()
        .map_err(|e| StoreError::BadValue(format!("built-in migrations: {e}")))
}

/// The schema version this build writes.
pub fn schema_version() -> usize {
    MIGRATION_DIR.dirs().count()
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A schema upgrade that [`Store::open_telling`] is about to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub from: u32,
    pub to: usize,
    /// Where the file as it was is copied first.
    pub backup: PathBuf,
}

impl Store {
    /// Opens (creating if needed) a runstrong database, refusing foreign,
    /// newer and corrupt files before writing a byte to them.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_telling(path, &mut |_| {})
    }

    /// As [`Store::open`], telling `upgrading` before it backs up and
    /// migrates an older database, which takes a while on a large one.
    pub fn open_telling(path: &Path, upgrading: &mut dyn FnMut(&Upgrade)) -> Result<Store> {
        // The directory comes first so that one under a regular file is
        // reported as such, not as an unreadable database.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let found = inspect::inspect(path, schema_version(), seal::holds(path))?;
        let locked = |e| StoreError::at(path, e);
        let mut conn = Connection::open(path).map_err(locked)?;
        configure(&conn).map_err(locked)?;
        if let inspect::Found::Ours { version } = found
            && (version as usize) < schema_version()
            && version > 0
        {
            let upgrade = Upgrade {
                from: version,
                to: schema_version(),
                backup: backup_name(path, version),
            };
            upgrading(&upgrade);
            conn.execute("VACUUM INTO ?1", [upgrade.backup.to_string_lossy()])?;
        }
        migrate(&mut conn).map_err(|e| match e {
            StoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                locked(err)
            }
            e => e,
        })?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Closes the database and seals it, so that the next open can trust it
    /// without reading every page.
    pub fn close(self) -> Result<()> {
        let Store { conn, path } = self;
        conn.close().map_err(|(_, e)| StoreError::at(&path, e))?;
        seal::write(&path);
        Ok(())
    }

    /// Opens a database that must already exist (for commands that only read
    /// or add to one): a missing file is an error and no file is created.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Store::open(path)
    }

    /// Opens an existing database to read it, also while the app has it open
    /// (WAL). Nothing is written, so the whole-file `quick_check` that guards
    /// writes is skipped (it reads every page: most of the start-up time on a
    /// large history); a damaged page still fails the query that reads it.
    /// A database at an older schema is first migrated by `open`, with its backup.
    pub fn open_reader(path: &Path) -> Result<Store> {
        let missing = || StoreError::Missing {
            path: path.to_path_buf(),
        };
        if !path.exists() {
            return Err(missing());
        }
        match inspect::identify(path, schema_version())? {
            (inspect::Found::Ours { version }, Some(conn))
                if version as usize == schema_version() =>
            {
                Ok(Store {
                    conn,
                    path: path.to_path_buf(),
                })
            }
            (inspect::Found::Ours { .. }, _) => Store::open(path),
            (inspect::Found::New, _) => Err(missing()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
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

/// Brings the schema up to date. A migration may copy a table that others
/// refer to (SQLite's way of changing a CHECK), which dropping the old copy
/// refuses while foreign keys are on: they are off while migrating, as
/// SQLite's documentation says, and every reference is checked before they
/// go back on.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let migrated = migrations()?.to_latest(conn);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrated?;
    let broken: Option<String> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()?;
    match broken {
        Some(table) => Err(StoreError::BadValue(format!(
            "a row of {table} refers to a row that is missing"
        ))),
        None => Ok(()),
    }
}

/// Per-connection settings, outside any transaction.
///
/// `synchronous=FULL`: in WAL mode, NORMAL may lose the last commits on power
/// loss; FULL syncs the WAL on every commit, so a set the screen showed as
/// saved survives a pulled plug. One set is a few hundred bytes, so the cost
/// is one fsync per confirmed set (see docs/PERFORMANCE.md).
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Where the database at schema `version` is copied before a migration
/// changes it: next to itself, named by version and time.
fn backup_name(path: &Path, version: u32) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".v{version}-{stamp}.bak"));
    PathBuf::from(name)
}

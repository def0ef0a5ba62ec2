//! The one owner of the SQLite connection. SQL stays in this module, with
//! bound parameters only; callers speak in domain types.

mod backup;
mod cardio;
mod corrections;
mod error;
mod export;
mod functions;
mod history;
mod inspect;
mod integrity;
mod interchange;
mod lock;
mod many;
mod matching;
mod next;
mod plan;
mod preflight;
mod progress;
mod records;
mod rows;
mod sessions;
mod summaries;
mod transactions;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, OptionalExtension};
use rusqlite_migration::{HookError, HookResult, Migrations, MigrationsBuilder};

pub use error::{Result, StoreError};
pub use inspect::{APP_ID, open_read_only};
pub use integrity::{Failure, Verdict};
pub use interchange::{Fed, Feed, FeedOnce, Importing};
pub use lock::{Holder, lock_path};
pub use matching::ImportOutcome;

static MIGRATION_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");
/// The migrations, the last that changes what the summaries hold running
/// their one writer in its own transaction: a file is at that version only
/// with its summaries rebuilt, whatever stopped an upgrade halfway.
static MIGRATIONS: LazyLock<std::result::Result<Migrations<'static>, rusqlite_migration::Error>> =
    LazyLock::new(|| {
        let rebuild = |tx: &rusqlite::Transaction| -> HookResult {
            summaries::rebuild(tx).map_err(|e| match e {
                StoreError::Sqlite(e) => HookError::RusqliteError(e),
                e => HookError::Hook(e.to_string()),
            })
        };
        Ok(MigrationsBuilder::from_directory(&MIGRATION_DIR)?
            .edit(SUMMARIES, move |m| m.set_up_hook(rebuild))
            .finalize())
    });

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
    /// The whole-file check; writes wait for it to pass.
    check: integrity::Check,
    /// Whether `query_only` is off: the check has passed.
    writing: bool,
    _lock: Option<lock::Lock>,
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
    /// newer, damaged, read-only files and a full disk before writing a
    /// byte to them.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_telling(path, &mut |_| {})
    }

    /// As [`Store::open`], telling `upgrading` before it backs up and
    /// migrates an older database, which takes a while on a large one.
    pub fn open_telling(path: &Path, upgrading: &mut dyn FnMut(&Upgrade)) -> Result<Store> {
        Store::open_with(path, None, upgrading)
    }

    /// As [`Store::open_telling`], holding the database's lock so that no
    /// other app or import writes sessions into it meanwhile. The app's
    /// whole-file check runs in the background (see `integrity`) so the
    /// first frame does not wait for it; every write does.
    pub fn open_as(
        path: &Path,
        holder: Holder,
        upgrading: &mut dyn FnMut(&Upgrade),
    ) -> Result<Store> {
        Store::open_with(path, Some(holder), upgrading)
    }

    fn open_with(
        path: &Path,
        holder: Option<Holder>,
        upgrading: &mut dyn FnMut(&Upgrade),
    ) -> Result<Store> {
        // The directory comes first so that one under a regular file is
        // reported as such, not as an unreadable database.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        preflight::writable(path)?;
        let (found, reader) = inspect::identify(path, schema_version())?;
        // Only a current file already in WAL mode can be opened for writing
        // unchanged; any other is checked whole before it is touched.
        let deferred = holder == Some(Holder::App)
            && matches!(found, inspect::Found::Ours { version, wal: true }
                if version as usize == schema_version());
        if let Some(reader) = reader.filter(|_| !deferred) {
            integrity::quick_check(path, &reader)?;
        }
        let before = preflight::Before::look(path);
        let lock = holder
            .map(|h| lock::Lock::acquire(path, h))
            .transpose()
            .map_err(|e| before.undo(e))?;
        let conn = connect(path, found, upgrading).map_err(|e| before.undo(e))?;
        functions::register(&conn)?;
        let check = if deferred {
            conn.pragma_update(None, "query_only", true)?;
            integrity::Check::spawn(path.to_path_buf())
        } else {
            integrity::Check::done(Ok(()))
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            check,
            writing: !deferred,
            _lock: lock,
        })
    }

    /// A store over a connection that needs no check: a new or in-memory one.
    fn checked(conn: Connection, path: PathBuf) -> Result<Store> {
        functions::register(&conn)?;
        Ok(Store {
            conn,
            path,
            check: integrity::Check::done(Ok(())),
            writing: true,
            _lock: None,
        })
    }

    /// Waits for the whole-file check, and lets writes through once it has
    /// passed. A damaged file stays shut for good.
    pub fn writable(&mut self) -> Result<()> {
        if self.check.wait() == Err(Failure::Locked) {
            // Another program held the file during the background check:
            // check again, here, now that a write is due.
            let verdict = integrity::quick_check(&self.path, &self.conn);
            self.check = integrity::Check::done(verdict.map_err(|e| Failure::of(&e)));
        }
        self.check.wait().map_err(|f| f.at(&self.path))?;
        if !self.writing {
            self.conn.pragma_update(None, "query_only", false)?;
            self.writing = true;
        }
        Ok(())
    }

    /// Calls `tell` once the whole-file check has a verdict.
    pub fn on_verdict(&self, tell: impl FnOnce(&Verdict) + Send + 'static) {
        self.check.on_verdict(tell);
    }

    /// After an error: when it shows the file damaged, every later write is
    /// refused, and the damage is returned as an error that names the file.
    pub fn stop_if_damaged(&mut self, err: &StoreError) -> Option<StoreError> {
        if !err.damaged() {
            return None;
        }
        let detail = match err {
            StoreError::Corrupt { detail, .. } => detail.clone(),
            other => other.to_string(),
        };
        let failure = Failure::Corrupt(detail);
        self.check.settle(Err(failure.clone()));
        // The connection may be beyond even this; the gate above holds anyway.
        let _ = self.conn.pragma_update(None, "query_only", true);
        self.writing = false;
        Some(failure.at(&self.path))
    }

    /// Closes the database.
    pub fn close(self) -> Result<()> {
        let Store { conn, path, .. } = self;
        conn.close().map_err(|(_, e)| StoreError::at(&path, e))
    }

    /// Opens a database that must already exist and hold something, to copy
    /// it (`backup`): read only, so a read-only file or one the app has open
    /// can be copied, and checked whole, so a damaged one is refused.
    pub fn open_existing(path: &Path) -> Result<Store> {
        match std::fs::metadata(path) {
            Err(_) => Err(StoreError::Missing {
                path: path.to_path_buf(),
            }),
            Ok(meta) if meta.len() == 0 => Err(StoreError::Empty {
                path: path.to_path_buf(),
            }),
            Ok(_) => {
                let store = Store::open_reader(path)?;
                integrity::quick_check(path, &store.conn)?;
                Ok(store)
            }
        }
    }

    /// Opens an existing database to read it, also while the app has it open
    /// (WAL). Nothing is written, so the whole-file `quick_check` that guards
    /// writes is skipped (it reads every page); a damaged page still fails
    /// the query that reads it. A database at an older schema is first
    /// migrated by `open`, with its backup. An empty (0-byte) file reads as
    /// a database with nothing in it, and stays empty.
    pub fn open_reader(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        match inspect::identify(path, schema_version())? {
            (inspect::Found::Ours { version, .. }, Some(conn))
                if version as usize == schema_version() =>
            {
                Store::checked(conn, path.to_path_buf())
            }
            (inspect::Found::Ours { .. }, _) => Store::open(path),
            (inspect::Found::New, _) => {
                let mut empty = Store::empty()?;
                empty.path = path.to_path_buf();
                Ok(empty)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Opens the file for writing and brings its schema up to date, backing up
/// an older one first.
fn connect(
    path: &Path,
    found: inspect::Found,
    upgrading: &mut dyn FnMut(&Upgrade),
) -> Result<Connection> {
    let at = |e| StoreError::at(path, e);
    let mut conn = Connection::open(path).map_err(at)?;
    configure(&conn).map_err(at)?;
    if let inspect::Found::Ours { version, .. } = found
        && (version as usize) < schema_version()
        && version > 0
    {
        let upgrade = Upgrade {
            from: version,
            to: schema_version(),
            backup: backup_name(path, version),
        };
        upgrading(&upgrade);
        conn.execute("VACUUM INTO ?1", [upgrade.backup.to_string_lossy()])
            .map_err(at)?;
    }
    migrate(&mut conn).map_err(|e| match e {
        StoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => at(err),
        e => e,
    })?;
    Ok(conn)
}

/// Brings the schema up to date. A migration may copy a table that others
/// refer to (SQLite's way of changing a CHECK), which dropping the old copy
/// refuses while foreign keys are on: they are off while migrating, as
/// SQLite's documentation says, and every reference is checked before they
/// go back on. A file already at the latest schema costs nothing here (the
/// foreign key check reads every row: only after a migration).
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if usize::try_from(version).is_ok_and(|v| v >= schema_version()) {
        return Ok(());
    }
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

/// The migration after which the summaries are rebuilt: 08 made them (and
/// left them empty for their one writer), 10 leaves warm-ups out of them.
const SUMMARIES: usize = 10;

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

//! Everything that can go wrong with the database file, in words a person
//! can act on. Each message names the file.

use std::io;
use std::path::{Path, PathBuf};

use super::BUSY_TIMEOUT;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: no such database (start runstrong once to create it, or pass --db)")]
    Missing { path: PathBuf },
    #[error("{path}: empty (0 bytes), nothing in it yet")]
    Empty { path: PathBuf },
    #[error("{path}: not a SQLite database; runstrong leaves it untouched")]
    NotSqlite { path: PathBuf },
    #[error(
        "{path}: a SQLite database of another application (application_id {app_id:#x}); runstrong leaves it untouched"
    )]
    Foreign { path: PathBuf, app_id: u32 },
    #[error(
        "{path}: written by a newer runstrong (schema {found}, this one knows up to {known}); upgrade runstrong"
    )]
    Newer {
        path: PathBuf,
        found: u32,
        known: usize,
    },
    #[error(
        "{path}: the database is damaged ({detail}); runstrong writes nothing more to it. Keep a copy, then rescue what can be read with `sqlite3 {path} .recover | sqlite3 {path}.recovered` and start runstrong with --db {path}.recovered, or restore a backup"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path}: the database (or its folder) is read-only; runstrong saves every set as it is logged, so it needs to write there. Make it writable, or read it with `runstrong history` or `runstrong export`"
    )]
    ReadOnly { path: PathBuf },
    #[error("{path}: disk full; nothing was written. Free some space and try again")]
    DiskFull { path: PathBuf },
    #[error(
        "{path}: in use by {by}; one runstrong at a time logs into a database. Close that one first (`runstrong history`, `export` and `backup` work beside it)"
    )]
    InUse { path: PathBuf, by: String },
    #[error(
        "{path}: the database is locked by another program (another runstrong?); waited {secs} s"
    )]
    Locked { path: PathBuf, secs: u64 },
    #[error("cannot use data directory {path}: {source}")]
    DataDir { path: PathBuf, source: io::Error },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("set {0} was already corrected or deleted; reload to see its latest version")]
    NotLive(i64),
    #[error("database holds a value runstrong cannot read: {0}")]
    BadValue(String),
    /// What an import reads from failed to read (changed since it was checked?).
    #[error("the file to import could not be read again: {0}")]
    Source(String),
}

impl StoreError {
    /// Names the file when SQLite gives up waiting for a lock, finds the
    /// file damaged or the disk fails; any other SQLite error passes through.
    pub fn at(path: &Path, err: rusqlite::Error) -> StoreError {
        if Self::is_corrupt(&err) {
            StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: err.to_string(),
            }
        } else if Self::is_busy(&err) {
            StoreError::Locked {
                path: path.to_path_buf(),
                secs: BUSY_TIMEOUT.as_secs(),
            }
        } else if Self::is_disk(&err) {
            StoreError::Io {
                path: path.to_path_buf(),
                source: io::Error::other(err.to_string()),
            }
        } else {
            StoreError::Sqlite(err)
        }
    }

    /// SQLite reported the file busy or locked after the busy timeout.
    pub fn is_busy(err: &rusqlite::Error) -> bool {
        matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// SQLite found the file damaged ("database disk image is malformed").
    pub fn is_corrupt(err: &rusqlite::Error) -> bool {
        matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        )
    }

    /// This error means the file is damaged: nothing more may be written.
    pub fn damaged(&self) -> bool {
        match self {
            StoreError::Corrupt { .. } => true,
            StoreError::Sqlite(e) => Self::is_corrupt(e),
            _ => false,
        }
    }

    /// A disk-level write failure: full disk, read-only file, IO error.
    pub fn is_disk(err: &rusqlite::Error) -> bool {
        matches!(
            err.sqlite_error_code(),
            Some(
                rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::SystemIoFailure
                    | rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::CannotOpen
            )
        )
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

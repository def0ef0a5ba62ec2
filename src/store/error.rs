//! Everything that can go wrong with the database file, in words a person
//! can act on. Each message names the file.

use std::io;
use std::path::{Path, PathBuf};

use super::BUSY_TIMEOUT;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: no such database (start runstrong once to create it, or pass --db)")]
    Missing { path: PathBuf },
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
    #[error("{path}: the database is corrupt ({detail}); runstrong leaves it untouched")]
    Corrupt { path: PathBuf, detail: String },
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
    /// Names the file when SQLite gives up waiting for a lock or the disk
    /// fails; any other SQLite error passes through as it is.
    pub fn at(path: &Path, err: rusqlite::Error) -> StoreError {
        if Self::is_busy(&err) {
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

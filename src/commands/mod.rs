//! Subcommands: each reads what it needs, prints to stdout, and returns a
//! one-line error for stderr.

pub mod backup;
pub mod export;
pub mod history;
mod history_csv;
mod history_json;
mod history_out;
mod history_table;
pub mod import;
pub mod next;
mod next_out;
pub mod routines;
pub mod stderr;
pub mod stdout;

use std::io;
use std::path::PathBuf;

use crate::interchange::ImportError;
use crate::store::{StoreError, Upgrade};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}: {source}", path.display())]
    Import { path: PathBuf, source: ImportError },
    #[error("{}: {source}", path.display())]
    File { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Usage(String),
    #[error("{0}; nothing was imported")]
    NothingImported(StoreError),
}

impl CommandError {
    pub fn file(path: &std::path::Path) -> impl FnOnce(io::Error) -> CommandError + '_ {
        move |source| CommandError::File {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Says on stderr, before it happens, that the database is about to be
/// upgraded and where the file as it was will be kept.
pub fn tell_upgrade(u: &Upgrade) {
    stderr::tell(format!(
        "upgrading the database from schema {} to {}; the file as it was is kept as {}",
        u.from,
        u.to,
        u.backup.display()
    ));
}

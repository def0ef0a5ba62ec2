//! What is checked before a byte is written, and what a failed open takes
//! back. SQLite opens a read-only file and fails only at the first write,
//! after creating `-wal` and `-shm` beside it; a full disk fails part-way
//! and says "disk I/O error". Both are caught here, in words a person can
//! act on, and leave the folder as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rustix::fs::{Access, access, statvfs};

use super::error::{Result, StoreError};

/// Below this much free space a failed write is reported as a full disk.
const NEARLY_FULL: u64 = 256 * 1024;

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The file's folder, "." for a bare name.
fn folder(db: &Path) -> &Path {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Refuses a database the app could open but never write: the file (or a
/// WAL beside it) is read-only, or its folder is, where SQLite must create
/// its WAL. Root passes the mode bits, as the kernel lets it write.
pub fn writable(db: &Path) -> Result<()> {
    let read_only = || StoreError::ReadOnly {
        path: db.to_path_buf(),
    };
    for file in [db.to_path_buf(), sibling(db, "-wal"), sibling(db, "-shm")] {
        if file.exists() && access(&file, Access::WRITE_OK).is_err() {
            return Err(read_only());
        }
    }
    if access(folder(db), Access::WRITE_OK).is_err() {
        return Err(read_only());
    }
    Ok(())
}

/// Which of the database's files were there before an open, so that a
/// failed open removes only what it created.
#[derive(Debug)]
pub struct Before {
    db: PathBuf,
    existed: [bool; 5],
    db_len: Option<u64>,
}

const SUFFIXES: [&str; 5] = ["", "-wal", "-shm", "-journal", ".lock"];

impl Before {
    pub fn look(db: &Path) -> Before {
        Before {
            db: db.to_path_buf(),
            existed: SUFFIXES.map(|s| sibling(db, s).exists()),
            db_len: fs::metadata(db).ok().map(|m| m.len()),
        }
    }

    /// Takes back what a failed open created, and names a full disk as
    /// such (SQLite often says "disk I/O error"). Best effort: the error being reported is the one that matters.
    pub fn undo(&self, err: StoreError) -> StoreError {
        self.take_back();
        let io = matches!(
            err,
            StoreError::Io { .. } | StoreError::Sqlite(_) | StoreError::Migration(_)
        );
        if io && disk_full(&self.db) {
            StoreError::DiskFull {
                path: self.db.clone(),
            }
        } else {
            err
        }
    }

    /// Removes the database's files that were not there, and empties one
    /// that was empty. Best effort, as in [`Before::undo`].
    pub fn take_back(&self) {
        for (suffix, existed) in SUFFIXES.iter().zip(self.existed) {
            if !existed {
                let _ = fs::remove_file(sibling(&self.db, suffix));
            }
        }
        if self.db_len == Some(0) {
            let _ = fs::OpenOptions::new()
                .write(true)
                .open(&self.db)
                .and_then(|f| f.set_len(0));
        }
    }
}

/// The folder of `db` has (almost) no space left.
pub fn disk_full(db: &Path) -> bool {
    statvfs(folder(db)).is_ok_and(|s| s.f_bavail.saturating_mul(s.f_frsize) < NEARLY_FULL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_removes_only_what_the_open_created() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.db");
        fs::write(sibling(&db, "-wal"), b"theirs").unwrap();
        let before = Before::look(&db);
        for suffix in SUFFIXES.into_iter().filter(|s| *s != "-wal") {
            fs::write(sibling(&db, suffix), b"new").unwrap();
        }
        let err = before.undo(StoreError::BadValue("x".into()));
        assert!(matches!(err, StoreError::BadValue(_)), "{err:?}");
        assert!(!db.exists() && !sibling(&db, "-shm").exists());
        assert!(!sibling(&db, "-journal").exists());
        assert_eq!(fs::read(sibling(&db, "-wal")).unwrap(), b"theirs");
    }

    #[test]
    fn undo_empties_a_file_that_was_empty() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.db");
        fs::write(&db, b"").unwrap();
        let before = Before::look(&db);
        fs::write(&db, b"SQLite format 3\0").unwrap();
        before.undo(StoreError::BadValue("x".into()));
        assert_eq!(fs::metadata(&db).unwrap().len(), 0);
    }
}

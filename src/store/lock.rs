//! One writer of sessions per database: the app and `import` hold an OS lock
//! on `<db>.lock` for as long as they run. It is `flock`, which the kernel
//! drops with the process, so a crashed runstrong never blocks the next
//! start. A separate file, because SQLite's own POSIX locks on the database
//! would be released when any other descriptor of it is closed. The holder
//! writes its pid and role into the file, for the message a second one gets.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::error::{Result, StoreError};

/// Who holds the lock, in words for the one that is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    App,
    Import,
}

impl Holder {
    fn as_str(self) -> &'static str {
        match self {
            Holder::App => "the app",
            Holder::Import => "an import",
        }
    }
}

/// Held while it lives; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl Lock {
    pub fn acquire(db: &Path, holder: Holder) -> Result<Lock> {
        let path = lock_path(db);
        let io = |source| StoreError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut who = String::new();
                // An unreadable note still leaves a clear refusal.
                let _ = file.read_to_string(&mut who);
                return Err(StoreError::InUse {
                    path: db.to_path_buf(),
                    by: describe(&who),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        let note = format!("{} {}\n", std::process::id(), holder.as_str());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(note.as_bytes()))
            .map_err(io)?;
        Ok(Lock { _file: file })
    }
}

/// "runstrong pid 4242 (the app)" from the holder's note.
fn describe(note: &str) -> String {
    match note.trim().split_once(' ') {
        Some((pid, role)) if pid.parse::<u32>().is_ok() => format!("runstrong pid {pid} ({role})"),
        _ => "another runstrong".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_pid_until_it_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.db");
        let first = Lock::acquire(&db, Holder::App).unwrap();
        let err = Lock::acquire(&db, Holder::Import).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(&format!("runstrong pid {} (the app)", std::process::id())),
            "{message}"
        );
        assert!(message.contains(&db.display().to_string()), "{message}");
        drop(first);
        Lock::acquire(&db, Holder::Import).unwrap();
    }

    #[test]
    fn an_unreadable_note_still_refuses() {
        assert_eq!(describe(""), "another runstrong");
        assert_eq!(describe("x y"), "another runstrong");
    }
}

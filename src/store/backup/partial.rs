//! The temporary copy a backup writes before it is verified and renamed.
//! A killed backup (kill -9, power loss) cannot remove its own, so every
//! backup first clears what earlier ones left in its directory. A running
//! backup holds an OS lock on its copy, which dies with its process: a copy
//! that can be locked is stale, one that cannot is still being written.

use std::ffi::OsString;
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Ends the names of the copies in progress: specific enough that nothing
/// of anyone else's is ever taken for ours.
const SUFFIX: &str = ".runstrong-partial";
/// What SQLite writes beside a copy while it fills it.
const JOURNAL: &str = "-journal";
/// The name earlier versions used, `<dest>.partial`; cleared for the
/// destination being written only, as other `.partial` files may not be ours.
const OLD_SUFFIX: &str = ".partial";

/// The locked copy in progress for one destination.
pub struct Partial {
    path: PathBuf,
    /// Held until the copy has its final name or is removed.
    _lock: File,
}

impl Partial {
    /// Clears stale copies beside `dest`, then creates and locks its own.
    pub fn claim(dest: &Path) -> io::Result<Partial> {
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        clear_stale(dir)?;
        remove_with_journal(&with_suffix(dest, OLD_SUFFIX))?;
        let path = with_suffix(dest, SUFFIX);
        let lock = File::create_new(&path).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => io::Error::new(
                io::ErrorKind::AlreadyExists,
                "another backup to this file is running",
            ),
            _ => e,
        })?;
        lock.lock()?;
        Ok(Partial { path, _lock: lock })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Gives the verified copy its final name.
    pub fn persist(self, dest: &Path) -> io::Result<()> {
        fs::rename(&self.path, dest)
    }

    /// Removes a copy that failed.
    pub fn discard(self) {
        let _ = remove_with_journal(&self.path);
    }
}

/// Removes every copy in `dir` no running backup holds, and journals left
/// without their copy.
fn clear_stale(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(SUFFIX) && is_stale(&path)? {
            remove_with_journal(&path)?;
        } else if let Some(copy) = name.strip_suffix(JOURNAL)
            && copy.ends_with(SUFFIX)
            && !dir.join(copy).exists()
        {
            remove(&path)?;
        }
    }
    Ok(())
}

fn is_stale(copy: &Path) -> io::Result<bool> {
    let file = match File::open(copy) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(TryLockError::WouldBlock) => Ok(false),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

fn remove_with_journal(copy: &Path) -> io::Result<()> {
    remove(&with_suffix(copy, JOURNAL))?;
    remove(copy)
}

/// Removes `path`; one that is already gone is fine.
fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

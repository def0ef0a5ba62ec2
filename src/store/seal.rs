//! A seal next to the database: its size and modification time, written
//! when runstrong closes the file cleanly. The file was checked when it was
//! opened and only SQLite wrote it since, so while the seal matches and no
//! WAL is left over, nothing else has touched it and the next open can skip
//! the whole-file `quick_check` (a quarter of a second at a million sets).
//! A crash, another program or a copy over it changes the time, and the
//! next open checks every page again.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

fn seal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".sealed");
    PathBuf::from(name)
}

fn fingerprint(db: &Path) -> Option<String> {
    let meta = std::fs::metadata(db).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!("{} {}", meta.len(), modified.as_nanos()))
}

/// True when the file is exactly as runstrong last closed it.
pub fn holds(db: &Path) -> bool {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let seal = std::fs::read_to_string(seal_path(db)).ok();
    !Path::new(&wal).exists() && seal.is_some() && seal == fingerprint(db)
}

/// Records the file as closed cleanly. Best effort: without a seal the next
/// open simply checks the whole file.
pub fn write(db: &Path) {
    if let Some(print) = fingerprint(db) {
        let _ = std::fs::write(seal_path(db), print);
    }
}

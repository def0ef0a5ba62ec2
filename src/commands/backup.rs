//! `runstrong backup`: a verified copy of the database, safe while the app
//! is writing to it.

use std::path::{Path, PathBuf};

use chrono::Local;

use super::CommandError;
use crate::cli::BackupArgs;
use crate::store::Store;

pub fn run(db: &Path, args: BackupArgs) -> Result<(), CommandError> {
    let store = Store::open_existing(db)?;
    let dest = args
        .file
        .unwrap_or_else(|| default_name(db, &Local::now().format("%Y-%m-%d").to_string()));
    store.backup_to(&dest)?;
    let size = std::fs::metadata(&dest)
        .map_err(CommandError::file(&dest))?
        .len();
    super::stdout::print(&format!(
        "backed up {} to {} ({} KiB, integrity check ok)\n",
        db.display(),
        dest.display(),
        size.div_ceil(1024)
    ))
}

/// `<stem>-backup-<date>.db` beside the database; `-2`, `-3`... when a
/// backup of that day already exists, so none is ever overwritten.
pub fn default_name(db: &Path, date: &str) -> PathBuf {
    let stem = db
        .file_stem()
        .map_or_else(|| "runstrong".into(), |s| s.to_string_lossy().into_owned());
    let dir = db.parent().unwrap_or(Path::new(""));
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let candidate = dir.join(format!("{stem}-backup-{date}{suffix}.db"));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

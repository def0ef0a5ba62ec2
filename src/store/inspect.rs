//! Looks at an existing file before anything writes to it. Switching a file
//! to WAL or migrating it already changes it, so a foreign, newer or corrupt
//! file must be recognised first: by its header bytes, then through a
//! read-only, immutable connection that creates no journal next to it.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::BUSY_TIMEOUT;
use super::error::{Result, StoreError};

/// `PRAGMA application_id` of a runstrong database ('RSTR').
pub const APP_ID: u32 = 0x5253_5452;
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// No file, or an empty one: a new database.
    New,
    /// A runstrong database at this schema version; `wal` when its header
    /// says WAL mode already, so opening it for writing changes nothing.
    Ours { version: u32, wal: bool },
}

/// Whether the file is ours and at which schema version, without reading
/// every page; for an existing file, also the read-only connection used.
pub fn identify(path: &Path, known: usize) -> Result<(Found, Option<Connection>)> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Found::New, None)),
        Err(e) => return Err(io(e)),
    };
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .map_err(io)?;
    if header.is_empty() {
        return Ok((Found::New, None));
    }
    if !header.starts_with(MAGIC) {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if header.len() < 100 {
        let detail = format!("cut off after {} bytes of its header", header.len());
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail,
        });
    }
    // The ids are read through SQLite, not from the header bytes: after a kill
    // the newest page 1 (application_id, user_version) may still be in the WAL.
    let failed = |e| failed(path, e);
    let conn = open_read_only(path).map_err(failed)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(failed)?;
    let pragma = |name| {
        conn.pragma_query_value(None, name, |r| r.get::<_, i32>(0))
            .map_err(failed)
    };
    let app_id = pragma("application_id")?.cast_unsigned();
    if app_id != APP_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            app_id,
        });
    }
    let version = pragma("user_version")?.cast_unsigned();
    if version as usize > known {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    // Bytes 18 and 19 of the header are 2 in WAL mode.
    let wal = header[18] == 2 && header[19] == 2;
    Ok((Found::Ours { version, wal }, Some(conn)))
}

pub fn failed(path: &Path, e: rusqlite::Error) -> StoreError {
    if StoreError::is_busy(&e) {
        StoreError::Locked {
            path: path.to_path_buf(),
            secs: BUSY_TIMEOUT.as_secs(),
        }
    } else {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }
    }
}

/// A read-only connection that writes nothing next to the file. When no WAL
/// file exists, `immutable=1` keeps SQLite from creating one or a -shm; when
/// one exists, another runstrong may be writing and it must be read.
pub fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let immutable = if Path::new(&wal).exists() {
        ""
    } else {
        "&immutable=1"
    };
    let uri = format!(
        "file:{}?mode=ro{immutable}",
        uri_escape(&path.to_string_lossy())
    );
    // NO_MUTEX as rusqlite's own default: a Connection is never shared
    // between threads, so SQLite's per-call locking is pure cost.
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(uri, flags)
}

/// Escapes the characters that mean something in a SQLite URI path.
fn uri_escape(path: &str) -> String {
    path.chars()
        .map(|c| match c {
            '%' => "%25".to_string(),
            '?' => "%3f".to_string(),
            '#' => "%23".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escape_keeps_ordinary_paths() {
        assert_eq!(uri_escape("/home/a b/x.db"), "/home/a b/x.db");
        assert_eq!(uri_escape("/tmp/100%?#.db"), "/tmp/100%25%3f%23.db");
    }
}

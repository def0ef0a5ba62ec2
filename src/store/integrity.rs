//! The whole-file check that guards every write. Reading every page takes a
//! third of a second at a million sets, so the app runs it on a thread of its
//! own, on a read-only connection, while the first frame is drawn; the
//! store's connection stays `query_only` until the verdict is in, and a
//! write waits for it. File times prove nothing (a restored or bit-rotted
//! file keeps its size and mtime), so the check runs at every start.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

use rusqlite::Connection;

use super::error::{Result, StoreError};
use super::inspect;

/// What the check found: `Err` holds the reason, without the path.
pub type Verdict = std::result::Result<(), Failure>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Corrupt(String),
    Locked,
}

impl Failure {
    pub fn at(&self, path: &Path) -> StoreError {
        match self {
            Failure::Corrupt(detail) => StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: detail.clone(),
            },
            Failure::Locked => StoreError::Locked {
                path: path.to_path_buf(),
                secs: super::BUSY_TIMEOUT.as_secs(),
            },
        }
    }

    pub fn of(err: &StoreError) -> Failure {
        match err {
            StoreError::Locked { .. } => Failure::Locked,
            StoreError::Corrupt { detail, .. } => Failure::Corrupt(detail.clone()),
            other => Failure::Corrupt(other.to_string()),
        }
    }
}

type Waker = Box<dyn FnOnce(&Verdict) + Send>;

#[derive(Default)]
struct Slot {
    verdict: Option<Verdict>,
    waker: Option<Waker>,
}

/// A check that may still be running; clones share it.
#[derive(Clone)]
pub struct Check {
    shared: Arc<(Mutex<Slot>, Condvar)>,
}

impl Check {
    /// A check already done, with this verdict.
    pub fn done(verdict: Verdict) -> Check {
        let slot = Slot {
            verdict: Some(verdict),
            waker: None,
        };
        Check {
            shared: Arc::new((Mutex::new(slot), Condvar::new())),
        }
    }

    /// Reads every page of `path` on a thread of its own.
    pub fn spawn(path: PathBuf) -> Check {
        let check = Check {
            shared: Arc::default(),
        };
        let done = check.clone();
        thread::spawn(move || done.settle(run(&path)));
        check
    }

    /// Records `verdict`, unless one is already in (a failure found by a
    /// write stands over a pass found by the check), and tells the waker.
    pub fn settle(&self, verdict: Verdict) {
        let (lock, ready) = &*self.shared;
        let mut slot = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let verdict = match (&slot.verdict, verdict) {
            (Some(Err(old)), _) => Err(old.clone()),
            (_, new) => new,
        };
        slot.verdict = Some(verdict.clone());
        let waker = slot.waker.take();
        drop(slot);
        ready.notify_all();
        if let Some(wake) = waker {
            wake(&verdict);
        }
    }

    /// Waits for the verdict.
    pub fn wait(&self) -> Verdict {
        let (lock, ready) = &*self.shared;
        let mut slot = lock.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(verdict) = &slot.verdict {
                return verdict.clone();
            }
            slot = ready.wait(slot).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Calls `wake` with the verdict once it is in: now, if it already is.
    pub fn on_verdict(&self, wake: impl FnOnce(&Verdict) + Send + 'static) {
        let (lock, _) = &*self.shared;
        let mut slot = lock.lock().unwrap_or_else(PoisonError::into_inner);
        match slot.verdict.clone() {
            Some(verdict) => {
                drop(slot);
                wake(&verdict);
            }
            None => slot.waker = Some(Box::new(wake)),
        }
    }
}

fn run(path: &Path) -> Verdict {
    let conn = inspect::open_read_only(path).map_err(|e| Failure::of(&inspect::failed(path, e)))?;
    conn.busy_timeout(super::BUSY_TIMEOUT)
        .map_err(|e| Failure::of(&inspect::failed(path, e)))?;
    quick_check(path, &conn).map_err(|e| Failure::of(&e))
}

/// Reads every page: the check before anything writes to the file.
pub fn quick_check(path: &Path, conn: &Connection) -> Result<()> {
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| inspect::failed(path, e))?;
    if verdict != "ok" {
        // One line for stderr: drop the "*** in database main ***" heading.
        let detail: Vec<_> = verdict.lines().filter(|l| !l.starts_with("***")).collect();
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: detail.join("; "),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    #[test]
    fn a_failure_stands_over_a_later_pass() {
        let check = Check::done(Err(Failure::Corrupt("page 3".into())));
        check.settle(Ok(()));
        assert_eq!(check.wait(), Err(Failure::Corrupt("page 3".into())));
    }

    #[test]
    fn the_waker_hears_a_verdict_that_comes_later_once() {
        let check = Check {
            shared: Arc::default(),
        };
        let (tx, rx) = mpsc::channel();
        check.on_verdict(move |v| tx.send(v.clone()).unwrap());
        assert!(rx.try_recv().is_err(), "told before the verdict");
        check.settle(Err(Failure::Locked));
        assert_eq!(rx.recv().unwrap(), Err(Failure::Locked));
        check.settle(Ok(()));
        assert!(rx.try_recv().is_err(), "told twice");
    }

    #[test]
    fn a_waker_set_after_the_verdict_is_told_at_once() {
        let check = Check::done(Ok(()));
        let (tx, rx) = mpsc::channel();
        check.on_verdict(move |v| tx.send(v.clone()).unwrap());
        assert_eq!(rx.try_recv().unwrap(), Ok(()));
    }
}

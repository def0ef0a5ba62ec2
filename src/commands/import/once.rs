//! Reading an export on a thread of its own while the store writes what it
//! has: once, writing as it reads ([`store`]), or as the second of two
//! passes ([`super::feed`]).

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;

use chrono::TimeZone;

use super::File;
use crate::domain::Unit;
use crate::interchange::{self, Format, Import, ImportError, Source, Workout};
use crate::store::{Fed, ImportOutcome, Store, StoreError};

/// Why a one-pass import stored nothing.
#[derive(Debug)]
pub enum Failed {
    /// The file: every bad row, as a first pass would have listed them.
    Refused(ImportError),
    /// The database.
    Store(StoreError),
}

/// Reads `file` (in `format`) once and stores each workout as it is read,
/// in one transaction that is rolled back if a row turns out bad. `progress`
/// hears the sets stored after each workout and an estimate of the file's
/// sets (exact once it has been read). `None`, with nothing written, when
/// the file must be stored in two passes (see [`Store::import_as_read`]).
pub fn store<Tz>(
    store: &mut Store,
    file: &File,
    format: Format,
    unit: Option<Unit>,
    tz: &Tz,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Option<(Import, ImportOutcome)>, Failed>
where
    Tz: TimeZone + Sync,
{
    let (bytes, sets_read) = (AtomicU64::new(0), AtomicU64::new(0));
    let counted = Counted {
        file,
        bytes: &bytes,
    };
    let size = file.len().unwrap_or(0);
    let mut read = None;
    let mut feed = |each: &mut dyn FnMut(&Workout)| {
        let once = beside(
            |hand_on| {
                interchange::once(&counted, format, unit, tz, &mut |w| {
                    sets_read.fetch_add(w.sets.len() as u64, Ordering::Relaxed);
                    hand_on(w);
                })
            },
            each,
        );
        let fed = match &once {
            Ok(o) if o.unsettled => Ok(Fed::Unsettled),
            Ok(o) => Ok(Fed::Read(o.exercises.clone())),
            Err(e) => Err(StoreError::Source(e.to_string())),
        };
        read = Some(once);
        fed
    };
    let mut stored = 0;
    let outcome = store.import_as_read(&mut feed, &mut |sets| {
        stored += sets;
        let (got, of) = (bytes.load(Ordering::Relaxed), size);
        let sets_in_file = if got == 0 {
            stored
        } else {
            let ratio = u128::from(sets_read.load(Ordering::Relaxed)) * u128::from(of);
            u64::try_from(ratio / u128::from(got)).unwrap_or(u64::MAX)
        };
        progress(sets, sets_in_file.max(stored));
    });
    match (read, outcome) {
        (Some(Err(refused)), _) => Err(Failed::Refused(refused)),
        (_, Err(e)) => Err(Failed::Store(e)),
        (Some(Ok(once)), Ok(Some(outcome))) => Ok(Some((once.summary, outcome))),
        (_, Ok(_)) => Ok(None),
    }
}

/// Runs `read` on a thread of its own, handing each workout it reads to
/// `each` here, and returns what `read` returns. A few workouts in flight
/// keep memory flat.
pub fn beside<T: Send>(
    read: impl FnOnce(&mut dyn FnMut(Workout)) -> T + Send,
    each: &mut dyn FnMut(&Workout),
) -> T {
    let (send, batches) = mpsc::sync_channel::<Vec<Workout>>(AHEAD);
    let read = thread::scope(|s| {
        let reader = s.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let read = read(&mut |w| {
                batch.push(w);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // Sending fails only once the store side is gone.
                    drop(send.send(full));
                }
            });
            drop(send.send(batch));
            read
        });
        // Taken by value: a panic in `each` drops the receiver while
        // unwinding, so the reader's next send fails instead of waiting.
        for w in batches.into_iter().flatten() {
            each(&w);
        }
        reader.join()
    });
    read.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Batches of workouts parsed ahead of the store at most.
const AHEAD: usize = 4;

/// Workouts handed over at once: each handover may wake the other thread
/// (a system call), which a workout at a time did 2,000 times for 100,000
/// rows.
const BATCH: usize = 8;

/// The file, counting the bytes read from it: how far the reading is.
struct Counted<'a> {
    file: &'a File,
    bytes: &'a AtomicU64,
}

impl Source for Counted<'_> {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(Counting {
            inner: self.file.open()?,
            bytes: self.bytes,
        }))
    }

    fn tail(&self, from: u64) -> io::Result<Vec<u8>> {
        self.file.tail(from)
    }
}

struct Counting<'a> {
    inner: Box<dyn Read + 'a>,
    bytes: &'a AtomicU64,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

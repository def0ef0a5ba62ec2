//! Where the loop gets the time it hands to `update`.

use std::time::Instant;

use super::msg::Now;

/// The two clocks, read together; tests use a fixed or stepped one.
pub trait Clock {
    fn now(&self) -> Now;
}

/// The machine's clocks.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Now {
        Now {
            at: Instant::now(),
            wall: chrono::Utc::now(),
        }
    }
}

/// A moment as a clock that stands still.
impl Clock for Now {
    fn now(&self) -> Now {
        *self
    }
}

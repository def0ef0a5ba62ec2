//! Pure types and rules: no IO, no clock. Everything here is testable with
//! plain values. `progression` works out the next session from the past
//! ones; `advice` carries it into a live session, whose slots (warm-ups
//! first, the weaker side first) and `prefill` follow it.

pub mod advice;
pub mod balance;
pub mod calendar;
pub mod cardio;
pub mod chart;
pub mod correction;
pub mod distance;
pub mod entry;
pub mod exercise;
pub mod history;
pub mod load;
pub mod note;
pub mod plan;
pub mod plates;
pub mod prefill;
pub mod progress;
pub mod progression;
pub mod records;
pub mod routine;
pub mod rule;
pub mod session;
pub mod set;
pub mod summary;
pub mod tempo;
pub mod time;
pub mod timer;

pub use load::{Load, Unit};
pub use routine::{ExerciseSpec, Kind, Routine, Sides};
pub use set::{LoggedSet, NewSet, Side};

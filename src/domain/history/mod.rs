//! Past weeks: what was done in them (totals), the sessions and sets they
//! hold (rows), and the streak of weeks that met the weekly target. Pure:
//! which weeks those are is the `calendar`'s to say.

mod rows;
mod streak;
mod totals;

pub use rows::{SessionRow, SetRow, pace};
pub use streak::Streak;
pub use totals::{Standing, Totals, WeekSummary};

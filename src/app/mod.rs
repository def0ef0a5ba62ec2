//! The application. A pure core (`update` and the screens' state and
//! messages) and its edge: an executor that carries out effects against
//! the store, the loop that drives both, and the real terminal.
//!
//! Each screen (`home`, `session`, `plan`, `overlay`, `history`) keeps its
//! state and messages in its `mod.rs` and its keys in `update.rs`; `state`
//! gathers the screens, `update` dispatches to them.

mod clock;
pub mod driver;
pub mod executor;
mod hangup;
pub mod history;
pub mod home;
pub mod keymap;
pub mod msg;
pub mod overlay;
pub mod plan;
pub mod session;
pub mod settings;
pub mod state;
mod terminal;
mod update;

pub use clock::{Clock, SystemClock};
pub use driver::{drive, step};
pub use executor::{Executor, StoreExecutor};
pub use msg::{Effect, Msg, Now};
pub use settings::Settings;
pub use state::State;
pub use terminal::run;
pub use update::update;

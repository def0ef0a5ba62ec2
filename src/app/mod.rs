//! The application: state, messages, the pure `update`, and the runtime
//! that connects it to the terminal, the clock and the store.

mod hangup;
pub mod history;
mod home;
pub mod keymap;
pub mod msg;
mod overlay;
pub mod plan;
mod runtime;
mod session;
pub mod state;
mod update;

pub use msg::{Effect, HomeData, Msg, Now};
pub use runtime::{Clock, SystemClock, execute, run};
pub use state::{Settings, State};
pub use update::update;

//! runstrong: a terminal workout logger. The binary is a thin shell around
//! this library so that tests and benchmarks drive the same code.
//!
//! The modules, and which others each uses (no file is part of a circle
//! of imports: `modcycles` checks):
//!
//! | module | holds | uses |
//! | --- | --- | --- |
//! | [`domain`] | pure types and rules every layer shares: sets, sessions, exercises, records, the calendar (weeks in a zone handed in), history totals | nothing |
//! | [`interchange`] | readers and writers of other apps' exports and runstrong JSON | `domain` |
//! | [`store`] | the only SQL; it speaks domain types | `domain`, `interchange` (the shape imports and exports travel in) |
//! | [`app`] | the pure core (`update`, each screen's state, messages and keys) and its edge: the `Executor` that carries out effects against the store, the loop (`step`, `drive`), the terminal | `domain`; only its edge (`executor/`, `driver`, `terminal`) uses `store` and `ui` |
//! | [`ui`] | pure drawing of the app's `State`, one module per screen | `domain`, `app`'s state types |
//! | [`cli`], [`config`], [`paths`], [`routines`] | arguments, config.toml, file locations, routine files | `domain`; `cli` the import formats, `config` the app's settings and key actions |
//! | [`commands`] | the subcommands on stdout | any of the above |

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod domain;
pub mod interchange;
pub mod paths;
pub mod routines;
pub mod store;
pub mod ui;

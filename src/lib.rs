//! runstrong: a terminal workout logger. The binary is a thin shell around
//! this library so that tests and benchmarks drive the same code.
//!
//! The modules, from the inside out (each uses only those above it, and
//! none is part of a circle of imports):
//!
//! | module | holds |
//! | --- | --- |
//! | [`domain`] | pure types and rules every layer shares: sets, sessions, exercises, records, the calendar (weeks in a zone handed in), history totals |
//! | [`app`] | the pure core (`update`, each screen's state, messages and keys) and its edge: the `Executor` that carries out effects against the store, the loop (`step`, `drive`), the terminal |
//! | [`ui`] | pure drawing of the state, one module per screen |
//! | [`store`] | the only SQL; it speaks domain types |
//! | [`interchange`] | readers and writers of other apps' exports and runstrong JSON |
//! | [`commands`] | the subcommands on stdout |
//! | [`cli`], [`config`], [`paths`], [`routines`] | arguments, config.toml, file locations, routine files |

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

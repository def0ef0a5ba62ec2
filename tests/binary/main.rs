//! The real binary: subcommands on stdout, and the app in a pseudo-terminal.
//! One binary for these modules: each binary links the whole crate.

mod cli;
mod cli_data;
mod cli_io;
mod cli_routines;
#[path = "../common/mod.rs"]
mod common;
mod e2e;
mod e2e_edges;
mod e2e_fix;
#[path = "../e2e_support/mod.rs"]
mod e2e_support;
mod history_cli;
mod history_cli_units;
mod next;

//! Subcommands: each reads what it needs, prints to stdout, and returns a
//! one-line error for stderr.

pub mod routines;

//! runstrong: a terminal workout logger. The binary is a thin shell around
//! this library so that tests and benchmarks drive the same code.

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

//! The pure core through the real loop: update flows and screens, drawn on a test terminal.
//! One binary for these modules: each binary links the whole crate.

mod advice;
#[path = "../common/mod.rs"]
mod common;
mod forms;
mod history_dst;
mod history_flow;
mod history_screens;
mod plan_flow;
mod progress_flow;
mod records_flow;
mod screens;
mod screens_weighted;
mod summary_screens;
mod update_flow;
mod warm_ups;

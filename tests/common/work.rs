//! The set builders of the store and history tests, one of each so that a
//! name always means the same unit: a load as typed ("22.5", "45 lb"), a
//! hold in milliseconds as stored.
#![allow(dead_code, clippy::unwrap_used)]

use std::time::Duration;

use runstrong::domain::set::Work;
use runstrong::domain::{Load, Unit};

/// A load as typed, kilograms unless it says lb.
pub fn kg(text: &str) -> Option<Load> {
    Load::parse(text, Unit::Kg).unwrap()
}

pub fn reps(reps: u32, load: Option<Load>) -> Work {
    Work::Reps { reps, load }
}

pub fn hold(ms: u64) -> Work {
    Work::hold(Duration::from_millis(ms))
}

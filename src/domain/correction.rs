//! A correction of a logged set, kept so that it can be undone.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// Set `old` now reads as set `new`.
    Replaced {
        old: i64,
        new: i64,
    },
    Deleted {
        id: i64,
    },
}

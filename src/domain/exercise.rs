//! An exercise as the database knows it: the one shape the plan editor's
//! picker, the history screens and the commands all read.

use super::routine::{Kind, Sides};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// 0 for one not stored yet: the store gives it an id by name.
    pub id: i64,
    pub name: String,
    pub kind: Kind,
    pub sides: Sides,
}

//! Changing the plan mid-session: add an exercise (known or new), swap one
//! that has nothing logged, reorder what is left. Logged sets never move.

mod update;

pub use update::{on_action, open};

use crate::domain::exercise::Exercise;
use crate::domain::{Kind, Sides};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEditor {
    /// The plan position under the cursor.
    pub cursor: usize,
    /// Exercises the database knows, by name, for picking.
    pub known: Vec<Exercise>,
    pub mode: PlanMode,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanMode {
    Browse,
    /// Choosing an exercise to add (or to swap in), filtered by what is typed.
    Pick {
        swap: bool,
        query: String,
        selected: usize,
    },
    /// Describing an exercise the database does not know yet.
    New {
        swap: bool,
        name: String,
        kind: Kind,
        sides: Sides,
        on_name: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Known(Exercise),
    New(String),
}

/// The picker's choices for `query`: known exercises not in the plan whose
/// name contains it, then "new" unless the name is taken exactly.
pub fn choices(editor: &PlanEditor, query: &str, in_plan: impl Fn(&str) -> bool) -> Vec<Choice> {
    let q = query.trim().to_lowercase();
    let mut out: Vec<Choice> = editor
        .known
        .iter()
        .filter(|k| !in_plan(&k.name) && k.name.to_lowercase().contains(&q))
        .map(|k| Choice::Known(k.clone()))
        .collect();
    let exact = editor
        .known
        .iter()
        .any(|k| k.name.eq_ignore_ascii_case(query.trim()));
    if !q.is_empty() && !exact {
        out.push(Choice::New(query.trim().to_string()));
    }
    out
}

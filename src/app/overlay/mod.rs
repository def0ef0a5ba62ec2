//! Popups over a screen: help, the quit and finish questions, the RPE and
//! note of a logged set, and the plan editor.

mod help;
mod update;

pub use help::HelpPage;
pub use update::on_action;

use super::plan::{PlanEditor, PlanMode};
use crate::domain::LoggedSet;
use crate::domain::note;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key help, scrolled down `scroll` rows.
    Help {
        scroll: usize,
    },
    ConfirmQuit,
    /// Finishing asks for an optional note on the session.
    ConfirmFinish {
        note: String,
        error: Option<String>,
        /// The exercises of the plan with no set logged, named before the
        /// question so a skip is a choice.
        skipped: Vec<String>,
    },
    /// RPE and note of a logged set.
    Annotate(Annotation),
    /// Adding, swapping and reordering the session's exercises.
    Plan(PlanEditor),
}

impl Overlay {
    pub fn annotate(logged: &LoggedSet) -> Overlay {
        let side = logged
            .set
            .side
            .map(|s| format!(" {}", s.as_str()))
            .unwrap_or_default();
        Overlay::Annotate(Annotation {
            set_id: logged.id,
            label: format!("set {}{side}: {}", logged.set.set_number, logged.set.work),
            rpe: logged.set.rpe.map(|r| r.to_string()).unwrap_or_default(),
            note: logged.set.note.clone().unwrap_or_default(),
            on_note: false,
            error: None,
        })
    }

    /// Whether the popup takes typed text.
    pub fn takes_text(&self) -> bool {
        match self {
            Overlay::ConfirmFinish { .. } | Overlay::Annotate(_) | Overlay::ConfirmQuit => true,
            Overlay::Plan(editor) => editor.mode != PlanMode::Browse,
            Overlay::Help { .. } => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub set_id: i64,
    /// Which set, in words.
    pub label: String,
    pub rpe: String,
    pub note: String,
    /// Typing goes to the note (else to the RPE).
    pub on_note: bool,
    pub error: Option<String>,
}

impl Annotation {
    /// Types `c` into the focused field; a note refuses what passes its limit.
    pub fn type_char(&mut self, c: char) {
        self.error = None;
        if self.on_note {
            self.error = note::type_char(&mut self.note, c).err();
        } else if let Some(c) = note::clean(c) {
            self.rpe.push(c);
        }
    }

    pub fn backspace(&mut self) {
        self.error = None;
        if self.on_note {
            note::backspace(&mut self.note);
        } else {
            note::backspace(&mut self.rpe);
        }
    }
}

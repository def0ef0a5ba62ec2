//! The correction form of a logged set: reps and load for rep sets (the
//! live session's form), seconds for holds.

use std::time::Duration;

use crate::domain::Unit;
use crate::domain::entry::{Field, SetEntry};
use crate::domain::note;
use crate::domain::set::{MAX_HOLD_MS, Work};

/// Longer than any hold anyone logs.
const MAX_HOLD_SECS: f64 = MAX_HOLD_MS as f64 / 1000.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Reps(SetEntry),
    Hold {
        secs: String,
        typed: bool,
        error: Option<String>,
    },
}

impl Edit {
    /// The form for `work`; none for cardio, whose numbers are what its
    /// import brought.
    pub fn new(work: &Work, unit: Unit) -> Option<Edit> {
        match *work {
            Work::Reps { reps, load } => Some(Edit::Reps(SetEntry::new(reps, load, unit))),
            Work::Hold { held } => Some(Edit::Hold {
                secs: format!("{:.1}", held.as_secs_f64()),
                typed: false,
                error: None,
            }),
            Work::Cardio { .. } => None,
        }
    }

    pub fn type_char(&mut self, c: char) {
        match self {
            Edit::Reps(entry) => entry.type_char(c),
            Edit::Hold { secs, typed, error } => {
                if !*typed {
                    secs.clear();
                    *typed = true;
                }
                secs.push(c);
                *error = None;
            }
        }
    }

    pub fn backspace(&mut self) {
        match self {
            Edit::Reps(entry) => entry.backspace(),
            Edit::Hold { secs, typed, error } => {
                *typed = true;
                note::backspace(secs);
                *error = None;
            }
        }
    }

    /// Reps and load only: RPE and note are not numbers to correct.
    pub fn next_field(&mut self) {
        if let Edit::Reps(entry) = self {
            entry.focus = if entry.focus == Field::Reps {
                Field::Load
            } else {
                Field::Reps
            };
            entry.editing = false;
        }
    }

    pub fn toggle_unit(&mut self) {
        if let Edit::Reps(entry) = self {
            entry.toggle_unit();
        }
    }

    /// The corrected work, or the reason it is refused (kept in the form).
    pub fn submit(&mut self) -> Option<Work> {
        match self {
            Edit::Reps(entry) => match entry.validate() {
                Ok(entered) => Some(Work::Reps {
                    reps: entered.reps,
                    load: entered.load,
                }),
                Err(e) => {
                    entry.error = Some(e);
                    None
                }
            },
            Edit::Hold { secs, error, .. } => match secs.trim().replace(',', ".").parse::<f64>() {
                Ok(s) if s > 0.0 && s <= MAX_HOLD_SECS => Some(Work::Hold {
                    held: Duration::from_secs_f64(s),
                }),
                _ => {
                    *error = Some(format!(
                        "{:?}: seconds held, more than 0 and at most an hour",
                        secs.trim()
                    ));
                    None
                }
            },
        }
    }

    pub fn error(&self) -> Option<&str> {
        match self {
            Edit::Reps(entry) => entry.error.as_ref().map(|(_, m)| m.as_str()),
            Edit::Hold { error, .. } => error.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cardio_set_has_no_form() {
        let run = Work::Cardio {
            time: Duration::from_secs(1991),
        };
        assert_eq!(Edit::new(&run, Unit::Kg), None);
    }

    #[test]
    fn a_hold_is_corrected_in_seconds() {
        let mut edit = Edit::new(
            &Work::Hold {
                held: Duration::from_millis(30_500),
            },
            Unit::Kg,
        )
        .unwrap();
        assert!(matches!(&edit, Edit::Hold { secs, .. } if secs == "30.5"));
        for c in "42".chars() {
            edit.type_char(c);
        }
        assert_eq!(
            edit.submit(),
            Some(Work::Hold {
                held: Duration::from_secs(42)
            })
        );
        edit.backspace();
        edit.backspace();
        assert_eq!(edit.submit(), None);
        assert!(edit.error().is_some());
    }

    #[test]
    fn a_rep_set_uses_the_session_form() {
        let mut edit = Edit::new(
            &Work::Reps {
                reps: 10,
                load: None,
            },
            Unit::Kg,
        )
        .unwrap();
        edit.type_char('1');
        edit.type_char('2');
        edit.next_field();
        edit.type_char('5');
        edit.toggle_unit();
        let load = Some(crate::domain::Load {
            centi: 500,
            unit: Unit::Lb,
        });
        assert_eq!(edit.submit(), Some(Work::Reps { reps: 12, load }));
    }
}

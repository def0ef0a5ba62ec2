//! The correction form of a logged set: reps and load for rep sets (the
//! live session's form), seconds and load for holds.

use std::time::Duration;

use crate::domain::entry::{Field, SetEntry};
use crate::domain::load::centi_text;
use crate::domain::set::{MAX_HOLD_MS, Work};
use crate::domain::{Load, Unit, note};

/// Longer than any hold anyone logs.
const MAX_HOLD_SECS: f64 = MAX_HOLD_MS as f64 / 1000.0;

/// A hold's numbers as typed: the seconds held and the load, which follows
/// the reps form's rules (empty is bodyweight, `u` toggles the unit).
/// Every hold's form has the load, so one forgotten can be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldForm {
    /// The time as logged: kept to the millisecond while its tenths shown
    /// in `secs` are left as they were (a correction of the load alone).
    pub held: Duration,
    pub secs: String,
    pub load: String,
    pub unit: Unit,
    /// The load has the cursor, else the seconds.
    pub on_load: bool,
    /// A key was typed since the field got the cursor: the next appends
    /// instead of replacing the value shown.
    pub typed: bool,
    pub error: Option<String>,
}

impl HoldForm {
    fn field_mut(&mut self) -> &mut String {
        if self.on_load {
            &mut self.load
        } else {
            &mut self.secs
        }
    }

    fn submit(&mut self) -> Option<Work> {
        let secs = self.secs.trim().replace(',', ".");
        let held = match secs.parse::<f64>() {
            _ if secs == tenths(self.held) => self.held,
            Ok(s) if s > 0.0 && s <= MAX_HOLD_SECS => Duration::from_secs_f64(s),
            _ => {
                self.error = Some(format!(
                    "{secs:?}: seconds held, more than 0 and at most an hour"
                ));
                return None;
            }
        };
        match Load::parse(&self.load, self.unit) {
            Ok(load) => Some(Work::Hold { held, load }),
            Err(message) => {
                self.error = Some(format!("load: {message}"));
                None
            }
        }
    }
}

/// A time as the form shows it: seconds and tenths.
fn tenths(held: Duration) -> String {
    format!("{:.1}", held.as_secs_f64())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Reps(SetEntry),
    Hold(HoldForm),
}

impl Edit {
    /// The form for `work`; none for cardio, whose numbers are what its
    /// import brought. A hold without a load offers it in `unit`.
    pub fn new(work: &Work, unit: Unit) -> Option<Edit> {
        match *work {
            Work::Reps { reps, load } => Some(Edit::Reps(SetEntry::new(reps, load, unit))),
            Work::Hold { held, load } => Some(Edit::Hold(HoldForm {
                held,
                secs: tenths(held),
                load: load.map(|l| centi_text(l.centi)).unwrap_or_default(),
                unit: load.map_or(unit, |l| l.unit),
                on_load: false,
                typed: false,
                error: None,
            })),
            Work::Cardio { .. } => None,
        }
    }

    pub fn type_char(&mut self, c: char) {
        match self {
            Edit::Reps(entry) => entry.type_char(c),
            Edit::Hold(form) => {
                if !form.typed {
                    form.field_mut().clear();
                    form.typed = true;
                }
                form.field_mut().push(c);
                form.error = None;
            }
        }
    }

    pub fn backspace(&mut self) {
        match self {
            Edit::Reps(entry) => entry.backspace(),
            Edit::Hold(form) => {
                form.typed = true;
                note::backspace(form.field_mut());
                form.error = None;
            }
        }
    }

    /// Reps and load, or seconds and load: RPE and note are not numbers to
    /// correct.
    pub fn next_field(&mut self) {
        match self {
            Edit::Reps(entry) => {
                entry.focus = if entry.focus == Field::Reps {
                    Field::Load
                } else {
                    Field::Reps
                };
                entry.editing = false;
            }
            Edit::Hold(form) => {
                form.on_load = !form.on_load;
                form.typed = false;
            }
        }
    }

    pub fn toggle_unit(&mut self) {
        match self {
            Edit::Reps(entry) => entry.toggle_unit(),
            Edit::Hold(form) => form.unit = form.unit.toggled(),
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
            Edit::Hold(form) => form.submit(),
        }
    }

    pub fn error(&self) -> Option<&str> {
        match self {
            Edit::Reps(entry) => entry.error.as_ref().map(|(_, m)| m.as_str()),
            Edit::Hold(form) => form.error.as_deref(),
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
        let mut edit = Edit::new(&Work::hold(Duration::from_millis(30_500)), Unit::Kg).unwrap();
        assert!(matches!(&edit, Edit::Hold(f) if f.secs == "30.5" && f.load.is_empty()));
        for c in "42".chars() {
            edit.type_char(c);
        }
        assert_eq!(edit.submit(), Some(Work::hold(Duration::from_secs(42))));
        edit.backspace();
        edit.backspace();
        assert_eq!(edit.submit(), None);
        assert!(edit.error().is_some());
    }

    #[test]
    fn a_weighted_hold_keeps_its_load_and_its_unit_and_can_change_them() {
        let load = |centi, unit| Some(Load { centi, unit });
        let work = Work::Hold {
            held: Duration::from_millis(30_017),
            load: load(1250, Unit::Lb),
        };
        let mut edit = Edit::new(&work, Unit::Kg).unwrap();
        assert!(matches!(&edit, Edit::Hold(f) if f.load == "12.5" && f.unit == Unit::Lb));
        let mut load_only = edit.clone();
        load_only.next_field();
        load_only.type_char('9');
        assert_eq!(
            load_only.submit(),
            Some(Work::Hold {
                held: Duration::from_millis(30_017),
                load: load(900, Unit::Lb)
            }),
            "the time left as shown keeps its milliseconds"
        );
        edit.type_char('3');
        edit.type_char('5');
        assert_eq!(
            edit.submit(),
            Some(Work::Hold {
                held: Duration::from_secs(35),
                load: load(1250, Unit::Lb)
            }),
            "correcting the time keeps the load"
        );
        edit.next_field();
        edit.type_char('6');
        edit.toggle_unit();
        assert_eq!(
            edit.submit(),
            Some(Work::Hold {
                held: Duration::from_secs(35),
                load: load(600, Unit::Kg)
            })
        );
        edit.type_char('x');
        assert_eq!(edit.submit(), None);
        assert!(edit.error().is_some_and(|e| e.starts_with("load:")));
        edit.backspace();
        edit.backspace();
        assert_eq!(
            edit.submit(),
            Some(Work::hold(Duration::from_secs(35))),
            "an empty load is bodyweight"
        );
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

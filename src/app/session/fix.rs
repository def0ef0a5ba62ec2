//! Fixing the sets already logged in this session, with history's keys and
//! history's corrections: `c` chooses a logged set of the exercise on screen
//! and opens its form, `x` deletes it, `z` takes back the last change (the
//! last set logged included). Nothing is erased: every change is a kept,
//! marked version in the store.

use std::collections::HashMap;

use super::{Notice, SessionView};
use crate::app::history::{Edit, HistoryEffect};
use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::domain::Unit;
use crate::domain::correction::Correction;
use crate::domain::history::SetRow;
use crate::domain::set::Work;
use crate::domain::{LoggedSet, NewSet, Side};

/// What is being fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fixing {
    /// Choosing among the exercise's logged sets: the id of the one chosen.
    Pick(i64),
    /// The correction form of set `id`.
    Edit { id: i64, form: Edit },
}

/// A change `z` takes back, newest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A set logged: undone by deleting it (kept, marked deleted).
    Logged(i64),
    Corrected(Correction),
}

impl SessionView {
    /// The logged sets of the exercise on screen, in the order the list shows them.
    pub fn logged_here(&self) -> Vec<&LoggedSet> {
        let mut sets: Vec<&LoggedSet> = self.session.logged_at(self.session.position).collect();
        sets.sort_by_key(|l| (l.set.set_number, l.set.side == Some(Side::Right)));
        sets
    }
}

fn fx(effect: HistoryEffect) -> Vec<Effect> {
    vec![Effect::History(effect)]
}

fn notice(text: &str, error: bool) -> Notice {
    Some((text.into(), error))
}

/// Keys for fixing; `None` when the key is not about fixing.
pub(super) fn on_action(
    view: &mut SessionView,
    action: Action,
    unit: Unit,
) -> Option<(Vec<Effect>, Notice)> {
    let session = view.session.id;
    match (&mut view.fixing, action) {
        (_, Action::Undo) => Some(undo(view)),
        (None, Action::Correct) => Some(match view.logged_here().last() {
            Some(last) => {
                view.fixing = Some(Fixing::Pick(last.id));
                (vec![], None)
            }
            None => (
                vec![],
                notice("No set of this exercise is logged yet.", true),
            ),
        }),
        (None, _) => None,
        (Some(Fixing::Pick(id)), Action::Up | Action::Down) => {
            let id = *id;
            let ids: Vec<i64> = view.logged_here().iter().map(|l| l.id).collect();
            let at = ids.iter().position(|&i| i == id).unwrap_or(0);
            let at = if action == Action::Up {
                at.saturating_sub(1)
            } else {
                (at + 1).min(ids.len().saturating_sub(1))
            };
            view.fixing = ids.get(at).map(|&id| Fixing::Pick(id));
            Some((vec![], None))
        }
        (Some(Fixing::Pick(id)), Action::Correct | Action::Confirm) => {
            let id = *id;
            let set = view.session.logged.iter().find(|l| l.id == id);
            view.fixing = set
                .and_then(|l| form(l, unit))
                .map(|form| Fixing::Edit { id, form });
            Some((vec![], None))
        }
        (Some(Fixing::Pick(id)), Action::RemoveSet) => {
            let id = *id;
            Some((fx(HistoryEffect::DeleteSet { session, id }), None))
        }
        (Some(Fixing::Pick(_)), Action::Back) => {
            view.fixing = None;
            Some((vec![], None))
        }
        (Some(Fixing::Pick(_)), _) => Some((
            vec![],
            notice("Enter corrects, x deletes, Esc goes back to the set.", true),
        )),
        (Some(Fixing::Edit { id, .. }), Action::Back) => {
            view.fixing = Some(Fixing::Pick(*id));
            Some((vec![], None))
        }
        (Some(Fixing::Edit { id, form }), action) => {
            let id = *id;
            Some((edit(form, action, session, id).unwrap_or_default(), None))
        }
    }
}

/// The form of a logged set: its numbers, and for rep sets its RPE and note.
fn form(logged: &LoggedSet, unit: Unit) -> Option<Edit> {
    let mut form = Edit::new(&logged.set.work, unit)?;
    if let Edit::Reps(entry) = &mut form {
        entry.rpe = logged.set.rpe.map(|r| r.to_string()).unwrap_or_default();
        entry.note = logged.set.note.clone().unwrap_or_default();
    }
    Some(form)
}

/// A key in the correction form; the effect that saves it on Enter.
fn edit(form: &mut Edit, action: Action, session: i64, id: i64) -> Option<Vec<Effect>> {
    match (form, action) {
        (form, Action::Char(c)) => form.type_char(c),
        (form, Action::Backspace) => form.backspace(),
        (form, Action::ToggleUnit) => form.toggle_unit(),
        (Edit::Reps(entry), Action::NextField | Action::Down) => entry.focus_next(),
        (Edit::Reps(entry), Action::Up) => entry.focus_previous(),
        (form, Action::NextField | Action::Down | Action::Up) => form.next_field(),
        (Edit::Reps(entry), Action::Confirm) => match entry.validate() {
            Ok(v) => {
                return Some(fx(HistoryEffect::CorrectSet {
                    session,
                    id,
                    work: Work::Reps {
                        reps: v.reps,
                        load: v.load,
                    },
                    notes: Some((v.rpe, v.note)),
                }));
            }
            Err(fault) => entry.error = Some(fault),
        },
        (form, Action::Confirm) => {
            let work = form.submit()?;
            return Some(fx(HistoryEffect::CorrectSet {
                session,
                id,
                work,
                notes: None,
            }));
        }
        _ => {}
    }
    None
}

/// `z`: takes back the newest change, a logged set or a correction.
fn undo(view: &mut SessionView) -> (Vec<Effect>, Notice) {
    let session = view.session.id;
    let effect = match view.changes.pop() {
        Some(Change::Logged(id)) => HistoryEffect::DeleteSet { session, id },
        Some(Change::Corrected(correction)) => HistoryEffect::Undo {
            session,
            correction,
        },
        None => return (vec![], notice("Nothing to undo in this session.", true)),
    };
    view.undoing = true;
    (fx(effect), None)
}

/// The store saved a change: the session's sets are read back from its
/// answer, so the list, the counts, the next set and resume agree with
/// the file. Records of a set no longer live are withdrawn.
pub(super) fn apply(
    view: &mut SessionView,
    correction: Option<Correction>,
    rows: Vec<SetRow>,
) -> String {
    let undone = std::mem::take(&mut view.undoing);
    if let (false, Some(c)) = (undone, correction) {
        view.changes.push(Change::Corrected(c));
    }
    // Rows do not carry the set's stopwatch time; a version keeps its
    // set's, in the store as here.
    let durations: HashMap<_, _> = view
        .session
        .logged
        .iter()
        .map(|l| {
            (
                (l.set.exercise_id, l.set.set_number, l.set.side),
                l.set.duration,
            )
        })
        .collect();
    let session_id = view.session.id;
    view.session.logged = rows
        .into_iter()
        .map(|r| LoggedSet {
            id: r.id,
            set: NewSet {
                session_id,
                exercise_id: r.exercise_id,
                set_number: r.set_number,
                side: r.side,
                work: r.work,
                duration: durations
                    .get(&(r.exercise_id, r.set_number, r.side))
                    .copied()
                    .flatten(),
                rpe: r.rpe,
                note: r.note,
                logged_at: r.logged_at,
                set_type: r.kind,
            },
        })
        .collect();
    let live: Vec<i64> = view.session.logged.iter().map(|l| l.id).collect();
    let before = view.records.len();
    view.records.retain(|r| live.contains(&r.set));
    view.fixing = None;
    let withdrawn = if view.records.len() < before {
        "; its record is withdrawn"
    } else {
        ""
    };
    let what = match (undone, correction) {
        (true, _) => "Undone",
        (false, Some(Correction::Deleted { .. })) => "Set deleted",
        (false, _) => "Set corrected",
    };
    let more = match (view.changes.is_empty(), undone) {
        (true, _) => "",
        (false, false) => "; z undoes",
        (false, true) => "; z undoes the change before",
    };
    format!("{what}{withdrawn}{more}")
}

//! Records in a live session, decided here from what the store read: a
//! set just logged against the bests before it, and on a resume the
//! records its earlier sets were announced with.

use super::SessionView;
use crate::app::history::HistoryEffect;
use crate::app::msg::Effect;
use crate::app::state::{Screen, State};
use crate::domain::LoggedSet;
use crate::domain::records::{Earlier, NewRecord, RecordKind, reached};

impl SessionView {
    /// The record of `kind` that `logged`, a set of this session, reached.
    fn record(&self, logged: &LoggedSet, kind: RecordKind) -> NewRecord {
        let exercise = self
            .session
            .plan
            .iter()
            .find(|e| e.exercise_id == logged.set.exercise_id)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        NewRecord {
            set: logged.id,
            exercise,
            side: logged.set.side,
            kind,
            work: logged.set.work,
        }
    }
}

/// A set just logged against the bests before it: the records it reached
/// are announced, kept for the summary, and remembered in the file.
pub fn on_bests(state: &mut State, logged: &LoggedSet, earlier: &Earlier) -> Vec<Effect> {
    let kinds = reached(&logged.set.work, earlier);
    if kinds.is_empty() {
        return vec![];
    }
    // Announced only while the session is on screen (keys in the same batch
    // may have left it), but remembered in the file whatever is shown.
    if let Screen::Session(view) = &mut state.screen {
        let records: Vec<NewRecord> = kinds.iter().map(|&k| view.record(logged, k)).collect();
        if let Some(first) = records.first() {
            let more = match records.len() {
                1 => String::new(),
                n => format!(" (+{} more)", n - 1),
            };
            state.notice = Some((format!("New record! {first}{more}"), false));
        }
        view.records.extend(records);
    }
    vec![Effect::History(HistoryEffect::RememberRecords {
        set: logged.id,
        kinds,
    })]
}

/// The records a resumed session's sets were announced with, by set id:
/// listed for the summary before any set logged since, not announced again.
pub fn on_recalled(state: &mut State, remembered: &[(i64, RecordKind)]) -> Vec<Effect> {
    if let Screen::Session(view) = &mut state.screen {
        let recalled: Vec<NewRecord> = view
            .session
            .logged
            .iter()
            .flat_map(|set| {
                remembered
                    .iter()
                    .filter(|(id, _)| *id == set.id)
                    .map(|&(_, kind)| view.record(set, kind))
            })
            .collect();
        view.records.splice(0..0, recalled);
    }
    vec![]
}

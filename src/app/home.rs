//! The home screen: start or resume a session, end an abandoned one, quit.

use crate::domain::Routine;

use super::keymap::Action;
use super::msg::Effect;
use super::state::{HomeItem, Screen, State};
use super::update::quit;

pub fn routines() -> Vec<Routine> {
    Routine::built_in()
}

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let Screen::Home(home) = &mut state.screen else {
        return vec![];
    };
    let items = home.items();
    match action {
        Action::Up => home.selected = home.selected.checked_sub(1).unwrap_or(items.len() - 1),
        Action::Down => home.selected = (home.selected + 1) % items.len(),
        Action::Quit | Action::Back => return quit(state),
        Action::Confirm => {
            let unfinished = home.unfinished.as_ref().map(|u| u.id);
            return match (items.get(home.selected), unfinished) {
                (Some(HomeItem::Resume), Some(id)) => vec![Effect::ResumeSession(id)],
                (Some(HomeItem::EndUnfinished), Some(id)) => {
                    state.notice =
                        Some(("Unfinished session ended; its sets are kept.".into(), false));
                    vec![Effect::EndAbandoned(id), Effect::LoadHome]
                }
                (Some(HomeItem::Start(i)), unfinished) => {
                    let Some(routine) = home.routines.get(*i).cloned() else {
                        return vec![];
                    };
                    // One session at a time: an abandoned one is ended, its sets kept.
                    unfinished
                        .map(Effect::EndAbandoned)
                        .into_iter()
                        .chain([Effect::StartSession(routine)])
                        .collect()
                }
                (Some(HomeItem::Quit), _) => quit(state),
                _ => vec![],
            };
        }
        _ => {}
    }
    vec![]
}

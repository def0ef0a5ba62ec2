//! Keys on the home screen.

use super::HomeItem;
use crate::app::history;
use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::state::{Screen, State};

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let items = state.home_items();
    let Screen::Home(home) = &mut state.screen else {
        return vec![];
    };
    match action {
        Action::Up => home.selected = home.selected.checked_sub(1).unwrap_or(items.len() - 1),
        Action::Down => home.selected = (home.selected + 1) % items.len(),
        Action::Quit | Action::Back => return state.quit(),
        Action::Confirm if home.opening => {}
        Action::Confirm => {
            let unfinished = home.unfinished.as_ref().map(|u| u.id);
            return match (items.get(home.selected), unfinished) {
                (Some(HomeItem::Resume), Some(id)) => {
                    home.opening = true;
                    vec![Effect::ResumeSession(id)]
                }
                (Some(HomeItem::EndUnfinished), Some(id)) => {
                    state.notice =
                        Some(("Unfinished session ended; its sets are kept.".into(), false));
                    vec![Effect::EndAbandoned(id), state.load_home()]
                }
                (Some(HomeItem::Start(i)), unfinished) => {
                    let Some(routine) = state.routines.get(*i) else {
                        return vec![];
                    };
                    let routine = routine
                        .clone()
                        .with_default_rest(state.settings.default_rest);
                    home.opening = true;
                    // One session at a time: an abandoned one is ended, its sets kept.
                    let end = unfinished.map(Effect::EndAbandoned);
                    end.into_iter()
                        .chain([Effect::StartSession(routine)])
                        .collect()
                }
                (Some(HomeItem::History), _) => history::open(state),
                (Some(HomeItem::Quit), _) => state.quit(),
                _ => vec![],
            };
        }
        _ => {}
    }
    vec![]
}

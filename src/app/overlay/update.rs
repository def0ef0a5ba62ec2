//! Keys while a popup is open: help, quit and finish questions, and the
//! RPE-and-note form of a logged set.

use super::{HelpPage, Overlay};
use crate::app::keymap::Action;
use crate::app::msg::Effect;
use crate::app::plan;
use crate::app::state::{Screen, State};
use crate::domain::entry::annotation;
use crate::domain::note;

pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    let page = matches!(state.overlay, Some(Overlay::Help { .. })).then(|| {
        let size = state.size.unwrap_or_else(|| state.min_size());
        HelpPage::new(&state.settings.keys, size)
    });
    let Some(overlay) = state.overlay.as_mut() else {
        return vec![];
    };
    let session = match &state.screen {
        Screen::Session(view) => Some(view.session.id),
        _ => None,
    };
    match (overlay, action) {
        (Overlay::Plan(_), _) => plan::on_action(state, action),
        (Overlay::Help { .. }, Action::Help | Action::Back | Action::Confirm | Action::Quit) => {
            close(state)
        }
        (
            Overlay::Help { scroll },
            Action::Up | Action::Down | Action::PageUp | Action::PageDown,
        ) => {
            let Some(page) = page else { return vec![] };
            *scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::PageUp => scroll.saturating_sub(page.visible),
                Action::Down => *scroll + 1,
                _ => *scroll + page.visible,
            }
            .min(page.max_scroll());
            vec![]
        }
        // Typed as text, so y and n answer here and nowhere else.
        (Overlay::ConfirmQuit, Action::Confirm | Action::Char('y' | 'Y' | 'q')) => state.quit(),
        (Overlay::ConfirmQuit, Action::Back | Action::Char('n' | 'N')) => close(state),
        (Overlay::ConfirmFinish { note, error, .. }, Action::Confirm) => match note::finish(note) {
            Ok(note) => {
                state.overlay = None;
                session
                    .map(|id| Effect::FinishSession { id, note })
                    .into_iter()
                    .collect()
            }
            Err(message) => {
                *error = Some(message);
                vec![]
            }
        },
        (Overlay::ConfirmFinish { .. } | Overlay::Annotate(_), Action::Back) => close(state),
        (Overlay::ConfirmFinish { note, error, .. }, Action::Char(c)) => {
            *error = note::type_char(note, c).err();
            vec![]
        }
        (Overlay::ConfirmFinish { note, error, .. }, Action::Backspace) => {
            note::backspace(note);
            *error = None;
            vec![]
        }
        (Overlay::Annotate(form), Action::Confirm) => match annotation(&form.rpe, &form.note) {
            Ok((rpe, note)) => {
                let id = form.set_id;
                state.overlay = None;
                vec![Effect::AnnotateSet { id, rpe, note }]
            }
            Err((_, message)) => {
                form.error = Some(message);
                vec![]
            }
        },
        (Overlay::Annotate(form), Action::NextField | Action::Up | Action::Down) => {
            form.on_note = !form.on_note;
            vec![]
        }
        (Overlay::Annotate(form), Action::Char(c)) => {
            form.type_char(c);
            vec![]
        }
        (Overlay::Annotate(form), Action::Backspace) => {
            form.backspace();
            vec![]
        }
        _ => vec![],
    }
}

fn close(state: &mut State) -> Vec<Effect> {
    state.overlay = None;
    vec![]
}

//! Keys as documented: help and hint lines follow the key map a config
//! rebinds, and the unit key works while a load is typed.

use ratatui::crossterm::event::KeyCode;
use runstrong::app::keymap::Action;
use runstrong::domain::Unit;

use crate::common::Flow;

#[test]
fn help_and_hints_show_the_keys_as_rebound() {
    let mut flow = Flow::in_session();
    flow.state.settings.keys.bind('n', Action::Finish).unwrap();
    flow.state.settings.keys.bind('f', Action::Right).unwrap();
    let screen = flow.render(80, 24);
    assert!(screen.contains("n finish"), "{screen}");
    flow.type_text("?");
    let help = flow.render(80, 24);
    assert!(help.contains("←→ / h f l previous"), "{help}");
    assert!(help.contains("n          finish the session"), "{help}");
    flow.press(KeyCode::Esc);
    flow.type_text("n");
    assert!(flow.state.overlay.is_some(), "n finishes now");
}

#[test]
fn u_toggles_the_unit_while_a_load_is_typed() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Tab);
    flow.type_text("45u");
    let entry = &flow.view().entry;
    assert_eq!((entry.load.as_str(), entry.unit), ("45", Unit::Lb));
    flow.press(KeyCode::Enter);
    let load = match flow.saved()[0].work {
        runstrong::domain::set::Work::Reps { load, .. } => load,
        _ => None,
    };
    assert_eq!(load.map(|l| (l.centi, l.unit)), Some((4500, Unit::Lb)));
}

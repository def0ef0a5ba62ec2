//! RPE and notes: typed in the set form, added to a logged set afterwards,
//! and the note a finished session keeps.

use common::Flow;
use ratatui::crossterm::event::KeyCode;
use runstrong::app::Effect;
use runstrong::app::overlay::Overlay;
use runstrong::domain::set::Work;

use super::{secs, to_plank};
use crate::common;

#[test]
fn finish_asks_for_an_optional_note_then_finishes() {
    let mut flow = Flow::in_session();
    flow.type_text("f");
    assert_eq!(
        flow.state.overlay,
        Some(Overlay::ConfirmFinish {
            error: None,
            note: String::new(),
            skipped: flow.plan_names(),
        })
    );
    flow.type_text("legs heavy, q ok");
    flow.press(KeyCode::Enter);
    let note = Some("legs heavy, q ok".to_string());
    assert_eq!(
        flow.fake.effects.last(),
        Some(&Effect::FinishSession { id: 1, note })
    );

    let mut flow = Flow::in_session();
    flow.type_text("f");
    flow.press(KeyCode::Enter);
    assert_eq!(
        flow.fake.effects.last(),
        Some(&Effect::FinishSession { id: 1, note: None })
    );
}

#[test]
fn a_set_carries_rpe_and_a_note_typed_in_the_form() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Tab);
    flow.press(KeyCode::Tab);
    flow.type_text("8.5");
    flow.press(KeyCode::Tab);
    flow.type_text("slow lower, felt good");
    assert!(!flow.state.quit, "q in a note is text");
    flow.press(KeyCode::Enter);
    let set = flow.saved()[0];
    assert_eq!(set.rpe.map(|r| r.to_string()).as_deref(), Some("8.5"));
    assert_eq!(set.note.as_deref(), Some("slow lower, felt good"));
    assert_eq!(
        flow.view().entry.note,
        "",
        "the next set starts without a note"
    );
}

#[test]
fn a_logged_hold_gets_its_rpe_and_note_afterwards() {
    let mut flow = Flow::in_session();
    to_plank(&mut flow);
    flow.type_text("  ");
    flow.advance(secs(31));
    flow.type_text(" ");
    let held = flow.view().session.logged[0].set.clone();
    assert!(matches!(held.work, Work::Hold { .. }), "{held:?}");
    // Not while the clock runs for the other side.
    flow.press(KeyCode::Esc);
    flow.type_text("e");
    let Some(Overlay::Annotate(form)) = &flow.state.overlay else {
        panic!("no form")
    };
    assert_eq!(form.label, format!("set 1 left: {}", held.work));
    let id = form.set_id;
    flow.type_text("11");
    flow.press(KeyCode::Enter);
    assert!(
        matches!(&flow.state.overlay, Some(Overlay::Annotate(f)) if f.error.is_some()),
        "RPE 11 refused"
    );
    flow.press(KeyCode::Backspace);
    flow.press(KeyCode::Backspace);
    flow.type_text("9");
    flow.press(KeyCode::Tab);
    // The thumb and its skin tone are two code points, one Backspace.
    flow.type_text("shaky 👍🏽");
    flow.press(KeyCode::Backspace);
    flow.press(KeyCode::Enter);
    let Some(Effect::AnnotateSet {
        id: annotated,
        rpe: Some(rpe),
        note: Some(note),
    }) = flow.fake.effects.last()
    else {
        panic!("{:?}", flow.fake.effects.last())
    };
    assert_eq!(*annotated, id);
    assert_eq!((rpe.to_string().as_str(), note.as_str()), ("9", "shaky"));
    assert_eq!(flow.state.overlay, None);
}

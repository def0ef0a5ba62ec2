//! The set form and the RPE popup: which field has the focus, and text
//! that keeps its columns. Styles are the point here, so the popup's
//! snapshots are of the cells with their styles, not the text alone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Flow, find};
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

#[test]
fn the_focused_field_of_the_rpe_popup_is_highlighted() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.type_text("e");
    let reversed = |buffer: &Buffer, text: &str| {
        let (x, y) = find(buffer, text);
        buffer[(x, y)].modifier.contains(Modifier::REVERSED)
    };
    let buffer = flow.buffer(80, 24);
    let rpe = find(&buffer, "RPE (1-10)  [").0 + 12;
    let rpe_row = find(&buffer, "RPE (1-10)").1;
    assert!(buffer[(rpe, rpe_row)].modifier.contains(Modifier::REVERSED));
    assert!(!reversed(&buffer, "RPE (1-10)"), "the label is not");
    assert!(!reversed(&buffer, "[                                  ]"));
    flow.press(KeyCode::Tab);
    let buffer = flow.buffer(80, 24);
    assert!(!buffer[(rpe, rpe_row)].modifier.contains(Modifier::REVERSED));
    assert!(reversed(&buffer, "[▏"), "the note is focused");
}

/// Wide characters take two columns: a field keeps its width and its
/// closing bracket stays where it is.
#[test]
fn wide_characters_keep_the_form_aligned() {
    let note_end = |note: &str| {
        let mut flow = Flow::in_session();
        for _ in 0..3 {
            flow.press(KeyCode::Tab);
        }
        flow.type_text(note);
        let buffer = flow.buffer(80, 24);
        let (x, y) = find(&buffer, " note [");
        let end = (x..buffer.area.width)
            .find(|&c| buffer[(c, y)].symbol() == "]")
            .unwrap();
        (end - x, flow.render(80, 24))
    };
    let (ascii, _) = note_end("ok");
    for note in ["深蹲很好", "很好很好很好很好很好", "👍🏽💪🇩🇪", "café"]
    {
        let (end, screen) = note_end(note);
        assert_eq!(end, ascii, "{note}: {screen}");
    }
    let (_, screen) = note_end("很好很好很好很好很好");
    // Five wide characters and the cursor fill 11 of 12 columns (the text
    // shows each wide character's second cell as a space).
    assert!(screen.contains("[好 很 好 很 好 ▏ ]"), "the end: {screen}");
}

/// The popup as cells and styles: the RPE field reversed while it has the
/// focus, then the note's field once Tab moves it there.
#[test]
fn the_rpe_popups_focus_shows_in_its_styled_snapshot() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    flow.type_text("e");
    assert_snapshot!(
        "rpe_focus_styled_80x24",
        format!("{:?}", flow.buffer(80, 24))
    );
    assert_snapshot!(
        "rpe_focus_styled_40x20",
        format!("{:?}", flow.buffer(40, 20))
    );
    flow.press(KeyCode::Tab);
    assert_snapshot!(
        "note_focus_styled_40x20",
        format!("{:?}", flow.buffer(40, 20))
    );
}

//! What is typed is what is kept: pastes, the note limit, hidden
//! characters, and keys while the terminal is too small.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use runstrong::app::overlay::Overlay;
use runstrong::app::{Effect, Msg};
use runstrong::domain::entry::Field;
use runstrong::domain::note::{MAX_NOTE, too_long};

use crate::common::Flow;

/// In a session, with the set form's note focused.
fn at_the_note() -> Flow {
    let mut flow = Flow::in_session();
    for _ in 0..3 {
        flow.press(KeyCode::Tab);
    }
    assert_eq!(flow.view().entry.focus, Field::Note);
    flow
}

fn annotated(flow: &Flow) -> Vec<Option<String>> {
    flow.fake
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::AnnotateSet { note, .. } => Some(note.clone()),
            _ => None,
        })
        .collect()
}

fn popup_note(flow: &Flow) -> (String, Option<String>) {
    match &flow.state.overlay {
        Some(Overlay::Annotate(form)) => (form.note.clone(), form.error.clone()),
        other => panic!("no RPE-and-note popup: {other:?}"),
    }
}

#[test]
fn a_pasted_line_break_is_a_space_and_logs_nothing() {
    let mut flow = at_the_note();
    flow.send(Msg::Paste("felt good\r\nknee ok\n".into()));
    assert!(flow.saved().is_empty(), "the paste logged the set");
    assert_eq!(flow.view().entry.note, "felt good knee ok ");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved()[0].note.as_deref(), Some("felt good knee ok"));
}

#[test]
fn a_paste_where_nothing_is_typed_runs_no_command() {
    let mut flow = Flow::home();
    flow.send(Msg::Paste("q\n".into()));
    assert!(!flow.state.quit);
    assert!(flow.fake.effects.is_empty(), "{:?}", flow.fake.effects);
    let (notice, is_error) = flow.state.notice.clone().unwrap();
    assert!(notice.starts_with("Nothing pasted"), "{notice}");
    assert!(is_error);

    let mut flow = Flow::in_session();
    flow.send(Msg::Paste("12\n".into()));
    assert_eq!(flow.view().entry.reps, "12 ");
    assert!(flow.saved().is_empty());
}

#[test]
fn the_note_limit_is_the_same_in_the_form_and_the_popup_and_said() {
    let long = "x".repeat(MAX_NOTE + 100);
    let mut flow = at_the_note();
    flow.send(Msg::Paste(long.clone()));
    assert_eq!(flow.view().entry.note.chars().count(), MAX_NOTE);
    assert_eq!(flow.view().entry.error, Some((Field::Note, too_long())));
    let screen = flow.render(80, 24);
    assert!(
        screen.contains("⚠ note: at most 500 characters"),
        "{screen}"
    );
    flow.press(KeyCode::Enter);
    assert_eq!(
        flow.saved()[0].note.as_ref().map(|n| n.chars().count()),
        Some(MAX_NOTE)
    );

    flow.type_text("e");
    flow.press(KeyCode::Tab);
    flow.press(KeyCode::Backspace);
    flow.type_text("yz");
    let (note, error) = popup_note(&flow);
    assert_eq!((note.chars().count(), error), (MAX_NOTE, Some(too_long())));
    assert!(note.ends_with('y'));
    flow.press(KeyCode::Enter);
    assert_eq!(
        annotated(&flow)
            .iter()
            .map(|n| n.as_ref().map(|n| n.chars().count()))
            .collect::<Vec<_>>(),
        [Some(MAX_NOTE)]
    );
}

#[test]
fn a_note_longer_than_the_limit_from_elsewhere_is_refused_not_cut_unseen() {
    let mut flow = Flow::in_session();
    flow.press(KeyCode::Enter);
    let mut logged = flow.view().session.logged.clone();
    logged[0].set.note = Some("y".repeat(MAX_NOTE + 1));
    flow.state.overlay = Some(Overlay::annotate(&logged[0]));
    flow.press(KeyCode::Enter);
    assert!(annotated(&flow).is_empty());
    let (_, error) = popup_note(&flow);
    assert_eq!(
        error.as_deref(),
        Some("the note is 501 characters; at most 500 are kept")
    );
}

#[test]
fn control_and_bidi_characters_never_reach_a_note() {
    let sneaky = "ok\u{202E}\u{2066}x\u{7}\u{1b}\u{200F}!";
    let mut flow = at_the_note();
    flow.type_text(sneaky);
    assert_eq!(flow.view().entry.note, "okx!");
    flow.send(Msg::Paste(sneaky.into()));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved()[0].note.as_deref(), Some("okx!okx!"));

    flow.type_text("e");
    flow.press(KeyCode::Tab);
    flow.send(Msg::Paste(sneaky.into()));
    assert_eq!(popup_note(&flow).0, "okx!okx!okx!");

    flow.press(KeyCode::Esc);
    flow.type_text("f");
    flow.type_text(sneaky);
    flow.press(KeyCode::Enter);
    assert!(flow.fake.effects.contains(&Effect::FinishSession {
        id: 1,
        note: Some("okx!".into())
    }));
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut flow = Flow::in_session();
    flow.send(Msg::Resize(Size::new(30, 10)));
    assert!(flow.render(30, 10).contains("Enlarge the terminal"));
    flow.press(KeyCode::Enter);
    flow.type_text("f");
    flow.press(KeyCode::Enter);
    flow.send(Msg::Paste("7\n".into()));
    flow.type_text("q");
    assert!(flow.saved().is_empty(), "a set was logged blind");
    assert_eq!(flow.state.overlay, None);
    assert!(!flow.state.quit);
    assert_eq!(flow.view().entry.reps, "15");

    flow.send(Msg::Resize(Size::new(80, 24)));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved().len(), 1);

    flow.send(Msg::Resize(Size::new(30, 10)));
    flow.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(flow.state.quit, "Ctrl-C still leaves");
}

//! Keys become actions in one place. `Action` deserializes so that a
//! `[keys]` table in a config file can map onto it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Confirm,
    /// Start or stop the current timer; skip a rest.
    Toggle,
    Back,
    Quit,
    /// Ctrl-C: leave at once.
    ForceQuit,
    Help,
    AddSet,
    RemoveSet,
    Finish,
    ToggleUnit,
    RestLonger,
    RestShorter,
    NextField,
    Backspace,
    Char(char),
}

/// The action for a key. While a field is being edited every printable key
/// is text, so a typo lands in the field and is refused there, visibly.
pub fn action(key: KeyEvent, editing: bool) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Action::ForceQuit);
    }
    let by_code = match key.code {
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Back,
        KeyCode::Tab | KeyCode::BackTab => Action::NextField,
        KeyCode::Backspace | KeyCode::Delete => Action::Backspace,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Char(c) if editing || c.is_ascii_digit() || c == '.' || c == ',' => {
            Action::Char(c)
        }
        KeyCode::Char(c) => return letter(c),
        _ => return None,
    };
    Some(by_code)
}

fn letter(c: char) -> Option<Action> {
    Some(match c {
        'k' => Action::Up,
        'j' => Action::Down,
        'h' => Action::Left,
        'l' => Action::Right,
        'q' => Action::Quit,
        '?' => Action::Help,
        'a' => Action::AddSet,
        'x' => Action::RemoveSet,
        'f' => Action::Finish,
        'u' => Action::ToggleUnit,
        '+' | '=' => Action::RestLonger,
        '-' => Action::RestShorter,
        'y' => Action::Confirm,
        'n' => Action::Back,
        _ => return None,
    })
}

/// The key help, one line per binding, for the help overlay.
pub const HELP: &[(&str, &str)] = &[
    ("↑↓ / k j", "move; switch field"),
    ("← → / h l", "previous / next exercise (skip)"),
    ("Enter", "confirm: log the set, choose"),
    ("Space", "start / stop the timer; skip rest"),
    ("0-9 . ,", "type reps or load"),
    ("Tab", "switch between reps and load"),
    ("u", "load unit kg / lb"),
    ("+ / -", "rest 15 s longer / shorter"),
    ("a / x", "add / remove a set"),
    ("f", "finish the session"),
    ("Esc", "back, cancel"),
    ("?", "this help"),
    ("q", "quit (the session stays resumable)"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn letters_are_commands_unless_editing() {
        assert_eq!(action(key(KeyCode::Char('q')), false), Some(Action::Quit));
        assert_eq!(
            action(key(KeyCode::Char('q')), true),
            Some(Action::Char('q'))
        );
        assert_eq!(
            action(key(KeyCode::Char('7')), false),
            Some(Action::Char('7'))
        );
        assert_eq!(action(key(KeyCode::Char('l')), false), Some(Action::Right));
    }

    #[test]
    fn ctrl_c_always_quits() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c, true), Some(Action::ForceQuit));
    }

    #[test]
    fn actions_deserialize_from_config_names() {
        #[derive(Deserialize)]
        struct Keys {
            a: Action,
        }
        let k: Keys = toml::from_str("a = \"rest_longer\"").unwrap();
        assert_eq!(k.a, Action::RestLonger);
    }
}

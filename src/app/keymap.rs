//! Keys become actions in one place. Letter keys come from a `Keymap` that
//! a `[keys]` table in config.toml can change, since `Action` deserializes.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Up,
    Down,
    #[serde(rename = "previous_exercise")]
    Left,
    #[serde(rename = "next_exercise")]
    Right,
    Confirm,
    /// Start or stop the current timer; skip a rest.
    #[serde(rename = "timer")]
    Toggle,
    Back,
    Quit,
    /// Ctrl-C: leave at once.
    #[serde(skip)]
    ForceQuit,
    Help,
    AddSet,
    RemoveSet,
    Finish,
    ToggleUnit,
    RestLonger,
    RestShorter,
    /// Add, swap or reorder exercises of the session.
    Plan,
    /// RPE and a note for the last logged set.
    Annotate,
    /// In the plan: swap the exercise for another.
    Swap,
    /// In the plan: move the exercise earlier or later.
    MoveUp,
    MoveDown,
    /// In history: correct the selected set's numbers.
    Correct,
    /// In history: take the last correction back.
    Undo,
    /// In history: an exercise's progress and records.
    Progress,
    /// A page up or down in a long list.
    #[serde(skip)]
    PageUp,
    #[serde(skip)]
    PageDown,
    #[serde(skip)]
    NextField,
    #[serde(skip)]
    Backspace,
    #[serde(skip)]
    Char(char),
}

/// What printable keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Letters are commands.
    Commands,
    /// A number field is being edited: letters are typed (and refused on
    /// confirm), Space still runs the timer.
    Number,
    /// A load is being edited: as `Number`, but the unit key still toggles
    /// kg / lb, so "45u" is 45 in the other unit.
    Load,
    /// A text field is focused: every printable key is typed.
    Text,
}

/// Which printable keys are commands. Digits, `.` and `,` are always typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    keys: HashMap<char, Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        let keys = [
            ('k', Action::Up),
            ('j', Action::Down),
            ('h', Action::Left),
            ('l', Action::Right),
            ('q', Action::Quit),
            ('?', Action::Help),
            ('a', Action::AddSet),
            ('x', Action::RemoveSet),
            ('f', Action::Finish),
            ('u', Action::ToggleUnit),
            ('+', Action::RestLonger),
            ('=', Action::RestLonger),
            ('-', Action::RestShorter),
            ('p', Action::Plan),
            ('e', Action::Annotate),
            ('s', Action::Swap),
            ('K', Action::MoveUp),
            ('J', Action::MoveDown),
            ('c', Action::Correct),
            ('z', Action::Undo),
            ('r', Action::Progress),
        ];
        Keymap {
            keys: keys.into_iter().collect(),
        }
    }
}

impl Keymap {
    /// Binds `key` to `action`, replacing what the key did before.
    pub fn bind(&mut self, key: char, action: Action) -> Result<(), String> {
        if key.is_ascii_digit() || key == '.' || key == ',' || key.is_whitespace() {
            return Err(format!("{key:?} is kept for typing numbers"));
        }
        self.keys.insert(key, action);
        Ok(())
    }

    /// The action for a key. While a field is being edited printable keys
    /// are text, so a typo lands in the field and is refused there, visibly.
    pub fn action(&self, key: KeyEvent, input: Input) -> Option<Action> {
        let typing = input != Input::Commands;
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return matches!(key.code, KeyCode::Char('c')).then_some(Action::ForceQuit);
        }
        Some(match key.code {
            KeyCode::Up => Action::Up,
            KeyCode::Down => Action::Down,
            KeyCode::Left => Action::Left,
            KeyCode::Right => Action::Right,
            KeyCode::PageUp => Action::PageUp,
            KeyCode::PageDown => Action::PageDown,
            KeyCode::Enter => Action::Confirm,
            KeyCode::Esc => Action::Back,
            KeyCode::Tab | KeyCode::BackTab => Action::NextField,
            KeyCode::Backspace | KeyCode::Delete => Action::Backspace,
            KeyCode::Char(' ') if input != Input::Text => Action::Toggle,
            KeyCode::Char(c)
                if input == Input::Load && self.keys.get(&c) == Some(&Action::ToggleUnit) =>
            {
                Action::ToggleUnit
            }
            KeyCode::Char(c) if typing || c.is_ascii_digit() || c == '.' || c == ',' => {
                Action::Char(c)
            }
            KeyCode::Char(c) => return self.keys.get(&c).copied(),
            _ => return None,
        })
    }
}

impl Keymap {
    /// The key shown for `action`: its fixed key, else the first letter
    /// bound to it; none when a rebinding took every letter away.
    pub fn key(&self, action: Action) -> Option<String> {
        fixed(action)
            .map(String::from)
            .or_else(|| self.letters(action).first().map(char::to_string))
    }

    /// Every letter bound to `action`, in order.
    fn letters(&self, action: Action) -> Vec<char> {
        let mut letters: Vec<char> = self
            .keys
            .iter()
            .filter(|&(_, &a)| a == action)
            .map(|(&c, _)| c)
            .collect();
        letters.sort_unstable();
        letters
    }

    /// The keys of `actions` joined by "/": "a/x".
    fn keys(&self, actions: &[Action]) -> Option<String> {
        let keys: Vec<String> = actions.iter().filter_map(|&a| self.key(a)).collect();
        (!keys.is_empty()).then(|| join(&keys, "/"))
    }

    /// A hint line as the keys are bound now: "a/x set · f finish". An
    /// item whose keys are all unbound is left out.
    pub fn hint(&self, items: &[(&[Action], &str)]) -> String {
        items
            .iter()
            .filter_map(|(actions, what)| Some(format!("{} {what}", self.keys(actions)?)))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The key help, one line per thing to do: every key that does it,
    /// fixed keys first, then the letters bound now.
    pub fn help(&self) -> Vec<(String, String)> {
        let plan = format!(
            "plan: add ({}), swap ({}), reorder ({})",
            self.keys(&[Action::AddSet]).unwrap_or_default(),
            self.keys(&[Action::Swap]).unwrap_or_default(),
            self.keys(&[Action::MoveUp, Action::MoveDown])
                .unwrap_or_default()
        );
        let rows: [(&[Action], &str); 18] = [
            (&[Action::Up, Action::Down], "move; switch field"),
            (&[Action::PageUp, Action::PageDown], "a page up / down"),
            (
                &[Action::Left, Action::Right],
                "previous / next exercise (skip)",
            ),
            (&[Action::Confirm], "confirm: log the set, choose"),
            (&[Action::Toggle], "start / stop the timer; skip rest"),
            (&[], "type reps, load or RPE"),
            (&[Action::NextField], "next field (reps, load, RPE, note)"),
            (
                &[Action::ToggleUnit],
                "load unit kg / lb, also while typing",
            ),
            (
                &[Action::RestLonger, Action::RestShorter],
                "rest 15 s longer / shorter",
            ),
            (&[Action::AddSet, Action::RemoveSet], "add / remove a set"),
            (&[Action::Annotate], "RPE and note for the last set"),
            (&[Action::Plan], &plan),
            (&[Action::Finish], "finish the session"),
            (
                &[Action::Correct, Action::RemoveSet, Action::Undo],
                "correct / delete a logged set; undo",
            ),
            (&[Action::Progress], "history: an exercise's progress"),
            (&[Action::Back], "back, cancel"),
            (&[Action::Help], "this help"),
            (&[Action::Quit], "quit (the session stays resumable)"),
        ];
        rows.iter()
            .filter_map(|&(actions, what)| {
                let keys = if actions.is_empty() {
                    "0-9 . ,".to_string()
                } else {
                    self.help_keys(actions)?
                };
                Some((keys, what.to_string()))
            })
            .collect()
    }

    /// "↑↓ / k j": the fixed keys of `actions`, then their letters.
    fn help_keys(&self, actions: &[Action]) -> Option<String> {
        let fixed_keys: Vec<String> = actions
            .iter()
            .filter_map(|&a| fixed(a).map(String::from))
            .collect();
        let letters: Vec<String> = actions
            .iter()
            .flat_map(|&a| self.letters(a))
            .map(|c| c.to_string())
            .collect();
        let between = if fixed_keys.is_empty() { " / " } else { " " };
        let parts: Vec<String> = [join(&fixed_keys, " "), letters.join(between)]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" / "))
    }
}

/// Keys side by side: arrows run together ("←→"), others take `between`.
fn join(keys: &[String], between: &str) -> String {
    let arrows = keys
        .iter()
        .all(|k| ["←", "→", "↑", "↓"].contains(&k.as_str()));
    keys.join(if arrows { "" } else { between })
}

/// The key that always does `action`, whatever the key map says.
fn fixed(action: Action) -> Option<&'static str> {
    match action {
        Action::Up => Some("↑"),
        Action::Down => Some("↓"),
        Action::Left => Some("←"),
        Action::Right => Some("→"),
        Action::Confirm => Some("Enter"),
        Action::Toggle => Some("Space"),
        Action::Back => Some("Esc"),
        Action::NextField => Some("Tab"),
        Action::PageUp => Some("PgUp"),
        Action::PageDown => Some("PgDn"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn letters_are_commands_unless_editing() {
        let map = Keymap::default();
        let c = |ch| key(KeyCode::Char(ch));
        assert_eq!(map.action(c('q'), Input::Commands), Some(Action::Quit));
        assert_eq!(map.action(c('q'), Input::Number), Some(Action::Char('q')));
        assert_eq!(map.action(c(' '), Input::Number), Some(Action::Toggle));
        assert_eq!(map.action(c(' '), Input::Text), Some(Action::Char(' ')));
        assert_eq!(map.action(c('7'), Input::Commands), Some(Action::Char('7')));
        assert_eq!(map.action(c('l'), Input::Commands), Some(Action::Right));
        assert_eq!(map.action(c('u'), Input::Load), Some(Action::ToggleUnit));
        assert_eq!(map.action(c('u'), Input::Number), Some(Action::Char('u')));
        assert_eq!(map.action(c('q'), Input::Load), Some(Action::Char('q')));
    }

    #[test]
    fn ctrl_c_always_quits() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            Keymap::default().action(ctrl_c, Input::Text),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn rebinding_a_key_replaces_it_and_digits_stay_typed() {
        let mut map = Keymap::default();
        map.bind('n', Action::Right).unwrap();
        assert_eq!(
            map.action(key(KeyCode::Char('n')), Input::Commands),
            Some(Action::Right)
        );
        assert_eq!(
            map.action(key(KeyCode::Char('l')), Input::Commands),
            Some(Action::Right)
        );
        assert!(map.bind('5', Action::Quit).is_err());
    }

    #[test]
    fn actions_deserialize_from_config_names() {
        #[derive(Deserialize)]
        struct Keys {
            a: Action,
            b: Action,
        }
        let k: Keys = toml::from_str("a = \"rest_longer\"\nb = \"next_exercise\"").unwrap();
        assert_eq!((k.a, k.b), (Action::RestLonger, Action::Right));
        assert!(toml::from_str::<Keys>("a = \"char\"\nb = \"up\"").is_err());
    }
}

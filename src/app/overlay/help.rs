//! The key help laid out for the terminal it is on: rows wrapped to the
//! width, and the page that fits, so the core can scroll it to its end.

use ratatui::layout::Size;
use unicode_width::UnicodeWidthStr;

use crate::app::keymap::Keymap;

/// The help's rows (keys, words; a wrapped row has no keys) and how many
/// show at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPage {
    pub rows: Vec<(String, String)>,
    pub key_width: usize,
    pub visible: usize,
}

impl HelpPage {
    pub fn new(keys: &Keymap, size: Size) -> HelpPage {
        let entries = keys.help();
        // Rebinding can lengthen a row's keys: the column fits the longest.
        let key_width = entries
            .iter()
            .map(|(k, _)| k.width() + 1)
            .max()
            .unwrap_or(0)
            .max(10);
        // Inside the popup's border and a column of margin each side.
        let room = usize::from(size.width).saturating_sub(4);
        let words_room = room.saturating_sub(key_width).max(8);
        let rows: Vec<(String, String)> = entries
            .into_iter()
            .flat_map(|(k, what)| {
                wrap(&what, words_room)
                    .into_iter()
                    .enumerate()
                    .map(move |(i, line)| (if i == 0 { k.clone() } else { String::new() }, line))
            })
            .collect();
        let height = usize::from(size.height).saturating_sub(2);
        // A page shorter than the help keeps a row for where it is.
        let visible = if rows.len() <= height {
            rows.len()
        } else {
            height.saturating_sub(1).max(1)
        };
        HelpPage {
            rows,
            key_width,
            visible,
        }
    }

    /// The furthest the help scrolls: its last row at the page's foot.
    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.visible)
    }
}

/// `text` in lines of at most `columns`, broken between words.
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let Some(line) = lines.last_mut() else { break };
        if line.is_empty() {
            line.push_str(word);
        } else if line.width() + 1 + word.width() <= columns {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_between_words() {
        assert_eq!(
            wrap("plan: add (a), swap (s)", 12),
            ["plan: add", "(a), swap", "(s)"]
        );
        assert_eq!(wrap("short", 12), ["short"]);
    }

    #[test]
    fn a_phone_scrolls_to_the_last_row() {
        let page = HelpPage::new(&Keymap::default(), Size::new(40, 20));
        assert_eq!(page.visible, 17);
        assert!(page.rows.len() > page.visible);
        assert_eq!(page.max_scroll(), page.rows.len() - 17);
        let wide = HelpPage::new(&Keymap::default(), Size::new(80, 60));
        assert_eq!(wide.max_scroll(), 0);
    }
}

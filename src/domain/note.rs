//! Notes (on a set, on a session) as typed or pasted: one line of plain
//! text, at most `MAX_NOTE` characters. Every text field that keeps a note
//! types through here, so the set form, the `e` popup and the finish
//! question keep and refuse the same things.

use unicode_segmentation::UnicodeSegmentation;

/// Longest note kept, in characters.
pub const MAX_NOTE: usize = 500;

/// What is said when typing reaches the limit.
pub fn too_long() -> String {
    format!("at most {MAX_NOTE} characters; the rest was not kept")
}

/// The character as a note keeps it: a line break or tab becomes a space
/// (a field is one line); other control characters, and the invisible
/// marks that reorder or hide text (bidi overrides and isolates, zero-width
/// and byte-order marks), are dropped, so what is shown is what is stored.
pub fn clean(c: char) -> Option<char> {
    match c {
        '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\u{061C}'
        | '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// `text` with every character cleaned, a "\r\n" pair as one space.
pub fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(clean)
        .collect()
}

/// Types `c` at the end of `note`: cleaned, and refused past the limit.
pub fn type_char(note: &mut String, c: char) -> Result<(), String> {
    let Some(c) = clean(c) else {
        return Ok(());
    };
    if note.chars().count() >= MAX_NOTE {
        return Err(too_long());
    }
    note.push(c);
    Ok(())
}

/// Backspace: removes the last grapheme, what shows as one character (a
/// flag, an accented letter typed as two code points), not half of it.
pub fn backspace(text: &mut String) {
    let last = text.grapheme_indices(true).next_back().map(|(at, _)| at);
    text.truncate(last.unwrap_or(0));
}

/// A note as it is stored: cleaned, trimmed, `None` when empty. One over
/// the limit (from a file, say) is refused rather than cut unseen.
pub fn finish(note: &str) -> Result<Option<String>, String> {
    let note = clean_text(note).trim().to_string();
    let length = note.chars().count();
    if length > MAX_NOTE {
        return Err(format!(
            "the note is {length} characters; at most {MAX_NOTE} are kept"
        ));
    }
    Ok(Some(note).filter(|n| !n.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_spaces_and_hidden_marks_go() {
        assert_eq!(
            clean_text("felt\r\ngood\nknee\u{202E}kl\u{2066}o\u{0007}"),
            "felt good kneeklo"
        );
        assert_eq!(clean_text("emoji 👍🏽 and é stay"), "emoji 👍🏽 and é stay");
    }

    #[test]
    fn typing_stops_at_the_limit_and_says_so() {
        let mut note = "a".repeat(MAX_NOTE - 1);
        assert_eq!(type_char(&mut note, 'b'), Ok(()));
        assert_eq!(type_char(&mut note, 'c'), Err(too_long()));
        assert_eq!(note.chars().count(), MAX_NOTE);
        assert_eq!(
            type_char(&mut note, '\u{202E}'),
            Ok(()),
            "dropped, not refused"
        );
    }

    #[test]
    fn backspace_removes_a_whole_grapheme() {
        let mut text = String::new();
        for c in "ok 🇩🇪 e\u{301}👍🏽".chars() {
            type_char(&mut text, c).unwrap();
        }
        backspace(&mut text);
        assert_eq!(text, "ok 🇩🇪 e\u{301}", "skin tone and thumb go together");
        backspace(&mut text);
        assert_eq!(text, "ok 🇩🇪 ", "the accent and its letter go together");
        backspace(&mut text);
        backspace(&mut text);
        assert_eq!(text, "ok ", "both halves of the flag go");
        backspace(&mut text);
        backspace(&mut text);
        backspace(&mut text);
        backspace(&mut text);
        assert_eq!(text, "");
    }

    #[test]
    fn a_finished_note_is_trimmed_and_checked() {
        assert_eq!(finish("  \n "), Ok(None));
        assert_eq!(finish(" ok\u{202E} "), Ok(Some("ok".into())));
        assert!(finish(&"x".repeat(MAX_NOTE + 1)).is_err());
    }
}

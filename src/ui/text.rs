//! Text measured the way a terminal shows it: in columns, where a CJK
//! character or an emoji takes two and a combining accent none, and cut
//! only between graphemes, so a flag or an accented letter stays whole.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns `text` takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// The end of `text` that fits in `columns`: a long field shows its end,
/// where the typing is.
pub fn tail(text: &str, columns: usize) -> &str {
    let mut used = 0;
    let mut start = text.len();
    for (at, g) in text.grapheme_indices(true).rev() {
        used += g.width();
        if used > columns {
            break;
        }
        start = at;
    }
    &text[start..]
}

/// The start of `text` that fits in `columns`.
pub fn head(text: &str, columns: usize) -> &str {
    let mut used = 0;
    for (at, g) in text.grapheme_indices(true) {
        used += g.width();
        if used > columns {
            return &text[..at];
        }
    }
    text
}

/// `text` followed by spaces up to `columns` (`{:<n}` counted in columns).
pub fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// `text` centred in `columns` (`{:^n}` counted in columns: the odd space
/// goes right).
pub fn center(text: &str, columns: usize) -> String {
    let room = columns.saturating_sub(width(text));
    format!(
        "{}{text}{}",
        " ".repeat(room / 2),
        " ".repeat(room - room / 2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("深蹲"), 4);
        assert_eq!(width("💪"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(pad("深蹲", 6), "深蹲  ");
        assert_eq!(pad("squat", 6), "squat ");
        assert_eq!(center("深", 5), " 深  ");
        assert_eq!(width(&pad("🇩🇪 run", 10)), 10);
    }

    #[test]
    fn cuts_fall_between_whole_graphemes_within_the_columns() {
        assert_eq!(tail("abc深蹲", 4), "深蹲");
        assert_eq!(tail("abc深蹲", 5), "c深蹲");
        assert_eq!(tail("a深", 1), "", "half a wide character is not shown");
        assert_eq!(tail("x🇩🇪", 2), "🇩🇪");
        assert_eq!(head("深蹲abc", 3), "深");
        assert_eq!(head("cafe\u{301}s", 4), "cafe\u{301}");
        assert_eq!(head("short", 12), "short");
    }
}

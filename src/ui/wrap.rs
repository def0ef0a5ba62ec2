//! Word wrap that keeps a figure whole. ratatui's wrap breaks at any
//! space, so a status line ending "… 15 × 20 kg" could leave "15 ×" on one
//! row and "20 kg" on the next; and it has no hanging indent, so a wrapped
//! record went back to the margin. Here a number stays with its unit and
//! with the sign that joins it to the next ("15 × 20 kg", "32.0 s @ 10 kg"
//! are one piece), and the rows after the first can be indented.

use super::text;

/// What follows a number as its unit or its sign: a break never falls
/// before one.
const UNITS: [&str; 8] = ["×", "@", "kg", "lb", "s", "km", "mi", "m"];

/// A space between `before` and `after` is no place to break.
fn glued(before: &str, after: &str) -> bool {
    let after = after.trim_end_matches(|c: char| c.is_ascii_punctuation());
    let number = before.ends_with(|c: char| c.is_ascii_digit());
    (number && UNITS.contains(&after)) || before == "×" || before == "@"
}

/// The pieces of `text` that must not be parted, in order.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut last = "";
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match out.last_mut() {
            Some(piece) if glued(last, word) => {
                piece.push(' ');
                piece.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
        last = word;
    }
    out
}

/// `text` in rows of at most `width` columns: the first starts with
/// `first`, the others with `rest`. A piece wider than a row is cut.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut rows = vec![first.to_string()];
    let mut empty = true;
    for piece in pieces(text) {
        let row = rows.last_mut().map_or(0, |r| text::width(r));
        let gap = usize::from(!empty);
        if !empty && row + gap + text::width(&piece) > width {
            rows.push(rest.to_string());
            empty = true;
        }
        let Some(row) = rows.last_mut() else { break };
        if !empty {
            row.push(' ');
        }
        let room = width.saturating_sub(text::width(row));
        row.push_str(text::head(&piece, room));
        empty = false;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_never_parted_from_its_unit() {
        let saved = "Saved Weighted dorsiflexion set 1: 15 × 20 kg";
        assert_eq!(
            wrap(saved, 40, "", ""),
            ["Saved Weighted dorsiflexion set 1:", "15 × 20 kg"]
        );
        assert_eq!(
            wrap(
                "Saved Copenhagen plank set 1 left: 32.0 s @ 12.5 kg",
                40,
                "",
                ""
            ),
            ["Saved Copenhagen plank set 1 left:", "32.0 s @ 12.5 kg"]
        );
        assert_eq!(wrap("done in 12 s.", 80, "", ""), ["done in 12 s."]);
    }

    #[test]
    fn the_rows_after_the_first_hang_under_it() {
        let record = "Lunge left: most reps at this load, 12 × 22.5 kg";
        let rows = wrap(record, 30, "  ★ ", "    ");
        assert_eq!(
            rows,
            [
                "  ★ Lunge left: most reps at",
                "    this load, 12 × 22.5 kg"
            ]
        );
        assert!(rows.iter().all(|r| text::width(r) <= 30));
    }

    #[test]
    fn a_word_wider_than_the_row_is_cut_not_lost_in_a_loop() {
        assert_eq!(wrap("abcdefghij x", 4, "", ""), ["abcd", "x"]);
        assert_eq!(wrap("", 10, "", ""), [""]);
    }
}

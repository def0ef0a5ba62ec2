//! Large digits that scale to the space they get, from a phone's terminal
//! to a wall screen: the largest size that fits, else plain bold text.
//! Every size is drawn here from font8x8's glyphs, one way.

use font8x8::UnicodeFonts;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;

/// How one 8x8 glyph is drawn: each font pixel takes `scale` x `scale`
/// cells, or each cell shows `across` x `down` pixels (1 or 2 each) with
/// half and quarter blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Size {
    scale: u16,
    across: u16,
    down: u16,
}

impl Size {
    const fn scaled(scale: u16) -> Size {
        Size {
            scale,
            across: 1,
            down: 1,
        }
    }

    /// The cells one glyph takes (w, h).
    fn cells(self) -> (u16, u16) {
        (8 * self.scale / self.across, 8 * self.scale / self.down)
    }

    /// The columns `text` takes, its narrow glyphs narrower.
    fn width(self, text: &str) -> u16 {
        text.chars()
            .map(|c| span(c).1 * self.scale / self.across)
            .fold(0, u16::saturating_add)
    }
}

/// The pixel columns of a glyph drawn (first, count): the colon and the
/// space are narrow, so "L 0:30" keeps the large size on a phone.
fn span(c: char) -> (u16, u16) {
    match c {
        ':' => (1, 4),
        ' ' => (0, 2),
        _ => (0, 8),
    }
}

const SIZES: [Size; 5] = [
    Size::scaled(3),
    Size::scaled(2),
    Size::scaled(1),
    // Half height: the upper and lower half block.
    Size {
        scale: 1,
        across: 1,
        down: 2,
    },
    // Quadrants: a 2x2 block of pixels in each cell.
    Size {
        scale: 1,
        across: 2,
        down: 2,
    },
];

/// A cell's symbol by its lit quarters: top left 1, top right 2, bottom
/// left 4, bottom right 8.
const QUARTERS: [&str; 16] = [
    " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
];

/// font8x8's zero is slashed; a timer reads better with a plain one.
const ZERO: [u8; 8] = [0x3E, 0x63, 0x63, 0x63, 0x63, 0x63, 0x3E, 0x00];

fn glyph(c: char) -> [u8; 8] {
    match c {
        '0' => ZERO,
        c => font8x8::BASIC_FONTS.get(c).unwrap_or([0; 8]),
    }
}

/// The height the text will take in `area`.
pub fn height(text: &str, area: Rect) -> u16 {
    fit(text, area).map_or(1, |s| s.cells().1)
}

fn fit(text: &str, area: Rect) -> Option<Size> {
    SIZES
        .into_iter()
        .find(|s| s.width(text) <= area.width && s.cells().1 <= area.height)
}

pub fn render(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let Some(size) = fit(text, area) else {
        let style = style.add_modifier(Modifier::BOLD);
        let plain = Paragraph::new(text.to_string())
            .style(style)
            .alignment(Alignment::Center);
        frame.render_widget(plain, area);
        return;
    };
    let h = size.cells().1;
    let width = size.width(text);
    let at = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        height: h,
        ..area
    };
    let buffer = frame.buffer_mut();
    buffer.set_style(at, style);
    let mut left = at.x;
    for c in text.chars() {
        let glyph = glyph(c);
        let (first, count) = span(c);
        let w = count * size.scale / size.across;
        for y in 0..h {
            for x in 0..w {
                if let Some(cell) = buffer.cell_mut((left + x, at.y + y)) {
                    cell.set_symbol(symbol(&glyph, size, first, x, y));
                }
            }
        }
        left += w;
    }
}

/// Of `texts`, saying the same thing, the first drawn at the largest size
/// `area` allows: a longer wording only where it costs no size.
pub fn best(texts: &[String], area: Rect) -> &str {
    let rank = |t: &String| {
        fit(t, area).map_or(SIZES.len(), |s| {
            SIZES.iter().position(|&x| x == s).unwrap_or(SIZES.len())
        })
    };
    let top = texts.iter().map(rank).min().unwrap_or(SIZES.len());
    texts
        .iter()
        .find(|t| rank(t) == top)
        .map_or("", String::as_str)
}

/// The symbol of the cell at (x, y) within one glyph drawn at `size`.
fn symbol(glyph: &[u8; 8], size: Size, first: u16, x: u16, y: u16) -> &'static str {
    let (px, py) = (
        first + x / size.scale * size.across,
        y / size.scale * size.down,
    );
    let lit = |dx: u16, dy: u16| {
        let row = glyph.get(usize::from(py + dy)).copied().unwrap_or(0);
        usize::from(row & (1 << (px + dx)) != 0)
    };
    let (right, low) = (size.across - 1, size.down - 1);
    QUARTERS[lit(0, 0) | lit(right, 0) << 1 | lit(0, low) << 2 | lit(right, low) << 3]
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        let area = |w, h| Rect::new(0, 0, w, h);
        let cells = |w, h| fit("0:30", area(w, h)).map(Size::cells);
        assert_eq!(cells(200, 60), Some((24, 24)));
        assert_eq!(cells(80, 20), Some((16, 16)));
        assert_eq!(cells(38, 10), Some((8, 8)));
        assert_eq!(cells(38, 5), Some((8, 4)));
        assert_eq!(cells(20, 4), Some((4, 4)));
        assert_eq!(cells(10, 2), None);
    }

    fn drawn(text: &str, w: u16, h: u16) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| render(f, f.area(), text, Style::new()))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..h)
            .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn every_size_draws_the_same_plain_zero() {
        assert_eq!(
            drawn("0", 8, 8),
            [
                " █████  ",
                "██   ██ ",
                "██   ██ ",
                "██   ██ ",
                "██   ██ ",
                "██   ██ ",
                " █████  ",
                "        ",
            ]
        );
        assert_eq!(
            drawn("0", 8, 4),
            ["▄█▀▀▀█▄ ", "██   ██ ", "██   ██ ", " ▀▀▀▀▀  "]
        );
        assert_eq!(drawn("0", 4, 4), ["▟▀▜▖", "█ ▐▌", "█ ▐▌", "▝▀▀ "]);
        let large = drawn("0", 16, 16);
        assert_eq!(large[2], "████      ████  ");
        assert_eq!(large[3], large[2]);
    }
}

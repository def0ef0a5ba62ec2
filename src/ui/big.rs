//! Large digits that scale to the space they get, from a phone's terminal
//! to a wall screen: the largest size that fits, else plain bold text.

use font8x8::UnicodeFonts;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// How one 8x8 glyph is drawn, and the cells it takes (w, h).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// Each font pixel a block of `n` x `n` cells, for big screens.
    Scaled(u16),
    /// One of tui-big-text's sizes.
    Font(PixelSize, u16, u16),
}

impl Size {
    fn cells(self) -> (u16, u16) {
        match self {
            Size::Scaled(n) => (8 * n, 8 * n),
            Size::Font(_, w, h) => (w, h),
        }
    }
}

const SIZES: [Size; 5] = [
    Size::Scaled(3),
    Size::Scaled(2),
    Size::Font(PixelSize::Full, 8, 8),
    Size::Font(PixelSize::HalfHeight, 8, 4),
    Size::Font(PixelSize::Quadrant, 4, 4),
];

/// The height the text will take in `area`.
pub fn height(text: &str, area: Rect) -> u16 {
    fit(text, area).map_or(1, |s| s.cells().1)
}

fn fit(text: &str, area: Rect) -> Option<Size> {
    let glyphs = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    SIZES.into_iter().find(|s| {
        let (w, h) = s.cells();
        glyphs.saturating_mul(w) <= area.width && h <= area.height
    })
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
    let (w, h) = size.cells();
    let width = u16::try_from(text.chars().count()).unwrap_or(0) * w;
    let at = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        height: h,
        ..area
    };
    match size {
        Size::Font(pixels, ..) => {
            let lines = vec![text.to_string().into()];
            frame.render_widget(
                BigText::builder()
                    .pixel_size(pixels)
                    .style(style)
                    .lines(lines)
                    .build(),
                at,
            );
        }
        Size::Scaled(n) => scaled(frame, at, text, n, style),
    }
}

/// Draws each font pixel as an n x n block of full cells.
fn scaled(frame: &mut Frame, at: Rect, text: &str, n: u16, style: Style) {
    let buffer = frame.buffer_mut();
    for (i, c) in text.chars().enumerate() {
        let glyph = font8x8::BASIC_FONTS.get(c).unwrap_or([0; 8]);
        let left = at.x + u16::try_from(i).unwrap_or(0) * 8 * n;
        for (row, bits) in glyph.iter().enumerate() {
            for col in 0..8u16 {
                if bits & (1 << col) == 0 {
                    continue;
                }
                for dy in 0..n {
                    for dx in 0..n {
                        let (x, y) = (left + col * n + dx, at.y + row as u16 * n + dy);
                        if let Some(cell) = buffer.cell_mut((x, y)) {
                            cell.set_symbol("█").set_style(style);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        let area = |w, h| Rect::new(0, 0, w, h);
        assert_eq!(fit("0:30", area(200, 60)), Some(Size::Scaled(3)));
        assert_eq!(fit("0:30", area(80, 20)), Some(Size::Scaled(2)));
        assert_eq!(
            fit("0:30", area(38, 10)),
            Some(Size::Font(PixelSize::Full, 8, 8))
        );
        assert_eq!(
            fit("0:30", area(38, 5)),
            Some(Size::Font(PixelSize::HalfHeight, 8, 4))
        );
        assert_eq!(
            fit("0:30", area(20, 4)),
            Some(Size::Font(PixelSize::Quadrant, 4, 4))
        );
        assert_eq!(fit("0:30", area(10, 2)), None);
    }
}

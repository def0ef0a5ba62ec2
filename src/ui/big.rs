//! Large digits that scale to the space they get, from a phone's terminal
//! to a wall screen: the largest font size that fits, else plain bold text.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Font sizes from largest, with the cells one 8x8 glyph takes (w, h).
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// The height the text will take in `area`.
pub fn height(text: &str, area: Rect) -> u16 {
    fit(text, area).map_or(1, |(_, _, h)| h)
}

fn fit(text: &str, area: Rect) -> Option<(PixelSize, u16, u16)> {
    let glyphs = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    SIZES
        .into_iter()
        .find(|&(_, w, h)| glyphs.saturating_mul(w) <= area.width && h <= area.height)
}

pub fn render(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    match fit(text, area) {
        Some((size, w, h)) => {
            let glyphs = u16::try_from(text.chars().count()).unwrap_or(0);
            let width = glyphs * w;
            let x = area.x + (area.width - width) / 2;
            let widget = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![text.to_string().into()])
                .build();
            frame.render_widget(
                widget,
                Rect {
                    x,
                    width,
                    height: h,
                    ..area
                },
            );
        }
        None => {
            let style = style.add_modifier(Modifier::BOLD);
            frame.render_widget(
                Paragraph::new(text.to_string())
                    .style(style)
                    .alignment(Alignment::Center),
                area,
            );
        }
    }
}

//! The personal records beside a progress chart: per side for strength and
//! holds, distance, time and pace for cardio.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use crate::domain::calendar::Calendar;
use crate::domain::cardio::{CardioRecords, CardioSet};
use crate::domain::history::pace;
use crate::domain::progress::{Record, SideRecords};
use crate::domain::set::Side;
use crate::domain::{Unit, load, time};

use super::super::theme::Theme;

/// A side's figure for one record and when it was set.
type Figure = Option<(String, DateTime<Utc>)>;

/// One row of the records table: what it is, and per side the figure and
/// when it was set.
struct Mark {
    label: &'static str,
    cells: Vec<Figure>,
}

/// The records of every side as rows: heaviest, most reps (two loads),
/// longest hold, best session volume. A side without a record has a gap.
fn marks(sides: &[SideRecords], unit: Unit) -> Vec<Mark> {
    let row = |label, pick: &dyn Fn(&SideRecords) -> Figure| Mark {
        label,
        cells: sides.iter().map(pick).collect(),
    };
    let mut rows = vec![row("heaviest", &|s| {
        s.heaviest
            .as_ref()
            .map(|r| (format!("{} × {}", r.value.0, r.value.1), r.at))
    })];
    for i in 0..2 {
        rows.push(row("reps", &|s| {
            s.most_reps
                .get(i)
                .map(|r| (format!("{} × {}", r.value.1, load::show(r.value.0)), r.at))
        }));
    }
    rows.push(row("hold", &|s| {
        s.longest_hold.as_ref().map(|r| {
            let with = r.value.1.map(|l| format!(" @ {l}")).unwrap_or_default();
            (format!("{}{with}", time::clock(r.value.0)), r.at)
        })
    }));
    // The heaviest hold, when it is not the longest one too.
    rows.push(row("heaviest", &|s| {
        s.heaviest_hold
            .as_ref()
            .filter(|h| {
                s.longest_hold.as_ref().map(|l| l.value) != Some((h.value.1, Some(h.value.0)))
            })
            .map(|r| (format!("{} @ {}", time::clock(r.value.1), r.value.0), r.at))
    }));
    rows.push(row("volume", &|s| {
        s.best_volume_kg
            .as_ref()
            .map(|r| (super::moved(r.value, unit), r.at))
    }));
    rows.retain(|m| m.cells.iter().any(Option::is_some));
    rows
}

/// Rows the records box wants at `width`, borders included: a date beside
/// each figure when the columns hold both, else a row of its own under it.
pub fn height(
    sides: &[SideRecords],
    cardio: Option<&CardioRecords>,
    calendar: &Calendar,
    width: u16,
) -> u16 {
    let rows = match cardio {
        Some(c) => {
            let records = [
                c.longest.is_some(),
                c.longest_time.is_some(),
                c.best_pace.is_some(),
            ];
            2 * records.iter().filter(|x| **x).count()
        }
        None => {
            let rows = marks(sides, Unit::Kg);
            let per = if dates_beside(&rows, sides.len(), calendar, width) {
                1
            } else {
                2
            };
            per * rows.len() + usize::from(sides.len() > 1)
        }
    };
    u16::try_from(rows.max(1) + 2).unwrap_or(u16::MAX)
}

const LABEL: u16 = 8;

/// Whether every figure and its date fit one column of a box `width` wide.
fn dates_beside(rows: &[Mark], sides: usize, calendar: &Calendar, width: u16) -> bool {
    let columns = u16::try_from(sides.max(1)).unwrap_or(1);
    let column = width.saturating_sub(2 + LABEL + columns) / columns;
    rows.iter()
        .flat_map(|m| m.cells.iter().flatten())
        .all(|(text, at)| {
            text.width() + 2 + super::date(calendar, *at).width() <= usize::from(column)
        })
}

fn side_title(side: Option<Side>) -> &'static str {
    match side {
        None => "Both sides",
        Some(Side::Left) => "Left",
        Some(Side::Right) => "Right",
    }
}

/// Where a record's date goes: beside its figure when the column holds both,
/// under it when there are rows to spare, else nowhere (a phone's short box).
#[derive(Clone, Copy, PartialEq)]
enum Dates {
    Beside,
    Under,
    Hidden,
}

/// Records as a table, one column per side, so left and right read across
/// and both fit a phone's box.
pub fn draw_sides(
    frame: &mut Frame,
    area: Rect,
    sides: &[SideRecords],
    calendar: &Calendar,
    unit: Unit,
    theme: &Theme,
) {
    let rows = marks(sides, unit);
    if rows.is_empty() {
        frame.render_widget(block(vec![], theme), area);
        return;
    }
    let header = u16::from(sides.len() > 1);
    let pairs = header + 2 * u16::try_from(rows.len()).unwrap_or(u16::MAX);
    let dates = if dates_beside(&rows, sides.len(), calendar, area.width) {
        Dates::Beside
    } else if pairs <= area.height.saturating_sub(2) {
        Dates::Under
    } else {
        Dates::Hidden
    };
    let table_rows = rows.iter().map(|m| {
        let cells = m.cells.iter().map(|cell| {
            let Some((text, at)) = cell else {
                return Cell::from("");
            };
            let when = super::date(calendar, *at);
            match dates {
                Dates::Beside => Cell::from(format!("{text}  {when}")),
                Dates::Under => Cell::from(Text::from(vec![
                    Line::from(text.clone()),
                    Line::styled(when, theme.dim()),
                ])),
                Dates::Hidden => Cell::from(text.clone()),
            }
        });
        let height = if dates == Dates::Under { 2 } else { 1 };
        Row::new(std::iter::once(Cell::from(m.label)).chain(cells)).height(height)
    });
    let widths =
        std::iter::once(Constraint::Length(LABEL)).chain(sides.iter().map(|_| Constraint::Fill(1)));
    let mut table =
        Table::new(table_rows, widths).block(Block::bordered().title(" Personal records "));
    if header == 1 {
        let titles = sides.iter().map(|s| side_title(s.side));
        table = table.header(Row::new(std::iter::once("").chain(titles)).style(theme.accent()));
    }
    frame.render_widget(table, area);
}

fn block<'a>(lines: Vec<Line<'a>>, theme: &Theme) -> Paragraph<'a> {
    let lines = if lines.is_empty() {
        vec![Line::styled("No records yet.", theme.dim())]
    } else {
        lines
    };
    Paragraph::new(lines).block(Block::bordered().title(" Personal records "))
}

/// Two lines: `label`, the figure the record is for and its date; then the
/// set's other figures.
fn cardio_lines<'a>(
    label: &str,
    r: &Record<CardioSet>,
    first: Option<String>,
    calendar: &Calendar,
) -> [Line<'a>; 2] {
    let set = r.value;
    let distance = set.distance.map(|d| d.to_string());
    let time = set.time.map(time::clock);
    let pace = set.time.zip(set.distance).and_then(|(t, d)| pace(t, d));
    let others: Vec<String> = [distance, time, pace]
        .into_iter()
        .flatten()
        .filter(|f| Some(f) != first.as_ref())
        .collect();
    [
        Line::from(format!(
            " {label:<8} {}  {}",
            first.unwrap_or_default(),
            super::date(calendar, r.at)
        )),
        Line::from(format!("          {}", others.join(" · "))),
    ]
}

pub fn cardio<'a>(records: &CardioRecords, calendar: &Calendar, theme: &Theme) -> Paragraph<'a> {
    let mut lines = vec![];
    if let Some(r) = &records.longest {
        let first = r.value.distance.map(|d| d.to_string());
        lines.extend(cardio_lines("longest", r, first, calendar));
    }
    if let Some(r) = &records.longest_time {
        let first = r.value.time.map(time::clock);
        lines.extend(cardio_lines("time", r, first, calendar));
    }
    if let Some(r) = &records.best_pace {
        let first = r
            .value
            .time
            .zip(r.value.distance)
            .and_then(|(t, d)| pace(t, d));
        lines.extend(cardio_lines("pace", r, first, calendar));
    }
    block(lines, theme)
}

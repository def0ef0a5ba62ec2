//! The personal records beside a progress chart: per side for strength and
//! holds, distance, time and pace for cardio.

use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::domain::calendar::Calendar;
use crate::domain::cardio::{CardioRecords, CardioSet};
use crate::domain::history::pace;
use crate::domain::progress::{Record, SideRecords};
use crate::domain::set::Side;
use crate::domain::{load, time};

use super::super::theme::Theme;

fn side_title(side: Option<Side>) -> &'static str {
    match side {
        None => "Both sides",
        Some(Side::Left) => "Left",
        Some(Side::Right) => "Right",
    }
}

fn block<'a>(lines: Vec<Line<'a>>, theme: &Theme) -> Paragraph<'a> {
    let lines = if lines.is_empty() {
        vec![Line::styled("No records yet.", theme.dim())]
    } else {
        lines
    };
    Paragraph::new(lines).block(Block::bordered().title(" Personal records "))
}

pub fn sides<'a>(sides: &[SideRecords], calendar: &Calendar, theme: &Theme) -> Paragraph<'a> {
    let mut lines = vec![];
    for s in sides {
        lines.push(Line::styled(side_title(s.side), theme.accent()));
        if let Some(r) = &s.heaviest {
            lines.push(Line::from(format!(
                " heaviest {} × {}  {}",
                r.value.0,
                r.value.1,
                super::date(calendar, r.at)
            )));
        }
        for r in s.most_reps.iter().take(2) {
            lines.push(Line::from(format!(
                " reps     {} × {}  {}",
                r.value.1,
                load::show(r.value.0),
                super::date(calendar, r.at)
            )));
        }
        if let Some(r) = &s.longest_hold {
            let with = r.value.1.map(|l| format!(" @ {l}")).unwrap_or_default();
            lines.push(Line::from(format!(
                " hold     {}{with}  {}",
                time::clock(r.value.0),
                super::date(calendar, r.at)
            )));
        }
        // Worth its own line only when it is not the longest hold too.
        if let Some(r) = s.heaviest_hold.as_ref().filter(|h| {
            s.longest_hold.as_ref().map(|l| l.value) != Some((h.value.1, Some(h.value.0)))
        }) {
            lines.push(Line::from(format!(
                " heaviest {} @ {}  {}",
                time::clock(r.value.1),
                r.value.0,
                super::date(calendar, r.at)
            )));
        }
        if let Some(r) = &s.best_volume_kg {
            lines.push(Line::from(format!(
                " volume   {:.0} kg  {}",
                r.value,
                super::date(calendar, r.at)
            )));
        }
    }
    block(lines, theme)
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

//! One session: every set in order, with the correction form when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row};

use crate::app::history::{Edit, SessionPage};
use crate::app::state::State;
use crate::domain::entry::Field;
use crate::domain::history::Totals;
use crate::domain::note;

use super::super::theme::Theme;

const KEYS: &str = "↑↓ move · c correct · x delete · r progress · Esc back";
/// With a change made on this screen to take back.
const UNDO_KEYS: &str = "↑↓ move · c correct · x delete · z undo · r progress · Esc back";
const EDIT_KEYS: &str = "type numbers · Tab field · u kg/lb · Enter save · Esc cancel";

pub fn draw(
    frame: &mut Frame,
    title: Rect,
    body: Rect,
    page: &SessionPage,
    state: &State,
    theme: &Theme,
) -> &'static str {
    let s = &page.session;
    // Corrections change the totals: count what is listed once loaded.
    let totals = if page.loaded {
        Totals::of_sets(&page.sets)
    } else {
        s.totals
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(
                // A phone's width drops the word and the weekday, not the totals.
                if title.width >= 50 {
                    format!(" Session {}", super::when(&state.calendar, s.started_at))
                } else {
                    let at = state.calendar.local(s.started_at);
                    format!(" {}", at.format("%-d %b %H:%M"))
                },
                theme.title(),
            ),
            Span::raw(format!(
                " · {} · {}",
                crate::ui::count(totals.sets, "set"),
                super::moved(totals.volume_kg, state.settings.unit)
            )),
        ]),
        title,
    );
    let note = s
        .notes
        .as_deref()
        // Imported notes may hold line breaks and marks that reorder text.
        .map(|n| format!("· {} ", note::clean_text(&n.replace('\n', " · "))))
        .unwrap_or_default();
    let block = Block::bordered().title(format!(" {} {note}", s.routine));
    if !page.loaded || page.sets.is_empty() {
        let text = if page.loaded {
            " No sets left in this session."
        } else {
            " Loading…"
        };
        frame.render_widget(super::empty(text, theme).block(block), body);
        return if !page.undo.is_empty() {
            "z undo · Esc back"
        } else {
            "Esc back"
        };
    }
    let (list, form) = match &page.edit {
        Some(_) => {
            let [l, f] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(body);
            (l, Some(f))
        }
        None => (body, None),
    };
    let wide = body.width >= 60;
    let rows = page.sets.iter().map(|set| {
        let side = set.side.map_or("", |s| s.letter());
        let mark = if set.corrected { " ✎" } else { "" };
        let number = format!("{}{side}{}", set.set_number, set.kind.letter());
        if !wide {
            // A phone: the whole name above what was done and its notes,
            // the time (the same for a whole session) left to the header.
            let mut lines = vec![
                Line::from(set.exercise.to_string()),
                Line::from(format!("{}{mark}", set.work)),
            ];
            let remarks = set.remarks();
            if !remarks.trim().is_empty() {
                lines.push(Line::from(
                    remarks.trim().trim_start_matches("· ").to_string(),
                ));
            }
            let height = u16::try_from(lines.len()).unwrap_or(2);
            return Row::new(vec![
                ratatui::text::Text::from(number),
                ratatui::text::Text::from(lines),
            ])
            .height(height);
        }
        Row::new(vec![
            state
                .calendar
                .local(set.logged_at)
                .format("%H:%M")
                .to_string(),
            set.exercise.to_string(),
            number,
            format!("{}{mark}{}", set.work, set.remarks()),
        ])
    });
    let (header, widths) = if wide {
        (
            Row::new(["time", "exercise", "set", "done"]),
            vec![
                Constraint::Length(5),
                Constraint::Length(22),
                Constraint::Length(4),
                Constraint::Fill(1),
            ],
        )
    } else {
        (
            Row::new(["set", "exercise · done"]),
            vec![Constraint::Length(4), Constraint::Fill(1)],
        )
    };
    super::table(
        frame,
        list,
        (header, rows.collect()),
        widths,
        block,
        page.selected,
        theme,
    );
    if let (Some(area), Some((_, edit))) = (form, &page.edit) {
        frame.render_widget(edit_form(edit, theme), area);
        return EDIT_KEYS;
    }
    if page.undo.is_empty() {
        KEYS
    } else {
        UNDO_KEYS
    }
}

fn field<'a>(label: &'a str, text: String, focused: bool, theme: &Theme) -> [Span<'a>; 2] {
    let style = if focused {
        theme.selected()
    } else {
        theme.accent()
    };
    [Span::raw(label), Span::styled(format!(" {text} "), style)]
}

fn edit_form<'a>(edit: &'a Edit, theme: &Theme) -> Paragraph<'a> {
    let mut spans: Vec<Span> = match edit {
        Edit::Reps(e) => {
            let mut s = field("reps", e.reps.clone(), e.focus == Field::Reps, theme).to_vec();
            s.extend(field(
                "  load",
                e.load.clone(),
                e.focus == Field::Load,
                theme,
            ));
            s.push(Span::raw(format!(" {}", e.unit.as_str())));
            s
        }
        Edit::Hold(f) => {
            let mut s = field("held", f.secs.clone(), !f.on_load, theme).to_vec();
            s.push(Span::raw(" s"));
            let load = if f.load.is_empty() { "BW" } else { &f.load };
            s.extend(field("  load", load.to_string(), f.on_load, theme));
            s.push(Span::raw(format!(" {}", f.unit.as_str())));
            s
        }
    };
    if let Some(error) = edit.error() {
        spans.push(Span::styled(format!("  ⚠ {error}"), theme.error()));
    }
    let title = match edit {
        Edit::Reps(_) => " Correct the set (the old numbers are kept) ",
        Edit::Hold(_) => " Correct the hold (the old numbers are kept) ",
    };
    Paragraph::new(Line::from(spans)).block(Block::bordered().title(title))
}

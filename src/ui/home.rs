//! The home screen: this week against the target, and what to do next.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::home::{Home, HomeItem};
use crate::app::keymap::Action;
use crate::app::state::State;
use crate::domain::{Kind, Routine, Sides};

use super::text;
use super::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, home: &Home, theme: &Theme) {
    // Inside the border and after the "▶ " mark.
    let room = usize::from(area.width.saturating_sub(4));
    let items: Vec<ListItem> = state
        .home_items()
        .iter()
        .map(|item| {
            let text = label(state, home, *item, area.width >= 60);
            // A long exercise name goes to its own row rather than be cut.
            match text.split_once(", at ") {
                Some((head, at)) if text::width(&text) > room => ListItem::new(vec![
                    Line::from(format!("{head},")),
                    Line::from(format!("at {at}")),
                ]),
                _ => ListItem::new(text),
            }
        })
        .collect();
    let menu_rows: usize = items.iter().map(ListItem::height).sum();
    let [title, week, menu, detail, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(
            u16::try_from(menu_rows)
                .unwrap_or(u16::MAX)
                .saturating_add(2),
        ),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Line::styled(" runstrong · strength for runners", theme.title()),
        title,
    );
    frame.render_widget(
        week_line(home.week_done, state.settings.weekly_target, theme),
        week,
    );
    let list = List::new(items)
        .block(Block::bordered().title(" Start "))
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(
        list,
        menu,
        &mut ListState::default().with_selected(Some(home.selected)),
    );
    if let Some(HomeItem::Start(i)) = state.home_items().get(home.selected)
        && let Some(routine) = state.routines.get(*i)
    {
        frame.render_widget(routine_preview(routine, detail.width >= 60, theme), detail);
    }
    let keys = state.settings.keys.hint(&[
        (&[Action::Up, Action::Down], "move"),
        (&[Action::Confirm], "choose"),
        (&[Action::Help], "help"),
        (&[Action::Quit], "quit"),
    ]);
    frame.render_widget(
        super::status_line(state, &keys, status.width, theme),
        status,
    );
}

fn week_line(done: u32, target: u32, theme: &Theme) -> Paragraph<'static> {
    let marks: String = (0..target.max(done))
        .map(|i| if i < done { "● " } else { "○ " })
        .collect();
    let verdict = if done >= target {
        Span::styled("  target met ✓", theme.good())
    } else {
        Span::raw("")
    };
    let line = Line::from(vec![
        Span::styled(marks, theme.accent()),
        Span::raw(format!("{done} of {target} sessions")),
        verdict,
    ]);
    Paragraph::new(line).block(Block::bordered().title(" This week "))
}

/// A menu line; narrow terminals get the short form, so what matters fits.
fn label(state: &State, home: &Home, item: HomeItem, wide: bool) -> String {
    match (item, &home.unfinished) {
        (HomeItem::Resume, Some(u)) if !wide => {
            let at = u.at_exercise.as_deref().unwrap_or("start");
            format!("Resume: {}, at {at}", super::count(u.sets, "set"))
        }
        (HomeItem::EndUnfinished, _) if !wide => "End it (keeps its sets)".into(),
        (HomeItem::Resume, Some(u)) => {
            let when = state.calendar.local(u.started_at).format("%a %-d %b %H:%M");
            let at = u
                .at_exercise
                .as_deref()
                .map(|e| format!(", at {e}"))
                .unwrap_or_default();
            format!(
                "Resume {} ({when}, {}{at})",
                u.routine,
                super::count(u.sets, "set")
            )
        }
        (HomeItem::EndUnfinished, _) => "End the unfinished session (keeps its sets)".into(),
        (HomeItem::Start(i), _) => {
            let name = state.routines.get(i).map_or("", |r| r.name.as_str());
            format!("Start {name}")
        }
        (HomeItem::History, _) => "History and progress".into(),
        (HomeItem::Quit, _) => "Quit".into(),
        (HomeItem::Resume, None) => String::new(),
    }
}

fn routine_preview<'a>(routine: &'a Routine, wide: bool, theme: &Theme) -> Paragraph<'a> {
    let mut lines = vec![];
    if wide {
        lines.push(Line::styled(routine.description.as_str(), theme.dim()));
    }
    lines.extend(routine.exercises.iter().map(|e| {
        let target = match e.kind {
            Kind::Reps => {
                let tempo = e.tempo.map(|t| format!(" @{t}")).unwrap_or_default();
                format!("{}×{}{tempo}", e.sets, e.reps.unwrap_or(0))
            }
            Kind::Hold => format!(
                "{}×{} s{}",
                e.sets,
                e.hold_secs.unwrap_or(0),
                if e.weighted { " weighted" } else { "" }
            ),
            Kind::Cardio => format!("{}× cardio", e.sets),
        };
        let sides = match (e.sides, wide) {
            (Sides::Each, true) => " each side",
            (Sides::Each, false) => "/side",
            (Sides::Both, _) => "",
        };
        let name = if wide {
            format!(" {}", text::pad(&e.name, 22))
        } else {
            format!("{} ", e.name)
        };
        Line::from(vec![
            Span::raw(name),
            Span::styled(format!("{target}{sides}"), theme.accent()),
        ])
    }));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(format!(" {} ", routine.name)))
}

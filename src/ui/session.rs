//! The session screen: the exercise, its sets, the form and the timer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::history::Edit;
use crate::app::keymap::{Action, Keymap};
use crate::app::session::{Fixing, SessionView, Step};
use crate::app::state::State;
use crate::domain::calendar::Calendar;
use crate::domain::entry::{Field, SetEntry};
use crate::domain::session::PlannedExercise;
use crate::domain::set::Work;
use crate::domain::{Kind, Side, Sides};

use super::hold_form;
use super::text;
use super::theme::Theme;
use super::timer;

/// The status line's keys, as bound now: for the set, choosing a logged
/// set, or correcting one.
fn keys(view: &SessionView, keys: &Keymap) -> String {
    use Action::*;
    match view.fixing {
        None => keys.hint(&[
            (&[Confirm], "log"),
            (&[Toggle], "timer"),
            (&[Left, Right], "exercise"),
            (&[AddSet, RemoveSet], "set"),
            (&[Correct], "fix"),
            (&[Finish], "finish"),
            (&[Help], "help"),
        ]),
        // Most needed first: a phone's 40 columns cut the end.
        Some(Fixing::Pick(_)) => keys.hint(&[
            (&[Confirm], "fix"),
            (&[RemoveSet], "delete"),
            (&[Undo], "undo"),
            (&[Back], "back"),
            (&[Up, Down], "set"),
        ]),
        Some(Fixing::Edit { .. }) => keys.hint(&[
            (&[Confirm], "save"),
            (&[Back], "back"),
            (&[ToggleUnit], "kg/lb"),
            (&[NextField], "field"),
        ]),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &SessionView, theme: &Theme) {
    let Some(ex) = view.session.current() else {
        return;
    };
    let compact = area.width < 70 || area.height < 22;
    let sets =
        Paragraph::new(set_lines(view, ex, &state.settings.keys, theme)).wrap(Wrap { trim: false });
    // Rows as wrapped: a long line must not push the form out of sight.
    let rows = u16::try_from(sets.line_count(area.width)).unwrap_or(u16::MAX);
    let sets_height = rows.saturating_add(if compact { 0 } else { 2 });
    let about_block = about_block(ex, compact, &state.calendar, theme);
    // On a phone the name and last time wrap rather than lose their end.
    let about_height = if compact {
        u16::try_from(about_block.line_count(area.width))
            .unwrap_or(u16::MAX)
            .min(5)
    } else {
        6
    };
    let status_line =
        super::status_line(state, &keys(view, &state.settings.keys), area.width, theme);
    let status_height = u16::try_from(status_line.line_count(area.width))
        .unwrap_or(1)
        .clamp(1, 2);
    let [header, about, middle, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(about_height),
        Constraint::Fill(1),
        Constraint::Length(status_height),
    ])
    .areas(area);
    frame.render_widget(header_line(state, view, compact, theme), header);
    frame.render_widget(about_block, about);
    let (sets_area, timer_area) = if compact {
        let max = middle.height.saturating_sub(7).max(3);
        let [a, b] = Layout::vertical([
            Constraint::Length(sets_height.min(max)),
            Constraint::Fill(1),
        ])
        .areas(middle);
        (a, b)
    } else {
        let [a, b] =
            Layout::horizontal([Constraint::Length(36), Constraint::Fill(1)]).areas(middle);
        (a, b)
    };
    frame.render_widget(
        if compact {
            sets
        } else {
            sets.block(Block::bordered().title(" Sets "))
        },
        sets_area,
    );
    timer::draw(frame, timer_area, state, view, theme);
    frame.render_widget(status_line, status);
}

fn header_line(state: &State, view: &SessionView, compact: bool, theme: &Theme) -> Line<'static> {
    let s = &view.session;
    let minutes = (state.now.wall - s.started_at).num_minutes().max(0);
    let routine = if compact {
        String::new()
    } else {
        format!("{} · ", s.routine)
    };
    Line::from(vec![
        Span::styled(
            format!(" {}/{} ", s.position + 1, s.plan.len()),
            theme.accent(),
        ),
        Span::styled(routine, theme.title()),
        Span::styled(
            format!(
                "{minutes} min · {} logged",
                super::count(s.logged.len() as u64, "set")
            ),
            theme.dim(),
        ),
    ])
}

fn about_block<'a>(
    ex: &'a PlannedExercise,
    compact: bool,
    calendar: &Calendar,
    theme: &Theme,
) -> Paragraph<'a> {
    let sides = if ex.sides == Sides::Each {
        " · each side"
    } else {
        ""
    };
    let target = match ex.kind {
        Kind::Reps => format!("{} × {} reps", ex.sets, ex.target_reps.unwrap_or(0)),
        Kind::Hold => format!(
            "{} × {} s {}",
            ex.sets,
            ex.target_hold.map_or(0, |d| d.as_secs()),
            if ex.weighted { "weighted hold" } else { "hold" }
        ),
        Kind::Cardio => format!("{} × cardio", ex.sets),
    };
    let plan = Line::from(vec![
        Span::styled(target, theme.accent()),
        Span::raw(format!("{sides} · rest {} s", ex.rest.as_secs())),
    ]);
    let last = Line::styled(last_time(ex, calendar), theme.dim());
    if compact {
        let name = Line::styled(ex.name.as_str(), theme.title());
        return Paragraph::new(vec![name, plan, last]).wrap(Wrap { trim: true });
    }
    let cue = Line::from(ex.cue.as_str());
    Paragraph::new(vec![cue, plan, last])
        .wrap(Wrap { trim: true })
        .block(Block::bordered().title(Span::styled(format!(" {} ", ex.name), theme.title())))
}

fn last_time(ex: &PlannedExercise, calendar: &Calendar) -> String {
    let Some(last) = &ex.last else {
        return "First time: start light.".into();
    };
    let sets: Vec<String> = last
        .sets
        .iter()
        .map(|(_, side, work)| format!("{}{}", side.map_or("", Side::letter), short(work)))
        .collect();
    format!(
        "Last time {}: {}",
        calendar.local(last.at).format("%-d %b"),
        sets.join(" ")
    )
}

fn short(work: &Work) -> String {
    match work {
        Work::Reps {
            reps,
            load: Some(l),
        } => format!("{reps}×{l}").replace(' ', ""),
        Work::Reps { reps, load: None } => format!("{reps}×BW"),
        Work::Hold { held, load: None } => format!("{:.1}s", held.as_secs_f64()),
        // Whole seconds beside a load, so both sides fit a row of the
        // 34-column list; the notice and history keep the tenths.
        Work::Hold {
            held,
            load: Some(l),
        } => format!("{}s@{l}", (held.as_millis() + 500) / 1000).replace(' ', ""),
        Work::Cardio { time } => format!("{}s", time.as_secs()),
    }
}

/// One line per planned set, then the form of the set under way.
fn set_lines<'a>(
    view: &'a SessionView,
    ex: &'a PlannedExercise,
    keys: &Keymap,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let position = view.session.position;
    let current = view.slot();
    let fixing = match &view.fixing {
        Some(Fixing::Pick(id) | Fixing::Edit { id, .. }) => Some(*id),
        None => None,
    };
    let mut lines: Vec<Line> = (1..=ex.sets)
        .map(|n| {
            let mut spans = vec![Span::raw(format!(" {n:>2} "))];
            for &side in ex.sides_list() {
                let done = view
                    .session
                    .logged_at(position)
                    .find(|l| l.set.set_number == n && l.set.side == side);
                let is_current = current.is_some_and(|c| c.set_number == n && c.side == side);
                let tag = side.map_or(String::new(), |s| format!("{} ", s.letter()));
                let (mark, text, style) = match (done, is_current) {
                    (Some(l), _) if fixing == Some(l.id) => {
                        ("▸", short(&l.set.work), theme.selected())
                    }
                    (Some(l), _) => ("✓", short(&l.set.work), theme.good()),
                    (None, true) => ("▶", "now".to_string(), theme.accent()),
                    (None, false) => ("·", String::new(), theme.dim()),
                };
                // A long set ("12×102.5kg") keeps a space before the next side.
                let width = text::width(&text).max(9) + 1;
                spans.push(Span::styled(
                    format!("{mark} {tag}{}", text::pad(&text, width)),
                    style,
                ));
            }
            Line::from(spans)
        })
        .collect();
    if let Some(Fixing::Edit { id, .. }) = &view.fixing
        && let Some(l) = view.session.logged.iter().find(|l| l.id == *id)
    {
        let side = l
            .set
            .side
            .map_or(String::new(), |s| format!(" {}", s.letter()));
        let title = format!(" Correcting set {}{side}:", l.set.set_number);
        lines.push(Line::styled(title, theme.accent()));
    }
    if view.fixing.is_none()
        && let Some(next) = view.what_next(keys)
    {
        lines.push(Line::styled(format!(" {next}"), theme.accent()));
    }
    match &view.fixing {
        Some(Fixing::Edit {
            form: Edit::Reps(entry),
            ..
        }) => lines.extend(form_lines(entry, theme)),
        Some(Fixing::Edit { form, .. }) => {
            lines.extend(hold_form::correction_lines(form, theme));
        }
        Some(Fixing::Pick(_)) => {}
        None if view.step == Step::Ready && ex.kind == Kind::Reps && current.is_some() => {
            lines.extend(form_lines(&view.entry, theme));
        }
        None if view.step == Step::Ready
            && current.is_some()
            && view.session.weighted_hold(position) =>
        {
            lines.extend(hold_form::load_lines(&view.entry, theme));
        }
        // While it runs, the load it will be logged with.
        None if view.timing_hold() && view.session.weighted_hold(position) => {
            lines.push(hold_form::held_with(&view.entry));
        }
        None => {}
    }
    lines
}

fn form_lines<'a>(e: &'a SetEntry, theme: &Theme) -> Vec<Line<'a>> {
    let field = |f: Field, typed: &str, width: usize| {
        let focused = e.focus == f;
        let shown = if focused && e.editing {
            format!("{typed}▏")
        } else {
            typed.to_string()
        };
        let tail = text::tail(&shown, width);
        let style = if focused {
            theme.selected()
        } else {
            Style::new()
        };
        Span::styled(format!("[{}]", text::center(tail, width)), style)
    };
    let mut lines = vec![
        Line::from(vec![
            Span::raw(" reps "),
            field(Field::Reps, &e.reps, 6),
            Span::raw(" load "),
            field(
                Field::Load,
                if e.load.is_empty() { "BW" } else { &e.load },
                6,
            ),
            Span::raw(format!(" {}", e.unit.as_str())),
        ]),
        Line::from(vec![
            Span::raw(" rpe  "),
            field(Field::Rpe, &e.rpe, 6),
            Span::raw(" note "),
            field(Field::Note, &e.note, 12),
        ]),
    ];
    if let Some((f, message)) = &e.error {
        lines.push(Line::styled(
            format!(" ⚠ {}: {message}", f.name()),
            theme.error(),
        ));
    }
    lines
}

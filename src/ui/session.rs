//! The session screen: the exercise, its sets, the form and the timer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::{Action, Keymap};
use crate::app::session::{Fixing, SessionView};
use crate::app::state::State;
use crate::domain::calendar::Calendar;
use crate::domain::session::PlannedExercise;
use crate::domain::{Kind, Side, Sides};

use super::theme::Theme;
use super::{sets, timer};

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
    let ctx = sets::Ctx {
        keys: &state.settings.keys,
        plates: &state.settings.progression.plates,
        compact,
        theme,
    };
    let sets = Paragraph::new(sets::set_lines(view, ex, &ctx)).wrap(Wrap { trim: false });
    // Rows as wrapped: a long line must not push the form out of sight.
    let rows = u16::try_from(sets.line_count(area.width)).unwrap_or(u16::MAX);
    let sets_height = rows.saturating_add(if compact { 0 } else { 2 });
    // Why today's numbers: under the plan where there is room, else above
    // the form (`sets`).
    let advice = sets::advice_line(view, ex, false, theme).filter(|_| !compact);
    let side = view.slot().and_then(|s| s.side);
    let about_block = about_block((ex, side), compact, advice, &state.calendar, theme);
    // On a phone the name and last time wrap rather than lose their end.
    let about_height = if compact {
        u16::try_from(about_block.line_count(area.width))
            .unwrap_or(u16::MAX)
            .min(5)
    } else {
        u16::try_from(about_block.line_count(area.width))
            .unwrap_or(u16::MAX)
            .clamp(6, 9)
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
        // When the sets need the room (warm-ups, a reason, the plates), the
        // timer keeps three rows: its label, time and hint on one line.
        let max = middle.height.saturating_sub(3).max(3);
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

/// The exercise: its name, cue, plan (the rule's targets for `side` when
/// it advised), last time and, when given, why today's numbers.
fn about_block<'a>(
    (ex, side): (&'a PlannedExercise, Option<Side>),
    compact: bool,
    advice: Option<Line<'a>>,
    calendar: &Calendar,
    theme: &Theme,
) -> Paragraph<'a> {
    // A side that trails does a set more: the count says so per side.
    let (sets, sides) = match (ex.sides, ex.extra_side()) {
        (Sides::Each, Some(extra)) => (
            format!(
                "{} {}, {} {}",
                extra.letter(),
                ex.rows(),
                extra.other().letter(),
                ex.sets
            ),
            "",
        ),
        (Sides::Each, None) => (ex.sets.to_string(), " · each side"),
        _ => (ex.sets.to_string(), ""),
    };
    let target = match ex.kind {
        Kind::Reps => format!(
            "{sets} × {} reps",
            ex.advice
                .as_deref()
                .and_then(|a| a.reps(side))
                .or(ex.target_reps)
                .unwrap_or(0)
        ),
        Kind::Hold => format!(
            "{sets} × {} s {}",
            ex.target_hold_for(side).map_or(0, |d| d.as_secs()),
            if ex.weighted { "weighted hold" } else { "hold" }
        ),
        Kind::Cardio => format!("{sets} × cardio"),
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
    Paragraph::new(
        [cue, plan, last]
            .into_iter()
            .chain(advice)
            .collect::<Vec<_>>(),
    )
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
        .map(|(_, side, work)| format!("{}{}", side.map_or("", Side::letter), sets::short(work)))
        .collect();
    format!(
        "Last time {}: {}",
        calendar.local(last.at).format("%-d %b"),
        sets.join(" ")
    )
}

//! The sets of the exercise on the session screen: warm-ups, then the
//! working sets by side (the weaker first when the rule says one trails),
//! why today's numbers are what they are, the form of the set under way,
//! and the plates for the load typed in it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::history::Edit;
use crate::app::keymap::Keymap;
use crate::app::session::{Fixing, SessionView, Step};
use crate::domain::entry::{Field, SetEntry};
use crate::domain::plates::{PlateLine, PlateSets};
use crate::domain::session::{PlannedExercise, Slot};
use crate::domain::set::{SetType, Work};
use crate::domain::{Kind, Load};

use super::theme::Theme;
use super::{hold_form, text};

/// A set in few characters: "15×20kg", "12×BW", "40.5s".
pub(super) fn short(work: &Work) -> String {
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

/// What the sets list is drawn with besides the view.
pub(super) struct Ctx<'a> {
    pub keys: &'a Keymap,
    pub plates: &'a PlateSets,
    /// A phone: the warm-ups share one row.
    pub compact: bool,
    pub theme: &'a Theme,
}

/// One set's cell: its mark, side and what was done (or is planned).
fn cell(view: &SessionView, slot: Slot, planned: String, ctx: &Ctx) -> Span<'static> {
    let position = view.session.position;
    let fixing = match &view.fixing {
        Some(Fixing::Pick(id) | Fixing::Edit { id, .. }) => Some(*id),
        None => None,
    };
    let done = view.session.logged_in(position, slot);
    let is_current = view.slot() == Some(slot);
    let tag = slot
        .side
        .map_or(String::new(), |s| format!("{} ", s.letter()));
    let theme = ctx.theme;
    let (mark, text, style) = match (done, is_current) {
        (Some(l), _) if fixing == Some(l.id) => ("▸", short(&l.set.work), theme.selected()),
        (Some(l), _) => ("✓", short(&l.set.work), theme.good()),
        (None, true) => ("▶", "now".to_string(), theme.accent()),
        (None, false) => ("·", planned, theme.dim()),
    };
    // On a phone's one warm-up row the cells run on, a space apart.
    let shown = if ctx.compact && slot.set_type == SetType::Warmup {
        format!("{mark} {tag}{text} ")
    } else {
        format!("{mark} {tag}{text:<10}")
    };
    Span::styled(shown, style)
}

/// The warm-up rows: one per warm-up, or all in one row on a phone.
fn warmup_lines(view: &SessionView, ex: &PlannedExercise, ctx: &Ctx) -> Vec<Line<'static>> {
    let Some(advice) = ex.advice.as_deref().filter(|a| !a.warmup.is_empty()) else {
        return vec![];
    };
    let order = ex.side_order();
    let cells = |n: u32| {
        let planned =
            advice
                .warmup
                .get((n as usize).saturating_sub(1))
                .map_or(String::new(), |w| {
                    short(&Work::Reps {
                        reps: w.reps,
                        load: Some(w.load),
                    })
                });
        order
            .iter()
            .map(|&side| {
                let slot = Slot {
                    set_number: n,
                    side,
                    set_type: SetType::Warmup,
                };
                cell(view, slot, planned.clone(), ctx)
            })
            .collect::<Vec<_>>()
    };
    if ctx.compact {
        let mut spans = vec![Span::raw(" W  ")];
        spans.extend((1..=ex.warmups()).flat_map(cells));
        return vec![Line::from(spans)];
    }
    (1..=ex.warmups())
        .map(|n| {
            let mut spans = vec![Span::raw(format!(" W{n:<2}"))];
            spans.extend(cells(n));
            Line::from(spans)
        })
        .collect()
}

/// Why the set under way is what it is: a warm-up and what follows it, or
/// the rule's reason for the side's working sets.
pub(super) fn advice_line(
    view: &SessionView,
    ex: &PlannedExercise,
    compact: bool,
    theme: &Theme,
) -> Option<Line<'static>> {
    let advice = ex.advice.as_deref()?;
    let slot = view.slot()?;
    let text = if slot.set_type == SetType::Warmup {
        let then = advice
            .suggestions
            .first()
            .map_or(String::new(), |s| format!(", then {}", s.work()));
        let (n, of) = (slot.set_number, advice.warmup.len());
        if compact {
            format!(" Warm-up {n}/{of}{then}")
        } else {
            format!(" Warm-up {n} of {of} (not counted){then}")
        }
    } else {
        format!(" ↗ {}", advice.for_side(slot.side)?.reason)
    };
    Some(Line::styled(text, theme.accent()))
}

/// The plates per side for the load in `entry`, for an exercise on a bar;
/// a load the plates cannot make is flagged with the nearest two that can.
fn plate_line(ex: &PlannedExercise, entry: &SetEntry, ctx: &Ctx) -> Option<Line<'static>> {
    if !ex.advice.as_deref().is_some_and(|a| a.bar) || ex.kind != Kind::Reps {
        return None;
    }
    let load = Load::parse(&entry.load, entry.unit).ok().flatten()?;
    Some(match ctx.plates.of(load.unit).line(load) {
        line @ PlateLine::Made { .. } => Line::raw(format!(" {line}")),
        line => Line::styled(format!(" ⚠ {line}"), ctx.theme.error()),
    })
}

/// One line per planned set, then the form of the set under way.
pub(super) fn set_lines<'a>(
    view: &'a SessionView,
    ex: &'a PlannedExercise,
    ctx: &Ctx,
) -> Vec<Line<'a>> {
    let theme = ctx.theme;
    let position = view.session.position;
    let current = view.slot();
    let order = ex.side_order();
    let mut lines = warmup_lines(view, ex, ctx);
    lines.extend((1..=ex.rows()).map(|n| {
        let mut spans = vec![Span::raw(format!(" {n:>2} "))];
        for &side in &order {
            let slot = Slot {
                set_number: n,
                side,
                set_type: SetType::Normal,
            };
            spans.push(if ex.does(n, side) {
                cell(view, slot, String::new(), ctx)
            } else {
                // The width of a one-sided cell: only those have an extra set.
                Span::raw(" ".repeat(14))
            });
        }
        Line::from(spans)
    }));
    if let Some(Fixing::Edit { id, .. }) = &view.fixing
        && let Some(l) = view.session.logged.iter().find(|l| l.id == *id)
    {
        let side = l
            .set
            .side
            .map_or(String::new(), |s| format!(" {}", s.letter()));
        let what = match l.set.set_type {
            SetType::Warmup => "warm-up",
            _ => "set",
        };
        let title = format!(" Correcting {what} {}{side}:", l.set.set_number);
        lines.push(Line::styled(title, theme.accent()));
    }
    if view.fixing.is_none()
        && let Some(next) = view.what_next(ctx.keys)
    {
        lines.push(Line::styled(format!(" {next}"), theme.accent()));
    }
    match &view.fixing {
        Some(Fixing::Edit {
            form: Edit::Reps(entry),
            ..
        }) => {
            lines.extend(form_lines(entry, theme));
            lines.extend(plate_line(ex, entry, ctx));
        }
        Some(Fixing::Edit { form, .. }) => {
            lines.extend(hold_form::correction_lines(form, theme));
        }
        Some(Fixing::Pick(_)) => {}
        None if view.reps_form_open() => {
            lines.extend(form_lines(&view.entry, theme));
            lines.extend(plate_line(ex, &view.entry, ctx));
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
    // On a phone the reason comes last: a long one that meets a running
    // timer loses its end, never the form.
    if ctx.compact && view.fixing.is_none() {
        lines.extend(advice_line(view, ex, ctx.compact, theme));
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

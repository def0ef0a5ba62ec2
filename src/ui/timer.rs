//! The timer panel: whichever clock matters now, in large digits.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::keymap::{Action, Keymap};
use crate::app::session::{SessionView, Step};
use crate::app::state::State;
use crate::domain::tempo::Phase;
use crate::domain::time::clock;
use crate::domain::timer::{HoldReading, hold_reading, secs_left};
use crate::domain::{Kind, Side};

use super::big;
use super::theme::Theme;

/// What the panel shows: a label, the digits, a hint, and whether the
/// digits are live (bright) or idle (dim).
#[derive(Debug, PartialEq, Eq)]
pub struct Face {
    pub label: String,
    pub digits: String,
    pub hint: String,
    pub live: bool,
}

fn side_name(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Left) => " · LEFT",
        Some(Side::Right) => " · RIGHT",
        None => "",
    }
}

fn countdown_secs(remaining: Duration) -> String {
    clock(Duration::from_secs(secs_left(remaining)))
}

/// The panel for `view` at `now`, its hints in the keys bound in `keys`.
pub fn face(view: &SessionView, now: Instant, keys: &Keymap) -> Face {
    let live = |label: String, digits: String, hint: &str| Face {
        label,
        digits,
        hint: hint.to_string(),
        live: true,
    };
    let target_hold = view
        .session
        .current()
        .and_then(|e| e.target_hold)
        .unwrap_or_default();
    match &view.step {
        Step::GetReady { side, countdown } => live(
            format!("GET READY{}", side_name(*side)),
            secs_left(countdown.remaining(now)).to_string(),
            "Space start now · Esc cancel",
        ),
        Step::Switch { countdown } => live(
            format!(
                "SWITCH SIDES{}",
                side_name(view.slot().and_then(|s| s.side))
            ),
            secs_left(countdown.remaining(now)).to_string(),
            "Space start now · Esc cancel",
        ),
        Step::Holding {
            side,
            watch,
            target,
            ..
        } => match hold_reading(*watch, *target, now) {
            HoldReading::ToGo(left) => live(
                format!("HOLD{} · target {}", side_name(*side), clock(*target)),
                countdown_secs(left),
                "Space stop · Esc cancel",
            ),
            HoldReading::Over(over) => live(
                format!("TARGET REACHED{} · keep holding", side_name(*side)),
                format!("+{}", clock(over)),
                "Space stop",
            ),
        },
        Step::Unsaved(_) => live("NOT SAVED".into(), "!".into(), "Enter tries again"),
        Step::Done => Face {
            label: "ALL SETS LOGGED".into(),
            digits: "DONE".into(),
            hint: keys.hint(&[
                (&[Action::Finish], "finish"),
                (&[Action::AddSet], "add a set"),
            ]),
            live: false,
        },
        Step::Ready => match (view.rest, view.stopwatch) {
            (Some(rest), _) => live(
                "REST".into(),
                countdown_secs(rest.remaining(now)),
                &keys.hint(&[
                    (&[Action::RestLonger, Action::RestShorter], "15 s"),
                    (&[Action::Toggle], "skip"),
                ]),
            ),
            (None, Some(watch)) => match view.tempo() {
                Some(tempo) => {
                    let r = tempo.read(watch.started, now);
                    // During the top pause the rep just lifted is still "this" rep.
                    let rep = if r.phase == Phase::Top {
                        r.reps
                    } else {
                        r.reps + 1
                    };
                    let label = format!("{} · rep {rep} · tempo {tempo}", r.phase.name());
                    live(label, secs_left(r.left).to_string(), "Space / Enter stop")
                }
                None => live(
                    "SET".into(),
                    clock(watch.elapsed(now)),
                    "Space stop · Enter log",
                ),
            },
            (None, None) if view.slot().is_none() => Face {
                label: "SETS LEFT HERE".into(),
                digits: "0".into(),
                hint: keys.hint(&[
                    (&[Action::Left, Action::Right], "exercise"),
                    (&[Action::AddSet], "add a set"),
                ]),
                live: false,
            },
            (None, None) if view.kind() == Some(Kind::Hold) => Face {
                label: format!(
                    "HOLD {}{}",
                    clock(target_hold),
                    side_name(view.slot().and_then(|s| s.side))
                ),
                digits: clock(target_hold),
                hint: "Space get ready".into(),
                live: false,
            },
            (None, None) => idle_set(view),
        },
    }
}

/// A reps set not yet timed: its tempo or stopwatch waits for Space.
fn idle_set(view: &SessionView) -> Face {
    let tempo = view.tempo();
    match (view.timed, tempo) {
        (Some(took), _) => Face {
            label: "SET TOOK".into(),
            digits: clock(took),
            hint: "Enter log · Space again".into(),
            live: false,
        },
        (None, Some(tempo)) => Face {
            label: format!("TEMPO {tempo}"),
            digits: tempo.to_string(),
            hint: "Space starts the tempo".into(),
            live: false,
        },
        (None, None) => Face {
            label: "SET".into(),
            digits: "0:00".into(),
            hint: "Space starts the stopwatch".into(),
            live: false,
        },
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &SessionView, theme: &Theme) {
    let face = face(view, state.now.at, &state.settings.keys);
    let flashing = state.flash_until.is_some_and(|t| t > state.now.at);
    let style = match (flashing, face.live) {
        (true, _) => theme.flash(),
        (false, true) => theme.accent(),
        (false, false) => theme.dim(),
    };
    let block = Block::bordered()
        .title(" Timer ")
        .border_style(if flashing {
            theme.flash()
        } else {
            Style::new()
        });
    let inner = block.inner(area);
    frame.render_widget(
        block.style(if flashing {
            theme.flash()
        } else {
            Style::new()
        }),
        area,
    );
    let digits_h = big::height(
        &face.digits,
        Rect {
            height: inner.height.saturating_sub(2),
            ..inner
        },
    );
    let [label, digits, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(digits_h),
        Constraint::Length(1),
    ])
    .flex(ratatui::layout::Flex::Center)
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(face.label, theme.title())).alignment(Alignment::Center),
        label,
    );
    big::render(frame, digits, &face.digits, style);
    frame.render_widget(
        Paragraph::new(Line::styled(face.hint, theme.dim())).alignment(Alignment::Center),
        hint,
    );
}

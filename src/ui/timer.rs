//! The timer panel: whichever clock matters now, in large digits.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::{Action, Keymap};
use crate::app::session::{SessionView, Step};
use crate::app::state::State;
use crate::domain::tempo::Phase;
use crate::domain::time::clock;
use crate::domain::timer::{HoldReading, hold_reading, secs_left};
use crate::domain::{Kind, Side};

use super::big;
use super::theme::Theme;

/// How the digits look: idle (dim), live (bright), or past the target or
/// the rest's end (a colour that stays, reverse video without colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Idle,
    Live,
    Over,
}

/// What the panel shows: a label, the digits (wordings of the same reading,
/// the most telling first), a hint, and their tone.
#[derive(Debug, PartialEq, Eq)]
pub struct Face {
    pub label: String,
    pub digits: Vec<String>,
    pub hint: String,
    pub tone: Tone,
}

fn side_name(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Left) => " · LEFT",
        Some(Side::Right) => " · RIGHT",
        None => "",
    }
}

/// The side in the big display: the word where it fits, else its letter.
fn sided(side: Option<Side>, time: &str) -> Vec<String> {
    match side {
        Some(Side::Left) => vec![format!("LEFT {time}"), format!("L {time}")],
        Some(Side::Right) => vec![format!("RIGHT {time}"), format!("R {time}")],
        None => vec![time.to_string()],
    }
}

fn countdown_secs(remaining: Duration) -> String {
    clock(Duration::from_secs(secs_left(remaining)))
}

/// The panel for `view` at `now`, its hints in the keys bound in `keys`.
pub fn face(view: &SessionView, now: Instant, keys: &Keymap) -> Face {
    let live = |label: String, digits: String, hint: &str| Face {
        label,
        digits: vec![digits],
        hint: hint.to_string(),
        tone: Tone::Live,
    };
    let target_hold = view
        .session
        .current()
        .and_then(|e| e.target_hold_for(view.slot().and_then(|s| s.side)))
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
            HoldReading::ToGo(left) => Face {
                label: format!("HOLD{} · target {}", side_name(*side), clock(*target)),
                digits: sided(*side, &countdown_secs(left)),
                hint: "Space stop · Esc cancel".into(),
                tone: Tone::Live,
            },
            // Counting up from the target in the same size; the sign only
            // where it fits without shrinking the digits.
            HoldReading::Over(over) => {
                let mut digits = sided(*side, &format!("+{}", clock(over)));
                digits.extend(sided(*side, &clock(over)));
                Face {
                    label: format!("PAST TARGET{} · keep holding", side_name(*side)),
                    digits,
                    hint: "Space stop".into(),
                    tone: Tone::Over,
                }
            }
        },
        Step::Unsaved(_) => live("NOT SAVED".into(), "!".into(), "Enter tries again"),
        Step::Done => Face {
            label: "ALL SETS LOGGED".into(),
            digits: vec!["DONE".into()],
            hint: keys.hint(&[
                (&[Action::Finish], "finish"),
                (&[Action::AddSet], "add a set"),
            ]),
            tone: Tone::Idle,
        },
        Step::Ready => match (view.rest, view.stopwatch) {
            // Stays until they act, counting the time rested past the end.
            (Some(rest), _) if view.rest_over => {
                let over = format!("+{}", clock(rest.overtime(now)));
                Face {
                    label: "REST OVER · GO".into(),
                    digits: vec![format!("GO {over}"), over],
                    hint: keys.hint(&[(&[Action::Toggle], "clear")]),
                    tone: Tone::Over,
                }
            }
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
                digits: vec!["0".into()],
                hint: keys.hint(&[
                    (&[Action::Left, Action::Right], "exercise"),
                    (&[Action::AddSet], "add a set"),
                ]),
                tone: Tone::Idle,
            },
            (None, None) if view.kind() == Some(Kind::Hold) => Face {
                label: format!(
                    "HOLD {}{}",
                    clock(target_hold),
                    side_name(view.slot().and_then(|s| s.side))
                ),
                digits: sided(view.slot().and_then(|s| s.side), &clock(target_hold)),
                hint: "Space get ready".into(),
                tone: Tone::Idle,
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
            digits: vec![clock(took)],
            hint: "Enter log · Space again".into(),
            tone: Tone::Idle,
        },
        (None, Some(tempo)) => Face {
            label: format!("TEMPO {tempo}"),
            digits: vec![tempo.to_string()],
            hint: "Space starts the tempo".into(),
            tone: Tone::Idle,
        },
        (None, None) => Face {
            label: "SET".into(),
            digits: vec!["0:00".into()],
            hint: "Space starts the stopwatch".into(),
            tone: Tone::Idle,
        },
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &SessionView, theme: &Theme) {
    let face = face(view, state.now.at, &state.settings.keys);
    let flashing = state.flash_until.is_some_and(|t| t > state.now.at);
    let style = match (flashing, face.tone) {
        (true, _) => theme.flash(),
        (false, Tone::Live) => theme.accent(),
        (false, Tone::Over) => theme.over(),
        (false, Tone::Idle) => theme.dim(),
    };
    let block = Block::bordered()
        .title(" Timer ")
        .border_style(match (flashing, face.tone) {
            (true, _) => theme.flash(),
            (false, Tone::Over) => theme.over_border(),
            (false, _) => Style::new(),
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
    if inner.height < 3 {
        frame.render_widget(one_line(face, style, inner.width, theme), inner);
        return;
    }
    let room = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    // A phone has no room above for the cue: it takes the idle digits'
    // place, where it is read just before the set.
    let cue = view
        .session
        .current()
        .map(|e| Paragraph::new(e.cue.as_str()).wrap(Wrap { trim: true }))
        .filter(|p| {
            face.tone == Tone::Idle
                && view.step == Step::Ready
                && frame.area().width < 70
                && p.line_count(room.width) <= usize::from(room.height)
        });
    let text = big::best(&face.digits, room);
    let middle_h = match &cue {
        Some(cue) => u16::try_from(cue.line_count(room.width)).unwrap_or(room.height),
        None => big::height(text, room),
    };
    let [label, middle, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(middle_h),
        Constraint::Length(1),
    ])
    .flex(ratatui::layout::Flex::Center)
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(face.label, theme.title())).alignment(Alignment::Center),
        label,
    );
    match cue {
        Some(cue) => frame.render_widget(cue, middle),
        None => big::render(frame, middle, text, style),
    }
    frame.render_widget(
        Paragraph::new(Line::styled(face.hint, theme.dim())).alignment(Alignment::Center),
        hint,
    );
}

/// The face on one line, for a phone whose sets need the rows: the label and
/// the time always, the hint when it fits (the status line names the keys).
/// The digits' wordings say the same thing; the shortest, last, goes beside
/// the label, which already says the rest.
fn one_line(face: Face, style: Style, width: u16, theme: &Theme) -> Paragraph<'static> {
    let time = face.digits.last().cloned().unwrap_or_default();
    let mut line = Line::from(vec![
        Span::styled(face.label, theme.title()),
        Span::raw(" "),
        Span::styled(time, style),
    ]);
    let hint = format!(" · {}", face.hint);
    if line.width() + unicode_width::UnicodeWidthStr::width(hint.as_str()) <= usize::from(width) {
        line.push_span(Span::styled(hint, theme.dim()));
    }
    Paragraph::new(line).alignment(Alignment::Center)
}

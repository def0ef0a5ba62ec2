//! The progress page of one exercise, opened from the history: its span
//! and metric, stale answers ignored, and the balance of its sides.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use common::noon;
use ratatui::crossterm::event::KeyCode;
use runstrong::app::Msg;
use runstrong::app::history::{HistoryEffect, HistoryMsg, Metric, Page, Span};
use runstrong::domain::exercise::Exercise;
use runstrong::domain::set::Work;
use runstrong::domain::{Kind, Side, Sides};

use crate::common;
use crate::history_flow::{in_history, last_effect, page};

#[test]
fn progress_opens_from_the_week_list_and_changes_span_and_metric() {
    let mut flow = in_history();
    flow.press(KeyCode::Char('r'));
    assert_eq!(last_effect(&flow), Some(HistoryEffect::LoadExercises));
    let lunge = Exercise {
        id: 4,
        name: "Lunge".into(),
        kind: Kind::Reps,
        sides: Sides::Each,
    };
    flow.send(Msg::History(HistoryMsg::ExercisesLoaded(vec![lunge])));
    flow.press(KeyCode::Enter);
    let year_to_now = (noon() - chrono::Duration::days(365), noon());
    assert!(
        matches!(last_effect(&flow), Some(HistoryEffect::LoadProgress { exercise: 4, span: Span::Year, from, to, .. }) if (from, to) == year_to_now)
    );
    flow.press(KeyCode::Right);
    assert!(matches!(
        last_effect(&flow),
        Some(HistoryEffect::LoadProgress {
            exercise: 4,
            span: Span::Years5,
            ..
        })
    ));
    flow.send(Msg::History(HistoryMsg::ProgressLoaded {
        exercise: 4,
        span: Span::Year,
        from: noon(),
        to: noon(),
        points: vec![],
        records: vec![],
        latest: vec![],
        cardio: None,
    }));
    assert!(
        matches!(page(&flow), Page::Progress(p) if !p.loaded),
        "a stale answer is ignored"
    );
    flow.press(KeyCode::Tab);
    assert!(matches!(page(&flow), Page::Progress(p) if p.metric == Metric::Reps));
    // The answer brings each side's latest sets; the page weighs them.
    flow.send(Msg::History(HistoryMsg::ProgressLoaded {
        exercise: 4,
        span: Span::Years5,
        from: noon(),
        to: noon(),
        points: vec![],
        records: vec![],
        latest: vec![
            (
                Side::Left,
                Work::Reps {
                    reps: 10,
                    load: None,
                },
            ),
            (
                Side::Right,
                Work::Reps {
                    reps: 8,
                    load: None,
                },
            ),
        ],
        cardio: None,
    }));
    assert!(
        matches!(page(&flow), Page::Progress(p) if p.loaded && p.balance.is_some()),
        "{:?}",
        page(&flow)
    );
    flow.press(KeyCode::Esc);
    flow.press(KeyCode::Enter);
    assert!(
        matches!(
            last_effect(&flow),
            Some(HistoryEffect::LoadProgress {
                span: Span::Years5,
                ..
            })
        ),
        "the next exercise opens with the span chosen"
    );
    assert!(matches!(page(&flow), Page::Progress(p) if p.span == Span::Years5));
    flow.press(KeyCode::Esc);
    flow.press(KeyCode::Esc);
    assert!(matches!(page(&flow), Page::Weeks(_)));
}

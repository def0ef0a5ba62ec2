//! Records in a live session: a set checked against the bests before it,
//! the records announced and kept for the summary, and recalled after a
//! resume.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use common::{Flow, noon};
use ratatui::crossterm::event::KeyCode;
use runstrong::app::history::{HistoryEffect, HistoryMsg};
use runstrong::app::state::Screen;
use runstrong::app::{Effect, Msg};
use runstrong::domain::records::{Earlier, NewRecord, RecordKind};
use runstrong::domain::set::Work;
use runstrong::domain::summary::Summary;

use crate::common;
use crate::history_flow::last_effect;

/// The summary of a session of one bodyweight set of `reps`.
fn one_set_summary(reps: u32) -> Summary {
    Summary {
        sets: 1,
        reps,
        volume_kg: 0.0,
        held_left: Duration::ZERO,
        held_right: Duration::ZERO,
        held_both: Duration::ZERO,
        duration: Duration::from_secs(60),
        records: vec![],
    }
}

/// Most reps of the first exercise, bodyweight.
fn most_reps(reps: u32) -> NewRecord {
    NewRecord {
        set: 2,
        exercise: "Weighted dorsiflexion".into(),
        side: None,
        kind: RecordKind::MostReps,
        work: Work::Reps { reps, load: None },
    }
}

#[test]
fn a_live_set_is_checked_for_records_and_they_reach_the_summary() {
    let mut flow = Flow::in_session();
    flow.type_text("15");
    flow.press(KeyCode::Enter);
    let Some(HistoryEffect::LoadBests(logged)) = last_effect(&flow) else {
        panic!("{:?}", last_effect(&flow))
    };
    assert_eq!(
        logged.set.work,
        Work::Reps {
            reps: 15,
            load: None
        }
    );
    let earlier = Earlier {
        any: true,
        most_reps: Some(14),
        ..Earlier::default()
    };
    flow.send(Msg::History(HistoryMsg::BestsLoaded(logged, earlier)));
    let record = most_reps(15);
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::RememberRecords {
            set: record.set,
            kinds: vec![RecordKind::MostReps]
        }),
        "the record is kept in the file"
    );
    let notice = flow.state.notice.clone().unwrap().0;
    assert!(
        notice.starts_with("New record! Weighted dorsiflexion: most reps"),
        "{notice}"
    );
    flow.send(Msg::Finished(one_set_summary(15)));
    assert!(matches!(&flow.state.screen, Screen::Summary(s) if s.records == [record]));
    let screen = flow.render(80, 24);
    assert!(
        screen.contains("New records") && screen.contains("★ Weighted dorsiflexion: most reps"),
        "{screen}"
    );
}

#[test]
fn a_resumed_session_recalls_the_records_of_its_earlier_sets_for_the_summary() {
    let mut flow = Flow::home();
    let mut resumed = common::session(noon());
    let earlier = common::logged(
        7,
        0,
        None,
        Work::Reps {
            reps: 16,
            load: None,
        },
    );
    resumed.logged.push(earlier);
    flow.send(Msg::SessionLoaded(resumed));
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::RecallRecords(1)),
        "a resumed session asks what its sets were announced with"
    );
    // Set 99 is not this session's (a deleted one, say): nothing of it.
    let remembered = vec![(7, RecordKind::MostReps), (99, RecordKind::Heaviest)];
    flow.send(Msg::History(HistoryMsg::Recalled(remembered)));
    assert_eq!(flow.state.notice, None, "recalled, not announced again");
    let recalled = NewRecord {
        set: 7,
        ..most_reps(16)
    };
    flow.send(Msg::Finished(one_set_summary(16)));
    assert!(
        matches!(&flow.state.screen, Screen::Summary(s) if s.records == [recalled.clone()]),
        "{:?}",
        flow.state.screen
    );

    let fresh = Flow::in_session();
    assert!(
        !fresh
            .fake
            .effects
            .iter()
            .any(|e| matches!(e, Effect::History(_))),
        "a new session has nothing to recall"
    );
}

#[test]
fn a_record_answered_after_the_session_left_the_screen_is_still_kept() {
    let mut flow = Flow::in_session();
    flow.type_text("15");
    flow.press(KeyCode::Enter);
    let Some(HistoryEffect::LoadBests(logged)) = last_effect(&flow) else {
        panic!("{:?}", last_effect(&flow))
    };
    // Keys in the same batch took the person home before the store answered.
    let _ = flow.state.go_home();
    let earlier = Earlier {
        any: true,
        most_reps: Some(14),
        ..Earlier::default()
    };
    flow.send(Msg::History(HistoryMsg::BestsLoaded(
        logged.clone(),
        earlier,
    )));
    assert_eq!(
        last_effect(&flow),
        Some(HistoryEffect::RememberRecords {
            set: logged.id,
            kinds: vec![RecordKind::MostReps]
        }),
        "remembered in the file whatever is on screen"
    );
}

//! The finish screen: what a session added up to, its records wrapped on a
//! phone, and a session with no working set said plainly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::time::Duration;

use common::Flow;
use insta::assert_snapshot;
use runstrong::app::Msg;
use runstrong::domain::summary::Summary;
use runstrong::domain::{Load, Side, Unit};

#[test]
fn finish_summary() {
    let mut flow = Flow::in_session();
    flow.send(Msg::Finished(Summary {
        sets: 38,
        reps: 412,
        volume_kg: 5230.4,
        held_left: Duration::from_secs(62),
        held_right: Duration::from_secs(58),
        held_both: Duration::ZERO,
        duration: Duration::from_secs(52 * 60 + 7),
        records: vec![],
    }));
    assert_snapshot!("summary_80x24", flow.render(80, 24));
}

#[test]
fn a_summary_without_a_working_set_says_the_week_is_unchanged() {
    let mut flow = Flow::in_session();
    flow.send(Msg::Finished(Summary {
        sets: 0,
        reps: 0,
        volume_kg: 0.0,
        held_left: Duration::ZERO,
        held_right: Duration::ZERO,
        held_both: Duration::ZERO,
        duration: Duration::from_secs(3 * 60),
        records: vec![],
    }));
    let screen = flow.render(40, 20);
    assert!(!screen.contains("Well trained"), "{screen}");
    assert_snapshot!("summary_no_working_set_40x20", screen);
}

#[test]
fn finish_summary_with_records_on_a_phone() {
    use runstrong::app::history::HistoryMsg;
    use runstrong::domain::records::Earlier;
    use runstrong::domain::set::Work;
    let mut flow = Flow::in_session();
    // Two left-side lunges (the fourth exercise): one heavier than ever,
    // one with more reps at its load.
    let lunge = |id, reps, centi, earlier| {
        let work = Work::Reps {
            reps,
            load: Some(Load {
                centi,
                unit: Unit::Kg,
            }),
        };
        let logged = common::logged(id, 3, Some(Side::Left), work);
        Msg::History(HistoryMsg::BestsLoaded(logged, earlier))
    };
    let earlier = Earlier {
        any: true,
        heaviest_kg: Some(22.5),
        most_reps: Some(10),
        longest_hold: None,
    };
    flow.send(lunge(1, 8, 2500, earlier));
    flow.send(lunge(
        2,
        12,
        2250,
        Earlier {
            heaviest_kg: Some(25.0),
            ..earlier
        },
    ));
    flow.send(Msg::Finished(Summary {
        sets: 6,
        reps: 60,
        volume_kg: 1350.0,
        held_left: Duration::ZERO,
        held_right: Duration::ZERO,
        held_both: Duration::ZERO,
        duration: Duration::from_secs(14 * 60),
        records: vec![],
    }));
    let screen = flow.render(40, 20);
    assert!(
        screen.contains("12 × 22.5 kg"),
        "wrapped, not cut: {screen}"
    );
    assert_snapshot!("summary_records_40x20", screen);
}

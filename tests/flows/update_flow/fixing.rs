//! Fixing the session under way: `c` chooses a logged set and corrects it,
//! `x` deletes it, `z` takes back the last change, the last set logged
//! included; every change a kept version in the store. A second Enter
//! within a second is refused.

use std::time::Duration;

use ratatui::crossterm::event::KeyCode;
use runstrong::app::Msg;
use runstrong::app::history::HistoryMsg;
use runstrong::app::session::Fixing;
use runstrong::domain::correction::Correction;
use runstrong::domain::records::{Earlier, NewRecord, RecordKind};
use runstrong::store::Store;

use crate::common::Flow;
use crate::common::work::reps;

/// Every version of the session's sets: (reps, rpe, replaced, deleted).
fn versions(path: &std::path::Path) -> Vec<(u32, Option<f64>, bool, bool)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT reps, rpe, replaced_by IS NOT NULL, deleted_at IS NOT NULL FROM set_log ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn notice(flow: &Flow) -> String {
    flow.state.notice.clone().unwrap_or_default().0
}

#[test]
fn a_set_is_corrected_deleted_and_undone_in_the_session() {
    let (_dir, path, mut flow) = Flow::started_on_file();
    flow.type_text("12");
    flow.press(KeyCode::Enter);
    assert_eq!(flow.view().session.logged.len(), 1);

    // z right after logging takes the set back: set 1 is to do again.
    flow.type_text("z");
    assert!(flow.view().session.logged.is_empty(), "{}", notice(&flow));
    assert_eq!(flow.view().slot().unwrap().set_number, 1);
    assert_eq!(versions(&path), [(12, None, false, true)]);

    flow.advance(Duration::from_secs(30));
    flow.type_text("12");
    flow.press(KeyCode::Enter);
    flow.type_text("c");
    let id = flow.view().session.logged[0].id;
    assert_eq!(flow.view().fixing, Some(Fixing::Pick(id)));
    flow.press(KeyCode::Enter);
    flow.type_text("14");
    flow.press(KeyCode::Tab);
    flow.press(KeyCode::Tab);
    flow.type_text("8");
    flow.press(KeyCode::Enter);
    let logged = &flow.view().session.logged;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].set.work, reps(14, None));
    assert_eq!(logged[0].set.rpe.map(|r| r.value()), Some(8.0));
    assert_eq!(flow.view().fixing, None);
    assert!(
        notice(&flow).starts_with("Set corrected"),
        "{}",
        notice(&flow)
    );
    assert_eq!(
        flow.view().entry.reps,
        "14",
        "set 2 follows the corrected set 1"
    );

    flow.type_text("z");
    assert_eq!(flow.view().session.logged[0].set.work, reps(12, None));
    assert_eq!(
        versions(&path),
        [
            (12, None, false, true),
            (12, None, false, false),
            (14, Some(8.0), false, true),
        ],
        "nothing erased: the undone correction is kept, marked deleted"
    );

    flow.type_text("c");
    flow.type_text("x");
    assert!(flow.view().session.logged.is_empty());
    assert!(
        notice(&flow).starts_with("Set deleted"),
        "{}",
        notice(&flow)
    );
    assert!(flow.render(80, 24).contains("0 sets logged"));
    flow.type_text("z");
    assert_eq!(flow.view().session.logged.len(), 1, "{}", notice(&flow));
    let reopened = Store::open(&path).unwrap();
    let unfinished = reopened.unfinished().unwrap().unwrap();
    assert_eq!(unfinished.sets, 1, "a resume sees the set back");
}

#[test]
fn choosing_a_set_moves_among_the_logged_sets_and_esc_goes_back() {
    let mut flow = Flow::in_session();
    flow.type_text("c");
    assert_eq!(flow.view().fixing, None);
    assert!(notice(&flow).contains("No set"), "{}", notice(&flow));
    for n in ["15", "14"] {
        flow.type_text(n);
        flow.press(KeyCode::Enter);
        flow.advance(Duration::from_secs(60));
    }
    let ids: Vec<i64> = flow.view().session.logged.iter().map(|l| l.id).collect();
    flow.type_text("c");
    assert_eq!(flow.view().fixing, Some(Fixing::Pick(ids[1])));
    flow.press(KeyCode::Up);
    assert_eq!(flow.view().fixing, Some(Fixing::Pick(ids[0])));
    let screen = flow.render(40, 20);
    assert!(screen.contains("▸ 15×BW"), "{screen}");
    flow.press(KeyCode::Enter);
    assert!(matches!(flow.view().fixing, Some(Fixing::Edit { id, .. }) if id == ids[0]));
    flow.press(KeyCode::Esc);
    assert_eq!(flow.view().fixing, Some(Fixing::Pick(ids[0])));
    flow.press(KeyCode::Esc);
    assert_eq!(flow.view().fixing, None);
}

#[test]
fn a_second_enter_within_a_second_is_refused() {
    let mut flow = Flow::in_session();
    flow.type_text("12");
    flow.press(KeyCode::Enter);
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved().len(), 1, "a double press logged two sets");
    assert!(
        notice(&flow).contains("under a second ago"),
        "{}",
        notice(&flow)
    );
    flow.advance(Duration::from_millis(1200));
    flow.press(KeyCode::Enter);
    assert_eq!(flow.saved().len(), 2, "a real second set is logged");
    assert_eq!(flow.saved()[1].set_number, 2);
}

#[test]
fn the_record_of_a_deleted_set_is_withdrawn() {
    let mut flow = Flow::in_session();
    flow.type_text("20");
    flow.press(KeyCode::Enter);
    let logged = flow.view().session.logged[0].clone();
    let earlier = Earlier {
        any: true,
        most_reps: Some(19),
        ..Earlier::default()
    };
    flow.send(Msg::History(HistoryMsg::BestsLoaded(
        logged.clone(),
        earlier,
    )));
    assert_eq!(
        flow.view().records,
        [NewRecord {
            set: logged.id,
            exercise: "Weighted dorsiflexion".into(),
            side: None,
            kind: RecordKind::MostReps,
            work: reps(20, None),
        }]
    );
    flow.type_text("z");
    flow.send(Msg::History(HistoryMsg::Corrected {
        correction: Some(Correction::Deleted { id: logged.id }),
        session: logged.set.session_id,
        sets: vec![],
    }));
    assert!(flow.view().records.is_empty());
    assert!(
        notice(&flow).contains("record is withdrawn"),
        "{}",
        notice(&flow)
    );
    assert!(
        flow.view().changes.is_empty(),
        "an undo is not a change to undo"
    );
}

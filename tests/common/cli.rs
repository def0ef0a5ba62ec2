//! `runstrong history` run as a command, and a small history to run it on.

use assert_cmd::Command;
use chrono::{Datelike, Days, Utc};
use runstrong::domain::Side;

use super::fixture::{self, DORSIFLEXION, PLANK, hold, kg, reps};

/// `runstrong history ARGS` on `db`, times in UTC.
pub fn history(db: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("runstrong")
        .unwrap()
        .env("TZ", "UTC")
        .arg("--db")
        .arg(db)
        .arg("history")
        .args(args)
        .assert()
}

pub fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// Runs `cmd`, which must succeed, and returns what it printed.
pub fn run_ok(cmd: &mut Command) -> String {
    stdout(&cmd.assert().success())
}

/// Two sessions this week, none last week, one the week before.
pub fn logged() -> fixture::Db {
    let mut db = fixture::empty();
    let now = Utc::now();
    let monday = now - Days::new(u64::from(now.weekday().num_days_from_monday()));
    let at = |weeks_ago: u64, hour| {
        (monday - Days::new(7 * weeks_ago))
            .date_naive()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
            .and_utc()
    };
    let sets = [
        (DORSIFLEXION, None, reps(10, kg("20"))),
        (PLANK, Some(Side::Left), hold(30_000)),
    ];
    db.session(at(0, 0), &sets);
    db.session(at(0, 1), &[(DORSIFLEXION, None, reps(12, kg("20")))]);
    db.session(at(2, 18), &sets);
    db
}

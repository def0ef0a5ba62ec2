#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `runstrong history` in the unit of config.toml, and a weighted hold's
//! load, in every format.

use crate::common;

use assert_cmd::Command;
use chrono::Utc;
use common::cli::{history, logged, stdout};
use common::fixture::{self, PLANK, kg};
use runstrong::domain::Side;

/// `runstrong history` with `config` as config.toml.
fn history_with_config(db: &std::path::Path, config: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    let a = Command::cargo_bin("runstrong")
        .unwrap()
        .env("TZ", "UTC")
        .arg("--db")
        .arg(db)
        .arg("--config-dir")
        .arg(dir.path())
        .arg("history")
        .args(args)
        .assert()
        .success();
    stdout(&a)
}

#[test]
fn load_moved_follows_the_unit_of_config_toml_and_every_format_names_it() {
    let db = logged();
    let history_in_pounds = |args: &[&str]| history_with_config(&db.path, "unit = \"lb\"\n", args);
    // 200 kg moved in the oldest week: 440.92 lb.
    let table = history_in_pounds(&["--weeks", "3"]);
    assert!(
        table.lines().next().unwrap().contains("lb moved"),
        "{table}"
    );
    assert!(!table.contains("kg moved"), "{table}");
    assert!(table.contains("440.9"), "{table}");
    assert!(
        table.contains("10 × 20 kg"),
        "a set keeps the unit it was logged in"
    );

    let args = ["--weeks", "3", "--format", "csv", "--detail", "weeks"];
    let csv = history_in_pounds(&args);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "load_moved_lb").unwrap();
    assert!(!header.contains(&"load_moved_kg"));
    let oldest: Vec<&str> = csv.lines().nth(3).unwrap().split(',').collect();
    assert_eq!(oldest[at], "440.92");

    let json = history_in_pounds(&["--weeks", "3", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["unit"], "lb");
    let totals = &doc["weeks"][2]["totals"];
    assert_eq!(totals["load_moved_lb"], 440.92);
    assert!(totals.get("load_moved_kg").is_none(), "{totals}");

    // A config without a unit: kilograms, named so.
    let json = history_with_config(&db.path, "", &["--weeks", "3", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["unit"], "kg");
    assert_eq!(doc["weeks"][2]["totals"]["load_moved_kg"], 200.0);
}

#[test]
fn a_weighted_hold_shows_its_load_in_every_format() {
    let mut db = fixture::empty();
    let plate = runstrong::domain::set::Work::Hold {
        held: std::time::Duration::from_millis(32_500),
        load: kg("10"),
    };
    db.session(Utc::now(), &[(PLANK, Some(Side::Left), plate)]);
    let table = stdout(&history(&db.path, &["--weeks", "1"]).success());
    assert!(table.contains("32.5 s @ 10 kg"), "{table}");
    let csv = stdout(&history(&db.path, &["--weeks", "1", "--format", "csv"]).success());
    assert!(
        csv.contains(",Copenhagen plank,1,left,,10,kg,32.5,"),
        "{csv}"
    );
    let json = stdout(&history(&db.path, &["--weeks", "1", "--format", "json"]).success());
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let set = &doc["weeks"][0]["sessions"][0]["sets"][0];
    assert_eq!(
        (
            set["held_seconds"].clone(),
            set["load"].clone(),
            set["unit"].clone(),
            set["reps"].clone()
        ),
        (
            32.5.into(),
            10.0.into(),
            "kg".into(),
            serde_json::Value::Null
        )
    );
    assert_eq!(
        doc["weeks"][0]["totals"]["load_moved_kg"], 0.0,
        "a hold moves no load: it has no reps"
    );
}

//! `runstrong routines`, `routines show`, `routines new` on real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::cli::run_ok;
use assert_cmd::Command;

fn runstrong(config: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runstrong"));
    cmd.env("RUNSTRONG_CONFIG_DIR", config)
        .env_remove("RUNSTRONG_DB");
    cmd
}

#[test]
fn lists_the_built_in_routine_and_where_it_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(runstrong(dir.path()).arg("routines"));
    assert_eq!(out.trim(), "Strength for runners  7 exercises  built-in");
}

#[test]
fn new_writes_a_commented_copy_that_lists_and_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = run_ok(runstrong(dir.path()).args(["routines", "new", "Hill block"]));
    let file = dir.path().join("routines/hill-block.toml");
    assert_eq!(path.trim(), file.display().to_string());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with('#') && text.contains("name = \"Hill block\""),
        "{text}"
    );

    let list = run_ok(runstrong(dir.path()).arg("routines"));
    assert!(
        list.contains(&format!(
            "Hill block            7 exercises  {}",
            file.display()
        )),
        "{list}"
    );

    let shown = run_ok(runstrong(dir.path()).args(["routines", "show", "hill BLOCK"]));
    assert!(shown.starts_with("Hill block\n"), "{shown}");
    assert!(
        shown.contains("Copenhagen plank       2 x 30 s hold, each side, rest 60 s"),
        "{shown}"
    );
    assert!(
        shown.ends_with(&format!("from {}\n", file.display())),
        "{shown}"
    );

    runstrong(dir.path())
        .args(["routines", "new", "Hill block"])
        .assert()
        .failure();
}

#[test]
fn a_broken_file_is_reported_with_its_line_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("routines")).unwrap();
    let bad = dir.path().join("routines/bad.toml");
    std::fs::write(
        &bad,
        "name = \"Bad\"\n[[exercises]]\nname = \"Squat\"\nkind = \"squats\"\n",
    )
    .unwrap();
    let out = runstrong(dir.path()).arg("routines").assert().success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains(&format!("{}: line 4:", bad.display())),
        "{err}"
    );
    let list = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(list.contains("Strength for runners"), "{list}");
}

#[test]
fn show_of_an_unknown_routine_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = runstrong(dir.path())
        .args(["routines", "show", "nope"])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        err.trim(),
        "runstrong: no routine named \"nope\"; `runstrong routines` lists them"
    );
}

#[test]
fn a_bad_config_value_stops_the_app_before_the_terminal_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "weekly_target = 0\n").unwrap();
    let db = dir.path().join("x.db");
    let out = runstrong(dir.path())
        .env("RUNSTRONG_DB", &db)
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("config.toml") && err.contains("weekly_target"),
        "{err}"
    );
    assert!(
        !db.exists(),
        "nothing is created when the config is refused"
    );
}

#[test]
fn a_routine_naming_an_exercise_twice_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("routines/twice.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let block = |name: &str| {
        format!(
            "\n[[exercises]]\nname = {name:?}\nkind = \"reps\"\nsides = \"each\"\nsets = 2\nreps = 8\n"
        )
    };
    let text = format!(
        "name = \"Twice\"\n{}{}{}",
        block("Lunge"),
        block("Cossack squat"),
        block("lunge ")
    );
    std::fs::write(&file, text).unwrap();
    let out = runstrong(dir.path()).arg("routines").assert().success();
    let out = out.get_output();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(
        stderr.trim(),
        format!(
            "runstrong: {}: line 18: exercise \"lunge \" is in the routine already, as \
             \"Lunge\"; give that one more sets instead",
            file.display()
        )
    );
    let list = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(!list.contains("Twice"), "{list}");
}

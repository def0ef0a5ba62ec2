//! The binary where its IO fails: a full disk at start, stdout piped into
//! a reader that closed, stderr closed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// Runs `script` in a mount namespace of its own where `$FULL` is a tiny
/// tmpfs already filled to the last block; returns its stdout and stderr.
#[cfg(target_os = "linux")]
fn on_a_full_disk(dir: &Path, script: &str) -> (String, String) {
    let full = dir.join("full");
    std::fs::create_dir(&full).unwrap();
    let setup = format!(
        "set -u; mount -t tmpfs -o size=256k tmpfs \"$FULL\" || exit 99; \
         dd if=/dev/zero of=\"$FULL/filler\" bs=4k 2>/dev/null; {script}"
    );
    let out = std::process::Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", &setup])
        .env("FULL", &full)
        .env("BIN", env!("CARGO_BIN_EXE_runstrong"))
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(99),
        "could not mount a tmpfs: {out:?}"
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_at_start_says_disk_full_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/hevy_kg.csv");
    let script = format!(
        "\"$BIN\" --db \"$FULL/app.db\" < /dev/null; \
         \"$BIN\" --db \"$FULL/import.db\" import '{}'; ls -A \"$FULL\"",
        csv.display()
    );
    let (listing, stderr) = on_a_full_disk(dir.path(), &script);
    let lines: Vec<_> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    for (line, name) in lines.iter().zip(["app.db", "import.db"]) {
        assert!(line.contains("disk full") && line.contains(name), "{line}");
        assert!(!line.contains("disk I/O error"), "{line}");
    }
    assert_eq!(listing.trim(), "filler", "files were left behind");
}

/// Runs `args` with standard output a pipe whose reader has already gone,
/// as `runstrong ... | head -2` leaves it once head has its lines.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"));
    cmd.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("RUNSTRONG_DB", dir.join("runstrong.db"))
        .args(args)
        .stdout(writer);
    cmd.output().unwrap()
}

#[test]
fn every_command_piped_into_a_closed_reader_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/strong_12col.csv");
    let csv = csv.to_str().unwrap();
    let backup = dir.path().join("copy.db");
    for args in [
        &["import", "--unit", "kg", csv][..],
        &["routines"],
        &["routines", "show", "Strength for runners"],
        &["history"],
        &["history", "--format", "json"],
        &["export"],
        &["export", "--format", "json"],
        &["backup", backup.to_str().unwrap()],
    ] {
        let out = into_closed_pipe(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {}: {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_stderr_does_not_turn_a_refusal_into_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["--db"])
        .arg(dir.path().join("x.db"))
        .args(["import"])
        .arg(dir.path().join("missing.csv"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Nobody reads the message: writing it fails with a broken pipe.
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "refused, not panicked (101)");
}

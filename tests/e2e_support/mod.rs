//! A pseudo-terminal harness for the end-to-end tests: runs the real binary
//! at a chosen size, feeds everything it writes to a vt100 parser, and lets a
//! test type keys, wait for text on the parsed screen, signal the process and
//! wait for it to exit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{self, Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Generous: CI machines are small and shared.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

/// The database file inside a test's directory.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join("runstrong.db")
}

struct Output {
    parser: vt100::Parser,
    /// Every byte the program wrote, for escape sequences the screen hides.
    raw: Vec<u8>,
    /// The reader saw the end of the output: the program and its terminal are gone.
    closed: bool,
    /// The test asks the reader to let go of the terminal at its next read.
    let_go: bool,
}

pub struct Tui {
    /// None once the test has closed the terminal.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal is at least 1x1")
}

impl Tui {
    /// Starts runstrong in a `cols`x`rows` terminal with its database, home
    /// and data directories all inside `dir`.
    pub fn spawn(dir: &Path, cols: u16, rows: u16) -> Tui {
        Tui::spawn_with(dir, cols, rows, &[])
    }

    /// As [`Tui::spawn`], with command-line arguments.
    pub fn spawn_with(dir: &Path, cols: u16, rows: u16, args: &[&str]) -> Tui {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_runstrong"));
        cmd.args(args);
        Tui::spawn_command(dir, cols, rows, cmd)
    }

    /// As [`Tui::spawn`], under a shell that ignores SIGHUP and stays
    /// alive as the terminal's session leader, so that closing the terminal
    /// sends runstrong no signal at all: only its reads and writes fail.
    pub fn spawn_ignoring_hangup(dir: &Path, cols: u16, rows: u16) -> Tui {
        let mut cmd = CommandBuilder::new("sh");
        // The `exit` keeps a shell from replacing itself with runstrong.
        cmd.args(["-c", r#"trap "" HUP; "$0"; exit $?"#]);
        cmd.arg(env!("CARGO_BIN_EXE_runstrong"));
        Tui::spawn_command(dir, cols, rows, cmd)
    }

    fn spawn_command(dir: &Path, cols: u16, rows: u16, mut cmd: CommandBuilder) -> Tui {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        cmd.cwd(dir);
        cmd.env("RUNSTRONG_DB", db_path(dir));
        cmd.env("HOME", dir);
        cmd.env("XDG_DATA_HOME", dir.join("data"));
        cmd.env("XDG_CONFIG_HOME", dir.join("config"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn runstrong");
        // Only the child may hold the terminal's other end, or reading would
        // never see the end of the output.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(non_zero(rows), non_zero(cols), 0),
            raw: Vec::new(),
            closed: false,
            let_go: false,
        }));
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO once the last process on the terminal exits.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let mut out = lock(&sink);
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
                if out.let_go {
                    break;
                }
            }
            drop(reader);
            lock(&sink).closed = true;
        });
        Tui {
            master: Some(pair.master),
            writer,
            child,
            output,
        }
    }

    /// The parsed screen as text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.output).parser.screen().contents()
    }

    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.output).raw.clone()
    }

    /// The emulated terminal is showing its alternate screen.
    pub fn on_alternate_screen(&self) -> bool {
        lock(&self.output).parser.screen().alternate_screen()
    }

    /// Types `keys` as raw bytes: "\r" is Enter, "\t" Tab, "\x03" Ctrl-C.
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write keys to the pty");
    }

    /// Waits until the screen shows `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let (screen, closed) = {
                let out = lock(&self.output);
                (out.parser.screen().contents(), out.closed)
            };
            if screen.contains(text) {
                return screen;
            }
            assert!(
                !closed && start.elapsed() < TIMEOUT,
                "waited for {text:?}{}; the screen:\n{screen}",
                if closed {
                    " but the program exited"
                } else {
                    ""
                },
            );
            thread::sleep(POLL);
        }
    }

    /// Pastes `text` as a terminal does: wrapped in bracketed-paste marks
    /// when the program asked for them, else typed as is. Terminals send a
    /// pasted line break as "\r", the same byte as Enter.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace('\n', "\r");
        let bracketed = lock(&self.output)
            .raw
            .windows(8)
            .any(|w| w == b"\x1b[?2004h");
        if bracketed {
            self.send(&format!("\x1b[200~{text}\x1b[201~"));
        } else {
            self.send(&text);
        }
    }

    /// Resizes the terminal, as a person dragging the window would.
    pub fn resize(&self, cols: u16, rows: u16) {
        // The parser first, so the program's redraw lands on the new size.
        lock(&self.output)
            .parser
            .set_size(non_zero(rows), non_zero(cols));
        self.master()
            .resize(size(cols, rows))
            .expect("resize the pty");
    }

    /// Closes the terminal as a killed terminal emulator would: every handle
    /// on its master side goes, and the program sees a hung-up terminal.
    pub fn close_terminal(&mut self) {
        lock(&self.output).let_go = true;
        // A resize makes the program redraw, which wakes the reader up.
        let (rows, cols) = lock(&self.output).parser.screen().size();
        self.resize(cols.get() + 1, rows.get());
        let start = Instant::now();
        while !lock(&self.output).closed {
            assert!(start.elapsed() < TIMEOUT, "the reader kept the terminal");
            thread::sleep(POLL);
        }
        self.writer = Box::new(io::sink());
        self.master = None;
    }

    fn master(&self) -> &dyn MasterPty {
        self.master.as_deref().expect("the terminal is open")
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Sends a signal by name (`KILL`, `TERM`, `HUP`) with kill(1).
    /// (portable-pty's own `kill` sends SIGHUP first, then SIGKILL.)
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args(["-s", name, &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {name} failed: {status}");
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; the screen:\n{}",
                self.screen()
            );
            thread::sleep(POLL);
        };
        while !lock(&self.output).closed && start.elapsed() < TIMEOUT {
            thread::sleep(POLL);
        }
        status
    }

    /// The terminal's line settings as `stty -a` prints them (after the
    /// program exits: did it leave raw mode?).
    pub fn stty(&self) -> String {
        let tty = self.master().tty_name().expect("the pty has a name");
        let out = Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&tty)
            .output()
            .expect("run stty");
        assert!(out.status.success(), "stty -F {}: {out:?}", tty.display());
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Tui {
    /// A failed test must not leave the program running, nor anything it
    /// runs: the child leads its own process group.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let group = format!("-{}", self.pid());
            let _ = Command::new("kill")
                .args(["-s", "KILL", "--", &group])
                .status();
            let _ = self.child.wait();
        }
    }
}

fn lock(output: &Mutex<Output>) -> MutexGuard<'_, Output> {
    output.lock().unwrap_or_else(PoisonError::into_inner)
}

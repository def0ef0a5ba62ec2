//! Notices a terminal that went away without a signal (its emulator killed
//! while a parent ignored SIGHUP). crossterm's reader then spins on reads
//! that return nothing and never reports it, so a thread of our own waits
//! for the hang-up on the same terminal and asks the app to leave.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::stdio::dup2_stderr;

use super::msg::Msg;

/// How long to leave pending input to crossterm's reader before looking
/// again: poll reports it until that reader has taken it.
const INPUT_PAUSE: Duration = Duration::from_millis(50);

/// Watches the terminal crossterm reads and sends `Terminate` once it has
/// hung up.
pub fn spawn_watch(tx: Sender<Msg>) -> io::Result<()> {
    let tty = open()?;
    thread::spawn(move || {
        let stdin = io::stdin();
        let fd = tty.as_ref().map_or_else(|| stdin.as_fd(), AsFd::as_fd);
        if wait_for_hang_up(fd) {
            let _ = tx.send(Msg::Terminate);
        }
    });
    Ok(())
}

/// The terminal has hung up (looked at without waiting): an error in
/// drawing on it then means it is gone, not a fault worth reporting. When
/// standard error went to it too, it now goes to /dev/null, so that last
/// words (ratatui's "failed to show the cursor", a panic's) are not a
/// second failure, which would abort the process.
pub fn gone() -> bool {
    let gone = match open() {
        Ok(tty) => {
            let stdin = io::stdin();
            is_hung_up(tty.as_ref().map_or_else(|| stdin.as_fd(), AsFd::as_fd))
        }
        Err(_) => true,
    };
    if gone && is_hung_up(io::stderr().as_fd()) {
        let _ = File::create("/dev/null").and_then(|null| Ok(dup2_stderr(null)?));
    }
    gone
}

fn is_hung_up(fd: BorrowedFd<'_>) -> bool {
    let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&now)).is_ok() && fds[0].revents().intersects(hung_up())
}

/// The terminal crossterm reads: standard input, or /dev/tty when that is
/// not a terminal (`None` stands for standard input).
fn open() -> io::Result<Option<File>> {
    if io::stdin().is_terminal() {
        Ok(None)
    } else {
        File::open("/dev/tty").map(Some)
    }
}

fn hung_up() -> PollFlags {
    PollFlags::HUP | PollFlags::ERR
}

/// Blocks until `fd` hangs up (true) or cannot be watched (false). Idle,
/// it costs nothing: poll sleeps until input or the hang-up.
fn wait_for_hang_up(fd: BorrowedFd<'_>) -> bool {
    loop {
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) if fds[0].revents().intersects(hung_up()) => return true,
            // Systems whose poll does not take terminals (older macOS)
            // say so: watching stops there, and the app goes on.
            Ok(_) if fds[0].revents().contains(PollFlags::NVAL) => return false,
            Ok(_) => thread::sleep(INPUT_PAUSE),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

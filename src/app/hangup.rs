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

use rustix::event::{PollFd, PollFlags, poll};

use super::msg::Msg;

/// How long to leave pending input to crossterm's reader before looking
/// again: poll reports it until that reader has taken it.
const INPUT_PAUSE: Duration = Duration::from_millis(50);

/// Watches the terminal crossterm reads (standard input, or /dev/tty when
/// that is not a terminal) and sends `Terminate` once it has hung up.
pub fn spawn_watch(tx: Sender<Msg>) -> io::Result<()> {
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(File::open("/dev/tty")?)
    };
    thread::spawn(move || {
        let stdin = io::stdin();
        let fd = tty.as_ref().map_or_else(|| stdin.as_fd(), AsFd::as_fd);
        if hung_up(fd) {
            let _ = tx.send(Msg::Terminate);
        }
    });
    Ok(())
}

/// Blocks until `fd` hangs up (true) or cannot be watched (false). Idle,
/// it costs nothing: poll sleeps until input or the hang-up.
fn hung_up(fd: BorrowedFd<'_>) -> bool {
    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    loop {
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) if fds[0].revents().intersects(gone) => return true,
            Ok(_) => thread::sleep(INPUT_PAUSE),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

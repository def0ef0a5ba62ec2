//! Standard output for the subcommands. A reader that leaves early
//! (`| head -2`) already has what it wanted, so a broken pipe ends the
//! command quietly and successfully, where `println!` would panic. (Letting
//! SIGPIPE kill the process instead would need unsafe code, skip the store's
//! clean close, and exit 141, which `set -o pipefail` scripts count as failure.)

use std::io::{self, Write};
use std::path::Path;

use super::CommandError;

/// How errors name standard output.
pub const NAME: &str = "standard output";

/// The write failed only because nobody reads standard output any more.
pub fn reader_gone(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result<(), CommandError> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if reader_gone(&e) => Ok(()),
        written => written.map_err(CommandError::file(Path::new(NAME))),
    }
}

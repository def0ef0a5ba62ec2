//! Standard error for messages to the person. A stderr nobody reads (a
//! closed pipe) loses the message, never the command's result: `eprintln!`
//! would panic there and turn a clean refusal into exit code 101.

use std::fmt::Display;
use std::io::{self, Write};

/// Writes "runstrong: `text`" on its own line to standard error.
pub fn tell(text: impl Display) {
    let _ = writeln!(io::stderr().lock(), "runstrong: {text}");
}

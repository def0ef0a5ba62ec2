//! Command-line arguments.

use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "runstrong",
    version,
    about = "Log strength sessions in the terminal: timed holds, reps and rests, saved to SQLite as you go"
)]
pub struct Cli {
    /// The database file [default: runstrong.db in the platform data directory]
    #[arg(long, env = "RUNSTRONG_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

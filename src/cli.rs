//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// Where config.toml and routines/ live [default: the platform config directory]
    #[arg(long, env = "RUNSTRONG_CONFIG_DIR", global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,
    /// Without a command, runstrong opens the logger.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show or start writing routines
    Routines(RoutinesArgs),
}

#[derive(Debug, Args)]
pub struct RoutinesArgs {
    #[command(subcommand)]
    pub action: Option<RoutinesAction>,
}

#[derive(Debug, Subcommand)]
pub enum RoutinesAction {
    /// Print one routine
    Show { name: String },
    /// Write a commented copy of the built-in routine under a new name, to edit
    New { name: String },
}

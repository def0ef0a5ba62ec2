use std::process::ExitCode;

use clap::Parser;

use runstrong::app::{self, Settings};
use runstrong::cli::Cli;
use runstrong::paths;
use runstrong::store::Store;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("runstrong: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let path = paths::database(cli.db)?;
    // Refusals (foreign, newer, corrupt, locked) happen here, before the
    // terminal is taken over, so the message lands on a normal stderr.
    let store = Store::open(&path).map_err(|e| e.to_string())?;
    let settings = Settings {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        ..Settings::default()
    };
    app::run(store, settings, runstrong::domain::Routine::built_in())
        .map_err(|e| format!("terminal: {e}"))
}

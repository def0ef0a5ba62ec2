use std::process::ExitCode;

use clap::Parser;

use runstrong::cli::Cli;
use runstrong::store::Store;
use runstrong::paths;

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
    Store::open(&path).map_err(|e| e.to_string())?;
    Ok(())
}

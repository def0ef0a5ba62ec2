use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use runstrong::cli::{Cli, Command};
use runstrong::commands::CommandError;
use runstrong::domain::calendar::{Calendar, WeekRules};
use runstrong::domain::progression::Rules;
use runstrong::store::{Holder, Store};
use runstrong::{app, commands, config, paths, routines};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            commands::stderr::tell(message);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let config_dir = paths::config_dir(cli.config_dir);
    match cli.command {
        Some(Command::Routines(args)) => commands::routines::run(config_dir.as_deref(), args),
        Some(Command::Export(args)) => {
            let loaded = routines::load(config_dir.as_deref());
            let routines: Vec<_> = loaded.routines.into_iter().map(|a| a.routine).collect();
            data(cli.db, |db| commands::export::run(db, &routines, args))
        }
        Some(Command::Import(args)) => data(cli.db, |db| {
            commands::import::run(db, config_dir.as_deref(), args)
        }),
        Some(Command::Backup(args)) => data(cli.db, |db| commands::backup::run(db, args)),
        Some(Command::History(args)) => {
            let settings = load_config(config_dir.as_deref())?.settings;
            let rules = WeekRules {
                starts_on: settings.week_start,
                target: args.target.unwrap_or(settings.weekly_target),
            };
            commands::history::run(&paths::database(cli.db)?, &args, rules, settings.unit)
        }
        Some(Command::Next(args)) => {
            let config = load_config(config_dir.as_deref())?;
            let loaded = routines::load(config_dir.as_deref());
            let rules = Rules {
                settings: config.settings.progression,
                unit: config.settings.unit,
            };
            let calendar = Calendar::new(chrono::Local, config.settings.week_start);
            data(cli.db, |db| {
                commands::next::run(db, &loaded, &args, &rules, &calendar)
            })
        }
        None => tui(paths::database(cli.db)?.as_path(), config_dir.as_deref()),
    }
}

/// Runs a data command against the database.
fn data(
    db: Option<PathBuf>,
    command: impl FnOnce(&Path) -> Result<(), CommandError>,
) -> Result<(), String> {
    command(&paths::database(db)?).map_err(|e| e.to_string())
}

/// Everything that can be refused is checked before the terminal is taken
/// over, so its message lands on a normal stderr.
fn tui(db: &Path, config_dir: Option<&Path>) -> Result<(), String> {
    let config = load_config(config_dir)?;
    let loaded = routines::load(config_dir);
    let notes: Vec<String> = config
        .warnings
        .iter()
        .chain(&loaded.problems)
        .cloned()
        .collect();
    for note in &notes {
        commands::stderr::tell(note);
    }
    let store =
        Store::open_as(db, Holder::App, &mut commands::tell_upgrade).map_err(|e| e.to_string())?;
    let routines = loaded.routines.into_iter().map(|a| a.routine).collect();
    let notice = (!notes.is_empty()).then(|| notes.join("; "));
    match app::run(store, config.settings, routines, notice, chrono::Local) {
        Ok(None) => Ok(()),
        Ok(Some(damaged)) => Err(damaged),
        Err(e) => Err(format!("terminal: {e}")),
    }
}

/// config.toml from `config_dir`, or the defaults without one.
fn load_config(config_dir: Option<&Path>) -> Result<config::Config, String> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match config_dir {
        Some(dir) => config::load(dir, no_color),
        None => config::parse("", no_color),
    }
}

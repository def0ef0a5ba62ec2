//! Command-line arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::Unit;
use crate::interchange::Format;

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
    /// Write your history as CSV (the Strong app's layout) or JSON
    Export(ExportArgs),
    /// Add workouts from a Strong, Hevy or FitNotes CSV export, or a runstrong JSON export
    Import(ImportArgs),
    /// Copy the database safely, even while runstrong is in use
    Backup(BackupArgs),
    /// Print past weeks, their sessions and sets (field names: docs/HISTORY.md)
    History(HistoryArgs),
    /// Print the next session of a routine: each exercise's sets, reps or hold, load, warm-ups, plates and why
    Next(NextArgs),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The Strong app's CSV columns, then Weight Unit, Distance Unit, Side
    Csv,
    /// runstrong's versioned JSON document, every field (see docs/DATA.md)
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Only sessions started on or after this day (local time)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    /// Only sessions started on or before this day (local time)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<NaiveDate>,
    /// Write to this new file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export file to read
    pub file: PathBuf,
    /// The file's format [default: detected from its header]
    #[arg(long, value_enum)]
    pub from: Option<ImportFrom>,
    /// Weight unit of a file that has no unit column (kg or lb)
    #[arg(long, value_name = "kg|lb")]
    pub unit: Option<Unit>,
    /// Show what would be added and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy [default: <database>-backup-<date>.db beside it]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// How many weeks to show, counting the current one (1 to 5200)
    #[arg(
        long,
        default_value_t = 12,
        conflicts_with = "since",
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=5200)
    )]
    pub weeks: u16,
    /// Show every week from the one holding this local date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    /// Only this exercise (name, any case); totals count its sets only
    #[arg(long, value_name = "NAME")]
    pub exercise: Option<String>,
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
    /// How deep to go: week totals, also sessions, or also every set
    #[arg(long, value_enum, default_value_t = Detail::Sets)]
    pub detail: Detail,
    /// Sessions a week that count as a week done [default: weekly_target in config.toml, else 2]
    #[arg(long, value_name = "N")]
    pub target: Option<u32>,
}

/// `import --from`: clap's view of `interchange::Format`, so the core stays free of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFrom {
    /// The Strong app's CSV export (any of its layouts)
    Strong,
    /// Hevy's CSV export
    Hevy,
    /// runstrong's own JSON export
    Runstrong,
    /// FitNotes' CSV export
    Fitnotes,
}

impl From<ImportFrom> for Format {
    fn from(from: ImportFrom) -> Self {
        match from {
            ImportFrom::Strong => Format::Strong,
            ImportFrom::Hevy => Format::Hevy,
            ImportFrom::Runstrong => Format::Runstrong,
            ImportFrom::Fitnotes => Format::Fitnotes,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// Aligned text for people
    Table,
    /// One row per week, session or set (by --detail), with a header row
    Csv,
    /// One document: weeks holding their sessions holding their sets
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Detail {
    Weeks,
    Sessions,
    Sets,
}

#[derive(Debug, Args)]
pub struct NextArgs {
    /// The routine to plan [default: the one last done, else the first]
    #[arg(long, value_name = "NAME")]
    pub routine: Option<String>,
    #[arg(long, value_enum, default_value_t = NextFormat::Table)]
    pub format: NextFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NextFormat {
    /// Aligned text for people
    Table,
    /// One document for scripts (field names: README, `runstrong next`)
    Json,
}

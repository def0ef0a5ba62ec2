//! Where runstrong keeps its files: an explicit path wins, then the
//! platform's data directory (XDG on Linux).

use std::path::PathBuf;

use directories::ProjectDirs;

pub const DB_FILE: &str = "runstrong.db";

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "runstrong")
}

/// The database path: `explicit` (from `--db` or `RUNSTRONG_DB`) if given,
/// else `runstrong.db` in the platform data directory.
pub fn database(explicit: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(path) = explicit {
        return Ok(path);
    }
    project()
        .map(|p| p.data_dir().join(DB_FILE))
        .ok_or_else(|| "no home directory found; pass --db PATH or set RUNSTRONG_DB".to_string())
}

/// The configuration directory (`$XDG_CONFIG_HOME/runstrong` on Linux).
pub fn config_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit.or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_path_wins() {
        assert_eq!(
            database(Some("/x/y.db".into())),
            Ok(PathBuf::from("/x/y.db"))
        );
    }

    #[test]
    fn default_path_ends_in_the_data_file() {
        if let Ok(p) = database(None) {
            assert!(
                p.ends_with(format!("runstrong/{DB_FILE}")),
                "{}",
                p.display()
            );
        }
    }
}

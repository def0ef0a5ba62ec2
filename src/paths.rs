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
    database_in(explicit, project().map(|p| p.data_dir().to_path_buf()))
}

/// The choice itself, given the data directory if there is a home.
fn database_in(explicit: Option<PathBuf>, data_dir: Option<PathBuf>) -> Result<PathBuf, String> {
    explicit
        .or_else(|| data_dir.map(|d| d.join(DB_FILE)))
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
        let data = Some(PathBuf::from("/home/a/.local/share/runstrong"));
        for dir in [data, None] {
            assert_eq!(
                database_in(Some("/x/y.db".into()), dir),
                Ok(PathBuf::from("/x/y.db"))
            );
        }
    }

    #[test]
    fn default_path_is_the_data_file_and_no_home_is_said() {
        assert_eq!(
            database_in(None, Some("/home/a/.local/share/runstrong".into())),
            Ok(PathBuf::from("/home/a/.local/share/runstrong/runstrong.db"))
        );
        let no_home = database_in(None, None).unwrap_err();
        assert!(no_home.contains("--db PATH"), "{no_home}");
    }
}

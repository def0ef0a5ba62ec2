//! Routines available to start: the built-in ones, then the person's own
//! TOML files in `<config dir>/routines/`. A broken file is reported with
//! its path and line, and every other routine still loads.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::Routine;

pub const DIR: &str = "routines";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => write!(f, "built-in"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Available {
    pub routine: Routine,
    pub origin: Origin,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub routines: Vec<Available>,
    /// One line per file that could not be used.
    pub problems: Vec<String>,
}

impl Loaded {
    /// A routine by name, ignoring case.
    pub fn find(&self, name: &str) -> Option<&Available> {
        self.routines
            .iter()
            .find(|a| a.routine.name.eq_ignore_ascii_case(name.trim()))
    }
}

pub fn load(config_dir: Option<&Path>) -> Loaded {
    let mut loaded = Loaded {
        routines: Routine::built_in()
            .into_iter()
            .map(|routine| Available {
                routine,
                origin: Origin::BuiltIn,
            })
            .collect(),
        problems: vec![],
    };
    let Some(dir) = config_dir.map(|d| d.join(DIR)) else {
        return loaded;
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
        Err(e) => {
            loaded.problems.push(format!("{}: {e}", dir.display()));
            return loaded;
        }
    };
    files.sort();
    for path in files {
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| Routine::from_toml(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(routine) => match loaded.find(&routine.name) {
                Some(other) => loaded.problems.push(format!(
                    "{}: the name {:?} is taken by {}",
                    path.display(),
                    routine.name,
                    other.origin
                )),
                None => loaded.routines.push(Available {
                    routine,
                    origin: Origin::File(path),
                }),
            },
            Err(e) => loaded.problems.push(format!("{}: {e}", path.display())),
        }
    }
    loaded
}

/// Writes a commented copy of the built-in routine under a new name, to
/// edit; never overwrites a file.
pub fn create(config_dir: &Path, name: &str) -> Result<PathBuf, String> {
    if name.trim().is_empty() {
        return Err("give the routine a name".into());
    }
    if load(Some(config_dir)).find(name).is_some() {
        return Err(format!("a routine named {name:?} exists already"));
    }
    write_new(config_dir, name, &Routine::template(name))
}

/// Saves `routine` (from an import) as a file of its own; never overwrites one.
pub fn add(config_dir: &Path, routine: &Routine) -> Result<PathBuf, String> {
    let text = toml::to_string(routine).map_err(|e| format!("{}: {e}", routine.name))?;
    write_new(config_dir, &routine.name, &text)
}

/// Writes `text` to a new routine file named after `name`.
fn write_new(config_dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
    let dir = config_dir.join(DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{}.toml", slug(name)));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = file.map_err(|e| format!("{}: {e}", path.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// A file name from a routine name: lowercase letters and digits, dashes between.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "routine".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_names() {
        assert_eq!(slug("Heavy Tuesday!"), "heavy-tuesday");
        assert_eq!(slug("***"), "routine");
    }

    #[test]
    fn files_load_after_the_built_in_and_broken_ones_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(Some(dir.path())).routines.len(), 1);
        let path = create(dir.path(), "Hill block").unwrap();
        assert!(path.ends_with("routines/hill-block.toml"));
        std::fs::write(
            dir.path().join(DIR).join("broken.toml"),
            "name = \"b\"\nexercises = 3\n",
        )
        .unwrap();
        std::fs::write(dir.path().join(DIR).join("notes.txt"), "not a routine").unwrap();
        let loaded = load(Some(dir.path()));
        let names: Vec<_> = loaded
            .routines
            .iter()
            .map(|a| a.routine.name.as_str())
            .collect();
        assert_eq!(names, ["Strength for runners", "Hill block"]);
        assert_eq!(loaded.routines[1].origin, Origin::File(path));
        assert_eq!(loaded.problems.len(), 1);
        assert!(
            loaded.problems[0].contains("broken.toml: line 2:"),
            "{:?}",
            loaded.problems
        );
    }

    #[test]
    fn names_are_unique() {
        let dir = tempfile::tempdir().unwrap();
        assert!(create(dir.path(), "strength FOR runners").is_err());
        create(dir.path(), "Mine").unwrap();
        assert!(create(dir.path(), "mine").is_err());
        let copy = dir.path().join(DIR).join("copy.toml");
        std::fs::write(&copy, Routine::template("Mine")).unwrap();
        let loaded = load(Some(dir.path()));
        assert_eq!(loaded.routines.len(), 2);
        assert!(
            loaded.problems[0].contains("is taken by"),
            "{:?}",
            loaded.problems
        );
    }
}

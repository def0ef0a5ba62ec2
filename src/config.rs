//! Preferences from `config.toml`. A bad value is an error naming its key;
//! an unknown key is a warning, so an old or mistyped file never blocks a
//! workout.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use chrono::Weekday;
use serde::Deserialize;

use crate::app::Settings;
use crate::app::keymap::Action;
use crate::domain::Unit;

pub const FILE: &str = "config.toml";

#[derive(Debug, Default, Deserialize)]
struct Raw {
    unit: Option<Unit>,
    weekly_target: Option<u32>,
    week_start: Option<String>,
    rest_secs: Option<u32>,
    get_ready_secs: Option<u32>,
    switch_secs: Option<u32>,
    bell: Option<bool>,
    flash: Option<bool>,
    theme: Option<Theme>,
    keys: Option<BTreeMap<String, Action>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Theme {
    Color,
    Mono,
}

/// Settings read from a file, and what was ignored in it.
#[derive(Debug)]
pub struct Config {
    pub settings: Settings,
    pub warnings: Vec<String>,
}

/// Reads `dir/config.toml`; a missing file means the defaults.
pub fn load(dir: &Path, no_color: bool) -> Result<Config, String> {
    let path = dir.join(FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, no_color).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => parse("", no_color),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

pub fn parse(text: &str, no_color: bool) -> Result<Config, String> {
    let mut warnings = vec![];
    let de = toml::Deserializer::parse(text).map_err(|e| e.to_string())?;
    let raw: Raw = serde_ignored::deserialize(de, |path| {
        warnings.push(format!("unknown key `{path}` ignored"));
    })
    .map_err(|e| e.to_string())?;
    let d = Settings::default();
    let secs = |key: &str, value: Option<u32>, max: u32, default: Duration| match value {
        Some(v) if v > max => Err(format!("`{key}` = {v}: at most {max} seconds")),
        Some(v) => Ok(Duration::from_secs(u64::from(v))),
        None => Ok(default),
    };
    let weekly_target = match raw.weekly_target {
        Some(t @ 1..=14) => t,
        Some(t) => return Err(format!("`weekly_target` = {t}: use 1 to 14 sessions")),
        None => d.weekly_target,
    };
    let week_start = match raw.week_start {
        Some(day) => day.parse::<Weekday>().map_err(|_| {
            format!("`week_start` = {day:?}: use a day such as \"monday\" or \"sunday\"")
        })?,
        None => d.week_start,
    };
    let mut keys = d.keys.clone();
    for (key, action) in raw.keys.unwrap_or_default() {
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => keys
                .bind(c, action)
                .map_err(|e| format!("`keys.{key}`: {e}"))?,
            _ => {
                return Err(format!(
                    "`keys.{key}`: bind single characters, such as n = \"next_exercise\""
                ));
            }
        }
    }
    Ok(Config {
        settings: Settings {
            weekly_target,
            week_start,
            default_rest: secs("rest_secs", raw.rest_secs, 3600, d.default_rest)?,
            get_ready: secs("get_ready_secs", raw.get_ready_secs, 60, d.get_ready)?,
            switch_sides: secs("switch_secs", raw.switch_secs, 120, d.switch_sides)?,
            bell: raw.bell.unwrap_or(d.bell),
            flash: raw.flash.unwrap_or(d.flash),
            unit: raw.unit.unwrap_or(d.unit),
            color: !no_color && raw.theme != Some(Theme::Mono),
            keys,
        },
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::app::keymap::Input;

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let c = parse("", false).unwrap();
        assert_eq!(c.settings, Settings::default());
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn every_key_is_read() {
        let text = r#"
            unit = "lb"
            weekly_target = 3
            week_start = "sunday"
            rest_secs = 120
            get_ready_secs = 3
            switch_secs = 8
            bell = false
            flash = false
            theme = "mono"
            [keys]
            n = "next_exercise"
        "#;
        let s = parse(text, false).unwrap().settings;
        assert_eq!(s.unit, Unit::Lb);
        assert_eq!((s.weekly_target, s.week_start), (3, Weekday::Sun));
        assert_eq!(s.default_rest, Duration::from_secs(120));
        assert_eq!(
            (s.get_ready, s.switch_sides),
            (Duration::from_secs(3), Duration::from_secs(8))
        );
        assert!(!s.bell && !s.flash && !s.color);
        let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(s.keys.action(n, Input::Commands), Some(Action::Right));
    }

    #[test]
    fn no_color_wins_over_the_theme() {
        assert!(!parse("theme = \"color\"", true).unwrap().settings.color);
        assert!(parse("theme = \"color\"", false).unwrap().settings.color);
    }

    #[test]
    fn bad_values_name_their_key() {
        for (text, key) in [
            ("unit = \"stone\"", "unit"),
            ("weekly_target = 0", "weekly_target"),
            ("weekly_target = \"two\"", "weekly_target"),
            ("week_start = \"someday\"", "week_start"),
            ("rest_secs = 99999", "rest_secs"),
            ("bell = \"loud\"", "bell"),
            ("[keys]\nn = \"dance\"", "n"),
            ("[keys]\n5 = \"quit\"", "keys.5"),
        ] {
            let err = parse(text, false).unwrap_err();
            assert!(err.contains(key), "{text:?} gave {err:?}");
        }
    }

    #[test]
    fn unknown_keys_are_warnings() {
        let c = parse("colour = \"red\"\nunit = \"kg\"", false).unwrap();
        assert_eq!(c.warnings, ["unknown key `colour` ignored"]);
        assert_eq!(c.settings.unit, Unit::Kg);
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(dir.path(), false).unwrap().settings,
            Settings::default()
        );
        std::fs::write(dir.path().join(FILE), "weekly_target = 99").unwrap();
        let err = load(dir.path(), false).unwrap_err();
        assert!(
            err.contains("config.toml") && err.contains("weekly_target"),
            "{err}"
        );
    }
}

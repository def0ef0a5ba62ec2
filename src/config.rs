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
use crate::domain::plates::{PlateSets, Plates};
use crate::domain::progression::{self, Schedule};

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
    plates: Option<RawPlates>,
    imbalance_threshold: Option<u32>,
    race: Option<toml::value::Datetime>,
    taper_weeks: Option<u32>,
    deload_every: Option<u32>,
}

/// `[plates]`: plate sizes and bar weights, kilograms and pounds apart.
#[derive(Debug, Default, Deserialize)]
struct RawPlates {
    kg: Option<Vec<f64>>,
    lb: Option<Vec<f64>>,
    bar: Option<f64>,
    bar_lb: Option<f64>,
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
    /// With what progression needs (plates, the imbalance threshold,
    /// deload and race weeks) for `runstrong next` and the app alike.
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
    let progression = progression_settings(&raw)?;
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
            progression,
        },
        warnings,
    })
}

/// Hundredths from a config number, refusing what is not a positive
/// amount with at most two decimals.
fn centi(key: &str, value: f64) -> Result<i64, String> {
    let centi = (value * 100.0).round();
    if !(1.0..=100_000.0).contains(&centi) || (value * 100.0 - centi).abs() > 1e-6 {
        return Err(format!(
            "`{key}` = {value}: use a positive weight with at most two decimals"
        ));
    }
    Ok(centi as i64)
}

fn progression_settings(raw: &Raw) -> Result<progression::Settings, String> {
    let d = progression::Settings::default();
    let plates = match &raw.plates {
        None => d.plates,
        Some(p) => {
            let set =
                |key: &str, unit: Unit, sizes: &Option<Vec<f64>>, bar: Option<f64>, d: Plates| {
                    let bar = match bar {
                        Some(b) => centi(&format!("plates.{key}"), b)?,
                        None => d.bar,
                    };
                    let sizes = match sizes {
                        Some(sizes) => sizes
                            .iter()
                            .map(|&s| centi(&format!("plates.{}", unit.as_str()), s))
                            .collect::<Result<Vec<_>, _>>()?,
                        None => d.sizes,
                    };
                    Ok::<_, String>(Plates::new(unit, bar, &sizes))
                };
            PlateSets {
                kg: set("bar", Unit::Kg, &p.kg, p.bar, d.plates.kg)?,
                lb: set("bar_lb", Unit::Lb, &p.lb, p.bar_lb, d.plates.lb)?,
            }
        }
    };
    let imbalance_pct = match raw.imbalance_threshold {
        Some(t @ 1..=100) => t,
        Some(t) => {
            return Err(format!(
                "`imbalance_threshold` = {t}: use 1 to 100 (percent)"
            ));
        }
        None => d.imbalance_pct,
    };
    let race = match raw.race {
        Some(date) => Some(
            date.date
                .and_then(|day| {
                    chrono::NaiveDate::from_ymd_opt(
                        i32::from(day.year),
                        u32::from(day.month),
                        u32::from(day.day),
                    )
                })
                .filter(|_| date.time.is_none())
                .ok_or_else(|| format!("`race` = {date}: give a day, such as race = 2027-04-12"))?,
        ),
        None => None,
    };
    let taper_weeks = match raw.taper_weeks {
        Some(w @ 0..=3) => w,
        Some(w) => {
            return Err(format!(
                "`taper_weeks` = {w}: use 0 to 3 weeks before the race week"
            ));
        }
        None => d.schedule.taper_weeks,
    };
    let deload_every = match raw.deload_every {
        Some(n @ 2..=52) => Some(n),
        Some(n) => return Err(format!("`deload_every` = {n}: use 2 to 52 (weeks)")),
        None => None,
    };
    Ok(progression::Settings {
        plates,
        imbalance_pct,
        schedule: Schedule {
            deload_every,
            race,
            taper_weeks,
        },
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
    fn progression_keys_are_read() {
        let text = "imbalance_threshold = 15\nrace = 2027-04-12\ntaper_weeks = 2\ndeload_every = 6\n[plates]\nkg = [20, 10, 5, 2.5]\nbar = 15\nbar_lb = 35\n";
        let c = parse(text, false).unwrap();
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let p = c.settings.progression;
        assert_eq!(p.imbalance_pct, 15);
        assert_eq!(
            p.schedule.race,
            chrono::NaiveDate::from_ymd_opt(2027, 4, 12)
        );
        assert_eq!(
            (p.schedule.taper_weeks, p.schedule.deload_every),
            (2, Some(6))
        );
        assert_eq!(
            p.plates.kg,
            Plates::new(Unit::Kg, 1500, &[2000, 1000, 500, 250])
        );
        assert_eq!(p.plates.lb.bar, 3500);
        assert_eq!(p.plates.lb.sizes, PlateSets::default().lb.sizes);
        assert_eq!(
            parse("", false).unwrap().settings.progression,
            progression::Settings::default()
        );
    }

    #[test]
    fn bad_progression_keys_name_themselves() {
        for (text, key) in [
            ("imbalance_threshold = 0", "imbalance_threshold"),
            ("race = 2027-04-12T10:00:00", "race"),
            ("race = \"soon\"", "race"),
            ("taper_weeks = 5", "taper_weeks"),
            ("deload_every = 1", "deload_every"),
            ("[plates]\nkg = [20, -5]", "plates.kg"),
            ("[plates]\nbar = 20.001", "plates.bar"),
        ] {
            let err = parse(text, false).unwrap_err();
            assert!(err.contains(key), "{text:?} gave {err:?}");
        }
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

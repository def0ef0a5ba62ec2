//! What config.toml sets: targets, timers, cues, units, colours, keys, and
//! what progression follows (plates, imbalance threshold, deload and race).

use std::time::Duration;

use chrono::Weekday;

use super::keymap::Keymap;
use crate::domain::Unit;
use crate::domain::progression;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub weekly_target: u32,
    pub week_start: Weekday,
    /// Rest for exercises whose routine gives none.
    pub default_rest: Duration,
    pub get_ready: Duration,
    pub switch_sides: Duration,
    pub bell: bool,
    pub flash: bool,
    pub unit: Unit,
    /// Off when `NO_COLOR` is set or the theme is "mono".
    pub color: bool,
    pub keys: Keymap,
    pub progression: progression::Settings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            weekly_target: 2,
            week_start: Weekday::Mon,
            default_rest: Duration::from_secs(90),
            get_ready: Duration::from_secs(5),
            switch_sides: Duration::from_secs(10),
            bell: true,
            flash: true,
            unit: Unit::Kg,
            color: true,
            keys: Keymap::default(),
            progression: progression::Settings::default(),
        }
    }
}

//! Distances of cardio sets that imports bring in (a run's 5.2 km), kept
//! exactly as written: hundredths of the unit of the file.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use strum::IntoStaticStr;

use super::load::centi_text;

/// Stored and shown as its lowercase name; `FromStr` is lenient, for what
/// files write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum DistanceUnit {
    M,
    Km,
    Mi,
}

impl DistanceUnit {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for DistanceUnit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Strong's semicolon layout writes `mi.` and `km.`.
        match s.trim().trim_end_matches('.').to_ascii_lowercase().as_str() {
            "m" | "meters" | "metres" => Ok(DistanceUnit::M),
            "km" | "kilometers" | "kilometres" => Ok(DistanceUnit::Km),
            "mi" | "miles" | "mile" => Ok(DistanceUnit::Mi),
            _ => Err(format!(
                "unknown distance unit {:?} (use m, km or mi)",
                s.trim()
            )),
        }
    }
}

/// A distance as exact hundredths of the unit it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Distance {
    pub centi: i64,
    pub unit: DistanceUnit,
}

impl fmt::Display for Distance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", centi_text(self.centi), self.unit.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_in_the_shortest_decimal() {
        let km = |centi| Distance {
            centi,
            unit: DistanceUnit::Km,
        };
        assert_eq!(km(520).to_string(), "5.2 km");
        assert_eq!(km(1000).to_string(), "10 km");
        assert_eq!(km(1005).to_string(), "10.05 km");
    }
}

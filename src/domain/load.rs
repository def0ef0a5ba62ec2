//! Loads kept exactly as typed: an integer count of hundredths plus the unit.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use strum::IntoStaticStr;

/// The international pound, exactly: the one conversion factor, used by the
/// SQL too (`store::functions`).
pub const KG_PER_LB: f64 = 0.453_592_37;
/// Heavier than any sane single-exercise load, in kilograms.
pub const MAX_KG: f64 = 1000.0;

/// Stored and shown as its lowercase name; `FromStr` is lenient, for what
/// people type and files write.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Unit {
    #[default]
    Kg,
    Lb,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn toggled(self) -> Unit {
        match self {
            Unit::Kg => Unit::Lb,
            Unit::Lb => Unit::Kg,
        }
    }
}

impl FromStr for Unit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kg" | "kgs" => Ok(Unit::Kg),
            "lb" | "lbs" => Ok(Unit::Lb),
            other => Err(format!("unknown unit {other:?} (use kg or lb)")),
        }
    }
}

/// A positive load. Bodyweight is the absence of a load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Load {
    pub centi: i64,
    pub unit: Unit,
}

impl Load {
    pub fn in_kg(self) -> f64 {
        centi_in_kg(self.centi, self.unit)
    }

    /// The load expressed in `unit`, for display and comparison only.
    pub fn value_in(self, unit: Unit) -> f64 {
        kg_in(self.in_kg(), unit)
    }

    /// Parses what a person types into a load field: `20`, `22.5`, `22,5`,
    /// `45lb`, `20 kg`. Empty, `0` and `bw` mean bodyweight (`None`).
    pub fn parse(text: &str, default_unit: Unit) -> Result<Option<Load>, String> {
        let text = text.trim().to_ascii_lowercase();
        if text.is_empty() || text == "bw" {
            return Ok(None);
        }
        let split = text
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let unit = if unit.is_empty() {
            default_unit
        } else {
            unit.parse()?
        };
        let centi = parse_centi(number.trim())
            .ok_or_else(|| format!("{:?} is not a weight (try 20 or 22.5)", text.trim()))?;
        if centi == 0 {
            return Ok(None);
        }
        let load = Load { centi, unit };
        if load.in_kg() > MAX_KG {
            return Err(format!("{load} is more than anyone lifts here"));
        }
        Ok(Some(load))
    }
}

/// `kg` kilograms expressed in `unit` (a total, a record): the one
/// conversion out of kilograms, for display only.
pub fn kg_in(kg: f64, unit: Unit) -> f64 {
    match unit {
        Unit::Kg => kg,
        Unit::Lb => kg / KG_PER_LB,
    }
}

/// Hundredths of `unit` in kilograms.
fn centi_in_kg(centi: i64, unit: Unit) -> f64 {
    let value = centi as f64 / 100.0;
    match unit {
        Unit::Kg => value,
        Unit::Lb => value * KG_PER_LB,
    }
}

/// Reps × load, summed exactly (hundredths per unit) and converted once, so
/// that a total is the same number whatever order its sets are added in,
/// here and in SQL (`volume_kg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Volume {
    pub kg_centi: i64,
    pub lb_centi: i64,
}

impl Volume {
    pub fn add(&mut self, reps: u32, load: Load) {
        let centi = i64::from(reps) * load.centi;
        match load.unit {
            Unit::Kg => self.kg_centi += centi,
            Unit::Lb => self.lb_centi += centi,
        }
    }

    pub fn kg(self) -> f64 {
        centi_in_kg(self.kg_centi, Unit::Kg) + centi_in_kg(self.lb_centi, Unit::Lb)
    }
}

/// Decimal text with at most two fractional digits, to hundredths, exactly.
fn parse_centi(number: &str) -> Option<i64> {
    let number = number.replace(',', ".");
    let (whole, frac) = number.split_once('.').unwrap_or((&number, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(frac)
}

/// Hundredths as the shortest decimal: `150`, `22.5`, `0.05`.
pub fn centi_text(centi: i64) -> String {
    let sign = if centi < 0 { "-" } else { "" };
    let (whole, frac) = (centi.unsigned_abs() / 100, centi.unsigned_abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

impl fmt::Display for Load {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", centi_text(self.centi), self.unit.as_str())
    }
}

/// A load for display: "BW" for bodyweight.
pub fn show(load: Option<Load>) -> String {
    load.map_or_else(|| "BW".to_string(), |l| l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(centi: i64) -> Option<Load> {
        Some(Load {
            centi,
            unit: Unit::Kg,
        })
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Load::parse("20", Unit::Kg), Ok(kg(2000)));
        assert_eq!(Load::parse("22.5", Unit::Kg), Ok(kg(2250)));
        assert_eq!(Load::parse("22,5", Unit::Kg), Ok(kg(2250)));
        assert_eq!(Load::parse(".5", Unit::Kg), Ok(kg(50)));
        assert_eq!(
            Load::parse("45 lb", Unit::Kg),
            Ok(Some(Load {
                centi: 4500,
                unit: Unit::Lb
            }))
        );
        assert_eq!(Load::parse("20KG", Unit::Lb), Ok(kg(2000)));
        assert_eq!(Load::parse("", Unit::Kg), Ok(None));
        assert_eq!(Load::parse("bw", Unit::Kg), Ok(None));
        assert_eq!(Load::parse("0", Unit::Kg), Ok(None));
    }

    #[test]
    fn refuses_typos_negatives_and_absurd_loads() {
        for bad in ["2o", "-5", "1.234", "1.2.3", ".", "20 stone", "5000"] {
            assert!(
                Load::parse(bad, Unit::Kg).is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn displays_exactly_what_was_typed() {
        assert_eq!(kg(2250).map(|l| l.to_string()).as_deref(), Some("22.5 kg"));
        assert_eq!(kg(2205).map(|l| l.to_string()).as_deref(), Some("22.05 kg"));
        assert_eq!(
            Load {
                centi: 4500,
                unit: Unit::Lb
            }
            .to_string(),
            "45 lb"
        );
        assert_eq!(show(None), "BW");
    }

    #[test]
    fn converts_only_for_comparison() {
        let lb = Load {
            centi: 10000,
            unit: Unit::Lb,
        };
        assert!((lb.in_kg() - 45.359).abs() < 0.001);
        assert!((lb.value_in(Unit::Lb) - 100.0).abs() < 1e-9);
        // A total in kilograms comes out as the same pounds as the load.
        assert_eq!(kg_in(lb.in_kg(), Unit::Lb), lb.value_in(Unit::Lb));
        assert_eq!(kg_in(45.359_237, Unit::Lb), 100.0);
        assert_eq!(kg_in(22.5, Unit::Kg), 22.5);
    }

    #[test]
    fn centi_text_is_shortest() {
        assert_eq!(centi_text(15000), "150");
        assert_eq!(centi_text(2250), "22.5");
        assert_eq!(centi_text(5), "0.05");
    }
}

//! The progression rules a routine file can name and their parameters
//! (what they do is in `progression/`). Every value is exact (hundredths,
//! halves), so a routine still compares equal to itself.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use strum::IntoStaticStr;

use super::entry::MAX_REPS;
use super::load::{Load, Unit, centi_text};
use super::set::Rpe;

/// How an exercise moves on from one session to the next. Its name (serde,
/// strum) is the one routine files write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr)]
#[serde(tag = "rule", rename_all = "lowercase", deny_unknown_fields)]
#[strum(serialize_all = "lowercase")]
pub enum Rule {
    /// A rep range and a load step: every set at the top adds the step and
    /// goes back to the bottom; otherwise one more rep.
    Double {
        reps: [u32; 2],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Step>,
    },
    /// The routine's reps every session, a step more each time they are all
    /// done; `misses` sessions in a row short of them take `deload` percent off.
    Linear {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Step>,
        #[serde(default = "default_misses")]
        misses: u32,
        #[serde(default = "default_deload")]
        deload: u32,
    },
    /// Seconds added to the hold target once every set reached it.
    Hold {
        #[serde(default = "default_hold_step")]
        step: u32,
    },
    /// Reps added up to a ceiling, then the routine's `next` variation, or a load.
    Bodyweight {
        ceiling: u32,
        #[serde(default = "default_rep_step")]
        step: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        load_step: Option<Step>,
    },
    /// The load for the routine's reps at a target RPE, from last session's
    /// load, reps and RPE (see `rpe.rs` for the table).
    Rpe {
        rpe: TargetRpe,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Step>,
    },
}

/// What `Rule::check` needs to know of the exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measured {
    Reps,
    Hold,
}

fn default_misses() -> u32 {
    3
}

fn default_deload() -> u32 {
    10
}

pub fn default_hold_step() -> u32 {
    5
}

fn default_rep_step() -> u32 {
    1
}

impl Rule {
    pub fn name(&self) -> &'static str {
        self.into()
    }

    /// What is wrong with the rule for an exercise of `kind`, if anything.
    pub fn check(&self, kind: Measured) -> Result<(), String> {
        let reps_only = || match kind {
            Measured::Reps => Ok(()),
            _ => Err(format!("rule {:?} is for reps exercises", self.name())),
        };
        let steps = |s: &Option<Step>| s.as_ref().map_or(Ok(()), Step::check);
        match self {
            Rule::Double {
                reps: [lo, hi],
                step,
            } => {
                reps_only()?;
                if *lo == 0 || lo > hi || *hi > MAX_REPS {
                    return Err("reps = [low, high] needs 1 <= low <= high <= 500".into());
                }
                steps(step)
            }
            Rule::Linear {
                step,
                misses,
                deload,
            } => {
                reps_only()?;
                if !(1..=10).contains(misses) || !(1..=50).contains(deload) {
                    return Err("misses must be 1 to 10 and deload 1 to 50 (percent)".into());
                }
                steps(step)
            }
            Rule::Hold { step } => {
                if kind != Measured::Hold {
                    return Err("rule \"hold\" is for hold exercises".into());
                }
                if !(1..=600).contains(step) {
                    return Err("step must be 1 to 600 seconds".into());
                }
                Ok(())
            }
            Rule::Bodyweight {
                ceiling,
                step,
                load_step,
            } => {
                reps_only()?;
                if *ceiling == 0 || *ceiling > MAX_REPS || !(1..=20).contains(step) {
                    return Err("ceiling must be 1 to 500 and step 1 to 20 reps".into());
                }
                steps(load_step)
            }
            Rule::Rpe { step, .. } => {
                reps_only()?;
                steps(step)
            }
        }
    }
}

/// A load step: a number is kilograms, text names its unit ("5 lb").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step(pub Load);

impl Step {
    /// 2.5 kg, or 5 lb for someone lifting in pounds.
    pub fn default_for(unit: Unit) -> Step {
        Step(Load {
            centi: match unit {
                Unit::Kg => 250,
                Unit::Lb => 500,
            },
            unit,
        })
    }

    /// The step in `unit`, in hundredths: exact in its own unit, else
    /// converted and rounded to the half unit.
    pub fn centi_in(self, unit: Unit) -> i64 {
        if self.0.unit == unit {
            return self.0.centi;
        }
        let halves = (self.0.value_in(unit) * 2.0).round().max(1.0);
        halves as i64 * 50
    }

    fn check(&self) -> Result<(), String> {
        if self.0.in_kg() > 50.0 {
            return Err(format!("a step of {} is more than 50 kg", self.0));
        }
        Ok(())
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.unit {
            Unit::Kg => s.serialize_f64(self.0.centi as f64 / 100.0),
            Unit::Lb => s.serialize_str(&self.0.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Step, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Step;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a load step such as 2.5 (kg) or \"5 lb\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Step, E> {
                match Load::parse(v, Unit::Kg) {
                    Ok(Some(load)) => Ok(Step(load)),
                    Ok(None) => Err(E::custom("a step must be more than 0")),
                    Err(e) => Err(E::custom(e)),
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Step, E> {
                let centi = (v * 100.0).round();
                if (v * 100.0 - centi).abs() > 1e-6 || !(1.0..=100_000.0).contains(&centi) {
                    return Err(E::custom(format!(
                        "step {v}: use a positive load with at most two decimals"
                    )));
                }
                self.visit_str(&centi_text(centi as i64))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Step, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Step, E> {
                self.visit_f64(v as f64)
            }
        }
        d.deserialize_any(V)
    }
}

/// The RPE a rule aims at, 1 to 10 in halves, written as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetRpe(pub Rpe);

impl Serialize for TargetRpe {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.0.value())
    }
}

impl<'de> Deserialize<'de> for TargetRpe {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TargetRpe, D::Error> {
        let value = f64::deserialize(d)?;
        Rpe::from_value(value)
            .map(TargetRpe)
            .ok_or_else(|| de::Error::custom(format!("rpe {value}: use 1 to 10 in half steps")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct One {
        progression: Rule,
    }

    fn rule(text: &str) -> Result<Rule, String> {
        toml::from_str::<One>(&format!("progression = {text}"))
            .map(|o| o.progression)
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn rules_read_with_their_defaults() {
        assert_eq!(
            rule("{ rule = \"double\", reps = [8, 12], step = 2.5 }"),
            Ok(Rule::Double {
                reps: [8, 12],
                step: Some(Step(Load {
                    centi: 250,
                    unit: Unit::Kg
                }))
            })
        );
        assert_eq!(
            rule("{ rule = \"linear\", step = \"5 lb\" }"),
            Ok(Rule::Linear {
                step: Some(Step(Load {
                    centi: 500,
                    unit: Unit::Lb
                })),
                misses: 3,
                deload: 10
            })
        );
        assert_eq!(rule("{ rule = \"hold\" }"), Ok(Rule::Hold { step: 5 }));
        assert!(matches!(
            rule("{ rule = \"rpe\", rpe = 8.5 }"),
            Ok(Rule::Rpe { rpe, .. }) if rpe.0.value() == 8.5
        ));
    }

    /// The name a message gives a rule is the one its file wrote.
    #[test]
    fn a_rule_is_named_as_its_file_names_it() {
        for text in [
            "{ rule = \"double\", reps = [8, 12] }",
            "{ rule = \"linear\" }",
            "{ rule = \"hold\" }",
            "{ rule = \"bodyweight\", ceiling = 20 }",
            "{ rule = \"rpe\", rpe = 8 }",
        ] {
            let parsed = rule(text).unwrap();
            assert!(text.contains(&format!("\"{}\"", parsed.name())), "{text}");
        }
    }

    #[test]
    fn typos_are_refused() {
        assert!(
            rule("{ rule = \"tripple\" }")
                .unwrap_err()
                .contains("tripple")
        );
        assert!(
            rule("{ rule = \"hold\", stepp = 5 }")
                .unwrap_err()
                .contains("stepp")
        );
        assert!(rule("{ rule = \"rpe\", rpe = 11 }").is_err());
        assert!(rule("{ rule = \"double\", reps = [8, 12], step = 2.555 }").is_err());
        assert!(rule("{ rule = \"double\", reps = [8, 12], step = -1 }").is_err());
    }

    #[test]
    fn steps_convert_to_half_units() {
        let kg = Step(Load {
            centi: 250,
            unit: Unit::Kg,
        });
        assert_eq!(kg.centi_in(Unit::Kg), 250);
        assert_eq!(kg.centi_in(Unit::Lb), 550);
    }

    #[test]
    fn a_rule_fits_its_kind() {
        let hold = Rule::Hold { step: 5 };
        assert!(hold.check(Measured::Reps).is_err());
        assert!(hold.check(Measured::Hold).is_ok());
        let double = Rule::Double {
            reps: [12, 8],
            step: None,
        };
        assert!(double.check(Measured::Reps).is_err());
    }
}
